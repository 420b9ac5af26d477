//! One draft: a folder holding `draft.json` (metadata and form data), `photo.jpg`,
//! `attachments/`, and `history/` with the last [`HISTORY_KEPT`] versions of `draft.json`.
//!
//! Saving links the current `draft.json` into `history/` (no data copied), then replaces it
//! atomically, so at any instant — even after SIGKILL or power loss — the folder holds the
//! latest saved version or the one before, and every earlier version stays readable.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use ts_rs::TS;
use zairyu_forms::engine::{set_value, value_at};
use zairyu_forms::schema::FieldKind;
use zairyu_forms::{normalize_input, schema_for, validate_form, Finding, Schema};

use crate::atomic::{remove_stale_temps, sync_dir, write_atomic};
use crate::error::DraftError;

/// How many earlier versions of `draft.json` are kept in `history/`.
pub const HISTORY_KEPT: usize = 10;
/// The version of the `draft.json` layout this Zairyu writes. Format 1: at most one file per
/// slot. Format 2: a document slot holds an ordered list of files (its entries in
/// `attachments`, in order); the slot's form value is their names joined by ", ".
pub const DRAFT_FORMAT: u32 = 2;
pub(crate) const DRAFT_FILE: &str = "draft.json";
pub(crate) const PHOTO_FILE: &str = "photo.jpg";

/// What `draft.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DraftMeta {
    pub format: u32,
    pub id: String,
    pub procedure: String,
    /// The version of the procedure's form schema the data follows.
    pub schema_version: u32,
    /// RFC 3339 UTC.
    pub created_at: String,
    pub updated_at: String,
    /// Counts saves; the history file names use it.
    #[ts(type = "number")]
    pub revision: u64,
    #[ts(type = "Record<string, unknown>")]
    pub form: Value,
    #[serde(default)]
    pub attachments: Vec<AttachmentEntry>,
    /// Field paths to check again (set when reusing a past application; cleared on edit).
    #[serde(default)]
    pub recheck: Vec<String>,
    #[serde(default)]
    pub submitted: Option<Submitted>,
    #[serde(default)]
    pub reused_from: Option<String>,
}

/// A file of the draft and the form field (slot) it fills. A document slot may hold several
/// (format 2): their order in [`DraftMeta::attachments`] is the order of the parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachmentEntry {
    /// The form field path, e.g. `attachments.transcript`.
    pub slot: String,
    /// Path inside the draft folder, e.g. `attachments/transcript.pdf` or `photo.jpg`.
    pub file: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// When and under which number the draft was submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Submitted {
    /// RFC 3339 UTC.
    pub at: String,
    pub reference_number: String,
}

/// An open draft folder.
#[derive(Debug)]
pub struct Draft {
    dir: PathBuf,
    meta: DraftMeta,
    recovered: bool,
}

/// The current time as RFC 3339 UTC to the second, as drafts record it.
pub fn now() -> String {
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .format(&Rfc3339)
        .unwrap_or_default()
}

fn new_id(dir: &Path) -> String {
    let mut h = Sha256::new();
    h.update(format!(
        "{:?}{}{}",
        OffsetDateTime::now_utc(),
        std::process::id(),
        dir.display()
    ));
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Refuses a folder that exists and is not empty.
pub(crate) fn ensure_fresh(dir: &Path) -> Result<(), DraftError> {
    if let Ok(mut entries) = fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(DraftError::Exists(dir.to_owned()));
        }
    }
    Ok(())
}

/// A safe file name for an attachment: no folders, no leading dot, a limited alphabet.
pub(crate) fn safe_file_name(name: &str) -> Result<String, DraftError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let ok = !base.is_empty()
        && base.len() <= 100
        && !base.starts_with('.')
        && base
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '));
    if ok {
        Ok(base.to_owned())
    } else {
        Err(DraftError::BadFileName(name.to_owned()))
    }
}

