//! The virtual card's keys and certificates. The RSA-2048 keys are fixed demo keys
//! (`keys/*.pem`, public on purpose); the certificates are issued at start-up by the "Zairyu
//! Demo CA" (`zairyu_signature::DEMO_CA_DER`), so the signing certificate can carry this
//! card's basic four in the JPKI subjectAltName entries, as a real one does.

use std::str::FromStr;
use std::time::Duration;

use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::sha2::Sha256;
use rsa::PrivateKey;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::TbsCertificate;
use x509_cert::der::asn1::{ObjectIdentifier, Utf8StringRef};
use x509_cert::der::{Any, Decode, Encode};
use x509_cert::ext::pkix::name::{GeneralName, OtherName};
use x509_cert::ext::pkix::{KeyUsage, KeyUsages, SubjectAltName};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{SubjectPublicKeyInfo, SubjectPublicKeyInfoRef};
use x509_cert::time::Validity;
use x509_cert::Certificate;

use crate::identity::Identity;

/// When the demo certificates say they were issued: 2025-04-01T00:00:00Z.
pub const ISSUED_AT_UNIX: u64 = 1_743_465_600;

const CA_KEY: &str = include_str!("../keys/demo-ca.pem");
const AUTH_KEY: &str = include_str!("../keys/auth.pem");
const SIGN_KEY: &str = include_str!("../keys/sign.pem");

/// JPKI subjectAltName otherName OIDs (docs/card-protocol.md §10): name, sex, date of birth,
/// address.
pub const OID_NAME: &str = "1.2.392.200149.8.5.5.1";
pub const OID_SEX: &str = "1.2.392.200149.8.5.5.3";
pub const OID_BIRTH: &str = "1.2.392.200149.8.5.5.4";
pub const OID_ADDRESS: &str = "1.2.392.200149.8.5.5.5";

/// The keys and certificates of one virtual card.
#[derive(Debug, Clone)]
pub struct CardKeys {
    pub auth_key: PrivateKey,
    pub sign_key: PrivateKey,
    pub auth_cert: Vec<u8>,
    pub sign_cert: Vec<u8>,
    pub ca_cert: Vec<u8>,
}

struct CardProfile {
    issuer: Name,
    subject: Name,
    extensions: Vec<Extension>,
}

impl BuilderProfile for CardProfile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }
    fn get_subject(&self) -> Name {
        self.subject.clone()
    }
    fn build_extensions(
        &self,
        _spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        _tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        Ok(self.extensions.clone())
    }
}

fn key(pem: &str) -> PrivateKey {
    PrivateKey::from_pkcs8_pem(pem).expect("the bundled demo keys are valid PKCS#8")
}

fn other_name(oid: &str, value: &str) -> GeneralName {
    GeneralName::OtherName(OtherName {
        type_id: ObjectIdentifier::new_unwrap(oid),
        value: Any::encode_from(&Utf8StringRef::new(value).expect("text is valid UTF-8"))
            .expect("a UTF8String encodes"),
    })
}

/// A certificate of the card, signed by `ca` (the demo CA's key and name).
fn issue(
    (ca, issuer): (&SigningKey<Sha256>, &Name),
    subject: &str,
    key: &PrivateKey,
    serial: u32,
    usages: KeyUsage,
    alt_names: Option<SubjectAltName>,
    not_after: Option<x509_cert::time::Time>,
) -> Vec<u8> {
    let subject = Name::from_str(subject).expect("subject names are valid");
    let mut extensions = vec![usages
        .to_extension(&subject, &[])
        .expect("key usage encodes")];
    if let Some(san) = alt_names {
        extensions.push(san.to_extension(&subject, &[]).expect("alt names encode"));
    }
    let profile = CardProfile {
        issuer: issuer.clone(),
        subject,
        extensions,
    };
    // Valid for five years, like a real card's certificates, issued on a fixed day in the
    // past: a test whose server clock is pinned to a date (not the machine's today) still
    // finds the certificate valid, and the same card gives the same certificate every time it
    // is inserted (the server knows a card by its certificate's fingerprint). A card made to
    // expire soon (`Identity::auth_expires`) ends on its own day.
    let at = |unix: u64| {
        x509_cert::time::Time::try_from(std::time::UNIX_EPOCH + Duration::from_secs(unix))
            .expect("time")
    };
    let mut validity = Validity::from_now(Duration::from_secs(1)).expect("validity");
    validity.not_before = at(ISSUED_AT_UNIX);
    validity.not_after = not_after.unwrap_or_else(|| at(ISSUED_AT_UNIX + 5 * 365 * 86_400));
    let spki = SubjectPublicKeyInfo::from_key(&key.to_public_key()).expect("public key encodes");
    let builder = CertificateBuilder::new(profile, SerialNumber::from(serial), validity, spki)
        .expect("builder");
    let cert: Certificate = builder
        .build::<_, rsa::pkcs1v15::Signature>(ca)
        .expect("the demo CA signs");
    cert.to_der().expect("certificate encodes")
}

