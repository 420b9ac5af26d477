//! What gets signed when an application is submitted (docs/design.md §6):
//! what the signature authorises (a submission, or a resubmission of one application), the
//! server it is for, the procedure, the form data, the SHA-256 of the photo and of every
//! attachment, the submission id and the time, as canonical JSON. The app signs SHA-256 of
//! these bytes with the card; the server rebuilds them from what it received, its own identity
//! and the action asked for, and checks the signature, so a captured signature cannot be
//! replayed as another action, for another application or on another server.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::canonical::canonical_json;

/// What precedes the server's challenge in the message the card signs for the usage
/// application, so that signature can never stand for anything else.
pub const USAGE_DOMAIN: &[u8] = b"zairyu-usage-v1\n";

/// What precedes the canonical JSON of a [`SignedContent`] (v2: with the action, the target
/// application and the server).
pub const APPLICATION_DOMAIN: &[u8] = b"zairyu-application-v2\n";

/// What a signature authorises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignedAction {
    /// A new application.
    Submission,
    /// A new version of an application In Return Process (`application_id`).
    Resubmission,
}

impl SignedAction {
    /// The snake_case name, as signed and declared in the metadata.
    pub fn as_str(self) -> &'static str {
        match self {
            SignedAction::Submission => "submission",
            SignedAction::Resubmission => "resubmission",
        }
    }
}

/// The content of one submission, as signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignedContent {
    pub action: SignedAction,
    /// The application a resubmission is a new version of (`None` for a submission).
    #[ts(type = "number | null")]
    pub application_id: Option<i64>,
    /// The server the signature is for: the `server_id` of its `/api/health`.
    pub server_id: String,
    pub procedure_id: String,
    /// The form data (sections of fields).
    #[ts(type = "Record<string, unknown>")]
    pub form: serde_json::Value,
    /// Lower-case hex SHA-256 of the photo's bytes.
    pub photo_sha256: Option<String>,
    /// Every attachment, in the order sent.
    pub attachments: Vec<AttachmentDigest>,
    /// UUID chosen by the client; also the idempotency key.
    pub submission_id: String,
    /// RFC 3339 UTC, e.g. `2026-11-24T10:00:00Z`.
    pub signed_at: String,
    /// Proxy filing (staff of a school or attorney office file for a linked student): the
    /// student's user ID, so the student's signature names whom the application is for.
    /// Absent (and not part of the canonical bytes) when the card holder files for themself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub applicant: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachmentDigest {
    pub name: String,
    pub sha256: String,
}

impl SignedContent {
    /// The canonical bytes (RFC 8785) of this content, prefixed by a domain tag so that the
    /// same signature can never be replayed as another kind of message.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut bytes = APPLICATION_DOMAIN.to_vec();
        bytes.extend(canonical_json(self));
        bytes
    }

    /// SHA-256 of [`Self::canonical_bytes`]: what the card signs.
    pub fn digest(&self) -> [u8; 32] {
        Sha256::digest(self.canonical_bytes()).into()
    }
}

/// Lower-case hex SHA-256 of some bytes (photo and attachment digests).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> SignedContent {
        SignedContent {
            action: SignedAction::Resubmission,
            application_id: Some(42),
            server_id: "zr-0123456789abcdef".into(),
            procedure_id: "extension-of-stay".into(),
            form: json!({"applicant": {"name_en": "LE VAN AN", "sex": "male"}, "work": {"weekly_hours": 20}}),
            photo_sha256: Some(sha256_hex(b"photo")),
            attachments: vec![AttachmentDigest {
                name: "transcript.pdf".into(),
                sha256: sha256_hex(b"pdf"),
            }],
            submission_id: "7f1c7d4e-2a4b-4f6e-9a53-0d3b7c1e5a10".into(),
            signed_at: "2026-11-24T10:00:00Z".into(),
            applicant: None,
        }
    }

    /// Test vector: these exact bytes and this digest on every platform (computed
    /// independently with Python's json + hashlib when the format was fixed).
    #[test]
    fn canonical_bytes_vector() {
        let expected = concat!(
            "zairyu-application-v2\n",
            r#"{"action":"resubmission","application_id":42,"attachments":[{"name":"transcript.pdf","sha256":"c35b21d6ca39aa7cc3b79a705d989f1a6e88b99ab43988d74048799e3db926a3"}],"#,
            r#""form":{"applicant":{"name_en":"LE VAN AN","sex":"male"},"work":{"weekly_hours":20}},"#,
            r#""photo_sha256":"55c64d0fcd6f9d5f7c828093857e3fdfda68478bb4e9bd24d481ef391c7804e8","#,
            r#""procedure_id":"extension-of-stay","server_id":"zr-0123456789abcdef","#,
            r#""signed_at":"2026-11-24T10:00:00Z","#,
            r#""submission_id":"7f1c7d4e-2a4b-4f6e-9a53-0d3b7c1e5a10"}"#
        );
        assert_eq!(
            String::from_utf8(sample().canonical_bytes()).unwrap(),
            expected
        );
        let hex: String = sample()
            .digest()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            hex,
            "81626e1a7a91b9d9d1b3538fd15d5e3c5570e612eb7e8bec5f12c624e729df0e"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn any_change_changes_the_digest() {
        let base = sample().digest();
        for change in [
            |c: &mut SignedContent| c.action = SignedAction::Submission,
            |c: &mut SignedContent| c.application_id = Some(43),
            |c: &mut SignedContent| c.server_id = "zr-another".into(),
        ] {
            let mut other = sample();
            change(&mut other);
            assert_ne!(other.digest(), base);
        }
        let mut other = sample();
        other.form["work"]["weekly_hours"] = json!(21);
        assert_ne!(other.digest(), base);
        let mut reordered = sample();
        reordered.form = serde_json::from_str(
            r#"{"work":{"weekly_hours":20},"applicant":{"sex":"male","name_en":"LE VAN AN"}}"#,
        )
        .unwrap();
        assert_eq!(reordered.digest(), base);
    }
}
