//! Accessibility: axe-core on every screen of the built UI in Chromium (Debian's, or
//! Playwright's on Ubuntu), in English and Japanese, with the app layer behind `zairyu ui-serve`
//! (its bundled server and the practice card), and the main path from registration to a filed
//! application driven with the keyboard alone. A ready draft is prepared with the CLI so the
//! review screen is reached; the bundled server's data folder holds a school with 100 students
//! and 500 applications and its staff member (seeded through the server's store), so the
//! counter screens and the advisor's board are reached too.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use zairyu_testkit::corpus;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seeded school's staff member's password.
const STAFF_PASSWORD: &str = "Zairyu#2026ok";

/// Runs `ui/a11y/<script>` in Chromium against `zairyu ui-serve` on a fresh app-data folder
/// holding one draft ready to sign, its bundled server holding a school and its staff member
/// (the script gets the staff member's user ID and the school's ID after the screenshot
/// folder); answers whether it succeeded and what it printed.
fn run_in_chromium(script: &str) -> (bool, String) {
    // CHROMIUM, else Debian's package, else Playwright's own build (what scripts/setup.sh
    // fetches where the distribution has no chromium package: Ubuntu).
    let playwright_browsers = std::env::var_os("PLAYWRIGHT_BROWSERS_PATH")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/ms-playwright")));
    assert!(
        std::env::var_os("CHROMIUM").is_some()
            || Path::new("/usr/bin/chromium").exists()
            || playwright_browsers.is_some_and(|d| d.exists()),
        "a Chromium is needed: run scripts/setup.sh (Debian's chromium, or Playwright's elsewhere), or set CHROMIUM"
    );
    assert!(
        repo().join("ui/dist/index.html").exists(),
        "build the UI first: npm --prefix ui run build"
    );
    let data = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    support::extension::cli_draft(
        &data.path().join("drafts").join("extension-of-stay-a11y"),
        scratch.path(),
        &support::extension::recent_photo(&corpus::path("photo_good.jpg"), scratch.path()),
        &[],
    );
    let server_data = data.path().join("server");
    let (school, _) = support::organisation::seed_board(&server_data);
    let staff = support::organisation::staff_member(
        &server_data,
        &school,
        "advisor@board.example.jp",
        "SATO HANAKO",
        STAFF_PASSWORD,
    );
    let mut server = Command::new(env!("CARGO_BIN_EXE_zairyu"))
        .args(["ui-serve", "--listen", "127.0.0.1:0", "--ui"])
        .arg(repo().join("ui/dist"))
        .arg("--data")
        .arg(data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // ui-serve prints its address with the per-run token (`http://127.0.0.1:PORT/?token=…`).
    // The pipe stays open until the end: ui-serve may print more.
    let mut printed = std::io::BufReader::new(server.stdout.take().unwrap());
    let mut url = String::new();
    std::io::BufRead::read_line(&mut printed, &mut url).unwrap();
    let url = url.trim().to_string();
    assert!(url.contains("?token="), "ui-serve did not start: {url:?}");
    let out = Command::new("node")
        .arg(repo().join("ui/a11y").join(script))
        .arg(&url)
        .arg(repo().join("test-output/screenshots"))
        .arg(&staff)
        .arg(&school)
        .current_dir(repo().join("ui"))
        .output()
        .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    drop(printed);
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{report}");
    (out.status.success(), report)
}

#[test]
fn axe_finds_no_violation_on_any_screen() {
    let (ok, report) = run_in_chromium("axe-screens.mjs");
    assert!(ok, "axe found violations:\n{report}");
    assert!(report.contains("-review"), "the review screen was reached");
    for screen in [
        "en-my-page",
        "ja-procedures-favorite",
        "ja-my-page",
        "en-counter-settings",
        "en-counter-visit",
        "en-counter-end-visit",
        "en-counter-board",
        "en-counter-board-opened",
        "ja-counter-board",
    ] {
        assert!(report.contains(screen), "the screen {screen} was reached");
    }
    // The dark palette (prefers-color-scheme: dark), English: home, the form, settings, help.
    for screen in [
        "en-dark-home",
        "en-dark-form",
        "en-dark-settings",
        "en-dark-help",
    ] {
        assert!(report.contains(screen), "the screen {screen} was reached");
    }
    // Every interface language: home, the form, review, account, status, settings and help.
    for lang in ["zh-Hans", "vi", "ne", "ko", "id"] {
        for screen in [
            "home", "form", "review", "account", "status", "settings", "help",
        ] {
            let name = format!("{lang}-{screen}");
            assert!(report.contains(&name), "the screen {name} was reached");
        }
    }
}

#[test]
fn the_main_path_works_with_the_keyboard_alone() {
    let (ok, report) = run_in_chromium("keyboard-path.mjs");
    assert!(ok, "a step could not be done with the keyboard:\n{report}");
    assert!(
        report.contains("signed and filed: ZR-"),
        "the application was filed: {report}"
    );
    for step in [
        "counter PC chosen",
        "staff signed in, visit started, student chosen",
        "end-of-visit dialog cancelled with Escape, the visit ended",
        "board searched, filtered, paged, one opened and closed",
    ] {
        assert!(report.contains(step), "{step}: {report}");
    }
}
