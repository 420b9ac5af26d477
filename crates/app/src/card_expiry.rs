//! Whether the My Number Card will still work when the student needs it: the card's
//! user-authentication certificate (read without a PIN whenever the app reads the card) against
//! the period of stay in a draft and the time an application takes to be decided. A student
//! whose certificate expires while an application is pending can no longer act on it online,
//! so applications filed from this computer and not decided yet are checked too (their status
//! from the server when it answered, else the last one seen, else the one at filing).
//!
//! Only the certificate's last valid day is remembered (`card-expiry.json` in the work folder:
//! the app-data folder, or on a counter PC the open visit's folder, removed with the visit; on a
//! counter PC outside a visit nothing is kept). The certificate itself is never stored.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zairyu_card::CertificateExpiry;
use zairyu_checks::Date;
use zairyu_messages::args;
use zairyu_wire::{Application, ApplicationStatus};

use crate::error::AppError;
use crate::status_watch::EXTENSION_WINDOW_DAYS;
use crate::{json_file, lock, App, Language, Receipt};

const FILE: &str = "card-expiry.json";

/// Days from filing to a decision assumed for the warning: the upper end of the Immigration
/// Services Agency's standard processing period for an extension of period of stay ("2 weeks
/// to 1 month"). The upper end, because a warning a fortnight early costs a visit to the
/// municipal office, one too late costs the online application.
pub const DECISION_DAYS: i64 = 30;

/// What is wrong with the card's expiry for an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardExpiryWarning {
    /// An application is filed and not decided yet, and the certificate ends before a decision
    /// can be expected: the student could no longer follow it up online (resubmit it if it is
    /// returned, change the method of receipt) unless the certificate is renewed.
    CardExpiresWhilePending,
    /// The certificate ends before the application can be decided (or even filed): the
    /// application cannot be made or followed up online unless the certificate is renewed.
    CardExpiresBeforeDecision,
    /// The application can be decided in time, but the certificate ends before the period of
    /// stay does.
    CardExpiresBeforeStay,
}

/// The earliest day an application for extension can be decided: filed today, or when the
/// extension window opens if that is later, plus [`DECISION_DAYS`].
pub fn decision_expected(stay_expires: Date, today: Date) -> Date {
    let window_opens = stay_expires.days() - EXTENSION_WINDOW_DAYS;
    Date::from_days(today.days().max(window_opens) + DECISION_DAYS)
}

/// The earliest day a decision can be expected on an application filed (or last resubmitted)
/// on `filed_on` and now in `status` (not completed): [`DECISION_DAYS`] after filing, or today
/// if that has passed; a returned application is examined again only after the student
/// resubmits it, so [`DECISION_DAYS`] from today.
pub(crate) fn decision_expected_after_filing(
    filed_on: Date,
    status: ApplicationStatus,
    today: Date,
) -> Date {
    if status == ApplicationStatus::InReturnProcess {
        Date::from_days(today.days() + DECISION_DAYS)
    } else {
        Date::from_days((filed_on.days() + DECISION_DAYS).max(today.days()))
    }
}

/// The warning for a card whose certificate is valid through `card_last_day`, a period of stay
/// ending `stay_expires`, as of `today`. A certificate valid on the day itself is in time.
pub fn card_expiry_warning(
    card_last_day: Date,
    stay_expires: Date,
    today: Date,
) -> Option<CardExpiryWarning> {
    if card_last_day < decision_expected(stay_expires, today) {
        Some(CardExpiryWarning::CardExpiresBeforeDecision)
    } else if card_last_day < stay_expires {
        Some(CardExpiryWarning::CardExpiresBeforeStay)
    } else {
        None
    }
}

/// A draft, or an application filed from it and not decided yet, for which the card's
/// certificate ends too early (home screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CardExpiring {
    pub draft_id: String,
    /// The filed application's reference number ([`CardExpiryWarning::CardExpiresWhilePending`]
    /// only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reference_number: Option<String>,
    pub title_en: String,
    pub title_ja: String,
    pub warning: CardExpiryWarning,
    /// The certificate's last valid day, YYYY-MM-DD.
    pub card_expires_on: String,
    /// The period of stay's last day, YYYY-MM-DD (empty for a filed application whose draft is
    /// no longer here).
    pub stay_expires_on: String,
    /// The day a decision can be expected at the earliest, YYYY-MM-DD.
    pub decision_expected_on: String,
}

