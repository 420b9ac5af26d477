//! The student's applications in progress: the drafts kept in `DATA/drafts/<id>/`, and the
//! actions on them the UI offers (start from a procedure, fill a field, attach a file, undo,
//! export, import, set aside). Every action saves at once and answers with the draft's new
//! state, so the UI never holds data the disk does not.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use ts_rs::TS;
use zairyu_checks::Date;
use zairyu_drafts::{bundle, Draft, DraftMeta};
use zairyu_forms::{field_states, FieldState};

use crate::draft_check::{check_draft_with, DraftReport, FileCheckCache};
use crate::error::AppError;
use crate::status_watch::STAY_EXPIRY_FIELD;

/// A line of the list of applications in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DraftSummary {
    pub id: String,
    pub procedure: String,
    pub title_en: String,
    pub title_ja: String,
    /// RFC 3339 UTC.
    pub updated_at: String,
    /// Findings that are errors (form and files); 0 means ready to sign.
    pub errors: u32,
    pub submitted: bool,
    /// The date the current period of stay ends (YYYY-MM-DD), when the form asks for it and
    /// it is filled.
    pub stay_expires_on: Option<String>,
}

/// Everything the form screen needs after any change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DraftState {
    pub id: String,
    pub meta: DraftMeta,
    /// Which fields are shown and required now.
    pub fields: Vec<FieldState>,
    pub report: DraftReport,
    /// Whether there is an earlier version to go back to.
    pub can_undo: bool,
}

/// The drafts folder of the app-data directory.
#[derive(Debug)]
pub(crate) struct DraftsFolder {
    root: PathBuf,
    cache: FileCheckCache,
    /// Serialises changes to one draft at a time.
    lock: Mutex<HashMap<String, ()>>,
}

/// A one-click fix made but not yet put into the draft.
struct PreparedFix {
    slot: String,
    /// The file fixed (its path in the draft); None for the photo.
    file: Option<String>,
    /// The digest of the file the fix was made from.
    original_sha256: String,
    name: String,
    fixed: Vec<u8>,
}

