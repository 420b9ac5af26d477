//! The form label catalogues (`locales/<lang>/forms.ftl`) agree with the schemas: English and
//! Japanese are exactly the schemas' texts (`UPDATE_LABELS=1` rewrites them), and every other
//! language has a label for every form title, section, field, column and choice, a `.hint` where
//! the field has one, and nothing else.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::Entry;
use zairyu_forms::labels::{catalogue_en_ja, label_texts};
use zairyu_messages::Language;

fn forms_ftl(language: Language) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(language.tag())
        .join("forms.ftl")
}

/// Per message id of a catalogue: its attributes' names.
fn ids(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource =
        fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            assert!(message.value.is_some(), "{} has no text", message.id.name);
            let attributes = message
                .attributes
                .iter()
                .map(|a| a.id.name.to_owned())
                .collect();
            out.insert(message.id.name.to_owned(), attributes);
        }
    }
    out
}

fn expected() -> BTreeMap<String, BTreeSet<String>> {
    label_texts()
        .into_iter()
        .map(|label| {
            let hint = label.hint.map(|_| "hint".to_owned());
            (label.id, hint.into_iter().collect())
        })
        .collect()
}

/// What `found` lacks or has beyond `wanted`, one line each.
fn differences(
    language: Language,
    wanted: &BTreeMap<String, BTreeSet<String>>,
    found: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, attributes) in wanted {
        match found.get(id) {
            None => problems.push(format!("{language}/forms.ftl: {id} is missing")),
            Some(a) if a != attributes => problems.push(format!(
                "{language}/forms.ftl: {id} has attributes {a:?}, the schema {attributes:?}"
            )),
            Some(_) => {}
        }
    }
    for id in found.keys().filter(|id| !wanted.contains_key(*id)) {
        problems.push(format!("{language}/forms.ftl: {id} is not a form label"));
    }
    problems
}

#[test]
fn english_and_japanese_form_labels_are_the_schemas_texts() {
    for (language, japanese) in [(Language::En, false), (Language::Ja, true)] {
        let path = forms_ftl(language);
        let want = catalogue_en_ja(japanese);
        if std::env::var_os("UPDATE_LABELS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            found == want,
            "{} differs from the schemas: run UPDATE_LABELS=1 cargo test -p zairyu-forms --test label_catalogues",
            path.display()
        );
    }
}

#[test]
fn every_language_has_a_label_for_every_form_item_and_no_other() {
    let wanted = expected();
    let mut problems = Vec::new();
    for language in Language::ALL {
        let source = std::fs::read_to_string(forms_ftl(language)).unwrap_or_default();
        problems.extend(differences(language, &wanted, &ids(&source)));
    }
    assert!(
        problems.is_empty(),
        "{}\n(`node scripts/i18n-port.mjs forms` appends missing labels in English to translate)",
        problems.join("\n")
    );
}

#[test]
fn the_comparison_fails_on_a_missing_an_extra_or_a_hintless_label() {
    let wanted = ids("a = A\n    .hint = H\nb = B\n");
    let language = Language::Vi;
    assert!(differences(language, &wanted, &ids("a = x\n    .hint = y\nb = z\n")).is_empty());
    assert_eq!(
        differences(language, &wanted, &ids("a = x\n    .hint = y\n")).len(),
        1
    );
    assert_eq!(
        differences(
            language,
            &wanted,
            &ids("a = x\n    .hint = y\nb = z\nc = w\n")
        )
        .len(),
        1
    );
    assert_eq!(
        differences(language, &wanted, &ids("a = x\nb = z\n")).len(),
        1
    );
}

#[test]
fn a_translated_label_is_not_left_in_english() {
    // The Vietnamese label of item 11 ("Period of stay") is translated, not the English text.
    let source = std::fs::read_to_string(forms_ftl(Language::Vi)).unwrap();
    let line = source
        .lines()
        .find(|l| l.starts_with("label-extension-of-stay--applicant--current_period ="))
        .expect("the label of item 11");
    assert!(!line.contains("Period of stay"), "{line}");
}
