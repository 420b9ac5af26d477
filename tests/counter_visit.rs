//! A counter visit leaves nothing behind, and the advisor's board (issue 14). The real desktop
//! app (WebKitGTK under Xvfb, WebDriver) as a counter PC in front of a real `zairyu serve` child
//! (demo profile) whose data folder was seeded with a school of 100 students and 500
//! applications, with the virtual My Number Card behind real pcscd + vsmartcard-vpcd. The
//! student registered and bound that card at home (over HTTP, linking the school). At the
//! counter the school's staff member signs in, starts a visit, chooses the student in the
//! visit bar, opens the draft bundle prepared for them, fixes it and files it for the student:
//! the student's card signs and the student types the PIN (the PIN dialog is then the only
//! thing on screen); the visit ends. Over HTTP the student sees the application in their own
//! list, recorded as filed by that staff member for them. Then the app-data folder, the app's
//! keychain entry, the temp folder and the home folder (WebKit's website data and caches live
//! there) are scanned for the student's names, residence card number, the digests of the
//! filed files, the other students' names and any live session token, in UTF-8 and UTF-16:
//! none is found, while the same scan finds them in the server's data (the scan can fail). A
//! second visit with another card shows nothing of the first. Last, in the same launch, the
//! advisor's board: most urgent first, search, a status filter, pages over 501 rows, one
//! application opened with its revision request; screenshots in English and Japanese.

mod support;

use std::path::{Path, PathBuf};

use support::desktop::{screenshot, DesktopSession};
use support::pcsc_stack::{slot, Sim};
use zairyu_testkit::corpus;

const PASSWORD: &str = "Zairyu#2026ok";
const CARD_NUMBER: &str = "AB12345678CD";
/// The second visit's card holder.
const SECOND: &str = "name = \"TRAN VAN BINH\"\naddress = \"東京都新宿区西新宿２－８－１\"\nbirth_date = \"2000-02-02\"\nsex = \"male\"\n";

fn zairyu(args: &[&str]) -> String {
    zairyu_testkit::run_ok(env!("CARGO_BIN_EXE_zairyu"), args, None)
}

/// The draft bundle prepared for the student: every answer but the residence card number,
/// a landscape photo, the seven PDFs.
fn prepared_bundle(dir: &Path) -> String {
    let draft = dir.join("draft");
    support::extension::cli_draft(
        &draft,
        dir,
        &support::extension::recent_photo(&corpus::path("photo_landscape.jpg"), dir),
        &["applicant.residence_card_number"],
    );
    let bundle = dir.join("student.zairyu").display().to_string();
    zairyu(&["draft", "export", &draft.display().to_string(), &bundle]);
    bundle
}

/// Every file under `dir` (symlinks not followed).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        match e.file_type() {
            Ok(t) if t.is_dir() => out.extend(files(&e.path())),
            Ok(t) if t.is_file() => out.push(e.path()),
            _ => {}
        }
    }
    out
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Which of `needles` (UTF-8 or UTF-16LE, case as given) occur in a file under `dirs`: one
/// line per hit, "needle in path".
fn scan(dirs: &[&Path], needles: &[String]) -> Vec<String> {
    let mut hits = Vec::new();
    for dir in dirs {
        for file in files(dir) {
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            for needle in needles {
                let found = [needle.as_bytes().to_vec(), utf16le(needle)]
                    .iter()
                    .any(|n| bytes.windows(n.len()).any(|w| w == n.as_slice()));
                if found {
                    hits.push(format!("{needle} in {}", file.display()));
                }
            }
        }
    }
    hits
}

