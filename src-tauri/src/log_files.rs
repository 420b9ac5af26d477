//! The log files of the support trail: tauri-plugin-log writes every `log` record of the app
//! layer and the shell (`info` and up; other crates' `warn` and up) as one line
//! (`zairyu_app::log_trail::log_line`) to `zairyu.log` in the OS log folder — Linux
//! `~/.local/share/<identifier>/logs`, macOS `~/Library/Logs/<identifier>`, Windows
//! `%LOCALAPPDATA%\<identifier>\logs` — or `DATA/logs` when `ZAIRYU_DATA_DIR` chooses the
//! app-data folder (tests, counter PCs), and to stderr.
//!
//! Rotation: a file that would pass [`MAX_FILE_BYTES`] is renamed with its date
//! (`zairyu_<date>.log`) and a new one started; [`KEPT_FILES`] renamed files are kept, older
//! ones removed, so the logs never take more than about 5 MB.

use std::path::PathBuf;

use log::LevelFilter;
use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime};
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

/// A log file is rotated before it passes this size.
pub(crate) const MAX_FILE_BYTES: u128 = 1_000_000;
/// Rotated files kept beside the current one.
pub(crate) const KEPT_FILES: usize = 4;
/// The log file's name, without `.log`.
const FILE_NAME: &str = "zairyu";

/// The folder chosen by `ZAIRYU_DATA_DIR` (`DATA/logs`), if it is set.
fn chosen_dir() -> Option<PathBuf> {
    crate::launch::explicit_data_dir().map(|data| data.join("logs"))
}

/// Where the log files are: the folder the plugin writes to.
pub(crate) fn log_dir<R: Runtime>(handle: &tauri::AppHandle<R>) -> Option<PathBuf> {
    chosen_dir().or_else(|| handle.path().app_log_dir().ok())
}

/// The plugin, set up before the window so start-up is logged.
pub(crate) fn plugin<R: Runtime>() -> TauriPlugin<R> {
    let file = match chosen_dir() {
        Some(path) => TargetKind::Folder {
            path,
            file_name: Some(FILE_NAME.into()),
        },
        None => TargetKind::LogDir {
            file_name: Some(FILE_NAME.into()),
        },
    };
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets([Target::new(file), Target::new(TargetKind::Stderr)])
        .max_file_size(MAX_FILE_BYTES)
        .rotation_strategy(RotationStrategy::KeepSome(KEPT_FILES))
        .level(LevelFilter::Warn)
        .level_for("zairyu_app", LevelFilter::Info)
        .level_for("zairyu_desktop", LevelFilter::Info)
        .format(|out, _message, record| {
            out.finish(format_args!(
                "{}",
                zairyu_app::log_trail::log_line(&zairyu_app::log_trail::timestamp(), record)
            ))
        })
        .build()
}