impl CardKeys {
    /// Issues this card's certificates for `identity`.
    pub fn issue(identity: &Identity) -> CardKeys {
        let ca_cert = zairyu_signature::DEMO_CA_DER.to_vec();
        let ca = Certificate::from_der(&ca_cert).expect("the demo CA certificate parses");
        let issuer = ca.tbs_certificate().subject().clone();
        let signer = SigningKey::<Sha256>::new(key(CA_KEY));
        let (auth_key, sign_key) = (key(AUTH_KEY), key(SIGN_KEY));
        let auth_cert = issue(
            (&signer, &issuer),
            "CN=ZAIRYU-DEMO-AUTH-0001,C=JP",
            &auth_key,
            1,
            KeyUsage(KeyUsages::DigitalSignature.into()),
            None,
            identity.auth_expires_ymd().map(|(y, m, d)| {
                // 23:59:59 in Japan on that day, as the JPKI certificates end.
                let end = x509_cert::der::DateTime::new(y, m, d, 14, 59, 59)
                    .expect("auth_expires is a calendar date");
                x509_cert::time::Time::from(end)
            }),
        );
        let sex = match identity.sex.code() {
            b'1' => "1",
            b'2' => "2",
            _ => "9",
        };
        let san = SubjectAltName(vec![
            other_name(OID_NAME, &identity.name),
            other_name(OID_SEX, sex),
            other_name(OID_BIRTH, &identity.birth_digits().unwrap_or_default()),
            other_name(OID_ADDRESS, &identity.address),
        ]);
        let sign_cert = issue(
            (&signer, &issuer),
            "CN=ZAIRYU-DEMO-SIGN-0001,L=Beppu-shi,L=Oita-ken,C=JP",
            &sign_key,
            2,
            KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation),
            Some(san),
            None,
        );
        CardKeys {
            auth_key,
            sign_key,
            auth_cert,
            sign_cert,
            ca_cert,
        }
    }
}

/// What a test wants in a certificate the demo CA issues for the virtual card's
/// user-authentication key: a chosen serial, key usage and validity (attack tests: a
/// certificate without digitalSignature, one that expired seconds ago, a revoked serial).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestCertificate {
    pub serial: u32,
    /// Key usage digitalSignature (else keyEncipherment only).
    pub digital_signature: bool,
    pub not_before_unix: u64,
    pub not_after_unix: u64,
}

fn time_at(unix: u64) -> x509_cert::time::Time {
    x509_cert::time::Time::try_from(std::time::UNIX_EPOCH + Duration::from_secs(unix))
        .expect("a time the certificate format can hold")
}

fn demo_ca_name() -> (Certificate, Name) {
    let ca = Certificate::from_der(zairyu_signature::DEMO_CA_DER).expect("the demo CA parses");
    let name = ca.tbs_certificate().subject().clone();
    (ca, name)
}

impl TestCertificate {
    /// A certificate like the card's own, valid from `ISSUED_AT_UNIX` for five years.
    pub fn like_the_card(serial: u32) -> TestCertificate {
        TestCertificate {
            serial,
            digital_signature: true,
            not_before_unix: ISSUED_AT_UNIX,
            not_after_unix: ISSUED_AT_UNIX + 5 * 365 * 86_400,
        }
    }

    /// The certificate (DER), signed by the demo CA, for the virtual card's authentication key.
    pub fn issue(&self) -> Vec<u8> {
        let (_, issuer) = demo_ca_name();
        let signer = SigningKey::<Sha256>::new(key(CA_KEY));
        let usages = if self.digital_signature {
            KeyUsage(KeyUsages::DigitalSignature.into())
        } else {
            KeyUsage(KeyUsages::KeyEncipherment.into())
        };
        let subject = Name::from_str(&format!("CN=ZAIRYU-TEST-AUTH-{:04},C=JP", self.serial))
            .expect("subject names are valid");
        let extensions = vec![usages
            .to_extension(&subject, &[])
            .expect("key usage encodes")];
        let profile = CardProfile {
            issuer,
            subject,
            extensions,
        };
        let mut validity = Validity::from_now(Duration::from_secs(1)).expect("validity");
        validity.not_before = time_at(self.not_before_unix);
        validity.not_after = time_at(self.not_after_unix);
        let auth = key(AUTH_KEY);
        let spki =
            SubjectPublicKeyInfo::from_key(&auth.to_public_key()).expect("public key encodes");
        let builder =
            CertificateBuilder::new(profile, SerialNumber::from(self.serial), validity, spki)
                .expect("builder");
        let cert: Certificate = builder
            .build::<_, rsa::pkcs1v15::Signature>(&signer)
            .expect("the demo CA signs");
        cert.to_der().expect("certificate encodes")
    }
}

/// Signs `message` (PKCS#1 v1.5 over SHA-256, as the card's COMPUTE DIGITAL SIGNATURE does)
/// with the virtual card's user-authentication key, without a card: for tests that build
/// signed requests themselves.
pub fn sign_with_auth_key(message: &[u8]) -> Vec<u8> {
    use rsa::signature::{SignatureEncoding, Signer};
    SigningKey::<Sha256>::new(key(AUTH_KEY))
        .sign(message)
        .to_vec()
}

