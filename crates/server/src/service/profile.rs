//! My page: postal code, address and telephone; a new e-mail address confirmed by a code sent
//! to it.

use super::accounts::email_typed_twice;
use super::{hash_token, random_hex, ReceptionOffice, DAY};
use crate::error::ApiError;
use crate::store::UserRow;
use zairyu_forms::contact::valid_telephone;

impl ReceptionOffice {
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

    /// My page: a new e-mail address (twice); a link valid 24 hours goes to the new address,
    /// and the address changes when it is opened.
    pub fn change_email(
        &self,
        user: &UserRow,
        email: &str,
        email_again: &str,
    ) -> Result<(), ApiError> {
        email_typed_twice(email, email_again)?;
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
}
