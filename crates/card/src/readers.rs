//! PC/SC readers: which are connected and hold a card, a stream of insert/remove events for
//! the app's live card panel, and connecting to a card (exclusively when a PIN is involved).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use myna_card::transport::pcsc::{connect as myna_connect, PcscTransport, Sharing};
use myna_card::Card;
use serde::Serialize;
use ts_rs::TS;

use crate::error::CardError;

/// A reader and whether a card is on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReaderInfo {
    pub name: String,
    pub card_present: bool,
}

/// What changed on the readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ReaderEvent {
    ReaderAdded {
        name: String,
    },
    ReaderRemoved {
        name: String,
    },
    CardInserted {
        name: String,
    },
    CardRemoved {
        name: String,
    },
    /// The PC/SC service went away (or was never there).
    ServiceUnavailable,
}

fn context() -> Result<pcsc::Context, CardError> {
    pcsc::Context::establish(pcsc::Scope::User).map_err(|e| myna_card::Error::Pcsc(e).into())
}

fn snapshot(ctx: &pcsc::Context) -> Result<Vec<ReaderInfo>, CardError> {
    let names = match ctx.list_readers_owned() {
        Ok(n) => n,
        Err(pcsc::Error::NoReadersAvailable) => return Ok(Vec::new()),
        Err(e) => return Err(myna_card::Error::Pcsc(e).into()),
    };
    let mut states: Vec<pcsc::ReaderState> = names
        .iter()
        .map(|n| pcsc::ReaderState::new(n.clone(), pcsc::State::UNAWARE))
        .collect();
    if !states.is_empty() {
        ctx.get_status_change(Duration::from_millis(0), &mut states)
            .map_err(|e| CardError::from(myna_card::Error::Pcsc(e)))?;
    }
    Ok(states
        .iter()
        .map(|s| ReaderInfo {
            name: s.name().to_string_lossy().into_owned(),
            card_present: s.event_state().contains(pcsc::State::PRESENT),
        })
        .collect())
}

/// The connected readers, each with whether a card is on it.
pub fn list() -> Result<Vec<ReaderInfo>, CardError> {
    snapshot(&context()?)
}

/// Watches the readers until `stop` is set, calling `on_event` for every change (polled every
/// 250 ms, which also notices a restarted PC/SC service).
pub fn watch(stop: &AtomicBool, mut on_event: impl FnMut(ReaderEvent)) {
    let mut last: Option<Vec<ReaderInfo>> = None;
    while !stop.load(Ordering::Relaxed) {
        let now = context().and_then(|ctx| snapshot(&ctx));
        match (&last, now) {
            (_, Err(_)) => {
                if last.is_some() {
                    on_event(ReaderEvent::ServiceUnavailable);
                }
                last = None;
            }
            (previous, Ok(now)) => {
                let before = previous.clone().unwrap_or_default();
                for r in &now {
                    match before.iter().find(|b| b.name == r.name) {
                        None => {
                            on_event(ReaderEvent::ReaderAdded {
                                name: r.name.clone(),
                            });
                            if r.card_present {
                                on_event(ReaderEvent::CardInserted {
                                    name: r.name.clone(),
                                });
                            }
                        }
                        Some(b) if b.card_present != r.card_present => {
                            on_event(if r.card_present {
                                ReaderEvent::CardInserted {
                                    name: r.name.clone(),
                                }
                            } else {
                                ReaderEvent::CardRemoved {
                                    name: r.name.clone(),
                                }
                            })
                        }
                        Some(_) => {}
                    }
                }
                for b in &before {
                    if !now.iter().any(|r| r.name == b.name) {
                        on_event(ReaderEvent::ReaderRemoved {
                            name: b.name.clone(),
                        });
                    }
                }
                last = Some(now);
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Connects to the card on `reader`, or on the first reader holding a card. `exclusive` for
/// anything from PIN to signature, so no other program can use what the PIN unlocked.
pub fn connect(reader: Option<&str>, exclusive: bool) -> Result<Card<PcscTransport>, CardError> {
    let readers = list()?;
    if readers.is_empty() {
        return Err(CardError::NoReader);
    }
    let name = match reader {
        Some(name) => readers
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.name.clone())
            .ok_or_else(|| CardError::ReaderNotFound {
                name: name.to_owned(),
            })?,
        None => readers
            .iter()
            .find(|r| r.card_present)
            .map(|r| r.name.clone())
            .ok_or(CardError::NoCard)?,
    };
    let sharing = if exclusive {
        Sharing::Exclusive
    } else {
        Sharing::Shared
    };
    Ok(myna_connect(&name, sharing)?)
}
