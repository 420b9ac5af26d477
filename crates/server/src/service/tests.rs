//! The service against SQLite in memory, a manual clock and the file outbox: registration,
//! lockout, sessions, the usage application and applications signed by the virtual card,
//! statuses, revisions and who may see what.

#[path = "../../../checks/tests/corpus/mod.rs"]
mod corpus;

use std::sync::Arc;

use base64::Engine;
use myna_card::Card;
use zairyu_card::{session, CertKind, LastTry, PinKind, Secret};
use zairyu_card_sim::{AccessLog, Identity, SimTransport, VirtualCard};

use super::*;
use crate::clock::ManualClock;
use crate::store::SqliteStore;

/// 2026-11-24 10:00 UTC.
const T0: i64 = 1_795_478_400 + 10 * 3600;
const PASSWORD: &str = "Zairyu#2026ok";

struct World {
    dir: tempfile::TempDir,
    seen: std::cell::RefCell<std::collections::HashSet<std::path::PathBuf>>,
    clock: Arc<ManualClock>,
    service: Service,
}

fn world(profile: Profile) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut config = ServerConfig::in_dir(dir.path().to_owned());
    config.profile = profile;
    let clock = Arc::new(ManualClock::new(T0));
    let service =
        Service::with(&config, Arc::new(SqliteStore::in_memory()), clock.clone()).unwrap();
    World {
        dir,
        seen: Default::default(),
        clock,
        service,
    }
}

impl World {
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
        self.service.register(email, email).unwrap();
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
        self.service.confirm_email(&token).unwrap();
        let id = self
            .service
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

    fn user(&self, id: &str) -> User {
        self.service.store.user(id).unwrap().unwrap()
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
    let nonce = w.service.usage_challenge(&user).unwrap();
    let (cert, sig) = card_sign(card, &[USAGE_DOMAIN, nonce.as_bytes()].concat());
    let info =
        serde_json::json!({"residence_card_number": "AB12345678CD", "postal_code": "8748577"});
    w.service
        .usage_apply(&user, &nonce, &cert, &sig, &info)
        .unwrap();
    let again = w
        .service
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
        std::fs::write(w.service.files_dir.join(&sha256), &bytes).unwrap();
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
    };
    let (cert, sig) = card_sign(card, &signed_content(&meta, files).canonical_bytes());
    meta.certificate = cert;
    meta.signature = sig;
    meta
}

#[test]
fn password_rule_of_the_manual() {
    assert!(password_ok("Zairyu#2026ok"));
    assert!(!password_ok("zairyu#2026ok"), "no upper case");
    assert!(!password_ok("Zairyu2026ok"), "no symbol");
    assert!(!password_ok("Zairyu#26"), "too short");
    assert!(!password_ok("Zairyu#2026ok<>"), "a symbol outside the list");
    assert!(!password_ok("Zairyu#2026okZairyu#2026ok"), "too long");
}

#[test]
fn registration_link_is_checked_used_once_and_expires() {
    let w = world(Profile::Demo);
    assert_eq!(
        w.service
            .register("a@example.jp", "b@example.jp")
            .unwrap_err()
            .code,
        "email_mismatch"
    );
    w.service
        .register("lan@example.jp", "lan@example.jp")
        .unwrap();
    let token = w
        .last_mail()
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let complete = |t: &str, p: &str| {
        w.service
            .complete_registration(t, "foreign_national", "NGUYEN THI LAN", "09012345678", p)
    };
    assert_eq!(
        complete(&token, PASSWORD).unwrap_err().code,
        "email_not_confirmed"
    );
    w.service.confirm_email(&token).unwrap();
    assert_eq!(
        complete(&token, "weakpassword").unwrap_err().code,
        "weak_password"
    );
    let id = complete(&token, PASSWORD).unwrap();
    assert!(id.starts_with("ZR") && id.len() == 10);
    assert_eq!(
        complete(&token, PASSWORD).unwrap_err().code,
        "link_invalid",
        "used once"
    );
    w.service
        .register("late@example.jp", "late@example.jp")
        .unwrap();
    let late = w
        .last_mail()
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    w.clock.advance(DAY + 1);
    assert_eq!(
        w.service.confirm_email(&late).unwrap_err().code,
        "link_invalid",
        "24 hours"
    );
}

