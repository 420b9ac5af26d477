//! Accessibility: axe-core on every screen of the built UI in Debian's Chromium (Playwright),
//! in English and Japanese, with the app layer behind `zairyu ui-serve` (its bundled server and
//! the practice card). A ready draft is prepared with the CLI so the review screen is reached.

#[path = "../crates/checks/tests/corpus/mod.rs"]
mod corpus;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn zairyu(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_zairyu"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "zairyu {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn pdf(dir: &Path, name: &str) -> String {
    let path = dir.join(format!("{name}.pdf"));
    let status = Command::new("gs")
        .args(["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite"])
        .arg(format!("-sOutputFile={}", path.display()))
        .arg("-c")
        .arg(format!(
            "/Helvetica findfont 20 scalefont setfont 72 720 moveto ({name}) show showpage"
        ))
        .status()
        .unwrap();
    assert!(status.success());
    path.display().to_string()
}

/// A complete extension-of-stay draft in the app's drafts folder.
fn ready_draft(data: &Path, scratch: &Path) {
    let dir = data.join("drafts").join("extension-of-stay-a11y");
    let d = dir.display().to_string();
    zairyu(&["draft", "new", "extension-of-stay", "--dir", &d]);
    let form: serde_json::Value = serde_json::from_str(include_str!(
        "../crates/forms/tests/fixtures/extension-complete.json"
    ))
    .unwrap();
    let mut sets = Vec::new();
    for (section, fields) in form.as_object().unwrap() {
        if section == "attachments" {
            continue;
        }
        for (field, value) in fields.as_object().unwrap() {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            sets.push(format!("{section}.{field}={text}"));
        }
    }
    sets.push(format!(
        "attachments.photo={}",
        corpus::path("photo_good.jpg").display()
    ));
    for slot in [
        "receipt_request_form",
        "for_organization",
        "transcript",
        "certificate_of_enrollment",
        "submitted_documents_and_japanese",
        "financial_support_statement",
        "proof_of_funds",
    ] {
        sets.push(format!("attachments.{slot}={}", pdf(scratch, slot)));
    }
    let mut args = vec!["draft", "set", d.as_str()];
    args.extend(sets.iter().map(String::as_str));
    zairyu(&args);
}

#[test]
fn axe_finds_no_violation_on_any_screen() {
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "Debian's chromium is needed: run scripts/setup.sh (it installs it)"
    );
    assert!(
        repo().join("ui/dist/index.html").exists(),
        "build the UI first: npm --prefix ui run build"
    );
    let data = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    ready_draft(data.path(), scratch.path());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_zairyu"))
        .args(["ui-serve", "--listen", &listen, "--ui"])
        .arg(repo().join("ui/dist"))
        .arg("--data")
        .arg(data.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(&listen).is_err() {
        assert!(Instant::now() < deadline, "ui-serve did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = Command::new("node")
        .arg(repo().join("ui/a11y/axe-screens.mjs"))
        .arg(format!("http://{listen}"))
        .arg(repo().join("test-output/screenshots"))
        .current_dir(repo().join("ui"))
        .output()
        .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "axe found violations:\n{report}");
    assert!(report.contains("-review"), "the review screen was reached");
}
