//! The usage application (manual 3.2): a challenge signed by the card's user-authentication key
//! binds the certificate to the account; signatures are verified against the trust anchors of
//! the server's profile (the demo CA only in the demo profile).

use base64::Engine;

use super::{random_hex, ReceptionOffice, USAGE_DOMAIN};
use crate::config::TrustProfile;
use crate::error::ApiError;
use crate::store::UserRow;

impl ReceptionOffice {
    /// A fresh challenge (valid 10 minutes) for the card to sign.
    pub fn usage_challenge(&self, user: &UserRow) -> Result<String, ApiError> {
        let nonce = random_hex(32);
        self.store
            .add_challenge(&nonce, &user.id, self.now() + 600)?;
        Ok(nonce)
    }

    fn anchors(&self) -> zairyu_signature::TrustAnchors {
        match self.profile {
            TrustProfile::Demo => zairyu_signature::TrustAnchors::demo(),
            TrustProfile::Production => zairyu_signature::TrustAnchors::production(),
        }
    }

    pub(super) fn verify(
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
        user: &UserRow,
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
}
