//! Migrations of drafts written under older versions of a form schema, one step per version.
//!
//! History of the versions:
//! - extension-of-stay and change-of-status v1 (the first Zairyu drafts): the cellular phone
//!   was `applicant.phone` and the part-time hours `work.hours`, as text. v2 renamed them to
//!   `applicant.mobile` and `work.weekly_hours` (a number) to follow the agency's form.
//! - extension-of-stay and change-of-status v2: `applicant.nationality` was typed text. v3
//!   chooses it from the shipped list (ISO 3166-1 alpha-3 codes); a typed name that matches one
//!   entry's English or Japanese name (case, spaces and punctuation aside: "Viet Nam") becomes
//!   its code, anything else is kept as typed and the form asks for a choice.

use serde_json::Value;
use zairyu_forms::engine::{set_value, value_at};
use zairyu_forms::schema_for;

use crate::draft::DraftMeta;
use crate::error::DraftError;

/// Brings a draft up to the current version of its form; refuses drafts from a newer Zairyu.
pub fn migrate(mut meta: DraftMeta) -> Result<DraftMeta, DraftError> {
    let current = schema_for(&meta.procedure)?.version;
    if meta.schema_version > current {
        return Err(DraftError::NewerSchema {
            found: meta.schema_version,
            known: current,
        });
    }
    while meta.schema_version < current {
        let from = meta.schema_version;
        match (meta.procedure.as_str(), from) {
            ("extension-of-stay" | "change-of-status", 1) => {
                rename(&mut meta.form, "applicant.phone", "applicant.mobile", |v| v);
                rename(
                    &mut meta.form,
                    "work.hours",
                    "work.weekly_hours",
                    |v| match &v {
                        Value::String(s) => s.trim().parse::<u64>().map(Value::from).unwrap_or(v),
                        _ => v,
                    },
                );
            }
            ("extension-of-stay" | "change-of-status", 2) => {
                if let Some(Value::String(typed)) = value_at(&meta.form, "applicant.nationality") {
                    if let Some(code) = nationality_code(typed) {
                        set_value(&mut meta.form, "applicant.nationality", Value::from(code));
                    }
                }
            }
            _ => {
                return Err(DraftError::NoMigration {
                    procedure: meta.procedure.clone(),
                    from,
                })
            }
        }
        meta.schema_version = from + 1;
    }
    Ok(meta)
}

/// The list's code for a typed nationality, when exactly one entry's code or name matches.
fn nationality_code(typed: &str) -> Option<String> {
    let key = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = key(typed);
    if wanted.is_empty() {
        return None;
    }
    let mut found = zairyu_forms::schema::nationalities().iter().filter(|c| {
        key(&c.value) == wanted || key(&c.label_en) == wanted || key(&c.label_ja) == wanted
    });
    match (found.next(), found.next()) {
        (Some(one), None) => Some(one.value.clone()),
        _ => None,
    }
}

fn rename(form: &mut Value, from: &str, to: &str, convert: impl Fn(Value) -> Value) {
    if let Some(value) = value_at(form, from).cloned() {
        set_value(form, from, Value::Null);
        set_value(form, to, convert(value));
    }
}
