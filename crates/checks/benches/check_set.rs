//! Benchmark: checks a 20-file set just under 25 MB (19 scanned-style PDFs and a 12-megapixel
//! photo) and, in the same run, times `qpdf --check` on the same PDFs; prints both, the ratio,
//! and whether the verdicts agree. Run: `cargo bench -p zairyu-checks --bench check_set`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use image::{GrayImage, Luma, Rgb, RgbImage};
use zairyu_checks::{check_paths, check_photo_bytes, Date};
use zairyu_testkit::corpus;

const SET_BYTES: usize = 24_900_000;
const PDFS: usize = 19;

fn jpeg_gray(width: u32, height: u32, seed: u32) -> Vec<u8> {
    // Paper-like noise with text-like bars: compresses like a real 200 dpi scan.
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    let img = GrayImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 48) as u8;
        let ink = (y / 24) % 3 == 0 && (x / 9) % 7 != 0;
        Luma([if ink { 40 + noise } else { 200 + noise }])
    });
    let mut out = Vec::new();
    img.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
        &mut out, 80,
    ))
    .unwrap();
    out
}

/// A one-page PDF showing `jpeg` full-page, padded to exactly `size` bytes with an unused
/// stream (so every file of the set differs and the set lands just under 25 MB).
fn scan_pdf(jpeg: &[u8], width: u32, height: u32, size: usize, tag: usize) -> Vec<u8> {
    let build = |padding: usize| {
        corpus::hand_pdf_with_page(
            "1.7",
            "",
            "/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R",
            &[
                corpus::stream(
                    &format!("/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode"),
                    jpeg,
                ),
                corpus::stream("", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
                corpus::stream(&format!("/Scan {tag}"), &vec![b'0'; padding]),
            ],
        )
    };
    let mut padding = 0;
    // The /Length digits grow with the padding: two corrections settle it.
    for _ in 0..3 {
        let len = build(padding).len();
        assert!(
            len <= size + padding,
            "the scan is larger than its share of the set"
        );
        padding = padding + size - len;
    }
    let pdf = build(padding);
    assert_eq!(pdf.len(), size);
    pdf
}

fn photo_12mp() -> Vec<u8> {
    let img = RgbImage::from_fn(3000, 4000, |x, y| {
        let (dx, dy) = (x as f64 - 1500.0, y as f64 - 1800.0);
        if (dx / 700.0).powi(2) + (dy / 900.0).powi(2) < 1.0 {
            Rgb([138, 90, 68])
        } else {
            Rgb([232, 238, (244 - (y / 100) as u8).max(200)])
        }
    });
    let mut out = Vec::new();
    img.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
        &mut out, 90,
    ))
    .unwrap();
    out
}

/// Time this thread has spent on a CPU (from /proc/thread-self/schedstat), in ms: unlike the
/// wall clock, it does not grow when other processes share the cores.
fn on_cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e6)
}

/// On-CPU ms of `work`, the least of `runs` runs.
fn cpu_of(runs: usize, mut work: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = on_cpu_ms();
            work();
            on_cpu_ms() - start
        })
        .fold(f64::MAX, f64::min)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let photo = photo_12mp();
    let photo_path = dir.path().join("photo.jpg");
    std::fs::write(&photo_path, &photo).unwrap();
    let per_pdf = (SET_BYTES - photo.len()) / PDFS;
    let (w, h) = (1654, 2339);
    let mut paths: Vec<PathBuf> = vec![photo_path.clone()];
    for i in 0..PDFS {
        let jpeg = jpeg_gray(w, h, i as u32 + 1);
        let path = dir.path().join(format!("scan{i:02}.pdf"));
        std::fs::write(&path, scan_pdf(&jpeg, w, h, per_pdf, i)).unwrap();
        paths.push(path);
    }
    let total: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    println!(
        "set: {} files, {total} bytes (photo {} bytes, 3000x4000)",
        paths.len(),
        photo.len()
    );

    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let today = Date::parse("2026-11-24").unwrap();
    let mut runs = Vec::new();
    let mut report = None;
    for _ in 0..5 {
        let start = Instant::now();
        report = Some(check_paths(&refs, today, |_, _| {}));
        runs.push(start.elapsed());
    }
    let ours = median(runs);
    let report = report.unwrap();
    let pdf_ok: Vec<bool> = report.files[1..].iter().map(|f| f.ok).collect();

    let mut photo_runs = Vec::new();
    let mut photo_codes = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let (findings, facts) = check_photo_bytes(&photo, today);
        photo_runs.push(start.elapsed());
        photo_codes = findings.into_iter().map(|f| f.code).collect::<Vec<_>>();
        photo_codes.push(format!("{}x{}", facts.width, facts.height));
    }

    // Where the time goes, on one thread, in on-CPU ms (best of 3).
    let contents: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    use sha2::Digest;
    let sha = cpu_of(3, || {
        for bytes in &contents {
            std::hint::black_box(sha2::Sha256::digest(bytes));
        }
    });
    let photo_cpu = cpu_of(3, || {
        std::hint::black_box(check_photo_bytes(&photo, today));
    });
    let pdfs_cpu = cpu_of(3, || {
        for bytes in &contents[1..] {
            std::hint::black_box(zairyu_checks::check_pdf_bytes(bytes));
        }
    });
    println!(
        "on-CPU ms, one thread: SHA-256 of all 25 MB {sha:.1}; photo check {photo_cpu:.1}; 19 PDF checks {pdfs_cpu:.1}"
    );

    let start = Instant::now();
    let qpdf_ok: Vec<bool> = paths[1..]
        .iter()
        .map(|p| {
            Command::new("qpdf")
                .arg("--check")
                .arg(p)
                .output()
                .unwrap()
                .status
                .code()
                == Some(0)
        })
        .collect();
    let qpdf = start.elapsed();

    println!(
        "zairyu checks, whole set (median of 5): {:.1} ms",
        ours.as_secs_f64() * 1e3
    );
    println!(
        "zairyu photo check, 12 MP (median of 5): {:.1} ms",
        median(photo_runs).as_secs_f64() * 1e3
    );
    println!(
        "qpdf --check, the 19 PDFs (1 run):       {:.1} ms",
        qpdf.as_secs_f64() * 1e3
    );
    println!(
        "ratio qpdf / zairyu (PDFs + photo vs PDFs only): {:.1}x",
        qpdf.as_secs_f64() / ours.as_secs_f64()
    );
    println!(
        "verdicts agree on all 19 PDFs: {} (zairyu ok: {}, qpdf ok: {})",
        pdf_ok == qpdf_ok,
        pdf_ok.iter().filter(|&&b| b).count(),
        qpdf_ok.iter().filter(|&&b| b).count()
    );
    // The verdicts, to compare before and after a change: they must stay identical.
    println!("photo verdict (codes, size): {photo_codes:?}");
    println!(
        "file verdicts: {:?}",
        report
            .files
            .iter()
            .map(|f| (
                f.ok,
                f.findings
                    .iter()
                    .map(|x| x.code.as_str())
                    .collect::<Vec<_>>()
            ))
            .collect::<Vec<_>>()
    );
    println!(
        "set verdict: ok={} findings={:?}",
        report.set.ok,
        report
            .set
            .findings
            .iter()
            .map(|f| &f.code)
            .collect::<Vec<_>>()
    );
}
