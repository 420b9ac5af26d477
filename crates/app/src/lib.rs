//! The application layer: one function per user action, shared by the desktop app and the CLI.
//!
//! Everything the user changes is kept in the app-data folder handed to [`App::open`]; nothing
//! is written next to the binary. This crate knows nothing of Tauri, HTTP or a database: the
//! desktop commands in `src-tauri` and the `zairyu` CLI are thin shells over it.

mod account;
mod card_expiry;
mod card_panel;
mod checklist;
mod chosen_paths;
pub mod command_table;
mod counter_visit;
mod diagnosis;
mod draft_check;
mod drafts_folder;
mod error;
mod filed_copy;
mod json_file;
mod local_data;
pub mod log_trail;
mod machine_preset;
mod organisations;
mod practice_card;
mod reception_client;
mod secret_text;
mod server_address;
mod server_applications;
mod session_vault;
mod settings;
mod slot_files;
mod status_watch;
mod submissions;
mod support_report;
mod upload_progress;
mod window_geometry;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use account::{Registration, SessionState, UsageInfo, USAGE_DOMAIN};
pub use card_expiry::{
    card_expiry_warning, decision_expected, CardExpiring, CardExpiryWarning, DECISION_DAYS,
};
pub use card_panel::{CardPanelState, PRACTICE_READER};
pub use checklist::{ChecklistItem, ChecklistItemId};
pub use command_table::DemoMail;
pub use counter_visit::{
    LeftoverSent, VisitApplicant, VisitEnd, VisitState, DEFAULT_VISIT_IDLE_MINUTES,
};
pub use diagnosis::Diagnosis;
pub use draft_check::{
    check_draft, check_draft_with, DraftFinding, DraftReport, FileCheckCache, SlotFile,
};
pub use drafts_folder::{DraftState, DraftSummary};
pub use error::AppError;
pub use local_data::LocalData;
pub use machine_preset::{preset_path, ServerPreset};
pub use secret_text::SecretText;
pub use session_vault::{KeychainVault, MemoryVault, SessionVault};
pub use settings::{Language, Settings};
pub use slot_files::PdfChange;
pub use status_watch::{
    Attention, RevisionRequest, StatusChange, StayEnding, EXTENSION_WINDOW_DAYS, STAY_EXPIRY_FIELD,
};
pub use submissions::{QueuedSubmission, Receipt, SubmitOutcome, RECEIPT_METHOD_CHANGE};
pub use support_report::{SupportReport, SupportReportFile};
pub use upload_progress::UploadProgress;
pub use window_geometry::{ScreenArea, WindowGeometry};
pub use zairyu_card::readers::ReaderInfo;
pub use zairyu_card::session::{BasicFour, CardStatus, Sex};
pub use zairyu_drafts::{AttachmentEntry, DraftMeta, Submitted};
pub use zairyu_forms::catalog::ReceptionWindow;
pub use zairyu_forms::postal::PostalAddress;
pub use zairyu_forms::schema::{Choice, Condition, Field, FieldKind, Rule, Section, Width};
pub use zairyu_forms::{FieldState, Finding as FormFinding, Procedure, Schema, Severity};
pub use zairyu_wire::{
    Account, Application, ApplicationDetails, ApplicationStatus, BoardPage, BoardQuery, BoardRow,
    DetailFile, LinkedStudent, LinkedStudents, NextActor, StatusEntry, Urgency,
};

/// Which kind of deployment the app runs as; shown in the window title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Bundled server, real readers plus the virtual practice card, demo CA trusted. Only in a
    /// build with the `demo` feature (on by default).
    Demo,
    /// Remote server over HTTPS, real readers only, real JPKI CAs only.
    Production,
}

impl Profile {
    /// Whether this build has the demo profile's parts (feature `demo`: the practice card here,
    /// the bundled server in the desktop app).
    pub const DEMO_BUILT_IN: bool = practice_card::BUILT_IN;

    /// Parses `demo` or `production` (case-insensitive).
    pub fn parse(text: &str) -> Result<Profile, AppError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "demo" => Ok(Profile::Demo),
            "production" => Ok(Profile::Production),
            _ => Err(AppError::UnknownProfile(text.to_owned())),
        }
    }

    /// The profile's name as written in settings and the window title.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Demo => "demo",
            Profile::Production => "production",
        }
    }
}