/// What `card-expiry.json` holds: a date, and which warnings were notified already.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Remembered {
    /// YYYY-MM-DD.
    auth_certificate_last_day: Option<String>,
    /// `draft id#warning#card day` of each warning shown as a desktop notification.
    notified: Vec<String>,
}

impl App {
    /// Remembers the last valid day of the card just read (not on a counter PC outside a visit).
    pub(crate) fn remember_card_expiry(&self, expiry: &CertificateExpiry) {
        if self.counter_pc() && !self.visit().open {
            return;
        }
        let _guard = lock(&self.write_lock);
        let dir = self.work_dir();
        let mut kept = json_file::read_json::<Remembered>(&dir, FILE)
            .ok()
            .and_then(|r| self.note(r))
            .unwrap_or_default();
        if kept.auth_certificate_last_day.as_deref() == Some(expiry.last_valid_day.as_str()) {
            return;
        }
        kept.auth_certificate_last_day = Some(expiry.last_valid_day.clone());
        // A best effort: the card was read all the same.
        let _ = json_file::write_json(&dir, FILE, &kept);
    }

    /// Remembers the expiry of a user-authentication certificate read for signing.
    pub(crate) fn remember_card_expiry_of(&self, certificate_der: &[u8]) {
        if let Ok(expiry) = zairyu_card::expiry::expiry_of(certificate_der) {
            self.remember_card_expiry(&expiry);
        }
    }

    fn remembered_card_expiry(&self) -> Remembered {
        json_file::read_json::<Remembered>(&self.work_dir(), FILE)
            .ok()
            .and_then(|r| self.note(r))
            .unwrap_or_default()
    }

    /// The last valid day of the card read last (YYYY-MM-DD), if one was read.
    pub fn card_expires_on(&self) -> Option<String> {
        self.remembered_card_expiry().auth_certificate_last_day
    }

    /// The drafts not yet filed, and the applications filed from here and not decided yet, for
    /// which the card read last ends too early, as of `today`. `on_server`: the applications
    /// as the server just listed them (their current status), if it answered.
    pub(crate) fn card_expiring_on(
        &self,
        today: Date,
        on_server: Option<&[Application]>,
    ) -> Result<Vec<CardExpiring>, AppError> {
        let Some(card_day) = self.card_expires_on().as_deref().and_then(Date::parse) else {
            return Ok(Vec::new());
        };
        let drafts = self.drafts_folder().list()?;
        let mut found = Vec::new();
        for summary in &drafts {
            if summary.submitted {
                continue;
            }
            let Some(stay) = summary.stay_expires_on.as_deref().and_then(Date::parse) else {
                continue;
            };
            if let Some(warning) = card_expiry_warning(card_day, stay, today) {
                found.push(CardExpiring {
                    draft_id: summary.id.clone(),
                    reference_number: None,
                    title_en: summary.title_en.clone(),
                    title_ja: summary.title_ja.clone(),
                    warning,
                    card_expires_on: card_day.to_string(),
                    stay_expires_on: stay.to_string(),
                    decision_expected_on: decision_expected(stay, today).to_string(),
                });
            }
        }
        let seen = self.seen_statuses();
        let server = self.server_url().unwrap_or_default();
        let mut checked = Vec::new();
        // Newest first: the first receipt of an application is its last filing.
        for receipt in self.receipts() {
            let application = &receipt.application;
            if checked.contains(&application.id) {
                continue;
            }
            checked.push(application.id);
            let status = on_server
                .and_then(|list| list.iter().find(|a| a.id == application.id))
                .map(|a| a.status)
                .or_else(|| {
                    seen.get(&crate::status_watch::seen_key(&server, application))
                        .copied()
                })
                .unwrap_or(application.status);
            let Some(filed_on) = filing_day(&receipt) else {
                continue;
            };
            if status.is_completed() {
                continue;
            }
            let decision = decision_expected_after_filing(filed_on, status, today);
            if card_day >= decision {
                continue;
            }
            let draft = drafts.iter().find(|d| d.id == receipt.draft_id);
            let (title_en, title_ja) = match draft {
                Some(d) => (d.title_en.clone(), d.title_ja.clone()),
                None => (
                    application
                        .procedure_name_en
                        .clone()
                        .unwrap_or_else(|| application.procedure_id.clone()),
                    application
                        .procedure_name_ja
                        .clone()
                        .unwrap_or_else(|| application.procedure_id.clone()),
                ),
            };
            found.push(CardExpiring {
                draft_id: receipt.draft_id.clone(),
                reference_number: Some(application.reference_number.clone()),
                title_en,
                title_ja,
                warning: CardExpiryWarning::CardExpiresWhilePending,
                card_expires_on: card_day.to_string(),
                stay_expires_on: draft
                    .and_then(|d| d.stay_expires_on.clone())
                    .unwrap_or_default(),
                decision_expected_on: decision.to_string(),
            });
        }
        // The more urgent warning first.
        found.sort_by_key(|c| c.warning);
        Ok(found)
    }

