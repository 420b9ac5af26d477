//! The background watch of application statuses: shortly after start-up and then every few
//! minutes it asks the app layer what changed since the last look, shows one desktop
//! notification per change, and tells the window (event `status-changed`) so the status page
//! and the home screen refresh. Offline or signed out, it simply tries again next time. On the
//! same turn it asks whether the card read last ends too early for a draft's period of stay or
//! decision (`App::card_expiry_notifications`, local files only) and shows each such warning
//! once.

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_notification::NotificationExt;
use zairyu_app::{App, StatusChange};

/// The event the window receives with the changes (`StatusChange[]`).
pub(crate) const EVENT: &str = "status-changed";

/// Seconds between two looks: `ZAIRYU_STATUS_POLL_SECS` (tests), else five minutes.
fn interval() -> Duration {
    let seconds = std::env::var("ZAIRYU_STATUS_POLL_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(300);
    Duration::from_secs(seconds)
}

/// Starts the watch on its own thread for the life of the app.
pub(crate) fn start(handle: AppHandle) {
    let every = interval();
    let spawned = std::thread::Builder::new()
        .name("status-watch".into())
        .spawn(move || {
            // The first look comes soon after start-up, once the window has had its turn.
            let mut wait = every.min(Duration::from_secs(5));
            loop {
                std::thread::sleep(wait);
                wait = every;
                let app = handle.state::<App>();
                notify_card_expiry(&handle, &app);
                if let Ok(changes) = app.status_changes() {
                    if !changes.is_empty() {
                        notify(&handle, &app, &changes);
                    }
                }
            }
        });
    if let Err(e) = spawned {
        log::warn!("status changes will not be announced: {e}");
    }
}

/// One desktop notification.
fn show(handle: &AppHandle, title: &str, body: &str) {
    let shown = handle
        .notification()
        .builder()
        .title(title)
        .body(body)
        .show();
    if let Err(e) = shown {
        // No notification service (e.g. a desktop without one): the in-app warning remains.
        log::warn!("desktop notification not shown: {e}");
    }
}

/// The card-expiry warnings not told before (Home shows them too).
fn notify_card_expiry(handle: &AppHandle, app: &App) {
    let language = app.settings().map(|s| s.language).unwrap_or_default();
    if let Ok(warnings) = app.card_expiry_notifications(language) {
        for (title, body) in warnings {
            show(handle, &title, &body);
        }
    }
}

fn notify(handle: &AppHandle, app: &App, changes: &[StatusChange]) {
    let language = app.settings().map(|s| s.language).unwrap_or_default();
    for change in changes {
        let (title, body) = change.notification(language);
        show(handle, &title, &body);
    }
    if let Err(e) = handle.emit(EVENT, changes) {
        log::warn!("the window was not told of status changes: {e}");
    }
}
