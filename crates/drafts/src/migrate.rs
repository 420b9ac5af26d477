//! Migrations of drafts written under older versions of a form schema, one step per version.
//!
//! History of the versions:
//! - extension-of-stay and change-of-status v1 (the first Zairyu drafts): the cellular phone
//!   was `applicant.phone` and the part-time hours `work.hours`, as text. v2 renamed them to
//!   `applicant.mobile` and `work.weekly_hours` (a number) to follow the agency's form.

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

fn rename(form: &mut Value, from: &str, to: &str, convert: impl Fn(Value) -> Value) {
    if let Some(value) = value_at(form, from).cloned() {
        set_value(form, from, Value::Null);
        set_value(form, to, convert(value));
    }
}
