//! The reception office against SQLite in memory, a manual clock and the file outbox: registration,
//! lockout, sessions, the usage application and applications signed by the virtual card,
//! statuses, revisions and who may see what.

use std::sync::Arc;

use base64::Engine;
use myna_card::Card;
use zairyu_card::{session, CertKind, LastTry, PinKind, Secret};
use zairyu_card_sim::{AccessLog, Identity, SimTransport, VirtualCard};
use zairyu_testkit::corpus;

use sha2::{Digest, Sha256};

use super::signatures::{signed_content, Purpose};
use super::*;
use crate::clock::ManualClock;
use crate::store::{SqliteStore, UserRow};

mod access;
mod accounts;
mod manual;
mod organisations;
mod submissions;

/// 2026-11-24 10:00 UTC.
const T0: i64 = 1_795_478_400 + 10 * 3600;
const PASSWORD: &str = "Zairyu#2026ok";
/// The office's `server_id` in these tests.
const SERVER_ID: &str = "zr-test-office";

struct World {
    dir: tempfile::TempDir,
    seen: std::cell::RefCell<std::collections::HashSet<std::path::PathBuf>>,
    clock: Arc<ManualClock>,
    office: ReceptionOffice,
}

fn world(profile: TrustProfile) -> World {
    world_with(profile, |_| {})
}

/// [`world`] with a change to the configuration.
fn world_with(profile: TrustProfile, change: impl FnOnce(&mut ServerConfig)) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut config = ServerConfig::in_dir(dir.path().to_owned());
    change(&mut config);
    config.profile = profile;
    config.server_id = Some(SERVER_ID.into());
    let clock = Arc::new(ManualClock::new(T0));
    let office =
        ReceptionOffice::with(&config, Arc::new(SqliteStore::in_memory()), clock.clone()).unwrap();
    World {
        dir,
        seen: Default::default(),
        clock,
        office,
    }
}

impl World {
    /// The (recipient, text) of each outbox message that arrived since the last call.
    fn new_mails(&self) -> Vec<(String, String)> {
        let mut seen = self.seen.borrow_mut();
        let mut mails = Vec::new();
        for entry in std::fs::read_dir(self.dir.path().join("outbox"))
            .unwrap()
            .flatten()
        {
            if seen.insert(entry.path()) {
                let eml = std::fs::read_to_string(entry.path()).unwrap();
                let to = eml
                    .lines()
                    .find_map(|l| l.strip_prefix("To:"))
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                mails.push((to, crate::mail::eml_text(&eml)));
            }
        }
        mails
    }

    /// The text of the outbox messages that arrived since the last call.
    fn last_mail(&self) -> String {
        let mut seen = self.seen.borrow_mut();
        let mut text = String::new();
        for entry in std::fs::read_dir(self.dir.path().join("outbox"))
            .unwrap()
            .flatten()
        {
            if seen.insert(entry.path()) {
                text.push_str(&crate::mail::eml_text(
                    &std::fs::read_to_string(entry.path()).unwrap(),
                ));
            }
        }
        text
    }

    fn register(&self, email: &str) -> String {
        self.office.register(email, email).unwrap();
        let mail = self.last_mail();
        assert!(mail.contains("token="), "{mail}");
        let token = mail
            .split("token=")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned();
        self.office.confirm_email(&token).unwrap();
        let id = self
            .office
            .complete_registration(
                &token,
                "foreign_national",
                "NGUYEN THI LAN",
                "09012345678",
                PASSWORD,
            )
            .unwrap();
        assert!(self.last_mail().contains(&id));
        id
    }

    fn user(&self, id: &str) -> UserRow {
        self.office.store.user(id).unwrap().unwrap()
    }
}

