//! The whole story in the real app (WebKitGTK under Xvfb, WebDriver) with its bundled server
//! and the virtual My Number Card behind real pcscd + vsmartcard-vpcd: register → confirm the
//! e-mail with the code from the outbox → sign in → usage application with the card → an
//! extension of period of stay prepared at an advisor's counter (imported as a draft file) →
//! fix what is missing → sign → submit → the examiner (CLI) requests a revision → the student
//! changes and resubmits → the examiner completes it → the student sees "Completed".
//!
//! Screenshots of every screen (English, then the main ones in Japanese) go to
//! `test-output/screenshots/story-*.png`; the test prints the screens and the clicks and
//! keystrokes on the main path, from launch to the filed application.

mod support;

use std::path::Path;

use support::desktop::{screenshot, DesktopSession};
use support::notifications::NotificationSink;
use support::pcsc_stack::{slot, Sim};
use zairyu_testkit::corpus;

const PASSWORD: &str = "Zairyu#2026ok";

/// Counts what the student does on the main path.
#[derive(Default)]
struct Path_ {
    screens: Vec<&'static str>,
    actions: u32,
}

impl Path_ {
    fn screen(&mut self, name: &'static str) {
        if self.screens.last() != Some(&name) {
            self.screens.push(name);
        }
    }
}

fn zairyu(args: &[&str], stdin: Option<&str>) -> String {
    zairyu_testkit::run_ok(env!("CARGO_BIN_EXE_zairyu"), args, stdin)
}

/// The advisor's counter: a draft with every answer but the residence card number, a
/// landscape photo (not 3:4) and the seven PDFs, exported to one file.
fn prepared_bundle(dir: &Path) -> String {
    let draft = dir.join("draft");
    support::extension::cli_draft(
        &draft,
        dir,
        &support::extension::recent_photo(&corpus::path("photo_landscape.jpg"), dir),
        &["applicant.residence_card_number"],
    );
    let bundle = dir.join("lan.zairyu").display().to_string();
    zairyu(
        &["draft", "export", &draft.display().to_string(), &bundle],
        None,
    );
    bundle
}

