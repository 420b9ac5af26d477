//! `GET /api/applications/{id}/details`: the Application Details screen of manual 5.1 step 5 —
//! the application, its related information, the status with its history, and the newest
//! version's form and files (each downloadable by its SHA-256).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;

use crate::application::Application;
use crate::status::ApplicationStatus;

/// One application with everything its details screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, ToSchema)]
pub struct ApplicationDetails {
    pub application: Application,
    /// The applicant's name (English letters), part of the related information.
    pub applicant_name: String,
    /// Every status the application has had, oldest first.
    pub history: Vec<StatusEntry>,
    /// How many versions were submitted (a resubmission adds one).
    #[ts(type = "number")]
    pub versions: i64,
    /// The newest version's form as submitted (its fields depend on the procedure's schema).
    #[ts(type = "Record<string, Record<string, unknown>>")]
    #[schema(value_type = Object)]
    pub form: serde_json::Value,
    /// The newest version's facial photo and attachments.
    pub files: Vec<DetailFile>,
}

/// A status and when the application took it (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct StatusEntry {
    pub status: ApplicationStatus,
    #[ts(type = "number")]
    pub at: i64,
}

/// A file of an application: `GET /api/applications/{id}/files/{sha256}` downloads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct DetailFile {
    pub name: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// photo | attachment
    pub kind: String,
}