fn card() -> Card<SimTransport> {
    Card::new(SimTransport::new(VirtualCard::new(
        &Identity::default(),
        AccessLog::default(),
    )))
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Signs `message` with the virtual card's user-authentication key; (certificate, signature).
fn card_sign(card: &mut Card<SimTransport>, message: &[u8]) -> (String, String) {
    let cert = session::read_certificate(card, CertKind::Auth, None, LastTry::Refuse).unwrap();
    let digest: [u8; 32] = Sha256::digest(message).into();
    let mut pin = Secret::new(PinKind::Auth, "1234").unwrap();
    let signature =
        session::sign(card, CertKind::Auth, &digest, &mut pin, LastTry::Refuse).unwrap();
    (b64(&cert), b64(&signature))
}

fn usage(w: &World, id: &str, card: &mut Card<SimTransport>) {
    let user = w.user(id);
    let nonce = w.office.usage_challenge(&user).unwrap();
    let (cert, sig) = card_sign(card, &[USAGE_DOMAIN, nonce.as_bytes()].concat());
    // Manual 3.2 step 15: a postal code that is not 7 digits is refused (and binds nothing).
    let bad_nonce = w.office.usage_challenge(&user).unwrap();
    let (bad_cert, bad_sig) = card_sign(card, &[USAGE_DOMAIN, bad_nonce.as_bytes()].concat());
    let bad = serde_json::json!({"residence_card_number": "AB12345678CD", "postal_code": "874", "name_en": "NGUYEN THI LAN"});
    let refused = w
        .office
        .usage_apply(&user, &bad_nonce, &bad_cert, &bad_sig, &bad)
        .unwrap_err();
    assert_eq!(
        (refused.status, refused.code.as_str()),
        (422, "form_invalid")
    );
    let info = serde_json::json!({
        "residence_card_number": "AB12345678CD", "postal_code": "8748577",
        "name_en": "NGUYEN THI LAN", "telephone": "09012345678"
    });
    w.office
        .usage_apply(&user, &nonce, &cert, &sig, &info)
        .unwrap();
    let again = w
        .office
        .usage_apply(&user, &nonce, &cert, &sig, &info)
        .unwrap_err();
    assert_eq!(again.code, "challenge_invalid", "a challenge works once");
}

/// Files stored as the HTTP layer stores them: a photo and the seven required PDFs.
fn store_files(w: &World) -> Vec<StoredFile> {
    let mut files = Vec::new();
    let mut put = |name: &str, kind: &str, bytes: Vec<u8>| {
        let sha256: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        std::fs::write(w.office.files_dir.join(&sha256), &bytes).unwrap();
        files.push(StoredFile {
            name: name.into(),
            sha256,
            bytes: bytes.len() as u64,
            kind: kind.into(),
        });
    };
    put(
        "photo.jpg",
        "photo",
        std::fs::read(corpus::path("photo_good.jpg")).unwrap(),
    );
    let pdf = std::fs::read(corpus::path("pdf_good.pdf")).unwrap();
    for (i, name) in [
        "receipt",
        "organization",
        "transcript",
        "enrollment",
        "list",
        "support",
        "funds",
    ]
    .iter()
    .enumerate()
    {
        // Distinct files: the same PDF with a different trailing comment each.
        let mut bytes = pdf.clone();
        bytes.extend(format!("% copy {i}\n").as_bytes());
        put(&format!("{name}.pdf"), "attachment", bytes);
    }
    files
}

fn meta(
    card: &mut Card<SimTransport>,
    files: &[StoredFile],
    submission_id: &str,
    tweak: impl FnOnce(&mut serde_json::Value),
) -> SubmissionMeta {
    meta_for(
        card,
        files,
        submission_id,
        Purpose::SUBMISSION,
        SERVER_ID,
        tweak,
    )
}

/// What the app sends for `purpose`, signed for the server `server_id`.
fn meta_for(
    card: &mut Card<SimTransport>,
    files: &[StoredFile],
    submission_id: &str,
    purpose: Purpose,
    server_id: &str,
    tweak: impl FnOnce(&mut serde_json::Value),
) -> SubmissionMeta {
    let mut form: serde_json::Value = serde_json::from_str(include_str!(
        "../../../forms/tests/fixtures/extension-complete.json"
    ))
    .unwrap();
    tweak(&mut form);
    let mut meta = SubmissionMeta {
        procedure_id: "extension-of-stay".into(),
        submission_id: submission_id.into(),
        signed_at: "2026-11-24T10:00:00Z".into(),
        form,
        certificate: String::new(),
        signature: String::new(),
        for_user: None,
        agreed_to_terms: true,
        action: Some(purpose.action.as_str().into()),
        application_id: purpose.application_id,
        server_id: Some(server_id.into()),
        files: files
            .iter()
            .map(|f| zairyu_wire::SignedFile {
                kind: f.kind.clone(),
                name: f.name.clone(),
                sha256: f.sha256.clone(),
            })
            .collect(),
    };
    let (cert, sig) = card_sign(
        card,
        &signed_content(&meta, files, purpose, server_id).canonical_bytes(),
    );
    meta.certificate = cert;
    meta.signature = sig;
    meta
}
