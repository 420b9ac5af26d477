//! The procedure catalog (manual 4.1, 6.1): the procedures with their reception windows,
//! explanations and terms, from `catalog.toml`, and keyword search with the synonyms option.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::to_half_width;

/// One procedure that can be applied for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Procedure {
    pub id: String,
    pub name_en: String,
    pub name_ja: String,
    /// Japan time, `YYYY-MM-DDTHH:MM`.
    pub reception_start: String,
    /// Japan time; none means "at any time".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reception_end: Option<String>,
    pub explanation_en: String,
    pub explanation_ja: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Whether Zairyu has a form for it (`zairyu draft new` works).
    #[serde(default)]
    pub has_form: bool,
    /// Which screen choosing it opens: a draft, or the usage application (manual 3.2 step 3),
    /// which is signed with the card at once and never kept as a draft.
    #[serde(default)]
    pub screen: ProcedureScreen,
}

/// The screen a procedure of the list leads to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureScreen {
    #[default]
    Draft,
    UsageApplication,
}

/// Where `now` (Japan time, `YYYY-MM-DDTHH:MM`) stands against a procedure's reception window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReceptionWindow {
    NotYet,
    Open,
    Closed,
}

impl Procedure {
    pub fn reception_at(&self, now: &str) -> ReceptionWindow {
        if now < self.reception_start.as_str() {
            ReceptionWindow::NotYet
        } else if self.reception_end.as_deref().is_some_and(|end| now >= end) {
            ReceptionWindow::Closed
        } else {
            ReceptionWindow::Open
        }
    }

    fn haystack(&self) -> String {
        let mut text = format!(
            "{} {} {}",
            self.name_en,
            self.name_ja,
            self.keywords.join(" ")
        );
        text.push(' ');
        text.push_str(&self.explanation_en);
        text.push(' ');
        text.push_str(&self.explanation_ja);
        fold(&text)
    }
}

#[derive(Debug, Deserialize)]
struct Catalog {
    terms_ja: String,
    terms_en: String,
    procedures: Vec<Procedure>,
    synonyms: Vec<SynonymGroup>,
}

#[derive(Debug, Deserialize)]
struct SynonymGroup {
    words: Vec<String>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut catalog: Catalog =
            toml::from_str(include_str!("../catalog.toml")).expect("catalog.toml is valid");
        let with_form: Vec<String> = crate::schema::schemas()
            .iter()
            .map(|s| s.procedure.clone())
            .collect();
        for p in &mut catalog.procedures {
            p.has_form = with_form.contains(&p.id);
        }
        catalog
    })
}

/// Every procedure, in the manual's order.
pub fn procedures() -> &'static [Procedure] {
    &catalog().procedures
}

pub fn procedure(id: &str) -> Option<&'static Procedure> {
    procedures().iter().find(|p| p.id == id)
}

/// The terms of use: the Japanese original and the English summary.
pub fn terms() -> (&'static str, &'static str) {
    (catalog().terms_ja.trim(), catalog().terms_en.trim())
}

/// Keywords separated by spaces (half- or full-width), all of which must match (AND). With
/// `synonyms`, each keyword also matches the other words of its synonym groups. Case and
/// character width do not matter. No keyword lists every procedure.
pub fn search(words: &str, synonyms: bool) -> Vec<&'static Procedure> {
    let keywords: Vec<String> = fold(words).split_whitespace().map(str::to_owned).collect();
    let alternatives: Vec<Vec<String>> = keywords
        .iter()
        .map(|k| {
            let mut alts = vec![k.clone()];
            if synonyms {
                for group in &catalog().synonyms {
                    let folded: Vec<String> = group.words.iter().map(|w| fold(w)).collect();
                    if folded.iter().any(|w| w == k) {
                        alts.extend(folded.into_iter().filter(|w| w != k));
                    }
                }
            }
            alts
        })
        .collect();
    procedures()
        .iter()
        .filter(|p| {
            let hay = p.haystack();
            alternatives
                .iter()
                .all(|alts| alts.iter().any(|a| hay.contains(a.as_str())))
        })
        .collect()
}

/// Lower case, half-width letters and digits, one kind of hyphen.
fn fold(text: &str) -> String {
    to_half_width(text).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(found: Vec<&Procedure>) -> Vec<&str> {
        found.into_iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn six_procedures_in_the_manuals_order_with_forms_marked() {
        let all = ids(procedures().iter().collect());
        assert_eq!(all.len(), 6);
        assert_eq!(all[0], "usage-application");
        assert!(procedure("extension-of-stay").unwrap().has_form);
        assert!(procedure("institution-notification").unwrap().has_form);
    }

    #[test]
    fn keywords_are_anded_and_case_and_width_do_not_matter() {
        assert_eq!(ids(search("Receipt", false)), ["change-of-receipt-method"]);
        assert_eq!(
            ids(search("ＲＥＣＥＩＰＴ", false)),
            ["change-of-receipt-method"]
        );
        assert_eq!(
            ids(search("extension student", false)),
            ["extension-of-stay"]
        );
        assert!(search("extension receipt", false).is_empty());
        assert_eq!(search("", false).len(), 6);
        assert_eq!(ids(search("留学　更新", false)), ["extension-of-stay"]);
    }

    #[test]
    fn synonyms_widen_each_keyword_in_english_and_japanese() {
        assert!(search("renewal", false).is_empty());
        assert_eq!(ids(search("renewal", true)), ["extension-of-stay"]);
        assert_eq!(ids(search("extend", true)), ["extension-of-stay"]);
        assert!(search("arbeit", false).is_empty());
        assert_eq!(
            ids(search("arbeit", true)),
            ["change-of-status", "extension-of-stay"]
        );
        assert_eq!(
            ids(search("part-time renewal", true)),
            ["extension-of-stay"]
        );
        assert!(search("受取", false).is_empty());
        assert_eq!(ids(search("受取", true)), ["change-of-receipt-method"]);
        assert_eq!(ids(search("receipt", true)), ["change-of-receipt-method"]);
    }

    #[test]
    fn reception_starts_are_the_manuals_list_of_5_3() {
        let starts: Vec<(&str, &str)> = procedures()
            .iter()
            .map(|p| (p.id.as_str(), p.reception_start.as_str()))
            .collect();
        assert_eq!(
            starts,
            [
                ("usage-application", "2025-12-15T00:00"),
                ("change-of-status", "2025-12-10T00:00"),
                ("extension-of-stay", "2025-12-10T00:00"),
                ("authorized-employment-certificate", "2025-11-07T00:00"),
                ("change-of-receipt-method", "2025-11-05T00:00"),
                ("institution-notification", "2025-11-05T00:00"),
            ]
        );
        assert!(procedures().iter().all(|p| p.reception_end.is_none()));
    }

    #[test]
    fn reception_windows() {
        let p = procedure("usage-application").unwrap();
        assert_eq!(p.reception_at("2025-12-14T23:59"), ReceptionWindow::NotYet);
        assert_eq!(p.reception_at("2025-12-15T00:00"), ReceptionWindow::Open);
        let mut closed = p.clone();
        closed.reception_end = Some("2026-01-01T00:00".into());
        assert_eq!(
            closed.reception_at("2026-01-01T00:00"),
            ReceptionWindow::Closed
        );
        assert!(terms().0.contains("日本語版が優先"));
    }
}
