//! The app layer against a real reception server (started in-process on a loopback port):
//! registration with the code from the outbox, sign-in, the usage application signed by the
//! practice card, an extension of period of stay signed and filed, the offline queue that
//! sends a signed submission exactly once after the server comes back, and a resubmission
//! after the examiner's request for revision.

mod support;

use std::path::Path;

use zairyu_app::{
    App, ApplicationStatus, MemoryVault, Profile, Registration, SessionVault as _, SubmitOutcome,
    UsageInfo, PRACTICE_READER,
};

const PASSWORD: &str = "Zairyu#2026ok";

/// The text of the newest e-mail in the server's outbox.
fn newest_mail(server_data: &Path) -> String {
    let (_, body) = zairyu_server::mail::outbox_messages(&server_data.join("outbox"), 1)
        .pop()
        .expect("a mail was sent");
    body
}

/// The word after `marker` in an e-mail (its code).
fn code_after(mail: &str, marker: &str) -> String {
    mail.split(marker)
        .nth(1)
        .expect("the mail carries a code")
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// The code of the newest registration e-mail in the server's outbox.
fn code_from_outbox(server_data: &Path) -> String {
    code_after(&newest_mail(server_data), "paste this code into Zairyu: ")
}

/// The server's service on its data folder, and an examiner account in it.
fn examiner(
    server_data: &Path,
) -> (
    zairyu_server::ReceptionOffice,
    zairyu_server::store::UserRow,
) {
    let office = zairyu_server::ReceptionOffice::open(&zairyu_server::ServerConfig::in_dir(
        server_data.to_owned(),
    ))
    .unwrap();
    let id = office
        .create_examiner("ex@example.jp", "EXAMINER", PASSWORD)
        .unwrap();
    let user = office.examiner_account(&id).unwrap();
    (office, user)
}

/// The one-time code in a password-reset or address-change e-mail.
fn code_in_mail(mail: &str) -> String {
    code_after(mail, "(24 hours, once): ")
}

/// The newest e-mail that carries a one-time code (an address change also tells the old
/// address, after the code went to the new one).
fn newest_code_mail(server_data: &Path) -> String {
    zairyu_server::mail::outbox_messages(&server_data.join("outbox"), 5)
        .into_iter()
        .map(|(_, body)| body)
        .find(|body| body.contains("(24 hours, once): "))
        .expect("a mail with a code was sent")
}

fn start_server(dir: &Path, listen: &str) -> String {
    let mut config = zairyu_server::ServerConfig::demo_in_dir(dir.to_owned());
    config.listen = listen.to_owned();
    let addr = zairyu_server::spawn(config).unwrap();
    format!("http://{addr}")
}

fn fill_extension(app: &App, id: &str, scratch: &Path) {
    support::extension::fill_in_app(app, id, scratch);
    // Manual 4.2.8: a second bank statement, its own file of the same document item.
    let second = std::fs::read(support::extension::pdf(scratch, "bank-2")).unwrap();
    let state = app
        .add_slot_file(id, "attachments.proof_of_funds", "bank-2.pdf", &second)
        .unwrap();
    assert_eq!(
        state.meta.form["attachments"]["proof_of_funds"],
        "proof_of_funds.pdf, bank-2.pdf"
    );
}

#[test]
fn register_apply_for_usage_file_queue_and_resubmit() {
    let server_dir = tempfile::tempdir().unwrap();
    let app_dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let url = start_server(server_dir.path(), "127.0.0.1:0");
    let app = App::open(app_dir.path(), Profile::Demo)
        .unwrap()
        .with_vault(Box::new(MemoryVault::default()));

    // No server chosen yet.
    assert_eq!(app.session().unwrap_err().code(), "no_server");
    app.set_bundled_server(&url);
    assert!(app.session().unwrap().account.is_none());

    // Registration: e-mail twice, the code from the e-mail, then the details.
    assert_eq!(
        app.register("lan@example.jp", "lan@example.com", true)
            .unwrap_err()
            .code(),
        "email_mismatch"
    );
    app.register("lan@example.jp", "lan@example.jp", true)
        .unwrap();
    let code = code_from_outbox(server_dir.path());
    let link = format!("{url}/register?token={code}");
    assert_eq!(app.confirm_email(&link).unwrap(), "lan@example.jp");
    let user_id = app
        .complete_registration(&Registration {
            code: code.clone(),
            user_type: "foreign_national".into(),
            name_en: "NGUYEN THI LAN".into(),
            telephone: "09012345678".into(),
            password: PASSWORD.into(),
        })
        .unwrap();
    assert_eq!(
        app.sign_in(&user_id, "Wrong#2026ok").unwrap_err().code(),
        "login_failed"
    );
    let session = app.sign_in(&user_id, PASSWORD).unwrap();
    // The background watch's first look, before any application exists.
    assert!(app.status_changes().unwrap().is_empty());
    let account = session.account.unwrap();
    assert_eq!(account.user_id, user_id);
    assert!(!account.usage_application_done);

    // The usage application with the practice card: basic four, then the signed challenge.
    app.insert_practice_card().unwrap();
    let four = app
        .read_basic_four(Some(PRACTICE_READER), "1234", false)
        .unwrap();
    let info = UsageInfo {
        name: four.name.clone(),
        address: four.address.clone(),
        birth_date: four.birth_date.clone(),
        sex: "female".into(),
        residence_card_number: "AB12345678CD".into(),
        organisation: None,
        name_en: "NGUYEN THI LAN".into(),
        postal_code: "874-8577".into(),
        telephone: "09012345678".into(),
    };
    // Manual 3.2 step 15: a form missing its postal code costs no PIN try.
    let missing = UsageInfo {
        postal_code: String::new(),
        ..info.clone()
    };
    assert_eq!(
        app.apply_for_usage(Some(PRACTICE_READER), "1234", false, &missing)
            .unwrap_err()
            .code(),
        "draft_not_ready"
    );
    assert_eq!(
        app.apply_for_usage(Some(PRACTICE_READER), "9999", false, &info)
            .unwrap_err()
            .code(),
        "pin_wrong"
    );
    let session = app
        .apply_for_usage(Some(PRACTICE_READER), "1234", false, &info)
        .unwrap();
    assert!(session.account.unwrap().usage_application_done);

    // A draft with problems is refused before the card is touched.
    let draft = app.create_draft("extension-of-stay").unwrap();
    let tries_before = app
        .card_status(Some(PRACTICE_READER))
        .unwrap()
        .auth_pin_tries;
    assert_eq!(
        app.submit_draft(&draft.id, Some(PRACTICE_READER), "0000", false, None)
            .unwrap_err()
            .code(),
        "draft_not_ready"
    );
    assert_eq!(
        app.card_status(Some(PRACTICE_READER))
            .unwrap()
            .auth_pin_tries,
        tries_before,
        "no try spent"
    );

    fill_extension(&app, &draft.id, scratch.path());
    let outcome = app
        .submit_draft(&draft.id, Some(PRACTICE_READER), "1234", false, None)
        .unwrap();
    let SubmitOutcome::Sent { receipt } = outcome else {
        panic!("expected the application filed: {outcome:?}");
    };
    assert!(receipt.application.reference_number.starts_with("ZR-"));
    // The receipt mail goes to the form's notification address and to the account's.
    for to in ["le.van.an@example.jp", "lan@example.jp"] {
        assert!(
            support::reception::mails_to(server_dir.path(), to)
                .iter()
                .any(|m| m.contains(&receipt.application.temporary_reception_number)),
            "no receipt mail to {to}"
        );
    }
    assert_eq!(
        receipt.application.status,
        ApplicationStatus::ApplicationCompleted
    );
    assert!(app.queued_submissions().is_empty());
    assert_eq!(app.receipts().len(), 1);
    assert!(app.draft(&draft.id).unwrap().meta.submitted.is_some());
    let listed = app.applications().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, receipt.application.id);
    // A new application is remembered, not announced; nothing needs attention yet.
    assert!(app.status_changes().unwrap().is_empty());
    let calm = app.attention().unwrap();
    assert!(!calm.statuses_unknown);
    assert_eq!(calm.applications, listed, "home lists what the server has");
    assert!(calm.revision_requests.is_empty());

    // The examiner returns it for revision; the student resubmits a new signed version.
    let (service, examiner) = examiner(server_dir.path());
    service
        .set_status(&examiner, receipt.application.id, "under_review")
        .unwrap();
    service
        .request_revision(
            &examiner,
            receipt.application.id,
            "Attach a clearer transcript.",
        )
        .unwrap();
    // The background watch sees the change once (the desktop notification), and the home
    // screen puts the request first with the draft to change.
    let changes = app.status_changes().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].previous, ApplicationStatus::ApplicationCompleted);
    assert_eq!(
        changes[0].application.status,
        ApplicationStatus::InReturnProcess
    );
    assert!(changes[0]
        .notification(zairyu_app::Language::En)
        .1
        .contains("In Return Process"));
    assert!(app.status_changes().unwrap().is_empty(), "told once");
    let attention = app.attention().unwrap();
    assert_eq!(attention.revision_requests.len(), 1);
    assert_eq!(
        attention.revision_requests[0].draft_id.as_deref(),
        Some(draft.id.as_str())
    );
    let returned = app.applications().unwrap();
    assert_eq!(returned[0].status, ApplicationStatus::InReturnProcess);
    assert_eq!(
        returned[0].revision_request.as_deref(),
        Some("Attach a clearer transcript.")
    );
    // Another computer, without the draft or the receipt: the details with the status history,
    // each file downloadable, the past application list and its reuse, and a draft to change
    // the returned application, all from what the server keeps (manual 5.1, 5.2, 6.3).
    let other_dir = tempfile::tempdir().unwrap();
    let other = App::open(other_dir.path(), Profile::Demo)
        .unwrap()
        .with_vault(Box::new(MemoryVault::default()));
    other.set_bundled_server(&url);
    other.sign_in(&user_id, PASSWORD).unwrap();
    let id = receipt.application.id;
    let details = other.application_details(id).unwrap();
    assert_eq!(
        details.application.reference_number,
        receipt.application.reference_number
    );
    assert_eq!(details.applicant_name, "NGUYEN THI LAN");
    assert_eq!(
        details.history.iter().map(|h| h.status).collect::<Vec<_>>(),
        [
            ApplicationStatus::Pending,
            ApplicationStatus::ApplicationCompleted,
            ApplicationStatus::UnderReview,
            ApplicationStatus::InReturnProcess
        ]
    );
    let photo = details.files.iter().find(|f| f.kind == "photo").unwrap();
    // Each file its own signed part, the two of one document item included.
    assert_eq!(details.files.len(), 2 + support::extension::PDF_SLOTS.len());
    assert!(details.files.iter().any(|f| f.name == "bank-2.pdf"));
    assert_eq!(
        details.form["attachments"]["proof_of_funds"],
        "proof_of_funds.pdf, bank-2.pdf"
    );
    let saved = other.download_application_file(id, &photo.sha256).unwrap();
    let bytes = std::fs::read(&saved).unwrap();
    assert_eq!(bytes.len() as u64, photo.bytes);
    assert!(
        saved.starts_with(&other_dir.path().display().to_string()),
        "{saved}"
    );
    let number = &receipt.application.temporary_reception_number;
    assert_eq!(
        other.past_applications(number, "extension", "").unwrap()[0].id,
        id
    );
    assert!(other
        .past_applications("", "no-such-procedure-word", "")
        .unwrap()
        .is_empty());
    assert_eq!(
        other.past_applications("", "", "2026").unwrap_err().code(),
        "bad_date"
    );
    let reused = other.reuse_application(id).unwrap();
    assert_eq!(
        reused.meta.reused_from.as_deref(),
        Some(receipt.application.reference_number.as_str())
    );
    let revision = other.draft_for_revision(id).unwrap();
    assert_eq!(revision.meta.form["contact"], details.form["contact"]);
    // What is left to do there is attaching the files again.
    assert!(
        revision
            .report
            .findings
            .iter()
            .filter(|f| f.severity == zairyu_app::Severity::Error)
            .all(|f| f.path.starts_with("attachments.") || f.path.is_empty()),
        "{:?}",
        revision.report.findings
    );
    // Issue 15 item 11: the returned application is resubmitted from this computer, which
    // never held the original draft: the files attached again, signed with the card.
    fill_extension(&other, &revision.id, scratch.path());
    app.carry_practice_card_to(&other);
    let again = other
        .submit_draft(
            &revision.id,
            Some(PRACTICE_READER),
            "1234",
            false,
            Some(receipt.application.id),
        )
        .unwrap();
    let SubmitOutcome::Sent { receipt: resent } = again else {
        panic!("{again:?}");
    };
    assert_eq!(resent.application.id, receipt.application.id);
    // The server keeps each version: the first and the one sent from the other computer.
    let kept = other.application_details(id).unwrap();
    assert_eq!(kept.versions, 2);
    other.sign_out().unwrap();
    assert_eq!(
        app.applications().unwrap()[0].status,
        ApplicationStatus::ApplicationCompleted
    );
    // Change of the method of receipt: a form referring to the temporary reception number,
    // sent without the card.
    let change = app.create_draft("change-of-receipt-method").unwrap();
    app.set_draft_field(
        &change.id,
        "change.reception_number",
        &receipt.application.temporary_reception_number,
    )
    .unwrap();
    app.set_draft_field(&change.id, "change.classification", "method")
        .unwrap();
    app.set_draft_field(&change.id, "change.number_kind", "temporary_receipt_number")
        .unwrap();
    app.set_draft_field(&change.id, "change.method", "counter")
        .unwrap();
    app.set_draft_field(&change.id, "change.office", "fukuoka")
        .unwrap();
    let tries = app
        .card_status(Some(PRACTICE_READER))
        .unwrap()
        .auth_pin_tries;
    let changed = app.submit_draft(&change.id, None, "", false, None).unwrap();
    let SubmitOutcome::Sent { receipt: changed } = changed else {
        panic!("{changed:?}");
    };
    assert_eq!(changed.application.id, receipt.application.id);
    // What changed is mailed (to the form's notification address as well).
    let told = support::reception::mails_to(server_dir.path(), "le.van.an@example.jp");
    let told = told.last().unwrap();
    assert!(
        told.contains("Method of receipt now: Regional office counter (Fukuoka Regional Immigration Services Bureau)"),
        "{told}"
    );
    assert!(told.contains("Classification of change: Change of the method of receipt"));
    assert_eq!(
        app.card_status(Some(PRACTICE_READER))
            .unwrap()
            .auth_pin_tries,
        tries,
        "no card involved"
    );

    // My page: the profile and the password.
    assert_eq!(
        app.change_profile("874-8577", "", "09012345678")
            .unwrap_err()
            .code(),
        "bad_address"
    );
    app.change_profile("874-8577", "大分県別府市十文字原1-1", "09012345678")
        .unwrap();
    app.change_password(PASSWORD, "Zairyu#2027ok").unwrap();
    app.sign_out().unwrap();
    assert_eq!(
        app.sign_in(&user_id, PASSWORD).unwrap_err().code(),
        "login_failed"
    );
    app.sign_in(&user_id, "Zairyu#2027ok").unwrap();

    // My page: favorites, kept on the server.
    assert_eq!(
        app.set_favorite("no-such-procedure", true)
            .unwrap_err()
            .code(),
        "unknown_procedure"
    );
    assert_eq!(
        app.set_favorite("extension-of-stay", true).unwrap(),
        ["extension-of-stay"]
    );
    assert_eq!(app.favorites().unwrap(), ["extension-of-stay"]);
    assert!(app
        .set_favorite("extension-of-stay", false)
        .unwrap()
        .is_empty());

    // My page: a new e-mail address, confirmed with the code sent to it; a wrong code
    // leaves the old address.
    app.change_email("lan@new.example.jp", "lan@new.example.jp", "Zairyu#2027ok")
        .unwrap();
    let code = code_in_mail(&newest_code_mail(server_dir.path()));
    assert_eq!(
        app.confirm_email_change("not-the-code").unwrap_err().code(),
        "link_invalid"
    );
    assert_eq!(
        app.session().unwrap().account.unwrap().email,
        "lan@example.jp"
    );
    assert_eq!(
        app.confirm_email_change(&code).unwrap(),
        "lan@new.example.jp"
    );
    assert_eq!(
        app.session().unwrap().account.unwrap().email,
        "lan@new.example.jp"
    );

    // Forgotten password: a code by e-mail, then a new password.
    app.sign_out().unwrap();
    app.forgot_password(&user_id, "lan@new.example.jp").unwrap();
    let code = code_in_mail(&newest_mail(server_dir.path()));
    assert_eq!(
        app.reset_password(&code, "weak").unwrap_err().code(),
        "weak_password"
    );
    app.reset_password(&code, "Zairyu#2028ok").unwrap();
    app.sign_in(&user_id, "Zairyu#2028ok").unwrap();
}

