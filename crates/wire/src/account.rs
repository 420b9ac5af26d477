//! Accounts, sessions, My page, favorites and the usage application: what the app sends and
//! what the server answers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;

/// `POST /api/register`: an address typed twice, after the terms of use were agreed
/// (manual 3.1 step 3; without `agreed_to_terms: true` the answer is `terms_not_agreed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EmailTwiceRequest {
    pub email: String,
    pub email_again: String,
    #[serde(default)]
    pub agreed_to_terms: bool,
    /// The app's interface language (`en`, `ja`, `zh-Hans`, `vi`, `ne`, `ko`, `id`): the mails
    /// come in it. Absent (or another tag): in English and Japanese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// `POST /api/me/email`: the new address typed twice and the account's current password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EmailChangeRequest {
    pub email: String,
    pub email_again: String,
    pub password: String,
}

/// `POST /api/register/confirm` and `POST /api/me/email/confirm`: the code (or link token)
/// from the e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TokenRequest {
    pub token: String,
}

/// `POST /api/register/complete`: the account's details after the address was confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CompleteRegistrationRequest {
    pub token: String,
    /// foreign_national | legal_representative | organisation_staff | attorney
    pub user_type: String,
    pub name_en: String,
    pub telephone: String,
    pub password: String,
    /// The account's language for its mails (as in [`EmailTwiceRequest`]); stored with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// `POST /api/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LoginRequest {
    pub user_id: String,
    pub password: String,
}

/// `POST /api/forgot-user-id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EmailRequest {
    pub email: String,
}

/// `POST /api/forgot-password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ForgotPasswordRequest {
    pub user_id: String,
    pub email: String,
}

/// `POST /api/reset-password`: the code mailed by forgot-password and the new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PasswordResetRequest {
    pub token: String,
    pub password: String,
}

/// `POST /api/me/password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PasswordChangeRequest {
    pub current: String,
    pub new: String,
}

/// `POST /api/me/profile`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ProfileChangeRequest {
    pub postal_code: String,
    pub address: String,
    pub telephone: String,
}

/// `POST /api/usage`: the challenge signed by the card's user-authentication key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UsageRequest {
    /// The nonce from `POST /api/usage/challenge`.
    pub nonce: String,
    /// Base64 DER of the card's user-authentication certificate.
    pub certificate: String,
    /// Base64 of the signature over the usage domain followed by the nonce.
    pub signature: String,
    /// The basic four and the user information (name, address, birth_date, sex,
    /// residence_card_number, organisation), kept as given.
    #[schema(value_type = Object)]
    pub info: serde_json::Value,
    /// A school or attorney office to link the account to in the same step (its id, `ORG…`);
    /// `organisation_unknown` when there is none such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<String>,
}

/// `{"sent": true}`: a mail went out (or, so as not to tell who has an account, would have).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Sent {
    pub sent: bool,
}

/// `{}`: done, nothing to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
pub struct Done {}

/// The address an e-mail code confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ConfirmedEmail {
    pub email: String,
}

/// The user ID of a new account (also mailed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Registered {
    pub user_id: String,
}

/// A new session: send it as `Authorization: Bearer <token>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SessionToken {
    pub token: String,
}

/// A usage-application challenge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct UsageChallenge {
    pub nonce: String,
}

/// The usage application went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct UsageApplied {
    pub usage_application_done: bool,
}

/// `GET /api/me`: the signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct Account {
    pub user_id: String,
    pub email: String,
    /// foreign_national | legal_representative | organisation_staff | attorney
    pub user_type: String,
    pub name_en: String,
    pub telephone: String,
    /// applicant | examiner (the student's app has no examiner screens).
    #[ts(skip)]
    pub role: String,
    /// The usage application (the card bound to the account) is done.
    pub usage_application_done: bool,
    /// My page (manual 7.3): the postal code (7 digits) and address in Japan, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub address: Option<String>,
}
