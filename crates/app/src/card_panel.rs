//! The card panel's actions: which readers there are and whether a card is on each, the
//! practice card (the virtual card in-process, demo profile of a `demo` build only; see
//! `practice_card.rs`), the card's status (tries
//! left, none spent) and reading the basic four (with the user-authentication certificate's
//! expiry, no PIN). PINs arrive as text, become a
//! `zairyu_card::Secret` for exactly one card command, and are wiped.

use std::sync::Mutex;

use myna_card::{Card, Transmit};
use serde::Serialize;
use ts_rs::TS;
use zairyu_card::readers::{self, ReaderInfo};
use zairyu_card::session::{self, BasicFour, CardStatus, CertKind};
use zairyu_card::{CertificateExpiry, LastTry, PinKind, Secret};

use crate::error::AppError;
use crate::practice_card::{self, PracticeSlot};
use crate::Profile;

/// The name the practice card goes by where a reader name is expected.
pub const PRACTICE_READER: &str = "Zairyu practice card";

/// What the card panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CardPanelState {
    /// False when the PC/SC service is not running (the message says how to start it).
    pub pcsc_available: bool,
    pub readers: Vec<ReaderInfo>,
    /// The practice card is "inserted" (it is listed among the readers then).
    pub practice_card: bool,
    /// Only the demo profile of a build with the practice card (feature `demo`) offers it.
    pub practice_allowed: bool,
    /// The reader chosen in Settings; `None`: the first reader with a card.
    pub preferred_reader: Option<String>,
    /// The reader card commands will use now (the preferred one when it holds a card).
    pub active_reader: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct CardPanel {
    practice: PracticeSlot,
    /// The reader chosen in Settings.
    preferred: Mutex<Option<String>>,
    /// Unit tests of the practice card leave the machine's PC/SC readers out: a virtual reader
    /// that another suite's pcscd still lists must not be chosen in its place.
    #[cfg(test)]
    without_pcsc: bool,
}

impl CardPanel {
    /// The PC/SC readers (and whether the service answered), then the practice card when it
    /// is inserted — the order in which a card is looked for.
    fn readers(&self) -> (bool, Vec<ReaderInfo>) {
        #[cfg(test)]
        let listed = if self.without_pcsc {
            Ok(Vec::new())
        } else {
            readers::list()
        };
        #[cfg(not(test))]
        let listed = readers::list();
        let (pcsc_available, mut readers) = match listed {
            Ok(list) => (true, list),
            Err(_) => (false, Vec::new()),
        };
        if self.practice.is_inserted() {
            readers.push(ReaderInfo {
                name: PRACTICE_READER.into(),
                card_present: true,
            });
        }
        (pcsc_available, readers)
    }

    pub(crate) fn state(&self, profile: Profile) -> CardPanelState {
        let (pcsc_available, readers) = self.readers();
        let practice_card = self.practice.is_inserted();
        let preferred_reader = crate::lock(&self.preferred).clone();
        let active_reader = active(&readers, preferred_reader.as_deref());
        CardPanelState {
            pcsc_available,
            readers,
            practice_card,
            practice_allowed: practice_card::allowed(profile).is_ok(),
            preferred_reader,
            active_reader,
        }
    }

    /// Uses `reader` whenever it holds a card (`None`: the first reader with a card).
    pub(crate) fn prefer(&self, reader: Option<String>) {
        *crate::lock(&self.preferred) = reader;
    }

    pub(crate) fn insert_practice(&self, profile: Profile) -> Result<(), AppError> {
        practice_card::allowed(profile)?;
        self.practice.insert()
    }

    pub(crate) fn remove_practice(&self) {
        self.practice.remove();
    }

    pub(crate) fn carry_practice_to(&self, other: &CardPanel) {
        self.practice.carry_to(&other.practice);
    }

    /// The card on `reader` (the practice card, or a PC/SC reader — exclusively when a PIN is
    /// involved); `None` means the preferred reader when it holds a card, else the first card
    /// on a reader, else the practice card.
    fn card(
        &self,
        reader: Option<&str>,
        exclusive: bool,
    ) -> Result<Card<Box<dyn Transmit + Send>>, AppError> {
        let chosen = match reader {
            Some(name) => Some(name.to_owned()),
            None => active(
                &self.readers().1,
                crate::lock(&self.preferred).clone().as_deref(),
            ),
        };
        let reader = chosen.as_deref();
        if reader == Some(PRACTICE_READER) {
            return Ok(Card::new(self.practice.transport()?));
        }
        let card = readers::connect(reader, exclusive)?;
        Ok(Card::new(Box::new(card.into_transport())))
    }

    pub(crate) fn status(&self, reader: Option<&str>) -> Result<CardStatus, AppError> {
        Ok(session::status(&mut self.card(reader, false)?)?)
    }

