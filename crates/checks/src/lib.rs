//! Local checks of the facial photo, each PDF and the whole attachment set, with fix-ups.
//!
//! The real system silently discards a PDF it dislikes; these checks run on the student's
//! own machine before anything is sent and say exactly what is wrong and how to fix it. Each
//! finding has a stable code, a severity (`error` blocks submission, `warning` informs),
//! English and Japanese text and a hint. Every number comes from `limits.json`.
//!
//! The same functions check bytes in memory (the reception server re-checks uploads with
//! them) and files on disk (the app and `zairyu check`).

mod date;
mod documents;
mod finding;
mod limits;
mod merge;
mod pdf;
mod pdf_pages;
mod pdf_scan;
mod photo;
mod photo_gray;
mod set;
mod sniff;

use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

pub use date::Date;
pub use documents::{
    document_status, missing_documents, Assignment, DocumentItem, DocumentStatus, Requirement,
};
pub use finding::{Finding, Severity};
pub use limits::Limits;
pub use pdf::PdfFacts;
pub use photo::PhotoFacts;
pub use set::SetEntry;
pub use sniff::{sniff, Sniffed};

/// What a file is checked as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Photo,
    Pdf,
    Other,
}

/// The verdict on one file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FileReport {
    pub path: String,
    pub kind: FileKind,
    /// No finding is an error.
    pub ok: bool,
    pub findings: Vec<Finding>,
}

/// The verdict on the set as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SetReport {
    pub ok: bool,
    pub findings: Vec<Finding>,
}

/// The verdict on every file and on the set.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub set: SetReport,
}

impl Report {
    /// True when no finding anywhere is an error.
    pub fn ok(&self) -> bool {
        self.set.ok && self.files.iter().all(|f| f.ok)
    }
}

/// A fix-up that could not be made; the finding says why and what to do instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .0.message)]
pub struct FixError(pub Box<Finding>);

fn findings(problems: &[finding::Problem]) -> Vec<Finding> {
    problems.iter().map(finding::Problem::finding).collect()
}

fn no_errors(findings: &[Finding]) -> bool {
    findings.iter().all(|f| f.severity != Severity::Error)
}

/// Checks a photo held in memory against `today`.
pub fn check_photo_bytes(bytes: &[u8], today: Date) -> (Vec<Finding>, PhotoFacts) {
    let (problems, facts) = photo::check(bytes, today, Limits::official());
    (findings(&problems), facts)
}

/// Checks a PDF held in memory.
pub fn check_pdf_bytes(bytes: &[u8]) -> (Vec<Finding>, PdfFacts) {
    let (problems, facts) = pdf::check(bytes, Limits::official());
    (findings(&problems), facts)
}

/// What the files of one request may still decode to, in bytes: the server makes one per
/// submission and checks every file within it, so twenty files that each stay under their own
/// caps cannot together cost more than `request_max_decoded_bytes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeBudget {
    left: u64,
}

impl DecodeBudget {
    /// The budget of one submission (`request_max_decoded_bytes` of `limits.json`).
    pub fn per_request() -> DecodeBudget {
        DecodeBudget {
            left: Limits::official().request_max_decoded_bytes,
        }
    }

    /// Bytes left.
    pub fn left(&self) -> u64 {
        self.left
    }
}

/// Checks a photo held in memory, drawing its decoded size from `budget`
/// (`files_decode_too_large` when it would overdraw it).
pub fn check_photo_bytes_within(
    bytes: &[u8],
    today: Date,
    budget: &mut DecodeBudget,
) -> (Vec<Finding>, PhotoFacts) {
    let (problems, facts) = photo::check_within(bytes, today, Limits::official(), &mut budget.left);
    (findings(&problems), facts)
}

/// Checks a PDF held in memory, drawing what its packed streams inflate to from `budget`.
pub fn check_pdf_bytes_within(bytes: &[u8], budget: &mut DecodeBudget) -> (Vec<Finding>, PdfFacts) {
    let (problems, facts) = pdf::check_within(bytes, Limits::official(), &mut budget.left);
    (findings(&problems), facts)
}

