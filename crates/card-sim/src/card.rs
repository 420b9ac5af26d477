//! The APDU state machine of the virtual card: applications, files, PIN keys with retry
//! counters, signing keys, and the access log of every command.
//!
//! Files that a privacy-respecting client must never touch exist here on purpose (the
//! individual number, its integrity record, the card-surface application) so that a test can
//! prove from the access log that they were not.

use std::collections::HashSet;
use std::io::Write;
use std::sync::{Arc, Mutex};

use rsa::sha2::{Digest, Sha256};
use rsa::{Pkcs1v15Sign, PrivateKey};
use serde::Serialize;

use crate::certs::CardKeys;
use crate::identity::Identity;

/// 公的個人認証AP.
pub const JPKI_AID: [u8; 10] = [0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01];
/// 券面事項入力補助AP.
pub const TEXT_AID: [u8; 10] = [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08];
/// 券面事項確認AP (never needed by Zairyu).
pub const VISUAL_AID: [u8; 10] = [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02];
/// The ATR of a contactless reader holding a My Number Card (docs/card-protocol.md §2).
pub const ATR: [u8; 13] = [
    0x3B, 0x88, 0x80, 0x01, 0x00, 0x00, 0x05, 0xE0, 0xB3, 0x81, 0xA1, 0x00, 0x7F,
];

const SHA256_DIGEST_INFO: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];

/// What a command did, for the access log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Select,
    Read,
    Verify,
    Sign,
    Other,
}

/// One line of the access log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessEntry {
    /// The selected application's AID in upper-case hex, or null.
    pub app: Option<String>,
    /// The selected (or addressed) EF as 4 upper-case hex digits, or null.
    pub file: Option<String>,
    pub op: Op,
}

/// Every command the card received: kept in memory and, optionally, appended to a file as
/// one JSON object per line.
#[derive(Debug, Clone, Default)]
pub struct AccessLog {
    entries: Arc<Mutex<Vec<AccessEntry>>>,
    file: Option<Arc<Mutex<std::fs::File>>>,
}

