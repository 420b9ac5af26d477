//! Everything that can go wrong with a draft or a bundle, each with a stable code and a
//! message that says what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Forms(#[from] zairyu_forms::FormsError),
    #[error("{path}: {source}. Check that the folder exists and that you may write to it.")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{0} is not a draft folder (it has no draft.json). Create one with `zairyu draft new`."
    )]
    NotADraft(PathBuf),
    #[error("The draft in {0} is damaged and no earlier version could be read. The damaged file was kept as draft.json.corrupt.")]
    Damaged(PathBuf),
    #[error("{0} already exists and is not empty: choose a new folder, so that no draft is overwritten.")]
    Exists(PathBuf),
    #[error("The draft was written by a newer Zairyu (form version {found}, this one knows {known}). Update Zairyu, then open it again.")]
    NewerSchema { found: u32, known: u32 },
    #[error(
        "No migration from form version {from} of \"{procedure}\": this draft cannot be opened."
    )]
    NoMigration { procedure: String, from: u32 },
    #[error("\"{0}\" is not a usable file name: use letters, digits, '-', '_' and '.', not starting with '.'.")]
    BadFileName(String),
    #[error("The bundle is not a Zairyu draft bundle ({0}). Export it again with Zairyu.")]
    NotABundle(String),
    #[error("The bundle contains \"{0}\", a path outside the draft folder. It was refused; ask the sender to export it again.")]
    UnsafePath(String),
    #[error("The bundle holds more than {limit} bytes once unpacked; it was refused (an application carries at most 25,000,000 bytes of files).")]
    TooLarge { limit: u64 },
    #[error("\"{0}\" in the bundle does not match its SHA-256 in the manifest: the file was damaged or changed. Export it again.")]
    DigestMismatch(String),
    #[error("This application cannot be reused: {0}")]
    CannotReuse(String),
    #[error("The earlier version of {0} is no longer kept, so this step cannot be undone: attach that file again.")]
    UndoFileGone(String),
    #[error("The draft was written by a newer Zairyu (draft format {found}, this one knows {known}). Update Zairyu, then open it again.")]
    NewerFormat { found: u32, known: u32 },
    #[error(
        "{slot} has no file {file}: it was removed or renamed meanwhile; look at the list again."
    )]
    NoSuchFile { slot: String, file: String },
}

impl DraftError {
    /// Stable code for the UI and scripts (docs/error-codes.md).
    pub fn code(&self) -> &'static str {
        match self {
            DraftError::Forms(e) => e.code(),
            DraftError::Io { .. } => "draft_io",
            DraftError::NotADraft(_) => "not_a_draft",
            DraftError::Damaged(_) => "draft_damaged",
            DraftError::Exists(_) => "draft_exists",
            DraftError::NewerSchema { .. } => "draft_newer_schema",
            DraftError::NoMigration { .. } => "draft_no_migration",
            DraftError::BadFileName(_) => "bad_file_name",
            DraftError::NotABundle(_) => "bundle_invalid",
            DraftError::UnsafePath(_) => "bundle_unsafe_path",
            DraftError::TooLarge { .. } => "bundle_too_large",
            DraftError::DigestMismatch(_) => "bundle_digest_mismatch",
            DraftError::CannotReuse(_) => "reuse_refused",
            DraftError::UndoFileGone(_) => "undo_file_gone",
            DraftError::NewerFormat { .. } => "draft_newer_format",
            DraftError::NoSuchFile { .. } => "no_such_file",
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> DraftError {
        let path = path.into();
        move |source| DraftError::Io { path, source }
    }
}
