//! A submission's upload as the user sees it: the byte progress the shell passes on to the
//! window ("12.3 of 24.9 MB"), the Cancel button's flag, and how long no byte may move before
//! the upload fails (a slow upload that keeps moving never fails).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::reception_client::{UploadControl, STALL_LIMIT};
use crate::App;

/// Bytes of one submission sent so far out of all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UploadProgress {
    pub submission_id: String,
    #[ts(type = "number")]
    pub sent: u64,
    #[ts(type = "number")]
    pub total: u64,
}

type Listener = Arc<dyn Fn(UploadProgress) + Send + Sync>;

/// The listener (set once by the shell), the cancel flag and the stall limit.
pub(crate) struct UploadWatch {
    listener: Mutex<Option<Listener>>,
    cancel: Arc<AtomicBool>,
    stall_limit: Mutex<Duration>,
}

impl Default for UploadWatch {
    fn default() -> Self {
        UploadWatch {
            listener: Mutex::new(None),
            cancel: Arc::new(AtomicBool::new(false)),
            stall_limit: Mutex::new(STALL_LIMIT),
        }
    }
}

impl std::fmt::Debug for UploadWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadWatch")
            .field("cancel", &self.cancel)
            .finish()
    }
}

impl UploadWatch {
    /// The control of one upload: the cancel flag lowered, progress tagged with its id.
    pub(crate) fn control(&self, submission_id: &str) -> UploadControl {
        self.cancel.store(false, Ordering::SeqCst);
        let listener = self.listener.lock().ok().and_then(|l| l.clone());
        let id = submission_id.to_owned();
        UploadControl {
            progress: Arc::new(move |sent, total| {
                if let Some(listener) = &listener {
                    listener(UploadProgress {
                        submission_id: id.clone(),
                        sent,
                        total,
                    });
                }
            }),
            cancel: Arc::clone(&self.cancel),
            stall_limit: self.stall_limit.lock().map(|d| *d).unwrap_or(STALL_LIMIT),
        }
    }
}

impl App {
    /// Who hears of every upload's progress (the desktop shell sends it to the window).
    pub fn on_upload_progress(&self, listener: impl Fn(UploadProgress) + Send + Sync + 'static) {
        if let Ok(mut slot) = self.upload.listener.lock() {
            *slot = Some(Arc::new(listener));
        }
    }

    /// Cancels the upload under way (the submission stays in the outbox: `upload_cancelled`).
    pub fn cancel_upload(&self) {
        self.upload.cancel.store(true, Ordering::SeqCst);
    }

    /// How long no byte may move before an upload fails (tests shorten it).
    pub fn set_upload_stall_limit(&self, limit: Duration) {
        if let Ok(mut slot) = self.upload.stall_limit.lock() {
            *slot = limit;
        }
    }
}
