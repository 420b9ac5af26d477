//! The student's account on the reception server (manual 3, 4.1, 7): registration with the
//! code from the e-mail, sign-in and sign-out with the token in the keychain, the usage
//! application signed with the card's user-authentication key.

use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::error::AppError;
use crate::reception_client::ReceptionClient;
use crate::{App, SecretText};
use zairyu_wire::Account;

/// The prefix of what the card signs in the usage application (the server checks it).
pub use zairyu_forms::signing::USAGE_DOMAIN;

/// What the student enters in step 3 of registration (its `Debug` hides the password).
#[derive(Clone, Deserialize, TS)]
pub struct Registration {
    /// The code from the e-mail (or the `token=` of its link).
    pub code: String,
    /// foreign_national | legal_representative | organisation_staff | … (manual 3.1).
    pub user_type: String,
    pub name_en: String,
    pub telephone: String,
    /// Wiped when the registration is dropped.
    pub password: SecretText,
}

impl std::fmt::Debug for Registration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registration")
            .field("user_type", &self.user_type)
            .field("name_en", &self.name_en)
            .field("password", &"(hidden)")
            .finish_non_exhaustive()
    }
}

/// What the usage application sends besides the card's signature (manual 4.1).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct UsageInfo {
    pub name: String,
    pub address: String,
    pub birth_date: String,
    pub sex: String,
    pub residence_card_number: String,
    /// The school or attorney office to link (its organisation ID, `ORG` and eight digits),
    /// so its staff see the applications (optional; anything else is kept as given).
    #[serde(default)]
    pub organisation: Option<String>,
    /// Manual 3.2 step 15: the name in English letters as on the residence card.
    #[serde(default)]
    pub name_en: String,
    /// Manual 3.2 step 15: postal code (7 digits; a hyphen is taken out).
    #[serde(default)]
    pub postal_code: String,
    /// Manual 3.2 step 15: telephone number.
    #[serde(default)]
    pub telephone: String,
}

/// The fields of the usage-application form (`schemas/usage-application.toml`) the student
/// types; the others come from the card.
pub(crate) const USAGE_TYPED_FIELDS: [&str; 4] = [
    "user.name_en",
    "user.postal_code",
    "user.telephone",
    "user.residence_card_number",
];

impl UsageInfo {
    /// The organisation to link in the same step: `organisation` when it is an organisation
    /// ID (`ORG` and eight digits).
    pub fn organisation_id(&self) -> Option<&str> {
        self.organisation.as_deref().map(str::trim).filter(|o| {
            o.len() == 11 && o.starts_with("ORG") && o[3..].bytes().all(|b| b.is_ascii_digit())
        })
    }

    /// The usage-application form of the schema, each typed value normalised as the form
    /// normalises it (full width, the postal code's hyphen, lower-case card number).
    pub fn form(&self) -> Result<serde_json::Value, AppError> {
        let schema = zairyu_forms::schema::schema_for("usage-application")?;
        let mut form = json!({ "user": {} });
        let typed = [
            ("user.name_en", &self.name_en),
            ("user.postal_code", &self.postal_code),
            ("user.telephone", &self.telephone),
            ("user.residence_card_number", &self.residence_card_number),
            ("user.address", &self.address),
            ("user.birth_date", &self.birth_date),
            ("user.sex", &self.sex),
        ];
        for (path, raw) in typed {
            let value = zairyu_forms::engine::normalize_input(schema, path, raw)?;
            zairyu_forms::engine::set_value(&mut form, path, value);
        }
        Ok(form)
    }

    /// What is wrong with what the student typed (the card's fields are as the card says).
    pub fn findings(&self) -> Result<Vec<crate::DraftFinding>, AppError> {
        let findings = zairyu_forms::validate("usage-application", &self.form()?)?;
        Ok(findings
            .into_iter()
            .filter(|f| USAGE_TYPED_FIELDS.contains(&f.path.as_str()))
            .map(crate::DraftFinding::of_form)
            .collect())
    }
}

/// Whether someone is signed in, and to which server.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SessionState {
    pub server: String,
    pub account: Option<Account>,
    /// False when the OS keychain was not available: the sign-in lasts until the app closes.
    pub kept_in_keychain: bool,
}

