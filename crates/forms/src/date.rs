//! Calendar dates as forms write them (`YYYY-MM-DD`), validated by the `time` crate.

use std::fmt;

use time::Month;

/// A valid Gregorian date between the years 1900 and 2200.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FormDate(time::Date);

impl FormDate {
    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`, as the agency's screens show dates).
    pub fn parse(text: &str) -> Option<FormDate> {
        let text = text.trim();
        let sep = if text.contains('/') { '/' } else { '-' };
        let mut parts = text.split(sep);
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        FormDate::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn new(year: i32, month: u32, day: u32) -> Option<FormDate> {
        (1900..=2200).contains(&year).then_some(())?;
        let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
        time::Date::from_calendar_date(year, month, u8::try_from(day).ok()?)
            .ok()
            .map(FormDate)
    }

    /// The same day `years` years later (29 February becomes 28 February).
    pub fn plus_years(self, years: i32) -> FormDate {
        let (year, month, day) = self.0.to_calendar_date();
        let (month, day) = (u32::from(u8::from(month)), u32::from(day));
        FormDate::new(year + years, month, day)
            .or_else(|| FormDate::new(year + years, month, day - 1))
            .unwrap_or(self)
    }
}

impl fmt::Display for FormDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.0.to_calendar_date();
        write!(f, "{year:04}-{:02}-{day:02}", u8::from(month))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_separators_and_refuses_impossible_days() {
        assert_eq!(FormDate::parse("2026-02-28"), FormDate::new(2026, 2, 28));
        assert_eq!(FormDate::parse("2024/02/29"), FormDate::new(2024, 2, 29));
        assert_eq!(FormDate::parse("2026-02-29"), None);
        assert_eq!(FormDate::parse("2026-13-01"), None);
        assert_eq!(FormDate::parse("2026-1-01"), None);
        assert_eq!(FormDate::parse("２０２６-01-01"), None);
        assert_eq!(
            FormDate::new(2024, 2, 29)
                .unwrap()
                .plus_years(2)
                .to_string(),
            "2026-02-28"
        );
    }
}
