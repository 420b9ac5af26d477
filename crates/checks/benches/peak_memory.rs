//! Peak memory of checking each hostile file of the corpus: `cargo bench -p zairyu-checks
//! --bench peak_memory`. Each file is checked in a child process of its own (this binary run
//! again with `--one FILE`), which prints its peak resident set (VmHWM) and the time taken, so
//! one file's cost never hides another's.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use zairyu_testkit::corpus;

/// The hostile files, and a good photo and PDF for comparison.
const FILES: &[&str] = &[
    "photo_good.jpg",
    "pdf_good.pdf",
    "photo_pixel_bomb.jpg",
    "photo_pixel_bomb_at_limit.jpg",
    "pdf_bomb.pdf",
    "pdf_objstm_bomb.pdf",
    "pdf_scan_large.pdf",
];

/// This process's peak resident set in kB, from /proc/self/status.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn check_one(path: &Path) {
    let started = Instant::now();
    let today = zairyu_checks::Date::parse("2026-11-01").expect("a date");
    let report = zairyu_checks::check_paths(&[path], today, |_, _| {});
    let codes: Vec<&str> = report.files[0]
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect();
    println!(
        "{}\t{} kB\t{} ms\t{}",
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        peak_kb(),
        started.elapsed().as_millis(),
        codes.join(",")
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--one") {
        check_one(Path::new(&args[at + 1]));
        return;
    }
    let me = std::env::current_exe().expect("this binary's path");
    println!("file\tbytes\tpeak RSS\ttime\tfindings");
    for name in FILES {
        let out = Command::new(&me)
            .arg("--one")
            .arg(corpus::path(name))
            .output()
            .expect("the child runs");
        print!("{name}\t{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            println!("{name}\tfailed: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
