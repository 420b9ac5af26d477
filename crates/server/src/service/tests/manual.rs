//! Issue 15 against the service: who is told about an application (the form's notification
//! address and the account's), Pending as manual 5.1 describes it (until the office accepts).

use super::*;

/// A registered, usage-applied student with a card and the files of a complete application.
fn applicant(w: &World) -> (String, Card<SimTransport>, Vec<StoredFile>) {
    let id = w.register("lan@example.jp");
    let mut card = card();
    usage(w, &id, &mut card);
    let files = store_files(w);
    w.new_mails();
    (id, card, files)
}

fn recipients(mails: &[(String, String)]) -> Vec<String> {
    let mut to: Vec<String> = mails.iter().map(|(to, _)| to.clone()).collect();
    to.sort();
    to
}

#[test]
fn mails_about_an_application_go_to_the_forms_address_and_the_account() {
    let w = world(TrustProfile::Demo);
    let (id, mut card, files) = applicant(&w);
    // The fixture's notification address is le.van.an@example.jp; the account's lan@example.jp.
    let m = meta(&mut card, &files, "sub-n", |_| {});
    let app = w.office.submit(&w.user(&id), &m, &files).unwrap();
    let receipt = w.new_mails();
    assert_eq!(
        recipients(&receipt),
        ["lan@example.jp", "le.van.an@example.jp"],
        "{receipt:?}"
    );
    assert!(receipt
        .iter()
        .all(|(_, text)| text.contains(&app.temporary_reception_number)));

    let examiner = w
        .office
        .create_account("ex@immi.example.jp", "EX ONE", PASSWORD, "examiner", None)
        .unwrap();
    let examiner = w.user(&examiner);
    w.office
        .set_status(&examiner, app.id, "under_review")
        .unwrap();
    assert_eq!(
        recipients(&w.new_mails()),
        ["lan@example.jp", "le.van.an@example.jp"]
    );

    // The same address in both places is told once.
    let m = meta(&mut card, &files, "sub-same", |form| {
        form["contact"]["email"] = "LAN@example.jp".into();
        form["contact"]["email_confirm"] = "LAN@example.jp".into();
    });
    w.office.submit(&w.user(&id), &m, &files).unwrap();
    assert_eq!(w.new_mails().len(), 1);
}

#[test]
fn a_new_application_is_pending_until_the_office_accepts_it() {
    let w = world_with(TrustProfile::Demo, |c| c.acceptance_seconds = 3600);
    let (id, mut card, files) = applicant(&w);
    let m = meta(&mut card, &files, "sub-p", |_| {});
    let app = w.office.submit(&w.user(&id), &m, &files).unwrap();
    assert_eq!(app.status, "pending");
    assert!(w
        .new_mails()
        .iter()
        .all(|(_, text)| text.contains("Status: Pending")));
    // Still pending a minute before the hour; the list and the application say so.
    w.clock.advance(3599);
    assert_eq!(
        w.office.list_for(&w.user(&id), None).unwrap()[0].status,
        "pending"
    );
    w.clock.advance(1);
    let accepted = w.office.application_for(&w.user(&id), app.id).unwrap();
    assert_eq!(accepted.status, "application_completed");
    let told = w.new_mails();
    assert_eq!(told.len(), 2, "{told:?}");
    assert!(told.iter().all(|(_, t)| t.contains("accepted")));
    let log = w.office.store.audit_log(app.id).unwrap();
    assert!(log
        .iter()
        .any(|(who, action, _, _)| who == "office" && action == "accept"));
    // An examiner cannot review what was not accepted: pending → under review is refused.
    let m = meta(&mut card, &files, "sub-q", |_| {});
    let second = w.office.submit(&w.user(&id), &m, &files).unwrap();
    let examiner = w
        .office
        .create_account("ex@immi.example.jp", "EX ONE", PASSWORD, "examiner", None)
        .unwrap();
    assert_eq!(
        w.office
            .set_status(&w.user(&examiner), second.id, "under_review")
            .unwrap_err()
            .code,
        "transition_not_allowed"
    );
    // … but may accept it early.
    assert_eq!(
        w.office
            .set_status(&w.user(&examiner), second.id, "application_completed")
            .unwrap()
            .status,
        "application_completed"
    );
}

#[test]
fn the_method_of_receipt_changes_by_either_number_and_the_applicant_is_told_what_changed() {
    let w = world(TrustProfile::Demo);
    let (id, mut card, files) = applicant(&w);
    let m = meta(&mut card, &files, "sub-r", |_| {});
    let app = w.office.submit(&w.user(&id), &m, &files).unwrap();
    w.new_mails();
    let application_number = crate::answers::temporary_application_number(&app.reference_number);
    assert!(application_number.starts_with("申請26") && application_number.chars().count() == 12);
    let form = |kind: &str, number: &str, method: &str| {
        let mut change = serde_json::json!({
            "classification": "method", "number_kind": kind,
            "reception_number": number, "method": method,
        });
        if method == "counter" {
            change["office"] = "fukuoka".into();
        }
        serde_json::json!({ "change": change })
    };
    let user = w.user(&id);
    let changed = w
        .office
        .change_receipt_method(
            &user,
            &form(
                "temporary_receipt_number",
                &app.temporary_reception_number,
                "counter",
            ),
        )
        .unwrap();
    assert_eq!(changed.id, app.id);
    let mails = w.new_mails();
    assert_eq!(
        recipients(&mails),
        ["lan@example.jp", "le.van.an@example.jp"]
    );
    let text = &mails[0].1;
    assert!(
        text.contains("Classification of change: Change of the method of receipt"),
        "{text}"
    );
    assert!(
        text.contains("Regional office counter (Fukuoka Regional Immigration Services Bureau)"),
        "{text}"
    );
    assert!(
        text.contains("変更後の受領方法：地方官署の窓口（福岡出入国在留管理局）"),
        "{text}"
    );

    // The temporary application number names it too; a number of the other kind does not.
    w.office
        .change_receipt_method(
            &user,
            &form("temporary_application_number", &application_number, "mail"),
        )
        .unwrap();
    assert!(w.new_mails()[0]
        .1
        .contains("Method of receipt now: Mailing"));
    let wrong_kind = w
        .office
        .change_receipt_method(
            &user,
            &form("temporary_receipt_number", &application_number, "mail"),
        )
        .unwrap_err();
    assert_eq!(wrong_kind.code, "not_found");
    // The classification is required.
    let mut no_class = form(
        "temporary_receipt_number",
        &app.temporary_reception_number,
        "mail",
    );
    no_class["change"]
        .as_object_mut()
        .unwrap()
        .remove("classification");
    assert_eq!(
        w.office
            .change_receipt_method(&user, &no_class)
            .unwrap_err()
            .code,
        "form_invalid"
    );
}
