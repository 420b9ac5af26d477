//! The card workflows, over any `myna_card::Transmit` (a PC/SC reader, or the virtual card
//! in-process). Each workflow uses the fewest APDUs the card allows and touches only the JPKI
//! application and EF 0002 of the card-info-input application.

use myna_card::ap::jpki::{JpkiAp, SignatureScheme};
use myna_card::ap::text::TextAp;
use myna_card::{Card, Retries, ShortEfId, Transmit};
use serde::Serialize;
use ts_rs::TS;

use crate::error::CardError;
use crate::pin::{LastTry, PinFlow, Secret};

/// Files this crate ever reads with a raw `read_ef`: the JPKI token information only.
const READ_EF_ALLOWED: &[u16] = &[0x0006];
/// The card-info-input application's PIN (4 digits) and its basic-four file.
const TEXT_PIN: u16 = 0x0011;
const TEXT_ATTRIBUTES: u16 = 0x0002;
/// The JPKI PINs: the authentication PIN and the signature password.
const AUTH_PIN: u16 = 0x0018;
const SIGN_PIN: u16 = 0x001B;

/// What a card on the reader is, and its three retry counters (read without spending a try).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CardStatus {
    pub my_number_card: bool,
    /// The JPKI token label, e.g. `JPKIAPICCTOKEN2`.
    pub token: String,
    pub auth_pin_tries: Option<u8>,
    pub sign_password_tries: Option<u8>,
    pub text_pin_tries: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
    /// 9 (not applicable) or anything else the card holds.
    Other,
}

/// 基本4情報: the four basic attributes, text exactly as stored on the card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BasicFour {
    pub name: String,
    pub address: String,
    /// YYYY-MM-DD.
    pub birth_date: String,
    pub sex: Sex,
}

/// Which key and certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CertKind {
    /// 利用者証明用: proves it is the holder; readable without a PIN.
    Auth,
    /// 署名用: signs documents; carries the basic four; needs the signature password.
    Sign,
}

fn retries(r: Result<Retries, myna_card::Error>) -> Result<Option<u8>, CardError> {
    match r {
        Ok(r) => Ok(r.count()),
        Err(myna_card::Error::PinBlocked) => Ok(Some(0)),
        Err(e) => Err(e.into()),
    }
}

fn sfi(id: u16) -> Result<ShortEfId, CardError> {
    ShortEfId::from_ef_id(id).map_err(Into::into)
}

/// Selects the JPKI application; a card without it is `NotMyNumberCard`.
pub(crate) fn select_jpki<T: Transmit>(card: &mut Card<T>) -> Result<JpkiAp<'_, T>, CardError> {
    JpkiAp::select(card).map_err(not_my_number_card)
}

/// Is it a My Number Card (the JPKI application answers, not the ATR), and how many tries are
/// left on each PIN.
pub fn status<T: Transmit>(card: &mut Card<T>) -> Result<CardStatus, CardError> {
    let mut ap = match select_jpki(card) {
        Ok(ap) => ap,
        Err(CardError::NotMyNumberCard) => {
            return Ok(CardStatus {
                my_number_card: false,
                token: String::new(),
                auth_pin_tries: None,
                sign_password_tries: None,
                text_pin_tries: None,
            })
        }
        Err(e) => return Err(e),
    };
    // The fewest APDUs: short-EF-id READ BINARY and VERIFY address the files without SELECTs.
    let token_id = READ_EF_ALLOWED[0];
    let c = ap.card();
    let raw = c.read_binary_chunk_sfi(sfi(token_id)?, 0, 32)?;
    let token = String::from_utf8_lossy(&raw)
        .trim_matches([' ', '\0'])
        .to_owned();
    let auth = retries(c.pin_retries_sfi(sfi(AUTH_PIN)?))?;
    let sign = retries(c.pin_retries_sfi(sfi(SIGN_PIN)?))?;
    TextAp::select(card)?;
    let text_tries = retries(card.pin_retries_sfi(sfi(TEXT_PIN)?))?;
    Ok(CardStatus {
        my_number_card: true,
        token,
        auth_pin_tries: auth,
        sign_password_tries: sign,
        text_pin_tries: text_tries,
    })
}

/// The basic four from EF 0002 of the card-info-input application, after its 4-digit PIN:
/// four APDUs on today's cards (SELECT of the application, the tries, VERIFY and one READ
/// BINARY, the PIN and the file named by their short EF ids), a fifth READ BINARY only for a
/// file longer than 256 bytes.
fn basic_four_flow<T: Transmit>(
    card: &mut Card<T>,
    pin: &mut Secret,
    consent: LastTry,
) -> Result<BasicFour, CardError> {
    // A card without the application is not a My Number Card: a clear error before any PIN.
    TextAp::select(card).map_err(not_my_number_card)?;
    let pin_sfi = sfi(TEXT_PIN)?;
    let card = std::cell::RefCell::new(card);
    let (result, _) = PinFlow::new(pin, consent).run(
        || {
            card.borrow_mut()
                .pin_retries_sfi(pin_sfi)
                .map_err(Into::into)
        },
        |p| card.borrow_mut().verify_sfi(pin_sfi, p).map_err(Into::into),
        || read_basic_four_file(&mut card.borrow_mut()),
    );
    let a = myna_card::ap::text::Attributes::parse(&result?)?;
    let d = a.birth_date;
    Ok(BasicFour {
        name: a.name,
        address: a.address,
        birth_date: format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        sex: match a.sex {
            myna_card::Sex::Male => Sex::Male,
            myna_card::Sex::Female => Sex::Female,
            _ => Sex::Other,
        },
    })
}

