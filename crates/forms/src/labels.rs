//! The form labels as message catalogue entries: one Fluent id per form title, section, field,
//! rows column and choice (a field's hint as its `.hint`), for `locales/<lang>/forms.ftl`.
//! English and Japanese are the schemas' own texts (`catalogue_en_ja` writes those two files, a
//! test keeps them equal); the other languages translate them, and the UI shows their label with
//! the official Japanese term beside it.

use crate::schema::{schemas, Field};

/// One labelled thing of a form: its Fluent id, its English and Japanese texts and hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelText {
    /// `label-<procedure>[--<section>[--<field>[--<column>][--<choice value>]]]`.
    pub id: String,
    pub en: String,
    pub ja: String,
    /// The field's hint (`hint_en`, `hint_ja`), a `.hint` attribute in the catalogue.
    pub hint: Option<(String, String)>,
}

/// The Fluent id of a form's label: `label-` and the procedure, then each part (section id,
/// field id, column id, choice value) after `--`. The UI builds the same ids (`formLabelId`).
pub fn label_id(procedure: &str, parts: &[&str]) -> String {
    let mut id = format!("label-{procedure}");
    for part in parts {
        id.push_str("--");
        id.push_str(part);
    }
    id
}

/// Every label of every shipped form, in schema order. Choices filled from a shipped list
/// (nationalities, immigration offices: names the agency has in English and Japanese only) are
/// left out; the UI shows those in English with the Japanese name beside it.
pub fn label_texts() -> Vec<LabelText> {
    let mut out = Vec::new();
    for schema in schemas() {
        let p = schema.procedure.as_str();
        out.push(plain(label_id(p, &[]), &schema.title_en, &schema.title_ja));
        for section in &schema.sections {
            let s = section.id.as_str();
            out.push(plain(
                label_id(p, &[s]),
                &section.title_en,
                &section.title_ja,
            ));
            for field in &section.fields {
                push_field(&mut out, p, &[s], field);
            }
        }
    }
    out
}

fn plain(id: String, en: &str, ja: &str) -> LabelText {
    LabelText {
        id,
        en: en.to_owned(),
        ja: ja.to_owned(),
        hint: None,
    }
}

fn push_field(out: &mut Vec<LabelText>, procedure: &str, parents: &[&str], field: &Field) {
    let mut parts = parents.to_vec();
    parts.push(&field.id);
    let hint = match (&field.hint_en, &field.hint_ja) {
        (Some(en), Some(ja)) => Some((en.clone(), ja.clone())),
        (Some(en), None) => Some((en.clone(), en.clone())),
        _ => None,
    };
    out.push(LabelText {
        hint,
        ..plain(
            label_id(procedure, &parts),
            &field.label_en,
            &field.label_ja,
        )
    });
    if field.choices_from.is_none() {
        for choice in &field.choices {
            let mut choice_parts = parts.clone();
            choice_parts.push(&choice.value);
            out.push(plain(
                label_id(procedure, &choice_parts),
                &choice.label_en,
                &choice.label_ja,
            ));
        }
    }
    for column in &field.columns {
        push_field(out, procedure, &parts, column);
    }
}

/// `locales/en/forms.ftl` (`japanese` false) or `locales/ja/forms.ftl`: the schemas' texts.
pub fn catalogue_en_ja(japanese: bool) -> String {
    let mut out = String::from(
        "# Form labels, written from crates/forms/schemas/*.toml (the one source of the English and\n\
         # Japanese texts): do not edit; change the schema and run\n\
         # `UPDATE_LABELS=1 cargo test -p zairyu-forms --test label_catalogues`.\n\n",
    );
    for label in label_texts() {
        let pick = |en: &str, ja: &str| {
            if japanese {
                ja.to_owned()
            } else {
                en.to_owned()
            }
        };
        out.push_str(&format!(
            "{} = {}\n",
            label.id,
            ftl_value(&pick(&label.en, &label.ja))
        ));
        if let Some((en, ja)) = &label.hint {
            out.push_str(&format!("    .hint = {}\n", ftl_value(&pick(en, ja))));
        }
    }
    out
}

/// A text as a one-line Fluent value: braces as string literals, a leading space or a line
/// start Fluent reads as syntax (`[`, `*`, `.`) kept by a leading empty literal.
pub fn ftl_value(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '{' => out.push_str("{ \"{\" }"),
            '}' => out.push_str("{ \"}\" }"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    if out.starts_with([' ', '[', '*', '.']) || out.is_empty() {
        out.insert_str(0, "{ \"\" }");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_valid_fluent_identifiers() {
        let labels = label_texts();
        assert!(labels.len() > 200, "{}", labels.len());
        let mut seen = std::collections::BTreeSet::new();
        for label in &labels {
            assert!(seen.insert(label.id.clone()), "twice: {}", label.id);
            assert!(
                label
                    .id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{}",
                label.id
            );
        }
        assert!(seen.contains("label-extension-of-stay--applicant--sex--male"));
        assert!(seen.contains("label-extension-of-stay--family--members--relationship"));
        assert!(!seen.iter().any(|id| id.ends_with("--nationality--VNM")));
    }

    #[test]
    fn a_value_with_fluent_syntax_is_escaped() {
        assert_eq!(ftl_value("a {b}"), "a { \"{\" }b{ \"}\" }");
        assert_eq!(ftl_value("[x]"), "{ \"\" }[x]");
    }
}
