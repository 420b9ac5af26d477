//! The Tauri commands: each one calls one function of `zairyu_app` and nothing more.
//!
//! Their names and types are listed once more in `bindings.rs`, which generates the UI's
//! TypeScript types; a test keeps the two in step with the committed file.

use serde::Serialize;
use tauri::ipc::{InvokeBody, Request};
use tauri::State;
use ts_rs::TS;
use zairyu_app::{
    App, AppError, AppInfo, Application, Attention, BasicFour, CardPanelState, CardStatus,
    ChecklistItem, ChecklistItemId, Diagnosis, DraftState, DraftSummary, Language, Notice,
    PostalAddress, Procedure, QueuedSubmission, Receipt, Registration, Schema, SessionState,
    Settings, SubmitOutcome, Terms, UsageInfo,
};

/// The one error shape the UI sees: a stable code it translates, and an English message.
#[derive(Debug, Serialize, TS)]
pub(crate) struct CommandError {
    pub(crate) code: String,
    pub(crate) message: String,
}

impl From<AppError> for CommandError {
    fn from(err: AppError) -> Self {
        CommandError {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}

type Reply<T> = Result<T, CommandError>;

#[tauri::command]
pub(crate) fn app_info(app: State<'_, App>) -> AppInfo {
    app.info()
}

#[tauri::command]
pub(crate) fn get_settings(app: State<'_, App>) -> Reply<Settings> {
    Ok(app.settings()?)
}

#[tauri::command]
pub(crate) fn set_language(app: State<'_, App>, language: Language) -> Reply<Settings> {
    Ok(app.set_language(language)?)
}

#[tauri::command]
pub(crate) fn get_checklist(app: State<'_, App>) -> Reply<Vec<ChecklistItem>> {
    Ok(app.checklist()?)
}

#[tauri::command]
pub(crate) fn set_checklist_item(
    app: State<'_, App>,
    id: ChecklistItemId,
    done: bool,
) -> Reply<Vec<ChecklistItem>> {
    Ok(app.set_checklist_item(id, done)?)
}

#[tauri::command]
pub(crate) fn take_notices(app: State<'_, App>) -> Vec<Notice> {
    app.take_notices()
}

#[tauri::command]
pub(crate) fn list_procedures(
    app: State<'_, App>,
    search: String,
    synonyms: bool,
) -> Vec<Procedure> {
    app.procedures(&search, synonyms)
}

#[tauri::command]
pub(crate) fn get_terms(app: State<'_, App>) -> Terms {
    app.terms()
}

#[tauri::command]
pub(crate) fn get_schema(app: State<'_, App>, procedure: String) -> Reply<Schema> {
    Ok(app.schema(&procedure)?)
}

#[tauri::command]
pub(crate) fn lookup_postal(app: State<'_, App>, code: String) -> Reply<Vec<PostalAddress>> {
    Ok(app.postal(&code)?)
}

#[tauri::command]
pub(crate) fn list_drafts(app: State<'_, App>) -> Reply<Vec<DraftSummary>> {
    Ok(app.drafts()?)
}

#[tauri::command]
pub(crate) fn create_draft(app: State<'_, App>, procedure: String) -> Reply<DraftState> {
    Ok(app.create_draft(&procedure)?)
}

#[tauri::command]
pub(crate) fn get_draft(app: State<'_, App>, id: String) -> Reply<DraftState> {
    Ok(app.draft(&id)?)
}

#[tauri::command]
pub(crate) fn set_draft_field(
    app: State<'_, App>,
    id: String,
    path: String,
    value: String,
) -> Reply<DraftState> {
    Ok(app.set_draft_field(&id, &path, &value)?)
}

/// The file's bytes travel as the raw request body (no JSON for 25 MB); the draft, slot and
/// file name as headers, the name percent-encoded.
#[tauri::command]
pub(crate) fn attach_file(app: State<'_, App>, request: Request<'_>) -> Reply<DraftState> {
    let (bytes, header) = raw_parts(&request)?;
    Ok(app.attach_to_draft(
        &header("x-draft-id")?,
        &header("x-slot")?,
        &header("x-file-name")?,
        bytes,
    )?)
}

#[tauri::command]
pub(crate) fn detach_file(app: State<'_, App>, id: String, slot: String) -> Reply<DraftState> {
    Ok(app.detach_from_draft(&id, &slot)?)
}

#[tauri::command(async)]
pub(crate) fn fix_draft_file(app: State<'_, App>, id: String, slot: String) -> Reply<DraftState> {
    Ok(app.fix_draft_file(&id, &slot)?)
}

/// The PIN lives in this String only until the card has answered, then is zeroed.
#[tauri::command(async)]
pub(crate) fn fill_draft_from_card(
    app: State<'_, App>,
    id: String,
    reader: Option<String>,
    mut pin: String,
    last_try: bool,
) -> Reply<DraftState> {
    let result = app.fill_draft_from_card(&id, reader.as_deref(), &pin, last_try);
    zeroize::Zeroize::zeroize(&mut pin);
    Ok(result?)
}

#[tauri::command]
pub(crate) fn reuse_draft(app: State<'_, App>, id: String) -> Reply<DraftState> {
    Ok(app.reuse_draft(&id)?)
}

#[tauri::command]
pub(crate) fn draft_photo(app: State<'_, App>, id: String) -> Reply<Option<String>> {
    Ok(app.draft_photo(&id)?)
}

#[tauri::command]
pub(crate) fn undo_draft(app: State<'_, App>, id: String) -> Reply<DraftState> {
    Ok(app.undo_draft(&id)?)
}

#[tauri::command]
pub(crate) fn export_draft(app: State<'_, App>, id: String) -> Reply<String> {
    Ok(app.export_draft(&id, None)?)
}

/// The bundle's bytes as the raw request body.
#[tauri::command]
pub(crate) fn import_draft(app: State<'_, App>, request: Request<'_>) -> Reply<DraftState> {
    let (bytes, _) = raw_parts(&request)?;
    Ok(app.import_draft_bytes(bytes)?)
}

#[tauri::command]
pub(crate) fn set_draft_aside(app: State<'_, App>, id: String) -> Reply<()> {
    Ok(app.set_draft_aside(&id)?)
}

#[tauri::command]
pub(crate) fn card_panel(app: State<'_, App>) -> CardPanelState {
    app.card_panel()
}

#[tauri::command]
pub(crate) fn insert_practice_card(app: State<'_, App>) -> Reply<CardPanelState> {
    Ok(app.insert_practice_card()?)
}

#[tauri::command]
pub(crate) fn remove_practice_card(app: State<'_, App>) -> CardPanelState {
    app.remove_practice_card()
}

#[tauri::command]
pub(crate) fn card_status(app: State<'_, App>, reader: Option<String>) -> Reply<CardStatus> {
    Ok(app.card_status(reader.as_deref())?)
}

/// The PIN lives in this String only until the one card command is done, then is zeroed.
#[tauri::command]
pub(crate) fn read_basic_four(
    app: State<'_, App>,
    reader: Option<String>,
    mut pin: String,
    last_try: bool,
) -> Reply<BasicFour> {
    let result = app.read_basic_four(reader.as_deref(), &pin, last_try);
    zeroize::Zeroize::zeroize(&mut pin);
    Ok(result?)
}

#[tauri::command]
pub(crate) fn set_server(app: State<'_, App>, url: Option<String>) -> Reply<Settings> {
    Ok(app.set_server(url.as_deref())?)
}

// The commands below talk to the server or the card: `async` runs them off the window's
// thread, so the window stays responsive (and shows progress) while they wait.

#[tauri::command(async)]
pub(crate) fn diagnosis(app: State<'_, App>) -> Reply<Diagnosis> {
    Ok(app.diagnosis())
}

#[tauri::command(async)]
pub(crate) fn session(app: State<'_, App>) -> Reply<SessionState> {
    Ok(app.session()?)
}

#[tauri::command(async)]
pub(crate) fn register(app: State<'_, App>, email: String, email_again: String) -> Reply<()> {
    Ok(app.register(&email, &email_again)?)
}

#[tauri::command(async)]
pub(crate) fn confirm_email(app: State<'_, App>, code: String) -> Reply<String> {
    Ok(app.confirm_email(&code)?)
}

#[tauri::command(async)]
pub(crate) fn complete_registration(
    app: State<'_, App>,
    registration: Registration,
) -> Reply<String> {
    let mut registration = registration;
    let result = app.complete_registration(&registration);
    zeroize::Zeroize::zeroize(&mut registration.password);
    Ok(result?)
}

#[tauri::command(async)]
pub(crate) fn forgot_user_id(app: State<'_, App>, email: String) -> Reply<()> {
    Ok(app.forgot_user_id(&email)?)
}

#[tauri::command(async)]
pub(crate) fn forgot_password(app: State<'_, App>, user_id: String, email: String) -> Reply<()> {
    Ok(app.forgot_password(&user_id, &email)?)
}

#[tauri::command(async)]
pub(crate) fn reset_password(app: State<'_, App>, code: String, mut password: String) -> Reply<()> {
    let result = app.reset_password(&code, &password);
    zeroize::Zeroize::zeroize(&mut password);
    Ok(result?)
}

#[tauri::command(async)]
pub(crate) fn sign_in(
    app: State<'_, App>,
    user_id: String,
    mut password: String,
) -> Reply<SessionState> {
    let result = app.sign_in(&user_id, &password);
    zeroize::Zeroize::zeroize(&mut password);
    Ok(result?)
}

#[tauri::command(async)]
pub(crate) fn change_password(
    app: State<'_, App>,
    mut current: String,
    mut new: String,
) -> Reply<()> {
    let result = app.change_password(&current, &new);
    zeroize::Zeroize::zeroize(&mut current);
    zeroize::Zeroize::zeroize(&mut new);
    Ok(result?)
}

#[tauri::command(async)]
pub(crate) fn change_profile(
    app: State<'_, App>,
    postal_code: String,
    address: String,
    telephone: String,
) -> Reply<()> {
    Ok(app.change_profile(&postal_code, &address, &telephone)?)
}

#[tauri::command(async)]
pub(crate) fn change_email(app: State<'_, App>, email: String, email_again: String) -> Reply<()> {
    Ok(app.change_email(&email, &email_again)?)
}

#[tauri::command(async)]
pub(crate) fn confirm_email_change(app: State<'_, App>, code: String) -> Reply<String> {
    Ok(app.confirm_email_change(&code)?)
}

#[tauri::command(async)]
pub(crate) fn favorites(app: State<'_, App>) -> Reply<Vec<String>> {
    Ok(app.favorites()?)
}

#[tauri::command(async)]
pub(crate) fn set_favorite(app: State<'_, App>, procedure: String, on: bool) -> Reply<Vec<String>> {
    Ok(app.set_favorite(&procedure, on)?)
}

#[tauri::command]
pub(crate) fn set_reader(app: State<'_, App>, reader: Option<String>) -> Reply<Settings> {
    Ok(app.set_reader(reader.as_deref())?)
}

#[tauri::command(async)]
pub(crate) fn attention(app: State<'_, App>) -> Reply<Attention> {
    Ok(app.attention()?)
}

#[tauri::command(async)]
pub(crate) fn sign_out(app: State<'_, App>) -> Reply<SessionState> {
    Ok(app.sign_out()?)
}

/// The PIN lives in this String only until the card has signed, then is zeroed.
#[tauri::command(async)]
pub(crate) fn apply_for_usage(
    app: State<'_, App>,
    reader: Option<String>,
    mut pin: String,
    last_try: bool,
    info: UsageInfo,
) -> Reply<SessionState> {
    let result = app.apply_for_usage(reader.as_deref(), &pin, last_try, &info);
    zeroize::Zeroize::zeroize(&mut pin);
    Ok(result?)
}

/// The PIN lives in this String only until the card has signed, then is zeroed.
#[tauri::command(async)]
pub(crate) fn submit_draft(
    app: State<'_, App>,
    id: String,
    reader: Option<String>,
    mut pin: String,
    last_try: bool,
    resubmit_of: Option<i64>,
) -> Reply<SubmitOutcome> {
    let result = app.submit_draft(&id, reader.as_deref(), &pin, last_try, resubmit_of);
    zeroize::Zeroize::zeroize(&mut pin);
    Ok(result?)
}

#[tauri::command(async)]
pub(crate) fn send_queued(app: State<'_, App>) -> Reply<Vec<SubmitOutcome>> {
    Ok(app.send_queued()?)
}

#[tauri::command]
pub(crate) fn queued_submissions(app: State<'_, App>) -> Vec<QueuedSubmission> {
    app.queued_submissions()
}

#[tauri::command]
pub(crate) fn receipts(app: State<'_, App>) -> Vec<Receipt> {
    app.receipts()
}

#[tauri::command(async)]
pub(crate) fn list_applications(app: State<'_, App>) -> Reply<Vec<Application>> {
    Ok(app.applications()?)
}

/// The demo profile's mailbox: the e-mails the bundled server wrote to its outbox (the code
/// of the registration e-mail is there). Empty in the production profile.
#[tauri::command]
pub(crate) fn demo_mailbox(app: State<'_, App>) -> Vec<crate::bundled::DemoMail> {
    crate::bundled::mailbox(&app)
}

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes when the process started (first thing in `main`).
pub(crate) fn mark_start() {
    STARTED.get_or_init(std::time::Instant::now);
}

/// The UI calls this once, after its first screen shows real data: with
/// `ZAIRYU_STARTUP_REPORT` set, the time since start is printed (`scripts/bench-desktop.sh`).
#[tauri::command]
pub(crate) fn ui_ready() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("ZAIRYU_STARTUP_REPORT").is_some() {
            let ms = STARTED.get().map(|t| t.elapsed().as_millis()).unwrap_or(0);
            eprintln!("zairyu: interactive {ms} ms after start");
        }
    });
}

type HeaderFn<'a> = Box<dyn Fn(&str) -> Result<String, CommandError> + 'a>;

/// The raw body of a request and a reader of its (percent-decoded) headers.
fn raw_parts<'a>(request: &'a Request<'_>) -> Result<(&'a [u8], HeaderFn<'a>), CommandError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(CommandError {
            code: "bad_request".into(),
            message: "the file must be sent as raw bytes".into(),
        });
    };
    let header = move |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(zairyu_app::percent_decode)
            .ok_or_else(|| CommandError {
                code: "bad_request".into(),
                message: format!("the request lacks the {name} header"),
            })
    };
    Ok((bytes.as_slice(), Box::new(header)))
}
