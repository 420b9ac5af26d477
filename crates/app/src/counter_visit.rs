//! The counter PC (a school's advisor desk): a staff sign-in kept in memory only, and the
//! **visit**, one student's work that leaves nothing behind. While a visit is open every file
//! of the people served (drafts, photos, PDFs, exports, downloads, receipts, the outbox, the
//! statuses seen) goes to a fresh folder `DATA/visits/<random>/` instead of `DATA/`; ending
//! the visit removes that folder, the student's session and the practice card, and puts the
//! staff member's session back. A folder left by a visit that never ended (a crash, a power
//! cut) is removed at the next start ([`App::open`]). On a counter PC the session token never
//! reaches the OS keychain and no `signed-in.json` is written.

use std::fs;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use ts_rs::TS;

use crate::drafts_folder::DraftsFolder;
use crate::{lock, App, AppError, MemoryVault, Notice, SessionVault, Settings};

/// Minutes without activity after which an open visit ends by itself, unless the settings
/// say otherwise.
pub const DEFAULT_VISIT_IDLE_MINUTES: u32 = 10;
/// The idle time the settings accept (minutes).
const IDLE_MINUTES: std::ops::RangeInclusive<u32> = 1..=120;
/// The folder under the app-data folder that holds the open visit's folder.
const VISITS: &str = "visits";

/// Where the files of the people served are kept: the app-data folder, or a visit's folder.
#[derive(Debug)]
pub(crate) struct WorkPlace {
    dir: PathBuf,
    drafts: DraftsFolder,
}

impl WorkPlace {
    pub(crate) fn at(dir: &Path) -> WorkPlace {
        WorkPlace {
            dir: dir.to_owned(),
            drafts: DraftsFolder::new(dir),
        }
    }
}

impl Deref for WorkPlace {
    type Target = DraftsFolder;
    fn deref(&self) -> &DraftsFolder {
        &self.drafts
    }
}

/// The open visit.
#[derive(Debug)]
struct Visit {
    dir: PathBuf,
    /// Seconds since the Unix epoch.
    started_at: u64,
    /// The staff member's session when the visit began, put back when it ends (a student who
    /// signed in during the visit is signed out).
    staff_token: Option<String>,
    staff_user: Option<String>,
    /// Proxy filing: the linked student the staff member files for in this visit.
    applicant: Option<VisitApplicant>,
}

/// The student a staff member files for during a visit (proxy filing): one of the students
/// linked to their organisation, whose own card signs at the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VisitApplicant {
    pub user_id: String,
    pub name_en: String,
}

/// What a counter PC keeps in memory only.
#[derive(Debug, Default)]
pub(crate) struct CounterState {
    on: AtomicBool,
    /// The session token: never the keychain on a counter PC.
    vault: MemoryVault,
    signed_in: Mutex<Option<String>>,
    visit: Mutex<Option<Visit>>,
    /// Folders of visits left open by a run that stopped (killed, a power cut) that hold signed
    /// applications never sent: only their outboxes are kept until the staff member chooses to
    /// send or discard them ([`App::send_leftover_visit`], [`App::discard_leftover_visit`]).
    leftover: Mutex<Vec<PathBuf>>,
}

impl CounterState {
    pub(crate) fn on(&self) -> bool {
        self.on.load(Ordering::Relaxed)
    }
    pub(crate) fn set_on(&self, on: bool) {
        self.on.store(on, Ordering::Relaxed);
    }
    pub(crate) fn signed_in(&self) -> Option<String> {
        lock(&self.signed_in).clone()
    }
    pub(crate) fn set_signed_in(&self, user: Option<&str>) {
        *lock(&self.signed_in) = user.map(str::to_owned);
    }
}

/// What the UI shows of counter-PC mode and the visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VisitState {
    /// This PC is a counter PC (settings).
    pub counter_pc: bool,
    /// A visit is open.
    pub open: bool,
    /// When it began (seconds since the Unix epoch), if open.
    #[ts(type = "number | null")]
    pub started_at: Option<u64>,
    /// Minutes without activity before an open visit ends by itself.
    pub idle_minutes: u32,
    /// The staff member signed in on this counter PC (user ID), if any.
    pub staff_user: Option<String>,
    /// Proxy filing: the linked student this visit files for (chosen by the staff member).
    pub applicant: Option<VisitApplicant>,
    /// Signed applications never sent of a visit left open when the app last stopped (0:
    /// none). While there are any, no visit starts: the staff member sends or discards them.
    pub leftover_unsent: u32,
}