#[test]
fn five_wrong_passwords_lock_for_a_day_and_sessions_expire() {
    let w = world(Profile::Demo);
    let id = w.register("lan@example.jp");
    for _ in 0..4 {
        assert_eq!(
            w.service.login(&id, "Wrong#password1").unwrap_err().code,
            "login_failed"
        );
    }
    assert_eq!(
        w.service.login(&id, "Wrong#password1").unwrap_err().code,
        "account_locked"
    );
    assert_eq!(
        w.service.login(&id, PASSWORD).unwrap_err().code,
        "account_locked",
        "even the right one"
    );
    w.clock.advance(DAY + 1);
    let token = w.service.login(&id, PASSWORD).unwrap();
    assert_eq!(w.service.session(&token).unwrap().id, id);
    w.clock.advance(8 * 3600 + 1);
    assert_eq!(w.service.session(&token).unwrap_err().code, "not_signed_in");
    let token = w.service.login(&id, PASSWORD).unwrap();
    w.service.logout(&token).unwrap();
    assert_eq!(w.service.session(&token).unwrap_err().code, "not_signed_in");
}

#[test]
fn an_application_from_usage_to_completed_with_a_revision() {
    let w = world(Profile::Demo);
    let id = w.register("lan@example.jp");
    let mut card = card();
    let files = store_files(&w);
    // Before the usage application, the card is not bound to the account.
    let m = meta(&mut card, &files, "sub-1", |_| {});
    assert_eq!(
        w.service.submit(&w.user(&id), &m, &files).unwrap_err().code,
        "forbidden"
    );
    usage(&w, &id, &mut card);
    let app = w.service.submit(&w.user(&id), &m, &files).unwrap();
    assert_eq!(app.status, "application_completed");
    assert!(
        app.temporary_reception_number.starts_with("東オソ認T")
            && app.temporary_reception_number.chars().count() == 13
    );
    assert!(w.last_mail().contains(&app.reference_number));
    // Retrying the same submission never makes a second application.
    assert_eq!(
        w.service.submit(&w.user(&id), &m, &files).unwrap().id,
        app.id
    );
    assert_eq!(w.service.list_for(&w.user(&id), None).unwrap().len(), 1);

    let examiner_id = w
        .service
        .create_account(
            "ex@immi.example.jp",
            "EXAMINER ONE",
            PASSWORD,
            "examiner",
            None,
        )
        .unwrap();
    let ex = w.user(&examiner_id);
    assert_eq!(
        w.service
            .set_status(&ex, app.id, "completed")
            .unwrap_err()
            .code,
        "transition_not_allowed"
    );
    w.service.set_status(&ex, app.id, "under_review").unwrap();
    let returned = w
        .service
        .request_revision(&ex, app.id, "Attach a transcript with this term's grades.")
        .unwrap();
    assert_eq!(returned.status, "in_return_process");
    assert!(w.last_mail().contains("this term"));

    let m2 = meta(&mut card, &files, "sub-2", |f| {
        f["request"]["reason"] = serde_json::json!("成績証明書を差し替えました")
    });
    let resubmitted = w
        .service
        .resubmit(&w.user(&id), app.id, &m2, &files)
        .unwrap();
    assert_eq!(resubmitted.status, "application_completed");
    assert_eq!(resubmitted.versions.len(), 2, "every version is kept");
    assert_eq!(
        resubmitted.versions[0].form["request"]["reason"],
        "大学院での研究を継続するため"
    );
    for s in ["under_review", "awaiting_issuance", "completed"] {
        w.service.set_status(&ex, app.id, s).unwrap();
    }
    assert_eq!(
        w.service
            .application_for(&w.user(&id), app.id)
            .unwrap()
            .status,
        "completed"
    );
    let audit = w.service.store.audit_log(app.id).unwrap();
    assert!(
        audit.iter().filter(|a| a.0 == examiner_id).count() >= 5,
        "{audit:?}"
    );
}

