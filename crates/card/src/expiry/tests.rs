//! The expiry read against the virtual card in-process (a card made to expire on a chosen
//! day), a card pulled mid-read, and garbled certificate answers.

use myna_card::transport::mock::MockTransport;
use zairyu_card_sim::{AccessLog, Identity, SimTransport, VirtualCard, JPKI_AID};

use super::*;

fn card_expiring(day: Option<&str>) -> SimTransport {
    let identity = Identity {
        auth_expires: day.map(str::to_owned),
        ..Identity::default()
    };
    SimTransport::new(VirtualCard::new(&identity, AccessLog::default()))
}

#[test]
fn a_card_made_to_expire_soon_answers_that_day_without_a_pin() {
    let sim = card_expiring(Some("2027-01-15"));
    let mut card = Card::new(sim.clone());
    let mut flow = ExpiryRead::default();
    let expiry = flow.run(&mut card).unwrap();
    assert_eq!(expiry.last_valid_day, "2027-01-15");
    // 2027-01-15 14:59:59 UTC, 23:59:59 in Japan.
    assert_eq!(expiry.not_after_unix, 1_800_025_199);
    assert!(matches!(
        flow.trail.as_slice(),
        [
            ExpiryState::Start,
            ExpiryState::Selected,
            ExpiryState::Read { bytes },
            ExpiryState::Dated,
            ExpiryState::Done
        ] if *bytes > 500
    ));
    // No PIN was asked for or spent, and only the JPKI application was touched.
    assert_eq!(sim.card().tries_left(&JPKI_AID, 0x0018), Some(3));
    let log = sim.card().log().clone();
    assert!(log.forbidden().is_empty(), "{:?}", log.forbidden());
    let jpki = JPKI_AID
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<String>();
    assert!(log
        .entries()
        .iter()
        .all(|e| e.app.as_deref() == Some(jpki.as_str())));
    assert!(log
        .entries()
        .iter()
        .filter_map(|e| e.file.as_deref())
        .all(|f| f == "000A"));
}

#[test]
fn a_new_card_ends_five_years_after_its_issue() {
    let mut card = Card::new(card_expiring(None));
    let expiry = read_auth_expiry(&mut card).unwrap();
    let issued = zairyu_card_sim::certs::ISSUED_AT_UNIX as i64;
    assert_eq!(expiry.not_after_unix - issued, 5 * 365 * 86_400);
}

#[test]
fn the_day_is_japan_time_not_utc() {
    use zairyu_card_sim::certs::TestCertificate;
    let ending = |not_after_unix| {
        let der = TestCertificate {
            not_after_unix,
            ..TestCertificate::like_the_card(9)
        }
        .issue();
        expiry_of(&der).unwrap().last_valid_day
    };
    // 2027-03-31 14:59:59 UTC is 23:59:59 in Japan; one second later it is 1 April there.
    assert_eq!(ending(1_806_505_199), "2027-03-31");
    assert_eq!(ending(1_806_505_200), "2027-04-01");
}

#[test]
fn a_card_pulled_mid_read_is_card_removed() {
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
    // SELECT JPKI, SELECT EF and the header answer; the card is gone for the rest.
    let mut card = Card::new(PullAfter {
        inner: card_expiring(Some("2027-01-15")),
        left: 3,
    });
    let mut flow = ExpiryRead::default();
    assert_eq!(flow.run(&mut card).unwrap_err(), CardError::CardRemoved);
    assert_eq!(
        flow.trail,
        [
            ExpiryState::Start,
            ExpiryState::Selected,
            ExpiryState::Failed
        ]
    );
}

#[test]
fn garbled_certificates_are_card_certificate_unreadable() {
    // A DER header that promises a certificate, then bytes that are none.
    let mut garbage = vec![0x30, 0x82, 0x00, 0x10];
    garbage.extend_from_slice(&[0xA5; 16]);
    let mut head = garbage.clone();
    head.extend_from_slice(&[0x90, 0x00]);
    let mut card = Card::new(MockTransport::new([
        vec![0x90, 0x00], // SELECT JPKI
        vec![0x90, 0x00], // SELECT EF 000A
        head,             // READ BINARY: the whole (short) file
    ]));
    let mut flow = ExpiryRead::default();
    let err = flow.run(&mut card).unwrap_err();
    assert_eq!(err.code(), "card_certificate_unreadable", "{err:?}");
    assert_eq!(flow.trail.last(), Some(&ExpiryState::Failed));
    assert!(flow.trail.contains(&ExpiryState::Read { bytes: 20 }));

    // A real certificate cut short: parse fails, never a date.
    let der = {
        let mut card = Card::new(card_expiring(Some("2027-01-15")));
        let mut ap = crate::session::select_jpki(&mut card).unwrap();
        ap.read_auth_certificate_der().unwrap()
    };
    assert_eq!(
        expiry_of(&der[..der.len() - 40]).unwrap_err().code(),
        "card_certificate_unreadable"
    );
    // Random bytes and nothing at all.
    assert_eq!(
        expiry_of(&[0xFF; 64]).unwrap_err().code(),
        "card_certificate_unreadable"
    );
    assert_eq!(
        expiry_of(&[]).unwrap_err().code(),
        "card_certificate_unreadable"
    );
    // A card without the JPKI application.
    let mut card = Card::new(MockTransport::new([vec![0x6A, 0x82]]));
    assert_eq!(
        read_auth_expiry(&mut card).unwrap_err(),
        CardError::NotMyNumberCard
    );
}
