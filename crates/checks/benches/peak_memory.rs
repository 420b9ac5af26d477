//! Peak memory of checking each file of the corpus (every hostile file, and the good ones for
//! comparison): `cargo bench -p zairyu-checks --bench peak_memory`. Each file is checked in a
//! child process of its own (this binary run again with `--one FILE`, through `check_paths`
//! as `zairyu check` does), which prints its peak resident set (VmHWM) and the time taken, so
//! one file's cost never hides another's. A file above `PROMISED_KB` (64 MB) is flagged
//! `OVER`, and the last line says how many were.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use zairyu_testkit::corpus;

/// The peak memory `zairyu check` promises on any input up to 25 MB: 64 MB.
const PROMISED_KB: u64 = 64_000;

/// Every file of the corpus, by name.
fn corpus_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus::dir())
        .expect("the corpus folder")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        // `.complete` marks the shared corpus folder whole; it is not a corpus file.
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    names
}

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
        "{}\t{}\t{} ms\t{}",
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
    println!("file\tbytes\tpeak RSS (kB)\ttime\tfindings");
    let (mut over, mut failed, mut highest) = (Vec::new(), Vec::new(), (0u64, String::new()));
    for name in corpus_files() {
        let out = Command::new(&me)
            .arg("--one")
            .arg(corpus::path(&name))
            .output()
            .expect("the child runs");
        let line = String::from_utf8_lossy(&out.stdout);
        let peak: u64 = line
            .split('\t')
            .nth(1)
            .and_then(|kb| kb.trim().parse().ok())
            .unwrap_or(0);
        let flag = if peak > PROMISED_KB {
            over.push(name.clone());
            "\tOVER 64 MB"
        } else {
            ""
        };
        println!("{name}\t{}{flag}", line.trim_end());
        if peak > highest.0 {
            highest = (peak, name.clone());
        }
        if !out.status.success() {
            println!("{name}\tfailed: {}", String::from_utf8_lossy(&out.stderr));
            failed.push(name);
        }
    }
    println!(
        "highest peak: {} kB ({}); above 64 MB: {} {:?}; failed: {} {:?}",
        highest.0,
        highest.1,
        over.len(),
        over,
        failed.len(),
        failed
    );
}
