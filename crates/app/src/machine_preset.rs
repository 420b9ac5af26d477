//! The machine-wide preset a university's IT department can deploy: the reception server to
//! use, and whether the students may change it. One TOML file, read at start-up:
//!
//! ```toml
//! [server]
//! url = "https://reception.example-university.ac.jp"
//! locked = true   # Settings cannot change the server
//! ```
//!
//! at `/etc/zairyu/config.toml` (Linux), `%ProgramData%\Zairyu\config.toml` (Windows) or
//! `/Library/Application Support/Zairyu/config.toml` (macOS). It applies to the production
//! profile only (the practice profile always uses its bundled server). A file that cannot be
//! read or parsed, or whose address the app would refuse, presets nothing.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::server_address;

/// The server a machine-wide preset gives, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ServerPreset {
    /// The preset server's address (already checked like one typed in Settings).
    pub url: Option<String>,
    /// Settings cannot change the server (only with a preset `url`).
    pub locked: bool,
}

#[derive(Debug, Default, Deserialize)]
struct PresetFile {
    #[serde(default)]
    server: ServerSection,
}

#[derive(Debug, Default, Deserialize)]
struct ServerSection {
    url: Option<String>,
    #[serde(default)]
    locked: bool,
}

/// Where this operating system keeps the preset.
pub fn preset_path() -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("ProgramData")
            .map(|dir| PathBuf::from(dir).join("Zairyu").join("config.toml"))
    } else if cfg!(target_os = "macos") {
        Some(PathBuf::from(
            "/Library/Application Support/Zairyu/config.toml",
        ))
    } else {
        Some(PathBuf::from("/etc/zairyu/config.toml"))
    }
}

/// Reads the preset at `path`; no file, a bad file or a refused address preset nothing.
pub(crate) fn read_preset(path: &Path) -> ServerPreset {
    let Ok(text) = std::fs::read_to_string(path) else {
        return ServerPreset::default();
    };
    let file: PresetFile = match toml::from_str(&text) {
        Ok(file) => file,
        Err(err) => {
            eprintln!(
                "zairyu: the machine-wide preset {} is not valid TOML and is ignored: {err}",
                path.display()
            );
            return ServerPreset::default();
        }
    };
    let url = file
        .server
        .url
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty());
    match url {
        Some(url) if server_address::is_acceptable(&url) => ServerPreset {
            url: Some(url),
            locked: file.server.locked,
        },
        Some(url) => {
            eprintln!(
                "zairyu: the machine-wide preset {} names a server address the app refuses ({url}); it is ignored",
                path.display()
            );
            ServerPreset::default()
        }
        None => ServerPreset::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(text: &str) -> ServerPreset {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        read_preset(&path)
    }

    #[test]
    fn reads_the_server_and_the_lock() {
        assert_eq!(
            preset("[server]\nurl = \" https://reception.example.ac.jp \"\nlocked = true\n"),
            ServerPreset {
                url: Some("https://reception.example.ac.jp".into()),
                locked: true
            }
        );
        assert_eq!(
            preset("[server]\nurl = \"https://reception.example.ac.jp\"\n"),
            ServerPreset {
                url: Some("https://reception.example.ac.jp".into()),
                locked: false
            }
        );
    }

    #[test]
    fn no_file_a_bad_file_or_a_refused_address_presets_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read_preset(&dir.path().join("missing.toml")),
            ServerPreset::default()
        );
        assert_eq!(preset("[server\nurl ="), ServerPreset::default());
        assert_eq!(
            preset("[server]\nurl = \"http://reception.example.ac.jp\"\nlocked = true\n"),
            ServerPreset::default(),
            "plain http to another computer is refused, as in Settings"
        );
        // A lock without an address locks nothing.
        assert_eq!(preset("[server]\nlocked = true\n"), ServerPreset::default());
        assert_eq!(preset(""), ServerPreset::default());
    }

    fn app_with_preset(profile: crate::Profile, text: &str) -> (tempfile::TempDir, crate::App) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        let app = crate::App::open(dir.path().join("data"), profile)
            .unwrap()
            .with_vault(Box::new(crate::MemoryVault::default()))
            .with_server_preset_file(&path);
        (dir, app)
    }

    #[test]
    fn a_preset_gives_the_server_until_the_student_chooses_another() {
        let (_dir, app) = app_with_preset(
            crate::Profile::Production,
            "[server]\nurl = \"https://reception.example.ac.jp\"\n",
        );
        assert_eq!(
            app.server_url().as_deref(),
            Some("https://reception.example.ac.jp")
        );
        assert_eq!(
            app.info().server_preset.url.as_deref(),
            Some("https://reception.example.ac.jp")
        );
        app.set_server(Some("https://other.example.jp")).unwrap();
        assert_eq!(
            app.server_url().as_deref(),
            Some("https://other.example.jp")
        );
        app.set_server(None).unwrap();
        assert_eq!(
            app.server_url().as_deref(),
            Some("https://reception.example.ac.jp")
        );
    }

    #[test]
    fn a_locked_preset_cannot_be_changed_in_settings() {
        let (dir, app) = app_with_preset(
            crate::Profile::Production,
            "[server]\nurl = \"https://reception.example.ac.jp\"\nlocked = true\n",
        );
        // Even a server saved in the settings before the preset was deployed gives way.
        std::fs::write(
            dir.path().join("data").join("settings.json"),
            br#"{"server_url":"https://older.example.jp"}"#,
        )
        .unwrap();
        assert_eq!(
            app.server_url().as_deref(),
            Some("https://reception.example.ac.jp")
        );
        let err = app
            .set_server(Some("https://other.example.jp"))
            .unwrap_err();
        assert_eq!(err.code(), "server_locked");
        assert!(app.info().server_preset.locked);
    }

    #[test]
    fn the_practice_profile_ignores_presets() {
        if !crate::Profile::DEMO_BUILT_IN {
            return;
        }
        let (_dir, app) = app_with_preset(
            crate::Profile::Demo,
            "[server]\nurl = \"https://reception.example.ac.jp\"\nlocked = true\n",
        );
        assert_eq!(app.info().server_preset, ServerPreset::default());
        assert_eq!(
            app.server_url(),
            None,
            "no bundled server started in this test"
        );
        app.set_server(Some("https://other.example.jp")).unwrap();
    }

    #[test]
    fn the_path_is_the_system_wide_one_of_each_os() {
        let path = preset_path().unwrap();
        assert!(path.ends_with("config.toml"));
        assert!(path.is_absolute());
        #[cfg(target_os = "linux")]
        assert_eq!(path, PathBuf::from("/etc/zairyu/config.toml"));
    }
}
