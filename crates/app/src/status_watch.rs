//! Watching what happens after applying: which applications changed status since the app last
//! looked (the desktop notification), and what needs the student's action first on the home
//! screen — a request for revision, a period of stay about to end, a submission still waiting
//! in the outbox.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;
use zairyu_checks::Date;

use crate::error::AppError;
use crate::{json_file, lock, App, Language};
use zairyu_messages::{args, Args};
use zairyu_wire::{Application, ApplicationStatus};

/// The last status seen of each application, keyed `server#id`.
const SEEN_FILE: &str = "statuses-seen.json";

/// The form field that holds the date the current period of stay ends.
pub const STAY_EXPIRY_FIELD: &str = "current_expiry";

/// An extension can be applied for from about three months before the period ends.
pub const EXTENSION_WINDOW_DAYS: i64 = 92;

/// One application whose status changed since the app last looked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StatusChange {
    pub application: Application,
    /// The status seen before.
    pub previous: ApplicationStatus,
}

/// An application the examiner returned, and the draft here it was made from (if kept).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RevisionRequest {
    pub application: Application,
    pub draft_id: Option<String>,
}

/// A draft whose period of stay ends soon (or has ended).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StayEnding {
    pub draft_id: String,
    pub title_en: String,
    pub title_ja: String,
    /// YYYY-MM-DD.
    pub expires_on: String,
    /// Negative once the day has passed.
    #[ts(type = "number")]
    pub days_left: i64,
}

/// What needs the student's action first (home screen), with the applications it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Attention {
    /// The applications on the server (empty when signed out or offline).
    pub applications: Vec<Application>,
    pub revision_requests: Vec<RevisionRequest>,
    pub stay_ending: Vec<StayEnding>,
    /// Drafts, and applications filed from here not decided yet, for which the card read
    /// last expires too early (`card_expiry.rs`).
    pub card_expiring: Vec<crate::CardExpiring>,
    /// Signed submissions waiting in the outbox.
    pub queued: u32,
    /// The server could not be asked (offline, or not signed in): returned applications may
    /// be missing from the list.
    pub statuses_unknown: bool,
}

impl StatusChange {
    /// The desktop notification's title and body in `language` (the OS shows it outside the
    /// window, so the text is made here rather than in the UI's translations).
    pub fn notification(&self, language: Language) -> (String, String) {
        let a = &self.application;
        let status = zairyu_messages::text(
            language,
            &format!("notification-status-{}", a.status.as_str()),
            &Args::new(),
        )
        .unwrap_or_else(|| a.status.as_str().to_owned());
        let procedure = match (&a.procedure_name_en, &a.procedure_name_ja) {
            (Some(en), Some(ja)) => zairyu_messages::pair_text(language, en, ja),
            (Some(name), None) | (None, Some(name)) => name.clone(),
            (None, None) => a.procedure_id.clone(),
        };
        let args = args![
            "status" => status.as_str(),
            "procedure" => procedure,
            "reference" => a.reference_number.as_str(),
        ];
        let body = if a.status == ApplicationStatus::InReturnProcess {
            "notification-body-returned"
        } else {
            "notification-body"
        };
        let text = |id: &str| zairyu_messages::text(language, id, &args).unwrap_or_default();
        (text("notification-title"), text(body))
    }
}

/// An application in the seen file: ids are per server.
pub(crate) fn seen_key(server: &str, application: &Application) -> String {
    format!("{server}#{}", application.id)
}

impl App {
    /// The applications whose status differs from the one seen at the last call, or — the
    /// first time one is seen — from its status when it was filed from this computer. Every
    /// call updates what was seen, so each change is told once.
    pub fn status_changes(&self) -> Result<Vec<StatusChange>, AppError> {
        if self.counter_pc() {
            // A counter PC watches no one's applications in the background: nothing to
            // remember between visits, no student's notification on the next one's screen.
            return Ok(Vec::new());
        }
        let applications = self.applications()?;
        let receipts = self.receipts();
        let server = self.server_url().unwrap_or_default();
        let key = |a: &Application| seen_key(&server, a);
        let _guard = lock(&self.write_lock);
        let read = json_file::read_json::<BTreeMap<String, ApplicationStatus>>(
            &self.work_dir(),
            SEEN_FILE,
        )?;
        let mut dirty = matches!(read, json_file::Read::Missing);
        let mut seen = self.note(read).unwrap_or_default();
        let mut changes = Vec::new();
        for a in applications {
            match seen.insert(key(&a), a.status) {
                Some(previous) if previous == a.status => {}
                Some(previous) => {
                    dirty = true;
                    changes.push(StatusChange {
                        application: a,
                        previous,
                    });
                }
                None => {
                    dirty = true;
                    // First seen: compared with its status when filed from here (the
                    // examiner may have acted before the first look), else only remembered.
                    let filed = receipts
                        .iter()
                        .filter(|r| r.application.submission_id == a.submission_id)
                        .max_by(|x, y| x.received_at.cmp(&y.received_at))
                        .map(|r| r.application.status);
                    if let Some(previous) = filed.filter(|s| *s != a.status) {
                        changes.push(StatusChange {
                            application: a,
                            previous,
                        });
                    }
                }
            }
        }
        if dirty {
            json_file::write_json(&self.work_dir(), SEEN_FILE, &seen)?;
        }
        Ok(changes)
    }

