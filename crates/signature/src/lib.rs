//! `zairyu-signature`: is this signature from this certificate, and does the certificate chain
//! to a CA we trust? Used by the server (usage application, submissions) and the app (a check
//! before sending). Pure: no card, no network.
//!
//! Trust anchors: the real JPKI user-authentication root CAs (shipped by the `myna-card`
//! crate), and in the demo profile also the "Zairyu Demo CA" of the virtual card
//! (`certs/demo-ca.der`). A certificate must allow digital signatures (key usage) and be valid
//! to the second; revocation is a pluggable [`RevocationCheck`] (a CRL, [`Crl`]). The
//! algorithm stays out of the API: callers pass the message, not a digest, so ECDSA P-384
//! cards can be added here alone.

mod revocation;

use std::sync::Arc;

use myna_card::certificate::roots::{Hierarchy, Purpose, KNOWN};
use myna_card::Certificate;
use sha2::{Digest, Sha256};
use x509_cert::der::Encode;
use x509_cert::ext::pkix::KeyUsage;

pub use revocation::{Crl, CrlError, RevocationCheck};

/// The demo CA certificate (DER): what the virtual card's certificates chain to.
pub const DEMO_CA_DER: &[u8] = include_bytes!("../certs/demo-ca.der");

/// Why a signature or certificate was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignatureError {
    #[error("the certificate cannot be read ({0}); sign again with the card")]
    MalformedCertificate(String),
    #[error("the signature does not match the signed content and certificate; sign again")]
    BadSignature,
    #[error("the certificate was not issued by a trusted certification authority{0}")]
    UntrustedCertificate(&'static str),
    #[error("the certificate is not valid now (valid {from} to {to}); renew the card's certificate at the municipal office")]
    CertificateExpired { from: String, to: String },
    #[error("the certificate does not allow digital signatures (key usage); sign with the card's user-authentication key")]
    KeyUsage,
    #[error("the certificate was revoked by its certification authority; renew the card's certificate at the municipal office")]
    Revoked,
    #[error("whether the certificate was revoked cannot be told ({0}); try again later")]
    RevocationUnknown(String),
}

impl SignatureError {
    /// Stable code (docs/error-codes.md).
    pub fn code(&self) -> &'static str {
        match self {
            SignatureError::MalformedCertificate(_) => "malformed_certificate",
            SignatureError::BadSignature => "bad_signature",
            SignatureError::UntrustedCertificate(_) => "untrusted_certificate",
            SignatureError::CertificateExpired { .. } => "certificate_expired",
            SignatureError::KeyUsage => "certificate_key_usage",
            SignatureError::Revoked => "certificate_revoked",
            SignatureError::RevocationUnknown(_) => "revocation_unknown",
        }
    }
}

/// The certification authorities a verifier accepts, and how it asks whether a certificate
/// they issued was revoked.
#[derive(Debug, Clone)]
pub struct TrustAnchors {
    anchors: Vec<(Certificate, bool)>,
    revocation: Vec<Arc<dyn RevocationCheck>>,
}

impl TrustAnchors {
    /// Real JPKI user-authentication roots plus the demo CA (the demo profile).
    pub fn demo() -> TrustAnchors {
        let mut anchors = TrustAnchors::production();
        anchors.anchors.push((demo_ca(), true));
        anchors
    }

    /// The real JPKI user-authentication roots only (the production profile): what the card's
    /// user-authentication key signs chains to one of them; a practice-card signature, or one
    /// made with the signing key (a different hierarchy), is refused.
    pub fn production() -> TrustAnchors {
        let anchors = KNOWN
            .iter()
            .filter(|root| {
                root.hierarchy == Hierarchy::Production
                    && root.purpose == Purpose::UserAuthentication
            })
            .filter_map(|root| root.certificate().ok())
            .map(|cert| (cert, false))
            .collect();
        TrustAnchors {
            anchors,
            revocation: Vec::new(),
        }
    }

    /// Also asks `check` whether a certificate was revoked (every check added is asked).
    pub fn with_revocation(mut self, check: Arc<dyn RevocationCheck>) -> TrustAnchors {
        self.revocation.push(check);
        self
    }

    /// The trust anchor whose subject is `issuer`, if any (a CRL's signer is looked up so).
    pub fn anchor_named(&self, issuer: &str) -> Option<&Certificate> {
        self.anchors
            .iter()
            .map(|(a, _)| a)
            .find(|a| a.subject() == issuer)
    }

    /// How many anchors (the production roots and, in the demo profile, the demo CA).
    pub fn len(&self) -> usize {
        self.anchors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }

    /// Whether the demo CA is among them.
    pub fn trusts_demo_ca(&self) -> bool {
        self.anchors.iter().any(|(_, demo)| *demo)
    }
}

fn demo_ca() -> Certificate {
    Certificate::parse(DEMO_CA_DER).expect("the bundled demo CA parses")
}

