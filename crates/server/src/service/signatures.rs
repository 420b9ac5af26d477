//! What a submission's signature must cover, checked before any file is decoded: exactly the
//! uploaded files, this server, the action and application of the request, a `signed_at` near
//! the server's clock, and the card's signature over the content rebuilt from all that.

use zairyu_forms::signing::{AttachmentDigest, SignedAction, SignedContent};
use zairyu_wire::ErrorCode;

use super::{ReceptionOffice, StoredFile, SubmissionMeta};
use crate::clock::parse_utc;
use crate::error::ApiError;

/// How far ahead of the server's clock `signed_at` may be (clocks that run fast).
pub(super) const SIGNED_AT_AHEAD_SECONDS: i64 = 600;
/// How old `signed_at` may be: a submission signed offline waits in the app's outbox until the
/// computer is online again (a weekend, say). A replay inside this window gains nothing: the
/// signed `submission_id` makes it answer the first outcome, the certificate is bound to one
/// account, and the server, action and application are signed.
pub(super) const SIGNED_AT_MAX_AGE_SECONDS: i64 = 72 * 3600;

/// What a request asks a signature to authorise: the action and, for a resubmission, the
/// application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Purpose {
    pub action: SignedAction,
    pub application_id: Option<i64>,
}

impl Purpose {
    pub(super) const SUBMISSION: Purpose = Purpose {
        action: SignedAction::Submission,
        application_id: None,
    };

    pub(super) fn resubmission(id: i64) -> Purpose {
        Purpose {
            action: SignedAction::Resubmission,
            application_id: Some(id),
        }
    }
}

fn refused(code: ErrorCode, message: impl Into<String>) -> ApiError {
    ApiError::new(422, code.as_str(), message)
}

impl ReceptionOffice {
    /// Everything about the signature, before any file is decoded: the uploaded files are
    /// exactly the declared ones (one photo at most), the signature was made for this server,
    /// this action and this application, `signed_at` is at most ten minutes ahead of the clock and
    /// at most 72 hours old, and
    /// the card's signature verifies over the content rebuilt from what arrived and `purpose`
    /// (chain, key usage, validity to the second, revocation).
    pub(super) fn check_signature(
        &self,
        meta: &SubmissionMeta,
        files: &[StoredFile],
        purpose: Purpose,
    ) -> Result<zairyu_signature::VerifiedSigner, ApiError> {
        self.signature_checks(meta, files, purpose, true)
    }

    pub(super) fn signature_checks(
        &self,
        meta: &SubmissionMeta,
        files: &[StoredFile],
        purpose: Purpose,
        check_time: bool,
    ) -> Result<zairyu_signature::VerifiedSigner, ApiError> {
        if files.iter().filter(|f| f.kind == "photo").count() > 1 {
            return Err(refused(
                ErrorCode::UnsignedFile,
                "Only one photo can be sent; remove the extra photo part and send again.",
            ));
        }
        for f in files {
            if !meta
                .files
                .iter()
                .any(|d| d.kind == f.kind && d.name == f.name && d.sha256 == f.sha256)
            {
                return Err(refused(
                    ErrorCode::UnsignedFile,
                    format!(
                        "The file {:?} is not among the files the signature covers; send only the signed files, or sign again with it.",
                        f.name
                    ),
                ));
            }
        }
        if let Some(missing) = meta.files.iter().find(|d| {
            !files
                .iter()
                .any(|f| d.kind == f.kind && d.name == f.name && d.sha256 == f.sha256)
        }) {
            return Err(refused(
                ErrorCode::SignedFileMissing,
                format!(
                    "The signed file {:?} was not uploaded; send every signed file.",
                    missing.name
                ),
            ));
        }
        if let Some(server) = meta.server_id.as_deref() {
            if server != self.server_id {
                return Err(refused(
                    ErrorCode::SignedForAnotherServer,
                    "This submission was signed for another server; sign it again for this one.",
                ));
            }
        }
        if let Some(action) = meta.action.as_deref() {
            if action != purpose.action.as_str() {
                return Err(refused(
                    ErrorCode::SignedForAnotherAction,
                    format!(
                        "The signature authorises a {action}, not a {}; sign again for this action.",
                        purpose.action.as_str()
                    ),
                ));
            }
        }
        if meta.application_id != purpose.application_id && meta.action.is_some() {
            return Err(refused(
                ErrorCode::SignedForAnotherApplication,
                "The signature was made for another application; sign the resubmission of this one again.",
            ));
        }
        let now = self.now();
        match parse_utc(&meta.signed_at) {
            Some(at)
                if !check_time
                    || (at - now <= SIGNED_AT_AHEAD_SECONDS
                        && now - at <= SIGNED_AT_MAX_AGE_SECONDS) => {}
            Some(at) if at > now => {
                return Err(refused(
                    ErrorCode::SignedAtOutOfWindow,
                    "The signature's time is more than 10 minutes ahead of the server's clock; set the computer's clock right and sign again.",
                ))
            }
            Some(_) => {
                return Err(refused(
                    ErrorCode::SignedAtOutOfWindow,
                    "The signature is more than 72 hours old; sign the application again with your card.",
                ))
            }
            None => {
                return Err(refused(
                    ErrorCode::SignedAtOutOfWindow,
                    "signed_at is not an RFC 3339 time such as 2026-11-24T10:00:00Z; sign again.",
                ))
            }
        }
        let content = signed_content(meta, files, purpose, &self.server_id);
        self.verify(
            &meta.certificate,
            &content.canonical_bytes(),
            &meta.signature,
        )
    }
}

/// The content the card signed, rebuilt from what arrived, the action and application of the
/// request, and this server's id.
pub(super) fn signed_content(
    meta: &SubmissionMeta,
    files: &[StoredFile],
    purpose: Purpose,
    server_id: &str,
) -> SignedContent {
    SignedContent {
        action: purpose.action,
        application_id: purpose.application_id,
        server_id: server_id.to_owned(),
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
        applicant: meta.for_user.clone(),
    }
}