/// What the UI shows about the running app.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub profile: Profile,
    pub version: String,
    /// The app-data folder, so an advisor can find (and clear) what the app keeps.
    pub data_dir: String,
    /// The reception server preset for this computer by its IT department (production only).
    pub server_preset: ServerPreset,
}

/// Something the user should know that is not an error: shown once, then gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Notice {
    /// A saved file could not be read; it was kept under `kept_as` and defaults are used.
    FileRecovered { kept_as: String },
    /// A counter visit was left open when the app last stopped: its files were removed now
    /// (`discarded_submissions` is 0: a visit with signed applications never sent is asked
    /// about instead, `VisitState::leftover_unsent`).
    LeftoverVisitRemoved { discarded_submissions: u32 },
}

/// The running application: its profile and its app-data folder.
#[derive(Debug)]
pub struct App {
    profile: Profile,
    data_dir: PathBuf,
    /// Serialises read-modify-write of the files in `data_dir`.
    write_lock: Mutex<()>,
    /// Notices not yet shown to the user.
    notices: Mutex<Vec<Notice>>,
    /// Where the people's files go: `data_dir` itself, or the open visit's folder on a
    /// counter PC (`counter_visit.rs`).
    work: RwLock<Arc<counter_visit::WorkPlace>>,
    card: card_panel::CardPanel,
    /// The address of the server started with the app (demo profile), if any.
    bundled_server: Mutex<Option<String>>,
    /// Where the session token is kept.
    vault: Box<dyn SessionVault>,
    /// The folder of the log files, set by the shell that writes them (support report).
    log_dir: Mutex<Option<PathBuf>>,
    /// A counter PC: the session lives here, in memory only, never in `vault`.
    counter: counter_visit::CounterState,
    /// The progress listener, cancel flag and stall limit of submission uploads.
    upload: upload_progress::UploadWatch,
    /// The machine-wide server preset (`machine_preset.rs`; production profile only).
    server_preset: ServerPreset,
}

/// The terms of use shown before a procedure is started.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Terms {
    /// The Japanese original, which prevails.
    pub ja: String,
    /// An English summary.
    pub en: String,
}

impl App {
    /// Opens the app on `data_dir`, creating the folder if needed. The demo profile needs a
    /// build with the `demo` feature (`demo_profile_unavailable` otherwise).
    pub fn open(data_dir: impl Into<PathBuf>, profile: Profile) -> Result<App, AppError> {
        if profile == Profile::Demo && !Profile::DEMO_BUILT_IN {
            return Err(AppError::DemoProfileUnavailable);
        }
        let data_dir = data_dir.into();
        std::fs::create_dir_all(&data_dir).map_err(|source| AppError::DataDir {
            path: data_dir.clone(),
            source,
        })?;
        let vault = Box::new(KeychainVault::new(data_dir.display().to_string()));
        let app = App {
            profile,
            work: RwLock::new(Arc::new(counter_visit::WorkPlace::at(&data_dir))),
            card: card_panel::CardPanel::default(),
            bundled_server: Mutex::new(None),
            vault,
            log_dir: Mutex::new(None),
            counter: counter_visit::CounterState::default(),
            data_dir,
            write_lock: Mutex::new(()),
            notices: Mutex::new(Vec::new()),
            upload: upload_progress::UploadWatch::default(),
            server_preset: ServerPreset::default(),
        };
        let app = match machine_preset::preset_path() {
            Some(path) => app.with_server_preset_file(&path),
            None => app,
        };
        if let Ok(read) = settings::load(&app.data_dir) {
            let settings = app.note(read);
            app.card
                .prefer(settings.as_ref().and_then(|s| s.reader.clone()));
            app.counter.set_on(settings.is_some_and(|s| s.counter_pc));
        }
        app.end_leftover_visits();
        log::info!(
            target: log_trail::TARGET,
            "app opened: version {}, profile {}",
            env!("CARGO_PKG_VERSION"),
            profile.as_str()
        );
        Ok(app)
    }

    /// Keeps the session token somewhere else than the OS keychain (tests).
    pub fn with_vault(mut self, vault: Box<dyn SessionVault>) -> App {
        self.vault = vault;
        self
    }

    /// Reads the machine-wide server preset from `path` instead of the OS's place (tests). The
    /// practice (demo) profile ignores presets: it always uses its bundled server.
    pub fn with_server_preset_file(mut self, path: &Path) -> App {
        self.server_preset = match self.profile {
            Profile::Production => machine_preset::read_preset(path),
            Profile::Demo => ServerPreset::default(),
        };
        self
    }

