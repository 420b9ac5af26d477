//! Random and mutated bytes never make the PDF or photo checks panic: every input gets a
//! verdict. Case counts are bounded so the suite stays quick; raise PROPTEST_CASES to dig.

use proptest::prelude::*;
use zairyu_checks::{check_pdf_bytes, check_photo_bytes, fix_pdf, fix_photo, Date};
use zairyu_testkit::corpus;

fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(48),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A corpus file with some bytes replaced and possibly cut short.
fn mutated(name: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let original = std::fs::read(corpus::path(name)).unwrap();
    let len = original.len();
    (
        proptest::collection::vec((0..len, any::<u8>()), 1..16),
        prop_oneof![Just(len), 0..len],
    )
        .prop_map(move |(edits, cut)| {
            let mut bytes = original.clone();
            for (at, value) in edits {
                bytes[at] = value;
            }
            bytes.truncate(cut);
            bytes
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_get_a_verdict(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let (pdf, _) = check_pdf_bytes(&bytes);
        prop_assert!(!pdf.is_empty(), "random bytes are never a clean PDF");
        let (photo, _) = check_photo_bytes(&bytes, today());
        prop_assert!(!photo.is_empty());
    }

    #[test]
    fn random_bytes_behind_a_pdf_header_get_a_verdict(tail in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend_from_slice(&tail);
        let (findings, _) = check_pdf_bytes(&bytes);
        prop_assert!(!findings.is_empty());
        let _ = fix_pdf(&bytes);
    }

    #[test]
    fn mutated_pdfs_get_a_verdict(bytes in mutated("pdf_good.pdf")) {
        let _ = check_pdf_bytes(&bytes);
        let _ = fix_pdf(&bytes);
    }

    #[test]
    fn mutated_encrypted_pdfs_get_a_verdict(bytes in mutated("pdf_owner_noprint_aes256.pdf")) {
        let _ = check_pdf_bytes(&bytes);
    }

    #[test]
    fn mutated_photos_get_a_verdict(bytes in mutated("photo_good.jpg")) {
        let _ = check_photo_bytes(&bytes, today());
        let _ = fix_photo(&bytes);
    }
}

/// 100,000 nested arrays or dictionaries: the parser must not overflow the stack.
#[test]
fn deep_nesting_gets_a_verdict() {
    let depth = 100_000;
    let arrays = format!("/X {}{}", "[".repeat(depth), "]".repeat(depth));
    let dicts = format!("/Y {}1{}", "<< /A ".repeat(depth), " >>".repeat(depth));
    for extra in [arrays, dicts] {
        let bytes = corpus::hand_pdf("1.7", &extra, &[]);
        let (findings, _) = check_pdf_bytes(&bytes);
        assert!(
            findings.iter().all(|f| f.code.starts_with("pdf_")),
            "{findings:?}"
        );
    }
}

/// 600,000 tiny objects are refused before lopdf parses them.
#[test]
fn huge_object_counts_are_refused_before_parsing() {
    let objects: Vec<Vec<u8>> = (0..600_000).map(|_| b"1".to_vec()).collect();
    let bytes = corpus::hand_pdf("1.7", "", &objects);
    let (findings, _) = check_pdf_bytes(&bytes);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].code, "pdf_too_complex");
    assert!(
        findings[0].message.contains("600,003"),
        "{}",
        findings[0].message
    );
}
