//! The usage application (manual 3.2): a challenge signed by the card's user-authentication key
//! binds the certificate to the account; signatures are verified against the trust anchors of
//! the server's profile (the demo CA only in the demo profile) with the configured CRLs. Also
//! who this server is (`server_id`) and what `/api/health` says of its trust.

use std::sync::Arc;

use base64::Engine;

use super::{random_hex, ReceptionOffice, USAGE_DOMAIN};
use crate::config::{ServerConfig, TrustProfile};
use crate::error::ApiError;
use crate::store::UserRow;
use zairyu_wire::ErrorCode;

/// The profile's trust anchors with every configured CRL loaded (a CRL that does not load
/// stops the server: revocation is never silently off), and how many CRLs.
pub(super) fn trust_anchors(
    config: &ServerConfig,
) -> Result<(zairyu_signature::TrustAnchors, usize), String> {
    let mut anchors = match config.profile {
        TrustProfile::Demo => zairyu_signature::TrustAnchors::demo(),
        TrustProfile::Production => zairyu_signature::TrustAnchors::production(),
    };
    for path in &config.crls {
        let bytes = std::fs::read(path).map_err(|e| format!("crl {}: {e}", path.display()))?;
        let crl = zairyu_signature::Crl::load(&bytes, &anchors)
            .map_err(|e| format!("crl {}: {e}", path.display()))?;
        anchors = anchors.with_revocation(Arc::new(crl));
    }
    Ok((anchors, config.crls.len()))
}

/// The configured server id, else the one kept in `DATA/server-id` (made once, random).
pub(super) fn server_id(config: &ServerConfig) -> Result<String, String> {
    if let Some(id) = config.server_id.as_deref().map(str::trim) {
        if !id.is_empty() {
            return Ok(id.to_owned());
        }
    }
    let file = config.data_dir.join("server-id");
    match std::fs::read_to_string(&file) {
        Ok(text) if !text.trim().is_empty() => Ok(text.trim().to_owned()),
        _ => {
            let id = format!("zr-{}", random_hex(16));
            std::fs::write(&file, &id).map_err(|e| format!("{}: {e}", file.display()))?;
            Ok(id)
        }
    }
}

impl ReceptionOffice {
    /// A fresh challenge (valid 10 minutes) for the card to sign.
    pub fn usage_challenge(&self, user: &UserRow) -> Result<String, ApiError> {
        let nonce = random_hex(32);
        self.store
            .add_challenge(&nonce, &user.id, self.now() + 600)?;
        Ok(nonce)
    }

    /// What `GET /api/health` answers: up, the profile, whether the demo CA is trusted, the
    /// server id signatures are bound to, the CRLs loaded.
    pub fn health(&self) -> zairyu_wire::ServerHealth {
        zairyu_wire::ServerHealth {
            status: "ok".into(),
            profile: match self.profile {
                TrustProfile::Demo => "demo",
                TrustProfile::Production => "production",
            }
            .into(),
            demo_ca_trusted: self.anchors.trusts_demo_ca(),
            server_id: self.server_id.clone(),
            crls_loaded: self.crls_loaded,
        }
    }

    /// This server's identity in what a submission signs.
    pub fn server_id(&self) -> &str {
        &self.server_id
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
        zairyu_signature::verify(&cert, message, &signature, &self.anchors, self.now())
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
        // Manual 3.2 step 15: the typed English name, postal code and telephone follow the
        // usage-application schema (checked when sent; older apps send none of them).
        let mut typed = serde_json::json!({ "user": {} });
        for key in ["name_en", "postal_code", "telephone"] {
            if let Some(text) = info[key].as_str().filter(|t| !t.is_empty()) {
                typed["user"][key] = serde_json::Value::String(text.to_owned());
            }
        }
        let wrong: Vec<String> = zairyu_forms::validate("usage-application", &typed)
            .map_err(|e| ApiError::bad("form_invalid", e.to_string()))?
            .into_iter()
            .filter(|f| f.is_error() && f.code != "required")
            .filter(|f| {
                typed["user"]
                    .get(f.path.trim_start_matches("user."))
                    .is_some()
            })
            .map(|f| format!("{} ({})", f.path, f.code))
            .collect();
        if !wrong.is_empty() {
            return Err(ApiError::new(
                422,
                "form_invalid",
                format!("The user information has problem(s): {}", wrong.join(", ")),
            ));
        }
        let now = self.now();
        let usage = info.to_string();
        let detail = format!(
            "certificate sha256 {} serial {} issuer {}",
            signer.fingerprint_sha256, signer.serial, signer.issuer
        );
        // The binding and its audit entry together; a certificate another account holds
        // changes nothing.
        let mut bound = false;
        self.store.atomically(&mut |s| {
            bound = s.set_usage(&user.id, &signer.fingerprint_sha256, &usage)?;
            if bound {
                // The advisor's board compares it with the period of stay.
                s.set_certificate_end(&user.id, signer.not_after_unix)?;
                s.audit(None, &user.id, "bind_certificate", &detail, now)?;
            }
            Ok(())
        })?;
        if !bound {
            return Err(ApiError::new(
                409,
                ErrorCode::CertificateInUse.as_str(),
                "This card's certificate is already bound to another account; sign in with that account (one card, one account).",
            ));
        }
        Ok(())
    }
}
