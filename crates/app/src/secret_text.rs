//! [`SecretText`]: a PIN or password on its way from the UI to one command, wiped when the
//! command is done.

use std::fmt;

use serde::{Deserialize, Deserializer};
use ts_rs::{Config, TS};
use zeroize::Zeroize;

/// A PIN or password the user typed, as it crosses a transport (Tauri's IPC, `ui-serve`'s
/// HTTP) into one command: the bytes are overwritten with zeros when the value is dropped,
/// whichever way the command ends; `Debug` prints no characters of it.
///
/// It deserialises from a JSON string and is `string` in TypeScript, so the wire format is
/// that of a plain `String`. What this type cannot wipe is the transport's own copy (the
/// request body it was decoded from).
#[derive(Clone, Default)]
pub struct SecretText(String);

impl SecretText {
    /// The text, for the one call that needs it. Do not keep or copy it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Overwrites the text with zeros now (dropping does the same).
    pub fn wipe(&mut self) {
        self.0.zeroize();
    }

    pub fn is_wiped(&self) -> bool {
        self.0.is_empty()
    }
}

impl Drop for SecretText {
    fn drop(&mut self) {
        self.wipe();
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretText(hidden)")
    }
}

impl From<&str> for SecretText {
    fn from(text: &str) -> Self {
        SecretText(text.to_owned())
    }
}

impl From<String> for SecretText {
    fn from(text: String) -> Self {
        SecretText(text)
    }
}

impl<'de> Deserialize<'de> for SecretText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SecretText)
    }
}

/// `string` in TypeScript: the UI sends what was typed.
impl TS for SecretText {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(_: &Config) -> String {
        "string".to_owned()
    }

    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_json_string_and_never_prints_it() {
        let pin: SecretText = serde_json::from_str("\"1234\"").unwrap();
        assert_eq!(pin.expose(), "1234");
        assert!(!format!("{pin:?}").contains("1234"));
        assert!(serde_json::from_str::<SecretText>("1234").is_err());
        assert_eq!(SecretText::name(&Config::new()), "string");
    }

    #[test]
    fn wiping_forgets_the_text() {
        let mut pin = SecretText::from("1234");
        pin.wipe();
        assert!(pin.is_wiped());
        assert_eq!(pin.expose(), "");
    }
}