/// Accepts the code itself or the whole link from the e-mail.
fn code_of(text: &str) -> String {
    let text = text.trim();
    match text.split_once("token=") {
        Some((_, rest)) => rest.split('&').next().unwrap_or_default().to_owned(),
        None => text.to_owned(),
    }
}

impl App {
    pub(crate) fn reception(&self) -> Result<ReceptionClient, AppError> {
        let url = self.server_url().ok_or(AppError::NoServer)?;
        Ok(ReceptionClient::new(&url))
    }

    pub(crate) fn token(&self) -> Result<String, AppError> {
        self.session_vault().load().ok_or(AppError::NotSignedIn)
    }

    /// The interface language, which the server writes the account's mails in.
    fn mail_language(&self) -> Option<String> {
        self.settings().ok().map(|s| s.language.tag().to_owned())
    }

    /// Step 1 (manual 3.1 steps 3–4): the terms of use agreed, the e-mail address twice; the
    /// server mails a link (its page confirms the address) and the code it carries, in the
    /// interface language.
    pub fn register(
        &self,
        email: &str,
        email_again: &str,
        agreed_to_terms: bool,
    ) -> Result<(), AppError> {
        self.reception()?.register(
            email.trim(),
            email_again.trim(),
            agreed_to_terms,
            self.mail_language(),
        )
    }

    /// Step 2: the code or link from the e-mail; answers the confirmed address.
    pub fn confirm_email(&self, code: &str) -> Result<String, AppError> {
        self.reception()?.confirm(&code_of(code))
    }

    /// Step 3: answers the new user ID (also sent by e-mail).
    pub fn complete_registration(&self, r: &Registration) -> Result<String, AppError> {
        self.reception()?.complete(
            &code_of(&r.code),
            &r.user_type,
            r.name_en.trim(),
            r.telephone.trim(),
            r.password.expose(),
            self.mail_language(),
        )
    }

    pub fn forgot_user_id(&self, email: &str) -> Result<(), AppError> {
        self.reception()?.forgot_user_id(email.trim())
    }

    /// Forgotten password, step 1: a one-time code goes to the account's e-mail address.
    pub fn forgot_password(&self, user_id: &str, email: &str) -> Result<(), AppError> {
        self.reception()?
            .forgot_password(user_id.trim(), email.trim())
    }

    /// Forgotten password, step 2: the code from the e-mail and the new password (this also
    /// lifts a lock after five wrong passwords).
    pub fn reset_password(&self, code: &str, password: &str) -> Result<(), AppError> {
        self.reception()?.reset_password(&code_of(code), password)
    }

    /// Signs in and keeps the session token in the keychain.
    pub fn sign_in(&self, user_id: &str, password: &str) -> Result<SessionState, AppError> {
        let reception = self.reception()?;
        let token = reception.login(user_id.trim(), password)?;
        let account = reception.me(&token)?;
        let kept = self.session_vault().store(&token);
        // Remembered for signing while the server cannot be reached (best effort).
        let _ = self.remember_server_id();
        // Queued submissions are recorded with this account (never sent by another).
        self.remember_signed_in(Some(&account.user_id));
        Ok(SessionState {
            server: reception.base().to_owned(),
            account: Some(account),
            kept_in_keychain: kept,
        })
    }

    /// Ends the session on the server (if reachable) and forgets the token here. During a
    /// counter visit the staff member's own session is only set aside, not ended: it comes
    /// back when the visit ends.
    pub fn sign_out(&self) -> Result<SessionState, AppError> {
        if let (Ok(reception), Some(token)) = (self.reception(), self.session_vault().load()) {
            if !self.is_staff_session_of_visit(&token) {
                let _ = reception.logout(&token);
            }
        }
        self.forget_session();
        self.session()
    }

    /// Who is signed in. An expired or revoked token is forgotten; an unreachable server
    /// leaves it kept (offline work goes on).
    pub fn session(&self) -> Result<SessionState, AppError> {
        let reception = self.reception()?;
        let account = match self.session_vault().load() {
            None => None,
            Some(token) => match reception.me(&token) {
                Ok(account) => {
                    self.remember_signed_in(Some(&account.user_id));
                    Some(account)
                }
                Err(AppError::Server { status: 401, .. }) => {
                    self.forget_session();
                    None
                }
                Err(e) => return Err(e),
            },
        };
        Ok(SessionState {
            server: reception.base().to_owned(),
            account,
            kept_in_keychain: self.session_vault().persistent(),
        })
    }

