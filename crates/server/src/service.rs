//! Every server action as one function over the store, the clock and the mailer, held by the
//! [`ReceptionOffice`]. HTTP handlers and `zairyu examiner` call these and nothing else; the
//! store is private to it, so every examiner action passes through the audited functions.
//!
//! One file per area: `accounts` (registration, forgotten ID and password), `sessions`,
//! `profile` (My page), `favorites`, `usage` (the usage application), `submissions`,
//! `receipt_method` (the change of method of receipt), `past_applications` (the searches of 5.1
//! and 6.3), `details` (an application's status history and files for its applicant),
//! `signatures` (what a submission's signature must cover),
//! `examiner`, `statuses` (the allowed transitions), `notices` (who is told about an
//! application: the form's notification address and the account's) and `password_work`
//! (how many password hashes run at once). This file holds the office itself and what they share:
//! opening it, the clock, the mail and request budgets, random tokens.

mod accounts;
mod board;
mod details;
mod examiner;
mod favorites;
mod links;
mod notices;
mod organisations;
pub mod password_work;
mod past_applications;
mod profile;
mod receipt_method;
mod sessions;
mod signatures;
mod statuses;
mod submissions;
mod usage;

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::clock::{Clock, SystemClock};
use crate::config::{ServerConfig, TrustProfile};
use crate::error::ApiError;
use crate::mail::Mailer;
use crate::rate_limit::{FailureDelays, RateLimiter};
use crate::store::{ApplicationRow, SqliteStore, Store};

pub use accounts::password_ok;
pub use organisations::{NOTICE_DAYS, VALID_YEARS};
pub use past_applications::PastSearch;
pub use statuses::{transition_allowed, STATUSES};

/// A registration, reset or e-mail change link lasts this long.
pub const DAY: i64 = 24 * 3600;
/// What a usage-application challenge signature covers, before the nonce.
pub use zairyu_forms::signing::USAGE_DOMAIN;

/// The reception office: every action of the server, over its store (private: nothing outside
/// reads or writes it but through these functions), clock and mailer.
#[derive(Debug)]
pub struct ReceptionOffice {
    store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub mailer: Mailer,
    pub profile: TrustProfile,
    /// The CAs signatures must chain to (the profile's) with the configured CRLs.
    anchors: zairyu_signature::TrustAnchors,
    crls_loaded: usize,
    /// What a submission's signature names as its server (`/api/health`).
    server_id: String,
    pub files_dir: PathBuf,
    session_seconds: i64,
    /// Seconds a new application stays Pending before the office accepts it.
    acceptance_seconds: i64,
    public_url: String,
    /// Request budgets per client, per account and per e-mail address.
    limits: RateLimiter,
    /// Progressive waits per client after wrong passwords (accounts have theirs in the store).
    client_failures: FailureDelays,
    /// The reverse proxy whose `X-Forwarded-For` names the client (`config.trusted_proxy`).
    pub trusted_proxy: Option<std::net::IpAddr>,
}

/// Wrong passwords from one client (any user IDs) that cost nothing; then 2, 4, 8 … seconds.
pub const CLIENT_FREE_FAILURES: i64 = 20;
/// Requests of one kind one client may make in [`CLIENT_WINDOW`] seconds (forgotten ID or
/// password, registration, e-mail or password change, reset).
pub const CLIENT_BUDGET: u32 = 20;
pub const CLIENT_WINDOW: i64 = 600;

/// A file received with an application, already on disk under its digest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoredFile {
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
    /// photo | attachment
    pub kind: String,
}

/// What the client sends besides the files (the `metadata` part).
#[derive(Debug, Clone, Deserialize)]
pub struct SubmissionMeta {
    pub procedure_id: String,
    pub submission_id: String,
    pub signed_at: String,
    pub form: serde_json::Value,
    /// Base64 DER of the card certificate that signed.
    pub certificate: String,
    /// Base64 of the signature over `SignedContent::canonical_bytes`.
    pub signature: String,
    /// Organisation staff: the applicant (student) the application is for.
    #[serde(default)]
    pub for_user: Option<String>,
    #[serde(default)]
    pub agreed_to_terms: bool,
    /// What the app says it signed for (`submission` / `resubmission`), the application and the
    /// server: only to name what differs; the signature is checked against the request's own.
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub application_id: Option<i64>,
    #[serde(default)]
    pub server_id: Option<String>,
    /// The files the signature covers, as the app declares them.
    #[serde(default)]
    pub files: Vec<zairyu_wire::SignedFile>,
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the OS random source works");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

fn random_digits(n: usize) -> String {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf).expect("the OS random source works");
    buf.iter().map(|b| char::from(b'0' + b % 10)).collect()
}

pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl ReceptionOffice {
    /// The stored application with this id, or `not_found` (every area looks one up so).
    fn stored_application(&self, id: i64) -> Result<ApplicationRow, ApiError> {
        self.store
            .application(id)?
            .ok_or_else(|| ApiError::not_found("application"))
    }

    /// A file listed in one of `app`'s versions, by its SHA-256: its name as sent and its
    /// bytes (`not_found` for a digest the application does not list).
    fn stored_file(
        &self,
        app: &ApplicationRow,
        sha256: &str,
    ) -> Result<(String, Vec<u8>), ApiError> {
        let name = app
            .versions
            .iter()
            .filter_map(|v| v.files.as_array())
            .flatten()
            .find(|f| f["sha256"] == sha256)
            .and_then(|f| f["name"].as_str().map(str::to_owned))
            .ok_or_else(|| ApiError::not_found("file of this application"))?;
        let bytes = std::fs::read(self.files_dir.join(sha256)).map_err(ApiError::internal)?;
        Ok((name, bytes))
    }

    pub fn open(config: &ServerConfig) -> Result<ReceptionOffice, String> {
        crate::owner_only::create_dir(&config.data_dir)
            .map_err(|e| format!("{}: {e}", config.data_dir.display()))?;
        let store: Arc<dyn Store> = match &config.postgres {
            Some(pg) => Arc::new(
                crate::postgres_store::PostgresStore::connect_with_ca(
                    pg,
                    config.postgres_ca.as_deref(),
                )
                .map_err(|e| e.to_string())?,
            ),
            None => Arc::new(
                SqliteStore::open(&config.data_dir.join("zairyu.sqlite3"))
                    .map_err(|e| e.to_string())?,
            ),
        };
        ReceptionOffice::with(config, store, Arc::new(SystemClock))
    }

    pub fn with(
        config: &ServerConfig,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
    ) -> Result<ReceptionOffice, String> {
        let files_dir = config.data_dir.join("attachments");
        crate::owner_only::create_dir(&files_dir)
            .map_err(|e| format!("{}: {e}", files_dir.display()))?;
        let (anchors, crls_loaded) = usage::trust_anchors(config)?;
        password_work::set_limit(
            config
                .password_hashes_at_once
                .unwrap_or_else(password_work::default_limit),
        );
        Ok(ReceptionOffice {
            store,
            clock,
            mailer: Mailer::new(config.mail.clone())?,
            profile: config.profile,
            anchors,
            crls_loaded,
            server_id: usage::server_id(config)?,
            files_dir,
            session_seconds: config.session_seconds,
            acceptance_seconds: config.acceptance_seconds,
            public_url: config.public_url.clone(),
            limits: RateLimiter::default(),
            client_failures: FailureDelays::new(CLIENT_FREE_FAILURES, crate::store::LOGIN_MAX_WAIT),
            trusted_proxy: config.trusted_proxy,
        })
    }

    fn now(&self) -> i64 {
        self.clock.now()
    }

    /// At most 5 messages an hour to one address: registration links cannot be used to flood.
    fn mail_allowed(&self, to: &str) -> Result<(), ApiError> {
        self.rate_limit(&format!("mail:{}", to.to_ascii_lowercase()), 5, 3600)
    }

    /// At most `limit` requests in `seconds` for `key` (an action and a client, an account or
    /// an address); past it a 429 `too_many_requests` with `Retry-After`.
    pub fn rate_limit(&self, key: &str, limit: u32, seconds: i64) -> Result<(), ApiError> {
        self.limits
            .check(key, limit, seconds, self.now())
            .map_err(|wait| {
                ApiError::wait(
                    "too_many_requests",
                    format!("Too many requests like this one: wait {wait} seconds and try again."),
                    wait,
                )
            })
    }

    /// The budget of one client (the key of its address) for one kind of request:
    /// [`CLIENT_BUDGET`] in [`CLIENT_WINDOW`] seconds.
    pub fn client_allowed(&self, action: &str, client: &str) -> Result<(), ApiError> {
        self.rate_limit(&format!("{action}@{client}"), CLIENT_BUDGET, CLIENT_WINDOW)
    }
}

#[cfg(test)]
mod tests;
