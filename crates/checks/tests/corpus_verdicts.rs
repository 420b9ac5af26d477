//! The checks against a generated corpus of good and bad photos and PDFs, and the PDF
//! verdicts compared with qpdf's on encryption, restrictions and damage.

use std::process::Command;

use zairyu_checks::{check_pdf_bytes, check_photo_bytes, fix_pdf, fix_photo, Date, Severity};
use zairyu_testkit::corpus;

fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}

fn photo_codes(name: &str) -> Vec<String> {
    let bytes = std::fs::read(corpus::path(name)).unwrap();
    check_photo_bytes(&bytes, today())
        .0
        .into_iter()
        .map(|f| f.code)
        .collect()
}

fn pdf_codes(name: &str) -> Vec<String> {
    let bytes = std::fs::read(corpus::path(name)).unwrap();
    check_pdf_bytes(&bytes)
        .0
        .into_iter()
        .map(|f| f.code)
        .collect()
}

/// Photo verdicts, one row each: file, codes that must be there, codes that must not.
#[test]
fn photo_verdicts() {
    let rows: &[(&str, &[&str], &[&str])] = &[
        (
            "photo_good.jpg",
            &[],
            &[
                "photo_not_3_4",
                "photo_too_old",
                "photo_background_busy",
                "photo_blurred",
                "photo_date_unknown",
            ],
        ),
        ("photo_rotated.jpg", &[], &["photo_not_3_4"]),
        ("photo_landscape.jpg", &["photo_not_3_4"], &[]),
        ("photo_square.jpg", &["photo_not_3_4"], &[]),
        ("photo_old.jpg", &["photo_too_old"], &["photo_date_unknown"]),
        (
            "photo_nodate.jpg",
            &["photo_date_unknown"],
            &["photo_too_old"],
        ),
        ("photo_png_renamed.jpg", &["photo_not_jpeg"], &[]),
        ("photo_truncated.jpg", &["photo_truncated"], &[]),
        ("photo_tiny.jpg", &["photo_too_small"], &["photo_not_3_4"]),
        ("photo_busy.jpg", &["photo_background_busy"], &[]),
        (
            "photo_blurred.jpg",
            &["photo_blurred"],
            &["photo_background_busy"],
        ),
        ("photo_gps.jpg", &["photo_has_location"], &[]),
    ];
    for (name, must, must_not) in rows {
        let codes = photo_codes(name);
        for code in *must {
            assert!(
                codes.iter().any(|c| c == code),
                "{name}: expected {code}, got {codes:?}"
            );
        }
        for code in *must_not {
            assert!(
                !codes.iter().any(|c| c == code),
                "{name}: did not expect {code}, got {codes:?}"
            );
        }
    }
    // The good photo has no error at all (only the reported 50 KB rule may warn).
    let bytes = std::fs::read(corpus::path("photo_good.jpg")).unwrap();
    let (findings, facts) = check_photo_bytes(&bytes, today());
    assert!(
        findings.iter().all(|f| f.severity == Severity::Warning),
        "{findings:?}"
    );
    assert_eq!((facts.width, facts.height), (600, 800));
    assert_eq!(facts.taken, Date::parse("2026-10-01"));
    let bytes = std::fs::read(corpus::path("photo_rotated.jpg")).unwrap();
    assert_eq!(
        check_photo_bytes(&bytes, today()).1.width,
        600,
        "orientation applied"
    );
}

