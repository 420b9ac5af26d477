//! The one error body of the API, `{code, message}`, and the server's stable codes.

use serde::{Deserialize, Serialize};

/// `{code, message}`: every error answer of the API. `code` is one of [`ErrorCode`], or a
/// code passed through unchanged from the checks, the forms or the signature verification
/// (all listed in `docs/error-codes.md`); `message` is English and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// The server's own stable error codes (`docs/error-codes.md`, section Server). On
        /// the wire each is its snake_case name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum ErrorCode {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)*
        }

        impl ErrorCode {
            /// Every code, for the documentation check.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The wire name (`"not_signed_in"`, …).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $name,)*
                }
            }

            /// The code with this wire name, if it is one of the server's own.
            pub fn parse(name: &str) -> Option<ErrorCode> {
                ErrorCode::ALL.iter().copied().find(|c| c.as_str() == name)
            }
        }
    };
}

error_codes! {
    /// The body is not the JSON this call expects.
    BadRequest = "bad_request",
    /// An application id that is not a number.
    BadId = "bad_id",
    EmailMismatch = "email_mismatch",
    BadEmail = "bad_email",
    /// A registration, reset or e-mail change link that expired or was used.
    LinkInvalid = "link_invalid",
    EmailNotConfirmed = "email_not_confirmed",
    BadUserType = "bad_user_type",
    BadName = "bad_name",
    BadTelephone = "bad_telephone",
    WeakPassword = "weak_password",
    EmailTaken = "email_taken",
    LoginFailed = "login_failed",
    /// Too many wrong passwords for this user ID or from this client: wait (`Retry-After`).
    LoginThrottled = "login_throttled",
    /// No session, or it ended.
    NotSignedIn = "not_signed_in",
    Forbidden = "forbidden",
    NotFound = "not_found",
    NoSuchRoute = "no_such_route",
    TooManyRequests = "too_many_requests",
    ChallengeInvalid = "challenge_invalid",
    BadResidenceCardNumber = "bad_residence_card_number",
    BadCertificate = "bad_certificate",
    BadSignature = "bad_signature",
    UnknownProcedure = "unknown_procedure",
    ReceptionClosed = "reception_closed",
    TermsNotAgreed = "terms_not_agreed",
    FormInvalid = "form_invalid",
    FileInvalid = "file_invalid",
    FilesInvalid = "files_invalid",
    BadUpload = "bad_upload",
    BadMetadata = "bad_metadata",
    TooManyFiles = "too_many_files",
    TooLarge = "too_large",
    /// An upload that stopped sending, or crawled below the minimum rate, was cut off.
    UploadTooSlow = "upload_too_slow",
    TransitionNotAllowed = "transition_not_allowed",
    NotInReturnProcess = "not_in_return_process",
    ProcedureMismatch = "procedure_mismatch",
    EmptyMessage = "empty_message",
    BadPostalCode = "bad_postal_code",
    BadAddress = "bad_address",
    AlreadyCompleted = "already_completed",
    /// A search of the application lists with a date that is not 8 digits (manual 6.3).
    BadDate = "bad_date",
    /// `zairyu examiner --as` names an account that is not an examiner.
    NotAnExaminer = "not_an_examiner",
    /// A storage failure; nothing was changed.
    Internal = "internal",
    /// The signature was made for another server (its `server_id` differs from this one's).
    SignedForAnotherServer = "signed_for_another_server",
    /// The signature authorises another action (a submission sent as a resubmission, …).
    SignedForAnotherAction = "signed_for_another_action",
    /// A resubmission signed for another application.
    SignedForAnotherApplication = "signed_for_another_application",
    /// `signed_at` is not within ten minutes of the server's clock.
    SignedAtOutOfWindow = "signed_at_out_of_window",
    /// An uploaded file is not among the files the signature covers.
    UnsignedFile = "unsigned_file",
    /// A file the signature covers was not uploaded.
    SignedFileMissing = "signed_file_missing",
    /// The card's certificate is already bound to another account.
    CertificateInUse = "certificate_in_use",
    // Organisations (issue 14, helper org-server).
    /// No organisation has this ID.
    OrganisationUnknown = "organisation_unknown",
    /// The organisation's three-year registration has ended.
    OrganisationExpired = "organisation_expired",
    /// A staff route called by an account that is not staff of a registered organisation.
    NotStaff = "not_staff",
    /// Proxy filing for a student not linked to the staff member's organisation.
    NotLinked = "not_linked",
    /// A staff member (or examiner) tried to link or unlink an organisation.
    NotAStudent = "not_a_student",
    /// A staff resubmission that does not name the student (`for_user`).
    ApplicantNotNamed = "applicant_not_named",
    /// The board's page or page size is out of range.
    BadPage = "bad_page",
    /// `zairyu org create --kind` is not `school` or `attorney_office`.
    BadKind = "bad_kind",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_its_wire_name_and_is_documented() {
        let doc = include_str!("../../../docs/error-codes.md");
        for code in ErrorCode::ALL {
            let name = code.as_str();
            assert_eq!(serde_json::to_string(code).unwrap(), format!("\"{name}\""));
            assert_eq!(ErrorCode::parse(name), Some(*code));
            assert!(
                doc.contains(&format!("`{name}`")),
                "{name} is not in docs/error-codes.md"
            );
        }
    }

    #[test]
    fn the_error_body_is_code_and_message() {
        let body = ErrorBody {
            code: ErrorCode::NotSignedIn.to_string(),
            message: "Sign in first.".into(),
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"code":"not_signed_in","message":"Sign in first."}"#
        );
    }
}
