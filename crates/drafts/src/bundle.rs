//! The portable draft bundle (`.zairyu`): one zip file holding `manifest.json`, `draft.json`,
//! the photo and the attachments, so a draft moves to the advisor's counter with its files —
//! which the agency's own temporary save cannot do.
//!
//! Import trusts nothing: only the expected paths, at most [`MAX_UNPACKED`] bytes unpacked
//! (read with a limit, whatever the zip headers claim), every file matching its SHA-256 in the
//! manifest, no form version newer than this Zairyu knows, and never into a folder that holds
//! something already. The draft is unpacked beside the target and renamed into place.

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::draft::{ensure_fresh, sha256_hex, Draft, DraftMeta, DRAFT_FILE, PHOTO_FILE};
use crate::error::DraftError;

/// Files of an application (25,000,000 bytes) plus room for the form data.
pub const MAX_UNPACKED: u64 = 26_000_000;
const MAX_ENTRIES: usize = 40;
const KIND: &str = "zairyu-draft-bundle";

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    kind: String,
    version: u32,
    procedure: String,
    schema_version: u32,
    files: Vec<ManifestFile>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ManifestFile {
    path: String,
    sha256: String,
    bytes: u64,
}

/// Writes the draft as one bundle file (replacing `file` atomically).
pub fn export(draft: &Draft, file: &Path) -> Result<(), DraftError> {
    let meta_bytes = serde_json::to_vec_pretty(draft.meta()).expect("draft metadata serialises");
    let mut files = vec![ManifestFile {
        path: DRAFT_FILE.into(),
        sha256: sha256_hex(&meta_bytes),
        bytes: meta_bytes.len() as u64,
    }];
    for entry in &draft.meta().attachments {
        files.push(ManifestFile {
            path: entry.file.clone(),
            sha256: entry.sha256.clone(),
            bytes: entry.bytes,
        });
    }
    let manifest = Manifest {
        kind: KIND.into(),
        version: 1,
        procedure: draft.meta().procedure.clone(),
        schema_version: draft.meta().schema_version,
        files,
    };
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = crate::atomic::temp_path_for(file);
    let write = || -> std::io::Result<()> {
        let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 20, File::create(&tmp)?));
        let text = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        // Photos and PDFs are compressed already: storing them keeps export fast.
        let stored = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(false);
        zip.start_file("manifest.json", text)?;
        zip.write_all(&serde_json::to_vec_pretty(&manifest).expect("manifest serialises"))?;
        zip.start_file(DRAFT_FILE, text)?;
        zip.write_all(&meta_bytes)?;
        for entry in &draft.meta().attachments {
            let bytes = fs::read(draft.dir().join(&entry.file))?;
            if sha256_hex(&bytes) != entry.sha256 {
                return Err(std::io::Error::other(format!(
                    "{} changed on disk since it was attached; attach it again",
                    entry.file
                )));
            }
            zip.start_file(entry.file.as_str(), stored)?;
            zip.write_all(&bytes)?;
        }
        let out = zip.finish()?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()
    };
    if let Err(e) = write() {
        let _ = fs::remove_file(&tmp);
        return Err(DraftError::Io {
            path: file.to_owned(),
            source: e,
        });
    }
    fs::rename(&tmp, file).map_err(DraftError::io(file))?;
    crate::atomic::sync_dir(dir).map_err(DraftError::io(dir))
}

fn allowed_path(path: &str) -> bool {
    if path == "manifest.json" || path == DRAFT_FILE || path == PHOTO_FILE {
        return true;
    }
    path.strip_prefix("attachments/")
        .is_some_and(|name| crate::draft::safe_file_name(name).is_ok_and(|n| n == name))
}

