//! The statuses of an application (manual 5.1) by name; the moves an examiner may make between
//! them belong to `zairyu_wire::ApplicationStatus`.

/// The statuses of manual 5.1, as stored and sent.
pub const STATUSES: &[&str] = &zairyu_wire::ApplicationStatus::NAMES;

/// Whether an examiner may move an application from `from` to `to` (status names).
pub fn transition_allowed(from: &str, to: &str) -> bool {
    use zairyu_wire::ApplicationStatus;
    match (ApplicationStatus::parse(from), ApplicationStatus::parse(to)) {
        (Some(from), Some(to)) => from.can_become(to),
        _ => false,
    }
}

use super::ReceptionOffice;
use crate::error::ApiError;
use crate::mail_text::Notice;
use crate::store::ApplicationRow;
use zairyu_wire::ApplicationStatus;

impl ReceptionOffice {
    /// The status a new or resubmitted application is stored with: Pending (manual 5.1: "the
    /// application is being processed") until the office accepts it.
    pub(super) const RECEIVED: ApplicationStatus = ApplicationStatus::Pending;

    /// Accepts every Pending application whose `acceptance_seconds` have passed (Pending →
    /// Application completed, audited as `accept`, the applicant told). Called before an
    /// answer lists or shows applications, so nothing waits for a timer.
    pub(super) fn accept_due(&self) -> Result<(), ApiError> {
        let now = self.now();
        for app in self
            .store
            .applications(None, Some(ApplicationStatus::Pending.as_str()))?
        {
            if app.updated_at + self.acceptance_seconds <= now {
                self.accept(&app, true)?;
            }
        }
        Ok(())
    }

    /// Pending → Application completed for one application, with the mail that says so when
    /// `tell` (not when it is accepted as it arrives: the receipt mail says it all then).
    pub(super) fn accept(&self, app: &ApplicationRow, tell: bool) -> Result<(), ApiError> {
        let now = self.now();
        let to = ApplicationStatus::ApplicationCompleted;
        self.store.atomically(&mut |s| {
            s.set_status(app.id, to.as_str(), None, now)?;
            s.audit(
                Some(app.id),
                "office",
                "accept",
                "pending -> application_completed",
                now,
            )
        })?;
        if !tell {
            return Ok(());
        }
        self.tell_applicant(
            app,
            &Notice::ApplicationAccepted {
                reference: &app.reference_number,
                temporary: &app.temporary_reception_number,
                status: to,
            },
        );
        Ok(())
    }
}