    /// The basic four after the card-info PIN, and in the same card session the
    /// user-authentication certificate's expiry (no PIN; `None` when it could not be read: the
    /// basic four stand all the same).
    pub(crate) fn basic_four(
        &self,
        reader: Option<&str>,
        pin: &str,
        last_try: bool,
    ) -> Result<(BasicFour, Option<CertificateExpiry>), AppError> {
        let consent = if last_try {
            LastTry::Allow
        } else {
            LastTry::Refuse
        };
        let read = (|| {
            let mut secret = Secret::new(PinKind::Text, pin)?;
            let mut card = self.card(reader, true)?;
            let four = session::read_basic_four(&mut card, &mut secret, consent)?;
            let expiry = zairyu_card::read_auth_expiry(&mut card).ok();
            Ok((four, expiry))
        })();
        // The operation and the reader only: never the PIN, never what was read.
        crate::log_trail::outcome(
            &format!("card: read the basic four ({})", reader_label(reader)),
            &read,
        );
        read
    }
    /// Signs SHA-256 of `message` with the user-authentication key after its 4-digit PIN,
    /// holding the card exclusively from the certificate to the signature. Answers the
    /// certificate (DER) and the signature.
    pub(crate) fn sign_with_auth_key(
        &self,
        reader: Option<&str>,
        message: &[u8],
        pin: &str,
        last_try: bool,
    ) -> Result<(Vec<u8>, Vec<u8>), AppError> {
        use sha2::Digest;
        let consent = if last_try {
            LastTry::Allow
        } else {
            LastTry::Refuse
        };
        let mut secret = Secret::new(PinKind::Auth, pin)?;
        let signed = (|| {
            let mut card = self.card(reader, true)?;
            let certificate = session::read_certificate(&mut card, CertKind::Auth, None, consent)?;
            let digest: [u8; 32] = sha2::Sha256::digest(message).into();
            let signature =
                session::sign(&mut card, CertKind::Auth, &digest, &mut secret, consent)?;
            Ok((certificate, signature))
        })();
        secret.wipe();
        crate::log_trail::outcome(
            &format!(
                "card: sign with the user-authentication key ({})",
                reader_label(reader)
            ),
            &signed,
        );
        signed
    }
}

/// The reader a card operation names in the log (`auto`: the reader chosen then).
fn reader_label(reader: Option<&str>) -> &str {
    reader.unwrap_or("auto")
}

/// The reader card commands use: the preferred one when it holds a card, else the first with a card.
fn active(readers: &[ReaderInfo], preferred: Option<&str>) -> Option<String> {
    let with_card = |r: &&ReaderInfo| r.card_present;
    readers
        .iter()
        .filter(with_card)
        .find(|r| Some(r.name.as_str()) == preferred)
        .or_else(|| readers.iter().find(with_card))
        .map(|r| r.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preferred_reader_is_used_only_while_it_holds_a_card() {
        let r = |name: &str, card_present: bool| ReaderInfo {
            name: name.into(),
            card_present,
        };
        let readers = [r("A", true), r("B", true), r("C", false)];
        assert_eq!(active(&readers, None).as_deref(), Some("A"));
        assert_eq!(active(&readers, Some("B")).as_deref(), Some("B"));
        assert_eq!(active(&readers, Some("C")).as_deref(), Some("A"));
        assert_eq!(active(&readers, Some("gone")).as_deref(), Some("A"));
        assert_eq!(active(&[r("C", false)], Some("C")), None);
    }

    #[cfg(not(feature = "demo"))]
    #[test]
    fn a_build_without_demo_has_no_practice_card() {
        let panel = CardPanel::default();
        for profile in [Profile::Demo, Profile::Production] {
            let err = panel.insert_practice(profile).unwrap_err();
            assert_eq!(err.code(), "practice_card_unavailable");
            assert!(err.to_string().contains("real card reader"), "{err}");
            let state = panel.state(profile);
            assert!(!state.practice_card && !state.practice_allowed);
            assert!(state.readers.iter().all(|r| r.name != PRACTICE_READER));
        }
        panel.remove_practice();
        assert_eq!(
            panel.status(Some(PRACTICE_READER)).unwrap_err().code(),
            "practice_card_unavailable"
        );
    }

    #[cfg(feature = "demo")]
    #[test]
    fn practice_card_status_and_basic_four_in_the_demo_profile_only() {
        let panel = CardPanel {
            without_pcsc: true,
            ..CardPanel::default()
        };
        assert_eq!(
            panel
                .insert_practice(Profile::Production)
                .unwrap_err()
                .code(),
            "practice_card_not_allowed"
        );
        panel.insert_practice(Profile::Demo).unwrap();
        let state = panel.state(Profile::Demo);
        assert!(state.practice_card && state.practice_allowed);
        assert!(state
            .readers
            .iter()
            .any(|r| r.name == PRACTICE_READER && r.card_present));
        let status = panel.status(Some(PRACTICE_READER)).unwrap();
        assert_eq!(status.text_pin_tries, Some(3));
        assert_eq!(
            panel
                .basic_four(Some(PRACTICE_READER), "9999", false)
                .unwrap_err()
                .code(),
            "pin_wrong"
        );
        assert_eq!(
            panel.status(Some(PRACTICE_READER)).unwrap().text_pin_tries,
            Some(2)
        );
        let (four, expiry) = panel
            .basic_four(Some(PRACTICE_READER), "1234", false)
            .unwrap();
        assert!(
            expiry.is_some(),
            "the certificate's expiry is read with the basic four"
        );
        assert_eq!(four.name, "NGUYEN THI LAN");
        assert_eq!(four.birth_date, "2003-04-15");
        assert_eq!(
            panel
                .basic_four(Some(PRACTICE_READER), "12", false)
                .unwrap_err()
                .code(),
            "pin_format"
        );
        // A preferred reader that is not connected does not stand in the way of the card
        // that is there.
        panel.prefer(Some("ACS ACR1252 not connected".into()));
        assert_eq!(panel.status(None).unwrap().text_pin_tries, Some(3));
        let state = panel.state(Profile::Demo);
        assert_eq!(state.active_reader.as_deref(), Some(PRACTICE_READER));
        assert_eq!(
            state.preferred_reader.as_deref(),
            Some("ACS ACR1252 not connected")
        );
        panel.prefer(None);
        panel.remove_practice();
        assert!(!panel.state(Profile::Demo).practice_card);
        assert_eq!(
            panel.status(Some(PRACTICE_READER)).unwrap_err().code(),
            "card_absent"
        );
    }
}
