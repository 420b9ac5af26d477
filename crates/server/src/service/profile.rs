//! My page: postal code, address and telephone; a new e-mail address (with the current
//! password) confirmed by a code sent to it, from the signed-in account; the old address told.

use super::accounts::{email_typed_twice, verify_password};
use super::sessions::login_key;
use super::{hash_token, random_hex, ReceptionOffice, DAY};
use crate::error::ApiError;
use crate::mail_text::Notice;
use crate::store::UserRow;
use zairyu_forms::contact::valid_telephone;

impl ReceptionOffice {
    /// My page's user details besides the account row: (postal code, address in Japan).
    pub fn profile_of(&self, user: &UserRow) -> Result<(Option<String>, Option<String>), ApiError> {
        Ok(self.store.profile(&user.id)?)
    }

    /// My page: postal code (7 digits), address, telephone (digits).
    pub fn change_profile(
        &self,
        user: &UserRow,
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
        if !valid_telephone(telephone) {
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
        Ok(self
            .store
            .set_profile(&user.id, postal_code, address, telephone)?)
    }

    /// My page: a new e-mail address (twice) and the current password (a wrong one counts
    /// like a wrong sign-in). A code valid 24 hours goes to the new address, and the address
    /// changes when the signed-in account confirms it. When another account already uses the
    /// address, that address is told instead and the answer is the same (no way to learn who
    /// has an account). At most 5 an hour per account. Audited.
    pub fn change_email(
        &self,
        user: &UserRow,
        email: &str,
        email_again: &str,
        password: &str,
    ) -> Result<(), ApiError> {
        email_typed_twice(email, email_again)?;
        self.rate_limit(&format!("email_change:{}", user.id), 5, 3600)?;
        self.claim_attempt(&user.id)?;
        if !verify_password(&user.password_hash, password) {
            self.store
                .audit(None, &user.id, "email_change_failed", "", self.now())?;
            return Err(ApiError::new(
                401,
                "login_failed",
                "The current password is wrong.",
            ));
        }
        self.store.clear_login_failures(&login_key(&user.id))?;
        self.mail_allowed(email)?;
        if let Some(owner) = self.store.user_by_email(email)? {
            // The address belongs to another account: told in that account's language.
            let language = self.mail_language(&owner.id);
            self.send_notice(email, language, &Notice::EmailInUse);
            return Ok(());
        }
        let token = random_hex(24);
        let now = self.now();
        self.store.atomically(&mut |s| {
            s.add_email_change(&hash_token(&token), &user.id, email, now + DAY)?;
            s.audit(None, &user.id, "email_change_requested", "", now)
        })?;
        let language = self.mail_language(&user.id);
        self.send_notice(
            email,
            language,
            &Notice::EmailChangeConfirm { code: &token },
        );
        Ok(())
    }

    /// Confirms a new address with the code sent to it, for the signed-in account that asked
    /// for it (a code alone changes nothing). The old address is told. Audited in the same
    /// transaction as the change.
    pub fn confirm_email_change(&self, user: &UserRow, token: &str) -> Result<String, ApiError> {
        let now = self.now();
        let mut changed = None;
        self.store.atomically(&mut |s| {
            // The code is used only by its own account: another account's try leaves it.
            let Some((user_id, email, expires)) =
                s.take_email_change(&hash_token(token), &user.id)?
            else {
                return Ok(());
            };
            if expires <= now {
                return Ok(());
            }
            s.set_email(&user_id, &email)?;
            s.audit(None, &user_id, "email_changed", "", now)?;
            changed = Some(email);
            Ok(())
        })?;
        let email = changed.ok_or_else(|| {
            ApiError::bad(
                "link_invalid",
                "This code has expired, was already used or belongs to another account; sign in to the account that asked and change the address again.",
            )
        })?;
        let language = self.mail_language(&user.id);
        self.send_notice(&user.email, language, &Notice::EmailChanged);
        Ok(email)
    }
}