/// Unpacks a bundle into `dir` (which must not exist or be empty) and opens the draft,
/// migrated to the current form version.
pub fn import(file: &Path, dir: &Path) -> Result<Draft, DraftError> {
    ensure_fresh(dir)?;
    let reader = File::open(file).map_err(DraftError::io(file))?;
    let mut zip = ZipArchive::new(reader).map_err(|e| DraftError::NotABundle(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(DraftError::NotABundle(format!(
            "{} files, at most {MAX_ENTRIES}",
            zip.len()
        )));
    }
    let mut contents: Vec<(String, Vec<u8>)> = Vec::new();
    let mut budget = MAX_UNPACKED;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| DraftError::NotABundle(e.to_string()))?;
        let name = entry
            .name()
            .map_err(|e| DraftError::NotABundle(format!("an unreadable file name ({e})")))?
            .into_owned();
        if entry.is_dir() && name == "attachments/" {
            continue;
        }
        if !allowed_path(&name) {
            return Err(DraftError::UnsafePath(name));
        }
        if contents.iter().any(|(n, _)| n == &name) {
            return Err(DraftError::NotABundle(format!("{name} appears twice")));
        }
        if entry.size() > budget {
            return Err(DraftError::TooLarge {
                limit: MAX_UNPACKED,
            });
        }
        let mut bytes = Vec::with_capacity(entry.size().min(budget) as usize);
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| DraftError::NotABundle(format!("{name}: {e}")))?;
        if bytes.len() as u64 > budget {
            return Err(DraftError::TooLarge {
                limit: MAX_UNPACKED,
            });
        }
        budget -= bytes.len() as u64;
        contents.push((name, bytes));
    }
    let take = |name: &str| {
        contents
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
    };
    let manifest: Manifest = take("manifest.json")
        .and_then(|b| serde_json::from_slice(b).ok())
        .filter(|m: &Manifest| m.kind == KIND)
        .ok_or_else(|| DraftError::NotABundle("no readable manifest.json".into()))?;
    let known = zairyu_forms::schema_for(&manifest.procedure)?.version;
    if manifest.schema_version > known {
        return Err(DraftError::NewerSchema {
            found: manifest.schema_version,
            known,
        });
    }
    for (name, bytes) in &contents {
        if name == "manifest.json" {
            continue;
        }
        let listed = manifest
            .files
            .iter()
            .find(|f| &f.path == name)
            .ok_or_else(|| DraftError::UnsafePath(name.clone()))?;
        if listed.sha256 != sha256_hex(bytes) || listed.bytes != bytes.len() as u64 {
            return Err(DraftError::DigestMismatch(name.clone()));
        }
    }
    if let Some(missing) = manifest.files.iter().find(|f| take(&f.path).is_none()) {
        return Err(DraftError::NotABundle(format!(
            "{} is listed but missing",
            missing.path
        )));
    }
    let meta: DraftMeta = take(DRAFT_FILE)
        .and_then(|b| serde_json::from_slice(b).ok())
        .ok_or_else(|| DraftError::NotABundle("no readable draft.json".into()))?;
    if meta.procedure != manifest.procedure
        || meta.attachments.iter().any(|a| take(&a.file).is_none())
    {
        return Err(DraftError::NotABundle(
            "draft.json does not match the manifest".into(),
        ));
    }
    let meta = crate::migrate::migrate(meta)?;

    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(DraftError::io(parent))?;
    let staging = parent.join(format!(
        ".{}.import-{}",
        dir.file_name().and_then(|n| n.to_str()).unwrap_or("draft"),
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&staging);
    let unpack = || -> std::io::Result<()> {
        fs::create_dir_all(staging.join("attachments"))?;
        fs::create_dir_all(staging.join("history"))?;
        for (name, bytes) in &contents {
            if name != "manifest.json" && name != DRAFT_FILE {
                crate::atomic::write_synced(&staging.join(name), bytes)?;
            }
        }
        crate::atomic::sync_dir(&staging.join("attachments"))?;
        crate::atomic::sync_dir(&staging.join("history"))
    };
    unpack().map_err(|e| {
        let _ = fs::remove_dir_all(&staging);
        DraftError::Io {
            path: staging.clone(),
            source: e,
        }
    })?;
    let mut draft = Draft::from_parts(staging.clone(), meta);
    draft.save()?;
    if dir.exists() {
        fs::remove_dir(dir).map_err(DraftError::io(dir))?;
    }
    fs::rename(&staging, dir).map_err(DraftError::io(dir))?;
    crate::atomic::sync_dir(parent).map_err(DraftError::io(parent))?;
    Draft::open(dir)
}