/// Checks the set: count, total size (photo included) and duplicates.
pub fn check_set(entries: &[SetEntry]) -> Vec<Finding> {
    findings(&set::check(entries, Limits::official()))
}

/// Decides how a file is checked: by its name when it says photo or PDF (so a renamed file
/// is reported as what it really is), else by its content.
pub fn kind_of(path: &Path, bytes: &[u8]) -> FileKind {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => return FileKind::Pdf,
        "jpg" | "jpeg" | "jpe" | "png" | "heic" | "heif" | "gif" => return FileKind::Photo,
        _ => {}
    }
    match sniff(bytes) {
        Sniffed::Pdf => FileKind::Pdf,
        Sniffed::Jpeg | Sniffed::Png | Sniffed::Gif | Sniffed::Heif => FileKind::Photo,
        _ => FileKind::Other,
    }
}

/// What the files being checked at once may take together besides the program itself, so
/// that two threads keep `zairyu check` under 64 MB: 40 MB.
const CONCURRENT_CHECK_BYTES: u64 = 40_000_000;

/// Shares [`CONCURRENT_CHECK_BYTES`] between the threads of [`check_paths`]: a file waits
/// until its estimated cost fits beside what the others hold (one costing more than all of it
/// runs alone).
struct MemoryGate {
    used: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

impl MemoryGate {
    fn acquire(&self, cost: u64) -> u64 {
        let cost = cost.min(CONCURRENT_CHECK_BYTES);
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used + cost > CONCURRENT_CHECK_BYTES {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += cost;
        cost
    }

    fn release(&self, cost: u64) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= cost;
        self.freed.notify_all();
    }
}

/// What checking `bytes` may hold at its peak, estimated without decoding: the bytes, plus
/// for a photo what its decoding costs (from the frame header), for a PDF its stream data
/// again (lopdf copies it) plus its object tree.
fn check_cost(kind: FileKind, bytes: &[u8]) -> u64 {
    let len = bytes.len() as u64;
    match kind {
        FileKind::Photo => len + photo_gray::frame(bytes).map_or(0, |frame| frame.decode_cost()),
        FileKind::Pdf => 2 * len,
        FileKind::Other => len,
    }
}

/// Checks one file already read, within `gate`.
fn check_read_file(path: &Path, bytes: &[u8], today: Date, gate: &MemoryGate) -> FileReport {
    let kind = kind_of(path, bytes);
    let held = gate.acquire(check_cost(kind, bytes));
    let found = match kind {
        FileKind::Photo => check_photo_bytes(bytes, today).0,
        FileKind::Pdf => check_pdf_bytes(bytes).0,
        FileKind::Other => {
            let actually = sniff(bytes).describe();
            findings(&[if bytes.is_empty() {
                finding::Problem::EmptyFile
            } else {
                finding::Problem::UnsupportedFile { actually }
            }])
        }
    };
    gate.release(held);
    FileReport {
        path: path.display().to_string(),
        kind,
        ok: no_errors(&found),
        findings: found,
    }
}

/// Bytes at each end of a file that its quick duplicate key covers.
const QUICK_KEY_SPAN: usize = 64 * 1024;

/// A duplicate key that costs at most 128 KiB of hashing: SHA-256 of the whole file when it
/// is that small, else of its first and last 64 KiB. Files whose size and quick key agree are
/// hashed whole afterwards ([`check_paths`]), so only true duplicates pay for a full hash.
fn quick_key(bytes: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    if bytes.len() <= 2 * QUICK_KEY_SPAN {
        hasher.update(bytes);
    } else {
        hasher.update(&bytes[..QUICK_KEY_SPAN]);
        hasher.update(&bytes[bytes.len() - QUICK_KEY_SPAN..]);
    }
    hasher.finalize().into()
}

/// Checks files on disk, each on its own and then as a set. `progress` is called after each
/// file with (done, total), in the order files finish.
///
/// Files are checked on up to two threads, within a shared memory estimate. Duplicates are found by
/// size and a quick key first; only files that agree in both are hashed whole (re-read).
pub fn check_paths(paths: &[&Path], today: Date, mut progress: impl FnMut(usize, usize)) -> Report {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;

    let next = AtomicUsize::new(0);
    let gate = MemoryGate {
        used: std::sync::Mutex::new(0),
        freed: std::sync::Condvar::new(),
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(2)
        .min(paths.len().max(1));
    let mut done: Vec<Option<(FileReport, Option<SetEntry>)>> = vec![None; paths.len()];
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, gate) = (&next, &gate);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(index) else { break };
                let result = match std::fs::read(path) {
                    Err(err) => {
                        let problems = [finding::Problem::Unreadable {
                            reason: err.to_string(),
                        }];
                        let report = FileReport {
                            path: path.display().to_string(),
                            kind: FileKind::Other,
                            ok: false,
                            findings: findings(&problems),
                        };
                        (report, None)
                    }
                    Ok(bytes) => {
                        let entry = SetEntry {
                            name: path.display().to_string(),
                            size: bytes.len() as u64,
                            sha256: quick_key(&bytes),
                        };
                        (check_read_file(path, &bytes, today, gate), Some(entry))
                    }
                };
                if sender.send((index, result)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        for (count, (index, result)) in receiver.iter().enumerate() {
            done[index] = Some(result);
            progress(count + 1, paths.len());
        }
    });
    let mut files = Vec::with_capacity(paths.len());
    let mut entries = Vec::with_capacity(paths.len());
    for (index, slot) in done.into_iter().enumerate() {
        let (report, entry) = slot.expect("every file was checked");
        files.push(report);
        if let Some(entry) = entry {
            entries.push((index, entry));
        }
    }
    // Files agreeing in size and quick key: hash them whole, so only true duplicates match.
    let agree: Vec<bool> = entries
        .iter()
        .map(|(_, e)| {
            e.size > (2 * QUICK_KEY_SPAN) as u64
                && entries
                    .iter()
                    .filter(|(_, o)| o.size == e.size && o.sha256 == e.sha256)
                    .count()
                    > 1
        })
        .collect();
    for ((index, entry), agree) in entries.iter_mut().zip(agree) {
        if agree {
            if let Ok(bytes) = std::fs::read(paths[*index]) {
                entry.size = bytes.len() as u64;
                entry.sha256 = Sha256::digest(&bytes).into();
            }
        }
    }
    let entries: Vec<SetEntry> = entries.into_iter().map(|(_, e)| e).collect();
    let set_findings = check_set(&entries);
    Report {
        files,
        set: SetReport {
            ok: no_errors(&set_findings),
            findings: set_findings,
        },
    }
}

