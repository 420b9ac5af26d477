//! The support trail's log records: what the app layer writes through the `log` facade (the
//! desktop shell sends the records to rotated files in the OS log folder) and the one line
//! format of a record.
//!
//! What is logged: start-up (version, profile), server address changes, submissions started
//! and finished (the submission ID and the application's reference number — not the reference
//! on a counter PC, where nothing of a visit may outlive it), card operations by
//! name with the reader, and every error by its code. Never logged: PINs, passwords, one-time
//! codes, names, addresses, dates of birth, user IDs, e-mail addresses or file contents — the
//! records carry codes, identifiers the system made (submission IDs, reference numbers) and
//! counts only. [`SecretText`](crate::SecretText) and the card's `Secret` print no character
//! of their text (`Debug`), and neither has `Display`.

use crate::AppError;

/// The target of the app layer's records (`zairyu_app` is the module path's default too).
pub const TARGET: &str = "zairyu_app";

/// The time a record is written with: UTC, RFC 3339, whole seconds.
pub fn timestamp() -> String {
    zairyu_drafts::now()
}

/// One record as a line of the log file: `TIMESTAMP LEVEL target: message`. Line breaks in the
/// message are written as `\n`, so one record is one line (a panic message may span lines).
pub fn log_line(timestamp: &str, record: &log::Record<'_>) -> String {
    let message = record
        .args()
        .to_string()
        .replace('\r', "")
        .replace('\n', "\\n");
    format!(
        "{timestamp} {:<5} {}: {message}",
        record.level(),
        record.target()
    )
}

/// Logs how an operation ended: its name at `info` when it succeeded, its error code at
/// `warn` when it failed (the code only: an error's message may quote what was typed).
pub(crate) fn outcome<T>(operation: &str, result: &Result<T, AppError>) {
    match result {
        Ok(_) => log::info!(target: TARGET, "{operation}: done"),
        Err(e) => log::warn!(target: TARGET, "{operation}: failed with {}", e.code()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SecretText;

    fn line_of(args: std::fmt::Arguments<'_>) -> String {
        let record = log::Record::builder()
            .args(args)
            .level(log::Level::Info)
            .target(TARGET)
            .build();
        log_line("2026-12-01T17:00:00Z", &record)
    }

    #[test]
    fn a_secret_in_a_record_leaves_no_trace_in_the_line() {
        let pin = SecretText::from("4821");
        let password = SecretText::from("correct horse battery");
        let line = line_of(format_args!("sign in with {password:?}, PIN {pin:?}"));
        assert!(line.contains("SecretText(hidden)"), "{line}");
        assert!(!line.contains("4821") && !line.contains("horse"), "{line}");

        let card_pin =
            zairyu_card::pin::Secret::new(zairyu_card::pin::PinKind::Auth, "7391").unwrap();
        let line = line_of(format_args!("card PIN {card_pin:?}"));
        assert!(line.contains("hidden") && !line.contains("7391"), "{line}");
    }

    #[test]
    fn a_record_is_one_line_with_time_level_and_target() {
        let line = line_of(format_args!("panicked at x.rs:1:2\nsecond line"));
        assert_eq!(
            line,
            "2026-12-01T17:00:00Z INFO  zairyu_app: panicked at x.rs:1:2\\nsecond line"
        );
    }

    /// Collects the records logged on the test's own thread (tests run in parallel).
    struct Captured;

    thread_local! {
        static LINES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    impl log::Log for Captured {
        fn enabled(&self, _: &log::Metadata<'_>) -> bool {
            true
        }
        fn log(&self, record: &log::Record<'_>) {
            LINES.with(|l| l.borrow_mut().push(log_line("T", record)));
        }
        fn flush(&self) {}
    }

    #[cfg(feature = "demo")] // the practice card
    #[test]
    fn card_operations_are_logged_by_name_without_the_pin_or_what_was_read() {
        static LOGGER: Captured = Captured;
        let _ = log::set_logger(&LOGGER);
        log::set_max_level(log::LevelFilter::Trace);
        let dir = tempfile::tempdir().unwrap();
        let app = crate::App::open(dir.path(), crate::Profile::Demo)
            .unwrap()
            .with_vault(Box::new(crate::MemoryVault::default()));
        app.insert_practice_card().unwrap();
        let reader = Some(crate::PRACTICE_READER);
        assert!(app.read_basic_four(reader, "9876", false).is_err());
        let four = app.read_basic_four(reader, "1234", false).unwrap();
        app.set_server(Some("https://reception.example.org"))
            .unwrap();
        let lines = LINES.with(|l| l.borrow().join("\n"));
        assert!(lines.contains("app opened: version"), "{lines}");
        assert!(lines.contains("card: read the basic four"), "{lines}");
        assert!(lines.contains("failed with pin_wrong"), "{lines}");
        assert!(lines.contains("server address set to https://reception.example.org"));
        for secret in ["9876", "1234", &four.name, &four.address, &four.birth_date] {
            assert!(!lines.contains(secret), "{secret:?} is in the log: {lines}");
        }
    }
}
