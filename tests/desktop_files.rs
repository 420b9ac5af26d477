//! desktop-io: the real desktop app's native file dialogs and upload progress, under Xvfb
//! through WebDriver. The GTK save dialog is answered the way a user would: xdotool types the
//! path into it and presses Enter; the whole X screen (the dialog is a window of its own, not
//! part of the web view WebDriver sees) is saved with ImageMagick's `import`. Needs `xdotool`
//! and `import` (Debian: xdotool, imagemagick). A 24.9 MB submission is sent to a local server
//! that reads 2 MB a second, so its progress shows in megabytes. Screenshots land in
//! `test-output/screenshots/`.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use support::desktop::{repo_root, screenshot, DesktopSession};

/// Saves the whole X screen (dialogs included) as `test-output/screenshots/NAME.png`.
fn screen_shot(name: &str) {
    let dir = repo_root().join("test-output").join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.png"));
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(&file)
        .status()
        .expect("ImageMagick's import is needed for a screenshot of the whole screen");
    assert!(status.success());
}

/// The X window whose title contains `title`, once it is shown.
fn window_titled(title: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .output()
            .expect("xdotool is needed to answer the native dialog");
        let ids = String::from_utf8_lossy(&out.stdout);
        if let Some(id) = ids.lines().next() {
            return id.to_owned();
        }
        assert!(
            Instant::now() < deadline,
            "no window titled {title:?} appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn xdotool(args: &[&str]) {
    let status = Command::new("xdotool").args(args).status().unwrap();
    assert!(status.success(), "xdotool {args:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_is_exported_through_the_native_save_dialog() {
    let data = tempfile::tempdir().unwrap();
    let chosen = tempfile::tempdir().unwrap();
    let target = chosen.path().join("my-draft.zairyu");
    let app = DesktopSession::start(data.path()).await;
    let c = &app.client;
    app.new_extension_draft().await;
    app.wait_for("[data-testid=draft-export]")
        .await
        .click()
        .await
        .unwrap();

    // The GTK file chooser, with the default name filled in.
    let dialog = window_titled("Save");
    tokio::time::sleep(Duration::from_millis(800)).await;
    screen_shot("save-dialog-en");
    xdotool(&["windowfocus", "--sync", &dialog]);
    xdotool(&["key", "--window", &dialog, "ctrl+a"]);
    xdotool(&[
        "type",
        "--window",
        &dialog,
        "--delay",
        "20",
        &target.display().to_string(),
    ]);
    xdotool(&["key", "--window", &dialog, "Return"]);

    let path = target.display().to_string();
    app.wait_for_text("[data-testid=draft-exported]", &path)
        .await;
    app.wait_for("[data-testid=draft-exported-reveal]").await;
    screenshot(c, "draft-exported-en").await;
    let bundle = std::fs::read(&target).expect("the bundle is where the dialog said");
    assert!(bundle.len() > 100);
    assert_eq!(&bundle[..2], b"PK", "a draft bundle is a zip");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn upload_progress_shows_bytes_and_a_cancel_button() {
    // The window's bar is driven by the `upload-progress` event; here the event is sent from
    // the page itself (a real upload over loopback is over before a screenshot can be taken;
    // the upload's own progress is tested against a throttled server in zairyu-app).
    let data = tempfile::tempdir().unwrap();
    let app = DesktopSession::start(data.path()).await;
    let c = &app.client;
    app.wait_for("[data-testid=new-application]").await;
    c.execute(
        "window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'upload-progress', \
         payload: { submission_id: 's1', sent: 12300000, total: 24900000 } });",
        vec![],
    )
    .await
    .unwrap();
    app.wait_for_text("[data-testid=upload-progress-text]", "12.3 of 24.9 MB")
        .await;
    screenshot(c, "upload-progress-en").await;
    app.wait_for("[data-testid=upload-cancel]")
        .await
        .click()
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while c
        .find(fantoccini::Locator::Css("[data-testid=upload-progress]"))
        .await
        .is_ok()
    {
        assert!(Instant::now() < deadline, "the bar stayed after Cancel");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_submission_shows_its_progress_in_megabytes_until_it_is_filed() {
    // A signed submission of account ZRA with a 24.88 MB attachment waits in the outbox, as
    // signing while the server was out of reach leaves it; the student signs in (any account
    // signs in at this server), the outbox is sent over an uplink of 2 MB/s.
    let server = zairyu_testkit::throttled_reception::start(2_000_000, None, "sub-big");
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("outbox").join("sub-big");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a.pdf"), vec![b'%'; 24_880_000]).unwrap();
    let queued = serde_json::json!({
        "draft_id": "draft-big",
        "metadata": {
            "procedure_id": "extension-of-stay", "submission_id": "sub-big",
            "signed_at": "2026-12-01T09:00:00Z", "form": {}, "certificate": "c",
            "signature": "s", "agreed_to_terms": true, "action": "submission", "files": []
        },
        "files": [{ "kind": "attachment", "name": "a.pdf", "file": "a.pdf" }],
        "resubmit_of": null,
        "queued_at": "2026-12-01T09:00:00Z",
        "account": "ZRA"
    });
    std::fs::write(folder.join("submission.json"), queued.to_string()).unwrap();

    let app = DesktopSession::start(data.path()).await;
    let c = &app.client;
    app.wait_for("[data-testid=new-application]").await;
    c.execute(
        "const [url] = arguments; const invoke = window.__TAURI_INTERNALS__.invoke; \
         return invoke('set_server', { url }) \
           .then(() => invoke('sign_in', { userId: 'ZRA', password: 'password-a' })) \
           .then(() => { invoke('send_queued'); return true; });",
        vec![server.into()],
    )
    .await
    .unwrap();

    // The bar counts megabytes as they go; the screenshot is taken past the middle.
    let deadline = Instant::now() + Duration::from_secs(60);
    let text = loop {
        let shown = match c
            .find(fantoccini::Locator::Css(
                "[data-testid=upload-progress-text]",
            ))
            .await
        {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        let sent: f64 = shown
            .split_whitespace()
            .find_map(|word| word.parse().ok())
            .unwrap_or(0.0);
        if sent >= 12.0 {
            break shown;
        }
        assert!(
            Instant::now() < deadline,
            "no progress past 12 MB: {shown:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(text.contains(" of 24.9 MB"), "{text}");
    screenshot(c, "upload-progress-real-en").await;

    // Filed: the bar goes, the receipt is kept, the outbox is empty.
    let deadline = Instant::now() + Duration::from_secs(60);
    let receipts = data.path().join("receipts");
    while std::fs::read_dir(&receipts).map_or(0, |d| d.count()) == 0 {
        assert!(Instant::now() < deadline, "no receipt after the upload");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let receipt = std::fs::read_dir(&receipts)
        .unwrap()
        .flatten()
        .next()
        .unwrap();
    let receipt = std::fs::read_to_string(receipt.path()).unwrap();
    assert!(receipt.contains("ZR-SLOW"), "{receipt}");
    assert!(!folder.exists(), "the outbox entry is gone once filed");
    app.close().await;
}
