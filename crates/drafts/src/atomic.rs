//! Crash-safe file replacement: write a temp file in the same folder, fsync it, rename it over
//! the target, fsync the folder. After a crash the target is either the old or the new bytes.
//!
//! A temp file is named `.NAME.tmp-PID-N` (the writer's process id and a counter of that
//! process), so two writers never share one. Opening a draft removes only *stale* temp files:
//! those whose writer process is gone (Linux: no `/proc/PID`) or older than
//! [`STALE_AFTER`]; another writer's temp file, still being written, is left alone.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// A temp file older than this is stale whoever wrote it (no save takes this long).
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// A temp-file path next to `path`, unique to this process and call.
pub fn temp_path_for(path: &Path) -> std::path::PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let n = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

/// Replaces `path` with `bytes` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = temp_path_for(path);
    let written = write_synced(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dir)
}

/// Writes a new file and fsyncs it (for files in a folder that is renamed into place whole
/// afterwards: sync that folder, then the rename, with [`sync_dir`]).
pub fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes a rename or a new link in `dir` durable (a no-op where folders cannot be opened).
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The writer's process id in a temp-file name (`.NAME.tmp-PID` or `.NAME.tmp-PID-N`).
fn writer_pid(name: &str) -> Option<u32> {
    let (_, rest) = name.rsplit_once(".tmp-")?;
    rest.split('-').next()?.parse().ok()
}

/// Whether process `pid` still runs. Only Linux can tell without unsafe code (`/proc`);
/// elsewhere every writer counts as running and age alone makes a temp file stale.
fn process_runs(pid: u32) -> bool {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Whether a temp file is a crashed writer's leftover rather than a save in progress.
fn is_stale(path: &Path, name: &str) -> bool {
    let old = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE_AFTER);
    old || writer_pid(name).is_none_or(|pid| !process_runs(pid))
}

/// Removes temp files crashed writers left behind (`.NAME.tmp-PID…` whose writer is gone or
/// that are older than [`STALE_AFTER`]); a running writer's temp file is kept.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.contains(".tmp-") && is_stale(&entry.path(), &name) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A process id no system hands out (Linux caps them at 2^22).
    const GONE: u32 = 4_999_999;

    #[test]
    fn replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        fs::write(dir.path().join(format!(".a.json.tmp-{GONE}")), b"half").unwrap();
        fs::write(dir.path().join(format!(".a.json.tmp-{GONE}-3")), b"half").unwrap();
        remove_stale_temps(dir.path());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn two_temp_paths_of_one_process_differ() {
        let path = Path::new("/x/a.json");
        assert_ne!(temp_path_for(path), temp_path_for(path));
        let name = temp_path_for(path);
        let name = name.file_name().unwrap().to_str().unwrap();
        assert_eq!(writer_pid(name), Some(std::process::id()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_running_writers_temp_file_is_kept_unless_it_is_old() {
        let dir = tempfile::tempdir().unwrap();
        // Another writer (here: this very process, which runs) is half-way through a save.
        let live = temp_path_for(&dir.path().join("draft.json"));
        fs::write(&live, b"half a save in progress").unwrap();
        remove_stale_temps(dir.path());
        assert!(live.exists(), "a running writer's temp file was removed");
        // The same file, untouched for longer than any save takes, is a leftover.
        let old = std::time::SystemTime::now() - STALE_AFTER - Duration::from_secs(60);
        File::options()
            .write(true)
            .open(&live)
            .unwrap()
            .set_modified(old)
            .unwrap();
        remove_stale_temps(dir.path());
        assert!(!live.exists());
    }
}
