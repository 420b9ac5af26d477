//! Decoding bombs are refused before anything big is allocated: a JPEG header claiming 100
//! megapixels, a PDF whose object streams each stay under the per-stream cap but together
//! inflate to 192 MiB, and a request whose files together would decode past its budget.
//! Peak memory of each is printed by `cargo bench -p zairyu-checks --bench peak_memory`.

use zairyu_checks::{
    check_pdf_bytes, check_pdf_bytes_within, check_photo_bytes, check_photo_bytes_within, fix_pdf,
    fix_photo, Date, DecodeBudget,
};
use zairyu_testkit::corpus;

fn today() -> Date {
    Date::parse("2026-11-01").unwrap()
}

fn codes(findings: &[zairyu_checks::Finding]) -> Vec<String> {
    findings.iter().map(|f| f.code.clone()).collect()
}

#[test]
fn a_jpeg_claiming_100_megapixels_is_refused_from_its_header() {
    let bomb = std::fs::read(corpus::path("photo_pixel_bomb.jpg")).unwrap();
    assert!(bomb.len() < 1000, "{} bytes", bomb.len());
    let started = std::time::Instant::now();
    let (findings, _) = check_photo_bytes(&bomb, today());
    assert_eq!(codes(&findings), ["photo_too_many_pixels"]);
    assert!(
        findings[0].message.contains("10,000×10,000"),
        "{}",
        findings[0].message
    );
    assert!(!findings[0].hint.is_empty());
    // Refused from the header: no decoding (which takes seconds) happened.
    assert!(
        started.elapsed().as_millis() < 500,
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        fix_photo(&bomb).unwrap_err().0.code,
        "photo_too_many_pixels"
    );
}

#[test]
fn a_pdf_whose_object_streams_inflate_past_the_total_is_refused_before_loading() {
    let bomb = std::fs::read(corpus::path("pdf_objstm_bomb.pdf")).unwrap();
    assert!(bomb.len() < 300_000, "{} bytes", bomb.len());
    let (findings, _) = check_pdf_bytes(&bomb);
    assert_eq!(codes(&findings), ["pdf_inflates_too_much"]);
    assert!(
        findings[0].message.contains("33 MB"),
        "{}",
        findings[0].message
    );
    assert_eq!(fix_pdf(&bomb).unwrap_err().0.code, "pdf_inflates_too_much");
}

#[test]
fn a_content_stream_bomb_is_never_inflated_and_good_files_pass() {
    // Its page draws nothing (the bomb is an object no page shows), so that is all it gets.
    let content_bomb = std::fs::read(corpus::path("pdf_bomb.pdf")).unwrap();
    assert_eq!(codes(&check_pdf_bytes(&content_bomb).0), ["pdf_page_blank"]);
    for name in ["pdf_good.pdf", "pdf_objstm.pdf", "pdf_linearized.pdf"] {
        let bytes = std::fs::read(corpus::path(name)).unwrap();
        assert!(codes(&check_pdf_bytes(&bytes).0).is_empty(), "{name}");
    }
}

#[test]
fn a_progressive_jpeg_too_costly_to_decode_is_refused_from_its_header() {
    let bomb = std::fs::read(corpus::path("photo_progressive_bomb.jpg")).unwrap();
    assert!(bomb.len() < 2000, "{} bytes", bomb.len());
    let (findings, _) = check_photo_bytes(&bomb, today());
    assert_eq!(codes(&findings), ["photo_decode_too_large"]);
    assert!(
        findings[0].message.contains("5,000×5,000"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].hint.contains("baseline"),
        "{}",
        findings[0].hint
    );
    assert!(!findings[0].message_ja.is_empty() && !findings[0].hint_ja.is_empty());
}

#[test]
fn a_pdf_too_big_to_parse_within_memory_is_refused_before_loading() {
    for name in [
        "pdf_many_objects.pdf",
        "pdf_huge_array.pdf",
        "pdf_objstm_dense.pdf",
    ] {
        let bytes = std::fs::read(corpus::path(name)).unwrap();
        let (findings, _) = check_pdf_bytes(&bytes);
        assert_eq!(codes(&findings), ["pdf_too_complex"], "{name}");
        assert!(
            findings[0].message.contains("values"),
            "{}",
            findings[0].message
        );
    }
    let many = std::fs::read(corpus::path("pdf_many_objects.pdf")).unwrap();
    assert_eq!(fix_pdf(&many).unwrap_err().0.code, "pdf_too_complex");
}

#[test]
fn huge_object_counts_and_deep_nesting_get_a_verdict() {
    for name in [
        "pdf_many_objects.pdf",
        "pdf_deep_nesting.pdf",
        "pdf_deep_dictionaries.pdf",
        "pdf_objstm_at_cap.pdf",
    ] {
        let bytes = std::fs::read(corpus::path(name)).unwrap();
        let (findings, _) = check_pdf_bytes(&bytes);
        assert!(
            !findings.is_empty(),
            "{name}: hand-made, its page is blank at least"
        );
        assert!(
            findings.iter().all(|f| !f.hint.is_empty()),
            "{name}: {findings:?}"
        );
    }
}

#[test]
fn a_request_budget_stops_files_that_each_pass_alone() {
    let photo = std::fs::read(corpus::path("photo_pixel_bomb_at_limit.jpg")).unwrap();
    let mut budget = DecodeBudget::per_request();
    let mut refused = None;
    for round in 0..10 {
        let (findings, _) = check_photo_bytes_within(&photo, today(), &mut budget);
        if codes(&findings).contains(&"files_decode_too_large".to_owned()) {
            refused = Some(round);
            break;
        }
    }
    // 25 megapixels cost 75 MB each: the fourth passes the 268 MB budget.
    assert_eq!(refused, Some(3), "left {}", budget.left());
    let pdf = std::fs::read(corpus::path("pdf_objstm.pdf")).unwrap();
    let mut spent = DecodeBudget::per_request();
    let before = spent.left();
    assert!(codes(&check_pdf_bytes_within(&pdf, &mut spent).0).is_empty());
    assert!(spent.left() < before, "the object streams were counted");
}
