//! What the applicant sees of one application (manual 5.1 step 5): its status history, read
//! from the audit trail (submission, acceptance, each examiner move, return and
//! resubmission), and its files, downloadable by whoever may see the application.

use super::ReceptionOffice;
use crate::error::ApiError;
use crate::store::{ApplicationRow, AuditEntry, UserRow};
use zairyu_wire::{ApplicationStatus, StatusEntry};

/// The statuses an application took, from its audit trail, oldest first.
pub(super) fn status_history(audit: &[AuditEntry]) -> Vec<StatusEntry> {
    let mut history: Vec<StatusEntry> = Vec::new();
    for (_, action, detail, at) in audit {
        let status = match action.as_str() {
            "submit" | "resubmit" => Some(ApplicationStatus::Pending),
            "accept" => Some(ApplicationStatus::ApplicationCompleted),
            "request_revision" => Some(ApplicationStatus::InReturnProcess),
            "set_status" => detail
                .rsplit("-> ")
                .next()
                .and_then(ApplicationStatus::parse),
            _ => None,
        };
        if let Some(status) = status {
            if history.last().map(|h| h.status) != Some(status) {
                history.push(StatusEntry { status, at: *at });
            }
        }
    }
    history
}

impl ReceptionOffice {
    /// One application the user may see, with its status history and applicant's name.
    pub fn application_details(
        &self,
        user: &UserRow,
        id: i64,
    ) -> Result<(ApplicationRow, Vec<StatusEntry>, String), ApiError> {
        let app = self.application_for(user, id)?;
        let history = status_history(&self.store.audit_log(id)?);
        let name = self
            .store
            .user(&app.user_id)?
            .map(|u| u.name_en)
            .unwrap_or_default();
        Ok((app, history, name))
    }

    /// A file of any version of an application the user may see: (name, bytes).
    pub fn application_file(
        &self,
        user: &UserRow,
        id: i64,
        sha256: &str,
    ) -> Result<(String, Vec<u8>), ApiError> {
        let app = self.application_for(user, id)?;
        self.stored_file(&app, sha256)
    }
}

#[cfg(test)]
mod tests {
    use super::status_history;
    use zairyu_wire::ApplicationStatus::*;

    #[test]
    fn the_history_follows_the_audit_trail() {
        let entry = |action: &str, detail: &str, at: i64| {
            ("x".to_owned(), action.to_owned(), detail.to_owned(), at)
        };
        let audit = [
            entry("submit", "terms agreed", 1),
            entry("accept", "pending -> application_completed", 2),
            entry("view", "", 3),
            entry("set_status", "application_completed -> under_review", 4),
            entry("request_revision", "Attach a photo", 5),
            entry("resubmit", "version 2", 6),
        ];
        let history: Vec<_> = status_history(&audit)
            .into_iter()
            .map(|h| (h.status, h.at))
            .collect();
        assert_eq!(
            history,
            [
                (Pending, 1),
                (ApplicationCompleted, 2),
                (UnderReview, 4),
                (InReturnProcess, 5),
                (Pending, 6)
            ]
        );
    }
}
