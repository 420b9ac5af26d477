//! desktop-io: the real desktop app's native file dialogs and upload progress, under Xvfb
//! through WebDriver. The GTK save dialog is answered the way a user would: xdotool types the
//! path into it and presses Enter; the whole X screen (the dialog is a window of its own, not
//! part of the web view WebDriver sees) is saved with ImageMagick's `import`. Needs `xdotool`
//! and `import` (Debian: xdotool, imagemagick). Screenshots land in `test-output/screenshots/`.

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