/// The finding codes that [`fix_photo`] or [`fix_pdf`] remove (the app's one-click fixes).
pub const FIXABLE: &[&str] = &[
    "photo_not_jpeg",
    "photo_too_many_pixels",
    "photo_not_3_4",
    "photo_file_large",
    "photo_has_location",
    "pdf_restricted",
    "pdf_encrypted",
];

/// The photo fix-up: upright, 3:4 around the centre, scaled down, JPEG without metadata.
pub fn fix_photo(bytes: &[u8]) -> Result<Vec<u8>, FixError> {
    photo::fix(bytes, Limits::official()).map_err(|p| FixError(Box::new(p.finding())))
}

/// The PDF fix-up: an unencrypted, unrestricted copy of a PDF that opens without a password.
pub fn fix_pdf(bytes: &[u8]) -> Result<Vec<u8>, FixError> {
    pdf::unrestricted_copy(bytes, Limits::official()).map_err(|p| FixError(Box::new(p.finding())))
}

/// Merges several PDFs, in order, into one unrestricted PDF 1.7.
pub fn merge_pdfs(inputs: &[Vec<u8>]) -> Result<Vec<u8>, FixError> {
    merge::merge(inputs, Limits::official()).map_err(|p| FixError(Box::new(p.finding())))
}

/// Shrinks the scanned pages of a PDF (re-encoding its JPEG images smaller) until the file
/// fits `max_bytes`; the copy is unrestricted, like `fix_pdf`.
pub fn shrink_pdf(bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, FixError> {
    pdf::shrink(bytes, max_bytes, Limits::official()).map_err(|p| FixError(Box::new(p.finding())))
}