/// Every run of 64 lower-case hex digits in the files under `dirs` (a session token's shape,
/// and a SHA-256 digest's).
fn hex64_runs(dirs: &[&Path]) -> Vec<String> {
    let mut out = Vec::new();
    for dir in dirs {
        for file in files(dir) {
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            let mut run = Vec::new();
            for &b in bytes.iter().chain(std::iter::once(&b' ')) {
                if b.is_ascii_digit() || (b'a'..=b'f').contains(&b) {
                    run.push(b);
                } else {
                    if run.len() == 64 {
                        out.push(String::from_utf8(run.clone()).unwrap());
                    }
                    run.clear();
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether the server takes `token` as a live session.
fn is_live_session(http: &reqwest::blocking::Client, base: &str, token: &str) -> bool {
    http.get(format!("{base}/api/me"))
        .bearer_auth(token)
        .send()
        .map(|r| r.status().is_success())
        .unwrap_or(false)
}

/// The text on screen: every text node outside a hidden element.
const VISIBLE_TEXT: &str = "const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); \
     const out = []; for (let n = w.nextNode(); n; n = w.nextNode()) { \
       const p = n.parentElement; if (!p || p.closest('[hidden]')) continue; \
       if (arguments[0] && p.closest('select')) continue; \
       const s = getComputedStyle(p); if (s.display === 'none' || s.visibility === 'hidden') continue; \
       out.push(n.textContent); } return out.join(' ');";

impl DesktopSession {
    async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        for _ in 0..150 {
            if element.prop("disabled").await.unwrap().as_deref() != Some("true") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        element.click().await.unwrap();
    }

    async fn type_in(&self, css: &str, text: &str) {
        self.wait_for(css).await.send_keys(text).await.unwrap();
    }

    /// The text on screen (the options of a `<select>` too).
    async fn visible_text(&self) -> String {
        self.text_on_screen(false).await
    }

    /// The text on screen; `outside_selects`: without the options of a `<select>` (the staff
    /// member's own list of their students, in the visit bar).
    async fn text_on_screen(&self, outside_selects: bool) -> String {
        self.client
            .execute(VISIBLE_TEXT, vec![serde_json::Value::Bool(outside_selects)])
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Types the PIN; while the dialog is open nothing but it is on screen.
    async fn pin_alone(&self, secrets: &[&str]) {
        self.wait_for("[data-testid=pin-tries]").await;
        let shown = self.visible_text().await;
        for secret in secrets {
            assert!(
                !shown.contains(secret),
                "{secret} on screen beside the PIN dialog: {shown}"
            );
        }
        let header_hidden = self
            .client
            .execute(
                "return document.querySelector('header').closest('[hidden]') !== null",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(header_hidden, serde_json::Value::Bool(true));
        self.type_in("[data-testid=pin-input]", "1234").await;
        self.click("[data-testid=pin-ok]").await;
    }

    async fn sign_in(&self, user_id: &str) {
        self.click("[data-testid=nav-account]").await;
        let id = self.wait_for("[data-testid=user-id]").await;
        id.clear().await.unwrap();
        id.send_keys(user_id).await.unwrap();
        self.type_in("[data-testid=password]", PASSWORD).await;
        self.click("[data-testid=sign-in]").await;
        self.wait_for_text("[data-testid=account-user-id]", user_id)
            .await;
    }
}

/// The students of the seeded school whose names the visit must not leave on disk.
fn other_students() -> Vec<String> {
    (0..100)
        .step_by(7)
        .map(support::organisation::student_name)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_counter_visit_files_for_a_student_and_leaves_nothing_behind() {
    let scratch = tempfile::tempdir().unwrap();
    let bundle = prepared_bundle(scratch.path());
    // The originals' digests (the photo is fixed in the app, so its filed digest differs: the
    // filed ones are read from the server below).
    let mut digests: Vec<String> = files(scratch.path())
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf" || e == "jpg"))
        .map(|p| {
            let out = std::process::Command::new("sha256sum")
                .arg(p)
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap()[..64].to_owned()
        })
        .collect();
    assert!(digests.len() >= 8, "{digests:?}");

    // The server: a school with 100 students and 500 applications (seeded through its store)
    // and its staff member, invited and registered.
    let server_data = tempfile::tempdir().unwrap();
    let (school, _) = support::organisation::seed_board(server_data.path());
    let staff = support::organisation::staff_member(
        server_data.path(),
        &school,
        "advisor@school.example.jp",
        "SATO HANAKO",
        PASSWORD,
    );
    let server =
        zairyu_testkit::ServeProcess::start(env!("CARGO_BIN_EXE_zairyu"), server_data.path());
    let base = server.url.clone();
    // The student registered at home and bound the card behind pcscd in the usage
    // application, linking the school. reqwest's blocking client runs its own runtime: used
    // only where blocking is allowed.
    let (http, student) = tokio::task::block_in_place(|| {
        let http = reqwest::blocking::Client::new();
        let (student, _) = support::reception::register(
            &http,
            &base,
            server_data.path(),
            "lan@example.jp",
            "NGUYEN THI LAN",
            PASSWORD,
        );
        let token = support::reception::sign_in(&http, &base, &student, PASSWORD);
        support::organisation::bind_sim_card(&http, &base, &token, "NGUYEN THI LAN", &school);
        (http, student)
    });

    // The counter PC: its own app-data folder, home (WebKit's data and caches), temp folder.
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("settings.json"),
        serde_json::json!({"language": "en", "server_url": base, "counter_pc": true}).to_string(),
    )
    .unwrap();
    let mut card = Sim::start(slot(5), None);
    let (home_s, tmp_s) = (
        home.path().display().to_string(),
        tmp.path().display().to_string(),
    );
    let cache = home.path().join(".cache").display().to_string();
    let share = home.path().join(".local/share").display().to_string();
    let app = DesktopSession::start_with_env(
        data.path(),
        &[
            ("HOME", &home_s),
            ("XDG_CACHE_HOME", &cache),
            ("XDG_DATA_HOME", &share),
            ("TMPDIR", &tmp_s),
        ],
    )
    .await;
    let c = &app.client;

    // The staff member signs in (memory only) and starts a visit.
    app.wait_for_text("[data-testid=visit-staff]", "No staff member")
        .await;
    app.click("[data-testid=visit-staff-sign-in]").await;
    app.sign_in(&staff).await;
    app.click("[data-testid=nav-home]").await;
    app.wait_for_text("[data-testid=visit-staff]", &staff).await;
    app.wait_for("[data-testid=counter-need-visit]").await;
    screenshot(c, "counter-idle-en").await;
    app.click("[data-testid=visit-start]").await;
    app.wait_for("[data-testid=visit-open]").await;
    app.wait_for("[data-testid=applications]").await;

    // Whom the visit files for: the student, chosen in the visit bar.
    app.wait_for(&format!(
        "[data-testid=visit-applicant-select] option[value='{student}']"
    ))
    .await;
    app.wait_for("[data-testid=visit-applicant-select]")
        .await
        .select_by_value(&student)
        .await
        .unwrap();
    app.wait_for_text("[data-testid=visit-applicant-note]", "NGUYEN THI LAN")
        .await;

    // The bundle prepared for the student; the photo fixed, the card number typed; filed with
    // the student's card and PIN.
    app.wait_for("[data-testid=import-draft]")
        .await
        .send_keys(&bundle)
        .await
        .unwrap();
    app.wait_for_text("[data-testid=draft-summary]", "2 thing(s) to fix")
        .await;
    app.click(r#"[data-testid="fix-attachments.photo"]"#).await;
    app.wait_for_text("[data-testid=draft-summary]", "1 thing(s) to fix")
        .await;
    app.type_in(
        "#field-applicant-residence-card-number",
        &format!("{CARD_NUMBER}\u{E004}"),
    )
    .await;
    app.click("[data-testid=draft-review]").await;
    app.wait_for("[data-testid=review-page]").await;
    app.wait_for_text("[data-testid=card-panel]", "Zairyu Test C")
        .await;
    let review = app.visible_text().await;
    assert!(
        review.contains("LE VAN AN") && review.contains("NGUYEN THI LAN"),
        "the review shows the applicant and whom the visit files for: {review}"
    );
    app.click("[data-testid=review-sign]").await;
    let mut hidden: Vec<String> = vec![
        staff.clone(),
        "LE VAN AN".into(),
        "NGUYEN THI LAN".into(),
        CARD_NUMBER.into(),
    ];
    hidden.extend(other_students());
    app.pin_alone(&hidden.iter().map(String::as_str).collect::<Vec<_>>())
        .await;
    app.wait_for_text("[data-testid=receipt-reference]", "ZR-")
        .await;
    let reference = app
        .wait_for("[data-testid=receipt-reference]")
        .await
        .text()
        .await
        .unwrap();
    let reference = reference
        .split_whitespace()
        .find(|w| w.starts_with("ZR-"))
        .unwrap()
        .to_owned();
    screenshot(c, "counter-receipt-en").await;

    // End the visit: the receipt offered, then every file removed and the window cleared.
    app.click("[data-testid=visit-end]").await;
    app.wait_for_text("[data-testid=end-visit-receipts]", &reference)
        .await;
    screenshot(c, "counter-end-visit-en").await;
    app.click("[data-testid=end-visit-confirm]").await;
    app.wait_for_text("[data-testid=visit-ended]", "file(s) removed")
        .await;
    app.wait_for_text("[data-testid=visit-staff]", &staff).await;
    app.wait_for("[data-testid=counter-need-visit]").await;

    // The server: the student's own application, filed by the staff member for them; the
    // student sees it in their own list.
    tokio::task::block_in_place(|| {
        let token = support::reception::sign_in(&http, &base, &student, PASSWORD);
        let list: serde_json::Value = http
            .get(format!("{base}/api/applications"))
            .bearer_auth(&token)
            .send()
            .unwrap()
            .json()
            .unwrap();
        let filed = list
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["reference_number"] == reference.as_str())
            .unwrap_or_else(|| panic!("{reference} is not in the student's list: {list}"));
        assert_eq!(filed["user_id"], student.as_str(), "{filed}");
        assert_eq!(filed["submitter_id"], staff.as_str(), "{filed}");
        assert_eq!(filed["filed_by"]["user_id"], staff.as_str(), "{filed}");
        assert_eq!(filed["filed_by"]["organisation_id"], school.as_str());
        assert_eq!(filed["filed_for"]["user_id"], student.as_str(), "{filed}");
        assert!(
            support::reception::mails_to(server_data.path(), "lan@example.jp")
                .iter()
                .any(|m| m.contains(&reference)),
            "the student is told by mail"
        );
    });

    // What the visit left: nothing of the student, nor of the school's other students.
    let filed: Vec<String> = files(server_data.path())
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .filter(|n| n.len() == 64 && n.bytes().all(|b| b.is_ascii_hexdigit()))
        .collect();
    assert!(
        !filed.is_empty(),
        "the server keeps the filed files under their digests"
    );
    digests.extend(filed);
    let mut needles: Vec<String> = vec![
        "NGUYEN THI LAN".into(),
        "LE VAN AN".into(),
        CARD_NUMBER.into(),
        reference.clone(),
        student.clone(),
        "lan@example.jp".into(),
    ];
    needles.extend(other_students());
    needles.extend(digests.iter().cloned());
    // The scan can fail: the server's own data holds the student.
    let control = scan(&[server_data.path()], &needles);
    for expected in ["NGUYEN THI LAN", &reference, "STUDENT AA"] {
        assert!(
            control.iter().any(|h| h.starts_with(expected)),
            "{expected}: {control:?}"
        );
    }
    let dirs = [data.path(), home.path(), tmp.path()];
    let left = scan(&dirs, &needles);
    println!(
        "after the visit: {} files scanned (app data {}, home {}, temp {}) for {} needles in UTF-8 and UTF-16LE; {} 64-hex runs tried as session tokens",
        dirs.iter().map(|d| files(d).len()).sum::<usize>(),
        files(data.path()).len(),
        files(home.path()).len(),
        files(tmp.path()).len(),
        needles.len(),
        hex64_runs(&dirs).len(),
    );
    assert!(left.is_empty(), "the visit left: {left:#?}");
    // No session token on disk: no 64-hex run in those folders is a live session (the staff
    // member's is live in the app's memory).
    tokio::task::block_in_place(|| {
        let control_token = support::reception::sign_in(&http, &base, &staff, PASSWORD);
        assert!(is_live_session(&http, &base, &control_token));
        for candidate in hex64_runs(&dirs) {
            assert!(
                !is_live_session(&http, &base, &candidate),
                "a session token is on disk"
            );
        }
    });
    // The OS keychain has no entry of this app for this data folder.
    let vault = zairyu_app::KeychainVault::new(data.path().display().to_string());
    assert_eq!(zairyu_app::SessionVault::load(&vault), None);
    let on_disk = files(data.path());
    assert!(!data.path().join("visits").exists(), "{on_disk:?}");
    assert!(!data.path().join("signed-in.json").exists(), "{on_disk:?}");

    // A second visit, another card: nothing of the first anywhere (the staff member's own
    // list of students in the visit bar aside), and nobody chosen yet.
    card.pull();
    drop(card);
    let _second = Sim::start(slot(5), Some(SECOND));
    app.click("[data-testid=visit-start]").await;
    app.wait_for("[data-testid=applications]").await;
    let chosen = app
        .wait_for("[data-testid=visit-applicant-select]")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(chosen.as_deref(), Some(""), "a new visit files for nobody");
    let mut seen = String::new();
    for tab in ["home", "account", "status"] {
        app.click(&format!("[data-testid=nav-{tab}]")).await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        seen.push_str(&app.text_on_screen(true).await);
    }
    for first in [
        "NGUYEN THI LAN",
        "LE VAN AN",
        CARD_NUMBER,
        &reference,
        &student,
        "STUDENT AA",
    ] {
        assert!(
            !seen.contains(first),
            "the second visit shows {first}: {seen}"
        );
    }
    // The staff member is still signed in.
    assert!(seen.contains(&staff), "{seen}");
    app.click("[data-testid=nav-home]").await;
    screenshot(c, "counter-second-visit-en").await;
    app.click("[data-testid=visit-end]").await;
    app.click("[data-testid=end-visit-confirm]").await;
    // The first end's notice may still show: the bar offering a new visit says this one ended.
    app.wait_for("[data-testid=visit-start]").await;
    app.wait_for("[data-testid=visit-ended]").await;
    assert!(!data.path().join("visits").exists());

    advisor_board(&app, &reference).await;
    app.close().await;
    // The blocking client owns a runtime of its own: dropped off the async threads.
    tokio::task::block_in_place(move || drop(http));
}

/// The number in `[data-testid=board-total]` ("501 row(s)").
async fn board_total(app: &DesktopSession) -> u32 {
    let text = app
        .wait_for("[data-testid=board-total]")
        .await
        .text()
        .await
        .unwrap();
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number in {text:?}"))
}

/// Waits until the board shows `total` rows in all.
async fn board_shows(app: &DesktopSession, total: u32) {
    for _ in 0..150 {
        if app
            .client
            .find(fantoccini::Locator::Css("[data-testid=board-total]"))
            .await
            .is_ok()
            && board_total(app).await == total
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let search = app
        .wait_for("[data-testid=board-search]")
        .await
        .prop("value")
        .await
        .unwrap();
    panic!(
        "the board never showed {total} rows: {} (search {search:?})",
        board_total(app).await,
    );
}

/// The urgency column of each row on the page shown.
async fn urgencies(app: &DesktopSession) -> Vec<String> {
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css(
            "[data-testid=board-row] td:last-child",
        ))
        .await
        .unwrap();
    let mut out = Vec::new();
    for row in rows {
        out.push(row.text().await.unwrap());
    }
    out
}

/// The advisor's board over the seeded school (500 applications) and the one filed at the
/// counter: most urgent first, search, a status filter, paging, one opened; screenshots in
/// English and Japanese.
async fn advisor_board(app: &DesktopSession, filed_here: &str) {
    let c = &app.client;
    // The notice of the visit just ended is read and dismissed.
    app.click("[data-testid=visit-ended] button").await;
    app.click("[data-testid=nav-board]").await;
    board_shows(app, 501).await;
    let first_page = urgencies(app).await;
    assert_eq!(first_page.len(), 50, "50 rows a page");
    assert!(
        first_page[..5].iter().all(|u| u == "Returned for changes"),
        "returned for changes first: {first_page:?}"
    );
    assert!(
        first_page[5..15]
            .iter()
            .all(|u| u == "Stay ends within 3 months, nothing filed"),
        "{first_page:?}"
    );
    assert!(
        first_page[15..25]
            .iter()
            .all(|u| u == "Card certificate ends before the stay"),
        "{first_page:?}"
    );
    app.wait_for_text("[data-testid=board-page-of]", "Page 1 of 11")
        .await;
    screenshot(c, "counter-board-en").await;

    // Pages: the next one, then back.
    app.click("[data-testid=board-next]").await;
    app.wait_for_text("[data-testid=board-page-of]", "Page 2 of 11")
        .await;
    assert!(
        urgencies(app).await.iter().all(|u| u == "—"),
        "page 2 holds no urgent row"
    );
    app.click("[data-testid=board-prev]").await;
    app.wait_for_text("[data-testid=board-page-of]", "Page 1 of 11")
        .await;

    // Search: one student's five applications; the reference filed at the counter.
    app.type_in("[data-testid=board-search]", "student bc")
        .await;
    app.click("[data-testid=board-find]").await;
    board_shows(app, 5).await;
    let shown = app.text_on_screen(true).await;
    assert!(
        shown.contains("STUDENT BC") && !shown.contains("STUDENT BD"),
        "{shown}"
    );
    let search = app.wait_for("[data-testid=board-search]").await;
    search.clear().await.unwrap();
    search.send_keys(filed_here).await.unwrap();
    app.click("[data-testid=board-find]").await;
    board_shows(app, 1).await;
    app.wait_for_text("[data-testid=board-table]", "NGUYEN THI LAN")
        .await;
    // Emptied as typed (WebDriver's clear sends no input event: the window would keep the
    // reference as the search).
    let search = app.wait_for("[data-testid=board-search]").await;
    search.clear().await.unwrap();
    search.send_keys(" \u{E003}").await.unwrap();

    // The status filter: the five returned for changes; one opened with its request.
    app.wait_for("[data-testid=board-status]")
        .await
        .select_by_value("in_return_process")
        .await
        .unwrap();
    app.click("[data-testid=board-find]").await;
    board_shows(app, 5).await;
    assert_eq!(urgencies(app).await, vec!["Returned for changes"; 5]);
    app.click("[data-testid=board-open]").await;
    app.wait_for_text(
        "[data-testid=board-revision-request]",
        support::organisation::REVISION_REQUEST,
    )
    .await;
    app.wait_for_text("[data-testid=details-reference]", "ZR-2026-")
        .await;
    app.wait_for_text("[data-testid=details-status]", "In Return Process")
        .await;
    screenshot(c, "counter-board-opened-en").await;

    // The same board in Japanese.
    app.click("[data-testid=details-close]").await;
    app.wait_for("[data-testid=board-table]").await;
    app.wait_for("[data-testid=board-status]")
        .await
        .select_by_value("")
        .await
        .unwrap();
    app.click("[data-testid=board-find]").await;
    board_shows(app, 501).await;
    app.click("[data-testid=lang-ja]").await;
    app.wait_for_text("[data-testid=board-page-of]", "1").await;
    app.wait_for_text("#board-title", "学生").await;
    c.execute(
        "window.scrollTo(0, 0); document.activeElement?.blur();",
        vec![],
    )
    .await
    .unwrap();
    screenshot(c, "counter-board-ja").await;
}
