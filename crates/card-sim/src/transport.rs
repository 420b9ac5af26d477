//! The virtual card in-process: a `myna_card::Transmit` over a shared [`VirtualCard`], for unit
//! tests and the app's practice card. It counts APDUs and can simulate the card being pulled.

use std::sync::{Arc, Mutex};

use myna_card::Transmit;

use crate::card::VirtualCard;

/// A link to a virtual card; clones share the same card.
#[derive(Debug, Clone)]
pub struct SimTransport {
    card: Arc<Mutex<VirtualCard>>,
    present: Arc<Mutex<bool>>,
    apdus: Arc<Mutex<u64>>,
}

impl SimTransport {
    pub fn new(card: VirtualCard) -> SimTransport {
        SimTransport {
            card: Arc::new(Mutex::new(card)),
            present: Arc::new(Mutex::new(true)),
            apdus: Arc::new(Mutex::new(0)),
        }
    }

    /// The shared card (to read its access log or counters in tests).
    pub fn card(&self) -> std::sync::MutexGuard<'_, VirtualCard> {
        self.card.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes the card out of (or puts it back into) the virtual reader.
    pub fn set_present(&self, present: bool) {
        *self.present.lock().unwrap_or_else(|p| p.into_inner()) = present;
        if present {
            self.card().reset();
        }
    }

    /// APDUs transmitted so far.
    pub fn apdu_count(&self) -> u64 {
        *self.apdus.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Transmit for SimTransport {
    fn transmit(&mut self, command: &[u8]) -> myna_card::Result<Vec<u8>> {
        if !*self.present.lock().unwrap_or_else(|p| p.into_inner()) {
            return Err(myna_card::Error::Pcsc(pcsc::Error::RemovedCard));
        }
        *self.apdus.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        Ok(self.card().process(command))
    }
}
