//! `zairyu-signature`: is this signature from this certificate, and does the certificate chain
//! to a CA we trust? Used by the server (usage application, submissions) and the app (a check
//! before sending). Pure: no card, no network.
//!
//! Trust anchors: the real JPKI root CAs (shipped by the `myna-card` crate), and in the demo
//! profile also the "Zairyu Demo CA" of the virtual card (`certs/demo-ca.der`). Revocation
//! needs J-LIS's service and is not checked (docs/design.md §6). The algorithm stays out of
//! the API: callers pass the message, not a digest, so ECDSA P-384 cards can be added here
//! alone.

use myna_card::certificate::roots::{Hierarchy, KNOWN};
use myna_card::Certificate;
use sha2::{Digest, Sha256};
use x509_cert::der::Encode;

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
    #[error("the certificate is not valid at the time of signing (valid {from} to {to}); renew the card's certificate at the municipal office")]
    CertificateExpired { from: String, to: String },
}

impl SignatureError {
    /// Stable code (docs/error-codes.md).
    pub fn code(&self) -> &'static str {
        match self {
            SignatureError::MalformedCertificate(_) => "malformed_certificate",
            SignatureError::BadSignature => "bad_signature",
            SignatureError::UntrustedCertificate(_) => "untrusted_certificate",
            SignatureError::CertificateExpired { .. } => "certificate_expired",
        }
    }
}

/// The certification authorities a verifier accepts.
#[derive(Debug, Clone)]
pub struct TrustAnchors {
    anchors: Vec<(Certificate, bool)>,
}

impl TrustAnchors {
    /// Real JPKI roots plus the demo CA (the demo profile).
    pub fn demo() -> TrustAnchors {
        let mut anchors = TrustAnchors::production();
        let demo = Certificate::parse(DEMO_CA_DER).expect("the bundled demo CA parses");
        anchors.anchors.push((demo, true));
        anchors
    }

    /// Real JPKI roots only (the production profile): a practice-card signature is refused.
    pub fn production() -> TrustAnchors {
        let anchors = KNOWN
            .iter()
            .filter(|root| root.hierarchy == Hierarchy::Production)
            .filter_map(|root| root.certificate().ok())
            .map(|cert| (cert, false))
            .collect();
        TrustAnchors { anchors }
    }
}

/// Who signed, once everything checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedSigner {
    /// Lower-case hex SHA-256 of the certificate's DER: binds a certificate to an account.
    pub fingerprint_sha256: String,
    pub subject: String,
    pub issuer: String,
    pub not_after_unix: i64,
    /// Issued by the demo CA (a practice card).
    pub demo: bool,
}

/// Midnight UTC of a certificate validity date, in Unix seconds (`None` for a day that does
/// not exist).
fn unix_of(date: myna_card::Date) -> Option<i64> {
    let month = time::Month::try_from(date.month).ok()?;
    let day = time::Date::from_calendar_date(i32::from(date.year), month, date.day).ok()?;
    Some(day.midnight().assume_utc().unix_timestamp())
}

/// Checks that `signature` is the certificate's key signing SHA-256 of `message` (PKCS#1 v1.5,
/// as the card's COMPUTE DIGITAL SIGNATURE does it), that a trust anchor issued the certificate,
/// and that it was valid at `at_unix_seconds`.
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
    let Some((_, demo)) = issuer else {
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
    let (from, to) = cert.validity();
    let (Some(start), Some(end)) = (unix_of(from), unix_of(to).map(|to| to + 86_399)) else {
        return Err(SignatureError::MalformedCertificate(
            "its validity names a day that does not exist".into(),
        ));
    };
    if at_unix_seconds < start || at_unix_seconds > end {
        return Err(SignatureError::CertificateExpired {
            from: format!("{:04}-{:02}-{:02}", from.year, from.month, from.day),
            to: format!("{:04}-{:02}-{:02}", to.year, to.month, to.day),
        });
    }
    Ok(VerifiedSigner {
        fingerprint_sha256: Sha256::digest(cert_der)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        subject: cert.subject(),
        issuer: cert.issuer(),
        not_after_unix: end,
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
        assert!(TrustAnchors::production().anchors.len() >= 6);
        assert_eq!(
            unix_of(myna_card::Date {
                year: 1970,
                month: 1,
                day: 2
            }),
            Some(86_400)
        );
        assert_eq!(
            unix_of(myna_card::Date {
                year: 2026,
                month: 11,
                day: 24
            }),
            Some(1_795_478_400)
        );
    }

    #[test]
    fn garbage_is_a_malformed_certificate() {
        let err = verify(b"not a certificate", b"m", b"s", &TrustAnchors::demo(), 0).unwrap_err();
        assert_eq!(err.code(), "malformed_certificate");
    }
}
