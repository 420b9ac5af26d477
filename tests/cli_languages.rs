//! `zairyu check --lang LANG` and `zairyu draft check --lang LANG` speak every language of the
//! catalogues: `--json` keeps `code` (and `message_ja`) and gives `message` and `hint` in that
//! language, the text output prints them. One test per language, on the committed fixture
//! `tests/fixtures/languages/saved-web-page.pdf` (an HTML page named like a PDF) and on a new,
//! empty draft.

use std::process::Output;

use serde_json::Value;
use zairyu_messages::{args, Language};

fn zairyu(args: &[&str]) -> Output {
    zairyu_testkit::run(env!("CARGO_BIN_EXE_zairyu"), args, None)
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn fixture() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/languages/saved-web-page.pdf"
    );
    path.to_owned()
}

fn check_speaks(language: Language) {
    let tag = language.tag();
    let file = fixture();
    let out = zairyu(&[
        "check",
        "--json",
        "--lang",
        tag,
        "--today",
        "2026-11-24",
        &file,
    ]);
    assert_eq!(out.status.code(), Some(1), "a web page is not a PDF");
    let report = json(&out);
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["code"], "pdf_not_a_pdf");
    let expected_args = args!["actually" => "html"];
    let message = zairyu_messages::text(language, "pdf_not_a_pdf", &expected_args).unwrap();
    let hint =
        zairyu_messages::attribute(language, "pdf_not_a_pdf", "hint", &expected_args).unwrap();
    assert_eq!(finding["message"], message.as_str(), "{tag}");
    assert_eq!(finding["hint"], hint.as_str(), "{tag}");
    assert!(finding["message_ja"]
        .as_str()
        .unwrap()
        .contains("HTMLページ"));
    let english = zairyu_messages::text(Language::En, "pdf_not_a_pdf", &expected_args).unwrap();
    if language == Language::En {
        assert!(message.contains("an HTML page"), "{message}");
    } else {
        assert_ne!(message, english, "{tag} is translated");
        let term = zairyu_messages::text(language, "term-html", &args![]).unwrap();
        assert!(
            message.contains(&term),
            "{tag}: the kind is named in the language: {message}"
        );
    }

    let text = zairyu(&["check", "--lang", tag, &file]);
    let printed = String::from_utf8_lossy(&text.stdout);
    assert!(
        printed.contains(&message) && printed.contains(&hint),
        "{tag}: {printed}"
    );

    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft").display().to_string();
    let made = zairyu(&["draft", "new", "extension-of-stay", "--dir", &draft]);
    assert_eq!(
        made.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let out = zairyu(&[
        "draft",
        "check",
        &draft,
        "--json",
        "--lang",
        tag,
        "--today",
        "2026-11-24",
    ]);
    assert_eq!(out.status.code(), Some(1), "an empty draft has errors");
    let report = json(&out);
    let findings = report["findings"].as_array().unwrap();
    let required = findings
        .iter()
        .find(|f| f["code"] == "required" && !f["args"]["label_ja"].is_null())
        .expect("a required field");
    let (label_en, label_ja) = (
        required["args"]["label_en"].as_str().unwrap(),
        required["args"]["label_ja"].as_str().unwrap(),
    );
    let label = zairyu_messages::pair_text(language, label_en, label_ja);
    let expected = zairyu_messages::text(
        language,
        "form-required",
        &args!["label_en" => label_en, "label_ja" => label_ja],
    )
    .unwrap();
    assert_eq!(required["message"], expected.as_str(), "{tag}");
    assert!(expected.starts_with(&label), "{tag}: {expected}");
    if !matches!(language, Language::En | Language::Ja) {
        assert!(
            expected.contains(label_ja) && expected.contains(label_en),
            "{tag}: the official Japanese term stays beside the field's name: {expected}"
        );
    }
    let text = zairyu(&[
        "draft",
        "check",
        &draft,
        "--lang",
        tag,
        "--today",
        "2026-11-24",
    ]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains(&expected),
        "{tag}"
    );
}

#[test]
fn english() {
    check_speaks(Language::En);
}
#[test]
fn japanese() {
    check_speaks(Language::Ja);
}
#[test]
fn simplified_chinese() {
    check_speaks(Language::ZhHans);
}
#[test]
fn vietnamese() {
    check_speaks(Language::Vi);
}
#[test]
fn nepali() {
    check_speaks(Language::Ne);
}
#[test]
fn korean() {
    check_speaks(Language::Ko);
}
#[test]
fn indonesian() {
    check_speaks(Language::Id);
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = zairyu(&["check", "--lang", "tlh", &fixture()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("zh-Hans"));
}