impl AccessLog {
    pub fn to_file(path: &std::path::Path) -> std::io::Result<AccessLog> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        Ok(AccessLog {
            entries: Default::default(),
            file: Some(Arc::new(Mutex::new(file))),
        })
    }

    fn push(&self, entry: AccessEntry) {
        if let Some(file) = &self.file {
            let line = serde_json::to_string(&entry).expect("entries serialise");
            let _ = writeln!(file.lock().unwrap_or_else(|p| p.into_inner()), "{line}");
        }
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(entry);
    }

    pub fn entries(&self) -> Vec<AccessEntry> {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Entries that touched what Zairyu must never touch: the individual number (text AP EF
    /// 0001), its integrity record (0003), 照合番号A (0014), or the card-surface application.
    pub fn forbidden(&self) -> Vec<AccessEntry> {
        let text = hex(&TEXT_AID);
        let visual = hex(&VISUAL_AID);
        self.entries()
            .into_iter()
            .filter(|e| {
                e.app.as_deref() == Some(visual.as_str())
                    || (e.app.as_deref() == Some(text.as_str())
                        && matches!(e.file.as_deref(), Some("0001" | "0003" | "0014")))
            })
            .collect()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

#[derive(Debug, Clone)]
enum Content {
    /// A transparent EF: content then filler up to `size`; readable only after `needs` was verified.
    Binary {
        bytes: Vec<u8>,
        size: usize,
        needs: Option<u16>,
    },
    /// A PIN key with its retry counter.
    Pin { secret: Vec<u8>, max: u8, left: u8 },
    /// A private key, usable after `needs` was verified.
    Key { key: Box<PrivateKey>, needs: u16 },
}

#[derive(Debug, Clone)]
struct App {
    aid: [u8; 10],
    files: Vec<(u16, Content)>,
}

/// A virtual My Number Card.
#[derive(Debug)]
pub struct VirtualCard {
    apps: Vec<App>,
    current_app: Option<usize>,
    current_ef: Option<u16>,
    verified: HashSet<(usize, u16)>,
    log: AccessLog,
}

fn binary(bytes: Vec<u8>, pad: usize, needs: Option<u16>) -> Content {
    let size = bytes.len() + pad;
    Content::Binary { bytes, size, needs }
}

fn tlv(tag: &[u8], value: &[u8]) -> Vec<u8> {
    let mut out = tag.to_vec();
    match value.len() {
        n if n < 0x80 => out.push(n as u8),
        n if n < 0x100 => out.extend([0x81, n as u8]),
        n => out.extend([0x82, (n >> 8) as u8, n as u8]),
    }
    out.extend_from_slice(value);
    out
}

/// EF 0002 of the card-info-input application: FF20 { DF21 offsets, DF22 name, DF23 address,
/// DF24 birth, DF25 sex }, the offsets counted from the start of the file
/// (docs/card-protocol.md §8).
fn basic_four(identity: &Identity) -> Vec<u8> {
    let fields = [
        tlv(&[0xDF, 0x22], identity.name.as_bytes()),
        tlv(&[0xDF, 0x23], identity.address.as_bytes()),
        tlv(
            &[0xDF, 0x24],
            identity.birth_digits().unwrap_or_default().as_bytes(),
        ),
        tlv(&[0xDF, 0x25], &[identity.sex.code()]),
    ];
    let body_len: usize = 11 + fields.iter().map(Vec::len).sum::<usize>();
    let header_len = match body_len {
        n if n < 0x80 => 3,
        n if n < 0x100 => 4,
        _ => 5,
    };
    let mut offsets = Vec::new();
    let mut at = header_len + 11;
    for f in &fields {
        offsets.extend((at as u16).to_be_bytes());
        at += f.len();
    }
    let mut body = tlv(&[0xDF, 0x21], &offsets);
    for f in fields {
        body.extend(f);
    }
    tlv(&[0xFF, 0x20], &body)
}

fn token_info() -> Vec<u8> {
    let mut out = b"JPKIAPICCTOKEN2".to_vec();
    out.resize(32, b' ');
    out.resize(160, 0);
    out
}

impl VirtualCard {
    pub fn new(identity: &Identity, log: AccessLog) -> VirtualCard {
        let keys = CardKeys::issue(identity);
        let pin = |s: &str, max| Content::Pin {
            secret: s.as_bytes().to_vec(),
            max,
            left: max,
        };
        let jpki = App {
            aid: JPKI_AID,
            files: vec![
                (0x0001, binary(keys.sign_cert.clone(), 300, Some(0x001B))),
                (0x0002, binary(keys.ca_cert.clone(), 200, None)),
                (0x0006, binary(token_info(), 0, None)),
                (0x0008, binary(vec![0x8F, 0x8F, 0x00], 0, None)),
                (0x000A, binary(keys.auth_cert.clone(), 300, None)),
                (0x000B, binary(keys.ca_cert.clone(), 200, None)),
                (
                    0x0017,
                    Content::Key {
                        key: Box::new(keys.auth_key.clone()),
                        needs: 0x0018,
                    },
                ),
                (0x0018, pin(&identity.auth_pin, 3)),
                (
                    0x001A,
                    Content::Key {
                        key: Box::new(keys.sign_key.clone()),
                        needs: 0x001B,
                    },
                ),
                (0x001B, pin(&identity.sign_password, 5)),
            ],
        };
        // A fictitious individual number: present only so that reading it shows in the log.
        let mut my_number = vec![0xFF, 0x10, 0x0C];
        my_number.extend_from_slice(b"000000000000");
        let text = App {
            aid: TEXT_AID,
            files: vec![
                (0x0001, binary(my_number, 2, Some(0x0011))),
                (0x0002, binary(basic_four(identity), 64, Some(0x0011))),
                (0x0003, binary(vec![0xFF, 0x30, 0x00], 0, Some(0x0011))),
                (
                    0x0005,
                    binary(
                        tlv(&[0xFF, 0x40], &tlv(&[0xDF, 0x41], &[1, 3, 14, 1])),
                        32,
                        None,
                    ),
                ),
                (0x0011, pin(&identity.text_pin, 3)),
                (0x0014, pin("000000000000", 10)),
            ],
        };
        let visual = App {
            aid: VISUAL_AID,
            files: vec![(0x0001, binary(vec![0xFF, 0x10, 0x00], 0, None))],
        };
        VirtualCard {
            apps: vec![jpki, text, visual],
            current_app: None,
            current_ef: None,
            verified: HashSet::new(),
            log,
        }
    }

    pub fn atr(&self) -> &'static [u8] {
        &ATR
    }

    pub fn log(&self) -> &AccessLog {
        &self.log
    }

    /// Power-on or reset: nothing selected, nothing verified; retry counters stay.
    pub fn reset(&mut self) {
        self.current_app = None;
        self.current_ef = None;
        self.verified.clear();
    }

    /// Tries left on a PIN key of an application (tests).
    pub fn tries_left(&self, aid: &[u8; 10], key: u16) -> Option<u8> {
        let app = self.apps.iter().find(|a| &a.aid == aid)?;
        app.files.iter().find_map(|(id, c)| match c {
            Content::Pin { left, .. } if *id == key => Some(*left),
            _ => None,
        })
    }

    fn content(&mut self, id: u16) -> Option<&mut Content> {
        let app = self.current_app?;
        self.apps[app]
            .files
            .iter_mut()
            .find(|(f, _)| *f == id)
            .map(|(_, c)| c)
    }

    fn entry(&self, file: Option<u16>, op: Op) -> AccessEntry {
        AccessEntry {
            app: self.current_app.map(|i| hex(&self.apps[i].aid)),
            file: file.map(|f| format!("{f:04X}")),
            op,
        }
    }

    /// Answers one command APDU with data ‖ SW1 SW2.
    pub fn process(&mut self, apdu: &[u8]) -> Vec<u8> {
        let (reply, file, op) = self.dispatch(apdu);
        let entry = self.entry(file, op);
        self.log.push(entry);
        reply
    }

    fn dispatch(&mut self, apdu: &[u8]) -> (Vec<u8>, Option<u16>, Op) {
        const SW_OK: [u8; 2] = [0x90, 0x00];
        let sw = |a: u8, b: u8| vec![a, b];
        if apdu.len() < 4 {
            return (sw(0x67, 0x00), None, Op::Other);
        }
        let (cla, ins, p1, p2) = (apdu[0], apdu[1], apdu[2], apdu[3]);
        // Body: case 1 (none), 2 (Le), 3 (Lc data), 4 (Lc data Le); short APDUs only, plus a
        // 3-byte extended Le on READ BINARY.
        let (data, le): (&[u8], Option<usize>) = match apdu.len() {
            4 => (&[], None),
            5 => (&[], Some(if apdu[4] == 0 { 256 } else { apdu[4] as usize })),
            7 if apdu[4] == 0 => (
                &[],
                Some(match u16::from_be_bytes([apdu[5], apdu[6]]) {
                    0 => 65536,
                    n => n as usize,
                }),
            ),
            n => {
                let lc = apdu[4] as usize;
                if lc == 0 || n < 5 + lc || n > 6 + lc {
                    return (sw(0x67, 0x00), None, Op::Other);
                }
                let le = (n == 6 + lc).then(|| {
                    if apdu[5 + lc] == 0 {
                        256
                    } else {
                        apdu[5 + lc] as usize
                    }
                });
                (&apdu[5..5 + lc], le)
            }
        };
        if cla & 0x03 != 0 {
            return (sw(0x68, 0x81), None, Op::Other);
        }
        if cla & 0x0C != 0 {
            return (sw(0x68, 0x82), None, Op::Other);
        }
        match (cla, ins) {
            (0x00, 0xA4) => match (p1, p2) {
                (0x04, 0x0C) => match self.apps.iter().position(|a| a.aid[..] == *data) {
                    Some(i) => {
                        if self.current_app != Some(i) {
                            self.verified.clear();
                        }
                        self.current_app = Some(i);
                        self.current_ef = None;
                        (SW_OK.to_vec(), None, Op::Select)
                    }
                    None => (sw(0x6A, 0x82), None, Op::Select),
                },
                (0x02, 0x0C) if data.len() == 2 => {
                    let id = u16::from_be_bytes([data[0], data[1]]);
                    if self.current_app.is_none() {
                        return (sw(0x69, 0x86), Some(id), Op::Select);
                    }
                    if self.content(id).is_some() {
                        self.current_ef = Some(id);
                        (SW_OK.to_vec(), Some(id), Op::Select)
                    } else {
                        (sw(0x6A, 0x82), Some(id), Op::Select)
                    }
                }
                (0x00, _) if self.current_app.is_some() => (SW_OK.to_vec(), None, Op::Select),
                _ => (sw(0x6A, 0x86), None, Op::Select),
            },
            (0x00, 0xB0) => {
                let (id, offset) = if p1 & 0x80 != 0 {
                    (Some(u16::from(p1 & 0x1F)), p2 as usize)
                } else {
                    (self.current_ef, (usize::from(p1 & 0x7F) << 8) | p2 as usize)
                };
                let Some(id) = id else {
                    return (sw(0x69, 0x86), None, Op::Read);
                };
                let app = self.current_app;
                let verified = self.verified.clone();
                let Some(Content::Binary { bytes, size, needs }) = self.content(id).cloned() else {
                    return (sw(0x69, 0x81), Some(id), Op::Read);
                };
                if p1 & 0x80 != 0 {
                    self.current_ef = Some(id);
                }
                if let Some(key) = needs {
                    if !app.is_some_and(|a| verified.contains(&(a, key))) {
                        return (sw(0x69, 0x82), Some(id), Op::Read);
                    }
                }
                if offset >= size {
                    return (sw(0x6B, 0x00), Some(id), Op::Read);
                }
                let n = le.unwrap_or(256).min(size - offset);
                let mut out: Vec<u8> = (offset..offset + n)
                    .map(|i| bytes.get(i).copied().unwrap_or(0xFF))
                    .collect();
                out.extend(SW_OK);
                (out, Some(id), Op::Read)
            }
            (0x00, 0x20) => {
                let id = match p2 {
                    0x80 => self.current_ef,
                    p if p & 0x80 != 0 => Some(u16::from(p & 0x1F)),
                    _ => None,
                };
                let (Some(id), Some(app), 0x00) = (id, self.current_app, p1) else {
                    return (sw(0x6A, 0x86), id, Op::Verify);
                };
                let Some(Content::Pin { secret, max, left }) = self.content(id) else {
                    return (sw(0x69, 0x81), Some(id), Op::Verify);
                };
                if data.is_empty() {
                    return (sw(0x63, 0xC0 | *left), Some(id), Op::Verify);
                }
                if *left == 0 {
                    return (sw(0x69, 0x84), Some(id), Op::Verify);
                }
                if data == secret.as_slice() {
                    *left = *max;
                    self.verified.insert((app, id));
                    (SW_OK.to_vec(), Some(id), Op::Verify)
                } else {
                    *left -= 1;
                    let left = *left;
                    self.verified.remove(&(app, id));
                    (sw(0x63, 0xC0 | left), Some(id), Op::Verify)
                }
            }
            (0x80, 0x2A) => {
                let id = match p2 {
                    0x80 => self.current_ef,
                    p if p & 0x80 != 0 => Some(u16::from(p & 0x1F)),
                    _ => None,
                };
                let (Some(id), Some(app)) = (id, self.current_app) else {
                    return (sw(0x69, 0x86), id, Op::Sign);
                };
                let verified = self.verified.clone();
                let Some(Content::Key { key, needs }) = self.content(id).cloned() else {
                    return (sw(0x69, 0x81), Some(id), Op::Sign);
                };
                if !verified.contains(&(app, needs)) {
                    return (sw(0x69, 0x82), Some(id), Op::Sign);
                }
                let payload: Vec<u8> = match p1 {
                    0x00 if (1..=245).contains(&data.len()) => data.to_vec(),
                    0x02 if data.len() == 32 => [&SHA256_DIGEST_INFO[..], data].concat(),
                    0x03 if !data.is_empty() => {
                        [&SHA256_DIGEST_INFO[..], &Sha256::digest(data)[..]].concat()
                    }
                    0x00 | 0x02 | 0x03 => return (sw(0x67, 0x00), Some(id), Op::Sign),
                    _ => return (sw(0x6A, 0x86), Some(id), Op::Sign),
                };
                match key.sign(Pkcs1v15Sign::new_unprefixed(), &payload) {
                    Ok(mut signature) => {
                        signature.extend(SW_OK);
                        (signature, Some(id), Op::Sign)
                    }
                    Err(_) => (sw(0x6F, 0x00), Some(id), Op::Sign),
                }
            }
            (0x00, 0x2A) => (sw(0x6D, 0x00), self.current_ef, Op::Other),
            (0x00 | 0x80, _) => (sw(0x6D, 0x00), self.current_ef, Op::Other),
            _ => (sw(0x6E, 0x00), self.current_ef, Op::Other),
        }
    }
}

#[cfg(test)]
mod tests;
