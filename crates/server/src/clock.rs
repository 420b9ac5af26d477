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

/// The Unix time of an RFC 3339 date-time (`2026-11-24T10:00:00Z`, `…T19:00:00+09:00`,
/// fractions of a second ignored); `None` for anything else.
pub fn parse_utc(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if bytes.len() < 20
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't')
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let month = time::Month::try_from(u8::try_from(digits(5..7)?).ok()?).ok()?;
    let date = time::Date::from_calendar_date(
        i32::try_from(digits(0..4)?).ok()?,
        month,
        u8::try_from(digits(8..10)?).ok()?,
    )
    .ok()?;
    let clock = time::Time::from_hms(
        u8::try_from(digits(11..13)?).ok()?,
        u8::try_from(digits(14..16)?).ok()?,
        u8::try_from(digits(17..19)?).ok()?,
    )
    .ok()?;
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let end = fraction
            .find(|c: char| !c.is_ascii_digit())
            .filter(|&n| n > 0)?;
        rest = &fraction[end..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                return None;
            }
            let hours = i64::from(rest[1..3].parse::<u8>().ok()?);
            let minutes = i64::from(rest[4..6].parse::<u8>().ok()?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            sign * (hours * 3600 + minutes * 60)
        }
    };
    Some(
        PrimitiveDateTime::new(date, clock)
            .assume_utc()
            .unix_timestamp()
            - offset,
    )
}

/// The calendar day in Japan (UTC+9) of a Unix time.
pub fn japan_date(unix: i64) -> time::Date {
    let utc = moment(unix);
    utc.checked_to_offset(JAPAN).unwrap_or(utc).date()
}

/// A `YYYY-MM-DD` day; `None` for anything else.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let text = text.trim();
    let part = |range: std::ops::Range<usize>| -> Option<u32> {
        let p = text.get(range)?;
        p.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| p.parse().ok())?
    };
    if text.len() != 10 || &text[4..5] != "-" || &text[7..8] != "-" {
        return None;
    }
    let month = time::Month::try_from(u8::try_from(part(5..7)?).ok()?).ok()?;
    time::Date::from_calendar_date(
        i32::try_from(part(0..4)?).ok()?,
        month,
        u8::try_from(part(8..10)?).ok()?,
    )
    .ok()
}

/// `YYYY-MM-DD` of a day.
pub fn date_text(day: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// The same day `years` later (29 February becomes 28 February in a common year).
pub fn years_later(day: time::Date, years: i32) -> time::Date {
    let year = day.year() + years;
    day.replace_year(year)
        .or_else(|_| time::Date::from_calendar_date(year, day.month(), 28))
        .unwrap_or(day)
}

/// The same day `months` later, or the month's last day when it is shorter.
pub fn months_later(day: time::Date, months: i32) -> time::Date {
    let index = day.year() * 12 + i32::from(u8::from(day.month())) - 1 + months;
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
    let month = time::Month::try_from(month).unwrap_or(time::Month::January);
    let last = time::util::days_in_month(month, year);
    time::Date::from_calendar_date(year, month, day.day().min(last)).unwrap_or(day)
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

    #[test]
    fn days_and_months_add_like_a_calendar() {
        let day = parse_date("2024-02-29").unwrap();
        assert_eq!(date_text(years_later(day, 3)), "2027-02-28");
        assert_eq!(
            date_text(months_later(parse_date("2026-11-30").unwrap(), 3)),
            "2027-02-28"
        );
        assert_eq!(
            date_text(months_later(parse_date("2026-01-15").unwrap(), -3)),
            "2025-10-15"
        );
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(
            date_text(japan_date(1_795_478_400 - 3600 * 9)),
            "2026-11-24"
        );
    }

    #[test]
    fn rfc3339_times_parse_to_the_second() {
        assert_eq!(parse_utc("2026-11-24T00:00:00Z"), Some(1_795_478_400));
        assert_eq!(parse_utc("2026-11-24T09:00:01+09:00"), Some(1_795_478_401));
        assert_eq!(
            parse_utc("2026-11-23T23:00:00.25-01:00"),
            Some(1_795_478_400)
        );
        for bad in [
            "",
            "2026-11-24",
            "2026-11-24T00:00:00",
            "2026-13-24T00:00:00Z",
            "2026-11-24T00:00:00+9",
            "2026-11-24T24:00:00Z",
            "2026-11-24T00:00:00.Z",
        ] {
            assert_eq!(parse_utc(bad), None, "{bad}");
        }
    }
}
