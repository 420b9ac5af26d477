//! The page-level sanity check (`pdf_page_blank`) agrees with a real renderer: Ghostscript
//! (Debian's `ghostscript`, in scripts/apt-packages.txt) renders each page of the corpus's
//! blank and non-blank PDFs, and a page we call blank renders as one flat colour (white, or
//! the grey Ghostscript fills a JPEG cut short with), a page we pass does not.

use std::process::Command;

use zairyu_checks::check_pdf_bytes;
use zairyu_testkit::corpus;

/// Page `page` of `name` rendered in greyscale at 18 dpi: whether it shows anything, i.e.
/// whether any pixel inside a 2-pixel rim (where rounding leaves edges) differs from the
/// commonest value by more than 8. A page Ghostscript cannot render at all shows nothing.
fn renders_something(name: &str, page: usize) -> bool {
    let out = Command::new("gs")
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=pgmraw",
            "-r18",
            &format!("-dFirstPage={page}"),
            &format!("-dLastPage={page}"),
            "-sOutputFile=-",
        ])
        .arg(corpus::path(name))
        .output()
        .expect("ghostscript is installed (scripts/apt-packages.txt)");
    let pgm = out.stdout;
    // "P5\n# comment\n<w> <h>\n255\n" then one byte a pixel.
    let mut fields: Vec<usize> = Vec::new();
    let mut at = 0;
    while fields.len() < 4 && at < pgm.len() {
        while at < pgm.len() && pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        if pgm.get(at) == Some(&b'#') {
            while at < pgm.len() && pgm[at] != b'\n' {
                at += 1;
            }
            continue;
        }
        let start = at;
        while at < pgm.len() && !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let word = String::from_utf8_lossy(&pgm[start..at]);
        fields.push(word.parse().unwrap_or(0));
    }
    let (width, height) = (
        fields.get(1).copied().unwrap_or(0),
        fields.get(2).copied().unwrap_or(0),
    );
    let pixels = pgm.get(at + 1..).unwrap_or_default();
    if width < 5 || height < 5 || pixels.len() < width * height {
        return false;
    }
    let mut counts = [0usize; 256];
    for &p in pixels {
        counts[usize::from(p)] += 1;
    }
    let common = (0..256).max_by_key(|&v| counts[v]).unwrap() as i32;
    (2..height - 2)
        .any(|y| (2..width - 2).any(|x| (i32::from(pixels[y * width + x]) - common).abs() > 8))
}

fn blank_codes(name: &str) -> (bool, usize, String) {
    let bytes = std::fs::read(corpus::path(name)).unwrap();
    let (findings, facts) = check_pdf_bytes(&bytes);
    let blank = findings.iter().find(|f| f.code == "pdf_page_blank");
    (
        blank.is_some(),
        facts.pages,
        blank.map(|f| f.message.clone()).unwrap_or_default(),
    )
}

#[test]
fn blank_verdicts_match_what_ghostscript_renders() {
    let files = [
        "pdf_good.pdf",
        "pdf_scan_large.pdf",
        "pdf_scan_small.pdf",
        "pdf_drawn_line.pdf",
        "pdf_blank_content.pdf",
        "pdf_blank_no_content.pdf",
        "pdf_scan_cut_short.pdf",
        "pdf_second_page_blank.pdf",
        "pdf_objstm.pdf",
    ];
    let mut blanks_seen = 0;
    for name in files {
        let (flagged, pages, message) = blank_codes(name);
        let rendered: Vec<bool> = (1..=pages).map(|p| renders_something(name, p)).collect();
        let blank_pages: Vec<usize> = rendered
            .iter()
            .enumerate()
            .filter(|(_, drawn)| !**drawn)
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(
            flagged,
            !blank_pages.is_empty(),
            "{name}: ours {message:?}, Ghostscript renders blank pages {blank_pages:?} of {pages}"
        );
        for page in &blank_pages {
            assert!(
                message.contains(&format!("{page} of {pages}")),
                "{name}: Ghostscript's blank page {page} is not named in {message:?}"
            );
        }
        blanks_seen += blank_pages.len();
    }
    assert!(blanks_seen >= 4, "the corpus has blank pages to compare");
}
