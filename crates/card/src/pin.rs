//! The PIN state machine. One PIN use goes through explicit states:
//!
//! ```text
//! Start ──read tries (no try spent)──▶ Counted{left}
//!   Counted{0}                ──▶ Refused(blocked)            "only the municipal office can reset it"
//!   Counted{1}, no consent    ──▶ Refused(last try)           nothing sent to the card
//!   Counted{n}                ──▶ Presented ──card says no──▶ Failed(wrong, n-1 left) | Failed(blocked)
//!                                           ──card says yes─▶ Unlocked ──operation──▶ Done
//! ```
//!
//! A wrong PIN ends the flow: it is never retried. The secret is wiped when the flow ends,
//! whichever way (a drop guard also covers a card pulled mid-operation and panics), and the
//! PIN is never logged: [`Secret`]'s `Debug` prints no digits.

use std::fmt;

use myna_card::Retries;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroize;

use crate::error::CardError;

/// Which secret of the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PinKind {
    /// 利用者証明用電子証明書 暗証番号: 4 digits, 3 tries.
    Auth,
    /// 券面事項入力補助用 暗証番号: 4 digits, 3 tries.
    Text,
    /// 署名用電子証明書 パスワード: 6–16 upper-case letters and digits, 5 tries.
    Sign,
}

/// Consent to spend the last try of a PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastTry {
    Refuse,
    Allow,
}

/// A PIN or password held only as long as one card command needs it.
pub struct Secret {
    bytes: Vec<u8>,
    /// The input was changed to what the card wants (lower case made upper case).
    pub normalised: bool,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({} chars, hidden)", self.bytes.len())
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.wipe();
    }
}

impl Secret {
    /// Checks the format for `kind` (no try is spent on a malformed PIN). The signing password
    /// is upper-cased, since the card stores upper case; `normalised` says so.
    pub fn new(kind: PinKind, input: &str) -> Result<Secret, CardError> {
        let trimmed = input.trim_end_matches(['\r', '\n']);
        match kind {
            PinKind::Auth | PinKind::Text => {
                if trimmed.len() != 4 || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(CardError::PinFormat {
                        problem: "The PIN is 4 digits (0–9). No try was used.".into(),
                    });
                }
                Ok(Secret {
                    bytes: trimmed.as_bytes().to_vec(),
                    normalised: false,
                })
            }
            PinKind::Sign => {
                let upper = trimmed.to_ascii_uppercase();
                if !(6..=16).contains(&upper.len())
                    || !upper
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                {
                    let mut upper = upper;
                    upper.zeroize();
                    return Err(CardError::PinFormat {
                        problem:
                            "The signature password is 6 to 16 letters and digits. No try was used."
                                .into(),
                    });
                }
                let normalised = upper != trimmed;
                Ok(Secret {
                    bytes: upper.into_bytes(),
                    normalised,
                })
            }
        }
    }

    pub(crate) fn as_pin(&self) -> Result<myna_card::Pin, CardError> {
        myna_card::Pin::new(&self.bytes).map_err(|e| CardError::PinFormat {
            problem: e.to_string(),
        })
    }

    /// Overwrites the secret with zeros and forgets it.
    pub fn wipe(&mut self) {
        self.bytes.zeroize();
        self.bytes.clear();
    }

    pub fn is_wiped(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// The states of one PIN use (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinState {
    Start,
    Counted { left: Option<u8> },
    Presented,
    Unlocked,
    Done,
    Refused,
    Failed,
}

/// One PIN use: the states it went through (for tests and diagnostics; never the secret).
#[derive(Debug)]
pub struct PinFlow<'s> {
    secret: &'s mut Secret,
    consent: LastTry,
    cancel: Option<&'s std::sync::atomic::AtomicBool>,
    pub trail: Vec<PinState>,
}

