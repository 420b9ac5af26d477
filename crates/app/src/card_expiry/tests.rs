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
