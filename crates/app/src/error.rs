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
}

impl AppError {
    /// The stable code of this error (documented in docs/error-codes.md).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::DataDir { .. } => "data_dir_unavailable",
            AppError::Io { .. } => "storage_failed",
            AppError::UnknownProfile(_) => "unknown_profile",
            AppError::NoSuchDraft(_) => "no_such_draft",
            AppError::Draft(e) => e.code(),
            AppError::Forms(e) => e.code(),
            AppError::Postal(e) => e.code(),
            AppError::Card(e) => e.code(),
            AppError::PracticeCardNotAllowed => "practice_card_not_allowed",
        }
    }
}
