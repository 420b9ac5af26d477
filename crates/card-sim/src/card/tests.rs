//! The virtual card driven through `myna_card` itself, so it answers the way the library
//! expects a real card to; plus the raw status words of docs/card-protocol.md.

use myna_card::ap::jpki::{JpkiAp, SignatureScheme};
use myna_card::ap::text::TextAp;
use myna_card::{Card, Pin, Retries};

use super::*;
use crate::SimTransport;

fn card() -> (SimTransport, Card<SimTransport>) {
    let sim = SimTransport::new(VirtualCard::new(&Identity::default(), AccessLog::default()));
    (sim.clone(), Card::new(sim))
}

fn raw(sim: &SimTransport, apdu: &[u8]) -> Vec<u8> {
    sim.card().process(apdu)
}

#[test]
fn certificates_tries_and_signatures_through_myna_card() {
    let (sim, mut card) = card();
    let mut jpki = JpkiAp::select(&mut card).unwrap();
    let auth = jpki.read_auth_certificate_der().unwrap();
    assert_eq!(auth[0], 0x30, "a DER certificate");
    assert_eq!(jpki.auth_pin_retries().unwrap(), Retries::Remaining(3));
    assert_eq!(jpki.sign_pin_retries().unwrap(), Retries::Remaining(5));
    assert!(
        jpki.read_sign_certificate_der().is_err(),
        "the signing certificate needs the password"
    );
    jpki.verify_auth_pin(&Pin::numeric("1234").unwrap())
        .unwrap();
    let digest = Sha256::digest(b"hello");
    let signature = jpki
        .sign_with_auth_key(SignatureScheme::PreHashedDigestInfo, &digest)
        .unwrap();
    assert_eq!(signature.len(), 256);
    let cert = myna_card::Certificate::parse(&auth).unwrap();
    SignatureScheme::PreHashedDigestInfo
        .verify(&cert.public_key().unwrap(), &digest, &signature)
        .unwrap();
    jpki.verify_sign_pin(&Pin::new("ZAIRYU26").unwrap())
        .unwrap();
    let sign_cert = jpki.read_sign_certificate_der().unwrap();
    let verified = zairyu_signature::verify(
        &sign_cert,
        b"hello",
        &jpki
            .sign_with_sign_key(SignatureScheme::PreHashedDigestInfo, &digest)
            .unwrap(),
        &zairyu_signature::TrustAnchors::demo(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64,
    )
    .unwrap();
    assert!(verified.demo);
    assert!(sim.card().log().forbidden().is_empty());
}

#[test]
fn basic_four_after_the_pin_and_never_the_individual_number() {
    let (sim, mut card) = card();
    let mut text = TextAp::select(&mut card).unwrap();
    assert_eq!(text.retries(0x0011).unwrap(), Retries::Remaining(3));
    text.verify_pin(&Pin::numeric("1234").unwrap()).unwrap();
    let four = text.read_attributes().unwrap();
    assert_eq!(four.name, "NGUYEN THI LAN");
    assert!(four.address.starts_with("大分県別府市"));
    assert_eq!(
        (
            four.birth_date.year,
            four.birth_date.month,
            four.birth_date.day
        ),
        (2003, 4, 15)
    );
    assert!(sim.card().log().forbidden().is_empty());
    // The log does catch a client that looks at the individual number.
    raw(&sim, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01]);
    assert_eq!(sim.card().log().forbidden().len(), 1);
}

