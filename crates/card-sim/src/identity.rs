//! The virtual card's holder and secrets, from a TOML file with the keys `name`, `address`,
//! `birth_date` (YYYY-MM-DD), `sex` (`male`, `female`, `other`), `auth_pin`, `text_pin` and
//! `sign_password`, and optionally `auth_expires` (YYYY-MM-DD: the last day, in Japan time, of
//! the user-authentication certificate; absent: five years from now, like a new card). Missing
//! keys take the defaults: a fictional student living in Beppu.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
    Other,
}

impl Sex {
    /// The ISO 5218 digit the card stores: 1, 2, or 9 (not applicable).
    pub fn code(self) -> u8 {
        match self {
            Sex::Male => b'1',
            Sex::Female => b'2',
            Sex::Other => b'9',
        }
    }
}

/// The holder of the virtual card.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Identity {
    pub name: String,
    pub address: String,
    /// YYYY-MM-DD.
    pub birth_date: String,
    pub sex: Sex,
    /// The 4-digit user-authentication PIN.
    pub auth_pin: String,
    /// The 4-digit card-info-input PIN.
    pub text_pin: String,
    /// The 6–16 character signing password (upper-case letters and digits).
    pub sign_password: String,
    /// The user-authentication certificate's last valid day (YYYY-MM-DD, Japan time: its
    /// notAfter is 14:59:59 UTC that day, as on real cards); `None`: five years from now.
    pub auth_expires: Option<String>,
}

impl Default for Identity {
    fn default() -> Self {
        Identity {
            name: "NGUYEN THI LAN".into(),
            address: "大分県別府市大字内竈１３９８番地の２　別府国際寮Ａ－２０５".into(),
            birth_date: "2003-04-15".into(),
            sex: Sex::Female,
            auth_pin: "1234".into(),
            text_pin: "1234".into(),
            sign_password: "ZAIRYU26".into(),
            auth_expires: None,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IdentityError {
    #[error("the identity file is not valid TOML or has an unknown key: {0}")]
    Toml(String),
    #[error("{field} {problem}")]
    Invalid {
        field: &'static str,
        problem: &'static str,
    },
}

impl Identity {
    /// Parses an identity file; absent keys keep their defaults.
    pub fn from_toml(text: &str) -> Result<Identity, IdentityError> {
        let identity: Identity =
            toml::from_str(text).map_err(|e| IdentityError::Toml(e.to_string()))?;
        identity.validate()?;
        Ok(identity)
    }

    pub fn validate(&self) -> Result<(), IdentityError> {
        let invalid = |field, problem| Err(IdentityError::Invalid { field, problem });
        let digits4 = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits4(&self.auth_pin) {
            return invalid("auth_pin", "must be 4 digits");
        }
        if !digits4(&self.text_pin) {
            return invalid("text_pin", "must be 4 digits");
        }
        let p = &self.sign_password;
        if !(6..=16).contains(&p.len())
            || !p
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return invalid(
                "sign_password",
                "must be 6 to 16 upper-case letters and digits",
            );
        }
        if self.birth_digits().is_none() {
            return invalid("birth_date", "must be YYYY-MM-DD");
        }
        if self.auth_expires.is_some() && self.auth_expires_ymd().is_none() {
            return invalid("auth_expires", "must be YYYY-MM-DD");
        }
        if self.name.is_empty() || self.address.is_empty() {
            return invalid("name/address", "must not be empty");
        }
        Ok(())
    }

    /// `auth_expires` as year, month and day, when it is a date.
    pub fn auth_expires_ymd(&self) -> Option<(u16, u8, u8)> {
        let text = self.auth_expires.as_deref()?;
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        // A calendar date (month lengths, leap years) that a certificate can carry.
        x509_cert::der::DateTime::new(y, m, d, 0, 0, 0).ok()?;
        Some((y, m, d))
    }

    /// The birth date as the card stores it: 8 ASCII digits, YYYYMMDD.
    pub fn birth_digits(&self) -> Option<String> {
        let d: String = self.birth_date.chars().filter(|c| *c != '-').collect();
        (self.birth_date.len() == 10 && d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
            .then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_missing_keys_and_bad_values_are_named() {
        let id = Identity::from_toml("name = \"TANAKA TARO\"\nsex = \"male\"").unwrap();
        assert_eq!(id.name, "TANAKA TARO");
        assert_eq!(id.sign_password, "ZAIRYU26");
        assert_eq!(id.birth_digits().as_deref(), Some("20030415"));
        let err = Identity::from_toml("auth_pin = \"12a4\"").unwrap_err();
        assert_eq!(
            err,
            IdentityError::Invalid {
                field: "auth_pin",
                problem: "must be 4 digits"
            }
        );
        assert!(matches!(
            Identity::from_toml("pin = 1").unwrap_err(),
            IdentityError::Toml(_)
        ));
        assert!(Identity::from_toml("sign_password = \"short\"").is_err());
        let soon = Identity::from_toml("auth_expires = \"2027-01-15\"").unwrap();
        assert_eq!(soon.auth_expires_ymd(), Some((2027, 1, 15)));
        assert_eq!(Identity::default().auth_expires_ymd(), None);
        for bad in ["2027-1-15", "2027-13-01", "2027-02-29", "15.01.2027"] {
            assert!(
                Identity::from_toml(&format!("auth_expires = \"{bad}\"")).is_err(),
                "{bad}"
            );
        }
    }
}