    /// The desktop notifications (title, body in `language`) of card-expiry warnings not
    /// notified before; each is told once (per draft, warning and card).
    pub fn card_expiry_notifications(
        &self,
        language: Language,
    ) -> Result<Vec<(String, String)>, AppError> {
        self.card_expiry_notifications_on(language, Date::today_utc())
    }

    /// [`App::card_expiry_notifications`] as of `today` (tests pin the day).
    pub fn card_expiry_notifications_on(
        &self,
        language: Language,
        today: Date,
    ) -> Result<Vec<(String, String)>, AppError> {
        // Local files only (the statuses last seen): the background watch asks the server
        // right after.
        let expiring = self.card_expiring_on(today, None)?;
        if expiring.is_empty() {
            return Ok(Vec::new());
        }
        let _guard = lock(&self.write_lock);
        let mut kept = self.remembered_card_expiry();
        let mut out = Vec::new();
        for c in expiring {
            let key = match &c.reference_number {
                None => format!("{}#{:?}#{}", c.draft_id, c.warning, c.card_expires_on),
                Some(reference) => format!("{reference}#{:?}#{}", c.warning, c.card_expires_on),
            };
            if kept.notified.contains(&key) {
                continue;
            }
            kept.notified.push(key);
            out.push(notification(&c, language));
        }
        if !out.is_empty() {
            json_file::write_json(&self.work_dir(), FILE, &kept)?;
        }
        Ok(out)
    }
}

/// The notification's title and body (the OS shows it outside the window).
fn notification(c: &CardExpiring, language: Language) -> (String, String) {
    let procedure = zairyu_messages::pair_text(language, &c.title_en, &c.title_ja);
    let args = args![
        "card" => c.card_expires_on.as_str(),
        "stay" => c.stay_expires_on.as_str(),
        "decision" => c.decision_expected_on.as_str(),
        "procedure" => procedure,
        "reference" => c.reference_number.as_deref().unwrap_or_default(),
    ];
    let body = match c.warning {
        CardExpiryWarning::CardExpiresWhilePending => "notification-card-expiry-while-pending",
        CardExpiryWarning::CardExpiresBeforeDecision => "notification-card-expiry-before-decision",
        CardExpiryWarning::CardExpiresBeforeStay => "notification-card-expiry-before-stay",
    };
    let text = |id: &str| zairyu_messages::text(language, id, &args).unwrap_or_default();
    (text("notification-card-expiry-title"), text(body))
}

/// The day an application was filed (or last resubmitted) from here: the receipt's date.
fn filing_day(receipt: &Receipt) -> Option<Date> {
    Date::parse(receipt.received_at.get(..10)?)
}

#[cfg(test)]
mod tests;
