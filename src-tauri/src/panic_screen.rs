//! A panic in the Rust process is not a silent exit: the hook writes it to the log (message
//! and place in the code; no backtrace, no values) and tells the window (`internal-panic`,
//! `{code: "internal_panic", message}`), which shows the error screen with "Save a support
//! report", "Restart" and "Continue". A command that panics answers `internal_panic`
//! (`commands.rs` catches the unwind), so the app lives on; the `dist` profile unwinds.
//!
//! Tests make a command panic with `ZAIRYU_TEST_PANIC_COMMAND=<command>` (debug builds only).

use std::sync::OnceLock;

use tauri::{AppHandle, Emitter};

use crate::commands::CommandError;

/// The error code of a panic, on the error screen and in the log.
pub(crate) const CODE: &str = "internal_panic";

/// The window the hook tells, once the app is set up.
static WINDOW: OnceLock<AppHandle> = OnceLock::new();

/// Installs the hook (before anything else runs); the previous hook still prints to stderr.
pub(crate) fn install() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_else(|| "an unknown place".into());
        let message = panic_message(info.payload());
        let thread = std::thread::current();
        let thread = thread.name().unwrap_or("unnamed");
        log::error!(target: "zairyu_desktop::panic", "{CODE}: thread '{thread}' panicked at {place}: {message}");
        log::logger().flush();
        if let Some(window) = WINDOW.get() {
            let _ = window.emit(
                "internal-panic",
                CommandError {
                    code: CODE.into(),
                    message: format!("panicked at {place}"),
                },
            );
        }
        previous(info);
    }));
}

/// From now on the hook tells this app's window.
pub(crate) fn attach(handle: AppHandle) {
    let _ = WINDOW.set(handle);
}

/// The panic's message (a `&str` or `String` payload), cut to 300 characters: enough to know
/// the bug, too short to carry a file.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into());
    text.chars().take(300).collect()
}

/// A debug build panics in `command` when `ZAIRYU_TEST_PANIC_COMMAND` names it (the error
/// screen's end-to-end test); a release build never does.
pub(crate) fn test_trigger(command: &str) {
    if cfg!(debug_assertions)
        && std::env::var("ZAIRYU_TEST_PANIC_COMMAND").is_ok_and(|name| name == command)
    {
        panic!("ZAIRYU_TEST_PANIC_COMMAND: the command {command} panics on purpose");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_message_is_text_and_short() {
        let long = "x".repeat(1000);
        assert_eq!(panic_message(&long.clone()).len(), 300);
        assert_eq!(panic_message(&"boom"), "boom");
        assert_eq!(panic_message(&42_u8), "(no message)");
    }
}