impl<'s> PinFlow<'s> {
    pub fn new(secret: &'s mut Secret, consent: LastTry) -> PinFlow<'s> {
        PinFlow {
            secret,
            consent,
            cancel: None,
            trail: vec![PinState::Start],
        }
    }

    /// A flag the user's "Cancel" sets: checked after the tries are read, before the PIN is
    /// presented.
    pub fn cancellable(mut self, cancel: &'s std::sync::atomic::AtomicBool) -> PinFlow<'s> {
        self.cancel = Some(cancel);
        self
    }

    fn to(&mut self, state: PinState) {
        self.trail.push(state);
    }

    /// Runs the flow: `tries` reads the counter without spending a try, `verify` presents the
    /// PIN, `operation` uses what it unlocked. The secret is wiped before this returns.
    pub fn run<R>(
        mut self,
        tries: impl FnOnce() -> Result<Retries, CardError>,
        verify: impl FnOnce(&myna_card::Pin) -> Result<(), CardError>,
        operation: impl FnOnce() -> Result<R, CardError>,
    ) -> (Result<R, CardError>, Vec<PinState>) {
        let result = self.walk(tries, verify, operation);
        self.secret.wipe();
        let trail = std::mem::take(&mut self.trail);
        (result, trail)
    }

    fn walk<R>(
        &mut self,
        tries: impl FnOnce() -> Result<Retries, CardError>,
        verify: impl FnOnce(&myna_card::Pin) -> Result<(), CardError>,
        operation: impl FnOnce() -> Result<R, CardError>,
    ) -> Result<R, CardError> {
        let left = match tries() {
            Ok(r) => r.count(),
            Err(e) => {
                self.to(PinState::Failed);
                return Err(e);
            }
        };
        self.to(PinState::Counted { left });
        match (left, self.consent) {
            (Some(0), _) => {
                self.to(PinState::Refused);
                return Err(CardError::PinBlocked);
            }
            (Some(1), LastTry::Refuse) => {
                self.to(PinState::Refused);
                return Err(CardError::LastTryRefused);
            }
            _ => {}
        }
        if self
            .cancel
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::SeqCst))
        {
            self.to(PinState::Refused);
            return Err(CardError::Cancelled);
        }
        let pin = self.secret.as_pin();
        self.secret.wipe();
        let pin = match pin {
            Ok(p) => p,
            Err(e) => {
                self.to(PinState::Failed);
                return Err(e);
            }
        };
        self.to(PinState::Presented);
        // `pin` (myna_card::Pin) zeroises itself when dropped at the end of this statement.
        let verified = verify(&pin);
        drop(pin);
        if let Err(e) = verified {
            self.to(PinState::Failed);
            return Err(e);
        }
        self.to(PinState::Unlocked);
        match operation() {
            Ok(r) => {
                self.to(PinState::Done);
                Ok(r)
            }
            Err(e) => {
                self.to(PinState::Failed);
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn secret() -> Secret {
        Secret::new(PinKind::Auth, "1234").unwrap()
    }

    #[test]
    fn formats_are_checked_before_any_try_and_passwords_upper_cased() {
        assert_eq!(
            Secret::new(PinKind::Auth, "12345").unwrap_err().code(),
            "pin_format"
        );
        assert_eq!(
            Secret::new(PinKind::Text, "12a4").unwrap_err().code(),
            "pin_format"
        );
        let s = Secret::new(PinKind::Sign, "zairyu26\n").unwrap();
        assert!(s.normalised);
        assert_eq!(s.as_pin().unwrap().as_bytes(), b"ZAIRYU26");
        assert_eq!(
            Secret::new(PinKind::Sign, "short").unwrap_err().code(),
            "pin_format"
        );
        assert_eq!(
            Secret::new(PinKind::Sign, "has space1").unwrap_err().code(),
            "pin_format"
        );
        assert!(
            !format!("{s:?}").contains("ZAIRYU"),
            "Debug never shows the secret"
        );
    }

    #[test]
    fn success_unlocks_runs_the_operation_and_wipes() {
        let mut s = secret();
        let (result, trail) = PinFlow::new(&mut s, LastTry::Refuse).run(
            || Ok(Retries::Remaining(3)),
            |pin| {
                assert_eq!(pin.as_bytes(), b"1234");
                Ok(())
            },
            || Ok(42),
        );
        assert_eq!(result.unwrap(), 42);
        assert!(s.is_wiped());
        assert_eq!(trail.last(), Some(&PinState::Done));
    }

    #[test]
    fn a_wrong_pin_is_reported_with_tries_left_never_retried_and_wiped() {
        let mut s = secret();
        let presented = Cell::new(0);
        let (result, trail) = PinFlow::new(&mut s, LastTry::Refuse).run(
            || Ok(Retries::Remaining(3)),
            |_| {
                presented.set(presented.get() + 1);
                Err(CardError::PinWrong { left: 2 })
            },
            || -> Result<(), CardError> { panic!("no operation after a wrong PIN") },
        );
        assert_eq!(result.unwrap_err(), CardError::PinWrong { left: 2 });
        assert_eq!(presented.get(), 1);
        assert!(s.is_wiped());
        assert_eq!(
            trail,
            [
                PinState::Start,
                PinState::Counted { left: Some(3) },
                PinState::Presented,
                PinState::Failed
            ]
        );
    }

    #[test]
    fn the_last_try_needs_consent_and_a_blocked_pin_is_never_presented() {
        for (left, consent, expect) in [
            (1, LastTry::Refuse, Some("pin_last_try_refused")),
            (0, LastTry::Allow, Some("pin_blocked")),
            (1, LastTry::Allow, None),
        ] {
            let mut s = secret();
            let presented = Cell::new(false);
            let (result, _) = PinFlow::new(&mut s, consent).run(
                || {
                    Ok(if left == 0 {
                        Retries::Blocked
                    } else {
                        Retries::Remaining(left)
                    })
                },
                |_| {
                    presented.set(true);
                    Ok(())
                },
                || Ok(()),
            );
            assert!(s.is_wiped());
            match expect {
                Some(code) => {
                    assert_eq!(result.unwrap_err().code(), code);
                    assert!(!presented.get(), "nothing is sent when refused");
                }
                None => assert!(result.is_ok() && presented.get()),
            }
        }
    }

    #[test]
    fn a_card_removed_mid_operation_or_while_counting_still_wipes() {
        let mut s = secret();
        let (result, _) = PinFlow::new(&mut s, LastTry::Refuse).run(
            || Ok(Retries::Remaining(3)),
            |_| Ok(()),
            || -> Result<(), CardError> { Err(CardError::CardRemoved) },
        );
        assert_eq!(result.unwrap_err(), CardError::CardRemoved);
        assert!(s.is_wiped());
        let mut s = secret();
        let (result, trail) = PinFlow::new(&mut s, LastTry::Refuse).run(
            || Err(CardError::CardRemoved),
            |_| Ok(()),
            || Ok(()),
        );
        assert_eq!(result.unwrap_err(), CardError::CardRemoved);
        assert!(s.is_wiped());
        assert_eq!(trail.last(), Some(&PinState::Failed));
    }

    #[test]
    fn cancel_before_presenting_sends_nothing_and_wipes() {
        let mut s = secret();
        let cancel = std::sync::atomic::AtomicBool::new(true);
        let presented = Cell::new(false);
        let (result, trail) = PinFlow::new(&mut s, LastTry::Allow)
            .cancellable(&cancel)
            .run(
                || Ok(Retries::Remaining(3)),
                |_| {
                    presented.set(true);
                    Ok(())
                },
                || Ok(()),
            );
        assert_eq!(result.unwrap_err().code(), "card_cancelled");
        assert!(!presented.get());
        assert!(s.is_wiped());
        assert_eq!(trail.last(), Some(&PinState::Refused));
    }
}
