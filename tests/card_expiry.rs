//! Issue 16, card expiry, in the real desktop app (WebKitGTK under Xvfb, through WebDriver, like
//! `tests/desktop.rs`), one launch: the practice card made to expire in 45 days
//! (`ZAIRYU_PRACTICE_CARD_AUTH_EXPIRES`), a draft whose period of stay ends in 120 days (so
//! an application filed when the window opens, 28 days from now, is decided about 58 days from
//! now: after the card ends), the basic four read from the card into the draft → Home warns,
//! with what to do, and the desktop notification says it once. Screenshot:
//! `test-output/screenshots/card-expiry-warning.png`.

mod support;

use std::time::Duration;

use fantoccini::Locator;
use support::desktop::{screenshot, DesktopSession};
use support::notifications::NotificationSink;

fn days_from_today(days: i64) -> String {
    let day = time::OffsetDateTime::now_utc().date() + time::Duration::days(days);
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_card_ending_before_the_decision_is_warned_on_home_and_by_notification() {
    let data = tempfile::tempdir().unwrap();
    let card_ends = days_from_today(45);
    let stay_ends = days_from_today(120);
    let notifications = NotificationSink::start();
    let app = DesktopSession::start_with_env(
        data.path(),
        &[
            ("DBUS_SESSION_BUS_ADDRESS", notifications.address.as_str()),
            ("ZAIRYU_STATUS_POLL_SECS", "2"),
            ("ZAIRYU_PRACTICE_CARD_AUTH_EXPIRES", card_ends.as_str()),
        ],
    )
    .await;
    let c = &app.client;
    app.wait_for("[data-testid=applications]").await;
    assert!(
        c.find(Locator::Css("[data-testid=attention-card]"))
            .await
            .is_err(),
        "no warning before a card was read"
    );

    // A draft of the extension of period of stay, its period of stay filled in.
    app.new_extension_draft().await;
    let expiry = app.wait_for("#field-applicant-current-expiry").await;
    // WebKit's date input takes no typed keys through WebDriver: set it as a picker would.
    c.execute(
        "const [input, value] = arguments; input.value = value; \
         input.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![
            serde_json::to_value(&expiry).unwrap(),
            stay_ends.clone().into(),
        ],
    )
    .await
    .unwrap();
    app.wait_for_text("[data-testid=save-status]", "version 2")
        .await;

    // The practice card on the "reader" (the card panel's button does the same), then the
    // basic four from the card: the certificate's expiry is read with them.
    c.execute(
        "return window.__TAURI_INTERNALS__.invoke('insert_practice_card')",
        vec![],
    )
    .await
    .unwrap();
    app.wait_for("[data-testid=fill-from-card]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for("[data-testid=pin-tries]").await;
    app.wait_for("[data-testid=pin-input]")
        .await
        .send_keys("1234")
        .await
        .unwrap();
    app.wait_for("[data-testid=pin-ok]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text("[data-testid=save-status]", "version 3")
        .await;

    // Home: the warning, with the date and what to do.
    c.find(Locator::Css("[data-testid=nav-home]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_text("[data-testid=attention-card]", &card_ends)
        .await;
    let warning = app.wait_for("[data-testid=attention-card]").await;
    assert_eq!(
        warning.attr("data-warning").await.unwrap().as_deref(),
        Some("card_expires_before_decision")
    );
    let text = warning.text().await.unwrap();
    assert!(text.contains("city office"), "{text}");
    assert!(
        text.contains("in person at the immigration office"),
        "{text}"
    );
    screenshot(c, "card-expiry-warning").await;

    // The desktop notification, once.
    let shown = notifications.wait_for("certificate ends too early", Duration::from_secs(30));
    assert!(shown.body.contains("city office"), "{}", shown.body);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let told = notifications
        .shown()
        .into_iter()
        .filter(|s| s.summary.contains("certificate ends too early"))
        .count();
    assert_eq!(told, 1, "told once");

    // Only the date is kept, in the app-data folder.
    let kept = std::fs::read_to_string(data.path().join("card-expiry.json")).unwrap();
    assert!(kept.contains(&card_ends), "{kept}");
    assert!(!kept.contains("NGUYEN"), "{kept}");
    app.close().await;
}