    /// The last status seen of each application (`server#id`), empty when none was seen.
    pub(crate) fn seen_statuses(&self) -> BTreeMap<String, ApplicationStatus> {
        json_file::read_json::<BTreeMap<String, ApplicationStatus>>(&self.work_dir(), SEEN_FILE)
            .ok()
            .and_then(|r| self.note(r))
            .unwrap_or_default()
    }

    /// Records a status the student caused from this app (filing, resubmitting), so the next
    /// look does not announce the student's own action back to them.
    pub(crate) fn remember_status(&self, application: &Application) -> Result<(), AppError> {
        let server = self.server_url().unwrap_or_default();
        let _guard = lock(&self.write_lock);
        let read = json_file::read_json::<BTreeMap<String, ApplicationStatus>>(
            &self.work_dir(),
            SEEN_FILE,
        )?;
        let mut seen = self.note(read).unwrap_or_default();
        seen.insert(seen_key(&server, application), application.status);
        json_file::write_json(&self.work_dir(), SEEN_FILE, &seen)
    }

    /// What needs action first, as of today.
    pub fn attention(&self) -> Result<Attention, AppError> {
        self.attention_on(Date::today_utc())
    }

    /// What needs action first, as of `today` (tests pin the day).
    pub fn attention_on(&self, today: Date) -> Result<Attention, AppError> {
        let mut stay_ending = Vec::new();
        for summary in self.drafts_folder().list()? {
            if summary.submitted {
                continue;
            }
            let Some(expires) = summary.stay_expires_on.as_deref().and_then(Date::parse) else {
                continue;
            };
            let days_left = expires.days() - today.days();
            if days_left <= EXTENSION_WINDOW_DAYS {
                stay_ending.push(StayEnding {
                    draft_id: summary.id,
                    title_en: summary.title_en,
                    title_ja: summary.title_ja,
                    expires_on: expires.to_string(),
                    days_left,
                });
            }
        }
        stay_ending.sort_by_key(|s| s.days_left);
        let (applications, statuses_unknown) = match self.applications() {
            Ok(applications) => (applications, false),
            Err(_) => (Vec::new(), true),
        };
        let receipts = self.receipts();
        let revision_requests = applications
            .iter()
            .filter(|a| a.status == ApplicationStatus::InReturnProcess)
            .map(|application| RevisionRequest {
                draft_id: receipts
                    .iter()
                    .find(|r| r.application.id == application.id)
                    .map(|r| r.draft_id.clone()),
                application: application.clone(),
            })
            .collect();
        let card_expiring = self.card_expiring_on(
            today,
            (!statuses_unknown).then_some(applications.as_slice()),
        )?;
        Ok(Attention {
            applications,
            revision_requests,
            stay_ending,
            card_expiring,
            queued: self
                .queued_submissions()
                .iter()
                .filter(|q| !q.belongs_to_someone_else)
                .count() as u32,
            statuses_unknown,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Profile;

    #[test]
    fn a_period_of_stay_within_three_months_needs_attention_and_a_later_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production)
            .unwrap()
            .with_vault(Box::new(crate::MemoryVault::default()));
        let today = Date::parse("2026-11-28").unwrap();
        let soon = app.create_draft("extension-of-stay").unwrap();
        app.set_draft_field(&soon.id, "applicant.current_expiry", "2027-01-10")
            .unwrap();
        let later = app.create_draft("extension-of-stay").unwrap();
        app.set_draft_field(&later.id, "applicant.current_expiry", "2027-06-30")
            .unwrap();
        let ended = app.create_draft("extension-of-stay").unwrap();
        app.set_draft_field(&ended.id, "applicant.current_expiry", "2026-11-27")
            .unwrap();

        let attention = app.attention_on(today).unwrap();
        let listed: Vec<(&str, i64)> = attention
            .stay_ending
            .iter()
            .map(|s| (s.draft_id.as_str(), s.days_left))
            .collect();
        assert_eq!(listed, [(ended.id.as_str(), -1), (soon.id.as_str(), 43)]);
        assert_eq!(attention.stay_ending[1].expires_on, "2027-01-10");
        // Not signed in: the statuses are unknown, and nothing else breaks.
        assert!(attention.statuses_unknown);
        assert!(attention.revision_requests.is_empty());
        assert_eq!(attention.queued, 0);
        assert_eq!(app.status_changes().unwrap_err().code(), "not_signed_in");
    }

    #[test]
    fn the_notification_names_the_procedure_and_the_new_status_in_both_languages() {
        let change = StatusChange {
            application: Application {
                id: 7,
                reference_number: "R-123".into(),
                temporary_reception_number: "T-1".into(),
                temporary_application_number: None,
                procedure_id: "extension-of-stay".into(),
                procedure_name_en: Some("Extension of period of stay".into()),
                procedure_name_ja: Some("在留期間更新許可申請".into()),
                submission_id: "s".into(),
                status: ApplicationStatus::InReturnProcess,
                revision_request: Some("Attach a clearer photo".into()),
                created_at: 0,
                updated_at: 0,
                filed_by: None,
                filed_for: None,
            },
            previous: ApplicationStatus::UnderReview,
        };
        let (title, body) = change.notification(Language::En);
        assert_eq!(title, "Application status: In Return Process");
        assert!(body.starts_with(
            "Extension of period of stay (reference R-123) is now In Return Process."
        ));
        assert!(body.contains("what to change"));
        let (title, body) = change.notification(Language::Ja);
        assert_eq!(title, "申請状況：差戻し中");
        assert!(body.contains("在留期間更新許可申請（整理番号 R-123）は「差戻し中」"));
    }
}