/// A certificate revocation list of the demo CA (DER) revoking `serials`, issued at
/// `this_update_unix` and to be replaced at `next_update_unix`.
pub fn demo_crl(serials: &[u32], this_update_unix: u64, next_update_unix: u64) -> Vec<u8> {
    use x509_cert::builder::CrlBuilder;
    use x509_cert::crl::RevokedCert;
    use x509_cert::der::asn1::Uint;
    use x509_cert::ext::pkix::CrlNumber;
    let (ca, _) = demo_ca_name();
    let signer = SigningKey::<Sha256>::new(key(CA_KEY));
    let revoked = serials.iter().map(|serial| RevokedCert {
        serial_number: SerialNumber::from(*serial),
        revocation_date: time_at(this_update_unix),
        crl_entry_extensions: None,
    });
    let builder = CrlBuilder::new_with_this_update(
        &ca,
        CrlNumber(Uint::new(&[1]).expect("a CRL number")),
        time_at(this_update_unix),
    )
    .expect("the CRL builder starts")
    .with_next_update(Some(time_at(next_update_unix)))
    .with_certificates(revoked);
    let crl = builder
        .build::<_, rsa::pkcs1v15::Signature>(&signer)
        .expect("the demo CA signs the CRL");
    crl.to_der().expect("the CRL encodes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificates_chain_to_the_demo_ca_and_carry_the_basic_four() {
        let keys = CardKeys::issue(&Identity::default());
        let sign = Certificate::from_der(&keys.sign_cert).unwrap();
        let ca = Certificate::from_der(&keys.ca_cert).unwrap();
        assert_eq!(
            sign.tbs_certificate().issuer(),
            ca.tbs_certificate().subject()
        );
        let der = keys.sign_cert.clone();
        let contains = |needle: &[u8]| der.windows(needle.len()).any(|w| w == needle);
        assert!(contains("NGUYEN THI LAN".as_bytes()));
        assert!(contains("別府".as_bytes()));
        assert!(contains(b"20030415"));
        let auth = Certificate::from_der(&keys.auth_cert).unwrap();
        assert!(!keys
            .auth_cert
            .windows(14)
            .any(|w| w == "NGUYEN THI LAN".as_bytes()));
        assert_eq!(
            auth.tbs_certificate().issuer(),
            ca.tbs_certificate().subject()
        );
    }

    fn now() -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64
    }

    #[test]
    fn test_certificates_are_refused_for_their_flaw_and_a_crl_revokes() {
        let anchors = zairyu_signature::TrustAnchors::demo();
        let message = b"hello";
        let signature = sign_with_auth_key(message);
        let good = TestCertificate::like_the_card(40).issue();
        let signer = zairyu_signature::verify(&good, message, &signature, &anchors, now()).unwrap();
        assert_eq!(signer.serial, "28");
        let no_usage = TestCertificate {
            digital_signature: false,
            ..TestCertificate::like_the_card(41)
        }
        .issue();
        let err =
            zairyu_signature::verify(&no_usage, message, &signature, &anchors, now()).unwrap_err();
        assert_eq!(err.code(), "certificate_key_usage");
        // Expired five seconds ago: refused, though the day is not over.
        let t = now();
        let expired = TestCertificate {
            not_after_unix: (t - 5) as u64,
            ..TestCertificate::like_the_card(42)
        }
        .issue();
        let err = zairyu_signature::verify(&expired, message, &signature, &anchors, t).unwrap_err();
        assert_eq!(err.code(), "certificate_expired");
        assert!(zairyu_signature::verify(&expired, message, &signature, &anchors, t - 10).is_ok());

        let crl = demo_crl(&[40], ISSUED_AT_UNIX, (t + 3600) as u64);
        let checked = zairyu_signature::Crl::load(&crl, &anchors).unwrap();
        assert_eq!(checked.revoked_count(), 1);
        let with_crl = anchors
            .clone()
            .with_revocation(std::sync::Arc::new(checked));
        let err = zairyu_signature::verify(&good, message, &signature, &with_crl, t).unwrap_err();
        assert_eq!(err.code(), "certificate_revoked");
        let other = TestCertificate::like_the_card(43).issue();
        assert!(zairyu_signature::verify(&other, message, &signature, &with_crl, t).is_ok());
        // A list past its next update cannot say "not revoked".
        let err =
            zairyu_signature::verify(&other, message, &signature, &with_crl, t + 7200).unwrap_err();
        assert_eq!(err.code(), "revocation_unknown");
        // A list the production anchors did not sign is not loaded.
        assert!(matches!(
            zairyu_signature::Crl::load(&crl, &zairyu_signature::TrustAnchors::production()),
            Err(zairyu_signature::CrlError::UnknownIssuer(_))
        ));
        let mut forged = crl.clone();
        let n = forged.len();
        forged[n - 1] ^= 1;
        assert_eq!(
            zairyu_signature::Crl::load(&forged, &anchors).unwrap_err(),
            zairyu_signature::CrlError::BadSignature
        );
    }
}
