//! A counter visit leaves nothing behind (issue 14). The real desktop app (WebKitGTK under
//! Xvfb, WebDriver) as a counter PC in front of a real `zairyu serve` child (demo profile),
//! with the virtual My Number Card behind real pcscd + vsmartcard-vpcd: the staff member signs
//! in, starts a visit; the student signs in, binds the card (usage application, PIN), opens
//! the draft bundle prepared for them, fixes it, signs (the PIN dialog is then the only thing
//! on screen) and files; the visit ends. Then the app-data folder, the app's keychain entry,
//! the temp folder and the home folder (WebKit's website data and caches live there) are
//! scanned for the student's names, residence card number, the digests of the filed files
//! and any live session token, in UTF-8 and UTF-16: none is found, while the same scan finds
//! them in the server's data (the scan can fail). A second visit with another card shows
//! nothing of the first.

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

    async fn visible_text(&self) -> String {
        self.client
            .execute(VISIBLE_TEXT, vec![])
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

#[tokio::test(flavor = "multi_thread")]
async fn a_counter_visit_leaves_nothing_behind() {
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

    let server_data = tempfile::tempdir().unwrap();
    let server =
        zairyu_testkit::ServeProcess::start(env!("CARGO_BIN_EXE_zairyu"), server_data.path());
    let base = server.url.clone();
    // reqwest's blocking client runs its own runtime: used only where blocking is allowed.
    let (http, staff, student) = tokio::task::block_in_place(|| {
        let http = reqwest::blocking::Client::new();
        let (staff, _) = support::reception::register(
            &http,
            &base,
            server_data.path(),
            "advisor@school.example.jp",
            "ADVISOR ONE",
            PASSWORD,
        );
        let (student, _) = support::reception::register(
            &http,
            &base,
            server_data.path(),
            "lan@example.jp",
            "NGUYEN THI LAN",
            PASSWORD,
        );
        (http, staff, student)
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

    // The student signs in in the visit and binds the card (usage application).
    app.click("[data-testid=nav-account]").await;
    app.click("[data-testid=sign-out]").await;
    app.sign_in(&student).await;
    app.click("[data-testid=usage-start]").await;
    app.wait_for_text("[data-testid=card-panel]", "Zairyu Test C")
        .await;
    app.click("[data-testid=usage-read]").await;
    app.pin_alone(&[&staff]).await;
    app.wait_for_text("[data-testid=basic-four]", "NGUYEN THI LAN")
        .await;
    app.type_in("[data-testid='field-user.postal_code'] input", "874-8577")
        .await;
    app.type_in("[data-testid=usage-card-number]", CARD_NUMBER)
        .await;
    app.click("[data-testid=usage-sign]").await;
    app.pin_alone(&["NGUYEN THI LAN", CARD_NUMBER]).await;
    app.wait_for("[data-testid=usage-done]").await;

    // The bundle prepared for the student; the photo fixed, the card number typed; filed.
    app.click("[data-testid=nav-home]").await;
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
        review.contains("LE VAN AN"),
        "the review shows the applicant: {review}"
    );
    app.click("[data-testid=review-sign]").await;
    app.pin_alone(&["LE VAN AN", "NGUYEN THI LAN", CARD_NUMBER])
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

    // What the visit left: nothing of the student.
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
    needles.extend(digests.iter().cloned());
    // The scan can fail: the server's own data holds the student.
    let control = scan(&[server_data.path()], &needles);
    assert!(
        control.iter().any(|h| h.starts_with("NGUYEN THI LAN")),
        "{control:?}"
    );
    assert!(
        control.iter().any(|h| h.starts_with(&reference)),
        "{control:?}"
    );
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
    // member's is live in the app's memory, the student's until sign-out).
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

    // A second visit, another card: nothing of the first anywhere.
    card.pull();
    drop(card);
    let _second = Sim::start(slot(5), Some(SECOND));
    app.click("[data-testid=visit-start]").await;
    app.wait_for("[data-testid=applications]").await;
    let mut seen = String::new();
    for tab in ["home", "account", "status"] {
        app.click(&format!("[data-testid=nav-{tab}]")).await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        seen.push_str(&app.visible_text().await);
    }
    for first in [
        "NGUYEN THI LAN",
        "LE VAN AN",
        CARD_NUMBER,
        &reference,
        &student,
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
    app.wait_for("[data-testid=visit-ended]").await;
    assert!(!data.path().join("visits").exists());
    app.close().await;
    // The blocking client owns a runtime of its own: dropped off the async threads.
    tokio::task::block_in_place(move || drop(http));
}
