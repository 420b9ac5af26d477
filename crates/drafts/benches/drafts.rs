//! Prints the autosave time of the form data (also with a replaced file kept for undo) and the
//! export time of a draft carrying 25 MB of attachments (targets: ≤ 5 ms and ≤ 200 ms).
//! Run: `cargo bench -p zairyu-drafts`.

use std::time::{Duration, Instant};

use serde_json::json;
use zairyu_drafts::{bundle, Draft};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

/// Saves one field 300 times and prints the median and p95 time of a save.
fn autosave(draft: &mut Draft, label: &str) {
    let mut times = Vec::new();
    for i in 0..300 {
        let start = Instant::now();
        draft
            .set_value("request.reason", json!(format!("reason {i}")))
            .expect("save");
        times.push(start.elapsed());
    }
    println!(
        "{label}: median {:.2} ms, p95 {:.2} ms over {} saves (target <= 5 ms)",
        percentile(&mut times, 0.5).as_secs_f64() * 1e3,
        percentile(&mut times, 0.95).as_secs_f64() * 1e3,
        times.len()
    );
}

fn main() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut draft = Draft::create(&tmp.path().join("d"), "extension-of-stay").expect("draft");
    let form: serde_json::Value = serde_json::from_str(include_str!(
        "../../forms/tests/fixtures/extension-complete.json"
    ))
    .expect("fixture");
    for (section, fields) in form.as_object().expect("object") {
        for (field, value) in fields.as_object().expect("object") {
            if section != "attachments" {
                draft
                    .set_value(&format!("{section}.{field}"), value.clone())
                    .expect("set");
            }
        }
    }
    autosave(&mut draft, "autosave (one field, complete form, fsync)");
    // The same after a photo was replaced: its earlier bytes are kept for undo, so every save
    // past the tenth version also checks which kept files the versions still name.
    draft
        .attach("attachments.photo", "me.jpg", b"\xff\xd8 first")
        .expect("attach");
    draft
        .attach("attachments.photo", "me.jpg", b"\xff\xd8 second")
        .expect("attach");
    autosave(&mut draft, "autosave with a replaced file kept for undo");

    // 8 PDFs of pseudo-random bytes (incompressible, like real scans) totalling 25,000,000 bytes.
    let slots = [
        "receipt_request_form",
        "for_organization",
        "transcript",
        "certificate_of_enrollment",
        "submitted_documents_and_japanese",
        "financial_support_statement",
        "proof_of_funds",
        "letter",
    ];
    let mut x: u64 = 88172645463325252;
    for slot in slots {
        let bytes: Vec<u8> = (0..25_000_000 / slots.len())
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        draft
            .attach(
                &format!("attachments.{slot}"),
                &format!("{slot}.pdf"),
                &bytes,
            )
            .expect("attach");
    }
    let mut export = Vec::new();
    for i in 0..10 {
        let file = tmp.path().join(format!("e{i}.zairyu"));
        let start = Instant::now();
        bundle::export(&draft, &file).expect("export");
        export.push(start.elapsed());
        std::fs::remove_file(file).expect("rm");
    }
    println!(
        "export of a draft with 25,000,000 bytes of attachments: median {:.0} ms, max {:.0} ms over {} runs (target <= 200 ms)",
        percentile(&mut export, 0.5).as_secs_f64() * 1e3,
        percentile(&mut export, 1.0).as_secs_f64() * 1e3,
        export.len()
    );
    let file = tmp.path().join("i.zairyu");
    bundle::export(&draft, &file).expect("export");
    let start = Instant::now();
    bundle::import(&file, &tmp.path().join("imported")).expect("import");
    println!(
        "import of the same bundle (digests checked): {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
}