#[test]
fn renamed_png_is_named_for_what_it_is() {
    let bytes = std::fs::read(corpus::path("photo_png_renamed.jpg")).unwrap();
    let findings = check_photo_bytes(&bytes, today()).0;
    assert!(
        findings[0].message.contains("a PNG image"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message_ja.contains("PNG画像"),
        "{}",
        findings[0].message_ja
    );
}

#[test]
fn pdf_verdicts() {
    let rows: &[(&str, &[&str])] = &[
        ("pdf_good.pdf", &[]),
        ("pdf_objstm.pdf", &[]),
        ("pdf_linearized.pdf", &[]),
        ("pdf_user_aes256.pdf", &["pdf_password_protected"]),
        ("pdf_user_rc4.pdf", &["pdf_password_protected"]),
        ("pdf_owner_noprint_aes256.pdf", &["pdf_restricted"]),
        ("pdf_owner_nocopy_aes256.pdf", &["pdf_restricted"]),
        ("pdf_owner_noprint_rc4.pdf", &["pdf_restricted"]),
        ("pdf_owner_allowed_aes256.pdf", &["pdf_encrypted"]),
        ("pdf_truncated.pdf", &["pdf_truncated", "pdf_damaged"]),
        ("pdf_shifted_xref.pdf", &["pdf_damaged"]),
        ("pdf_v20.pdf", &["pdf_version_too_new"]),
        // Hand-written one-page files without content also render blank.
        (
            "pdf_catalog_v20.pdf",
            &["pdf_page_blank", "pdf_version_too_new"],
        ),
        ("pdf_renamed_jpeg.pdf", &["pdf_not_a_pdf"]),
        ("pdf_renamed_html.pdf", &["pdf_not_a_pdf"]),
        ("pdf_empty.pdf", &["file_empty"]),
        (
            "pdf_javascript.pdf",
            &["pdf_page_blank", "pdf_has_javascript"],
        ),
        (
            "pdf_launch.pdf",
            &["pdf_page_blank", "pdf_has_launch_action"],
        ),
        (
            "pdf_embedded.pdf",
            &["pdf_page_blank", "pdf_has_embedded_files"],
        ),
        ("pdf_bomb.pdf", &["pdf_page_blank"]),
        ("pdf_scan_large.pdf", &[]),
        ("pdf_blank_content.pdf", &["pdf_page_blank"]),
        ("pdf_blank_no_content.pdf", &["pdf_page_blank"]),
        ("pdf_drawn_line.pdf", &[]),
        ("pdf_scan_cut_short.pdf", &["pdf_page_blank"]),
        ("pdf_scan_small.pdf", &[]),
        ("pdf_second_page_blank.pdf", &["pdf_page_blank"]),
    ];
    for (name, want) in rows {
        let codes = pdf_codes(name);
        assert_eq!(&codes, want, "{name}");
    }
    let two_pages = std::fs::read(corpus::path("pdf_second_page_blank.pdf")).unwrap();
    let (blank, facts) = check_pdf_bytes(&two_pages);
    assert_eq!(facts.pages, 2);
    assert!(
        blank[0].message.starts_with("Page 2 of 2 "),
        "{}",
        blank[0].message
    );
    assert!(
        blank[0].message_ja.contains("2ページ目"),
        "{}",
        blank[0].message_ja
    );
    assert_eq!(blank[0].severity, Severity::Error);
    assert!(
        blank[0].hint.contains("Scan the page again"),
        "{}",
        blank[0].hint
    );
    let restricted = std::fs::read(corpus::path("pdf_owner_noprint_aes256.pdf")).unwrap();
    let finding = &check_pdf_bytes(&restricted).0[0];
    assert!(finding.message.contains("printing"), "{}", finding.message);
    let jpeg = std::fs::read(corpus::path("pdf_renamed_jpeg.pdf")).unwrap();
    assert!(check_pdf_bytes(&jpeg).0[0].message.contains("a JPEG image"));
    let html = std::fs::read(corpus::path("pdf_renamed_html.pdf")).unwrap();
    assert!(check_pdf_bytes(&html).0[0].message.contains("an HTML page"));
}

/// PDF 2.0 is not ISO 32000-1, and the manual says such files cannot be attached: an error
/// (issue 15 item 7), whether the header or the catalog says 2.0, with a hint to save as 1.7.
#[test]
fn pdf_2_0_is_an_error_with_a_fix_hint() {
    for name in ["pdf_v20.pdf", "pdf_catalog_v20.pdf"] {
        let bytes = std::fs::read(corpus::path(name)).unwrap();
        let (findings, facts) = check_pdf_bytes(&bytes);
        let finding = findings
            .iter()
            .find(|f| f.code == "pdf_version_too_new")
            .unwrap_or_else(|| panic!("{name}: {findings:?}"));
        assert_eq!(finding.severity, Severity::Error, "{name}");
        assert!(finding.message.contains("2.0"), "{}", finding.message);
        assert!(finding.hint.contains("PDF 1.7"), "{}", finding.hint);
        assert!(finding.hint_ja.contains("PDF 1.7"), "{}", finding.hint_ja);
        assert_eq!(facts.version.as_deref(), Some("2.0"));
    }
}

/// Runs qpdf with `args` on `bytes` (written to a temp file); its exit code and stdout.
fn qpdf_on(bytes: &[u8], args: &[&str]) -> (Option<i32>, String) {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), bytes).unwrap();
    let out = Command::new("qpdf")
        .args(args)
        .arg(file.path())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn qpdf_rc(args: &[&str], name: &str) -> i32 {
    let path = corpus::path(name);
    Command::new("qpdf")
        .args(args)
        .arg(&path)
        .output()
        .expect("qpdf is installed by scripts/setup.sh")
        .status
        .code()
        .unwrap()
}

