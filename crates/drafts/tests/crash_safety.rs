//! Crash safety: a writer process saving a draft as fast as it can is killed with SIGKILL
//! hundreds of times at random moments; after every kill the draft must open, and be at the
//! last revision the writer reported or the one after it (a save that finished unreported).
//!
//! The writer is this same test binary started again to run only `writer_child` (ignored in
//! ordinary runs: it is the child's entry point, not a test) with `ZAIRYU_CRASH_WRITER` set.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use zairyu_drafts::Draft;

const KILLS: usize = 300;

/// The child: saves the draft in `ZAIRYU_CRASH_WRITER` in a loop, printing each revision.
#[test]
#[ignore = "the writer process of sigkill_mid_save_never_loses_a_draft, which starts it"]
fn writer_child() {
    let dir = std::env::var("ZAIRYU_CRASH_WRITER").expect(
        "not a test on its own: sigkill_mid_save_never_loses_a_draft runs it with ZAIRYU_CRASH_WRITER set",
    );
    let mut draft = Draft::open(Path::new(&dir)).unwrap();
    loop {
        let n = draft.meta().revision;
        draft
            .set_value(
                "request.reason",
                json!(format!("reason {n} {}", "x".repeat((n % 50) as usize * 40))),
            )
            .unwrap();
        println!("saved {}", draft.meta().revision);
    }
}

#[cfg(unix)]
#[test]
fn sigkill_mid_save_never_loses_a_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("draft");
    Draft::create(&dir, "extension-of-stay").unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let start = Instant::now();
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("ZAIRYU_CRASH_WRITER", &dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Let it report a varying number of saves (xorshift), then kill it without warning:
        // it is somewhere in the middle of its next save.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut last = None;
        let saved = |line: std::io::Result<String>| {
            line.ok()?
                .strip_prefix("saved ")?
                .trim()
                .parse::<u64>()
                .ok()
        };
        let mut seen = 0;
        for line in lines.by_ref() {
            if let Some(rev) = saved(line) {
                last = Some(rev);
                seen += 1;
                if seen > (seed % 6) as usize {
                    break;
                }
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        // Lines still in the pipe were printed before the kill: the last one is the newest save.
        for line in lines {
            last = saved(line).or(last);
        }
        let last = last.expect("the writer saved at least once");
        let draft = Draft::open(&dir)
            .unwrap_or_else(|e| panic!("round {round}: draft unreadable after SIGKILL: {e}"));
        let rev = draft.meta().revision;
        assert!(
            rev == last || rev == last + 1,
            "round {round}: revision {rev}, writer last reported {last}"
        );
        assert!(draft.form()["request"]["reason"]
            .as_str()
            .unwrap()
            .starts_with("reason "));
        assert!(
            !draft.recovered(),
            "round {round}: draft.json itself must never be damaged"
        );
    }
    eprintln!(
        "{KILLS} SIGKILLs mid-save in {:?}: every draft readable",
        start.elapsed()
    );
    assert!(start.elapsed() < Duration::from_secs(600));
}
