//! The past application list (manual 6.3) and the application list's search (5.1 step 4):
//! the user's applications filtered by related information (any of the numbers or the
//! applicant's name), procedure name (space-separated keywords, all must match) and
//! application date (`YYYYMMDD` or `YYYY-MM-DD`, Japan time), newest first.

use super::{ReceptionOffice, DAY};
use crate::answers::temporary_application_number;
use crate::clock::japan_minute;
use crate::error::ApiError;
use crate::store::{ApplicationRow, UserRow};

/// What the past application list is searched by; an empty field matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PastSearch {
    pub related: String,
    pub procedure: String,
    pub date: String,
}

/// Lower case with ASCII and full-width letters and digits folded, for matching.
fn folded(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '　' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

impl PastSearch {
    /// The date as `YYYY-MM-DD`, or `bad_date`.
    fn day(&self) -> Result<Option<String>, ApiError> {
        let digits: String = self.date.chars().filter(char::is_ascii_digit).collect();
        match digits.len() {
            0 => Ok(None),
            8 => Ok(Some(format!(
                "{}-{}-{}",
                &digits[..4],
                &digits[4..6],
                &digits[6..]
            ))),
            _ => Err(ApiError::bad(
                "bad_date",
                "Enter the application date as 8 digits, like 20000123 for January 23, 2000.",
            )),
        }
    }
}

impl ReceptionOffice {
    /// The user's applications matching `search` (all of them, or those of the last two
    /// years when `reusable`: manual 6.3 reuses information for two years).
    pub fn search_applications(
        &self,
        user: &UserRow,
        search: &PastSearch,
        reusable: bool,
    ) -> Result<Vec<ApplicationRow>, ApiError> {
        let day = search.day()?;
        let since = self.now() - 2 * 365 * DAY - DAY / 2;
        let related = folded(search.related.trim());
        let keywords: Vec<String> = folded(&search.procedure)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let mut names = std::collections::HashMap::new();
        let mut found = Vec::new();
        for app in self.list_for(user, None)? {
            if reusable && app.created_at < since {
                continue;
            }
            if day
                .as_deref()
                .is_some_and(|d| !japan_minute(app.created_at).starts_with(d))
            {
                continue;
            }
            if !keywords.is_empty() {
                let name = zairyu_forms::procedure(&app.procedure_id)
                    .map(|p| folded(&format!("{} {}", p.name_en, p.name_ja)))
                    .unwrap_or_default();
                if !keywords.iter().all(|k| name.contains(k.as_str())) {
                    continue;
                }
            }
            if !related.is_empty() {
                let name = match names.get(&app.user_id) {
                    Some(name) => String::clone(name),
                    None => {
                        let name = self
                            .store
                            .user(&app.user_id)?
                            .map(|u| u.name_en)
                            .unwrap_or_default();
                        names.insert(app.user_id.clone(), name.clone());
                        name
                    }
                };
                let info = folded(&format!(
                    "{} {} {} {name}",
                    app.reference_number,
                    app.temporary_reception_number,
                    temporary_application_number(&app.reference_number)
                ));
                if !info.contains(&related) {
                    continue;
                }
            }
            found.push(app);
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::{folded, PastSearch};

    #[test]
    fn full_width_is_folded_and_dates_take_eight_digits() {
        assert_eq!(folded("ＺＲ－２０２６ Ａ"), "zr-2026 a");
        let day = |d: &str| {
            PastSearch {
                date: d.into(),
                ..Default::default()
            }
            .day()
        };
        assert_eq!(day("20261124").unwrap().as_deref(), Some("2026-11-24"));
        assert_eq!(day("2026-11-24").unwrap().as_deref(), Some("2026-11-24"));
        assert_eq!(day("").unwrap(), None);
        assert_eq!(day("2026").unwrap_err().code, "bad_date");
    }
}