impl Draft {
    /// Starts a draft of a procedure in `dir` (which must not exist or be empty).
    pub fn create(dir: &Path, procedure_id: &str) -> Result<Draft, DraftError> {
        let schema = schema_for(procedure_id)?;
        ensure_fresh(dir)?;
        fs::create_dir_all(dir.join("attachments")).map_err(DraftError::io(dir))?;
        fs::create_dir_all(dir.join("history")).map_err(DraftError::io(dir))?;
        let at = now();
        let meta = DraftMeta {
            format: DRAFT_FORMAT,
            id: new_id(dir),
            procedure: procedure_id.to_owned(),
            schema_version: schema.version,
            created_at: at.clone(),
            updated_at: at,
            revision: 0,
            form: Value::Object(Default::default()),
            attachments: Vec::new(),
            recheck: Vec::new(),
            submitted: None,
            reused_from: None,
        };
        let mut draft = Draft {
            dir: dir.to_owned(),
            meta,
            recovered: false,
        };
        draft.save()?;
        Ok(draft)
    }

    /// Opens a draft folder: leftovers of an interrupted save are removed, a damaged
    /// `draft.json` is kept aside as `draft.json.corrupt` and the newest readable version from
    /// `history/` is used instead (then [`Draft::recovered`] is true), and data written under an
    /// older form version is migrated.
    pub fn open(dir: &Path) -> Result<Draft, DraftError> {
        let path = dir.join(DRAFT_FILE);
        if !path.exists() {
            return Err(DraftError::NotADraft(dir.to_owned()));
        }
        remove_stale_temps(dir);
        remove_stale_temps(&dir.join("history"));
        remove_stale_temps(&dir.join("attachments"));
        let bytes = fs::read(&path).map_err(DraftError::io(&path))?;
        let (meta, recovered) = match serde_json::from_slice::<DraftMeta>(&bytes) {
            Ok(meta) => (meta, false),
            Err(_) => {
                let meta = Self::newest_readable_history(dir)
                    .ok_or_else(|| DraftError::Damaged(dir.to_owned()))?;
                fs::write(dir.join("draft.json.corrupt"), &bytes).map_err(DraftError::io(dir))?;
                (meta, true)
            }
        };
        let meta = crate::migrate::migrate(meta)?;
        let mut draft = Draft {
            dir: dir.to_owned(),
            meta,
            recovered,
        };
        if recovered {
            draft.save()?;
        }
        Ok(draft)
    }

