//! Sessions: sign-in (five wrong passwords lock the account for 24 hours), sign-out, and the
//! user of a session token. Tokens are random; only their hashes are stored.

use super::accounts::verify_password;
use super::{hash_token, random_hex, ReceptionOffice, DAY};
use crate::error::ApiError;
use crate::store::UserRow;

/// Wrong passwords in a row before the account locks.
const MAX_FAILURES: i64 = 5;

impl ReceptionOffice {
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
}