/// Who signed, once everything checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedSigner {
    /// Lower-case hex SHA-256 of the certificate's DER: binds a certificate to an account.
    pub fingerprint_sha256: String,
    pub subject: String,
    pub issuer: String,
    pub not_after_unix: i64,
    /// The certificate's serial number, lower-case hex.
    pub serial: String,
    /// Issued by the demo CA (a practice card).
    pub demo: bool,
}

/// A certificate time in Unix seconds.
fn unix_of(time: x509_cert::time::Time) -> i64 {
    i64::try_from(time.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a Unix time.
fn rfc3339(unix: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(unix) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => unix.to_string(),
    }
}

/// Checks that `signature` is the certificate's key signing SHA-256 of `message` (PKCS#1 v1.5,
/// as the card's COMPUTE DIGITAL SIGNATURE does it), that a trust anchor issued the certificate,
/// that its key usage allows digital signatures, that it is valid at `at_unix_seconds` (to the
/// second) and that no revocation check of the anchors says it was revoked.
pub fn verify(
    cert_der: &[u8],
    message: &[u8],
    signature: &[u8],
    anchors: &TrustAnchors,
    at_unix_seconds: i64,
) -> Result<VerifiedSigner, SignatureError> {
    let cert = Certificate::parse(cert_der)
        .map_err(|e| SignatureError::MalformedCertificate(e.to_string()))?;
    let key = cert
        .public_key()
        .map_err(|e| SignatureError::MalformedCertificate(e.to_string()))?;
    key.verify_pkcs1_sha256(message, signature)
        .map_err(|_| SignatureError::BadSignature)?;

    let tbs = cert
        .inner()
        .tbs_certificate()
        .to_der()
        .map_err(|e| SignatureError::MalformedCertificate(e.to_string()))?;
    let cert_signature = cert.inner().signature().raw_bytes();
    let issuer = anchors.anchors.iter().find(|(anchor, _)| {
        anchor.subject() == cert.issuer()
            && anchor
                .public_key()
                .is_ok_and(|k| k.verify_pkcs1_sha256(&tbs, cert_signature).is_ok())
    });
    let Some((issuer_cert, demo)) = issuer else {
        return Err(SignatureError::UntrustedCertificate(
            if anchors
                .anchors
                .iter()
                .any(|(a, _)| a.subject() == cert.issuer())
            {
                " (its issuer's signature on it does not verify)"
            } else {
                ""
            },
        ));
    };
    let tbs = cert.inner().tbs_certificate();
    match tbs.get_extension::<KeyUsage>() {
        Ok(Some((_, usage))) if usage.digital_signature() => {}
        Ok(_) => return Err(SignatureError::KeyUsage),
        Err(e) => return Err(SignatureError::MalformedCertificate(e.to_string())),
    }
    let validity = tbs.validity();
    let (start, end) = (unix_of(validity.not_before), unix_of(validity.not_after));
    if at_unix_seconds < start || at_unix_seconds > end {
        return Err(SignatureError::CertificateExpired {
            from: rfc3339(start),
            to: rfc3339(end),
        });
    }
    for check in &anchors.revocation {
        check.check(cert.inner(), issuer_cert.inner(), at_unix_seconds)?;
    }
    Ok(VerifiedSigner {
        fingerprint_sha256: Sha256::digest(cert_der)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        subject: cert.subject(),
        issuer: cert.issuer(),
        not_after_unix: end,
        serial: cert
            .serial_number()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        demo: *demo,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_ca_is_trusted_only_in_the_demo_profile() {
        assert!(TrustAnchors::demo().anchors.iter().any(|(_, demo)| *demo));
        assert!(!TrustAnchors::production()
            .anchors
            .iter()
            .any(|(_, demo)| *demo));
        assert!(TrustAnchors::demo().trusts_demo_ca());
        assert!(!TrustAnchors::production().trusts_demo_ca());
        assert_eq!(rfc3339(1_795_478_400), "2026-11-24T00:00:00Z");
    }

    #[test]
    fn production_trusts_the_user_authentication_roots_only() {
        let production = TrustAnchors::production();
        let expected = KNOWN
            .iter()
            .filter(|r| {
                r.hierarchy == Hierarchy::Production && r.purpose == Purpose::UserAuthentication
            })
            .count();
        assert!(
            expected >= 3,
            "myna-card ships the JPKI user-authentication roots"
        );
        assert_eq!(production.len(), expected);
        for root in KNOWN
            .iter()
            .filter(|r| r.purpose == Purpose::DigitalSignature)
        {
            let cert = root.certificate().unwrap();
            assert!(
                !production
                    .anchors
                    .iter()
                    .any(|(a, _)| a.der() == cert.der()),
                "a signing-hierarchy root is not an anchor for user authentication"
            );
        }
    }

    #[test]
    fn garbage_is_a_malformed_certificate() {
        let err = verify(b"not a certificate", b"m", b"s", &TrustAnchors::demo(), 0).unwrap_err();
        assert_eq!(err.code(), "malformed_certificate");
    }
}