/// Refuses a file of `bytes` that would take the application past the manual's 20 files or
/// 25,000,000 bytes (4.2.8, the photo included), the checks crate's limits. `replacing`: the
/// slot whose files it replaces (attach), else it is added.
pub(crate) fn room_for(draft: &Draft, replacing: Option<&str>, bytes: u64) -> Result<(), AppError> {
    let limits = zairyu_checks::Limits::official();
    let staying = draft
        .meta()
        .attachments
        .iter()
        .filter(|a| Some(a.slot.as_str()) != replacing);
    let (count, total) = staying.fold((1usize, bytes), |(n, t), a| (n + 1, t + a.bytes));
    if count > limits.set_max_files {
        return Err(AppError::TooManyFiles {
            count,
            max: limits.set_max_files,
        });
    }
    if total > limits.set_max_total_bytes {
        return Err(AppError::FilesTooLarge {
            total,
            max: limits.set_max_total_bytes,
        });
    }
    Ok(())
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 80 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl DraftsFolder {
    pub(crate) fn new(data_dir: &Path) -> DraftsFolder {
        DraftsFolder {
            root: data_dir.join("drafts"),
            cache: FileCheckCache::default(),
            lock: Mutex::new(HashMap::new()),
        }
    }

    fn dir(&self, id: &str) -> Result<PathBuf, AppError> {
        let dir = self.root.join(id);
        if valid_id(id) && dir.join("draft.json").exists() {
            Ok(dir)
        } else {
            Err(AppError::NoSuchDraft(id.to_owned()))
        }
    }

    pub(crate) fn open(&self, id: &str) -> Result<Draft, AppError> {
        Ok(Draft::open(&self.dir(id)?)?)
    }

    fn state(&self, id: &str, draft: &Draft) -> Result<DraftState, AppError> {
        let schema = draft.schema()?;
        Ok(DraftState {
            id: id.to_owned(),
            meta: draft.meta().clone(),
            fields: field_states(schema, draft.form()),
            report: check_draft_with(draft, Date::today_utc(), &self.cache)?,
            can_undo: draft.history().iter().any(|r| *r < draft.meta().revision),
        })
    }

    fn fresh_id(&self, procedure: &str) -> String {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        let mut n = 0;
        loop {
            let id = format!("{procedure}-{stamp}-{n}");
            if !self.root.join(&id).exists() {
                return id;
            }
            n += 1;
        }
    }

    pub(crate) fn list(&self) -> Result<Vec<DraftSummary>, AppError> {
        let mut out = Vec::new();
        let Ok(entries) = fs::read_dir(&self.root) else {
            return Ok(out);
        };
        for entry in entries.flatten() {
            let id = entry.file_name().to_string_lossy().into_owned();
            if !valid_id(&id) || !entry.path().join("draft.json").exists() {
                continue;
            }
            // A draft that cannot be opened stays on disk and out of the list; `zairyu draft show` explains it.
            let Ok(draft) = Draft::open(&entry.path()) else {
                continue;
            };
            let Ok(schema) = draft.schema() else { continue };
            let errors = draft
                .validate()
                .map(|f| f.iter().filter(|f| f.is_error()).count())
                .unwrap_or(0);
            out.push(DraftSummary {
                id,
                procedure: draft.meta().procedure.clone(),
                title_en: schema.title_en.clone(),
                title_ja: schema.title_ja.clone(),
                updated_at: draft.meta().updated_at.clone(),
                errors: errors as u32,
                submitted: draft.meta().submitted.is_some(),
                stay_expires_on: field_text(&draft, STAY_EXPIRY_FIELD),
            });
        }
        out.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    pub(crate) fn create(&self, procedure: &str) -> Result<DraftState, AppError> {
        let id = self.fresh_id(procedure);
        let draft = Draft::create(&self.root.join(&id), procedure)?;
        self.state(&id, &draft)
    }

    /// Applies the one-click fix to the file in `slot`: a photo is turned upright, cropped to
    /// 3:4 around the centre and shrunk (metadata removed); a PDF gets an unlocked copy. The
    /// fixed file replaces the attached one (undo covers form answers, not files: attaching
    /// the original again brings it back).
    ///
    /// The fix (seconds for a large photo) is made from a snapshot without holding the lock, so
    /// typing goes on; the fixed file is then put in under the lock into the draft as it is
    /// *now* (reopened), so fields saved meanwhile are kept. If the file itself was replaced
    /// meanwhile, the fix is dropped (`draft_file_changed`).
    pub(crate) fn fix_file(&self, id: &str, slot: &str) -> Result<DraftState, AppError> {
        let fix = self.prepare_fix(id, slot)?;
        self.commit_fix(id, fix)
    }

    /// The fixed bytes of the file in `slot`, made from the draft as it is now.
    fn prepare_fix(&self, id: &str, slot: &str) -> Result<PreparedFix, AppError> {
        let draft = self.open(id)?;
        let entries: Vec<_> = draft.slot_files(slot).into_iter().cloned().collect();
        let first = entries
            .first()
            .cloned()
            .ok_or_else(|| AppError::NothingAttached(slot.to_owned()))?;
        let is_photo = !first.file.starts_with("attachments/");
        // Of several PDFs, the first one a one-click fix applies to.
        let mut chosen = (first.clone(), draft.read_file(&first)?);
        if !is_photo {
            for entry in &entries {
                let bytes = draft.read_file(entry)?;
                let fixable = zairyu_checks::check_pdf_bytes(&bytes)
                    .0
                    .iter()
                    .any(|f| zairyu_checks::FIXABLE.contains(&f.code.as_str()));
                if fixable {
                    chosen = (entry.clone(), bytes);
                    break;
                }
            }
        }
        let (entry, bytes) = chosen;
        let fixed = if is_photo {
            zairyu_checks::fix_photo(&bytes)
        } else {
            zairyu_checks::fix_pdf(&bytes)
        }
        .map_err(|e| AppError::FixFailed {
            code: e.0.code.clone(),
            message: e.0.message.clone(),
        })?;
        Ok(PreparedFix {
            slot: slot.to_owned(),
            file: (!is_photo).then(|| entry.file.clone()),
            original_sha256: entry.sha256.clone(),
            name: entry
                .file
                .rsplit('/')
                .next()
                .unwrap_or(&entry.file)
                .to_owned(),
            fixed,
        })
    }

    /// Puts a prepared fix into the draft under the lock, on the draft as saved now.
    fn commit_fix(&self, id: &str, fix: PreparedFix) -> Result<DraftState, AppError> {
        let _guard = crate::lock(&self.lock);
        let mut draft = self.open(id)?;
        let still_there = draft.slot_files(&fix.slot).iter().any(|e| {
            e.sha256 == fix.original_sha256 && fix.file.as_ref().is_none_or(|f| *f == e.file)
        });
        if !still_there {
            return Err(AppError::DraftFileChanged(fix.name));
        }
        match &fix.file {
            Some(file) => draft.replace_file(&fix.slot, file, &fix.fixed)?,
            None => draft.attach(&fix.slot, &fix.name, &fix.fixed)?,
        }
        self.state(id, &draft)
    }

    /// The photo of a draft as a `data:image/jpeg;base64,…` address for the preview.
    pub(crate) fn photo_preview(&self, id: &str) -> Result<Option<String>, AppError> {
        use base64::Engine;
        let draft = self.open(id)?;
        let Some(entry) = draft
            .meta()
            .attachments
            .iter()
            .find(|a| !a.file.starts_with("attachments/"))
            .cloned()
        else {
            return Ok(None);
        };
        let bytes = draft.read_file(&entry)?;
        Ok(Some(format!(
            "data:image/jpeg;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )))
    }

    /// Fills the fields whose schema says `prefill = "card.…"` from the basic four read off the
    /// card (text exactly as stored), saved as one change (one undo brings all back).
    pub(crate) fn fill_from_card(
        &self,
        id: &str,
        four: &zairyu_card::session::BasicFour,
    ) -> Result<DraftState, AppError> {
        let _guard = crate::lock(&self.lock);
        let mut draft = self.open(id)?;
        let schema = draft.schema()?;
        let sex = match four.sex {
            zairyu_card::session::Sex::Male => "male",
            zairyu_card::session::Sex::Female => "female",
            zairyu_card::session::Sex::Other => "",
        };
        let mut inputs = Vec::new();
        for (path, _, field) in schema.fields() {
            let value = match field.prefill.as_deref() {
                Some("card.name") => four.name.as_str(),
                Some("card.address") => four.address.as_str(),
                Some("card.birth_date") => four.birth_date.as_str(),
                Some("card.sex") => sex,
                _ => continue,
            };
            if !value.is_empty() {
                inputs.push((path, value.to_owned()));
            }
        }
        draft.set_inputs(&inputs)?;
        self.state(id, &draft)
    }

    /// A new draft prefilled from a submitted one (manual 6.3, within two years); the fields
    /// that go stale are marked to be checked again. Files are not carried over.
    pub(crate) fn reuse(&self, id: &str) -> Result<DraftState, AppError> {
        let old = self.open(id)?;
        let new_id = self.fresh_id(&old.meta().procedure);
        let today = Date::today_utc().to_string();
        let draft = old.reuse_into(&self.root.join(&new_id), &today)?;
        self.state(&new_id, &draft)
    }

    /// A new draft from a form the server kept (manual 6.3 on any computer; a returned
    /// application changed where its draft is not): files are attached again.
    pub(crate) fn create_from_server_form(
        &self,
        procedure: &str,
        form: &serde_json::Value,
        reference_number: &str,
    ) -> Result<DraftState, AppError> {
        let new_id = self.fresh_id(procedure);
        let draft = zairyu_drafts::Draft::from_submitted_form(
            &self.root.join(&new_id),
            procedure,
            form,
            reference_number,
        )?;
        self.state(&new_id, &draft)
    }

    /// Records that the draft was filed under `reference_number` (it stays for reuse).
    pub(crate) fn mark_submitted(
        &self,
        id: &str,
        reference_number: &str,
        at: &str,
    ) -> Result<(), AppError> {
        let _guard = crate::lock(&self.lock);
        let mut draft = self.open(id)?;
        Ok(draft.mark_submitted(reference_number, at)?)
    }

    pub(crate) fn get(&self, id: &str) -> Result<DraftState, AppError> {
        let draft = self.open(id)?;
        self.state(id, &draft)
    }

    pub(crate) fn set_field(
        &self,
        id: &str,
        path: &str,
        raw: &str,
    ) -> Result<DraftState, AppError> {
        let _guard = crate::lock(&self.lock);
        let mut draft = self.open(id)?;
        draft.set_inputs(&[(path.to_owned(), raw.to_owned())])?;
        self.state(id, &draft)
    }

    pub(crate) fn attach(
        &self,
        id: &str,
        slot: &str,
        name: &str,
        bytes: &[u8],
    ) -> Result<DraftState, AppError> {
        self.edit(id, |draft| {
            room_for(draft, Some(slot), bytes.len() as u64)?;
            Ok(draft.attach(slot, name, bytes)?)
        })
        .map(|(_, state)| state)
    }

    /// Runs one change on a draft under the lock and answers its result with the new state.
    pub(crate) fn edit<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Draft) -> Result<T, AppError>,
    ) -> Result<(T, DraftState), AppError> {
        let _guard = crate::lock(&self.lock);
        let mut draft = self.open(id)?;
        let out = change(&mut draft)?;
        Ok((out, self.state(id, &draft)?))
    }

    pub(crate) fn detach(&self, id: &str, slot: &str) -> Result<DraftState, AppError> {
        let _guard = crate::lock(&self.lock);
        let mut draft = self.open(id)?;
        draft.detach(slot)?;
        self.state(id, &draft)
    }

    pub(crate) fn undo(&self, id: &str) -> Result<DraftState, AppError> {
        let _guard = crate::lock(&self.lock);
        let mut draft = self.open(id)?;
        draft.undo()?;
        self.state(id, &draft)
    }

    /// Writes `DATA/exports/<id>.zairyu` (or `to`) and returns its path.
    pub(crate) fn export(&self, id: &str, to: Option<&Path>) -> Result<String, AppError> {
        let draft = self.open(id)?;
        let file = match to {
            Some(path) => path.to_owned(),
            None => {
                let dir = self.root.with_file_name("exports");
                fs::create_dir_all(&dir).map_err(|source| AppError::Io {
                    path: dir.clone(),
                    source,
                })?;
                dir.join(format!("{id}.zairyu"))
            }
        };
        bundle::export(&draft, &file)?;
        Ok(file.display().to_string())
    }

    pub(crate) fn import(&self, file: &Path) -> Result<DraftState, AppError> {
        let id = format!("imported-{}", self.fresh_id("draft"));
        fs::create_dir_all(&self.root).map_err(|source| AppError::Io {
            path: self.root.clone(),
            source,
        })?;
        let draft = bundle::import(file, &self.root.join(&id))?;
        self.state(&id, &draft)
    }

    /// Moves a draft to `DATA/set-aside/` (never deleted outright: nothing saved is lost).
    pub(crate) fn set_aside(&self, id: &str) -> Result<(), AppError> {
        let dir = self.dir(id)?;
        let aside = self.root.with_file_name("set-aside");
        fs::create_dir_all(&aside).map_err(|source| AppError::Io {
            path: aside.clone(),
            source,
        })?;
        fs::rename(&dir, aside.join(id)).map_err(|source| AppError::Io { path: dir, source })
    }
}

/// The text of the first field called `field_id` (any section), if filled.
fn field_text(draft: &Draft, field_id: &str) -> Option<String> {
    let path = draft
        .schema()
        .ok()?
        .fields()
        .find(|(_, _, f)| f.id == field_id)?
        .0;
    zairyu_forms::engine::value_at(draft.form(), &path)?
        .as_str()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_from_start_to_export_and_back() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = DraftsFolder::new(tmp.path());
        assert!(folder.list().unwrap().is_empty());
        let state = folder.create("extension-of-stay").unwrap();
        assert!(!state.report.ok);
        assert!(!state.can_undo);
        let id = state.id.clone();
        let state = folder
            .set_field(&id, "applicant.postal_code", "874-8577")
            .unwrap();
        assert_eq!(state.meta.form["applicant"]["postal_code"], "8748577");
        assert!(state.can_undo);
        let state = folder
            .set_field(&id, "expenses.method", "sponsor_abroad")
            .unwrap();
        let shown = |s: &DraftState, p: &str| s.fields.iter().find(|f| f.path == p).unwrap().shown;
        assert!(shown(&state, "expenses.sponsor_name"));
        let state = folder.undo(&id).unwrap();
        assert!(!shown(&state, "expenses.sponsor_name"));
        let state = folder
            .attach(&id, "attachments.transcript", "t.pdf", b"not a pdf")
            .unwrap();
        assert!(state
            .report
            .findings
            .iter()
            .any(|f| f.path == "attachments.transcript"));

        let list = folder.list().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].title_ja, "在留期間更新許可申請（留学）");
        assert!(list[0].errors > 10);

        let file = folder.export(&id, None).unwrap();
        assert!(file.ends_with(".zairyu"));
        let imported = folder.import(Path::new(&file)).unwrap();
        assert_eq!(imported.meta.form, folder.get(&id).unwrap().meta.form);
        assert_eq!(folder.list().unwrap().len(), 2);
        folder.set_aside(&id).unwrap();
        assert_eq!(folder.list().unwrap().len(), 1);
        assert!(tmp
            .path()
            .join("set-aside")
            .join(&id)
            .join("draft.json")
            .exists());
    }

    #[test]
    fn ids_cannot_escape_the_drafts_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = DraftsFolder::new(tmp.path());
        for id in ["../settings", "", "a/b", "..", "x".repeat(200).as_str()] {
            assert_eq!(folder.get(id).unwrap_err().code(), "no_such_draft", "{id}");
        }
        assert_eq!(
            folder.create("no-such").unwrap_err().code(),
            "unknown_procedure"
        );
    }

    #[test]
    fn a_field_saved_while_a_fix_runs_survives_the_fix() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = DraftsFolder::new(tmp.path());
        let id = folder.create("extension-of-stay").unwrap().id;
        let landscape = std::fs::read(zairyu_testkit::corpus::path("photo_landscape.jpg")).unwrap();
        folder
            .attach(&id, "attachments.photo", "me.jpg", &landscape)
            .unwrap();
        // The fix is being made (no lock held) while the student types a field…
        let fix = folder.prepare_fix(&id, "attachments.photo").unwrap();
        folder
            .set_field(&id, "applicant.postal_code", "874-8577")
            .unwrap();
        // …and is then put in: the field typed meanwhile is still there.
        let after = folder.commit_fix(&id, fix).unwrap();
        assert_eq!(after.meta.form["applicant"]["postal_code"], "8748577");
        let photo = after
            .meta
            .attachments
            .iter()
            .find(|a| !a.file.starts_with("attachments/"))
            .unwrap();
        assert_ne!(
            photo.sha256,
            zairyu_forms::signing::sha256_hex(&landscape),
            "the fixed photo replaced the original"
        );
        let reopened = folder.get(&id).unwrap();
        assert_eq!(reopened.meta.form["applicant"]["postal_code"], "8748577");

        // A fix made from a file replaced meanwhile is dropped, not put over the new one.
        let fix = folder.prepare_fix(&id, "attachments.photo").unwrap();
        folder
            .attach(&id, "attachments.photo", "me.jpg", &landscape)
            .unwrap();
        let err = folder.commit_fix(&id, fix).unwrap_err();
        assert_eq!(err.code(), "draft_file_changed");
    }
}
