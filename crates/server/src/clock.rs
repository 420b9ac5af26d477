//! Time as the server sees it, injectable so tests can move 24 hours in an instant; the civil
//! dates it needs come from the `time` crate.

use std::sync::atomic::{AtomicI64, Ordering};

use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Seconds since the Unix epoch.
    fn now(&self) -> i64;
}

#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default()
    }
}

/// A clock tests set and advance.
#[derive(Debug)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn new(at: i64) -> ManualClock {
        ManualClock(AtomicI64::new(at))
    }
    pub fn advance(&self, seconds: i64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Japan Standard Time (UTC+9, no daylight saving).
const JAPAN: UtcOffset = match UtcOffset::from_hms(9, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// The moment of a Unix time (outside the calendar's range, the nearest end of it).
fn moment(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(if unix < 0 {
        PrimitiveDateTime::MIN.assume_utc()
    } else {
        PrimitiveDateTime::MAX.assume_utc()
    })
}

/// `YYYY-MM-DDTHH:MM` in Japan time (UTC+9), for reception windows.
pub fn japan_minute(unix: i64) -> String {
    let utc = moment(unix);
    let t = utc.checked_to_offset(JAPAN).unwrap_or(utc);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// `YYYY-MM-DD` (UTC) of a Unix time.
pub fn utc_date(unix: i64) -> String {
    let t = moment(unix);
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japan_time_is_utc_plus_nine() {
        assert_eq!(japan_minute(0), "1970-01-01T09:00");
        assert_eq!(japan_minute(1_795_478_400), "2026-11-24T09:00");
        assert_eq!(utc_date(1_795_478_400 + 86_399), "2026-11-24");
    }
}
