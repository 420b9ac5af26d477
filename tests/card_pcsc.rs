//! The card commands through the real stack: `zairyu card …` → pcsc-lite → pcscd →
//! vsmartcard-vpcd → `zairyu sim`. Each test has its own reader slot and its own virtual card.

mod support;

use std::process::{Command, Output};

use serde_json::Value;
use support::pcsc_stack::{slot, Sim};

fn zairyu(args: &[&str], stdin: Option<&str>) -> Output {
    zairyu_testkit::run(env!("CARGO_BIN_EXE_zairyu"), args, stdin)
}

fn json(out: &Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn forbidden(sim: &Sim) -> Vec<Value> {
    sim.access()
        .into_iter()
        .filter(|e| {
            e["app"] == "D3921000310001010402"
                || (e["app"] == "D3921000310001010408"
                    && matches!(e["file"].as_str(), Some("0001" | "0003" | "0014")))
        })
        .collect()
}

#[test]
fn status_basic_four_certificates_and_signatures() {
    let sim = Sim::start(
        slot(0),
        Some("name = \"TRAN VAN MINH\"\nsex = \"male\"\nbirth_date = \"2001-12-31\"\n"),
    );
    let r = sim.slot.reader.as_str();
    let readers = json(&zairyu(&["card", "readers", "--json"], None));
    assert!(
        readers
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["name"] == r && x["card_present"] == true),
        "{readers}"
    );

    let status = json(&zairyu(&["card", "status", "--reader", r, "--json"], None));
    assert_eq!(status["my_number_card"], true);
    assert_eq!(status["card_present"], true);
    assert_eq!(status["reader"], r);
    assert_eq!(status["auth_pin_tries"], 3);
    assert_eq!(status["sign_password_tries"], 5);
    assert_eq!(status["text_pin_tries"], 3);

    let four = json(&zairyu(
        &["card", "read", "--reader", r, "--pin-stdin", "--json"],
        Some("1234\n"),
    ));
    assert_eq!(four["name"], "TRAN VAN MINH");
    assert_eq!(four["birth_date"], "2001-12-31");
    assert_eq!(four["sex"], "male");
    assert!(four["address"].as_str().unwrap().contains("別府市"));

    let dir = tempfile::tempdir().unwrap();
    let path = |n: &str| dir.path().join(n).display().to_string();
    json_ok(zairyu(
        &[
            "card",
            "cert",
            "--kind",
            "auth",
            "--reader",
            r,
            "--out",
            &path("auth.der"),
        ],
        None,
    ));
    // Lower case is normalised to what the card stores, and said so.
    let out = zairyu(
        &[
            "card",
            "cert",
            "--kind",
            "sign",
            "--reader",
            r,
            "--pin-stdin",
            "--out",
            &path("sign.der"),
        ],
        Some("zairyu26\n"),
    );
    json_ok_ref(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("upper case"));

    let message = b"zairyu-application-v1\n{\"procedure_id\":\"extension-of-stay\"}";
    let digest: String = {
        use sha2_hex::hex_sha256;
        hex_sha256(message)
    };
    for (kind, pin, cert) in [
        ("auth", "1234\n", "auth.der"),
        ("sign", "ZAIRYU26\n", "sign.der"),
    ] {
        let sig = path(&format!("{kind}.sig"));
        json_ok(zairyu(
            &[
                "card",
                "sign",
                "--kind",
                kind,
                "--digest",
                &digest,
                "--reader",
                r,
                "--pin-stdin",
                "--out",
                &sig,
            ],
            Some(pin),
        ));
        let signature = std::fs::read(&sig).unwrap();
        assert_eq!(signature.len(), 256);
        let cert = std::fs::read(path(cert)).unwrap();
        let who = zairyu_signature::verify(
            &cert,
            message,
            &signature,
            &zairyu_signature::TrustAnchors::demo(),
            now(),
        )
        .unwrap_or_else(|e| panic!("{kind} signature: {e}"));
        assert!(who.demo);
    }
    // The signing certificate carries the basic four; the authentication one does not.
    let sign_cert = std::fs::read(path("sign.der")).unwrap();
    assert!(sign_cert.windows(13).any(|w| w == b"TRAN VAN MINH"));
    assert!(!std::fs::read(path("auth.der"))
        .unwrap()
        .windows(13)
        .any(|w| w == b"TRAN VAN MINH"));

    let log = sim.access();
    assert!(log
        .iter()
        .any(|e| e["app"] == "D3921000310001010408" && e["file"] == "0002" && e["op"] == "read"));
    assert_eq!(
        forbidden(&sim),
        Vec::<Value>::new(),
        "the individual number's files were touched"
    );
}

fn json_ok(out: Output) {
    json_ok_ref(&out);
}

