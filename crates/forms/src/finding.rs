//! A finding about one field (or the whole form): stable code, field path, severity, and
//! what to do: the message's catalogue id and arguments (`locales/*/findings.ftl`, `form-*`),
//! with its English and Japanese texts rendered from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zairyu_messages::{Args, Language};

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
    /// The message's id in the catalogue (`form-<code>`, or a variant of it).
    #[serde(default)]
    pub message_id: String,
    /// The message's arguments (a field's label as `label_en` and `label_ja`).
    #[serde(default)]
    #[ts(type = "Record<string, string | number | Array<string>>")]
    pub args: Args,
}

impl Finding {
    pub(crate) fn error(code: &str, path: &str, message_id: &str, args: Args) -> Finding {
        let render = |language| {
            zairyu_messages::text(language, message_id, &args).unwrap_or_else(|| code.to_owned())
        };
        Finding {
            code: code.to_owned(),
            path: path.to_owned(),
            severity: Severity::Error,
            message: render(Language::En),
            message_ja: render(Language::Ja),
            message_id: message_id.to_owned(),
            args,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in `language`, from the catalogue (the English text if it has none).
    pub fn render(&self, language: Language) -> String {
        match language {
            Language::Ja if self.message_id.is_empty() => self.message_ja.clone(),
            _ => zairyu_messages::text(language, &self.message_id, &self.args)
                .unwrap_or_else(|| self.message.clone()),
        }
    }
}
