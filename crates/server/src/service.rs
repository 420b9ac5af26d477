//! Every server action as one function over the store, the clock and the mailer. HTTP handlers
//! and `zairyu examiner` call these and nothing else.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zairyu_forms::signing::{AttachmentDigest, SignedContent};

use crate::clock::{japan_minute, utc_date, Clock, SystemClock};
use crate::config::{Profile, ServerConfig};
use crate::error::ApiError;
use crate::mail::Mailer;
use crate::store::{Application, AuditEntry, SqliteStore, Store, User, Version};

/// A registration link and an account lock last this long.
pub const DAY: i64 = 24 * 3600;
const MAX_FAILURES: i64 = 5;
/// What a usage-application challenge signature covers, before the nonce.
pub use zairyu_forms::signing::USAGE_DOMAIN;

/// The statuses of manual 5.1; the moves between them are `zairyu_wire::ApplicationStatus`'s.
pub const STATUSES: &[&str] = &zairyu_wire::ApplicationStatus::NAMES;

/// Whether an examiner may move an application from `from` to `to` (status names).
pub fn transition_allowed(from: &str, to: &str) -> bool {
    use zairyu_wire::ApplicationStatus;
    match (ApplicationStatus::parse(from), ApplicationStatus::parse(to)) {
        (Some(from), Some(to)) => from.can_become(to),
        _ => false,
    }
}

#[derive(Debug)]
pub struct Service {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub mailer: Mailer,
    pub profile: Profile,
    pub files_dir: PathBuf,
    session_seconds: i64,
    public_url: String,
    /// E-mails sent per address in the current hour (registration and reminders).
    mail_budget: Mutex<std::collections::HashMap<String, (i64, u32)>>,
    /// Requests per client and action in the current minute (sign-in, registration).
    rate: Mutex<std::collections::HashMap<String, (i64, u32)>>,
}

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

/// The password rule of manual 3.2: 10–20 characters, at least one upper-case letter, one
/// lower-case letter, one digit and one of `$ % & = @ _ # * + - ? !`, nothing else.
pub fn password_ok(p: &str) -> bool {
    const SYMBOLS: &str = "$%&=@_#*+-?!";
    (10..=20).contains(&p.chars().count())
        && p.chars()
            .all(|c| c.is_ascii_alphanumeric() || SYMBOLS.contains(c))
        && p.chars().any(|c| c.is_ascii_uppercase())
        && p.chars().any(|c| c.is_ascii_lowercase())
        && p.chars().any(|c| c.is_ascii_digit())
        && p.chars().any(|c| SYMBOLS.contains(c))
}

fn email_ok(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    e.len() <= 60
        && e.bytes().all(|b| b.is_ascii_graphic())
        && !local.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
}

const USER_TYPES: &[&str] = &[
    "foreign_national",
    "legal_representative",
    "organisation_staff",
    "attorney",
];

