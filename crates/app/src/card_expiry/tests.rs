//! The card-expiry warning on its boundaries, what is remembered where, and the notification
//! told once.

use super::*;
use crate::Profile;

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn warning(card: &str, stay: &str, today: &str) -> Option<CardExpiryWarning> {
    card_expiry_warning(day(card), day(stay), day(today))
}

use CardExpiryWarning::{CardExpiresBeforeDecision as Decision, CardExpiresBeforeStay as Stay};

#[test]
fn before_the_window_opens_the_decision_is_thirty_days_after_it_opens() {
    // The period ends 2027-03-31: the window opens 92 days before, 2026-12-29; a decision can
    // be expected 30 days later, 2027-01-28.
    assert_eq!(
        decision_expected(day("2027-03-31"), day("2026-11-01")),
        day("2027-01-28")
    );
    assert_eq!(
        warning("2027-01-27", "2027-03-31", "2026-11-01"),
        Some(Decision)
    );
    assert_eq!(
        warning("2027-01-28", "2027-03-31", "2026-11-01"),
        Some(Stay)
    );
    assert_eq!(
        warning("2027-03-30", "2027-03-31", "2026-11-01"),
        Some(Stay)
    );
    assert_eq!(warning("2027-03-31", "2027-03-31", "2026-11-01"), None);
    // A card that ends before the application can even be filed.
    assert_eq!(
        warning("2026-12-01", "2027-03-31", "2026-11-01"),
        Some(Decision)
    );
}

#[test]
fn inside_the_window_the_decision_is_thirty_days_from_today() {
    assert_eq!(
        decision_expected(day("2027-03-31"), day("2027-03-20")),
        day("2027-04-19")
    );
    // A foreign resident's card typically ends with the period of stay: filed now, it expires
    // while the application is pending.
    assert_eq!(
        warning("2027-03-31", "2027-03-31", "2027-03-20"),
        Some(Decision)
    );
    assert_eq!(
        warning("2027-04-18", "2027-03-31", "2027-03-20"),
        Some(Decision)
    );
    assert_eq!(warning("2027-04-19", "2027-03-31", "2027-03-20"), None);
    // The day the window opens counts as inside it.
    assert_eq!(
        decision_expected(day("2027-03-31"), day("2026-12-29")),
        day("2027-01-28")
    );
    assert_eq!(DECISION_DAYS, 30);
}

fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path(), Profile::Production)
        .unwrap()
        .with_vault(Box::new(crate::MemoryVault::default()));
    (dir, app)
}

fn expiry(last_valid_day: &str) -> CertificateExpiry {
    CertificateExpiry {
        last_valid_day: last_valid_day.into(),
        not_after_unix: 0,
    }
}

#[test]
fn home_lists_the_drafts_the_card_ends_too_early_for_and_notifies_each_once() {
    let (dir, app) = app();
    let today = day("2026-11-28");
    let soon = app.create_draft("extension-of-stay").unwrap();
    app.set_draft_field(&soon.id, "applicant.current_expiry", "2027-01-20")
        .unwrap();
    let later = app.create_draft("extension-of-stay").unwrap();
    app.set_draft_field(&later.id, "applicant.current_expiry", "2027-09-30")
        .unwrap();
    // No card read yet: nothing to say.
    assert!(app.attention_on(today).unwrap().card_expiring.is_empty());
    assert_eq!(app.card_expires_on(), None);

    app.remember_card_expiry(&expiry("2027-01-15"));
    assert_eq!(app.card_expires_on().as_deref(), Some("2027-01-15"));
    let on_disk = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
    assert!(
        on_disk.contains("2027-01-15") && !on_disk.contains("BEGIN"),
        "{on_disk}"
    );
    let listed: Vec<(String, CardExpiryWarning)> = app
        .attention_on(today)
        .unwrap()
        .card_expiring
        .into_iter()
        .map(|c| (c.draft_id, c.warning))
        .collect();
    assert_eq!(
        listed,
        [(later.id.clone(), Decision), (soon.id.clone(), Stay)],
        "the more urgent first"
    );
    let [first, second] =
        <[CardExpiring; 2]>::try_from(app.attention_on(today).unwrap().card_expiring).unwrap();
    // Filed when its window opens (2027-06-30), decided about 2027-07-30: after the card ends.
    assert_eq!(first.stay_expires_on, "2027-09-30");
    assert_eq!(first.decision_expected_on, "2027-07-30");
    // Filed today, decided about 2026-12-28, but the card ends before the period of stay.
    assert_eq!(second.decision_expected_on, "2026-12-28");
    assert_eq!(second.card_expires_on, "2027-01-15");

    let told = app
        .card_expiry_notifications_on(Language::En, today)
        .unwrap();
    assert_eq!(told.len(), 2);
    assert_eq!(
        told[0].0,
        "Your My Number Card's certificate ends too early"
    );
    assert!(told[0].1.contains("city office"), "{}", told[0].1);
    assert!(
        app.card_expiry_notifications_on(Language::En, today)
            .unwrap()
            .is_empty(),
        "each warning is told once"
    );
    // A renewed card: later than both periods of stay and decisions, nothing to say.
    app.remember_card_expiry(&expiry("2031-01-15"));
    assert!(app.attention_on(today).unwrap().card_expiring.is_empty());
    assert!(app
        .card_expiry_notifications_on(Language::Ja, today)
        .unwrap()
        .is_empty());
}