fn json_ok_ref(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

mod sha2_hex {
    /// SHA-256 in hex via the system's sha256sum, so this test does not share code with the CLI.
    pub(super) fn hex_sha256(bytes: &[u8]) -> String {
        use std::io::Write;
        let mut child = std::process::Command::new("sha256sum")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned()
    }
}

#[test]
fn wrong_pins_count_down_refuse_the_last_try_then_lock() {
    let sim = Sim::start(slot(1), None);
    let r = sim.slot.reader.as_str();
    let digest = "00".repeat(32);
    let sign = |pin: &str, last: bool| {
        let mut args = vec![
            "card",
            "sign",
            "--kind",
            "auth",
            "--digest",
            &digest,
            "--reader",
            r,
            "--pin-stdin",
            "--out",
            "/dev/null",
            "--json",
        ];
        if last {
            args.push("--last-try");
        }
        zairyu(&args, Some(pin))
    };
    let code = |o: &Output| -> (Option<i32>, String) {
        let err: Value = serde_json::from_slice(&o.stderr).unwrap_or(Value::Null);
        (
            o.status.code(),
            err["code"].as_str().unwrap_or("").to_owned(),
        )
    };
    assert_eq!(code(&sign("9999\n", false)), (Some(3), "pin_wrong".into()));
    assert_eq!(code(&sign("9999\n", false)), (Some(3), "pin_wrong".into()));
    assert_eq!(
        code(&sign("1234\n", false)),
        (Some(4), "pin_last_try_refused".into()),
        "even a right PIN waits for consent"
    );
    let status = json(&zairyu(&["card", "status", "--reader", r, "--json"], None));
    assert_eq!(status["auth_pin_tries"], 1, "the refused try was not spent");
    assert_eq!(code(&sign("9999\n", true)), (Some(4), "pin_blocked".into()));
    assert_eq!(code(&sign("1234\n", true)), (Some(4), "pin_blocked".into()));
    assert_eq!(
        json(&zairyu(&["card", "status", "--reader", r, "--json"], None))["auth_pin_tries"],
        0
    );
    assert_eq!(
        code(&zairyu(
            &[
                "card",
                "sign",
                "--kind",
                "auth",
                "--digest",
                "xyz",
                "--pin-stdin",
                "--out",
                "/dev/null",
                "--json"
            ],
            Some("1234\n")
        ))
        .0,
        Some(2)
    );
    assert!(forbidden(&sim).is_empty());
}

#[test]
fn a_card_pulled_in_the_middle_of_a_read_says_so() {
    let mut sim = Sim::start(slot(2), None);
    let mut card = zairyu_card::readers::connect(Some(&sim.slot.reader), true).unwrap();
    assert!(
        zairyu_card::session::status(&mut card)
            .unwrap()
            .my_number_card
    );
    sim.pull();
    let mut pin = zairyu_card::Secret::new(zairyu_card::PinKind::Text, "1234").unwrap();
    let err =
        zairyu_card::session::read_basic_four(&mut card, &mut pin, zairyu_card::LastTry::Refuse)
            .unwrap_err();
    assert_eq!(err.code(), "card_removed", "{err:?}");
    assert!(pin.is_wiped());
    drop(card);
    let out = zairyu(
        &["card", "status", "--reader", &sim.slot.reader, "--json"],
        None,
    );
    assert_eq!(out.status.code(), Some(5));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "card_absent");
}

#[test]
fn opensc_lists_the_virtual_cards_certificates() {
    let sim = Sim::start(slot(3), None);
    let out = Command::new("pkcs15-tool")
        .args(["--reader", &sim.slot.reader, "--list-certificates"])
        .output()
        .expect("pkcs15-tool (Debian opensc; scripts/setup.sh installs it)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("User Authentication Certificate"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Digital Signature Certificate"), "{text}");
    assert!(text.contains("Path           : 000a"), "{text}");
    assert!(forbidden(&sim).is_empty());
}

#[test]
fn the_reader_watch_reports_the_card_arriving_and_leaving() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    use zairyu_card::readers::ReaderEvent;

    support::pcsc_stack::ensure_pcscd();
    let reader = slot(4).reader;
    let stop = Arc::new(AtomicBool::new(false));
    let events = Arc::new(Mutex::new(Vec::new()));
    let watcher = {
        let (stop, events) = (stop.clone(), events.clone());
        std::thread::spawn(move || {
            zairyu_card::readers::watch(&stop, |e| events.lock().unwrap().push(e))
        })
    };
    let wait_for = |wanted: &ReaderEvent| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !events.lock().unwrap().contains(wanted) {
            assert!(
                std::time::Instant::now() < deadline,
                "no {wanted:?} in {:?}",
                events.lock().unwrap()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    wait_for(&ReaderEvent::ReaderAdded {
        name: reader.clone(),
    });
    let mut sim = Sim::start(slot(4), None);
    wait_for(&ReaderEvent::CardInserted {
        name: reader.clone(),
    });
    sim.pull();
    wait_for(&ReaderEvent::CardRemoved {
        name: reader.clone(),
    });
    stop.store(true, Ordering::Relaxed);
    watcher.join().unwrap();
}