impl Service {
    pub fn open(config: &ServerConfig) -> Result<Service, String> {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| format!("{}: {e}", config.data_dir.display()))?;
        let store: Arc<dyn Store> = match &config.postgres {
            Some(pg) => Arc::new(crate::postgres_store::PostgresStore::connect(pg)?),
            None => Arc::new(SqliteStore::open(&config.data_dir.join("zairyu.sqlite3"))?),
        };
        Service::with(config, store, Arc::new(SystemClock))
    }

    pub fn with(
        config: &ServerConfig,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
    ) -> Result<Service, String> {
        let files_dir = config.data_dir.join("attachments");
        std::fs::create_dir_all(&files_dir).map_err(|e| format!("{}: {e}", files_dir.display()))?;
        Ok(Service {
            store,
            clock,
            mailer: Mailer::new(config.mail.clone())?,
            profile: config.profile,
            files_dir,
            session_seconds: config.session_seconds,
            public_url: config.public_url.clone(),
            mail_budget: Mutex::new(Default::default()),
            rate: Mutex::new(Default::default()),
        })
    }

    fn now(&self) -> i64 {
        self.clock.now()
    }

    /// At most 5 messages an hour to one address: registration links cannot be used to flood.
    fn mail_allowed(&self, to: &str) -> Result<(), ApiError> {
        let hour = self.now() / 3600;
        let mut budget = self.mail_budget.lock().unwrap_or_else(|p| p.into_inner());
        let entry = budget.entry(to.to_ascii_lowercase()).or_insert((hour, 0));
        if entry.0 != hour {
            *entry = (hour, 0);
        }
        entry.1 += 1;
        if entry.1 > 5 {
            return Err(ApiError::new(
                429,
                "too_many_requests",
                "Too many e-mails to this address this hour; wait and try again.",
            ));
        }
        Ok(())
    }

    /// At most `per_minute` requests a minute for `key` (an action and a client address).
    pub fn rate_limit(&self, key: &str, per_minute: u32) -> Result<(), ApiError> {
        let minute = self.now() / 60;
        let mut rate = self.rate.lock().unwrap_or_else(|p| p.into_inner());
        if rate.len() > 10_000 {
            rate.retain(|_, (m, _)| *m == minute);
        }
        let entry = rate.entry(key.to_owned()).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        entry.1 += 1;
        if entry.1 > per_minute {
            return Err(ApiError::new(
                429,
                "too_many_requests",
                "Too many attempts from this computer; wait a minute and try again.",
            ));
        }
        Ok(())
    }

    // ---- accounts (manual 3.1, 3.2, 7.3) ----

    /// Step 1: the e-mail address twice; a link valid 24 hours is sent. Returns nothing that
    /// says whether the address is known.
    pub fn register(&self, email: &str, email_again: &str) -> Result<(), ApiError> {
        if email != email_again {
            return Err(ApiError::bad(
                "email_mismatch",
                "The two e-mail addresses differ; type the same address twice.",
            ));
        }
        if !email_ok(email) {
            return Err(ApiError::bad(
                "bad_email",
                "Enter an e-mail address of 1-byte characters, up to 60, like name@example.jp.",
            ));
        }
        self.mail_allowed(email)?;
        let token = random_hex(24);
        self.store
            .add_registration(&hash_token(&token), email, self.now() + DAY)?;
        self.mailer.send(
            email,
            "Zairyu: confirm your e-mail address / メールアドレスの確認",
            &format!(
                "Open this link within 24 hours to continue your registration (it works once):\n{}/register?token={token}\n\nOr paste this code into Zairyu: {token}\n\n24時間以内に上記のリンクを開くか、コードを貼り付けてください。",
                self.public_url
            ),
        );
        Ok(())
    }

    fn live_registration(&self, token: &str) -> Result<String, ApiError> {
        let gone = || {
            ApiError::bad(
                "link_invalid",
                "This link has expired or was already used; register again to get a new one.",
            )
        };
        let (email, expires, _, used) = self
            .store
            .registration(&hash_token(token))?
            .ok_or_else(gone)?;
        if used || expires <= self.now() {
            return Err(gone());
        }
        Ok(email)
    }

    /// Step 2: the link from the e-mail.
    pub fn confirm_email(&self, token: &str) -> Result<String, ApiError> {
        let email = self.live_registration(token)?;
        self.store
            .set_registration(&hash_token(token), true, false)?;
        Ok(email)
    }

    /// Step 3: user type, English name, telephone, password → the user ID, also sent by e-mail.
    pub fn complete_registration(
        &self,
        token: &str,
        user_type: &str,
        name_en: &str,
        telephone: &str,
        password: &str,
    ) -> Result<String, ApiError> {
        let email = self.live_registration(token)?;
        let (_, _, confirmed, _) = self
            .store
            .registration(&hash_token(token))?
            .unwrap_or_default();
        if !confirmed {
            return Err(ApiError::bad(
                "email_not_confirmed",
                "Open the link from the e-mail first.",
            ));
        }
        if !USER_TYPES.contains(&user_type) {
            return Err(ApiError::bad(
                "bad_user_type",
                format!("The user type must be one of {}.", USER_TYPES.join(", ")),
            ));
        }
        if name_en.is_empty()
            || !name_en
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b" -,.'".contains(&b))
        {
            return Err(ApiError::bad(
                "bad_name",
                "Enter the name in capital letters as on the residence card.",
            ));
        }
        if telephone.is_empty()
            || telephone.len() > 12
            || !telephone.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(ApiError::bad(
                "bad_telephone",
                "Enter the telephone number as digits only, up to 12.",
            ));
        }
        if !password_ok(password) {
            return Err(ApiError::bad(
                "weak_password",
                "The password must be 10–20 characters with an upper-case letter, a lower-case letter, a digit and one of $ % & = @ _ # * + - ? !",
            ));
        }
        if self.store.user_by_email(&email)?.is_some() {
            return Err(ApiError::new(
                409,
                "email_taken",
                "An account with this e-mail address exists; use “forgot user ID”.",
            ));
        }
        let id = format!("ZR{}", random_digits(8));
        let hash = hash_password(password)?;
        let user = User {
            id: id.clone(),
            email: email.clone(),
            user_type: user_type.into(),
            name_en: name_en.into(),
            telephone: telephone.into(),
            password_hash: hash,
            role: "applicant".into(),
            organisation: None,
            cert_fingerprint: None,
            usage: None,
        };
        self.store.add_user(&user, self.now())?;
        self.store
            .set_registration(&hash_token(token), true, true)?;
        self.mailer.send(
            &email,
            "Zairyu: your user ID / 利用者ID",
            &format!("Your user ID is {id}.\n利用者IDは {id} です。"),
        );
        Ok(id)
    }

    /// Creates an account directly (examiners and organisation staff, by an operator).
    pub fn create_account(
        &self,
        email: &str,
        name_en: &str,
        password: &str,
        role: &str,
        organisation: Option<&str>,
    ) -> Result<String, ApiError> {
        if !password_ok(password) {
            return Err(ApiError::bad("weak_password", "The password does not meet the rule (10–20 characters, upper, lower, digit, symbol)."));
        }
        let id = format!(
            "{}{}",
            if role == "examiner" { "EX" } else { "ZR" },
            random_digits(8)
        );
        let user = User {
            id: id.clone(),
            email: email.into(),
            user_type: if role == "examiner" {
                "examiner".into()
            } else {
                "organisation_staff".into()
            },
            name_en: name_en.into(),
            telephone: String::new(),
            password_hash: hash_password(password)?,
            role: role.into(),
            organisation: organisation.map(str::to_owned),
            cert_fingerprint: None,
            usage: None,
        };
        self.store.add_user(&user, self.now())?;
        Ok(id)
    }

    /// Sign in. Five wrong passwords in a row lock the account for 24 hours.
    pub fn login(&self, user_id: &str, password: &str) -> Result<String, ApiError> {
        let wrong = || ApiError::new(401, "login_failed", "The user ID or password is wrong.");
        let Some(user) = self.store.user(user_id)? else {
            return Err(wrong());
        };
        let (failures, locked_until) = self.store.login_state(user_id)?;
        let now = self.now();
        if locked_until > now {
            return Err(ApiError::new(423, "account_locked", "Too many wrong passwords: the account is locked for 24 hours. Use “forgot password” to reset it."));
        }
        if !verify_password(&user.password_hash, password) {
            let failures = if locked_until > 0 { 1 } else { failures + 1 };
            let lock = if failures >= MAX_FAILURES {
                now + DAY
            } else {
                0
            };
            self.store
                .set_login_state(user_id, if lock > 0 { 0 } else { failures }, lock)?;
            return Err(if lock > 0 {
                ApiError::new(
                    423,
                    "account_locked",
                    "Five wrong passwords in a row: the account is locked for 24 hours.",
                )
            } else {
                wrong()
            });
        }
        self.store.set_login_state(user_id, 0, 0)?;
        let token = random_hex(32);
        self.store
            .add_session(&hash_token(&token), user_id, now + self.session_seconds)?;
        Ok(token)
    }

    pub fn logout(&self, token: &str) -> Result<(), ApiError> {
        self.store.remove_session(&hash_token(token))
    }

    /// The user of a session token, if the session is live.
    pub fn session(&self, token: &str) -> Result<User, ApiError> {
        let id = self
            .store
            .session_user(&hash_token(token), self.now())?
            .ok_or_else(ApiError::unauthorized)?;
        self.store.user(&id)?.ok_or_else(ApiError::unauthorized)
    }

    /// Forgotten user ID: mailed to the address if an account has it; the answer is the same
    /// either way.
    pub fn forgot_user_id(&self, email: &str) -> Result<(), ApiError> {
        self.mail_allowed(email)?;
        if let Some(user) = self.store.user_by_email(email)? {
            self.mailer.send(
                email,
                "Zairyu: your user ID / 利用者ID",
                &format!("Your user ID is {}.", user.id),
            );
        }
        Ok(())
    }

    pub fn change_password(&self, user: &User, current: &str, new: &str) -> Result<(), ApiError> {
        if !verify_password(&user.password_hash, current) {
            return Err(ApiError::new(
                401,
                "login_failed",
                "The current password is wrong.",
            ));
        }
        if !password_ok(new) {
            return Err(ApiError::bad(
                "weak_password",
                "The new password does not meet the rule.",
            ));
        }
        self.store.set_password(&user.id, &hash_password(new)?)
    }

    /// Forgotten password: a reset link (valid 24 hours, once) to the account's address, if the
    /// user ID and address match; the answer is the same either way.
    pub fn forgot_password(&self, user_id: &str, email: &str) -> Result<(), ApiError> {
        self.mail_allowed(email)?;
        if let Some(user) = self
            .store
            .user(user_id)?
            .filter(|u| u.email.eq_ignore_ascii_case(email))
        {
            let token = random_hex(24);
            self.store
                .add_password_reset(&hash_token(&token), &user.id, self.now() + DAY)?;
            self.mailer.send(
                &user.email,
                "Zairyu: reset your password / パスワードの再設定",
                &format!("Code to set a new password (24 hours, once): {token}"),
            );
        }
        Ok(())
    }

    /// Sets a new password with the code from the e-mail; also lifts a lock.
    pub fn reset_password(&self, token: &str, password: &str) -> Result<(), ApiError> {
        if !password_ok(password) {
            return Err(ApiError::bad(
                "weak_password",
                "The new password does not meet the rule.",
            ));
        }
        let (user_id, _) = self
            .store
            .take_password_reset(&hash_token(token))?
            .filter(|(_, e)| *e > self.now())
            .ok_or_else(|| {
                ApiError::bad(
                    "link_invalid",
                    "This code has expired or was already used; ask for a new one.",
                )
            })?;
        self.store.set_password(&user_id, &hash_password(password)?)
    }

    /// My page: postal code (7 digits), address, telephone (digits).
    pub fn change_profile(
        &self,
        user: &User,
        postal_code: &str,
        address: &str,
        telephone: &str,
    ) -> Result<(), ApiError> {
        if postal_code.len() != 7 || !postal_code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::bad(
                "bad_postal_code",
                "The postal code is 7 digits without a hyphen.",
            ));
        }
        if telephone.is_empty()
            || telephone.len() > 12
            || !telephone.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(ApiError::bad(
                "bad_telephone",
                "Enter the telephone number as digits only, up to 12.",
            ));
        }
        if address.trim().is_empty() || address.chars().count() > 100 {
            return Err(ApiError::bad(
                "bad_address",
                "Enter the address, up to 100 characters.",
            ));
        }
        self.store
            .set_profile(&user.id, postal_code, address, telephone)
    }

    /// My page: a new e-mail address (twice); a link valid 24 hours goes to the new address,
    /// and the address changes when it is opened.
    pub fn change_email(
        &self,
        user: &User,
        email: &str,
        email_again: &str,
    ) -> Result<(), ApiError> {
        if email != email_again {
            return Err(ApiError::bad(
                "email_mismatch",
                "The two e-mail addresses differ; type the same address twice.",
            ));
        }
        if !email_ok(email) {
            return Err(ApiError::bad(
                "bad_email",
                "Enter an e-mail address of 1-byte characters, up to 60, like name@example.jp.",
            ));
        }
        if self.store.user_by_email(email)?.is_some() {
            return Err(ApiError::new(
                409,
                "email_taken",
                "Another account uses this address.",
            ));
        }
        self.mail_allowed(email)?;
        let token = random_hex(24);
        self.store
            .add_email_change(&hash_token(&token), &user.id, email, self.now() + DAY)?;
        self.mailer.send(
            email,
            "Zairyu: confirm your new e-mail address / 新しいメールアドレスの確認",
            &format!("Code to confirm this address (24 hours, once): {token}"),
        );
        Ok(())
    }

    pub fn confirm_email_change(&self, token: &str) -> Result<String, ApiError> {
        let (user_id, email, _) = self
            .store
            .take_email_change(&hash_token(token))?
            .filter(|(_, _, expires)| *expires > self.now())
            .ok_or_else(|| {
                ApiError::bad(
                    "link_invalid",
                    "This code has expired or was already used; change the address again.",
                )
            })?;
        self.store.set_email(&user_id, &email)?;
        Ok(email)
    }

    /// Past applications of the last two years, to start a new one from (manual 6.3).
    pub fn reusable(&self, user: &User) -> Result<Vec<Application>, ApiError> {
        let since = self.now() - 2 * 365 * DAY - DAY / 2;
        Ok(self
            .list_for(user, None)?
            .into_iter()
            .filter(|a| a.created_at >= since)
            .collect())
    }

    pub fn favorites(&self, user: &User) -> Result<Vec<String>, ApiError> {
        self.store.favorites(&user.id)
    }

    pub fn set_favorite(
        &self,
        user: &User,
        procedure_id: &str,
        on: bool,
    ) -> Result<Vec<String>, ApiError> {
        if zairyu_forms::procedure(procedure_id).is_none() {
            return Err(ApiError::not_found("procedure"));
        }
        self.store.set_favorite(&user.id, procedure_id, on)?;
        self.store.favorites(&user.id)
    }

    // ---- usage application (manual 3.2) ----

    /// A fresh challenge (valid 10 minutes) for the card to sign.
    pub fn usage_challenge(&self, user: &User) -> Result<String, ApiError> {
        let nonce = random_hex(32);
        self.store
            .add_challenge(&nonce, &user.id, self.now() + 600)?;
        Ok(nonce)
    }

    fn anchors(&self) -> zairyu_signature::TrustAnchors {
        match self.profile {
            Profile::Demo => zairyu_signature::TrustAnchors::demo(),
            Profile::Production => zairyu_signature::TrustAnchors::production(),
        }
    }

    fn verify(
        &self,
        cert_b64: &str,
        message: &[u8],
        signature_b64: &str,
    ) -> Result<zairyu_signature::VerifiedSigner, ApiError> {
        let b64 = base64::engine::general_purpose::STANDARD;
        let cert = b64
            .decode(cert_b64)
            .map_err(|_| ApiError::bad("bad_certificate", "The certificate is not base64."))?;
        let signature = b64
            .decode(signature_b64)
            .map_err(|_| ApiError::bad("bad_signature", "The signature is not base64."))?;
        zairyu_signature::verify(&cert, message, &signature, &self.anchors(), self.now())
            .map_err(|e| ApiError::new(422, e.code(), e.to_string()))
    }

    /// The card signed the challenge with its user-authentication key: bind the certificate to
    /// the account and keep the basic four and user information.
    pub fn usage_apply(
        &self,
        user: &User,
        nonce: &str,
        certificate: &str,
        signature: &str,
        info: &serde_json::Value,
    ) -> Result<(), ApiError> {
        let (owner, expires) = self.store.take_challenge(nonce)?.ok_or_else(|| {
            ApiError::bad(
                "challenge_invalid",
                "The challenge expired or was used; start the usage application again.",
            )
        })?;
        if owner != user.id || expires <= self.now() {
            return Err(ApiError::bad(
                "challenge_invalid",
                "The challenge expired or was used; start the usage application again.",
            ));
        }
        let message = [USAGE_DOMAIN, nonce.as_bytes()].concat();
        let signer = self.verify(certificate, &message, signature)?;
        let card_number = info["residence_card_number"].as_str().unwrap_or_default();
        if !zairyu_forms::engine::is_residence_card_number(card_number) {
            return Err(ApiError::bad(
                "bad_residence_card_number",
                "The residence card number is 2 capital letters, 8 digits and 2 capital letters.",
            ));
        }
        self.store
            .set_usage(&user.id, &signer.fingerprint_sha256, &info.to_string())?;
        Ok(())
    }

    // ---- applications (manual 4.2.9, 5, 6.3) ----

    /// Files arrive first (streamed to disk under their digest by the HTTP layer), then this
    /// checks everything again and records the application. A repeated `submission_id` from
    /// the same sender returns the first result.
    pub fn submit(
        &self,
        sender: &User,
        meta: &SubmissionMeta,
        files: &[StoredFile],
    ) -> Result<Application, ApiError> {
        if let Some(existing) = self
            .store
            .application_by_submission(&sender.id, &meta.submission_id)?
        {
            return Ok(existing);
        }
        let applicant = self.applicant_for(sender, meta.for_user.as_deref())?;
        let procedure = zairyu_forms::procedure(&meta.procedure_id)
            .ok_or_else(|| ApiError::bad("unknown_procedure", "There is no such procedure."))?;
        if procedure.reception_at(&japan_minute(self.now()))
            != zairyu_forms::catalog::Reception::Open
        {
            return Err(ApiError::new(
                422,
                "reception_closed",
                "This procedure is not accepting applications now; see its reception time.",
            ));
        }
        if !meta.agreed_to_terms {
            return Err(ApiError::bad(
                "terms_not_agreed",
                "Agree to the terms of use first.",
            ));
        }
        self.check_content(meta, files)?;
        let signer = self.verify(
            &meta.certificate,
            &signed_content(meta, files).canonical_bytes(),
            &meta.signature,
        )?;
        if applicant.cert_fingerprint.as_deref() != Some(signer.fingerprint_sha256.as_str()) {
            return Err(ApiError::forbidden(
                "The application must be signed with the card registered in the usage application of the applicant.",
            ));
        }
        let now = self.now();
        let mut app = Application {
            id: 0,
            reference_number: format!("ZR-{}-{}", &utc_date(now)[..4], random_digits(8)),
            temporary_reception_number: format!("東オソ認T{}", random_digits(8)),
            user_id: applicant.id.clone(),
            submitter_id: sender.id.clone(),
            procedure_id: meta.procedure_id.clone(),
            submission_id: meta.submission_id.clone(),
            status: "application_completed".into(),
            revision_request: None,
            created_at: now,
            updated_at: now,
            versions: Vec::new(),
        };
        app.id = self.store.add_application(&app)?;
        self.store
            .add_version(app.id, &version(1, meta, files, &signer, now))?;
        self.store
            .audit(Some(app.id), &sender.id, "submit", "terms agreed", now)?;
        self.mailer.send(
            &applicant.email,
            "Zairyu: application received / 申請を受け付けました",
            &format!(
                "Reference number: {}\nTemporary reception number: {}\n受付番号: {}\n仮受付番号: {}",
                app.reference_number, app.temporary_reception_number, app.reference_number, app.temporary_reception_number
            ),
        );
        self.store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    /// The organisation a student named in their usage application.
    fn organisation_of(&self, user_id: &str) -> Result<Option<String>, ApiError> {
        Ok(self
            .store
            .user(user_id)?
            .and_then(|u| u.usage)
            .and_then(|u| serde_json::from_str::<serde_json::Value>(&u).ok())
            .and_then(|v| v["organisation"].as_str().map(str::to_owned)))
    }

    /// The applicant of an application: the sender, or a student of the sender's organisation.
    fn applicant_for(&self, sender: &User, for_user: Option<&str>) -> Result<User, ApiError> {
        match for_user {
            None => Ok(sender.clone()),
            Some(id) if id == sender.id => Ok(sender.clone()),
            Some(id) => {
                let student = self
                    .store
                    .user(id)?
                    .ok_or_else(|| ApiError::not_found("applicant"))?;
                let org = sender
                    .organisation
                    .as_deref()
                    .filter(|_| sender.user_type == "organisation_staff");
                let student_org = student
                    .usage
                    .as_deref()
                    .and_then(|u| serde_json::from_str::<serde_json::Value>(u).ok())
                    .and_then(|v| v["organisation"].as_str().map(str::to_owned));
                if org.is_some() && org == student_org.as_deref() {
                    Ok(student)
                } else {
                    Err(ApiError::forbidden(
                        "Only staff of the applicant's own organisation may submit for them.",
                    ))
                }
            }
        }
    }

    /// The client is never trusted: the form against its schema, every file against the checks.
    fn check_content(&self, meta: &SubmissionMeta, files: &[StoredFile]) -> Result<(), ApiError> {
        let findings = zairyu_forms::validate(&meta.procedure_id, &meta.form)
            .map_err(|e| ApiError::bad(e.code(), e.to_string()))?;
        let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
        if !errors.is_empty() {
            let list: Vec<String> = errors
                .iter()
                .take(5)
                .map(|f| format!("{} ({})", f.path, f.code))
                .collect();
            return Err(ApiError::new(
                422,
                "form_invalid",
                format!(
                    "The form has {} problem(s): {}",
                    errors.len(),
                    list.join(", ")
                ),
            ));
        }
        let today = zairyu_checks::Date::parse(&utc_date(self.now()))
            .unwrap_or_else(zairyu_checks::Date::today_utc);
        let mut set = Vec::new();
        for f in files {
            let bytes =
                std::fs::read(self.files_dir.join(&f.sha256)).map_err(ApiError::internal)?;
            let found = if f.kind == "photo" {
                zairyu_checks::check_photo_bytes(&bytes, today).0
            } else {
                zairyu_checks::check_pdf_bytes(&bytes).0
            };
            if let Some(bad) = found
                .iter()
                .find(|x| x.severity == zairyu_checks::Severity::Error)
            {
                return Err(ApiError::new(
                    422,
                    "file_invalid",
                    format!("{}: {} ({})", f.name, bad.message, bad.code),
                ));
            }
            set.push(zairyu_checks::SetEntry {
                name: f.name.clone(),
                size: f.bytes,
                sha256: Sha256::digest(&bytes).into(),
            });
        }
        if let Some(bad) = zairyu_checks::check_set(&set)
            .into_iter()
            .find(|x| x.severity == zairyu_checks::Severity::Error)
        {
            return Err(ApiError::new(
                422,
                "files_invalid",
                format!("{} ({})", bad.message, bad.code),
            ));
        }
        Ok(())
    }

    /// One application, if `user` may see it (its applicant, its sender, or an examiner).
    pub fn application_for(&self, user: &User, id: i64) -> Result<Application, ApiError> {
        let app = self
            .store
            .application(id)?
            .ok_or_else(|| ApiError::not_found("application"))?;
        let staff_of_students = user.user_type == "organisation_staff"
            && user.organisation.is_some()
            && self.organisation_of(&app.user_id)? == user.organisation;
        if user.role == "examiner"
            || app.user_id == user.id
            || app.submitter_id == user.id
            || staff_of_students
        {
            Ok(app)
        } else {
            Err(ApiError::not_found("application"))
        }
    }

    /// The user's applications (as applicant or sender), optionally with a keyword.
    pub fn list_for(
        &self,
        user: &User,
        keyword: Option<&str>,
    ) -> Result<Vec<Application>, ApiError> {
        let mut apps = self.store.applications(Some(&user.id), None)?;
        // Organisation staff also see the applications of their organisation's students.
        if let Some(org) = user
            .organisation
            .as_deref()
            .filter(|_| user.user_type == "organisation_staff")
        {
            for app in self.store.applications(None, None)? {
                if !apps.iter().any(|a| a.id == app.id)
                    && self.organisation_of(&app.user_id)?.as_deref() == Some(org)
                {
                    apps.push(app);
                }
            }
            apps.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        }
        Ok(apps
            .into_iter()
            .filter(|a| {
                keyword.is_none_or(|k| {
                    let name = zairyu_forms::procedure(&a.procedure_id)
                        .map(|p| format!("{} {}", p.name_en, p.name_ja))
                        .unwrap_or_default();
                    let hay = format!(
                        "{} {} {name}",
                        a.reference_number, a.temporary_reception_number
                    )
                    .to_lowercase();
                    k.split_whitespace()
                        .all(|w| hay.contains(&w.to_lowercase()))
                })
            })
            .collect())
    }

    /// In Return Process: a new signed version replaces nothing — every version is kept.
    pub fn resubmit(
        &self,
        sender: &User,
        id: i64,
        meta: &SubmissionMeta,
        files: &[StoredFile],
    ) -> Result<Application, ApiError> {
        let app = self.application_for(sender, id)?;
        if app.status != "in_return_process" {
            return Err(ApiError::new(
                409,
                "not_in_return_process",
                "Only an application In Return Process can be resubmitted.",
            ));
        }
        if meta.procedure_id != app.procedure_id {
            return Err(ApiError::bad(
                "procedure_mismatch",
                "A resubmission keeps the procedure of the application.",
            ));
        }
        self.check_content(meta, files)?;
        let signer = self.verify(
            &meta.certificate,
            &signed_content(meta, files).canonical_bytes(),
            &meta.signature,
        )?;
        let applicant = self
            .store
            .user(&app.user_id)?
            .ok_or_else(|| ApiError::not_found("applicant"))?;
        if applicant.cert_fingerprint.as_deref() != Some(signer.fingerprint_sha256.as_str()) {
            return Err(ApiError::forbidden(
                "The resubmission must be signed with the applicant's registered card.",
            ));
        }
        let now = self.now();
        let next = app.versions.len() as i64 + 1;
        self.store
            .add_version(app.id, &version(next, meta, files, &signer, now))?;
        self.store
            .set_status(app.id, "application_completed", None, now)?;
        self.store.audit(
            Some(app.id),
            &sender.id,
            "resubmit",
            &format!("version {next}"),
            now,
        )?;
        self.store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    /// Change of method of receipt (manual 5.3): the form of that procedure, referring to one
    /// of the user's applications by its temporary reception number.
    pub fn change_receipt_method(
        &self,
        user: &User,
        form: &serde_json::Value,
    ) -> Result<Application, ApiError> {
        let findings = zairyu_forms::validate("change-of-receipt-method", form)
            .map_err(|e| ApiError::bad(e.code(), e.to_string()))?;
        if let Some(f) = findings.iter().find(|f| f.is_error()) {
            return Err(ApiError::new(
                422,
                "form_invalid",
                format!("{}: {}", f.path, f.message),
            ));
        }
        let number = form["change"]["reception_number"]
            .as_str()
            .unwrap_or_default();
        let app = self
            .store
            .application_by_temporary_number(number)?
            .filter(|a| a.user_id == user.id || a.submitter_id == user.id)
            .ok_or_else(|| {
                ApiError::not_found("application with this temporary reception number")
            })?;
        if matches!(app.status.as_str(), "completed" | "completed_not_permitted") {
            return Err(ApiError::new(
                409,
                "already_completed",
                "This application is completed; the method of receipt can no longer change.",
            ));
        }
        let receipt = form["change"].to_string();
        let now = self.now();
        self.store.set_receipt(app.id, &receipt, now)?;
        self.store.audit(
            Some(app.id),
            &user.id,
            "change_receipt_method",
            &receipt,
            now,
        )?;
        self.store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    // ---- examiners ----

    fn examiner(&self, user: &User) -> Result<(), ApiError> {
        if user.role == "examiner" {
            Ok(())
        } else {
            Err(ApiError::forbidden("Only examiners may do this."))
        }
    }

    /// An attached file of an application, for an examiner; the download is audited.
    pub fn examiner_file(
        &self,
        examiner: &User,
        id: i64,
        sha256: &str,
    ) -> Result<(String, Vec<u8>), ApiError> {
        self.examiner(examiner)?;
        let app = self
            .store
            .application(id)?
            .ok_or_else(|| ApiError::not_found("application"))?;
        let name = app
            .versions
            .iter()
            .filter_map(|v| v.files.as_array())
            .flatten()
            .find(|f| f["sha256"] == sha256)
            .and_then(|f| f["name"].as_str().map(str::to_owned))
            .ok_or_else(|| ApiError::not_found("file of this application"))?;
        let bytes = std::fs::read(self.files_dir.join(sha256)).map_err(ApiError::internal)?;
        self.store
            .audit(Some(id), &examiner.id, "download", &name, self.now())?;
        Ok((name, bytes))
    }

    /// One application for an examiner, with its audit trail; the viewing is audited.
    pub fn examiner_view(
        &self,
        examiner: &User,
        id: i64,
    ) -> Result<(Application, Vec<AuditEntry>), ApiError> {
        self.examiner(examiner)?;
        let app = self
            .store
            .application(id)?
            .ok_or_else(|| ApiError::not_found("application"))?;
        self.store
            .audit(Some(id), &examiner.id, "view", "", self.now())?;
        Ok((app, self.store.audit_log(id)?))
    }

    pub fn examiner_list(
        &self,
        user: &User,
        status: Option<&str>,
    ) -> Result<Vec<Application>, ApiError> {
        self.examiner(user)?;
        self.store.applications(None, status)
    }

    /// Moves an application along the allowed transitions; audited; the applicant is told.
    pub fn set_status(
        &self,
        examiner: &User,
        id: i64,
        status: &str,
    ) -> Result<Application, ApiError> {
        self.examiner(examiner)?;
        let app = self
            .store
            .application(id)?
            .ok_or_else(|| ApiError::not_found("application"))?;
        if !STATUSES.contains(&status)
            || !transition_allowed(&app.status, status)
            || status == "in_return_process"
        {
            return Err(ApiError::new(
                409,
                "transition_not_allowed",
                format!(
                    "An application that is {} cannot become {status}.",
                    app.status
                ),
            ));
        }
        let now = self.now();
        self.store.set_status(id, status, None, now)?;
        self.store.audit(
            Some(id),
            &examiner.id,
            "set_status",
            &format!("{} -> {status}", app.status),
            now,
        )?;
        self.notify(
            &app,
            &format!(
                "The status of your application {} is now: {status}",
                app.reference_number
            ),
        );
        self.store
            .application(id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    /// In Return Process with a message saying what to change.
    pub fn request_revision(
        &self,
        examiner: &User,
        id: i64,
        message: &str,
    ) -> Result<Application, ApiError> {
        self.examiner(examiner)?;
        let app = self
            .store
            .application(id)?
            .ok_or_else(|| ApiError::not_found("application"))?;
        if message.trim().is_empty() {
            return Err(ApiError::bad(
                "empty_message",
                "Say what the applicant must change.",
            ));
        }
        if !transition_allowed(&app.status, "in_return_process") {
            return Err(ApiError::new(
                409,
                "transition_not_allowed",
                format!("An application that is {} cannot be returned.", app.status),
            ));
        }
        let now = self.now();
        self.store
            .set_status(id, "in_return_process", Some(message), now)?;
        self.store
            .audit(Some(id), &examiner.id, "request_revision", message, now)?;
        self.notify(
            &app,
            &format!(
                "Your application {} needs changes: {message}",
                app.reference_number
            ),
        );
        self.store
            .application(id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    fn notify(&self, app: &Application, text: &str) {
        if let Ok(Some(user)) = self.store.user(&app.user_id) {
            self.mailer.send(
                &user.email,
                "Zairyu: your application / 申請状況のお知らせ",
                text,
            );
        }
    }
}

fn signed_content(meta: &SubmissionMeta, files: &[StoredFile]) -> SignedContent {
    SignedContent {
        procedure_id: meta.procedure_id.clone(),
        form: meta.form.clone(),
        photo_sha256: files
            .iter()
            .find(|f| f.kind == "photo")
            .map(|f| f.sha256.clone()),
        attachments: files
            .iter()
            .filter(|f| f.kind != "photo")
            .map(|f| AttachmentDigest {
                name: f.name.clone(),
                sha256: f.sha256.clone(),
            })
            .collect(),
        submission_id: meta.submission_id.clone(),
        signed_at: meta.signed_at.clone(),
    }
}

fn version(
    n: i64,
    meta: &SubmissionMeta,
    files: &[StoredFile],
    signer: &zairyu_signature::VerifiedSigner,
    now: i64,
) -> Version {
    Version {
        version: n,
        form: meta.form.clone(),
        files: serde_json::to_value(files).unwrap_or_default(),
        signed_at: meta.signed_at.clone(),
        cert_fingerprint: signer.fingerprint_sha256.clone(),
        created_at: now,
    }
}

fn hash_password(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(ApiError::internal)
}

fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

#[cfg(test)]
mod tests;
