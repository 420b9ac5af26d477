//! User settings kept in `settings.json` in the app-data folder.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{json_file, AppError};

const FILE: &str = "settings.json";

/// The interface language (`zairyu-messages` owns the list and the catalogues).
pub use zairyu_messages::Language;

/// Everything the user chose that is not a draft or an application.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    /// A remote reception server (https://…); `None`: the server bundled with the app.
    pub server_url: Option<String>,
    /// The card reader to use when several are connected; `None`: the first with a card.
    pub reader: Option<String>,
    /// A counter PC (a school's advisor desk): a staff sign-in kept in memory only, and each
    /// student's work in a visit that leaves nothing behind (`counter_visit.rs`).
    pub counter_pc: bool,
    /// Minutes without activity after which an open visit ends by itself; `None`: the default
    /// ([`crate::DEFAULT_VISIT_IDLE_MINUTES`]).
    pub visit_idle_minutes: Option<u32>,
}

impl Settings {
    /// The settings at first run: the operating system's language when it is one of ours,
    /// else English.
    pub fn first_run() -> Settings {
        Settings {
            language: Language::from_os().unwrap_or_default(),
            ..Settings::default()
        }
    }
}

pub(crate) fn load(dir: &Path) -> Result<json_file::Read<Settings>, AppError> {
    json_file::read_json(dir, FILE)
}

pub(crate) fn save(dir: &Path, settings: &Settings) -> Result<(), AppError> {
    json_file::write_json(dir, FILE, settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_english_and_ignores_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).unwrap(), json_file::Read::Missing);
        std::fs::write(
            dir.path().join(FILE),
            br#"{"language":"ja","from_a_newer_version":1}"#,
        )
        .unwrap();
        let loaded = load(dir.path()).unwrap().value().unwrap();
        assert_eq!(loaded.language, Language::Ja);
    }
}
