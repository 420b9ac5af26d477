//! Migrations of drafts written under older versions of a form schema, one step per version.
//!
//! The draft format (the layout of `draft.json`, [`crate::draft::DRAFT_FORMAT`]) is migrated
//! first: format 1 held at most one file per slot, format 2 an ordered list; a format-1 slot
//! becomes a list of its one file with the same name in the form, so nothing changes meaning.
//!
//! History of the form versions:
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

use crate::draft::{DraftMeta, DRAFT_FORMAT};
use crate::error::DraftError;

/// Brings a draft up to the current version of its form; refuses drafts from a newer Zairyu.
pub fn migrate(mut meta: DraftMeta) -> Result<DraftMeta, DraftError> {
    if meta.format > DRAFT_FORMAT {
        return Err(DraftError::NewerFormat {
            found: meta.format,
            known: DRAFT_FORMAT,
        });
    }
    if meta.format < 2 {
        one_file_slots_to_lists(&mut meta);
    }
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

/// Format 1 → 2: each slot's one file becomes a list of one; its form value stays its file
/// name (a photo slot keeps its name too). A second entry for a slot cannot happen in format 1
/// (attaching replaced); were one there, the last written wins, as format 1 read it.
fn one_file_slots_to_lists(meta: &mut DraftMeta) {
    let mut kept: Vec<crate::draft::AttachmentEntry> = Vec::new();
    for entry in meta.attachments.drain(..) {
        kept.retain(|k| k.slot != entry.slot);
        kept.push(entry);
    }
    for entry in &kept {
        let name = entry.file.rsplit('/').next().unwrap_or(&entry.file);
        set_value(&mut meta.form, &entry.slot, Value::from(name));
    }
    meta.attachments = kept;
    meta.format = 2;
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
