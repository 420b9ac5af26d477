//! Small JSON files in the app-data folder, written atomically (`zairyu_drafts::atomic`).
//!
//! A file that cannot be parsed is never overwritten silently: it is moved aside to
//! `NAME.corrupt` so the user (or a support person) can still recover it, and the caller
//! starts from defaults.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;
use zairyu_drafts::atomic::write_atomic;

use crate::AppError;

/// What reading one JSON file found.
#[derive(Debug, PartialEq)]
pub(crate) enum Read<T> {
    /// No file yet.
    Missing,
    Found(T),
    /// The file could not be parsed and was moved to this path; nothing was deleted.
    MovedAside(PathBuf),
}

impl<T> Read<T> {
    /// The value, or `None` when there was none to use.
    pub(crate) fn value(self) -> Option<T> {
        match self {
            Read::Found(value) => Some(value),
            Read::Missing | Read::MovedAside(_) => None,
        }
    }
}

/// Reads `dir/name` as JSON. A corrupt file is moved aside to `name.corrupt` (an older one of
/// that name is replaced only after the new one is safely there).
pub(crate) fn read_json<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<Read<T>, AppError> {
    let path = dir.join(name);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Read::Missing),
        Err(source) => return Err(AppError::Io { path, source }),
    };
    match serde_json::from_slice(&bytes) {
        Ok(value) => Ok(Read::Found(value)),
        Err(_) => {
            let aside = dir.join(format!("{name}.corrupt"));
            fs::rename(&path, &aside).map_err(|source| AppError::Io {
                path: path.clone(),
                source,
            })?;
            Ok(Read::MovedAside(aside))
        }
    }
}

/// Writes `value` as pretty JSON to `dir/name` with the drafts' crash-safe replacement (temp
/// file in the same folder, fsync, rename, fsync of the folder): a crash leaves either the old
/// or the new file.
pub(crate) fn write_json<T: Serialize>(dir: &Path, name: &str, value: &T) -> Result<(), AppError> {
    let path = dir.join(name);
    let mut bytes = serde_json::to_vec_pretty(value).expect("settings serialise");
    bytes.push(b'\n');
    write_atomic(&path, &bytes).map_err(|source| AppError::Io { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_no_temp_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        write_json(dir.path(), "x.json", &vec![1, 2, 3]).unwrap();
        let back: Read<Vec<i32>> = read_json(dir.path(), "x.json").unwrap();
        assert_eq!(back, Read::Found(vec![1, 2, 3]));
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["x.json".to_owned()]);
    }

    #[test]
    fn corrupt_file_is_kept_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.json"), b"{not json").unwrap();
        let back: Read<Vec<i32>> = read_json(dir.path(), "x.json").unwrap();
        assert_eq!(back, Read::MovedAside(dir.path().join("x.json.corrupt")));
        assert_eq!(
            fs::read(dir.path().join("x.json.corrupt")).unwrap(),
            b"{not json"
        );
    }
}
