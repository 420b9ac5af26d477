//! Uploaded files before their submission is accepted: streamed to `.upload-*` temporary
//! files, then put under their digest name for the checks, and removed again — on rejection,
//! on a dropped connection (the guard's `Drop`) and at start-up ([`sweep_leftovers`]) — unless
//! the handler calls [`StagedUploads::accept`]. Also the pacing of uploads: a body that stops
//! sending for `idle` or falls below `min_bytes_per_second` (after a grace period) is cut.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The prefix of a file still being received.
pub(crate) const TEMP_PREFIX: &str = ".upload-";

/// Files of one request on disk, removed when dropped unless accepted.
#[derive(Debug, Default)]
pub struct StagedUploads {
    /// Temporary files being written.
    temps: Vec<PathBuf>,
    /// Digest-named files this request created (a file already there belongs to an accepted
    /// submission and is never removed).
    created: Vec<PathBuf>,
    accepted: bool,
}

impl StagedUploads {
    pub(crate) fn temp_in(&mut self, dir: &Path) -> PathBuf {
        let mut random = [0u8; 16];
        let _ = getrandom::fill(&mut random);
        let name: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let path = dir.join(format!("{TEMP_PREFIX}{name}"));
        self.temps.push(path.clone());
        path
    }

    /// Moves a finished temporary file to its digest name (or drops it when that content is
    /// already stored).
    pub(crate) fn settle(&mut self, temp: &Path, target: PathBuf) -> std::io::Result<()> {
        if target.exists() {
            std::fs::remove_file(temp)?;
        } else {
            std::fs::rename(temp, &target)?;
            self.created.push(target);
        }
        self.temps.retain(|t| t != temp);
        Ok(())
    }

    /// The submission was accepted: its files stay.
    pub fn accept(mut self) {
        self.accepted = true;
    }
}

impl Drop for StagedUploads {
    fn drop(&mut self) {
        for temp in &self.temps {
            let _ = std::fs::remove_file(temp);
        }
        if !self.accepted {
            for file in &self.created {
                let _ = std::fs::remove_file(file);
            }
        }
    }
}

/// Removes what interrupted uploads left in the files folder (run at start-up); answers how
/// many files it removed.
pub fn sweep_leftovers(files_dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(files_dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// How slow an upload may be before it is cut: no byte for `idle`, or on average fewer than
/// `min_bytes_per_second` once `grace` has passed. The defaults (30 s idle, 8,000 B/s after
/// 60 s) let 25 MB through a 1 Mbit/s uplink (125,000 B/s, 200 s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadPacing {
    pub idle: Duration,
    pub min_bytes_per_second: u64,
    pub grace: Duration,
}

impl Default for UploadPacing {
    fn default() -> UploadPacing {
        UploadPacing {
            idle: Duration::from_secs(30),
            min_bytes_per_second: 8_000,
            grace: Duration::from_secs(60),
        }
    }
}

static PACING: OnceLock<UploadPacing> = OnceLock::new();

/// Sets the pacing of this process's uploads (once, at start-up; later calls are ignored).
pub fn set_upload_pacing(pacing: UploadPacing) {
    let _ = PACING.set(pacing);
}

pub(crate) fn upload_pacing() -> UploadPacing {
    PACING.get().copied().unwrap_or_default()
}

/// Tracks one request's progress against the pacing.
#[derive(Debug)]
pub(crate) struct Progress {
    pacing: UploadPacing,
    started: Instant,
    bytes: u64,
}

impl Progress {
    pub(crate) fn start() -> Progress {
        Progress {
            pacing: upload_pacing(),
            started: Instant::now(),
            bytes: 0,
        }
    }

    pub(crate) fn idle(&self) -> Duration {
        self.pacing.idle
    }

    /// Counts `n` more bytes; false when the average rate is below the minimum after the
    /// grace period.
    pub(crate) fn advance(&mut self, n: u64) -> bool {
        self.bytes += n;
        let elapsed = self.started.elapsed();
        elapsed < self.pacing.grace
            || self.bytes as f64 / elapsed.as_secs_f64() >= self.pacing.min_bytes_per_second as f64
    }
}