#[test]
fn the_japanese_notification_names_the_dates_and_the_municipal_office() {
    let (_dir, app) = app();
    let draft = app.create_draft("extension-of-stay").unwrap();
    app.set_draft_field(&draft.id, "applicant.current_expiry", "2027-09-30")
        .unwrap();
    app.remember_card_expiry(&expiry("2027-08-01"));
    let told = app
        .card_expiry_notifications_on(Language::Ja, day("2026-11-28"))
        .unwrap();
    assert_eq!(told.len(), 1);
    assert!(told[0].1.contains("市区町村の窓口"), "{}", told[0].1);
    assert!(told[0].1.contains("在留期間の満了日"), "{}", told[0].1);
}

#[test]
fn a_counter_pc_keeps_no_card_date_outside_a_visit() {
    let (dir, app) = app();
    app.set_counter_pc(true).unwrap();
    app.remember_card_expiry(&expiry("2027-01-15"));
    assert_eq!(app.card_expires_on(), None);
    assert!(!dir.path().join(FILE).exists());
}

#[test]
fn a_filed_application_waits_thirty_days_from_filing_or_from_today_when_returned() {
    use ApplicationStatus::{InReturnProcess, UnderReview};
    let today = day("2026-11-28");
    assert_eq!(
        decision_expected_after_filing(day("2026-11-20"), UnderReview, today),
        day("2026-12-20")
    );
    // Pending longer than usual: a decision can come any day now.
    assert_eq!(
        decision_expected_after_filing(day("2026-09-01"), UnderReview, today),
        today
    );
    // Returned: examined again only after the student resubmits.
    assert_eq!(
        decision_expected_after_filing(day("2026-11-20"), InReturnProcess, today),
        day("2026-12-28")
    );
}

/// A receipt in the work folder, as filing from here leaves it, and the draft marked filed.
fn file(app: &App, draft_id: &str, id: i64, on: &str, status: ApplicationStatus) -> Application {
    let application = Application {
        id,
        reference_number: format!("R-{id}"),
        temporary_reception_number: format!("T-{id}"),
        temporary_application_number: None,
        procedure_id: "extension-of-stay".into(),
        procedure_name_en: Some("Extension of period of stay".into()),
        procedure_name_ja: Some("在留期間更新許可申請".into()),
        submission_id: format!("s-{id}-{on}"),
        status,
        revision_request: None,
        created_at: 0,
        updated_at: 0,
        filed_by: None,
        filed_for: None,
    };
    let receipt = Receipt {
        draft_id: draft_id.into(),
        received_at: format!("{on}T09:30:00Z"),
        application: application.clone(),
    };
    let dir = app.work_dir().join("receipts");
    std::fs::create_dir_all(&dir).unwrap();
    json_file::write_json(
        &dir,
        &format!("{}.json", application.submission_id),
        &receipt,
    )
    .unwrap();
    app.drafts_folder()
        .mark_submitted(
            draft_id,
            &application.reference_number,
            &receipt.received_at,
        )
        .unwrap();
    application
}