/// EF 0002 of the card-info-input application (its only file this crate reads, never a file
/// chosen by the caller), with short APDUs: the first READ BINARY names it by its short EF id
/// (no SELECT) and asks for 256 bytes; its TLV header says whether more must be read (from the
/// now current EF).
fn read_basic_four_file<T: Transmit>(card: &mut Card<T>) -> Result<Vec<u8>, CardError> {
    let mut out = card.read_binary_chunk_sfi(sfi(TEXT_ATTRIBUTES)?, 0, 256)?;
    let total = myna_card::tlv::ber::parse_header(&out)
        .map_err(|_| CardError::UnexpectedAnswer {
            detail: "the basic-four file does not begin with a TLV header".into(),
        })?
        .total_len();
    if total <= out.len() {
        out.truncate(total);
    } else {
        let rest = card.read_binary(out.len(), total - out.len())?;
        out.extend_from_slice(&rest);
    }
    Ok(out)
}

fn not_my_number_card(e: myna_card::Error) -> CardError {
    match e {
        myna_card::Error::Status(sw) if sw.value() == 0x6A82 => CardError::NotMyNumberCard,
        other => other.into(),
    }
}

fn certificate_flow<T: Transmit>(
    card: &mut Card<T>,
    kind: CertKind,
    password: Option<&mut Secret>,
    consent: LastTry,
) -> Result<Vec<u8>, CardError> {
    let ap = std::cell::RefCell::new(select_jpki(card)?);
    match (kind, password) {
        (CertKind::Auth, _) => Ok(ap.borrow_mut().read_auth_certificate_der()?),
        (CertKind::Sign, None) => Err(CardError::PinFormat {
            problem: "The signing certificate needs the signature password.".into(),
        }),
        (CertKind::Sign, Some(secret)) => {
            PinFlow::new(secret, consent)
                .run(
                    || ap.borrow_mut().sign_pin_retries().map_err(Into::into),
                    |p| ap.borrow_mut().verify_sign_pin(p).map_err(Into::into),
                    || {
                        ap.borrow_mut()
                            .read_sign_certificate_der()
                            .map_err(Into::into)
                    },
                )
                .0
        }
    }
}

fn sign_flow<T: Transmit>(
    card: &mut Card<T>,
    kind: CertKind,
    digest: &[u8; 32],
    secret: &mut Secret,
    consent: LastTry,
) -> Result<Vec<u8>, CardError> {
    // Four APDUs: SELECT of JPKI, the tries and VERIFY naming the PIN by its short EF id (no
    // SELECT of the PIN file), and the signature naming its key the same way.
    let ap = std::cell::RefCell::new(select_jpki(card)?);
    let pin_sfi = sfi(match kind {
        CertKind::Auth => AUTH_PIN,
        CertKind::Sign => SIGN_PIN,
    })?;
    let (result, _) = PinFlow::new(secret, consent).run(
        || {
            ap.borrow_mut()
                .card()
                .pin_retries_sfi(pin_sfi)
                .map_err(Into::into)
        },
        |p| {
            ap.borrow_mut()
                .card()
                .verify_sfi(pin_sfi, p)
                .map_err(Into::into)
        },
        || {
            let mut ap = ap.borrow_mut();
            let signed = match kind {
                CertKind::Auth => {
                    ap.sign_with_auth_key(SignatureScheme::PreHashedDigestInfo, digest)
                }
                CertKind::Sign => {
                    ap.sign_with_sign_key(SignatureScheme::PreHashedDigestInfo, digest)
                }
            };
            signed.map_err(Into::into)
        },
    );
    let signature = result?;
    if signature.len() != 256 {
        return Err(CardError::UnexpectedAnswer {
            detail: format!("a {}-byte signature", signature.len()),
        });
    }
    Ok(signature)
}

/// The basic four from EF 0002 of the card-info-input application, after its 4-digit PIN.
/// The PIN is wiped whatever happens, also when the card fails before the PIN flow begins.
pub fn read_basic_four<T: Transmit>(
    card: &mut Card<T>,
    pin: &mut Secret,
    consent: LastTry,
) -> Result<BasicFour, CardError> {
    let result = basic_four_flow(card, pin, consent);
    pin.wipe();
    result
}

/// A certificate in DER: the authentication one needs no PIN, the signing one the password
/// (wiped whatever happens).
pub fn read_certificate<T: Transmit>(
    card: &mut Card<T>,
    kind: CertKind,
    mut password: Option<&mut Secret>,
    consent: LastTry,
) -> Result<Vec<u8>, CardError> {
    let result = certificate_flow(card, kind, password.as_deref_mut(), consent);
    if let Some(p) = password {
        p.wipe();
    }
    result
}

/// Signs a SHA-256 digest (PKCS#1 v1.5 over a DigestInfo, made by the card) with the key of
/// `kind`, after its PIN (wiped whatever happens). Connect exclusively: from PIN to signature
/// no other program may use the card.
pub fn sign<T: Transmit>(
    card: &mut Card<T>,
    kind: CertKind,
    digest: &[u8; 32],
    secret: &mut Secret,
    consent: LastTry,
) -> Result<Vec<u8>, CardError> {
    let result = sign_flow(card, kind, digest, secret, consent);
    secret.wipe();
    result
}

/// A transport that counts the APDUs it carries (benchmarks, tests).
#[derive(Debug)]
pub struct Counting<T> {
    pub inner: T,
    pub apdus: u64,
}

impl<T: Transmit> Transmit for Counting<T> {
    fn transmit(&mut self, command: &[u8]) -> myna_card::Result<Vec<u8>> {
        self.apdus += 1;
        self.inner.transmit(command)
    }
}

#[cfg(test)]
mod tests;