    /// The address of the server the app started itself (the bundled one).
    pub fn set_bundled_server(&self, url: &str) {
        *lock(&self.bundled_server) = Some(url.to_owned());
        log::info!(target: log_trail::TARGET, "bundled server at {url}");
    }

    /// The server in use: a locked preset's; else the remote one chosen in the settings, else
    /// the preset's, else the bundled one.
    pub fn server_url(&self) -> Option<String> {
        if self.server_preset.locked {
            return self.server_preset.url.clone();
        }
        let chosen = settings::load(&self.data_dir)
            .ok()
            .and_then(|r| r.value())
            .and_then(|s| s.server_url)
            .filter(|u| !u.trim().is_empty());
        chosen
            .or_else(|| self.server_preset.url.clone())
            .or_else(|| lock(&self.bundled_server).clone())
    }

    /// Chooses a remote server (`Some`) or the bundled one (`None`); saved at once. Signing
    /// in again is needed: the session belonged to the other server.
    pub fn set_server(&self, url: Option<&str>) -> Result<Settings, AppError> {
        if self.server_preset.locked {
            return Err(AppError::ServerLocked);
        }
        let url = url.map(str::trim).filter(|u| !u.is_empty());
        if let Some(u) = url {
            if !server_address::is_acceptable(u) {
                return Err(AppError::BadServerUrl(u.to_owned()));
            }
        }
        let current = self.update_settings(|s| s.server_url = url.map(str::to_owned))?;
        self.forget_session();
        // An accepted address has no user name or password in it (server_address.rs).
        log::info!(target: log_trail::TARGET, "server address set to {}", url.unwrap_or("the bundled server"));
        Ok(current)
    }

    /// Chooses the card reader to use when several are connected (`None`: the first reader
    /// with a card); saved at once.
    pub fn set_reader(&self, reader: Option<&str>) -> Result<Settings, AppError> {
        let reader = reader.map(str::trim).filter(|r| !r.is_empty());
        let current = self.update_settings(|s| s.reader = reader.map(str::to_owned))?;
        self.card.prefer(current.reader.clone());
        Ok(current)
    }

