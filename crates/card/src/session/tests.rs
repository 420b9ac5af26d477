//! Every workflow and every error against the virtual card in-process, and the access log
//! showing the individual number untouched.

use sha2::{Digest, Sha256};
use zairyu_card_sim::{AccessLog, Identity, SimTransport, VirtualCard, JPKI_AID, TEXT_AID};

use super::*;
use crate::pin::PinKind;

fn sim() -> (SimTransport, Card<SimTransport>) {
    let sim = SimTransport::new(VirtualCard::new(&Identity::default(), AccessLog::default()));
    (sim.clone(), Card::new(sim))
}

fn pin(kind: PinKind, text: &str) -> Secret {
    Secret::new(kind, text).unwrap()
}

#[test]
fn status_reads_all_three_counters_without_spending_a_try() {
    let (sim, mut card) = sim();
    let s = status(&mut card).unwrap();
    assert_eq!(
        s,
        CardStatus {
            my_number_card: true,
            token: "JPKIAPICCTOKEN2".into(),
            auth_pin_tries: Some(3),
            sign_password_tries: Some(5),
            text_pin_tries: Some(3)
        }
    );
    assert_eq!(status(&mut card).unwrap(), s, "asking again spends nothing");
    assert!(sim.card().log().forbidden().is_empty());
}

#[test]
fn basic_four_typed_and_exact() {
    let (sim, mut card) = sim();
    let mut secret = pin(PinKind::Text, "1234");
    let four = read_basic_four(&mut card, &mut secret, LastTry::Refuse).unwrap();
    assert!(secret.is_wiped());
    assert_eq!(four.name, "NGUYEN THI LAN");
    assert_eq!(four.birth_date, "2003-04-15");
    assert_eq!(four.sex, Sex::Female);
    assert!(four.address.contains("別府市"));
    let log = sim.card().log().clone();
    assert!(log.forbidden().is_empty(), "{:?}", log.forbidden());
    // Only EF 0002 and the PIN 0011 of the card-info-input application were addressed.
    let files: Vec<String> = log
        .entries()
        .into_iter()
        .filter(|e| e.app.as_deref() == Some("D3921000310001010408"))
        .filter_map(|e| e.file)
        .collect();
    assert!(
        files.iter().all(|f| f == "0002" || f == "0011"),
        "{files:?}"
    );
}

#[test]
fn certificates_and_both_signatures_verify_under_the_demo_ca() {
    let (_, mut card) = sim();
    let auth = read_certificate(&mut card, CertKind::Auth, None, LastTry::Refuse).unwrap();
    let mut password = pin(PinKind::Sign, "zairyu26");
    let sign_cert = read_certificate(
        &mut card,
        CertKind::Sign,
        Some(&mut password),
        LastTry::Refuse,
    )
    .unwrap();
    assert!(password.is_wiped());
    let message = b"zairyu-application-v1\n{}";
    let digest: [u8; 32] = Sha256::digest(message).into();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    for (kind, cert, secret) in [
        (CertKind::Auth, &auth, pin(PinKind::Auth, "1234")),
        (CertKind::Sign, &sign_cert, pin(PinKind::Sign, "ZAIRYU26")),
    ] {
        let mut secret = secret;
        let signature = sign(&mut card, kind, &digest, &mut secret, LastTry::Refuse).unwrap();
        assert!(secret.is_wiped());
        let who = zairyu_signature::verify(
            cert,
            message,
            &signature,
            &zairyu_signature::TrustAnchors::demo(),
            now,
        )
        .unwrap();
        assert!(who.demo);
        let refused = zairyu_signature::verify(
            cert,
            message,
            &signature,
            &zairyu_signature::TrustAnchors::production(),
            now,
        );
        assert_eq!(refused.unwrap_err().code(), "untrusted_certificate");
    }
}

#[test]
fn wrong_pins_count_down_then_last_try_needs_consent_then_blocked() {
    let (sim, mut card) = sim();
    let digest = [7u8; 32];
    let wrong = |card: &mut Card<SimTransport>, consent| {
        sign(
            card,
            CertKind::Auth,
            &digest,
            &mut pin(PinKind::Auth, "9999"),
            consent,
        )
    };
    assert_eq!(
        wrong(&mut card, LastTry::Refuse).unwrap_err(),
        CardError::PinWrong { left: 2 }
    );
    assert_eq!(
        wrong(&mut card, LastTry::Refuse).unwrap_err(),
        CardError::PinWrong { left: 1 }
    );
    assert_eq!(
        wrong(&mut card, LastTry::Refuse).unwrap_err(),
        CardError::LastTryRefused
    );
    assert_eq!(
        sim.card().tries_left(&JPKI_AID, 0x0018),
        Some(1),
        "the refused last try was not spent"
    );
    assert_eq!(
        wrong(&mut card, LastTry::Allow).unwrap_err(),
        CardError::PinBlocked
    );
    let right = sign(
        &mut card,
        CertKind::Auth,
        &digest,
        &mut pin(PinKind::Auth, "1234"),
        LastTry::Allow,
    );
    assert_eq!(
        right.unwrap_err(),
        CardError::PinBlocked,
        "blocked: even the right PIN is not sent"
    );
    assert_eq!(status(&mut card).unwrap().auth_pin_tries, Some(0));
    assert_eq!(
        sim.card().tries_left(&TEXT_AID, 0x0011),
        Some(3),
        "other counters untouched"
    );
}

