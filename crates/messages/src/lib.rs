//! The message catalogues of Zairyu and their rendering: every text a library reports by code
//! (a finding of the checks or forms, an error code, a desktop notification) is a
//! Fluent message in `locales/<language>/*.ftl` at the repository root, embedded here at build
//! time. The libraries hand out a code and its [`Args`]; the edges (the CLI, the desktop
//! commands, the server's mails) render them with [`text`] in the user's [`Language`].

mod formatting;
mod language;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use formatting::{format_date, format_number, join_list};
pub use language::Language;

/// One argument of a message, as it travels with a finding (JSON: a number, a string or a list
/// of strings). Rendering formats it for the language: a number with the language's digit
/// grouping, an ISO date `YYYY-MM-DD` as the language writes dates, a string or list item that
/// names a term (`term-<value>` in the catalogue, e.g. `jpeg`) as that term, a list joined the
/// way the language joins lists; a pair `X_en` + `X_ja` (data in English and Japanese only)
/// also gives `X`, see [`pair_text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum Arg {
    Number(i64),
    Text(String),
    List(Vec<String>),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}
impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);

/// The arguments of a message by name.
pub type Args = BTreeMap<String, Arg>;

/// Builds [`Args`]: `args!["count" => 3, "max" => 20]`.
#[macro_export]
macro_rules! args {
    ($($name:expr => $value:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::Args::new();
        $(args.insert(String::from($name), $crate::Arg::from($value));)*
        args
    }};
}

/// The catalogue files the Rust side renders from (the UI's own `ui.ftl` is embedded by Vite).
pub const FILES: [&str; 4] = [
    "errors.ftl",
    "findings.ftl",
    "notifications.ftl",
    "mails.ftl",
];

macro_rules! catalogue {
    ($($tag:literal),*) => {
        [$([
            ("errors.ftl", include_str!(concat!("../../../locales/", $tag, "/errors.ftl"))),
            ("findings.ftl", include_str!(concat!("../../../locales/", $tag, "/findings.ftl"))),
            ("notifications.ftl", include_str!(concat!("../../../locales/", $tag, "/notifications.ftl"))),
            ("mails.ftl", include_str!(concat!("../../../locales/", $tag, "/mails.ftl"))),
        ]),*]
    };
}

/// Every catalogue file's text, per language in the order of [`Language::ALL`].
static SOURCES: [[(&str, &str); 4]; 7] = catalogue!("en", "ja", "zh-Hans", "vi", "ne", "ko", "id");

/// The catalogue files of `language`: (file name, Fluent text).
pub fn sources(language: Language) -> &'static [(&'static str, &'static str)] {
    &SOURCES[language.index()]
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> &'static Bundle {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|&lang| {
                let mut bundle = Bundle::new_concurrent(vec![lang.langid()]);
                bundle.set_use_isolating(false);
                bundle.set_formatter(Some(formatting::formatter_for(lang)));
                for (file, text) in sources(lang) {
                    let resource = FluentResource::try_new((*text).to_owned())
                        .unwrap_or_else(|(_, e)| panic!("locales/{}/{file}: {e:?}", lang.tag()));
                    bundle
                        .add_resource(resource)
                        .unwrap_or_else(|e| panic!("locales/{}/{file}: {e:?}", lang.tag()));
                }
                bundle
            })
            .collect()
    });
    &bundles[language.index()]
}

/// The texts that come in English and Japanese only (a field's label `label_en`/`label_ja`):
/// as `label`, the one of the language, or in another language both, the English one with
/// the official Japanese term beside it (the agency's forms are Japanese and English only).
pub fn pair_text(language: Language, english: &str, japanese: &str) -> String {
    match language {
        Language::En => english.to_owned(),
        Language::Ja => japanese.to_owned(),
        _ if english == japanese || japanese.is_empty() => english.to_owned(),
        _ => format!("{english}（{japanese}）"),
    }
}

fn fluent_args(language: Language, args: &Args) -> FluentArgs<'static> {
    let mut out = FluentArgs::new();
    for (name, value) in args {
        if let (Some(base), Arg::Text(english)) = (name.strip_suffix("_en"), value) {
            if let Some(Arg::Text(japanese)) = args.get(&format!("{base}_ja")) {
                out.set(
                    base.to_owned(),
                    FluentValue::from(pair_text(language, english, japanese)),
                );
            }
        }
    }
    for (name, value) in args {
        let value: FluentValue<'static> = match value {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(text) => FluentValue::from(render_text(language, text)),
            Arg::List(items) => {
                let items: Vec<String> = items.iter().map(|i| render_text(language, i)).collect();
                FluentValue::from(join_list(language, &items))
            }
        };
        out.set(name.clone(), value);
    }
    out
}

/// A string argument: a date in the language's format, a term by its name, else itself.
fn render_text(language: Language, text: &str) -> String {
    if let Some(date) = format_date(language, text) {
        return date;
    }
    let term = format!("term-{text}");
    render(language, &term, None, &Args::new()).unwrap_or_else(|| text.to_owned())
}

fn render(language: Language, id: &str, attribute: Option<&str>, args: &Args) -> Option<String> {
    let bundle = bundle(language);
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let fluent = fluent_args(language, args);
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
    Some(text.into_owned())
}

/// Message `id` in `language` (English when that catalogue lacks it); `None` if no catalogue has it.
pub fn text(language: Language, id: &str, args: &Args) -> Option<String> {
    render(language, id, None, args).or_else(|| render(Language::En, id, None, args))
}

/// Attribute `attribute` of message `id` (e.g. a finding's `.hint`), English as the fallback.
pub fn attribute(language: Language, id: &str, attribute: &str, args: &Args) -> Option<String> {
    render(language, id, Some(attribute), args)
        .or_else(|| render(Language::En, id, Some(attribute), args))
}

/// Whether `language`'s own catalogue has message `id` (no fallback).
pub fn has_message(language: Language, id: &str) -> bool {
    bundle(language).has_message(id)
}

/// The text for an error code: `error-<code>` of errors.ftl, else the finding `<code>`.
pub fn error_text(language: Language, code: &str, args: &Args) -> Option<String> {
    text(language, &format!("error-{code}"), args).or_else(|| text(language, code, args))
}

#[cfg(test)]
mod tests;