    fn newest_readable_history(dir: &Path) -> Option<DraftMeta> {
        let mut revs = history_revisions(dir);
        revs.reverse();
        revs.into_iter().find_map(|rev| {
            let bytes = fs::read(history_path(dir, rev)).ok()?;
            serde_json::from_slice(&bytes).ok()
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn meta(&self) -> &DraftMeta {
        &self.meta
    }

    /// True when `draft.json` was damaged and an earlier version was restored on open.
    pub fn recovered(&self) -> bool {
        self.recovered
    }

    pub fn schema(&self) -> Result<&'static Schema, DraftError> {
        Ok(schema_for(&self.meta.procedure)?)
    }

    pub fn form(&self) -> &Value {
        &self.meta.form
    }

    /// Sets fields from what a person typed (`path`, raw text), normalising as the form says;
    /// saves once. Returns the stored values in the same order.
    pub fn set_inputs(&mut self, inputs: &[(String, String)]) -> Result<Vec<Value>, DraftError> {
        let schema = self.schema()?;
        let mut stored = Vec::with_capacity(inputs.len());
        for (path, raw) in inputs {
            let value = normalize_input(schema, path, raw)?;
            self.put(path, value.clone());
            stored.push(value);
        }
        self.save()?;
        Ok(stored)
    }

    /// Sets one field to an already-typed value and saves (the app's autosave path).
    pub fn set_value(&mut self, path: &str, value: Value) -> Result<(), DraftError> {
        let schema = self.schema()?;
        if schema.field(path).is_none() {
            return Err(zairyu_forms::FormsError::UnknownField {
                procedure: self.meta.procedure.clone(),
                field: path.to_owned(),
            }
            .into());
        }
        self.put(path, value);
        self.save()
    }

    fn put(&mut self, path: &str, value: Value) {
        set_value(&mut self.meta.form, path, value);
        self.meta.recheck.retain(|p| p != path);
    }

    /// Puts a file into a photo or attachment slot (replacing what was there) and saves.
    pub fn attach(&mut self, slot: &str, file_name: &str, bytes: &[u8]) -> Result<(), DraftError> {
        let schema = self.schema()?;
        let kind = schema.field(slot).map(|(_, f)| f.kind);
        let file = match kind {
            Some(FieldKind::Photo) => PHOTO_FILE.to_owned(),
            Some(FieldKind::Attachment) => format!("attachments/{}", safe_file_name(file_name)?),
            _ => {
                return Err(zairyu_forms::FormsError::UnknownField {
                    procedure: self.meta.procedure.clone(),
                    field: slot.to_owned(),
                }
                .into())
            }
        };
        if let Some(other) = self
            .meta
            .attachments
            .iter()
            .find(|a| a.file == file && a.slot != slot)
        {
            return Err(DraftError::BadFileName(format!(
                "{file_name} (already attached for {})",
                other.slot
            )));
        }
        let target = self.dir.join(&file);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(DraftError::io(parent))?;
        }
        // What this replaces stays in history/files/ until no kept version needs it (undo).
        for entry in self.meta.attachments.iter().filter(|a| a.slot == slot) {
            self.keep_for_undo(entry);
        }
        write_atomic(&target, bytes).map_err(DraftError::io(&target))?;
        self.remove_slot_file(slot, Some(&file));
        self.meta.attachments.push(AttachmentEntry {
            slot: slot.to_owned(),
            file: file.clone(),
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
        });
        self.sync_slot_value(slot);
        self.save()
    }

    /// Empties a photo or attachment slot and saves.
    pub fn detach(&mut self, slot: &str) -> Result<(), DraftError> {
        self.remove_slot_file(slot, None);
        self.put(slot, Value::Null);
        self.save()
    }

    fn remove_slot_file(&mut self, slot: &str, keep: Option<&str>) {
        let old: Vec<AttachmentEntry> = self
            .meta
            .attachments
            .iter()
            .filter(|a| a.slot == slot)
            .cloned()
            .collect();
        self.meta.attachments.retain(|a| a.slot != slot);
        for entry in old {
            if Some(entry.file.as_str()) != keep {
                self.keep_for_undo(&entry);
                let _ = fs::remove_file(self.dir.join(&entry.file));
            }
        }
    }

    /// Keeps the bytes of an attached file as `history/files/<sha256>` (a hard link where the
    /// file system allows, so it costs no space until the file is replaced). Best effort: a
    /// file that could not be kept makes only the undo of that step refuse, with a reason.
    fn keep_for_undo(&self, entry: &AttachmentEntry) {
        let kept = kept_file_path(&self.dir, &entry.sha256);
        if kept.exists() {
            return;
        }
        if let Some(parent) = kept.parent() {
            let _ = fs::create_dir_all(parent);
        }
        let source = self.dir.join(&entry.file);
        if fs::hard_link(&source, &kept).is_err() {
            let _ = fs::copy(&source, &kept);
        }
    }

    /// Puts the files of an earlier version back in place (from `history/files/`), and sets
    /// aside those the earlier version did not have.
    fn restore_files(&mut self, wanted: &[AttachmentEntry]) -> Result<(), DraftError> {
        let same =
            |a: &AttachmentEntry, b: &AttachmentEntry| a.file == b.file && a.sha256 == b.sha256;
        let current = self.meta.attachments.clone();
        // Check every needed file first, so a refused undo changes nothing.
        let mut restores = Vec::new();
        for entry in wanted {
            if current.iter().any(|c| same(c, entry)) {
                continue;
            }
            let kept = kept_file_path(&self.dir, &entry.sha256);
            let bytes = fs::read(&kept)
                .ok()
                .filter(|b| sha256_hex(b) == entry.sha256)
                .ok_or_else(|| DraftError::UndoFileGone(entry.file.clone()))?;
            restores.push((entry.file.clone(), bytes));
        }
        for entry in current
            .iter()
            .filter(|c| !wanted.iter().any(|w| same(c, w)))
        {
            self.keep_for_undo(entry);
            if !wanted.iter().any(|w| w.file == entry.file) {
                let _ = fs::remove_file(self.dir.join(&entry.file));
            }
        }
        for (file, bytes) in restores {
            let target = self.dir.join(&file);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(DraftError::io(parent))?;
            }
            write_atomic(&target, &bytes).map_err(DraftError::io(&target))?;
        }
        self.meta.attachments = wanted.to_vec();
        Ok(())
    }