    pub fn profile(&self) -> Profile {
        self.profile
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            profile: self.profile,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.data_dir.display().to_string(),
            server_preset: self.server_preset.clone(),
        }
    }

    /// The saved settings, or the defaults when none were saved yet.
    pub fn settings(&self) -> Result<Settings, AppError> {
        let read = settings::load(&self.data_dir)?;
        Ok(self.note(read).unwrap_or_else(Settings::first_run))
    }

    /// Changes the interface language and saves it at once.
    pub fn set_language(&self, language: Language) -> Result<Settings, AppError> {
        self.update_settings(|s| s.language = language)
    }

    /// Reads the settings, changes them and saves them, under the write lock.
    fn update_settings(&self, change: impl FnOnce(&mut Settings)) -> Result<Settings, AppError> {
        let _guard = lock(&self.write_lock);
        let mut current = self
            .note(settings::load(&self.data_dir)?)
            .unwrap_or_else(Settings::first_run);
        change(&mut current);
        settings::save(&self.data_dir, &current)?;
        Ok(current)
    }

    /// The preparation checklist with the user's ticks.
    pub fn checklist(&self) -> Result<Vec<ChecklistItem>, AppError> {
        let ticks = self.note(checklist::load(&self.data_dir)?);
        Ok(checklist::items(&ticks.unwrap_or_default()))
    }

    /// Ticks or unticks one checklist item and saves at once.
    pub fn set_checklist_item(
        &self,
        id: ChecklistItemId,
        done: bool,
    ) -> Result<Vec<ChecklistItem>, AppError> {
        let _guard = lock(&self.write_lock);
        let ticks = self.note(checklist::load(&self.data_dir)?);
        checklist::set(&self.data_dir, ticks.unwrap_or_default(), id, done)
    }

    /// The notices gathered since the last call (each is returned once).
    pub fn take_notices(&self) -> Vec<Notice> {
        std::mem::take(&mut *lock(&self.notices))
    }

    /// The procedures matching the keywords (all must match; `synonyms` widens each).
    pub fn procedures(&self, search: &str, synonyms: bool) -> Vec<Procedure> {
        zairyu_forms::search(search, synonyms)
            .into_iter()
            .cloned()
            .collect()
    }

    /// The terms of use to agree to before starting a procedure.
    pub fn terms(&self) -> Terms {
        let (ja, en) = zairyu_forms::catalog::terms();
        Terms {
            ja: ja.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The form of a procedure, for the UI to render.
    pub fn schema(&self, procedure: &str) -> Result<Schema, AppError> {
        Ok(zairyu_forms::schema_for(procedure)?.clone())
    }

    /// The address(es) of a postal code, offline.
    pub fn postal(&self, code: &str) -> Result<Vec<PostalAddress>, AppError> {
        Ok(zairyu_forms::postal::lookup(code)?)
    }

    /// The applications in progress, most recently changed first.
    pub fn drafts(&self) -> Result<Vec<DraftSummary>, AppError> {
        self.drafts_folder().list()
    }

    /// Starts a draft of a procedure (after the terms were agreed to).
    pub fn create_draft(&self, procedure: &str) -> Result<DraftState, AppError> {
        // Manual 3.2 step 3: the usage application is its own screen, never a draft that
        // would be filed as an application.
        if zairyu_forms::procedure(procedure)
            .is_some_and(|p| p.screen == zairyu_forms::catalog::ProcedureScreen::UsageApplication)
        {
            return Err(AppError::UsageApplicationNotADraft);
        }
        self.visit_needed()?;
        self.drafts_folder().create(procedure)
    }

    pub fn draft(&self, id: &str) -> Result<DraftState, AppError> {
        self.drafts_folder().get(id)
    }

    /// Sets one field from what was typed; saved at once.
    pub fn set_draft_field(&self, id: &str, path: &str, raw: &str) -> Result<DraftState, AppError> {
        self.drafts_folder().set_field(id, path, raw)
    }

    /// Puts a file into a photo or attachment slot; saved at once.
    pub fn attach_to_draft(
        &self,
        id: &str,
        slot: &str,
        name: &str,
        bytes: &[u8],
    ) -> Result<DraftState, AppError> {
        self.drafts_folder().attach(id, slot, name, bytes)
    }

    pub fn detach_from_draft(&self, id: &str, slot: &str) -> Result<DraftState, AppError> {
        self.drafts_folder().detach(id, slot)
    }

    /// The one-click fix of the file in a slot (photo: upright, 3:4, smaller; PDF: unlocked).
    pub fn fix_draft_file(&self, id: &str, slot: &str) -> Result<DraftState, AppError> {
        self.drafts_folder().fix_file(id, slot)
    }

    /// The draft's photo as a data address for a preview, if one is attached.
    pub fn draft_photo(&self, id: &str) -> Result<Option<String>, AppError> {
        self.drafts_folder().photo_preview(id)
    }

    /// Reads the basic four from the card (4-digit card-info PIN) and fills the form fields
    /// that take them; one change, undone as one.
    pub fn fill_draft_from_card(
        &self,
        id: &str,
        reader: Option<&str>,
        pin: &str,
        last_try: bool,
    ) -> Result<DraftState, AppError> {
        self.drafts_folder().get(id)?;
        let (four, expiry) = self.card.basic_four(reader, pin, last_try)?;
        if let Some(expiry) = &expiry {
            self.remember_card_expiry(expiry);
        }
        self.drafts_folder().fill_from_card(id, &four)
    }

    /// Starts a new draft from a submitted one (within two years of filing).
    pub fn reuse_draft(&self, id: &str) -> Result<DraftState, AppError> {
        self.visit_needed()?;
        self.drafts_folder().reuse(id)
    }

    /// Goes back to the version before the last change.
    pub fn undo_draft(&self, id: &str) -> Result<DraftState, AppError> {
        self.drafts_folder().undo(id)
    }

    /// Exports a draft with its files to one bundle in `DATA/exports/`; returns the file's path.
    pub fn export_draft(&self, id: &str) -> Result<String, AppError> {
        self.drafts_folder().export(id, None)
    }

    /// Imports a bundle as a new draft (never over an existing one).
    pub fn import_draft(&self, file: &Path) -> Result<DraftState, AppError> {
        self.drafts_folder().import(file)
    }

    /// Imports a bundle received as bytes (the UI's file picker gives contents, not paths).
    pub fn import_draft_bytes(&self, bytes: &[u8]) -> Result<DraftState, AppError> {
        self.visit_needed()?;
        let dir = self.work_dir().join("incoming");
        std::fs::create_dir_all(&dir).map_err(|source| AppError::Io {
            path: dir.clone(),
            source,
        })?;
        // One name per import: two imports at once never share a file.
        let file = dir.join(format!("bundle-{}.zairyu", uuid::Uuid::new_v4().simple()));
        std::fs::write(&file, bytes).map_err(|source| AppError::Io {
            path: file.clone(),
            source,
        })?;
        let imported = self.drafts_folder().import(&file);
        let _ = std::fs::remove_file(&file);
        imported
    }

    /// Moves a draft out of the list into `set-aside/` (kept on disk).
    pub fn set_draft_aside(&self, id: &str) -> Result<(), AppError> {
        self.drafts_folder().set_aside(id)
    }

    /// Readers, cards on them, and the practice card.
    pub fn card_panel(&self) -> CardPanelState {
        self.card.state(self.profile)
    }

    /// Puts the virtual practice card "on a reader" (demo profile only;
    /// `practice_card_unavailable` in a build without the `demo` feature).
    pub fn insert_practice_card(&self) -> Result<CardPanelState, AppError> {
        self.card.insert_practice(self.profile)?;
        Ok(self.card_panel())
    }

    /// Puts this app's inserted practice card into `other` too, the same card (keys, PIN
    /// tries): a test's way of carrying one card to another computer (two apps in one
    /// process). Nothing happens in a build without the practice card.
    pub fn carry_practice_card_to(&self, other: &App) {
        self.card.carry_practice_to(&other.card);
    }

    pub fn remove_practice_card(&self) -> CardPanelState {
        self.card.remove_practice();
        self.card_panel()
    }

    /// Is it a My Number Card, and the tries left on its PINs (none spent).
    pub fn card_status(&self, reader: Option<&str>) -> Result<CardStatus, AppError> {
        self.card.status(reader)
    }

    /// The basic four, after the 4-digit card-info PIN (`last_try`: consent to use the last try);
    /// the card's certificate expiry is read with it (no PIN) and remembered.
    pub fn read_basic_four(
        &self,
        reader: Option<&str>,
        pin: &str,
        last_try: bool,
    ) -> Result<BasicFour, AppError> {
        let (four, expiry) = self.card.basic_four(reader, pin, last_try)?;
        if let Some(expiry) = &expiry {
            self.remember_card_expiry(expiry);
        }
        Ok(four)
    }

    /// Keeps a notice when a file had to be moved aside, and passes the value on.
    fn note<T>(&self, read: json_file::Read<T>) -> Option<T> {
        if let json_file::Read::MovedAside(path) = &read {
            lock(&self.notices).push(Notice::FileRecovered {
                kept_as: path.display().to_string(),
            });
        }
        read.value()
    }
}

/// Decodes `%XX` escapes (what the UI's `encodeURIComponent` writes for file names sent as
/// headers beside a raw body) into UTF-8 text; `None` for a bad escape or invalid UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Takes a mutex even if a panic poisoned it: writes are atomic, so no half-written state can
/// be behind a poisoned lock.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_parses_known_names_only() {
        assert_eq!(Profile::parse("demo").unwrap(), Profile::Demo);
        assert_eq!(Profile::parse(" Production ").unwrap(), Profile::Production);
        let err = Profile::parse("staging").unwrap_err();
        assert_eq!(err.code(), "unknown_profile");
    }

    #[test]
    fn language_and_ticks_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        {
            let app = App::open(dir.path(), Profile::Production).unwrap();
            app.set_language(Language::Ja).unwrap();
            app.set_checklist_item(ChecklistItemId::Passport, true)
                .unwrap();
        }
        let app = App::open(dir.path(), Profile::Production).unwrap();
        assert_eq!(app.settings().unwrap().language, Language::Ja);
        let items = app.checklist().unwrap();
        let passport = items
            .iter()
            .find(|item| item.id == ChecklistItemId::Passport)
            .unwrap();
        assert!(passport.done);
        assert_eq!(items.iter().filter(|item| item.done).count(), 1);
    }

    #[test]
    fn a_corrupt_file_is_kept_and_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("settings.json"), b"\x00garbage").unwrap();
        let app = App::open(dir.path(), Profile::Production).unwrap();
        assert_eq!(app.settings().unwrap(), Settings::default());
        let notices = app.take_notices();
        let kept_as = dir.path().join("settings.json.corrupt");
        assert_eq!(
            notices,
            vec![Notice::FileRecovered {
                kept_as: kept_as.display().to_string()
            }]
        );
        assert_eq!(std::fs::read(kept_as).unwrap(), b"\x00garbage");
        assert!(app.take_notices().is_empty());
        // Saving afterwards writes a fresh file and keeps the damaged copy.
        app.set_language(Language::Ja).unwrap();
        assert_eq!(app.settings().unwrap().language, Language::Ja);
        assert!(app.take_notices().is_empty());
    }

    #[test]
    fn the_usage_application_is_its_own_screen_and_checks_the_fields_of_step_15() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production).unwrap();
        // Manual 3.2 step 3: never a draft that would be filed as an application.
        let usage = zairyu_forms::procedure("usage-application").unwrap();
        assert_eq!(
            usage.screen,
            zairyu_forms::catalog::ProcedureScreen::UsageApplication
        );
        assert_eq!(
            app.create_draft("usage-application").unwrap_err().code(),
            "usage_application_not_a_draft"
        );
        assert!(app.drafts().unwrap().is_empty());
        // Step 15: English name, postal code and telephone from the schema.
        let mut info = UsageInfo {
            name: "グエン　ティ　ラン".into(),
            address: "大分県別府市十文字原１－１".into(),
            birth_date: "2001-04-15".into(),
            sex: "female".into(),
            residence_card_number: "ab12345678cd".into(),
            organisation: None,
            name_en: "NGUYEN THI LAN".into(),
            postal_code: String::new(),
            telephone: "09012345678".into(),
        };
        let paths: Vec<String> = app
            .check_usage_info(&info)
            .unwrap()
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(paths, vec!["user.postal_code"]);
        info.postal_code = "874-8577".into();
        assert!(app.check_usage_info(&info).unwrap().is_empty());
        let form = info.form().unwrap();
        assert_eq!(form["user"]["postal_code"], "8748577");
        assert_eq!(form["user"]["residence_card_number"], "AB12345678CD");
    }

    #[cfg(feature = "demo")]
    #[test]
    fn the_card_fills_the_fields_that_take_the_basic_four_as_one_change() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Demo)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        let draft = app.create_draft("extension-of-stay").unwrap();
        app.insert_practice_card().unwrap();
        let wrong = app.fill_draft_from_card(&draft.id, Some(PRACTICE_READER), "9999", false);
        assert_eq!(wrong.unwrap_err().code(), "pin_wrong");
        assert_eq!(
            app.draft(&draft.id).unwrap().meta.revision,
            draft.meta.revision
        );

        let filled = app
            .fill_draft_from_card(&draft.id, Some(PRACTICE_READER), "1234", false)
            .unwrap();
        let applicant = &filled.meta.form["applicant"];
        assert_eq!(applicant["birth_date"], "2003-04-15");
        assert_eq!(applicant["sex"], "female");
        assert!(applicant["address"].as_str().unwrap().starts_with("大分県"));
        let undone = app.undo_draft(&draft.id).unwrap();
        assert!(undone.meta.form["applicant"]["birth_date"].is_null());
    }

    #[test]
    fn the_demo_profile_opens_only_in_a_build_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let opened = App::open(dir.path(), Profile::Demo);
        if Profile::DEMO_BUILT_IN {
            assert_eq!(opened.unwrap().profile(), Profile::Demo);
        } else {
            let err = opened.unwrap_err();
            assert_eq!(err.code(), "demo_profile_unavailable");
            assert!(err.to_string().contains("production profile"), "{err}");
        }
    }

    #[test]
    fn percent_decoding_of_file_names() {
        assert_eq!(
            percent_decode("%E6%88%90%E7%B8%BE.pdf").as_deref(),
            Some("成績.pdf")
        );
        assert_eq!(percent_decode("a%20b.pdf").as_deref(), Some("a b.pdf"));
        assert_eq!(percent_decode("bad%zz"), None);
        assert_eq!(percent_decode("%FF"), None);
    }

    #[test]
    fn info_names_the_profile_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production).unwrap();
        let info = app.info();
        assert_eq!(info.profile, Profile::Production);
        assert_eq!(info.data_dir, dir.path().display().to_string());
    }
}
