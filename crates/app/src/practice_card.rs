//! The practice card's slot: the virtual My Number Card in-process, built only with the `demo`
//! feature (it carries the demo CA's private key). Without the feature the slot stays empty and
//! inserting answers `practice_card_unavailable`, so the app's functions are the same in both
//! builds.

use crate::error::AppError;

/// Whether this build has the practice card (the `demo` feature).
pub(crate) const BUILT_IN: bool = cfg!(feature = "demo");

#[cfg(feature = "demo")]
mod slot {
    use std::sync::Mutex;

    use myna_card::Transmit;
    use zairyu_card::CardError;
    use zairyu_card_sim::{AccessLog, Identity, SimTransport, VirtualCard};

    use crate::error::AppError;

    /// Makes the practice card's user-authentication certificate end on a chosen day
    /// (YYYY-MM-DD), to try the card-expiry warning; unset or not a date: five years on.
    pub(crate) const AUTH_EXPIRES_VAR: &str = "ZAIRYU_PRACTICE_CARD_AUTH_EXPIRES";

    /// The practice card's holder, its certificate ending on `auth_expires` when that is a date.
    pub(crate) fn identity(auth_expires: Option<String>) -> Identity {
        let chosen = Identity {
            auth_expires,
            ..Identity::default()
        };
        if chosen.validate().is_ok() {
            chosen
        } else {
            Identity::default()
        }
    }

    /// The virtual card while it is "inserted".
    #[derive(Debug, Default)]
    pub(crate) struct PracticeSlot(Mutex<Option<SimTransport>>);

    impl PracticeSlot {
        pub(crate) fn is_inserted(&self) -> bool {
            crate::lock(&self.0).is_some()
        }

        /// Inserts a fresh virtual card (its PIN tries full) unless one is already in.
        pub(crate) fn insert(&self) -> Result<(), AppError> {
            let mut slot = crate::lock(&self.0);
            if slot.is_none() {
                let expires = std::env::var(AUTH_EXPIRES_VAR).ok();
                *slot = Some(SimTransport::new(VirtualCard::new(
                    &identity(expires),
                    AccessLog::default(),
                )));
            }
            Ok(())
        }

        pub(crate) fn remove(&self) {
            *crate::lock(&self.0) = None;
        }

        /// Puts the card inserted here into `other` as well (the same card, keys and PIN
        /// tries): one card carried to another computer.
        pub(crate) fn carry_to(&self, other: &PracticeSlot) {
            let card = crate::lock(&self.0).clone();
            *crate::lock(&other.0) = card;
        }

        /// A transport to the inserted card (`card_absent` when it is not inserted).
        pub(crate) fn transport(&self) -> Result<Box<dyn Transmit + Send>, AppError> {
            let sim = crate::lock(&self.0).clone();
            let sim = sim.ok_or(AppError::Card(CardError::NoCard))?;
            Ok(Box::new(sim))
        }
    }
}

#[cfg(not(feature = "demo"))]
mod slot {
    use myna_card::Transmit;

    use crate::error::AppError;

    /// A build without the `demo` feature: there is no practice card to insert.
    #[derive(Debug, Default)]
    pub(crate) struct PracticeSlot;

    impl PracticeSlot {
        pub(crate) fn is_inserted(&self) -> bool {
            false
        }

        pub(crate) fn insert(&self) -> Result<(), AppError> {
            Err(AppError::PracticeCardUnavailable)
        }

        pub(crate) fn remove(&self) {}

        pub(crate) fn carry_to(&self, _other: &PracticeSlot) {}

        pub(crate) fn transport(&self) -> Result<Box<dyn Transmit + Send>, AppError> {
            Err(AppError::PracticeCardUnavailable)
        }
    }
}

pub(crate) use slot::PracticeSlot;

#[cfg(all(test, feature = "demo"))]
mod tests {
    use super::slot::identity;

    #[test]
    fn the_practice_card_expires_on_the_day_asked_for_when_it_is_a_date() {
        let soon = identity(Some("2027-01-15".into()));
        assert_eq!(soon.auth_expires.as_deref(), Some("2027-01-15"));
        assert_eq!(soon.name, "NGUYEN THI LAN");
        assert_eq!(identity(Some("soon".into())).auth_expires, None);
        assert_eq!(identity(None).auth_expires, None);
    }
}

/// Refuses the practice card outside the demo profile; in a build without it, always.
pub(crate) fn allowed(profile: crate::Profile) -> Result<(), AppError> {
    if !BUILT_IN {
        return Err(AppError::PracticeCardUnavailable);
    }
    if profile != crate::Profile::Demo {
        return Err(AppError::PracticeCardNotAllowed);
    }
    Ok(())
}
