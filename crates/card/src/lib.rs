//! `zairyu-card`: what Zairyu does with a My Number Card, on top of the `myna-card` crate.
//!
//! - [`readers`]: PC/SC readers, whether a card is in them, a stream of insert/remove events,
//!   and connecting (exclusively for anything that presents a PIN).
//! - [`pin`]: the PIN state machine — tries read before every use, the last try only with
//!   explicit consent, a wrong PIN never retried, the secret wiped on every exit.
//! - [`session`]: the workflows — status (is it a My Number Card, the three retry counters),
//!   the basic four, the two certificates, signing a SHA-256 digest with either key.
//! - [`expiry`]: the user-authentication certificate's last valid day, read without a PIN.
//! - [`error`]: every failure with a stable code and English and Japanese text saying what to do.
//!
//! **Never the individual number**: this crate reads only JPKI files and EF 0002 of the
//! card-info-input application. `clippy.toml` bans the `myna-card` functions that reach the
//! individual number, its integrity record or 照合番号A, and the virtual card's access log
//! proves it in the tests.

pub mod error;
pub mod expiry;
pub mod pin;
pub mod readers;
pub mod session;

pub use error::CardError;
pub use expiry::{read_auth_expiry, CertificateExpiry};
pub use pin::{LastTry, PinKind, Secret};
pub use session::{BasicFour, CardStatus, CertKind, Counting, Sex};
