//! The catalogues agree: every language has every message of English (`locales/en/*.ftl`, the
//! UI's `ui.ftl` included) with the same arguments and attributes and no other, and every error
//! code of docs/error-codes.md has a text in every language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use zairyu_messages::Language;

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")
}

/// Per message id: its variables and attributes (`$name`, `.hint`). A variable only chosen on
/// (`{ $count -> … }`, a plural) may be left out by a language that does not make that choice.
fn shape(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource =
        fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut parts = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut parts);
            }
            for attribute in &message.attributes {
                parts.insert(format!(".{}", attribute.id.name));
                pattern_variables(&attribute.value, &mut parts);
            }
            out.insert(message.id.name.to_owned(), parts);
        }
    }
    out
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { variants, .. } => {
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(format!("${}", id.name));
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        _ => {}
    }
}

fn files(language: Language) -> BTreeMap<String, String> {
    let dir = locales().join(language.tag());
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|x| x == "ftl"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

#[test]
fn every_catalogue_has_every_english_message_with_the_same_arguments() {
    let english = files(Language::En);
    assert!(english.contains_key("ui.ftl") && english.contains_key("findings.ftl"));
    let mut problems = Vec::new();
    for language in Language::ALL {
        let theirs = files(language);
        let names: BTreeSet<&String> = theirs.keys().collect();
        assert_eq!(
            names,
            english.keys().collect(),
            "{language}: catalogue files"
        );
        for (file, source) in &english {
            let ours = shape(source);
            let translated = shape(&theirs[file]);
            for (id, parts) in &ours {
                match translated.get(id) {
                    None => problems.push(format!("{language}/{file}: {id} is missing")),
                    Some(found) if found != parts => problems.push(format!(
                        "{language}/{file}: {id} has {found:?}, English {parts:?}"
                    )),
                    Some(_) => {}
                }
            }
            for id in translated.keys().filter(|id| !ours.contains_key(*id)) {
                problems.push(format!("{language}/{file}: {id} is not in English"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_of_arguments_fails_on_a_missing_or_extra_argument() {
    let english = shape("a = { $n } of { $total }\n    .hint = x\n");
    assert_ne!(shape("a = { $n }\n    .hint = x\n"), english);
    assert_ne!(
        shape("a = { $n } { $total } { $x }\n    .hint = x\n"),
        english
    );
    assert_ne!(shape("a = { $n } { $total }\n"), english);
    assert_eq!(
        shape("a = { $total }件中{ $n }件\n    .hint = y\n"),
        english
    );
}

/// The codes of docs/error-codes.md: every backticked code in the first cell of a table row.
fn documented_codes() -> Vec<String> {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/error-codes.md");
    let text = std::fs::read_to_string(doc).unwrap();
    let mut codes = Vec::new();
    for line in text.lines().filter(|l| l.starts_with('|')) {
        let first = line.split('|').nth(1).unwrap_or("");
        for (i, part) in first.split('`').enumerate() {
            let code = part.trim();
            let snake = !code.is_empty()
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if i % 2 == 1 && snake && !codes.iter().any(|c| c == code) {
                codes.push(code.to_owned());
            }
        }
    }
    codes
}

#[test]
fn every_documented_error_code_has_a_text_in_every_language() {
    let codes = documented_codes();
    assert!(codes.len() > 100, "{codes:?}");
    assert!(codes.iter().any(|c| c == "storage_failed"));
    let mut missing = Vec::new();
    for language in Language::ALL {
        for code in &codes {
            let known = [
                format!("error-{code}"),
                code.clone(),
                format!("form-{code}"),
            ]
            .iter()
            .any(|id| zairyu_messages::has_message(language, id));
            if !known {
                missing.push(format!("{language}: {code}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "codes without a text:\n{}",
        missing.join("\n")
    );
}

#[test]
fn an_error_code_renders_in_every_language_with_its_argument() {
    let args = zairyu_messages::args!["n" => 2];
    let mut texts = BTreeSet::new();
    for language in Language::ALL {
        let text = zairyu_messages::error_text(language, "pin_wrong", &args).unwrap();
        assert!(
            text.contains('2') || text.contains('२'),
            "{language}: {text}"
        );
        texts.insert(text);
    }
    assert_eq!(texts.len(), Language::ALL.len(), "one text per language");
}