#[test]
fn the_server_trusts_nothing_the_client_says() {
    let w = world(Profile::Demo);
    let id = w.register("lan@example.jp");
    let mut card = card();
    usage(&w, &id, &mut card);
    let files = store_files(&w);
    // Tampered after signing.
    let mut m = meta(&mut card, &files, "sub-1", |_| {});
    m.form["applicant"]["name_en"] = serde_json::json!("SOMEONE ELSE");
    assert_eq!(
        w.service.submit(&w.user(&id), &m, &files).unwrap_err().code,
        "bad_signature"
    );
    // A form the schema refuses, even if signed.
    let m = meta(&mut card, &files, "sub-2", |f| {
        f["applicant"]["residence_card_number"] = serde_json::json!("12345")
    });
    let err = w.service.submit(&w.user(&id), &m, &files).unwrap_err();
    assert_eq!(
        (err.status, err.code.as_str()),
        (422, "form_invalid"),
        "{err:?}"
    );
    // A "photo" that is a PDF.
    let mut bad = files.clone();
    bad[0].sha256 = files[1].sha256.clone();
    let m = meta(&mut card, &bad, "sub-3", |_| {});
    assert_eq!(
        w.service.submit(&w.user(&id), &m, &bad).unwrap_err().code,
        "file_invalid"
    );
    // Terms not agreed.
    let mut m = meta(&mut card, &files, "sub-4", |_| {});
    m.agreed_to_terms = false;
    assert_eq!(
        w.service.submit(&w.user(&id), &m, &files).unwrap_err().code,
        "terms_not_agreed"
    );
}

#[test]
fn a_practice_card_is_refused_in_production() {
    let w = world(Profile::Production);
    let id = w.register("lan@example.jp");
    let user = w.user(&id);
    let nonce = w.service.usage_challenge(&user).unwrap();
    let (cert, sig) = card_sign(&mut card(), &[USAGE_DOMAIN, nonce.as_bytes()].concat());
    let err = w
        .service
        .usage_apply(
            &user,
            &nonce,
            &cert,
            &sig,
            &serde_json::json!({"residence_card_number": "AB12345678CD"}),
        )
        .unwrap_err();
    assert_eq!(err.code, "untrusted_certificate");
}

#[test]
fn who_may_see_and_do_what() {
    let w = world(Profile::Demo);
    let a = w.register("a@example.jp");
    let b = w.register("b@example.jp");
    let mut card = card();
    usage(&w, &a, &mut card);
    let files = store_files(&w);
    let app = w
        .service
        .submit(&w.user(&a), &meta(&mut card, &files, "s", |_| {}), &files)
        .unwrap();
    assert_eq!(
        w.service
            .application_for(&w.user(&b), app.id)
            .unwrap_err()
            .code,
        "not_found"
    );
    assert!(w.service.list_for(&w.user(&b), None).unwrap().is_empty());
    assert_eq!(
        w.service.examiner_list(&w.user(&a), None).unwrap_err().code,
        "forbidden"
    );
    assert_eq!(
        w.service
            .set_status(&w.user(&a), app.id, "under_review")
            .unwrap_err()
            .code,
        "forbidden"
    );
    // Staff of another organisation may not submit for the student.
    let staff = w
        .service
        .create_account(
            "staff@uni.example.jp",
            "STAFF ONE",
            PASSWORD,
            "applicant",
            Some("Other University"),
        )
        .unwrap();
    let mut m = meta(&mut card, &files, "t", |_| {});
    m.for_user = Some(a.clone());
    assert_eq!(
        w.service
            .submit(&w.user(&staff), &m, &files)
            .unwrap_err()
            .code,
        "forbidden"
    );
}

