//! `zairyu-drafts`: an application in progress, kept as a folder of local files that
//! survives offline work, crashes and moving to another machine.
//!
//! - [`Draft`] (`draft.rs`): `draft.json` (metadata + form data), `photo.jpg`,
//!   `attachments/`, and `history/` with the previous versions. Every change is saved at once
//!   through [`atomic`] (temp file, fsync, rename, directory fsync).
//! - [`bundle`]: export and import of one portable `.zairyu` file (zip + SHA-256 manifest).
//! - Migrations of drafts written under older schema versions, and reuse of a submitted
//!   application within two years.

pub mod atomic;
pub mod bundle;
mod draft;
mod error;
mod migrate;

pub use draft::{now, AttachmentEntry, Draft, DraftMeta, Submitted, DRAFT_FORMAT, HISTORY_KEPT};
pub use error::DraftError;
pub use migrate::migrate;