#[test]
fn a_card_pulled_mid_read_gives_card_removed_and_wipes_the_pin() {
    let (sim, card) = sim();
    // Pull the card after the tries were read: the VERIFY never reaches it.
    struct PullAfter {
        inner: SimTransport,
        left: u32,
    }
    impl Transmit for PullAfter {
        fn transmit(&mut self, c: &[u8]) -> myna_card::Result<Vec<u8>> {
            if self.left == 0 {
                self.inner.set_present(false);
            }
            self.left = self.left.saturating_sub(1);
            self.inner.transmit(c)
        }
    }
    drop(card);
    let mut card = Card::new(PullAfter {
        inner: sim.clone(),
        left: 2,
    });
    let mut secret = pin(PinKind::Text, "1234");
    let err = read_basic_four(&mut card, &mut secret, LastTry::Refuse).unwrap_err();
    assert_eq!(err, CardError::CardRemoved);
    assert!(secret.is_wiped());
    assert_eq!(sim.card().tries_left(&TEXT_AID, 0x0011), Some(3));
}

#[test]
fn hostile_answers_become_unexpected_answer_errors() {
    use myna_card::transport::mock::MockTransport;
    // SELECT ok, token read answers garbage status; then a card that is not a My Number Card.
    let mut card = Card::new(MockTransport::new([
        vec![0x90, 0x00],
        vec![0x90, 0x00],
        vec![0x6F],
    ]));
    assert_eq!(
        status(&mut card).unwrap_err().code(),
        "card_unexpected_answer"
    );
    let mut card = Card::new(MockTransport::new([vec![0x6A, 0x82]]));
    assert!(!status(&mut card).unwrap().my_number_card);
    let mut card = Card::new(MockTransport::new([vec![0x6A, 0x82]]));
    assert_eq!(
        read_basic_four(&mut card, &mut pin(PinKind::Text, "1234"), LastTry::Refuse).unwrap_err(),
        CardError::NotMyNumberCard
    );
    // A basic-four file that is not a TLV: the PIN was right, the answer is refused.
    let mut card = Card::new(MockTransport::new([
        vec![0x90, 0x00],                   // SELECT text AP
        vec![0x63, 0xC3],                   // tries (VERIFY by short EF id, no data)
        vec![0x90, 0x00],                   // VERIFY by short EF id
        vec![0x01, 0x02, 0x03, 0x90, 0x00], // READ BINARY by short EF id: garbage
    ]));
    let err =
        read_basic_four(&mut card, &mut pin(PinKind::Text, "1234"), LastTry::Refuse).unwrap_err();
    assert_eq!(err.code(), "card_unexpected_answer", "{err:?}");
}

#[test]
fn basic_four_and_signing_take_four_apdus_each_without_selecting_a_pin_file() {
    use crate::session::Counting;
    let (sim, card) = sim();
    drop(card);
    let mut card = Card::new(Counting {
        inner: sim.clone(),
        apdus: 0,
    });
    read_basic_four(&mut card, &mut pin(PinKind::Text, "1234"), LastTry::Refuse).unwrap();
    assert_eq!(
        card.transport().apdus,
        4,
        "SELECT AP, tries, VERIFY, READ BINARY"
    );
    for kind in [CertKind::Auth, CertKind::Sign] {
        let before = card.transport().apdus;
        let secret = match kind {
            CertKind::Auth => "1234",
            CertKind::Sign => "ZAIRYU26",
        };
        let kind_pin = match kind {
            CertKind::Auth => PinKind::Auth,
            CertKind::Sign => PinKind::Sign,
        };
        let mut secret = pin(kind_pin, secret);
        sign(&mut card, kind, &[7u8; 32], &mut secret, LastTry::Refuse).unwrap();
        assert_eq!(
            card.transport().apdus - before,
            4,
            "SELECT JPKI, tries, VERIFY, COMPUTE SIGNATURE ({kind:?})"
        );
    }
    // Every PIN and file was named by its short EF id: no SELECT of an EF at all.
    let log = sim.card().log().entries();
    let selects: Vec<_> = log
        .iter()
        .filter(|e| e.op == zairyu_card_sim::Op::Select && e.file.is_some())
        .collect();
    assert!(selects.is_empty(), "{selects:?}");
}
