//! `zairyu check` and `zairyu fix` as a script sees them: the JSON shape, exit codes and the
//! fixed files, on the corpus the checks crate generates.

use std::process::Output;

use zairyu_testkit::corpus;

fn zairyu(args: &[&str]) -> Output {
    zairyu_testkit::run(env!("CARGO_BIN_EXE_zairyu"), args, None)
}

fn path(name: &str) -> String {
    corpus::path(name).display().to_string()
}

#[test]
fn json_report_has_the_documented_shape_and_exit_code() {
    let good_photo = path("photo_good.jpg");
    let good_pdf = path("pdf_good.pdf");
    let out = zairyu(&[
        "check",
        "--json",
        "--today",
        "2026-11-24",
        &good_photo,
        &good_pdf,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["path"], good_photo.as_str());
    assert_eq!(files[0]["kind"], "photo");
    assert_eq!(files[1]["kind"], "pdf");
    assert_eq!(files[1]["ok"], true);
    assert_eq!(report["set"]["ok"], true);
    for f in files[0]["findings"].as_array().unwrap() {
        for key in ["code", "severity", "message", "hint"] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
    }

    let restricted = path("pdf_owner_noprint_aes256.pdf");
    let out = zairyu(&["check", "--json", &good_pdf, &restricted, &good_pdf]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"][1]["ok"], false);
    assert_eq!(report["files"][1]["findings"][0]["code"], "pdf_restricted");
    assert_eq!(report["files"][1]["findings"][0]["severity"], "error");
    assert_eq!(report["set"]["findings"][0]["code"], "set_duplicate_file");
    assert_eq!(report["set"]["ok"], true, "a duplicate is only a warning");
}

/// PDF 2.0 (not ISO 32000-1) cannot be attached, so it fails the check (exit 1, an error with
/// a hint to save as PDF 1.7); so does a page that renders blank, named by its number.
#[test]
fn pdf_2_0_and_a_blank_page_fail_the_check() {
    let out = zairyu(&["check", "--json", &path("pdf_v20.pdf")]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["code"], "pdf_version_too_new");
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["hint"].as_str().unwrap().contains("PDF 1.7"),
        "{finding}"
    );

    let out = zairyu(&["check", "--json", &path("pdf_second_page_blank.pdf")]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["code"], "pdf_page_blank");
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("Page 2 of 2"),
        "{finding}"
    );
}

#[test]
fn text_report_names_the_problem_and_the_fix() {
    let out = zairyu(&[
        "check",
        "--today",
        "2026-11-24",
        &path("photo_old.jpg"),
        &path("pdf_renamed_html.pdf"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("photo_too_old"), "{text}");
    assert!(text.contains("an HTML page"), "{text}");
    assert!(text.contains("fix: "), "{text}");
}

#[test]
fn bad_date_and_missing_file_are_reported() {
    let out = zairyu(&[
        "check",
        "--json",
        "--today",
        "24/11/2026",
        &path("pdf_good.pdf"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "invalid_date");

    let out = zairyu(&["check", "--json", "/nonexistent/zairyu.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"][0]["findings"][0]["code"], "file_unreadable");
}

#[test]
fn fix_commands_write_files_that_pass() {
    let dir = tempfile::tempdir().unwrap();
    let photo_out = dir.path().join("photo.jpg");
    let out = zairyu(&[
        "fix",
        "photo",
        &path("photo_landscape.jpg"),
        photo_out.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf_out = dir.path().join("unlocked.pdf");
    let out = zairyu(&[
        "fix",
        "pdf",
        &path("pdf_owner_nocopy_aes256.pdf"),
        pdf_out.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = dir.path().join("merged.pdf");
    let out = zairyu(&[
        "fix",
        "merge",
        merged.to_str().unwrap(),
        &path("pdf_good.pdf"),
        pdf_out.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = zairyu(&[
        "check",
        "--json",
        "--today",
        "2026-11-24",
        photo_out.to_str().unwrap(),
        pdf_out.to_str().unwrap(),
        merged.to_str().unwrap(),
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{report:#}");

    let shrunk = dir.path().join("shrunk.pdf");
    let budget = std::fs::metadata(corpus::path("pdf_scan_large.pdf"))
        .unwrap()
        .len()
        / 3;
    let out = zairyu(&[
        "fix",
        "pdf",
        "--max-bytes",
        &budget.to_string(),
        &path("pdf_scan_large.pdf"),
        shrunk.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::metadata(&shrunk).unwrap().len() <= budget);

    // A file that cannot be fixed is refused with its code, and nothing is written.
    let refused = dir.path().join("refused.pdf");
    let out = zairyu(&[
        "fix",
        "pdf",
        &path("pdf_user_aes256.pdf"),
        refused.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("password"));
    assert!(!refused.exists());
}