/// Our verdict and qpdf's agree on every real PDF of the corpus: password needed
/// (`--requires-password` 0), encrypted but opens (3), and damage (`--check` not 0, for files
/// that open without a password).
#[test]
fn pdf_verdicts_agree_with_qpdf() {
    let names = [
        "pdf_good.pdf",
        "pdf_objstm.pdf",
        "pdf_linearized.pdf",
        "pdf_user_aes256.pdf",
        "pdf_user_rc4.pdf",
        "pdf_owner_noprint_aes256.pdf",
        "pdf_owner_nocopy_aes256.pdf",
        "pdf_owner_noprint_rc4.pdf",
        "pdf_owner_allowed_aes256.pdf",
        "pdf_truncated.pdf",
        "pdf_shifted_xref.pdf",
        "pdf_v20.pdf",
    ];
    for name in names {
        let codes = pdf_codes(name);
        let has = |c: &str| codes.iter().any(|x| x == c);
        let requires = qpdf_rc(&["--requires-password"], name);
        assert_eq!(
            requires == 0,
            has("pdf_password_protected"),
            "{name}: password; qpdf rc {requires}, ours {codes:?}"
        );
        if requires == 0 {
            continue;
        }
        assert_eq!(
            requires == 3,
            has("pdf_restricted") || has("pdf_encrypted"),
            "{name}: encryption; qpdf rc {requires}, ours {codes:?}"
        );
        let check = qpdf_rc(&["--check"], name);
        let damaged = has("pdf_damaged") || has("pdf_truncated") || has("pdf_unreadable");
        assert_eq!(
            check != 0,
            damaged,
            "{name}: damage; qpdf --check rc {check}, ours {codes:?}"
        );
    }
    // Restrictions: qpdf --show-encryption says what is forbidden; so do we.
    let out = Command::new("qpdf")
        .args(["--show-encryption"])
        .arg(corpus::path("pdf_owner_noprint_aes256.pdf"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("print low resolution: not allowed"), "{text}");
}

#[test]
fn photo_fix_makes_a_3_4_jpeg_without_location() {
    for name in [
        "photo_landscape.jpg",
        "photo_square.jpg",
        "photo_gps.jpg",
        "photo_rotated.jpg",
    ] {
        let fixed = fix_photo(&std::fs::read(corpus::path(name)).unwrap()).unwrap();
        let codes: Vec<String> = check_photo_bytes(&fixed, today())
            .0
            .into_iter()
            .map(|f| f.code)
            .collect();
        assert!(
            !codes.iter().any(|c| c == "photo_not_3_4"
                || c == "photo_has_location"
                || c == "photo_file_large"),
            "{name}: {codes:?}"
        );
        // Metadata is dropped, so the date is gone too: the student is told it cannot be verified.
        assert!(
            codes.iter().any(|c| c == "photo_date_unknown"),
            "{name}: {codes:?}"
        );
    }
    let truncated = std::fs::read(corpus::path("photo_truncated.jpg")).unwrap();
    assert_eq!(fix_photo(&truncated).unwrap_err().0.code, "photo_truncated");
}

#[test]
fn pdf_fix_unlocks_owner_restricted_files_only() {
    for name in [
        "pdf_owner_noprint_aes256.pdf",
        "pdf_owner_nocopy_aes256.pdf",
        "pdf_owner_noprint_rc4.pdf",
        "pdf_owner_allowed_aes256.pdf",
    ] {
        let fixed = fix_pdf(&std::fs::read(corpus::path(name)).unwrap()).unwrap();
        assert_eq!(check_pdf_bytes(&fixed).0, vec![], "{name}");
        let (rc, _) = qpdf_on(&fixed, &["--requires-password"]);
        assert_eq!(rc, Some(2), "{name}: qpdf sees an unencrypted file");
        let (rc, _) = qpdf_on(&fixed, &["--check"]);
        assert_eq!(
            rc,
            Some(0),
            "{name}: qpdf --check finds no error or warning"
        );
    }
    let locked = std::fs::read(corpus::path("pdf_user_aes256.pdf")).unwrap();
    assert_eq!(
        fix_pdf(&locked).unwrap_err().0.code,
        "pdf_password_protected"
    );
}

#[test]
fn merge_keeps_every_page_in_order_and_drops_restrictions() {
    let inputs: Vec<Vec<u8>> = [
        "pdf_good.pdf",
        "pdf_owner_noprint_aes256.pdf",
        "pdf_objstm.pdf",
    ]
    .iter()
    .map(|n| std::fs::read(corpus::path(n)).unwrap())
    .collect();
    let merged = zairyu_checks::merge_pdfs(&inputs).unwrap();
    let (findings, facts) = check_pdf_bytes(&merged);
    assert_eq!(findings, vec![]);
    assert_eq!(facts.pages, 3);
    let (_, npages) = qpdf_on(&merged, &["--show-npages"]);
    assert_eq!(npages.trim(), "3");
    assert_eq!(qpdf_on(&merged, &["--check"]).0, Some(0));
    let locked = std::fs::read(corpus::path("pdf_user_rc4.pdf")).unwrap();
    assert_eq!(
        zairyu_checks::merge_pdfs(&[locked]).unwrap_err().0.code,
        "pdf_password_protected"
    );
}

#[test]
fn shrink_makes_a_scan_fit_and_keeps_it_valid() {
    let scan = std::fs::read(corpus::path("pdf_scan_large.pdf")).unwrap();
    assert!(scan.len() > 1_000_000, "the scan is {} bytes", scan.len());
    let budget = scan.len() as u64 / 3;
    let small = zairyu_checks::shrink_pdf(&scan, budget).unwrap();
    assert!((small.len() as u64) <= budget, "{} > {budget}", small.len());
    let (findings, facts) = check_pdf_bytes(&small);
    assert_eq!(findings, vec![]);
    assert_eq!(facts.pages, 1);
    assert_eq!(qpdf_on(&small, &["--check"]).0, Some(0));
    // A budget no re-encoding can meet is refused, saying so.
    let err = zairyu_checks::shrink_pdf(&scan, 2_000).unwrap_err();
    assert_eq!(err.0.code, "pdf_too_large_to_shrink");
}