/// The code of the newest e-mail in the bundled server's outbox.
fn code_from_outbox(data: &Path) -> String {
    let mut mails: Vec<_> = std::fs::read_dir(data.join("server/outbox"))
        .unwrap()
        .flatten()
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    mails.sort();
    let text = zairyu_server::mail::eml_text(
        &std::fs::read_to_string(&mails.last().expect("a mail was sent").1).unwrap(),
    );
    text.split("paste this code into Zairyu: ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// Scrolls the photo preview into view once its image has loaded.
async fn show_photo(app: &DesktopSession) {
    for _ in 0..50 {
        let loaded = app
            .client
            .execute(
                "const i = document.querySelector('[data-testid=photo-preview]'); \
                 if (!i || !i.complete || i.naturalWidth === 0) return false; \
                 i.scrollIntoView({block: 'center'}); return true;",
                vec![],
            )
            .await
            .unwrap();
        if loaded == serde_json::Value::Bool(true) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the photo preview did not load");
}

impl DesktopSession {
    async fn click(&self, css: &str, path: &mut Path_) {
        let element = self.wait_for(css).await;
        // Wait until it is enabled (buttons wait for the card or the server).
        for _ in 0..100 {
            if element.prop("disabled").await.unwrap().as_deref() != Some("true") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        element.click().await.unwrap();
        path.actions += 1;
    }

    async fn type_in(&self, css: &str, text: &str, path: &mut Path_) {
        self.wait_for(css).await.send_keys(text).await.unwrap();
        path.actions += 1;
    }

    async fn pin(&self, pin: &str, path: &mut Path_) {
        self.wait_for("[data-testid=pin-tries]").await;
        self.type_in("[data-testid=pin-input]", pin, path).await;
        self.click("[data-testid=pin-ok]", path).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn register_apply_file_revise_and_complete() {
    let scratch = tempfile::tempdir().unwrap();
    let bundle = prepared_bundle(scratch.path());
    let data = tempfile::tempdir().unwrap();
    let server_data = data.path().join("server").display().to_string();
    let _card = Sim::start(slot(4), None);

    // The desktop's notification service (a private D-Bus session bus); the app looks at the
    // statuses every 2 s instead of every 5 minutes.
    let notifications = NotificationSink::start();
    let app = DesktopSession::start_with_env(
        data.path(),
        &[
            ("DBUS_SESSION_BUS_ADDRESS", notifications.address.as_str()),
            ("ZAIRYU_STATUS_POLL_SECS", "2"),
        ],
    )
    .await;
    let c = &app.client;
    let mut path = Path_::default();
    path.screen("home");
    app.wait_for("[data-testid=applications]").await;

    // Register: e-mail twice → the code from the e-mail → details → user ID.
    app.click("[data-testid=nav-account]", &mut path).await;
    path.screen("account");
    app.wait_for("[data-testid=sign-in-form]").await;
    screenshot(c, "story-account-en").await;
    app.click("[data-testid=tab-register]", &mut path).await;
    app.click("[data-testid=reg-agree]", &mut path).await;
    app.type_in("[data-testid=reg-email]", "lan@example.jp", &mut path)
        .await;
    app.type_in("[data-testid=reg-email-again]", "lan@example.jp", &mut path)
        .await;
    app.click("[data-testid=reg-send]", &mut path).await;
    app.wait_for("[data-testid=reg-code]").await;
    screenshot(c, "story-register-code-en").await;
    let code = code_from_outbox(data.path());
    app.type_in("[data-testid=reg-code]", &code, &mut path)
        .await;
    app.click("[data-testid=reg-confirm]", &mut path).await;
    app.type_in("[data-testid=reg-name]", "NGUYEN THI LAN", &mut path)
        .await;
    app.type_in("[data-testid=reg-tel]", "09012345678", &mut path)
        .await;
    app.type_in("[data-testid=reg-password]", PASSWORD, &mut path)
        .await;
    app.type_in("[data-testid=reg-password-again]", PASSWORD, &mut path)
        .await;
    screenshot(c, "story-register-details-en").await;
    app.click("[data-testid=reg-review]", &mut path).await;
    app.click("[data-testid=reg-complete]", &mut path).await;
    app.wait_for_text("[data-testid=reg-done]", "ZR").await;
    screenshot(c, "story-registered-en").await;

    // Sign in (the user ID is already filled in).
    app.click("[data-testid=reg-to-signin]", &mut path).await;
    app.type_in("[data-testid=password]", PASSWORD, &mut path)
        .await;
    app.click("[data-testid=sign-in]", &mut path).await;
    app.wait_for("[data-testid=account-details]").await;
    screenshot(c, "story-signed-in-en").await;

    // The usage application with the card on the PC/SC reader.
    app.click("[data-testid=usage-start]", &mut path).await;
    path.screen("usage");
    app.wait_for_text("[data-testid=card-panel]", "Zairyu Test C")
        .await;
    app.click("[data-testid=usage-read]", &mut path).await;
    app.wait_for("[data-testid=pin-tries]").await;
    screenshot(c, "story-pin-en").await;
    app.pin("1234", &mut path).await;
    app.wait_for_text("[data-testid=basic-four]", "NGUYEN THI LAN")
        .await;
    // Manual 3.2 step 15: the postal code (name and telephone start from the account).
    app.type_in(
        "[data-testid='field-user.postal_code'] input",
        "874-8577",
        &mut path,
    )
    .await;
    app.type_in("[data-testid=usage-card-number]", "AB12345678CD", &mut path)
        .await;
    screenshot(c, "story-usage-en").await;
    app.click("[data-testid=usage-sign]", &mut path).await;
    app.pin("1234", &mut path).await;
    app.wait_for("[data-testid=usage-done]").await;
    screenshot(c, "story-usage-done-en").await;

    // The draft from the advisor's counter; the one missing answer is typed in.
    app.click("[data-testid=nav-home]", &mut path).await;
    path.screen("home");
    app.wait_for("[data-testid=import-draft]")
        .await
        .send_keys(&bundle)
        .await
        .unwrap();
    path.actions += 1;
    path.screen("form");
    app.wait_for("[data-testid=draft-form]").await;
    app.wait_for_text("[data-testid=draft-summary]", "2 thing(s) to fix")
        .await;
    screenshot(c, "story-form-finding-en").await;
    app.wait_for("[data-testid=photo-preview]").await;
    show_photo(&app).await;
    screenshot(c, "story-photo-finding-en").await;
    // The photo is fixed with one click; the missing answer is typed.
    app.click(r#"[data-testid="fix-attachments.photo"]"#, &mut path)
        .await;
    app.wait_for_text("[data-testid=draft-summary]", "1 thing(s) to fix")
        .await;
    show_photo(&app).await;
    screenshot(c, "story-photo-fixed-en").await;
    app.type_in(
        "#field-applicant-residence-card-number",
        "AB12345678CD\u{E004}",
        &mut path,
    )
    .await;
    app.wait_for("[data-testid=draft-review]").await;
    app.click("[data-testid=draft-review]", &mut path).await;
    path.screen("review");
    app.wait_for("[data-testid=review-page]").await;
    app.wait_for_text("[data-testid=card-panel]", "Zairyu Test C")
        .await;
    screenshot(c, "story-review-en").await;
    app.click("[data-testid=review-sign]", &mut path).await;
    app.pin("1234", &mut path).await;
    path.screen("receipt");
    app.wait_for_text("[data-testid=receipt-reference]", "ZR-")
        .await;
    screenshot(c, "story-receipt-en").await;
    println!(
        "main path, launch to filed application: {} screens ({}), {} clicks and keystrokes",
        path.screens.len(),
        path.screens.join(" → "),
        path.actions
    );
    assert!(path.screens.len() <= 15, "{:?}", path.screens);

    // The examiner returns it for revision.
    let ex = zairyu(
        &[
            "examiner",
            "create",
            "--email",
            "ex@example.jp",
            "--name",
            "EXAMINER",
            "--data",
            &server_data,
        ],
        Some(PASSWORD),
    )
    .trim()
    .to_owned();
    let listed = zairyu(
        &[
            "examiner",
            "list",
            "--json",
            "--as",
            &ex,
            "--data",
            &server_data,
        ],
        None,
    );
    let apps: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let id = apps[0]["id"].as_i64().unwrap().to_string();
    let set_status = |status: &str| {
        zairyu(
            &[
                "examiner",
                "set-status",
                &id,
                status,
                "--as",
                &ex,
                "--data",
                &server_data,
            ],
            None,
        );
    };
    set_status("under_review");
    zairyu(
        &[
            "examiner",
            "request-revision",
            &id,
            "--message",
            "Write the desired period as 1年.",
            "--as",
            &ex,
            "--data",
            &server_data,
        ],
        None,
    );

    // Without a click, the app notices the change: a desktop notification, and a line in the
    // window leading to the status page.
    let shown = notifications.wait_for("In Return Process", std::time::Duration::from_secs(30));
    assert!(
        shown.body.contains("Open Zairyu to see what to change"),
        "{shown:?}"
    );
    app.wait_for_text("[data-testid=status-news]", "In Return Process")
        .await;
    screenshot(c, "story-status-news-en").await;

    // The student sees the request, changes the answer and resubmits.
    app.click("[data-testid=status-news] button", &mut path)
        .await;
    app.wait_for_text("[data-testid=status-request]", "Write the desired period")
        .await;
    screenshot(c, "story-status-return-en").await;
    app.click("[data-testid=status-revise]", &mut path).await;
    let period = app.wait_for("#field-request-desired-period").await;
    period.clear().await.unwrap();
    period.send_keys("1年\u{E004}").await.unwrap();
    app.wait_for_text("[data-testid=save-status]", "Saved")
        .await;
    app.click("[data-testid=draft-review]", &mut path).await;
    app.wait_for_text("[data-testid=revision-request]", "Write the desired period")
        .await;
    screenshot(c, "story-resubmit-en").await;
    app.click("[data-testid=review-sign]", &mut path).await;
    app.pin("1234", &mut path).await;
    app.wait_for("[data-testid=receipt]").await;

    // The examiner completes it; the student sees "Completed".
    set_status("under_review");
    set_status("awaiting_issuance");
    set_status("completed");
    app.click("[data-testid=receipt-done]", &mut path).await;
    app.click("[data-testid=status-refresh]", &mut path).await;
    app.wait_for_text("[data-testid=application-status]", "Completed")
        .await;
    screenshot(c, "story-status-completed-en").await;

    // The same screens in Japanese.
    app.click("[data-testid=lang-ja]", &mut path).await;
    app.wait_for_text("[data-testid=application-status]", "完了")
        .await;
    screenshot(c, "story-status-completed-ja").await;
    for (tab, name) in [
        ("home", "story-home-ja"),
        ("account", "story-account-ja"),
        ("settings", "story-settings-ja"),
    ] {
        app.click(&format!("[data-testid=nav-{tab}]"), &mut path)
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        screenshot(c, name).await;
    }
    app.wait_for_text("[data-testid=diag-server]", "正常").await;
    app.close().await;
}
