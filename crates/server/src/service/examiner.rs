//! The examiner's actions: create an examiner account, list, view, download, move along the
//! allowed transitions, request a revision. Every one is audited (the HTTP API and
//! `zairyu examiner` call these same functions), and the applicant is told of a new status by
//! e-mail.

use super::statuses::{transition_allowed, STATUSES};
use super::ReceptionOffice;
use crate::error::ApiError;
use crate::mail_text::Notice;
use crate::store::{ApplicationRow, AuditEntry, UserRow};

impl ReceptionOffice {
    fn examiner(&self, user: &UserRow) -> Result<(), ApiError> {
        if user.role == "examiner" {
            Ok(())
        } else {
            Err(ApiError::forbidden("Only examiners may do this."))
        }
    }

    /// An attached file of an application, for an examiner; the download is audited.
    pub fn examiner_file(
        &self,
        examiner: &UserRow,
        id: i64,
        sha256: &str,
    ) -> Result<(String, Vec<u8>), ApiError> {
        self.examiner(examiner)?;
        let app = self.stored_application(id)?;
        let (name, bytes) = self.stored_file(&app, sha256)?;
        self.store
            .audit(Some(id), &examiner.id, "download", &name, self.now())?;
        Ok((name, bytes))
    }

    /// One application for an examiner, with its audit trail; the viewing is audited.
    pub fn examiner_view(
        &self,
        examiner: &UserRow,
        id: i64,
    ) -> Result<(ApplicationRow, Vec<AuditEntry>), ApiError> {
        self.examiner(examiner)?;
        self.accept_due()?;
        let app = self.stored_application(id)?;
        self.store
            .audit(Some(id), &examiner.id, "view", "", self.now())?;
        Ok((app, self.store.audit_log(id)?))
    }

    /// The applications, optionally of one status, for an examiner; the listing is audited.
    pub fn examiner_list(
        &self,
        user: &UserRow,
        status: Option<&str>,
    ) -> Result<Vec<ApplicationRow>, ApiError> {
        self.examiner(user)?;
        self.accept_due()?;
        let apps = self.store.applications(None, status)?;
        self.store
            .audit(None, &user.id, "list", status.unwrap_or(""), self.now())?;
        Ok(apps)
    }

    /// Creates an examiner account (an operator, with `zairyu examiner create`); audited.
    pub fn create_examiner(
        &self,
        email: &str,
        name_en: &str,
        password: &str,
    ) -> Result<String, ApiError> {
        let id = self.create_account(email, name_en, password, "examiner", None)?;
        self.store
            .audit(None, "operator", "create_examiner", &id, self.now())?;
        Ok(id)
    }

    /// The examiner account `id` that acts (`zairyu examiner --as`), or `not_an_examiner`.
    pub fn examiner_account(&self, id: &str) -> Result<UserRow, ApiError> {
        self.store
            .user(id)?
            .filter(|u| u.role == "examiner")
            .ok_or_else(|| {
                ApiError::new(
                    403,
                    "not_an_examiner",
                    format!("{id} is not an examiner account; create one with `zairyu examiner create`."),
                )
            })
    }

    /// Moves an application along the allowed transitions; audited; the applicant is told.
    pub fn set_status(
        &self,
        examiner: &UserRow,
        id: i64,
        status: &str,
    ) -> Result<ApplicationRow, ApiError> {
        self.examiner(examiner)?;
        self.accept_due()?;
        let app = self.stored_application(id)?;
        if !STATUSES.contains(&status)
            || !transition_allowed(&app.status, status)
            || status == "in_return_process"
        {
            return Err(ApiError::new(
                409,
                "transition_not_allowed",
                format!(
                    "An application that is {} cannot become {status}.",
                    app.status
                ),
            ));
        }
        let now = self.now();
        self.store.set_status(id, status, None, now)?;
        self.store.audit(
            Some(id),
            &examiner.id,
            "set_status",
            &format!("{} -> {status}", app.status),
            now,
        )?;
        self.tell_applicant(
            &app,
            &Notice::StatusChanged {
                reference: &app.reference_number,
                status,
            },
        );
        self.store
            .application(id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    /// In Return Process with a message saying what to change.
    pub fn request_revision(
        &self,
        examiner: &UserRow,
        id: i64,
        message: &str,
    ) -> Result<ApplicationRow, ApiError> {
        self.examiner(examiner)?;
        let app = self.stored_application(id)?;
        if message.trim().is_empty() {
            return Err(ApiError::bad(
                "empty_message",
                "Say what the applicant must change.",
            ));
        }
        if !transition_allowed(&app.status, "in_return_process") {
            return Err(ApiError::new(
                409,
                "transition_not_allowed",
                format!("An application that is {} cannot be returned.", app.status),
            ));
        }
        let now = self.now();
        self.store
            .set_status(id, "in_return_process", Some(message), now)?;
        self.store
            .audit(Some(id), &examiner.id, "request_revision", message, now)?;
        self.tell_applicant(
            &app,
            &Notice::RevisionRequested {
                reference: &app.reference_number,
                message,
            },
        );
        self.store
            .application(id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }
}
