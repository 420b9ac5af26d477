//! The real desktop app (WebKitGTK under Xvfb, through WebDriver, like `tests/desktop.rs`) in
//! every interface language: the first run follows the OS locale, and Home and the form are
//! shown, and photographed, in each language (`test-output/screenshots/{home,form}-<tag>.png`),
//! with their script's font (scripts/apt-packages.txt installs Noto CJK and Devanagari).

mod support;

use fantoccini::Locator;
use support::desktop::{repo_root, screenshot, DesktopSession};

const LANGUAGES: [&str; 7] = ["en", "ja", "zh-Hans", "vi", "ne", "ko", "id"];

/// A text of the UI catalogue of `tag` (`locales/<tag>/ui.ftl`), by its Fluent id.
fn catalogue_text(tag: &str, id: &str) -> String {
    let path = repo_root().join("locales").join(tag).join("ui.ftl");
    let source = std::fs::read_to_string(&path).unwrap();
    let prefix = format!("{id} = ");
    source
        .lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{}: no {id}", path.display()))
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_run_speaks_the_os_language_and_every_language_shows_home_and_the_form() {
    let data = tempfile::tempdir().unwrap();
    let locale = [
        ("LANG", "ko_KR.UTF-8"),
        ("LC_ALL", "ko_KR.UTF-8"),
        ("LC_MESSAGES", "ko_KR.UTF-8"),
    ];
    let app = DesktopSession::start_with_env(data.path(), &locale).await;
    let c = &app.client;
    app.wait_for_text("#checklist-title", &catalogue_text("ko", "checklist-title"))
        .await;
    screenshot(c, "first-run-ko").await;

    for tag in LANGUAGES {
        c.find(Locator::Css(&format!("[data-testid=lang-{tag}]")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        app.wait_for_text("#checklist-title", &catalogue_text(tag, "checklist-title"))
            .await;
        let lang = c
            .execute("return document.documentElement.lang", vec![])
            .await
            .unwrap();
        assert_eq!(lang.as_str(), Some(tag), "the page's language");
        screenshot(c, &format!("home-{tag}")).await;

        app.new_extension_draft().await;
        app.wait_for_text(
            "[data-testid=draft-form]",
            &catalogue_text(tag, "draft-required"),
        )
        .await;
        screenshot(c, &format!("form-{tag}")).await;
        app.wait_for("[data-testid=nav-home]")
            .await
            .click()
            .await
            .unwrap();
    }
    app.close().await;
    let settings = std::fs::read_to_string(data.path().join("settings.json")).unwrap();
    assert!(
        settings.contains("\"id\""),
        "the last choice is kept: {settings}"
    );
}