    /// My page: a new password (10–20 characters, the manual's rule; the server checks it).
    pub fn change_password(&self, current: &str, new: &str) -> Result<(), AppError> {
        self.reception()?
            .change_password(&self.token()?, current, new)
    }

    /// My page: postal code, address and telephone (the address can be filled offline from
    /// the postal code with [`App::postal`]).
    pub fn change_profile(
        &self,
        postal_code: &str,
        address: &str,
        telephone: &str,
    ) -> Result<(), AppError> {
        let code: String = postal_code.chars().filter(|c| c.is_ascii_digit()).collect();
        self.reception()?
            .change_profile(&self.token()?, &code, address.trim(), telephone.trim())
    }

    /// My page: a new e-mail address, typed twice, and the current password. The server
    /// mails a code to the new address; the account keeps the old one until
    /// [`App::confirm_email_change`] (signed in to the same account).
    pub fn change_email(
        &self,
        email: &str,
        email_again: &str,
        password: &str,
    ) -> Result<(), AppError> {
        self.reception()?
            .change_email(&self.token()?, email.trim(), email_again.trim(), password)
    }

    /// The code (or whole link) mailed to the new address; answers the address now in use.
    pub fn confirm_email_change(&self, code: &str) -> Result<String, AppError> {
        self.reception()?
            .confirm_email_change(&self.token()?, &code_of(code))
    }

    /// The procedures the student marked as favorites (kept on the server, manual 7).
    pub fn favorites(&self) -> Result<Vec<String>, AppError> {
        self.reception()?.favorites(&self.token()?)
    }

    /// Marks (`on`) or unmarks a favorite procedure; answers the whole list.
    pub fn set_favorite(&self, procedure: &str, on: bool) -> Result<Vec<String>, AppError> {
        if zairyu_forms::procedure(procedure).is_none() {
            return Err(zairyu_forms::FormsError::UnknownProcedure(procedure.to_owned()).into());
        }
        self.reception()?
            .set_favorite(&self.token()?, procedure, on)
    }

    /// The usage application: a challenge from the server, signed by the card's
    /// user-authentication key after its PIN, with the basic four and the user information.
    /// What is wrong with the typed fields of the usage application, before any PIN.
    pub fn check_usage_info(&self, info: &UsageInfo) -> Result<Vec<crate::DraftFinding>, AppError> {
        info.findings()
    }

    pub fn apply_for_usage(
        &self,
        reader: Option<&str>,
        pin: &str,
        last_try: bool,
        info: &UsageInfo,
    ) -> Result<SessionState, AppError> {
        use base64::Engine;
        // The form first, so a typing mistake costs no PIN try.
        let errors = info
            .findings()?
            .iter()
            .filter(|f| f.severity == zairyu_forms::Severity::Error)
            .count();
        if errors > 0 {
            return Err(AppError::DraftNotReady(errors));
        }
        let mut sent = info.clone();
        let form = info.form()?;
        let typed = |field: &str| form["user"][field].as_str().unwrap_or_default().to_owned();
        sent.name_en = typed("name_en");
        sent.postal_code = typed("postal_code");
        sent.telephone = typed("telephone");
        sent.residence_card_number = typed("residence_card_number");
        let info = &sent;
        let reception = self.reception()?;
        let token = self.token()?;
        let nonce = reception.usage_challenge(&token)?;
        let message = [USAGE_DOMAIN, nonce.as_bytes()].concat();
        let (certificate, signature) = self
            .card
            .sign_with_auth_key(reader, &message, pin, last_try)?;
        self.remember_card_expiry_of(&certificate);
        let b64 = base64::engine::general_purpose::STANDARD;
        reception.usage_apply(
            &token,
            &nonce,
            &b64.encode(certificate),
            &b64.encode(signature),
            json!(info),
            info.organisation_id(),
        )?;
        self.session()
    }
}

#[cfg(test)]
mod tests {
    use super::code_of;

    #[test]
    fn the_code_or_the_whole_link_is_accepted() {
        assert_eq!(code_of("  abc123 "), "abc123");
        assert_eq!(
            code_of("http://127.0.0.1:8377/register?token=abc123"),
            "abc123"
        );
        assert_eq!(code_of("https://x/register?token=ab&lang=ja"), "ab");
    }
}
