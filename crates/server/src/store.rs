//! Storage behind one interface ([`Store`]), with its own error type ([`StoreError`]). The SQL
//! is written once (`store/schema.rs`: the migrations and the row mapping; `store/queries.rs`:
//! every statement) for both databases; what differs between SQLite and PostgreSQL (parameter
//! markers, column types, auto-numbered keys) is in `store/dialect.rs` alone. Each database
//! only runs statements: [`SqliteStore`] (embedded, the default) here in `store/sqlite.rs`,
//! [`crate::postgres_store::PostgresStore`] in `postgres_store.rs`. Tables come from numbered
//! migrations recorded in `schema_migrations`. Attachments are not in the database: they are
//! files named by their SHA-256 (see `service`).

mod dialect;
mod organisations;
mod queries;
mod schema;
mod sqlite;

use serde::{Deserialize, Serialize};

pub use dialect::{Cell, Database, Dialect, Param, SqlRow};
pub use organisations::{InvitationRow, LinkedRow, OrganisationRow, OrganisationStore};
pub(crate) use schema::migrate;
pub use sqlite::SqliteStore;

/// Why the store could not answer. The service turns every one into a 500 whose detail goes
/// only to the log.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("cannot open the database {place}: {reason}")]
    Open { place: String, reason: String },
    #[error("the statement returned no row: {0}")]
    NoRow(String),
    #[error("column {column} is not {expected}")]
    Column {
        column: usize,
        expected: &'static str,
    },
}

/// An account, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    /// foreign_national | legal_representative | organisation_staff | attorney
    pub user_type: String,
    pub name_en: String,
    pub telephone: String,
    #[serde(skip)]
    pub password_hash: String,
    /// applicant | examiner
    pub role: String,
    /// The organisation a staff member (取次) belongs to.
    pub organisation: Option<String>,
    /// SHA-256 of the card certificate bound by the usage application.
    pub cert_fingerprint: Option<String>,
    /// The basic four and user information given with the usage application (JSON).
    pub usage: Option<String>,
}

/// One line of an application's audit trail: (actor, action, detail, time).
pub type AuditEntry = (String, String, String, i64);

/// One application and its current state, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationRow {
    pub id: i64,
    pub reference_number: String,
    pub temporary_reception_number: String,
    /// The applicant (the card holder who signed).
    pub user_id: String,
    /// Who sent it: the applicant, or organisation staff on their behalf.
    pub submitter_id: String,
    pub procedure_id: String,
    pub submission_id: String,
    pub status: String,
    /// The examiner's request when In Return Process.
    pub revision_request: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Proxy filing: the organisation of the staff member (`submitter_id`) who filed it.
    #[serde(default)]
    pub filed_by_organisation: Option<String>,
    /// Proxy filing: who filed it for whom as they were then (`crate::answers::Filing` as JSON).
    #[serde(default)]
    pub filing: Option<String>,
    pub versions: Vec<VersionRow>,
}

/// One submitted version (every resubmission is kept), as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionRow {
    pub version: i64,
    pub form: serde_json::Value,
    /// `[{name, sha256, bytes, kind}]`
    pub files: serde_json::Value,
    pub signed_at: String,
    pub cert_fingerprint: String,
    pub created_at: i64,
}

