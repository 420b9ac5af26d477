//! Errors of the application layer, each with a stable code the UI translates.

use std::path::PathBuf;

/// What can go wrong in an app action.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    #[error("cannot create the app-data folder {path}: {source}; check that you may write there or set ZAIRYU_DATA_DIR to another folder")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "cannot read or write {path}: {source}; check the disk has room and the folder is writable"
    )]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("unknown profile {0:?}: use \"demo\" or \"production\"")]
    UnknownProfile(String),
    #[error(
        "there is no draft {0:?}; it may have been deleted — go back to the list of applications"
    )]
    NoSuchDraft(String),
    #[error(transparent)]
    Draft(#[from] zairyu_drafts::DraftError),
    #[error(transparent)]
    Forms(#[from] zairyu_forms::FormsError),
    #[error(transparent)]
    Postal(#[from] zairyu_forms::postal::PostalError),
    #[error(transparent)]
    Card(#[from] zairyu_card::CardError),
    #[error("the practice card exists only in the demo profile; use your own My Number Card")]
    PracticeCardNotAllowed,
    #[error(
        "this build has no practice card; use a real card reader with your own My Number Card"
    )]
    PracticeCardUnavailable,
    #[error("this build has no demo profile (no practice card, no bundled server); use the production profile")]
    DemoProfileUnavailable,
    #[error("no reception server is set: choose one in Settings (or use the bundled one)")]
    NoServer,
    #[error("the server {url} cannot be reached ({detail}); check the network — your work is kept and can be sent later")]
    ServerUnreachable { url: String, detail: String },
    /// The server refused; its own code and message.
    #[error("{message}")]
    Server {
        status: u16,
        code: String,
        message: String,
    },
    #[error("you are not signed in: sign in first")]
    NotSignedIn,
    #[error("the application still has {0} problem(s): fix them before signing")]
    DraftNotReady(usize),
    #[error("the usage application is not kept as a draft: open it from the Account page (it is signed with the card at once)")]
    UsageApplicationNotADraft,
    /// The draft was filed already (or waits in the outbox): signing it again would file a
    /// second application; reuse starts a new one from it.
    #[error("this application was already filed as {0}: start a new application from it instead of signing it again")]
    AlreadyFiled(String),
    #[error("the file {0} changed on disk after it was checked: attach it again")]
    DraftFileChanged(String),
    #[error("nothing is attached for {0}: attach a file first")]
    NothingAttached(String),
    /// A one-click fix could not be made; the checks' finding says why.
    #[error("{message}")]
    FixFailed { code: String, message: String },
    /// Manual 4.2.8: an application carries at most 20 files, the photo included.
    #[error("an application carries at most {max} files (the photo included) and this one has {count}: remove a file, or merge PDFs of one document into one (\"Merge these PDFs into one\")")]
    TooManyFiles { count: usize, max: usize },
    /// Manual 4.2.8: at most 25,000,000 bytes of files in total.
    #[error("the files would come to {total} bytes, over the {max} an application may carry: shrink a scanned PDF (\"Shrink\") or remove a file")]
    FilesTooLarge { total: u64, max: u64 },
    #[error("sending stopped: no data moved for {seconds} seconds ({sent} of {total} bytes sent); the application is kept in the outbox — check the network and send it again")]
    UploadStalled { seconds: u64, sent: u64, total: u64 },
    #[error("sending was cancelled; the application is kept in the outbox")]
    UploadCancelled,
    #[error("the PDF copy could not be made: {0}")]
    PdfCopyFailed(String),
    #[error("there is no receipt for application {0} on this computer")]
    NoSuchReceipt(i64),
    #[error("{0:?} is not a file that can be attached: choose a file, not a folder")]
    NotAFile(String),
    #[error("{0:?} is not a server address: use https://… (or http://127.0.0.1 for a server on this computer)")]
    BadServerUrl(String),
    #[error("this computer's machine-wide preset fixes the reception server: ask your IT department to change it")]
    ServerLocked,
    #[error("this is not a counter PC: choose \"counter PC\" in the settings first")]
    NotACounterPc,
    #[error("a visit is open: end it first")]
    VisitOpen,
    #[error("no visit is open")]
    NoVisit,
    #[error(
        "{0} signed application(s) of this visit are not sent yet: send them now or discard them"
    )]
    VisitUnsent(u32),
    #[error("{0} is not a student you can file for: they must be linked to your organisation and have finished the usage application")]
    NotAFilingStudent(String),
}

impl AppError {
    /// The stable code of this error (documented in docs/error-codes.md).
    pub fn code(&self) -> &str {
        match self {
            AppError::DataDir { .. } => "data_dir_unavailable",
            AppError::Io { .. } => "storage_failed",
            AppError::UnknownProfile(_) => "unknown_profile",
            AppError::NoSuchDraft(_) => "no_such_draft",
            AppError::Draft(e) => e.code(),
            AppError::Forms(e) => e.code(),
            AppError::Postal(e) => e.code(),
            AppError::Card(e) => e.code(),
            AppError::NoServer => "no_server",
            AppError::ServerUnreachable { .. } => "server_unreachable",
            AppError::Server { code, .. } => code,
            AppError::NotSignedIn => "not_signed_in",
            AppError::DraftNotReady(_) => "draft_not_ready",
            AppError::DraftFileChanged(_) => "draft_file_changed",
            AppError::AlreadyFiled(_) => "already_filed",
            AppError::UsageApplicationNotADraft => "usage_application_not_a_draft",
            AppError::BadServerUrl(_) => "bad_server_url",
            AppError::ServerLocked => "server_locked",
            AppError::NotACounterPc => "not_a_counter_pc",
            AppError::VisitOpen => "visit_open",
            AppError::NoVisit => "no_visit",
            AppError::VisitUnsent(_) => "visit_unsent_submissions",
            AppError::NotAFilingStudent(_) => "not_a_filing_student",
            AppError::NothingAttached(_) => "nothing_attached",
            AppError::TooManyFiles { .. } => "attachments_too_many",
            AppError::FilesTooLarge { .. } => "attachments_too_large",
            AppError::FixFailed { code, .. } => code,
            AppError::PracticeCardNotAllowed => "practice_card_not_allowed",
            AppError::PracticeCardUnavailable => "practice_card_unavailable",
            AppError::DemoProfileUnavailable => "demo_profile_unavailable",
            AppError::UploadStalled { .. } => "upload_stalled",
            AppError::UploadCancelled => "upload_cancelled",
            AppError::PdfCopyFailed(_) => "pdf_copy_failed",
            AppError::NoSuchReceipt(_) => "no_such_receipt",
            AppError::NotAFile(_) => "not_a_file",
        }
    }
}