    /// Removes kept file versions that neither the current draft nor any kept version uses.
    fn prune_kept_files(&self) {
        let files = self.dir.join("history").join("files");
        let Ok(entries) = fs::read_dir(&files) else {
            return;
        };
        let mut used: Vec<String> = self
            .meta
            .attachments
            .iter()
            .map(|a| a.sha256.clone())
            .collect();
        for rev in history_revisions(&self.dir) {
            let Ok(bytes) = fs::read(history_path(&self.dir, rev)) else {
                continue;
            };
            // An unreadable old version keeps everything: nothing is removed on a guess.
            let Ok(meta) = serde_json::from_slice::<DraftMeta>(&bytes) else {
                return;
            };
            used.extend(meta.attachments.into_iter().map(|a| a.sha256));
        }
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !used.contains(&name) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// The bytes of an attached file.
    pub fn read_file(&self, entry: &AttachmentEntry) -> Result<Vec<u8>, DraftError> {
        let path = self.dir.join(&entry.file);
        fs::read(&path).map_err(DraftError::io(path))
    }

    /// The (first) attachment in a slot, if any.
    pub fn attachment(&self, slot: &str) -> Option<&AttachmentEntry> {
        self.meta.attachments.iter().find(|a| a.slot == slot)
    }

    /// Findings of the form (forms crate) for the data as it stands.
    pub fn validate(&self) -> Result<Vec<Finding>, DraftError> {
        Ok(validate_form(self.schema()?, &self.meta.form)?)
    }

    /// Records that the draft was submitted, and saves.
    pub fn mark_submitted(&mut self, reference_number: &str, at: &str) -> Result<(), DraftError> {
        self.meta.submitted = Some(Submitted {
            at: at.to_owned(),
            reference_number: reference_number.to_owned(),
        });
        self.save()
    }

    /// Saves now: the current `draft.json` is linked into `history/`, the new one replaces it
    /// atomically, and history beyond [`HISTORY_KEPT`] versions is pruned.
    pub fn save(&mut self) -> Result<(), DraftError> {
        let path = self.dir.join(DRAFT_FILE);
        let history = self.dir.join("history");
        fs::create_dir_all(&history).map_err(DraftError::io(&history))?;
        if path.exists() {
            let kept = history_path(&self.dir, self.meta.revision);
            if !kept.exists() && fs::hard_link(&path, &kept).is_err() {
                fs::copy(&path, &kept).map_err(DraftError::io(&kept))?;
            }
        }
        self.meta.revision += 1;
        self.meta.updated_at = now();
        let bytes = serde_json::to_vec_pretty(&self.meta).expect("draft metadata serialises");
        write_atomic(&path, &bytes).map_err(DraftError::io(&path))?;
        let revs = history_revisions(&self.dir);
        if revs.len() > HISTORY_KEPT {
            for rev in &revs[..revs.len() - HISTORY_KEPT] {
                let _ = fs::remove_file(history_path(&self.dir, *rev));
            }
            let _ = sync_dir(&history);
            self.prune_kept_files();
        }
        Ok(())
    }

    /// The revisions kept in `history/`, oldest first.
    pub fn history(&self) -> Vec<u64> {
        history_revisions(&self.dir)
    }

    /// Undo: the form data and the files of the version before the current one become current
    /// again (as a new revision, so the undone version stays in history); a replaced photo or
    /// PDF comes back from `history/files/`. False when there is no earlier version.
    pub fn undo(&mut self) -> Result<bool, DraftError> {
        let Some(rev) = history_revisions(&self.dir)
            .into_iter()
            .rev()
            .find(|r| *r < self.meta.revision)
        else {
            return Ok(false);
        };
        let path = history_path(&self.dir, rev);
        let bytes = fs::read(&path).map_err(DraftError::io(&path))?;
        let old: DraftMeta =
            serde_json::from_slice(&bytes).map_err(|_| DraftError::Damaged(self.dir.clone()))?;
        let old = crate::migrate::migrate(old)?;
        self.restore_files(&old.attachments)?;
        self.meta.form = old.form;
        self.meta.format = DRAFT_FORMAT;
        self.save()?;
        Ok(true)
    }

    /// A new draft in `dir` prefilled from this submitted one (manual 6.3: within two years).
    /// Files are not carried over; fields that go stale between applications are listed in
    /// `recheck` until edited. `today` is `YYYY-MM-DD`.
    pub fn reuse_into(&self, dir: &Path, today: &str) -> Result<Draft, DraftError> {
        let submitted = self.meta.submitted.as_ref().ok_or_else(|| {
            DraftError::CannotReuse(
                "it was never submitted; export and import the draft instead.".into(),
            )
        })?;
        let (Some(at), Some(today)) = (
            zairyu_forms::FormDate::parse(submitted.at.get(..10).unwrap_or_default()),
            zairyu_forms::FormDate::parse(today),
        ) else {
            return Err(DraftError::CannotReuse(
                "its submission date is unreadable.".into(),
            ));
        };
        if at.plus_years(2) < today {
            return Err(DraftError::CannotReuse(format!(
                "it was submitted on {at}, more than two years ago; start a new application."
            )));
        }
        Draft::from_submitted_form(
            dir,
            &self.meta.procedure,
            &self.meta.form,
            &submitted.reference_number,
        )
    }

    /// A new draft in `dir` from a form as it was submitted (this draft's, or one the server
    /// kept: manual 6.3 reuses past applications on any computer, and a returned application
    /// is changed from its newest version). The files are not carried over (their fields are
    /// emptied); fields that go stale are listed in `recheck`; `reused_from` names the
    /// application. The caller checks the two years.
    pub fn from_submitted_form(
        dir: &Path,
        procedure_id: &str,
        submitted_form: &Value,
        reference_number: &str,
    ) -> Result<Draft, DraftError> {
        let mut draft = Draft::create(dir, procedure_id)?;
        let schema = draft.schema()?;
        let mut form = submitted_form.clone();
        let mut recheck = Vec::new();
        for (path, _, field) in schema.fields() {
            if matches!(field.kind, FieldKind::Photo | FieldKind::Attachment) {
                set_value(&mut form, &path, Value::Null);
            }
            if field.recheck_on_reuse
                && (value_at(submitted_form, &path).is_some() || field.required)
            {
                recheck.push(path);
            }
        }
        draft.meta.form = form;
        draft.meta.recheck = recheck;
        draft.meta.reused_from = Some(reference_number.to_owned());
        draft.save()?;
        Ok(draft)
    }

    pub(crate) fn from_parts(dir: PathBuf, meta: DraftMeta) -> Draft {
        Draft {
            dir,
            meta,
            recovered: false,
        }
    }
}

/// Where the bytes of a replaced or removed file are kept for undo.
fn kept_file_path(dir: &Path, sha256: &str) -> PathBuf {
    dir.join("history").join("files").join(sha256)
}

pub(crate) fn history_path(dir: &Path, rev: u64) -> PathBuf {
    dir.join("history").join(format!("{rev:08}.json"))
}

fn history_revisions(dir: &Path) -> Vec<u64> {
    let mut revs: Vec<u64> = fs::read_dir(dir.join("history"))
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json")?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    revs.sort_unstable();
    revs
}

mod slot_files;
#[cfg(test)]
mod tests;