/// Everything the service keeps. Implemented once, in `store/queries.rs`, for every
/// [`Database`]; each database passes the same tests (`tests/store_conformance.rs`).
pub trait Store: OrganisationStore + Send + Sync + std::fmt::Debug {
    fn add_registration(
        &self,
        token_hash: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), StoreError>;
    /// (email, expires, confirmed, used)
    fn registration(
        &self,
        token_hash: &str,
    ) -> Result<Option<(String, i64, bool, bool)>, StoreError>;
    fn set_registration(
        &self,
        token_hash: &str,
        confirmed: bool,
        used: bool,
    ) -> Result<(), StoreError>;
    fn add_user(&self, user: &UserRow, now: i64) -> Result<(), StoreError>;
    fn user(&self, id: &str) -> Result<Option<UserRow>, StoreError>;
    fn user_by_email(&self, email: &str) -> Result<Option<UserRow>, StoreError>;
    /// Counts one sign-in attempt for `key` (a typed user ID, known or not) in one statement,
    /// if `key` may try now: answers the failures counted so far including this one, or
    /// `None` while it must wait (see [`LOGIN_FREE_FAILURES`]). Two attempts at once are two
    /// increments, never one read twice.
    fn claim_login_attempt(&self, key: &str, now: i64) -> Result<Option<i64>, StoreError>;
    /// When `key` may try again (0: now).
    fn login_wait_until(&self, key: &str) -> Result<i64, StoreError>;
    /// Forgets the failures of `key` (a sign-in that succeeded, a password reset).
    fn clear_login_failures(&self, key: &str) -> Result<(), StoreError>;
    fn set_password(&self, id: &str, hash: &str) -> Result<(), StoreError>;
    /// Binds the certificate (fingerprint) and the usage information to the account, in one
    /// statement that does nothing and answers `false` when another account holds it.
    fn set_usage(&self, id: &str, fingerprint: &str, usage: &str) -> Result<bool, StoreError>;
    fn add_session(&self, token_hash: &str, user_id: &str, expires: i64) -> Result<(), StoreError>;
    fn session_user(&self, token_hash: &str, now: i64) -> Result<Option<String>, StoreError>;
    fn remove_session(&self, token_hash: &str) -> Result<(), StoreError>;
    /// Ends every session of `user_id` but the one with `keep` (a password change keeps the
    /// session that made it; a reset keeps none).
    fn remove_other_sessions(&self, user_id: &str, keep: Option<&str>) -> Result<(), StoreError>;
    fn add_challenge(&self, nonce: &str, user_id: &str, expires: i64) -> Result<(), StoreError>;
    /// Removes and returns (user_id, expires): a challenge is used at most once.
    fn take_challenge(&self, nonce: &str) -> Result<Option<(String, i64)>, StoreError>;
    fn add_application(&self, app: &ApplicationRow) -> Result<i64, StoreError>;
    fn add_version(&self, application_id: i64, version: &VersionRow) -> Result<(), StoreError>;
    fn application(&self, id: i64) -> Result<Option<ApplicationRow>, StoreError>;
    fn application_by_submission(
        &self,
        submitter_id: &str,
        submission_id: &str,
    ) -> Result<Option<ApplicationRow>, StoreError>;
    /// Newest first; `user` limits to one applicant's or submitter's, `status` to one status.
    fn applications(
        &self,
        user: Option<&str>,
        status: Option<&str>,
    ) -> Result<Vec<ApplicationRow>, StoreError>;
    fn set_status(
        &self,
        id: i64,
        status: &str,
        revision_request: Option<&str>,
        now: i64,
    ) -> Result<(), StoreError>;
    fn audit(
        &self,
        application_id: Option<i64>,
        actor: &str,
        action: &str,
        detail: &str,
        now: i64,
    ) -> Result<(), StoreError>;
    fn audit_log(&self, application_id: i64) -> Result<Vec<AuditEntry>, StoreError>;
    fn favorites(&self, user_id: &str) -> Result<Vec<String>, StoreError>;
    fn set_favorite(&self, user_id: &str, procedure_id: &str, on: bool) -> Result<(), StoreError>;
    fn add_password_reset(
        &self,
        token_hash: &str,
        user_id: &str,
        expires: i64,
    ) -> Result<(), StoreError>;
    /// Marks the reset used and returns (user_id, expires) if it was unused.
    fn take_password_reset(&self, token_hash: &str) -> Result<Option<(String, i64)>, StoreError>;
    fn set_profile(
        &self,
        user_id: &str,
        postal_code: &str,
        address: &str,
        telephone: &str,
    ) -> Result<(), StoreError>;
    /// (postal_code, address)
    fn profile(&self, user_id: &str) -> Result<(Option<String>, Option<String>), StoreError>;
    fn application_by_temporary_number(
        &self,
        number: &str,
    ) -> Result<Option<ApplicationRow>, StoreError>;
    fn add_email_change(
        &self,
        token_hash: &str,
        user_id: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), StoreError>;
    /// Marks the change used and returns (user_id, new e-mail, expires) if it was unused and
    /// asked for by `user_id`.
    fn take_email_change(
        &self,
        token_hash: &str,
        user_id: &str,
    ) -> Result<Option<(String, String, i64)>, StoreError>;
    fn set_email(&self, user_id: &str, email: &str) -> Result<(), StoreError>;
    /// The language the account's mails are written in (a tag of zairyu-messages: `vi`, …),
    /// as the app said at registration; `None`: English and Japanese.
    fn set_user_language(&self, user_id: &str, language: Option<&str>) -> Result<(), StoreError>;
    fn user_language(&self, user_id: &str) -> Result<Option<String>, StoreError>;
    fn set_receipt(&self, id: i64, receipt: &str, now: i64) -> Result<(), StoreError>;
    /// The entries of the audit trail not tied to an application (sign-ins, resets, e-mail
    /// changes, listings) whose actor is `actor`, oldest first.
    fn account_audit_log(&self, actor: &str) -> Result<Vec<AuditEntry>, StoreError>;
    /// Runs `work` in one transaction: every change it makes is kept, or none (when it fails).
    /// `work` must not call `atomically` again.
    fn atomically(
        &self,
        work: &mut dyn FnMut(&dyn Store) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
}

/// Wrong passwords for one user ID that cost nothing; from then on each further attempt waits
/// 2, 4, 8 … seconds, at most [`LOGIN_MAX_WAIT`] (the same for known and unknown IDs).
pub const LOGIN_FREE_FAILURES: i64 = 5;
/// The longest wait between two sign-in attempts for one user ID, in seconds.
pub const LOGIN_MAX_WAIT: i64 = 300;
