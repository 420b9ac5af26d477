//! support: the real desktop app's support trail under Xvfb through WebDriver, in one launch:
//! a command that panics (a debug build's `ZAIRYU_TEST_PANIC_COMMAND`) brings up the error
//! screen with the code `internal_panic`, the support report offered there lists the log file,
//! "Continue" leaves a working app, and the log file (`DATA/logs/zairyu.log`, as
//! `ZAIRYU_DATA_DIR` is set) holds the start-up line and the panic with its place in the code.

mod support;

use std::time::{Duration, Instant};

use fantoccini::Locator;
use support::desktop::{screenshot, DesktopSession};

#[tokio::test(flavor = "multi_thread")]
async fn a_panicking_command_shows_the_error_screen_and_is_written_to_the_log() {
    let data = tempfile::tempdir().unwrap();
    let app =
        DesktopSession::start_with_env(data.path(), &[("ZAIRYU_TEST_PANIC_COMMAND", "diagnosis")])
            .await;
    let c = &app.client;
    // Settings runs the diagnosis when it opens: that command panics.
    app.wait_for("[data-testid=nav-settings]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for("[data-testid=panic-screen]").await;
    app.wait_for_text("[data-testid=panic-code]", "internal_panic")
        .await;
    screenshot(c, "support-panic-screen").await;

    // The error screen's support report shows what it holds before saving: the log is there.
    app.wait_for("[data-testid=panic-screen] [data-testid=support-report-show]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_text(
        "[data-testid=panic-screen] [data-testid=support-report-files]",
        "zairyu.log",
    )
    .await;
    app.wait_for_text(
        "[data-testid=panic-screen] [data-testid=support-report-diagnosis]",
        "profile: demo",
    )
    .await;
    screenshot(c, "support-report-contents").await;

    // Continue: the screen goes and the app still answers commands.
    app.wait_for("[data-testid=panic-continue]")
        .await
        .click()
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while c
        .find(Locator::Css("[data-testid=panic-screen]"))
        .await
        .is_ok()
    {
        assert!(Instant::now() < deadline, "the error screen stayed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.wait_for("[data-testid=nav-home]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for("[data-testid=new-application]").await;

    let log_file = data.path().join("logs").join("zairyu.log");
    let log = std::fs::read_to_string(&log_file)
        .unwrap_or_else(|e| panic!("{} unreadable: {e}", log_file.display()));
    assert!(log.contains("app opened: version"), "{log}");
    let panic_line = log
        .lines()
        .find(|l| l.contains("internal_panic") && l.contains("panicked at"))
        .unwrap_or_else(|| panic!("no panic line in the log:\n{log}"));
    assert!(
        panic_line.contains("ERROR") && panic_line.contains("panic_screen.rs"),
        "{panic_line}"
    );
    assert!(log.contains("command diagnosis"), "{log}");
    app.close().await;
}