#[test]
fn my_page_favorites_password_reset_and_receipt_method() {
    let w = world(Profile::Demo);
    let id = w.register("lan@example.jp");
    let user = w.user(&id);
    assert_eq!(
        w.service
            .set_favorite(&user, "extension-of-stay", true)
            .unwrap(),
        ["extension-of-stay"]
    );
    assert_eq!(
        w.service
            .set_favorite(&user, "nope", true)
            .unwrap_err()
            .code,
        "not_found"
    );
    assert!(w
        .service
        .set_favorite(&user, "extension-of-stay", false)
        .unwrap()
        .is_empty());
    assert_eq!(
        w.service
            .change_profile(&user, "874-8577", "別府市", "0977")
            .unwrap_err()
            .code,
        "bad_postal_code"
    );
    w.service
        .change_profile(&user, "8748577", "大分県別府市十文字原1-1", "0977781111")
        .unwrap();
    assert_eq!(
        w.service.store.profile(&id).unwrap().0.as_deref(),
        Some("8748577")
    );

    // Forgotten password: only the right user ID + address get a code; it works once.
    w.service.forgot_password(&id, "other@example.jp").unwrap();
    assert!(w.last_mail().is_empty(), "no mail for a wrong pair");
    w.service.forgot_password(&id, "lan@example.jp").unwrap();
    let code = w
        .last_mail()
        .split("once): ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    w.service.reset_password(&code, "Another#Pass1").unwrap();
    assert_eq!(
        w.service
            .reset_password(&code, "Another#Pass2")
            .unwrap_err()
            .code,
        "link_invalid"
    );
    w.service.login(&id, "Another#Pass1").unwrap();

    // Change of method of receipt refers to the temporary reception number.
    let mut card = card();
    usage(&w, &id, &mut card);
    let files = store_files(&w);
    let app = w
        .service
        .submit(&w.user(&id), &meta(&mut card, &files, "r", |_| {}), &files)
        .unwrap();
    let form = serde_json::json!({"change": {"reception_number": app.temporary_reception_number, "method": "counter", "office": "fukuoka"}});
    w.service
        .change_receipt_method(&w.user(&id), &form)
        .unwrap();
    let other = w.register("b@example.jp");
    assert_eq!(
        w.service
            .change_receipt_method(&w.user(&other), &form)
            .unwrap_err()
            .code,
        "not_found"
    );
    let bad = serde_json::json!({"change": {"reception_number": app.temporary_reception_number, "method": "counter"}});
    assert_eq!(
        w.service
            .change_receipt_method(&w.user(&id), &bad)
            .unwrap_err()
            .code,
        "form_invalid"
    );
}

#[test]
fn email_change_reuse_window_and_organisation_staff() {
    let w = world(Profile::Demo);
    let id = w.register("lan@example.jp");
    w.service
        .change_email(&w.user(&id), "lan@new.example.jp", "lan@new.example.jp")
        .unwrap();
    let mail = w.last_mail();
    let code = mail
        .split("once): ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        w.user(&id).email,
        "lan@example.jp",
        "unchanged until the link is opened"
    );
    w.service.confirm_email_change(&code).unwrap();
    assert_eq!(w.user(&id).email, "lan@new.example.jp");
    assert_eq!(
        w.service.confirm_email_change(&code).unwrap_err().code,
        "link_invalid"
    );

    // A student of "APU" and a staff member of "APU": the staff member sees the student's application.
    let mut card = card();
    let user = w.user(&id);
    let nonce = w.service.usage_challenge(&user).unwrap();
    let (cert, sig) = card_sign(&mut card, &[USAGE_DOMAIN, nonce.as_bytes()].concat());
    w.service
        .usage_apply(
            &user,
            &nonce,
            &cert,
            &sig,
            &serde_json::json!({"residence_card_number": "AB12345678CD", "organisation": "APU"}),
        )
        .unwrap();
    let files = store_files(&w);
    let app = w
        .service
        .submit(&w.user(&id), &meta(&mut card, &files, "s", |_| {}), &files)
        .unwrap();
    let staff = w
        .service
        .create_account(
            "staff@apu.example.jp",
            "STAFF ONE",
            PASSWORD,
            "applicant",
            Some("APU"),
        )
        .unwrap();
    let elsewhere = w
        .service
        .create_account(
            "staff@other.example.jp",
            "STAFF TWO",
            PASSWORD,
            "applicant",
            Some("Other"),
        )
        .unwrap();
    assert_eq!(w.service.list_for(&w.user(&staff), None).unwrap().len(), 1);
    assert!(w.service.application_for(&w.user(&staff), app.id).is_ok());
    assert!(w
        .service
        .list_for(&w.user(&elsewhere), None)
        .unwrap()
        .is_empty());
    assert_eq!(
        w.service
            .application_for(&w.user(&elsewhere), app.id)
            .unwrap_err()
            .code,
        "not_found"
    );

    // Reuse: within two years, not after.
    assert_eq!(w.service.reusable(&w.user(&id)).unwrap().len(), 1);
    w.clock.advance(2 * 365 * DAY + DAY);
    assert!(w.service.reusable(&w.user(&id)).unwrap().is_empty());
}

/// Who may do what to one application, as a table: applicant A (its owner), applicant B,
/// staff of A's organisation (X) and of another (Y), an examiner (E).
#[test]
fn authorization_matrix() {
    let w = world(Profile::Demo);
    let a = w.register("a@example.jp");
    let b = w.register("b@example.jp");
    let mut card = card();
    let user = w.user(&a);
    let nonce = w.service.usage_challenge(&user).unwrap();
    let (cert, sig) = card_sign(&mut card, &[USAGE_DOMAIN, nonce.as_bytes()].concat());
    w.service
        .usage_apply(
            &user,
            &nonce,
            &cert,
            &sig,
            &serde_json::json!({"residence_card_number": "AB12345678CD", "organisation": "APU"}),
        )
        .unwrap();
    let files = store_files(&w);
    let app = w
        .service
        .submit(&w.user(&a), &meta(&mut card, &files, "s", |_| {}), &files)
        .unwrap();
    let x = w
        .service
        .create_account(
            "x@apu.example.jp",
            "STAFF X",
            PASSWORD,
            "applicant",
            Some("APU"),
        )
        .unwrap();
    let y = w
        .service
        .create_account(
            "y@other.example.jp",
            "STAFF Y",
            PASSWORD,
            "applicant",
            Some("Other"),
        )
        .unwrap();
    let e = w
        .service
        .create_account(
            "e@immi.example.jp",
            "EXAMINER E",
            PASSWORD,
            "examiner",
            None,
        )
        .unwrap();
    let sha = files[1].sha256.clone();
    let receipt = serde_json::json!({"change": {"reception_number": app.temporary_reception_number, "method": "mail"}});

    type Op<'a> = Box<dyn Fn(&User) -> bool + 'a>;
    let ops: Vec<(&str, Op)> = vec![
        (
            "view",
            Box::new(|u: &User| w.service.application_for(u, app.id).is_ok()),
        ),
        (
            "listed",
            Box::new(|u: &User| {
                w.service
                    .list_for(u, None)
                    .unwrap()
                    .iter()
                    .any(|x| x.id == app.id)
            }),
        ),
        (
            "receipt",
            Box::new(|u: &User| w.service.change_receipt_method(u, &receipt).is_ok()),
        ),
        (
            "examiner list",
            Box::new(|u: &User| w.service.examiner_list(u, None).is_ok()),
        ),
        (
            "examiner view",
            Box::new(|u: &User| w.service.examiner_view(u, app.id).is_ok()),
        ),
        (
            "download",
            Box::new(|u: &User| w.service.examiner_file(u, app.id, &sha).is_ok()),
        ),
    ];
    //                      view   listed receipt ex-list ex-view download
    let expected = [
        (&a, [true, true, true, false, false, false]),
        (&b, [false, false, false, false, false, false]),
        (&x, [true, true, false, false, false, false]),
        (&y, [false, false, false, false, false, false]),
        (&e, [true, false, false, true, true, true]),
    ];
    for (who, allowed) in expected {
        let u = w.user(who);
        for ((name, op), want) in ops.iter().zip(allowed) {
            assert_eq!(op(&u), want, "{} ({}) {name}", u.name_en, u.role);
        }
    }
    // Moving statuses: only the examiner; every examiner action is in the audit trail.
    for who in [&a, &b, &x, &y] {
        assert_eq!(
            w.service
                .set_status(&w.user(who), app.id, "under_review")
                .unwrap_err()
                .code,
            "forbidden"
        );
        assert_eq!(
            w.service
                .request_revision(&w.user(who), app.id, "m")
                .unwrap_err()
                .code,
            "forbidden"
        );
    }
    w.service
        .set_status(&w.user(&e), app.id, "under_review")
        .unwrap();
    let actions: Vec<String> = w
        .service
        .store
        .audit_log(app.id)
        .unwrap()
        .into_iter()
        .filter(|r| r.0 == e)
        .map(|r| r.1)
        .collect();
    assert_eq!(actions, ["view", "download", "set_status"]);
}
