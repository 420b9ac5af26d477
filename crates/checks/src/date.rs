//! Calendar dates for the photo's age: parse, print, count days (arithmetic by the `time` crate).

use std::fmt;

use time::{Duration, Month, OffsetDateTime};

/// A calendar day (proleptic Gregorian, years -9999 to 9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// 1970-01-01, day 0 of [`Date::days`].
const EPOCH: time::Date = OffsetDateTime::UNIX_EPOCH.date();

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// A date, if that day exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
        time::Date::from_calendar_date(year, month, u8::try_from(day).ok()?)
            .ok()
            .map(Date)
    }

    /// Today in UTC from the system clock.
    pub fn today_utc() -> Date {
        Date(OffsetDateTime::now_utc().date())
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        (self.0 - EPOCH).whole_days()
    }

    /// The date `days` after 1970-01-01 (held to the years -9999 to 9999).
    pub fn from_days(days: i64) -> Date {
        let clamped = if days < 0 {
            time::Date::MIN
        } else {
            time::Date::MAX
        };
        Date(EPOCH.checked_add(Duration::days(days)).unwrap_or(clamped))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.0.to_calendar_date();
        write!(f, "{year:04}-{:02}-{day:02}", u8::from(month))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_known_values() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2026-11-24").unwrap().days(), 20_781);
        for days in [-1000, 0, 59, 60, 20_781, 40_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2025-13-01").is_none());
        assert!(Date::parse("yesterday").is_none());
    }
}
