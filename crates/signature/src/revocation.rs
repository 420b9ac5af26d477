//! Was a card's certificate revoked? [`RevocationCheck`] is the question a verifier asks after
//! the chain checked out; [`Crl`] answers it from a certificate revocation list (RFC 5280 §5)
//! signed by the certificate's own CA. JPKI publishes its user-authentication CRL only to
//! registered relying parties, so a deployment loads the list it fetched (`crl = "path"`) and
//! refreshes it before `nextUpdate`; a list past its `nextUpdate` answers "unknown", never
//! "not revoked".

use std::collections::HashSet;

use myna_card::Certificate as MynaCertificate;
use x509_cert::crl::CertificateList;
use x509_cert::der::{Decode, DecodePem, Encode};
use x509_cert::Certificate;

use crate::SignatureError;

/// Asked once per verified signature, after the chain, key usage and validity checked out.
pub trait RevocationCheck: Send + Sync + std::fmt::Debug {
    /// `Ok(())` when `cert` (issued by `issuer`) was not revoked at `at_unix_seconds`;
    /// [`SignatureError::Revoked`] when it was; [`SignatureError::RevocationUnknown`] when this
    /// check covers the issuer but cannot tell (a stale list). A check that does not cover the
    /// issuer answers `Ok(())`.
    fn check(
        &self,
        cert: &Certificate,
        issuer: &Certificate,
        at_unix_seconds: i64,
    ) -> Result<(), SignatureError>;
}

/// Why a CRL was not loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CrlError {
    #[error("the CRL cannot be read ({0}); give a DER or PEM X.509 CRL")]
    Malformed(String),
    #[error("the CRL was issued by {0:?}, which is not a trust anchor of this profile")]
    UnknownIssuer(String),
    #[error("the CRL's signature does not verify with its issuer's key")]
    BadSignature,
}

/// A certificate revocation list, its signature verified against a trust anchor when loaded.
#[derive(Debug, Clone)]
pub struct Crl {
    issuer: String,
    /// The issuer's public key, DER (a CA with several generations signs with one of them).
    issuer_key: Vec<u8>,
    next_update: Option<i64>,
    /// Revoked serial numbers (big-endian bytes).
    revoked: HashSet<Vec<u8>>,
}

fn unix(time: x509_cert::time::Time) -> i64 {
    i64::try_from(time.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
}

impl Crl {
    /// Reads a CRL (DER, or PEM `X509 CRL`) and checks its signature against the anchor that
    /// issued it.
    pub fn load(bytes: &[u8], anchors: &crate::TrustAnchors) -> Result<Crl, CrlError> {
        let list: CertificateList = if bytes.starts_with(b"-----BEGIN") {
            CertificateList::from_pem(bytes)
        } else {
            CertificateList::from_der(bytes)
        }
        .map_err(|e| CrlError::Malformed(e.to_string()))?;
        let issuer = list.tbs_cert_list.issuer.to_string();
        let tbs = list
            .tbs_cert_list
            .to_der()
            .map_err(|e| CrlError::Malformed(e.to_string()))?;
        let signature = list.signature.raw_bytes();
        let candidates: Vec<&MynaCertificate> = anchors
            .anchors
            .iter()
            .map(|(a, _)| a)
            .filter(|a| a.subject() == issuer)
            .collect();
        if candidates.is_empty() {
            return Err(CrlError::UnknownIssuer(issuer));
        }
        let signer = candidates
            .into_iter()
            .find(|a| {
                a.public_key()
                    .is_ok_and(|k| k.verify_pkcs1_sha256(&tbs, signature).is_ok())
            })
            .ok_or(CrlError::BadSignature)?;
        let issuer_key = signer
            .inner()
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map_err(|e| CrlError::Malformed(e.to_string()))?;
        let entries = list.tbs_cert_list.revoked_certificates.unwrap_or_default();
        Ok(Crl {
            issuer,
            issuer_key,
            next_update: list.tbs_cert_list.next_update.map(unix),
            revoked: entries
                .iter()
                .map(|r| r.serial_number.as_bytes().to_vec())
                .collect(),
        })
    }

    /// The CA that issued the list (its distinguished name).
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// How many certificates it revokes.
    pub fn revoked_count(&self) -> usize {
        self.revoked.len()
    }

    /// When the list must be replaced (Unix seconds), if it says.
    pub fn next_update(&self) -> Option<i64> {
        self.next_update
    }
}

impl RevocationCheck for Crl {
    fn check(
        &self,
        cert: &Certificate,
        issuer: &Certificate,
        at_unix_seconds: i64,
    ) -> Result<(), SignatureError> {
        let same_key = issuer
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .is_ok_and(|k| k == self.issuer_key);
        if cert.tbs_certificate().issuer().to_string() != self.issuer || !same_key {
            return Ok(());
        }
        if self.next_update.is_some_and(|next| at_unix_seconds > next) {
            return Err(SignatureError::RevocationUnknown(
                "the certificate revocation list is out of date".into(),
            ));
        }
        if self
            .revoked
            .contains(cert.tbs_certificate().serial_number().as_bytes())
        {
            return Err(SignatureError::Revoked);
        }
        Ok(())
    }
}