/// What ending a visit did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VisitEnd {
    /// Files of the visit removed from this computer.
    pub removed_files: u32,
    /// Signed applications that were never sent and were discarded on request.
    pub discarded_submissions: u32,
}

/// What sending the applications of a visit left open did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LeftoverSent {
    /// The reference numbers of the applications filed now.
    pub filed: Vec<String>,
    /// Those still unsent (signed by another account, or the server could not be reached):
    /// still asked about.
    pub unsent: u32,
}

/// Counts the files under `dir` (all depths).
fn count_files(dir: &Path) -> u32 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => count_files(&e.path()),
            _ => 1,
        })
        .sum()
}

fn remove_tree(path: &Path) -> Result<(), AppError> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(AppError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl App {
    /// The folder the files of the people served go to now (a visit's, or the app-data folder).
    pub(crate) fn work_dir(&self) -> PathBuf {
        self.work_place().dir.clone()
    }

    /// The drafts folder in use now.
    pub(crate) fn drafts_folder(&self) -> Arc<WorkPlace> {
        self.work_place()
    }

    fn work_place(&self) -> Arc<WorkPlace> {
        self.work
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn set_work_place(&self, dir: &Path) {
        *self
            .work
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(WorkPlace::at(dir));
    }

    /// Where the session token is kept: memory only on a counter PC, else the OS keychain.
    pub(crate) fn session_vault(&self) -> &dyn SessionVault {
        if self.counter.on() {
            &self.counter.vault
        } else {
            &*self.vault
        }
    }

    /// Whether this PC is a counter PC (settings).
    pub fn counter_pc(&self) -> bool {
        self.counter.on()
    }

    /// Makes this PC a counter PC or an ordinary one; saved at once. Either way the current
    /// session ends (a token in the keychain is removed) and no visit may be open.
    pub fn set_counter_pc(&self, on: bool) -> Result<Settings, AppError> {
        if lock(&self.counter.visit).is_some() || !lock(&self.counter.leftover).is_empty() {
            return Err(AppError::VisitOpen);
        }
        let current = self.update_settings(|s| s.counter_pc = on)?;
        // Both places: the keychain entry and the file of an ordinary PC, the memory of a
        // counter PC.
        self.vault.clear();
        let _ = fs::remove_file(self.data_dir.join(crate::local_data::SIGNED_IN_FILE));
        self.counter.vault.clear();
        self.counter.set_signed_in(None);
        self.counter.set_on(on);
        Ok(current)
    }

    /// Minutes without activity before an open visit ends by itself (1–120); saved at once.
    pub fn set_visit_idle_minutes(&self, minutes: u32) -> Result<Settings, AppError> {
        let minutes = minutes.clamp(*IDLE_MINUTES.start(), *IDLE_MINUTES.end());
        self.update_settings(|s| s.visit_idle_minutes = Some(minutes))
    }

    /// Counter-PC mode and the visit, as the UI shows them.
    pub fn visit(&self) -> VisitState {
        let idle_minutes = self
            .settings()
            .ok()
            .and_then(|s| s.visit_idle_minutes)
            .unwrap_or(DEFAULT_VISIT_IDLE_MINUTES);
        let visit = lock(&self.counter.visit);
        VisitState {
            counter_pc: self.counter.on(),
            open: visit.is_some(),
            started_at: visit.as_ref().map(|v| v.started_at),
            idle_minutes,
            staff_user: match visit.as_ref() {
                Some(v) => v.staff_user.clone(),
                None => self.counter.signed_in(),
            },
            applicant: visit.as_ref().and_then(|v| v.applicant.clone()),
            leftover_unsent: self.leftover_unsent(),
        }
    }

    fn leftover_unsent(&self) -> u32 {
        lock(&self.counter.leftover)
            .iter()
            .map(|dir| crate::local_data::count(&dir.join("outbox")))
            .sum()
    }

    /// Starts a visit: from now on the files of the person served go to a fresh folder.
    pub fn start_visit(&self) -> Result<VisitState, AppError> {
        if !self.counter.on() {
            return Err(AppError::NotACounterPc);
        }
        {
            let mut visit = lock(&self.counter.visit);
            // A visit left open with unsent applications is still open until answered.
            if visit.is_some() || !lock(&self.counter.leftover).is_empty() {
                return Err(AppError::VisitOpen);
            }
            let dir = self
                .data_dir
                .join(VISITS)
                .join(uuid::Uuid::new_v4().simple().to_string());
            fs::create_dir_all(&dir).map_err(|source| AppError::Io {
                path: dir.clone(),
                source,
            })?;
            *visit = Some(Visit {
                started_at: now_secs(),
                staff_token: self.counter.vault.load(),
                staff_user: self.counter.signed_in(),
                dir: dir.clone(),
                applicant: None,
            });
            self.set_work_place(&dir);
        }
        self.card.remove_practice();
        lock(&self.notices).clear();
        Ok(self.visit())
    }

    /// Ends the visit: removes every file of it and forgets the student's session and card.
    /// Signed applications not yet sent stop it (`visit_unsent_submissions`) unless
    /// `discard_unsent`: they are never lost silently.
    pub fn end_visit(&self, discard_unsent: bool) -> Result<VisitEnd, AppError> {
        let mut visit = lock(&self.counter.visit);
        let Some(open) = visit.as_ref() else {
            return Err(AppError::NoVisit);
        };
        let unsent = crate::local_data::count(&open.dir.join("outbox"));
        if unsent > 0 && !discard_unsent {
            return Err(AppError::VisitUnsent(unsent));
        }
        let dir = open.dir.clone();
        let removed_files = count_files(&dir);
        // Back to the app-data folder first: nothing can write into the visit any more.
        self.set_work_place(&self.data_dir);
        let open = visit.take().expect("checked above");
        // A student who signed in during the visit is signed out on the server too (best
        // effort: offline, the token is forgotten here all the same).
        if let Some(token) = self.counter.vault.load() {
            if open.staff_token.as_deref() != Some(token.as_str()) {
                if let Ok(reception) = self.reception() {
                    let _ = reception.logout(&token);
                }
            }
        }
        match &open.staff_token {
            Some(token) => {
                self.counter.vault.store(token);
            }
            None => self.counter.vault.clear(),
        }
        self.counter.set_signed_in(open.staff_user.as_deref());
        self.card.remove_practice();
        lock(&self.notices).clear();
        drop(visit);
        remove_tree(&dir)?;
        let visits = self.data_dir.join(VISITS);
        let _ = fs::remove_dir(&visits);
        Ok(VisitEnd {
            removed_files,
            discarded_submissions: if discard_unsent { unsent } else { 0 },
        })
    }

    /// Proxy filing: the staff member chooses the linked student this visit files for (`None`:
    /// nobody; the student may then sign in themselves). The student must be linked to the
    /// staff member's organisation and have finished the usage application (their card is the
    /// one that signs); the server checks both again when the application arrives.
    pub fn set_visit_applicant(&self, user_id: Option<&str>) -> Result<VisitState, AppError> {
        let token = self.token()?;
        if !self.is_staff_session_of_visit(&token) {
            return Err(AppError::NoVisit);
        }
        let applicant = match user_id.map(str::trim) {
            None | Some("") => None,
            Some(id) => {
                let linked = self.linked_students()?;
                let student = linked
                    .students
                    .into_iter()
                    .find(|s| s.user_id == id && s.usage_application_done)
                    .ok_or_else(|| AppError::NotAFilingStudent(id.to_owned()))?;
                Some(VisitApplicant {
                    user_id: student.user_id,
                    name_en: student.name_en,
                })
            }
        };
        if let Some(open) = lock(&self.counter.visit).as_mut() {
            open.applicant = applicant;
        }
        Ok(self.visit())
    }

    /// The student to file for when `token` (the session that sends) is the staff member's of
    /// the open visit and they chose one; `None` when the card holder files for themself.
    pub(crate) fn filing_for(&self, token: &str) -> Option<String> {
        lock(&self.counter.visit)
            .as_ref()
            .filter(|v| v.staff_token.as_deref() == Some(token))
            .and_then(|v| v.applicant.as_ref().map(|a| a.user_id.clone()))
    }

    /// Whose applications a session may be shown: `None` for anyone's own (outside a visit,
    /// or a student signed in during one); for the staff member's session in the open visit,
    /// only the chosen student's (`Some(None)`: nobody chosen, nothing shown) — the next
    /// student at the counter sees nothing of the school's other students.
    pub(crate) fn visit_shows_only(&self, token: &str) -> Option<Option<String>> {
        lock(&self.counter.visit)
            .as_ref()
            .filter(|v| v.staff_token.as_deref() == Some(token))
            .map(|v| v.applicant.as_ref().map(|a| a.user_id.clone()))
    }

    /// Whether `token` is the session of the staff member who started the open visit.
    pub(crate) fn is_staff_session_of_visit(&self, token: &str) -> bool {
        lock(&self.counter.visit)
            .as_ref()
            .is_some_and(|v| v.staff_token.as_deref() == Some(token))
    }

    /// On a counter PC the people's files exist only inside a visit: outside one, starting or
    /// importing a draft is refused (`no_visit`).
    pub(crate) fn visit_needed(&self) -> Result<(), AppError> {
        if self.counter.on() && lock(&self.counter.visit).is_none() {
            return Err(AppError::NoVisit);
        }
        Ok(())
    }

    /// At start: a visit folder left by a run that never ended its visit is removed at once
    /// when it holds no signed application never sent (a notice says so). One that holds some
    /// keeps only its outbox (the drafts, photos, PDFs and receipts go now) until the staff
    /// member sends or discards them (`VisitState::leftover_unsent`).
    pub(crate) fn end_leftover_visits(&self) {
        let visits = self.data_dir.join(VISITS);
        let Ok(entries) = fs::read_dir(&visits) else {
            return;
        };
        let mut pending = Vec::new();
        let mut removed = false;
        let mut failed = false;
        for entry in entries.flatten() {
            let dir = entry.path();
            let unsent = if dir.is_dir() {
                crate::local_data::count(&dir.join("outbox"))
            } else {
                0
            };
            if unsent == 0 {
                failed |= remove_tree(&dir).is_err() && fs::remove_file(&dir).is_err();
                removed = true;
                continue;
            }
            for inner in fs::read_dir(&dir).into_iter().flatten().flatten() {
                if inner.file_name() != "outbox" {
                    let path = inner.path();
                    failed |= remove_tree(&path).is_err() && fs::remove_file(&path).is_err();
                }
            }
            pending.push(dir);
        }
        if pending.is_empty() {
            failed |= remove_tree(&visits).is_err();
            if removed {
                lock(&self.notices).push(Notice::LeftoverVisitRemoved {
                    discarded_submissions: 0,
                });
            }
        }
        if failed {
            log::warn!(target: crate::log_trail::TARGET, "a leftover visit folder could not be removed");
        }
        *lock(&self.counter.leftover) = pending;
    }

    /// Sends the signed applications of a visit left open that the account signed in now
    /// signed (the staff member's proxy filings, or a student's own), the visit reopened for
    /// the time of sending so their receipts go into it; a folder with nothing left unsent is
    /// removed. What stays unsent is still asked about.
    pub fn send_leftover_visit(&self) -> Result<LeftoverSent, AppError> {
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        let dirs = lock(&self.counter.leftover).clone();
        if dirs.is_empty() {
            return Err(AppError::NoVisit);
        }
        let mut filed = Vec::new();
        for dir in dirs {
            {
                let mut visit = lock(&self.counter.visit);
                if visit.is_some() {
                    return Err(AppError::VisitOpen);
                }
                *visit = Some(Visit {
                    dir: dir.clone(),
                    started_at: now_secs(),
                    staff_token: Some(token.clone()),
                    staff_user: self.counter.signed_in(),
                    applicant: None,
                });
                self.set_work_place(&dir);
            }
            let sent = self.send_queued();
            // Back to the app-data folder whatever happened.
            *lock(&self.counter.visit) = None;
            self.set_work_place(&self.data_dir);
            for outcome in sent? {
                if let crate::SubmitOutcome::Sent { receipt } = outcome {
                    filed.push(receipt.application.reference_number);
                }
            }
            if crate::local_data::count(&dir.join("outbox")) == 0 {
                remove_tree(&dir)?;
                lock(&self.counter.leftover).retain(|d| d != &dir);
            }
        }
        if lock(&self.counter.leftover).is_empty() {
            remove_tree(&self.data_dir.join(VISITS))?;
        }
        Ok(LeftoverSent {
            filed,
            unsent: self.leftover_unsent(),
        })
    }

    /// Discards the signed applications of a visit left open: nothing of it stays on disk.
    pub fn discard_leftover_visit(&self) -> Result<VisitEnd, AppError> {
        let dirs = std::mem::take(&mut *lock(&self.counter.leftover));
        if dirs.is_empty() {
            return Err(AppError::NoVisit);
        }
        let mut end = VisitEnd {
            removed_files: 0,
            discarded_submissions: 0,
        };
        for dir in &dirs {
            end.discarded_submissions += crate::local_data::count(&dir.join("outbox"));
            end.removed_files += count_files(dir);
        }
        remove_tree(&self.data_dir.join(VISITS))?;
        Ok(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MemoryVault, Profile};

    fn counter_app(dir: &Path) -> App {
        let app = App::open(dir, Profile::Production)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        app.set_counter_pc(true).unwrap();
        app
    }

    fn counter_app_reopened(dir: &Path) -> App {
        App::open(dir, Profile::Production)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()))
    }

    /// Every file under `dir`, relative.
    fn files(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for entry in walk(dir) {
            out.push(entry.strip_prefix(dir).unwrap().display().to_string());
        }
        out.sort();
        out
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for e in fs::read_dir(dir).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                out.extend(walk(&e.path()));
            } else {
                out.push(e.path());
            }
        }
        out
    }

    #[test]
    fn a_visit_needs_a_counter_pc_and_leaves_only_the_settings() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        assert_eq!(app.start_visit().unwrap_err().code(), "not_a_counter_pc");
        app.set_counter_pc(true).unwrap();
        let before = files(dir.path());
        assert_eq!(before, vec!["settings.json"]);

        let state = app.start_visit().unwrap();
        assert!(state.open && state.counter_pc);
        assert_eq!(state.idle_minutes, DEFAULT_VISIT_IDLE_MINUTES);
        assert_eq!(app.start_visit().unwrap_err().code(), "visit_open");
        assert_eq!(app.set_counter_pc(false).unwrap_err().code(), "visit_open");
        let draft = app.create_draft("extension-of-stay").unwrap();
        app.set_draft_field(&draft.id, "applicant.name_en", "NGUYEN THI LAN")
            .unwrap();
        app.export_draft(&draft.id).unwrap();
        app.import_draft_bytes(b"not a bundle").unwrap_err();
        let during = files(dir.path());
        assert!(
            during
                .iter()
                .all(|f| f == "settings.json" || f.starts_with("visits/")),
            "{during:?}"
        );
        assert_eq!(app.drafts().unwrap().len(), 1);

        let ended = app.end_visit(false).unwrap();
        assert!(ended.removed_files >= 2, "{ended:?}");
        assert_eq!(files(dir.path()), before);
        assert!(!dir.path().join("visits").exists());
        assert!(app.drafts().unwrap().is_empty());
        assert!(!app.visit().open);
        assert_eq!(app.end_visit(false).unwrap_err().code(), "no_visit");
    }

    #[test]
    fn an_unsent_submission_stops_the_end_until_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let app = counter_app(dir.path());
        app.start_visit().unwrap();
        let outbox = app.work_dir().join("outbox/s1");
        fs::create_dir_all(&outbox).unwrap();
        fs::write(outbox.join("submission.json"), b"{}").unwrap();
        let refused = app.end_visit(false).unwrap_err();
        assert_eq!(refused.code(), "visit_unsent_submissions");
        assert!(app.visit().open);
        let ended = app.end_visit(true).unwrap();
        assert_eq!(ended.discarded_submissions, 1);
        assert!(!outbox.exists());
    }

    #[test]
    fn the_staff_session_stays_in_memory_and_comes_back_after_the_visit() {
        let dir = tempfile::tempdir().unwrap();
        let app = counter_app(dir.path());
        app.session_vault().store("staff-token");
        app.remember_signed_in(Some("ZR-STAFF"));
        assert!(!dir.path().join("signed-in.json").exists());
        app.start_visit().unwrap();
        assert_eq!(app.visit().staff_user.as_deref(), Some("ZR-STAFF"));
        // A student signs in during the visit.
        app.session_vault().store("student-token");
        app.remember_signed_in(Some("ZR-STUDENT"));
        app.end_visit(false).unwrap();
        assert_eq!(app.session_vault().load().as_deref(), Some("staff-token"));
        assert_eq!(app.signed_in_user().as_deref(), Some("ZR-STAFF"));
        // Leaving counter mode ends the staff session too.
        app.set_counter_pc(false).unwrap();
        assert_eq!(app.session_vault().load(), None);
    }

    #[test]
    fn a_visit_left_open_is_removed_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        {
            let app = counter_app(dir.path());
            app.start_visit().unwrap();
            app.create_draft("extension-of-stay").unwrap();
            // The app stops without ending the visit.
        }
        let app = App::open(dir.path(), Profile::Production).unwrap();
        assert!(app.counter_pc());
        assert!(!dir.path().join("visits").exists());
        assert_eq!(
            app.take_notices(),
            vec![Notice::LeftoverVisitRemoved {
                discarded_submissions: 0
            }]
        );
        assert_eq!(app.visit().leftover_unsent, 0);
        assert_eq!(
            app.create_draft("extension-of-stay").unwrap_err().code(),
            "no_visit"
        );
        assert!(!app.visit().open);
        assert!(app.drafts().unwrap().is_empty());
    }

    /// A visit left open with signed applications never sent: only they stay, and the staff
    /// member is asked; discarding leaves nothing.
    #[test]
    fn unsent_applications_of_a_visit_left_open_are_asked_about_then_discarded() {
        let dir = tempfile::tempdir().unwrap();
        {
            let app = counter_app(dir.path());
            app.start_visit().unwrap();
            let draft = app.create_draft("extension-of-stay").unwrap();
            app.set_draft_field(&draft.id, "applicant.name_en", "NGUYEN THI LAN")
                .unwrap();
            for id in ["s1", "s2"] {
                let outbox = app.work_dir().join("outbox").join(id);
                fs::create_dir_all(&outbox).unwrap();
                fs::write(outbox.join("submission.json"), b"{}").unwrap();
            }
        }
        let app = counter_app_reopened(dir.path());
        assert!(app.take_notices().is_empty(), "asked, not told");
        let state = app.visit();
        assert_eq!((state.open, state.leftover_unsent), (false, 2));
        // Only the signed submissions stay until the choice.
        let kept = files(dir.path());
        assert!(
            kept.iter()
                .all(|f| f == "settings.json" || f.contains("/outbox/s")),
            "{kept:?}"
        );
        assert_eq!(kept.len(), 3, "{kept:?}");
        // No visit starts, and the mode stays, until answered; sending needs a sign-in.
        assert_eq!(app.start_visit().unwrap_err().code(), "visit_open");
        assert_eq!(app.set_counter_pc(false).unwrap_err().code(), "visit_open");
        assert_eq!(
            app.send_leftover_visit().unwrap_err().code(),
            "not_signed_in"
        );
        assert_eq!(app.visit().leftover_unsent, 2);

        let end = app.discard_leftover_visit().unwrap();
        assert_eq!(end.discarded_submissions, 2);
        assert_eq!(end.removed_files, 2);
        assert_eq!(files(dir.path()), vec!["settings.json"]);
        assert_eq!(app.visit().leftover_unsent, 0);
        assert_eq!(app.discard_leftover_visit().unwrap_err().code(), "no_visit");
        app.start_visit().unwrap();
        // A later start asks nothing.
        drop(app);
        let again = counter_app_reopened(dir.path());
        assert_eq!(again.visit().leftover_unsent, 0);
    }

    #[test]
    fn the_idle_time_is_kept_within_bounds() {
        let dir = tempfile::tempdir().unwrap();
        let app = counter_app(dir.path());
        assert_eq!(
            app.set_visit_idle_minutes(0).unwrap().visit_idle_minutes,
            Some(1)
        );
        app.set_visit_idle_minutes(25).unwrap();
        assert_eq!(app.visit().idle_minutes, 25);
        assert_eq!(
            app.set_visit_idle_minutes(10_000)
                .unwrap()
                .visit_idle_minutes,
            Some(120)
        );
    }
}
