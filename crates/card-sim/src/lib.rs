//! `zairyu-card-sim`: a software My Number Card that behaves like the real one as far as
//! `docs/card-protocol.md` describes it — the JPKI and card-info-input applications
//! and their files, SELECT / READ BINARY with offsets, padding and end-of-file, VERIFY with
//! counters that count down, lock and reset, the empty VERIFY that reports tries, and
//! COMPUTE DIGITAL SIGNATURE with its own RSA-2048 keys under the "Zairyu Demo CA".
//!
//! - [`identity`]: who the card belongs to and its PINs (a TOML file, with defaults).
//! - [`certs`]: the card's certificates, issued at start-up by the demo CA.
//! - [`card`]: the APDU state machine, recording every command in an [`AccessLog`].
//! - [`transport`]: the card in-process, as a `myna_card::Transmit`.
//! - [`vpcd`]: the card behind real pcscd, as a vsmartcard-vpcd client.

pub mod card;
pub mod certs;
pub mod identity;
pub mod transport;
pub mod vpcd;

pub use card::{AccessEntry, AccessLog, Op, VirtualCard, JPKI_AID, TEXT_AID, VISUAL_AID};
pub use identity::{Identity, IdentityError, Sex};
pub use transport::SimTransport;
