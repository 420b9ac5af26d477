//! Calendar dates as forms write them (`YYYY-MM-DD`), validated without a time-zone library.

use std::fmt;

/// A valid Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FormDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

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
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1900..=2200).contains(&year).then_some(())?;
        (1..=days)
            .contains(&day)
            .then_some(FormDate { year, month, day })
    }

    /// The same day `years` years later (29 February becomes 28 February).
    pub fn plus_years(self, years: i32) -> FormDate {
        FormDate::new(self.year + years, self.month, self.day)
            .or_else(|| FormDate::new(self.year + years, self.month, self.day - 1))
            .unwrap_or(self)
    }
}

impl fmt::Display for FormDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
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
