//! The languages Zairyu speaks, their tags, and which one the operating system prefers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unic_langid::LanguageIdentifier;

/// An interface language. The JSON form is the BCP 47 tag (`"zh-Hans"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ja")]
    Ja,
    /// Simplified Chinese.
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "vi")]
    Vi,
    #[serde(rename = "ne")]
    Ne,
    #[serde(rename = "ko")]
    Ko,
    #[serde(rename = "id")]
    Id,
}

impl Language {
    /// Every language, in the order the interface offers them.
    pub const ALL: [Language; 7] = [
        Language::En,
        Language::Ja,
        Language::ZhHans,
        Language::Vi,
        Language::Ne,
        Language::Ko,
        Language::Id,
    ];

    /// The BCP 47 tag, also the folder of its catalogues (`locales/<tag>/`).
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
            Language::ZhHans => "zh-Hans",
            Language::Vi => "vi",
            Language::Ne => "ne",
            Language::Ko => "ko",
            Language::Id => "id",
        }
    }

    pub(crate) fn index(self) -> usize {
        Language::ALL.iter().position(|&l| l == self).unwrap_or(0)
    }

    pub(crate) fn langid(self) -> LanguageIdentifier {
        self.tag().parse().unwrap_or_default()
    }

    /// The language of a tag as `--lang` takes it (`ja`, `zh-Hans`, `zh`, `ko-KR`, …), or of a
    /// POSIX locale (`ja_JP.UTF-8`); `None` when it is not one of ours.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let locale = locale
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .replace('_', "-");
        let mut parts = locale.split('-').map(str::to_ascii_lowercase);
        let language = parts.next()?;
        let rest: Vec<String> = parts.collect();
        match language.as_str() {
            "en" => Some(Language::En),
            "ja" => Some(Language::Ja),
            "vi" => Some(Language::Vi),
            "ne" => Some(Language::Ne),
            "ko" => Some(Language::Ko),
            // `in` is the old code of Indonesian, still used by Java and some Android systems.
            "id" | "in" => Some(Language::Id),
            "zh" => {
                let traditional = rest
                    .iter()
                    .any(|p| matches!(p.as_str(), "hant" | "tw" | "hk" | "mo"));
                (!traditional).then_some(Language::ZhHans)
            }
            _ => None,
        }
    }

    /// The first of the operating system's preferred languages that is one of ours (on Unix the
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` variables, on Windows and macOS the user's settings).
    pub fn from_os() -> Option<Language> {
        sys_locale::get_locales().find_map(|locale| Language::from_locale(&locale))
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Language {
    type Err = String;

    fn from_str(tag: &str) -> Result<Language, String> {
        Language::from_locale(tag).ok_or_else(|| {
            let known: Vec<&str> = Language::ALL.iter().map(|l| l.tag()).collect();
            format!("unknown language {tag:?}: one of {}", known.join(", "))
        })
    }
}
