//! The expiry of the card's user-authentication certificate (利用者証明用電子証明書), read
//! without any PIN, as its own small state machine in the style of the PIN flow:
//!
//! ```text
//! Start ──SELECT JPKI──▶ Selected ──READ BINARY EF 000A──▶ Read{bytes}
//!   Read ──parse (x509-cert, through myna-card)──▶ Dated{last day} ──▶ Done
//!   any step ──card taken off──▶ Failed            card_removed
//!   Start    ──no JPKI application──▶ Failed       card_not_my_number
//!   Read     ──not an X.509 certificate──▶ Failed  card_certificate_unreadable
//! ```
//!
//! Only EF 000A of the JPKI application is read: that certificate carries no name, address or
//! birth date (its subject is an opaque identifier), and nothing is kept of it but the date.
//! The date is the last day the certificate is valid in Japan time (its notAfter plus nine
//! hours): a certificate ending 14:59:59 UTC ends at 23:59:59 JST on that day.

use myna_card::certificate::Certificate;
use myna_card::{Card, Transmit};
use serde::Serialize;
use ts_rs::TS;

use crate::error::CardError;

/// Japan Standard Time, ahead of UTC by nine hours and without summer time.
const JST_OFFSET_SECONDS: i64 = 9 * 3600;

/// When the user-authentication certificate expires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CertificateExpiry {
    /// The last day the certificate is valid, in Japan time: YYYY-MM-DD.
    pub last_valid_day: String,
    /// Its notAfter, seconds since 1970 (UTC).
    #[ts(type = "number")]
    pub not_after_unix: i64,
}

/// The states of one expiry read (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiryState {
    Start,
    Selected,
    /// The certificate's bytes are in hand (how many).
    Read {
        bytes: usize,
    },
    Dated,
    Done,
    Failed,
}

/// One expiry read: the states it went through (tests and diagnostics).
#[derive(Debug)]
pub struct ExpiryRead {
    pub trail: Vec<ExpiryState>,
}

impl Default for ExpiryRead {
    fn default() -> Self {
        ExpiryRead {
            trail: vec![ExpiryState::Start],
        }
    }
}

impl ExpiryRead {
    fn to(&mut self, state: ExpiryState) {
        self.trail.push(state);
    }

    fn fail<T>(&mut self, e: CardError) -> Result<T, CardError> {
        self.to(ExpiryState::Failed);
        Err(e)
    }

    /// Runs the read on `card`.
    pub fn run<T: Transmit>(&mut self, card: &mut Card<T>) -> Result<CertificateExpiry, CardError> {
        let mut ap = match crate::session::select_jpki(card) {
            Ok(ap) => ap,
            Err(e) => return self.fail(e),
        };
        self.to(ExpiryState::Selected);
        let der = match ap.read_auth_certificate_der() {
            Ok(der) => der,
            // A file that is no TLV, or whose length runs past the file: garbled.
            Err(myna_card::Error::Malformed(detail)) => {
                return self.fail(CardError::CertificateUnreadable { detail })
            }
            Err(e) => return self.fail(e.into()),
        };
        self.to(ExpiryState::Read { bytes: der.len() });
        let expiry = match expiry_of(&der) {
            Ok(expiry) => expiry,
            Err(e) => return self.fail(e),
        };
        self.to(ExpiryState::Dated);
        self.to(ExpiryState::Done);
        Ok(expiry)
    }
}

/// The expiry of a DER certificate (parsed with x509-cert through myna-card).
pub fn expiry_of(der: &[u8]) -> Result<CertificateExpiry, CardError> {
    let cert = Certificate::parse(der).map_err(|e| CardError::CertificateUnreadable {
        detail: e.to_string(),
    })?;
    let not_after = cert.inner().tbs_certificate().validity().not_after;
    let not_after_unix = i64::try_from(not_after.to_unix_duration().as_secs()).map_err(|_| {
        CardError::CertificateUnreadable {
            detail: "a notAfter beyond any calendar".into(),
        }
    })?;
    let day = myna_card::data::Date::from_unix_seconds(not_after_unix + JST_OFFSET_SECONDS);
    Ok(CertificateExpiry {
        last_valid_day: format!("{:04}-{:02}-{:02}", day.year, day.month, day.day),
        not_after_unix,
    })
}

/// The user-authentication certificate's expiry, without a PIN.
pub fn read_auth_expiry<T: Transmit>(card: &mut Card<T>) -> Result<CertificateExpiry, CardError> {
    ExpiryRead::default().run(card)
}

#[cfg(test)]
mod tests;
