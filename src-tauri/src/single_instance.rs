//! One window per app-data folder: a second launch hands over to the running app, which
//! brings its window to the front (tauri-plugin-single-instance), and exits with status 0.
//!
//! The instance is named after the bundle identifier, plus a digest of the folder when one is
//! given with `ZAIRYU_DATA_DIR` (tests run several apps at once, each with its own folder; an
//! advisor may keep two counters apart). The plugin's lock is a D-Bus name on Linux, where the
//! name can carry the folder; on Windows and macOS it is the bundle identifier alone, so there
//! the plugin is left out when a folder is given (two launches on one explicit folder are then
//! kept apart by the drafts' own lock, as before).

use std::path::Path;

use sha2::{Digest, Sha256};
use tauri::{AppHandle, Manager, Runtime};

/// The name the running instance is known by: `identifier` for the OS app-data folder,
/// `identifier.d<16 hex digits>` for an explicit one (a valid D-Bus name element).
pub(crate) fn instance_id(identifier: &str, explicit_data_dir: Option<&Path>) -> String {
    match explicit_data_dir {
        None => identifier.to_owned(),
        Some(dir) => {
            // The same folder written two ways (`./x`, `/abs/x`) is one instance.
            let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            let digest = Sha256::digest(dir.as_os_str().as_encoded_bytes());
            let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
            format!("{identifier}.d{hex}")
        }
    }
}

/// Whether this platform's lock can tell explicit folders apart (see the module comment).
const LOCK_NAMES_THE_FOLDER: bool = cfg!(target_os = "linux");

/// The plugin, or `None` when the platform's lock could not keep explicit folders apart.
pub(crate) fn plugin<R: Runtime>(
    identifier: &str,
    explicit_data_dir: Option<&Path>,
) -> Option<tauri::plugin::TauriPlugin<R>> {
    if explicit_data_dir.is_some() && !LOCK_NAMES_THE_FOLDER {
        return None;
    }
    #[allow(unused_mut)]
    let mut builder = tauri_plugin_single_instance::Builder::new().callback(bring_to_front);
    #[cfg(target_os = "linux")]
    {
        builder = builder.dbus_id(instance_id(identifier, explicit_data_dir));
    }
    #[cfg(not(target_os = "linux"))]
    let _ = identifier;
    Some(builder.build())
}

/// Called in the running app when another launch handed over: its window comes back.
fn bring_to_front<R: Runtime>(app: &AppHandle<R>, _args: Vec<String>, _cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_os_folder_uses_the_bundle_identifier() {
        assert_eq!(
            instance_id("app.zairyu.desktop", None),
            "app.zairyu.desktop"
        );
    }

    #[test]
    fn an_explicit_folder_names_its_own_instance() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let id_a = instance_id("app.zairyu.desktop", Some(a.path()));
        let id_b = instance_id("app.zairyu.desktop", Some(b.path()));
        assert_ne!(id_a, id_b, "two folders, two instances");
        assert_ne!(id_a, "app.zairyu.desktop");
        // The same folder however it is written.
        let dotted = a.path().join(".");
        assert_eq!(id_a, instance_id("app.zairyu.desktop", Some(&dotted)));
        // A D-Bus name element: letters, digits, `_`, `-`, not starting with a digit.
        let last = id_a.rsplit('.').next().unwrap();
        assert!(last.starts_with('d') && last.len() == 17, "{id_a}");
        assert!(last.chars().all(|c| c.is_ascii_alphanumeric()), "{id_a}");
    }

    #[test]
    fn the_plugin_is_left_out_only_where_the_lock_cannot_name_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(plugin::<tauri::Wry>("app.zairyu.desktop", None).is_some());
        assert_eq!(
            plugin::<tauri::Wry>("app.zairyu.desktop", Some(dir.path())).is_some(),
            cfg!(target_os = "linux")
        );
    }
}
