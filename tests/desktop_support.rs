//! support: the real desktop app's support trail under Xvfb through WebDriver, in one launch:
//! a command that panics (a debug build's `ZAIRYU_TEST_PANIC_COMMAND`) brings up the error
//! screen with the code `internal_panic`, the support report offered there lists the log file,
//! "Continue" leaves a working app, and the log file (`DATA/logs/zairyu.log`, as
//! `ZAIRYU_DATA_DIR` is set) holds the start-up line and the panic with its place in the code;
//! then the same panic again and "Restart": the process ends, a new one (another pid, same data
//! folder) starts, and its window comes up on Home (its log line `the window shows its first
//! screen: home`). The restarted app is outside WebDriver's reach, so the test reads its process
//! and its log, then stops it.

mod support;

use std::path::Path;
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

    // The same panic again, and "Restart" this time.
    let [before] = <[u32; 1]>::try_from(app_processes(data.path()))
        .unwrap_or_else(|pids| panic!("one app process expected: {pids:?}"));
    app.wait_for("[data-testid=nav-settings]")
        .await
        .click()
        .await
        .unwrap();
    // The process may end before WebDriver answers the click.
    let _ = app
        .wait_for("[data-testid=panic-restart]")
        .await
        .click()
        .await;
    let deadline = Instant::now() + Duration::from_secs(60);
    let (after, restarted_log) = loop {
        let log = std::fs::read_to_string(&log_file).unwrap_or_default();
        let after_restart = log
            .split_once("restarting on the user's request")
            .map(|(_, rest)| rest.to_owned());
        let pids = app_processes(data.path());
        if let (Some(rest), [pid]) = (after_restart, pids.as_slice()) {
            if *pid != before && rest.contains("the window shows its first screen: home") {
                break (*pid, rest);
            }
        }
        assert!(
            Instant::now() < deadline,
            "no new app process showing Home after Restart (processes {pids:?}, the first {before}); log:\n{log}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(
        restarted_log.contains("app opened: version"),
        "{restarted_log}"
    );
    screenshot_screen("support-after-restart");
    // The restarted app is no WebDriver session's: stopped here.
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &after.to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app_processes(data.path()).is_empty() {
        assert!(Instant::now() < deadline, "the restarted app did not stop");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The first process's session ended with it; the driver stops when `app` is dropped.
    drop(app);
}

/// The live `zairyu-desktop` processes using `data` as their app-data folder (Linux: read from
/// /proc; a process that has ended, even if not yet reaped, is left out).
fn app_processes(data: &Path) -> Vec<u32> {
    let wanted = format!("ZAIRYU_DATA_DIR={}", data.display());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let is_app = std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| {
                exe.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("zairyu-desktop"))
            });
            is_app
                && std::fs::read(format!("/proc/{pid}/environ"))
                    .unwrap_or_default()
                    .split(|b| *b == 0)
                    .any(|var| var == wanted.as_bytes())
        })
        .collect()
}

/// Saves the whole X screen (ImageMagick's `import`) to `test-output/screenshots/NAME.png`:
/// what WebDriver cannot see, a window outside its session.
fn screenshot_screen(name: &str) {
    let dir = support::desktop::repo_root()
        .join("test-output")
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let _ = std::process::Command::new("import")
        .args(["-window", "root"])
        .arg(dir.join(format!("{name}.png")))
        .status();
}