#[test]
fn an_application_filed_and_not_decided_is_warned_about_until_it_is_completed() {
    use ApplicationStatus::{Completed, InReturnProcess, Pending, UnderReview};
    let (_dir, app) = app();
    let today = day("2026-11-28");
    let draft = app.create_draft("extension-of-stay").unwrap();
    app.set_draft_field(&draft.id, "applicant.current_expiry", "2027-01-31")
        .unwrap();
    // Filed three days ago: a decision about 2026-12-25; the card ends 2026-12-20.
    let filed = file(&app, &draft.id, 41, "2026-11-25", Pending);
    app.remember_card_expiry(&expiry("2026-12-20"));
    let [pending] = <[CardExpiring; 1]>::try_from(app.card_expiring_on(today, None).unwrap())
        .unwrap_or_else(|v| panic!("{v:?}"));
    assert_eq!(pending.warning, CardExpiryWarning::CardExpiresWhilePending);
    assert_eq!(pending.reference_number.as_deref(), Some("R-41"));
    assert_eq!(pending.draft_id, draft.id);
    assert_eq!(pending.decision_expected_on, "2026-12-25");
    assert_eq!(pending.stay_expires_on, "2027-01-31");
    let summary = app.drafts_folder().list().unwrap().remove(0);
    assert_eq!(
        (pending.title_en.as_str(), pending.title_ja.as_str()),
        (summary.title_en.as_str(), summary.title_ja.as_str())
    );

    // Told once, with the reference number, in English and Japanese alike.
    let told = app
        .card_expiry_notifications_on(Language::En, today)
        .unwrap();
    assert_eq!(told.len(), 1);
    assert!(
        told[0].1.contains("R-41") && told[0].1.contains("city office"),
        "{}",
        told[0].1
    );
    assert!(app
        .card_expiry_notifications_on(Language::Ja, today)
        .unwrap()
        .is_empty());

    // The status last seen counts when the server is not asked: decided, nothing to say.
    app.remember_status(&Application {
        status: Completed,
        ..filed.clone()
    })
    .unwrap();
    assert!(app.card_expiring_on(today, None).unwrap().is_empty());
    // The server's answer counts first: returned, so examined again 30 days after today.
    let returned = Application {
        status: InReturnProcess,
        ..filed.clone()
    };
    let listed = app
        .card_expiring_on(today, Some(std::slice::from_ref(&returned)))
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].decision_expected_on, "2026-12-28");
    // A certificate valid through the expected decision: fine.
    app.remember_card_expiry(&expiry("2026-12-28"));
    assert!(app
        .card_expiring_on(today, Some(std::slice::from_ref(&returned)))
        .unwrap()
        .is_empty());

    // Resubmitted on 2026-11-27 (a second receipt of the same application): counted from then,
    // once; under review per the server.
    app.remember_card_expiry(&expiry("2026-12-26"));
    file(&app, &draft.id, 41, "2026-11-27", UnderReview);
    let under_review = Application {
        status: UnderReview,
        ..filed
    };
    let listed = app
        .card_expiring_on(today, Some(std::slice::from_ref(&under_review)))
        .unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].decision_expected_on, "2026-12-27");
}

#[test]
fn a_pending_application_comes_before_the_drafts_and_home_shows_it() {
    let (_dir, app) = app();
    let today = day("2026-11-28");
    let unfiled = app.create_draft("extension-of-stay").unwrap();
    app.set_draft_field(&unfiled.id, "applicant.current_expiry", "2027-09-30")
        .unwrap();
    let sent = app.create_draft("extension-of-stay").unwrap();
    // Filed today: a decision about 2026-12-28, after the card ends.
    file(&app, &sent.id, 7, "2026-11-28", ApplicationStatus::Pending);
    app.remember_card_expiry(&expiry("2026-12-20"));
    // Not signed in: Home falls back to the statuses on this computer.
    let attention = app.attention_on(today).unwrap();
    assert!(attention.statuses_unknown);
    let order: Vec<(String, CardExpiryWarning)> = attention
        .card_expiring
        .into_iter()
        .map(|c| (c.draft_id, c.warning))
        .collect();
    assert_eq!(
        order,
        [
            (sent.id, CardExpiryWarning::CardExpiresWhilePending),
            (unfiled.id, Decision),
        ]
    );
}