#[test]
fn a_submission_signed_offline_waits_and_is_sent_exactly_once() {
    let server_dir = tempfile::tempdir().unwrap();
    let app_dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    // A port that is free now and will be the server's later.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");

    // Set up the account while the server runs in a first process-like life: a server on
    // another port with the same data folder.
    let first = start_server(server_dir.path(), "127.0.0.1:0");
    let vault = std::sync::Arc::new(MemoryVault::default());
    let app = App::open(app_dir.path(), Profile::Demo)
        .unwrap()
        .with_vault(Box::new(SharedVault(vault.clone())));
    app.set_bundled_server(&first);
    app.register("an@example.jp", "an@example.jp", true)
        .unwrap();
    let code = code_from_outbox(server_dir.path());
    app.confirm_email(&code).unwrap();
    let user_id = app
        .complete_registration(&Registration {
            code,
            user_type: "foreign_national".into(),
            name_en: "LE VAN AN".into(),
            telephone: "09012345678".into(),
            password: PASSWORD.into(),
        })
        .unwrap();
    app.sign_in(&user_id, PASSWORD).unwrap();
    app.insert_practice_card().unwrap();
    let info = UsageInfo {
        name: "LE VAN AN".into(),
        address: "大分県別府市".into(),
        birth_date: "2001-04-15".into(),
        sex: "male".into(),
        residence_card_number: "AB12345678CD".into(),
        organisation: None,
        name_en: "LE VAN AN".into(),
        postal_code: "8748577".into(),
        telephone: "09012345678".into(),
    };
    app.apply_for_usage(Some(PRACTICE_READER), "1234", false, &info)
        .unwrap();
    let draft = app.create_draft("extension-of-stay").unwrap();
    fill_extension(&app, &draft.id, scratch.path());

    // Offline: the server the app points at is not there. Signed, queued, nothing lost.
    app.set_bundled_server(&url);
    let outcome = app
        .submit_draft(&draft.id, Some(PRACTICE_READER), "1234", false, None)
        .unwrap();
    assert!(
        matches!(outcome, SubmitOutcome::Queued { .. }),
        "{outcome:?}"
    );
    assert_eq!(app.queued_submissions().len(), 1);
    assert!(app.send_queued().is_ok());
    assert_eq!(app.queued_submissions().len(), 1, "still waiting");

    // A restart of the app: the queue is read back from disk.
    drop(app);
    let app = App::open(app_dir.path(), Profile::Demo)
        .unwrap()
        .with_vault(Box::new(SharedVault(vault.clone())));
    app.set_bundled_server(&url);
    assert_eq!(app.queued_submissions().len(), 1);

    // The server comes back on that port: sent once; sending again finds nothing to send.
    start_server(server_dir.path(), &format!("127.0.0.1:{port}"));
    // An ended session does not lose the signed submission: it stays until signed in again.
    let good = vault.load().unwrap();
    vault.store("a-session-that-ended");
    let kept = app.send_queued().unwrap();
    assert!(matches!(kept[0], SubmitOutcome::Queued { .. }), "{kept:?}");
    assert_eq!(app.queued_submissions().len(), 1);
    vault.store(&good);
    let sent = app.send_queued().unwrap();
    assert_eq!(sent.len(), 1);
    assert!(matches!(sent[0], SubmitOutcome::Sent { .. }));
    assert!(app.queued_submissions().is_empty());
    assert!(app.send_queued().unwrap().is_empty());
    let filed = app.applications().unwrap();
    assert_eq!(filed.len(), 1, "exactly one application");

    // The examiner acts before the app first looks at the statuses: the change is still told,
    // measured from the status at filing (kept with the receipt).
    let (service, examiner) = examiner(server_dir.path());
    service
        .set_status(&examiner, filed[0].id, "under_review")
        .unwrap();
    let changes = app.status_changes().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].previous, ApplicationStatus::ApplicationCompleted);
    assert_eq!(
        changes[0].application.status,
        ApplicationStatus::UnderReview
    );
    assert!(app.status_changes().unwrap().is_empty(), "told once");
}

/// One vault shared by two `App`s, as the OS keychain is shared across restarts.
#[derive(Debug)]
struct SharedVault(std::sync::Arc<MemoryVault>);

impl zairyu_app::SessionVault for SharedVault {
    fn load(&self) -> Option<String> {
        self.0.load()
    }
    fn store(&self, token: &str) -> bool {
        self.0.store(token)
    }
    fn clear(&self) {
        self.0.clear()
    }
    fn persistent(&self) -> bool {
        self.0.persistent()
    }
}
