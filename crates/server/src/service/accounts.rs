//! Accounts (manual 3.1, 3.2, 7.3): registration by e-mail link, accounts made by an
//! operator, forgotten user ID and password, password change; the password rule and hashing.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use super::sessions::login_key;
use super::{hash_token, random_digits, random_hex, ReceptionOffice, DAY};
use crate::error::ApiError;
use crate::mail_text::{language_of, Notice};
use crate::store::UserRow;
use zairyu_forms::contact::{valid_email, valid_telephone};
use zairyu_messages::Language;

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

/// An e-mail address typed twice (registration, change of address): the same both times, and
/// an address by `zairyu_forms::contact::valid_email`.
pub(super) fn email_typed_twice(email: &str, email_again: &str) -> Result<(), ApiError> {
    if email != email_again {
        return Err(ApiError::bad(
            "email_mismatch",
            "The two e-mail addresses differ; type the same address twice.",
        ));
    }
    if !valid_email(email) {
        return Err(ApiError::bad(
            "bad_email",
            "Enter an e-mail address of 1-byte characters, up to 60, like name@example.jp.",
        ));
    }
    Ok(())
}

/// The English name (capitals), telephone and password of a new account.
pub(super) fn check_account_details(
    name_en: &str,
    telephone: &str,
    password: &str,
) -> Result<(), ApiError> {
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
    if !valid_telephone(telephone) {
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
    Ok(())
}

const USER_TYPES: &[&str] = &[
    "foreign_national",
    "legal_representative",
    "organisation_staff",
    "attorney",
];

impl ReceptionOffice {
    /// Manual 3.1 steps 3–4: the terms of use agreed, then [`ReceptionOffice::register`]. The
    /// addresses are checked first, so a typing mistake is named before the terms.
    pub fn register_after_terms(
        &self,
        email: &str,
        email_again: &str,
        agreed_to_terms: bool,
        language: Option<&str>,
    ) -> Result<(), ApiError> {
        email_typed_twice(email, email_again)?;
        if !agreed_to_terms {
            return Err(ApiError::bad(
                zairyu_wire::ErrorCode::TermsNotAgreed.as_str(),
                "Read the terms of use and agree to them before registering.",
            ));
        }
        self.register_in(email, email_again, language_of(language))
    }

    /// Step 1: the e-mail address twice; a link valid 24 hours is sent. Returns nothing that
    /// says whether the address is known.
    pub fn register(&self, email: &str, email_again: &str) -> Result<(), ApiError> {
        self.register_in(email, email_again, None)
    }

    /// [`ReceptionOffice::register`] with the mail in `language` (`None`: English and Japanese).
    pub fn register_in(
        &self,
        email: &str,
        email_again: &str,
        language: Option<Language>,
    ) -> Result<(), ApiError> {
        email_typed_twice(email, email_again)?;
        self.mail_allowed(email)?;
        let token = random_hex(24);
        self.store
            .add_registration(&hash_token(&token), email, self.now() + DAY)?;
        let url = format!("{}/register?token={token}", self.public_url);
        let notice = Notice::RegisterConfirm {
            url: &url,
            code: &token,
        };
        self.send_notice(email, language, &notice);
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

    /// The address of a registration whose link still works (the link page asks before showing
    /// its button); `link_invalid` otherwise.
    pub fn registration_email(&self, token: &str) -> Result<String, ApiError> {
        self.live_registration(token)
    }

    /// Step 2: the link from the e-mail (its page, or the code pasted into the app).
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
        self.complete_registration_in(token, user_type, name_en, telephone, password, None)
    }

    /// [`ReceptionOffice::complete_registration`] for an account whose mails are written in
    /// `language` (a tag of zairyu-messages, stored with the account; `None` or another tag:
    /// English and Japanese).
    pub fn complete_registration_in(
        &self,
        token: &str,
        user_type: &str,
        name_en: &str,
        telephone: &str,
        password: &str,
        language: Option<&str>,
    ) -> Result<String, ApiError> {
        let language = language_of(language);
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
        check_account_details(name_en, telephone, password)?;
        if self.store.user_by_email(&email)?.is_some() {
            return Err(ApiError::new(
                409,
                "email_taken",
                "An account with this e-mail address exists; use “forgot user ID”.",
            ));
        }
        let id = format!("ZR{}", random_digits(8));
        let hash = hash_password(password)?;
        let user = UserRow {
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
            .set_user_language(&id, language.map(Language::tag))?;
        self.store
            .set_registration(&hash_token(token), true, true)?;
        self.send_notice(&email, language, &Notice::UserId { user_id: &id });
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
        let user = UserRow {
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

    /// Forgotten user ID: mailed to the address if an account has it; the answer is the same
    /// either way.
    pub fn forgot_user_id(&self, email: &str) -> Result<(), ApiError> {
        self.mail_allowed(email)?;
        if let Some(user) = self.store.user_by_email(email)? {
            let language = self.mail_language(&user.id);
            self.send_notice(email, language, &Notice::UserId { user_id: &user.id });
        }
        Ok(())
    }

    /// A new password, given the current one (a wrong one counts like a wrong sign-in and
    /// slows down the same way). Every other session of the account ends; the one with
    /// `session_token` stays. Audited; the account's address is told.
    pub fn change_password(
        &self,
        user: &UserRow,
        current: &str,
        new: &str,
        session_token: &str,
    ) -> Result<(), ApiError> {
        self.claim_attempt(&user.id)?;
        if !verify_password(&user.password_hash, current) {
            self.store
                .audit(None, &user.id, "password_change_failed", "", self.now())?;
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
        let hash = hash_password(new)?;
        let keep = hash_token(session_token);
        let now = self.now();
        self.store.atomically(&mut |s| {
            s.set_password(&user.id, &hash)?;
            s.clear_login_failures(&login_key(&user.id))?;
            s.remove_other_sessions(&user.id, Some(&keep))?;
            s.audit(None, &user.id, "password_changed", "", now)
        })?;
        let language = self.mail_language(&user.id);
        self.send_notice(&user.email, language, &Notice::PasswordChanged);
        Ok(())
    }

    /// Forgotten password: a reset link (valid 24 hours, once) to the account's address, if the
    /// user ID and address match; the answer is the same either way. At most 5 an hour per
    /// typed user ID and per address.
    pub fn forgot_password(&self, user_id: &str, email: &str) -> Result<(), ApiError> {
        self.rate_limit(&format!("reset:{}", login_key(user_id)), 5, 3600)?;
        self.mail_allowed(email)?;
        if let Some(user) = self
            .store
            .user(user_id.trim())?
            .filter(|u| u.email.eq_ignore_ascii_case(email))
        {
            let token = random_hex(24);
            self.store
                .add_password_reset(&hash_token(&token), &user.id, self.now() + DAY)?;
            let language = self.mail_language(&user.id);
            self.send_notice(
                &user.email,
                language,
                &Notice::PasswordReset { code: &token },
            );
        }
        Ok(())
    }

    /// Sets a new password with the code from the e-mail: ends every session of the account
    /// and clears its wrong-password waits, in one transaction with the audit entry.
    pub fn reset_password(&self, token: &str, password: &str) -> Result<(), ApiError> {
        if !password_ok(password) {
            return Err(ApiError::bad(
                "weak_password",
                "The new password does not meet the rule.",
            ));
        }
        let hash = hash_password(password)?;
        let now = self.now();
        let mut done = false;
        self.store.atomically(&mut |s| {
            let Some((user_id, expires)) = s.take_password_reset(&hash_token(token))? else {
                return Ok(());
            };
            if expires <= now {
                return Ok(());
            }
            s.set_password(&user_id, &hash)?;
            s.clear_login_failures(&login_key(&user_id))?;
            s.remove_other_sessions(&user_id, None)?;
            s.audit(None, &user_id, "password_reset", "", now)?;
            done = true;
            Ok(())
        })?;
        if !done {
            return Err(ApiError::bad(
                "link_invalid",
                "This code has expired or was already used; ask for a new one.",
            ));
        }
        Ok(())
    }
}

/// Argon2id with its default cost, on the process's hashing threads (`password_work`).
pub(super) fn hash_password(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    let password = zeroize::Zeroizing::new(password.to_owned());
    super::password_work::run(move || {
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(ApiError::internal)
    })
    .unwrap_or_else(|| Err(ApiError::internal("the password hash was not computed")))
}

pub(super) fn verify_password(hash: &str, password: &str) -> bool {
    if PasswordHash::new(hash).is_err() {
        return false;
    }
    let hash = hash.to_owned();
    let password = zeroize::Zeroizing::new(password.to_owned());
    super::password_work::run(move || {
        PasswordHash::new(&hash).is_ok_and(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
    })
    .unwrap_or(false)
}
