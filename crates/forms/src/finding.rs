//! A finding about one field (or the whole form): stable code, field path, severity, and
//! what to do, in English and Japanese.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How serious a finding is: errors block signing and submission, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    /// Stable code, e.g. `required`, `too_long`, `reentry_needs_counter` (docs/error-codes.md).
    pub code: String,
    /// The field path, `section.field` (rows: `section.field[2].column`); empty for the form.
    pub path: String,
    pub severity: Severity,
    pub message: String,
    pub message_ja: String,
}

impl Finding {
    pub(crate) fn error(code: &str, path: &str, message: String, message_ja: String) -> Finding {
        Finding {
            code: code.to_owned(),
            path: path.to_owned(),
            severity: Severity::Error,
            message,
            message_ja,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
