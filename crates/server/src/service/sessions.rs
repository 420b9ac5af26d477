//! Sessions: sign-in, sign-out, and the user of a session token. Tokens are random; only their
//! hashes are stored.
//!
//! Wrong passwords slow down, they never lock: per typed user ID (known or not, in the store,
//! counted by one statement so concurrent guesses cannot share a count) the first
//! [`crate::store::LOGIN_FREE_FAILURES`] cost nothing, then each further attempt waits 2, 4, 8 … seconds,
//! at most [`LOGIN_MAX_WAIT`]; per client the same after [`super::CLIENT_FREE_FAILURES`].
//! An unknown user ID costs the same password hash and gets the same answers as a known one.

use std::sync::OnceLock;

use super::accounts::{hash_password, verify_password};
use super::{hash_token, random_hex, ReceptionOffice};
use crate::error::ApiError;
use crate::store::{UserRow, LOGIN_MAX_WAIT};

/// The key of a typed user ID in the failure counts: as typed, at most 40 characters.
pub(super) fn login_key(user_id: &str) -> String {
    user_id.trim().chars().take(40).collect()
}

/// A hash to check passwords against when the user ID is unknown, so the answer takes as long.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password(&random_hex(16)).unwrap_or_default())
}

pub(super) fn wrong_password() -> ApiError {
    ApiError::new(401, "login_failed", "The user ID or password is wrong.")
}

pub(super) fn throttled(seconds: i64) -> ApiError {
    ApiError::wait(
        "login_throttled",
        format!(
            "Too many wrong passwords: wait {seconds} seconds before the next try, or set a new password with “forgot password”."
        ),
        seconds,
    )
}

impl ReceptionOffice {
    /// Counts one password attempt for the typed `user_id`, or refuses it while it must wait.
    pub(super) fn claim_attempt(&self, user_id: &str) -> Result<(), ApiError> {
        let key = login_key(user_id);
        let now = self.now();
        match self.store.claim_login_attempt(&key, now)? {
            Some(_) => Ok(()),
            None => Err(throttled(
                (self.store.login_wait_until(&key)? - now).clamp(1, LOGIN_MAX_WAIT),
            )),
        }
    }

    /// Sign in from `client` (the key of its address). A wrong password answers
    /// `login_failed`; too many answer `login_throttled` (429, `Retry-After`), the same for a
    /// known and an unknown user ID. Audited (success and failure, never the password).
    pub fn login(&self, user_id: &str, password: &str, client: &str) -> Result<String, ApiError> {
        let now = self.now();
        self.client_failures.claim(client, now).map_err(throttled)?;
        if let Err(e) = self.claim_attempt(user_id) {
            self.client_failures.refund(client);
            return Err(e);
        }
        let user = self.store.user(user_id.trim())?;
        let hash = user
            .as_ref()
            .map_or(decoy_hash(), |u| u.password_hash.as_str());
        let right = verify_password(hash, password);
        let known = user.is_some();
        let Some(user) = user.filter(|_| right) else {
            if known {
                self.store
                    .audit(None, user_id.trim(), "login_failed", "", now)?;
            }
            return Err(wrong_password());
        };
        self.client_failures.refund(client);
        let token = random_hex(32);
        let expires = now + self.session_seconds;
        self.store.atomically(&mut |s| {
            s.clear_login_failures(&login_key(&user.id))?;
            s.add_session(&hash_token(&token), &user.id, expires)?;
            s.audit(None, &user.id, "login", "", now)
        })?;
        Ok(token)
    }

    pub fn logout(&self, token: &str) -> Result<(), ApiError> {
        Ok(self.store.remove_session(&hash_token(token))?)
    }

    /// The user of a session token, if the session is live.
    pub fn session(&self, token: &str) -> Result<UserRow, ApiError> {
        let id = self
            .store
            .session_user(&hash_token(token), self.now())?
            .ok_or_else(ApiError::unauthorized)?;
        self.store.user(&id)?.ok_or_else(ApiError::unauthorized)
    }

    /// The sign-in and account entries of the audit trail of one account (oldest first).
    pub fn account_audit(&self, user_id: &str) -> Result<Vec<crate::store::AuditEntry>, ApiError> {
        Ok(self.store.account_audit_log(user_id)?)
    }
}