#[test]
fn wrong_pins_count_down_lock_and_reset_on_success() {
    let (sim, _) = card();
    let select_jpki = [&[0x00, 0xA4, 0x04, 0x0C, 0x0A][..], &JPKI_AID].concat();
    assert_eq!(raw(&sim, &select_jpki), [0x90, 0x00]);
    assert_eq!(
        raw(&sim, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18]),
        [0x90, 0x00]
    );
    assert_eq!(
        raw(&sim, &[0x00, 0x20, 0x00, 0x80]),
        [0x63, 0xC3],
        "empty VERIFY spends nothing"
    );
    assert_eq!(raw(&sim, b"\x00\x20\x00\x80\x049999"), [0x63, 0xC2]);
    assert_eq!(raw(&sim, b"\x00\x20\x00\x80\x041234"), [0x90, 0x00]);
    assert_eq!(
        raw(&sim, &[0x00, 0x20, 0x00, 0x80]),
        [0x63, 0xC3],
        "success resets the counter"
    );
    for left in [2u8, 1, 0] {
        assert_eq!(raw(&sim, b"\x00\x20\x00\x80\x040000"), [0x63, 0xC0 | left]);
    }
    assert_eq!(
        raw(&sim, b"\x00\x20\x00\x80\x041234"),
        [0x69, 0x84],
        "blocked even with the right PIN"
    );
    assert_eq!(raw(&sim, &[0x00, 0x20, 0x00, 0x80]), [0x63, 0xC0]);
    assert_eq!(sim.card().tries_left(&JPKI_AID, 0x0018), Some(0));
}

#[test]
fn reads_follow_offsets_padding_and_end_of_file() {
    let (sim, _) = card();
    raw(
        &sim,
        &[&[0x00, 0xA4, 0x04, 0x0C, 0x0A][..], &JPKI_AID].concat(),
    );
    raw(&sim, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x08]);
    assert_eq!(
        raw(&sim, &[0x00, 0xB0, 0x00, 0x00, 0x00]),
        [0x8F, 0x8F, 0x00, 0x90, 0x00]
    );
    assert_eq!(
        raw(&sim, &[0x00, 0xB0, 0x00, 0x01, 0x01]),
        [0x8F, 0x90, 0x00]
    );
    assert_eq!(raw(&sim, &[0x00, 0xB0, 0x00, 0x03, 0x01]), [0x6B, 0x00]);
    raw(&sim, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x0A]);
    let head = raw(&sim, &[0x00, 0xB0, 0x00, 0x00, 0x04]);
    let len = u16::from_be_bytes([head[2], head[3]]) as usize + 4;
    let tail = raw(&sim, &[0x00, 0xB0, (len >> 8) as u8, len as u8, 0x02]);
    assert_eq!(
        tail,
        [0xFF, 0xFF, 0x90, 0x00],
        "filler after the certificate"
    );
    raw(&sim, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01]);
    assert_eq!(raw(&sim, &[0x00, 0xB0, 0x00, 0x00, 0x04]), [0x69, 0x82]);
    assert_eq!(
        raw(&sim, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x12, 0x34]),
        [0x6A, 0x82]
    );
    assert_eq!(
        raw(&sim, &[0x00, 0x2A, 0x00, 0x80, 0x01, 0x00]),
        [0x6D, 0x00]
    );
    assert_eq!(raw(&sim, &[0x01, 0xB0, 0x00, 0x00, 0x01]), [0x68, 0x81]);
    assert_eq!(
        raw(&sim, &[0x80, 0x2A, 0x00, 0x97, 0x01, 0x00, 0x00]),
        [0x69, 0x82],
        "no signature before the PIN"
    );
}

#[test]
fn the_access_log_is_one_json_object_per_line() {
    let dir = std::env::temp_dir().join(format!("zairyu-sim-log-{}", std::process::id()));
    let log = AccessLog::to_file(&dir).unwrap();
    let sim = SimTransport::new(VirtualCard::new(&Identity::default(), log));
    raw(
        &sim,
        &[&[0x00, 0xA4, 0x04, 0x0C, 0x0A][..], &TEXT_AID].concat(),
    );
    raw(&sim, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x11]);
    raw(&sim, &[0x00, 0x20, 0x00, 0x80]);
    let text = std::fs::read_to_string(&dir).unwrap();
    let _ = std::fs::remove_file(&dir);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        serde_json::json!({"app": "D3921000310001010408", "file": null, "op": "select"})
    );
    assert_eq!(lines[1]["file"], "0011");
    assert_eq!(lines[2]["op"], "verify");
}
