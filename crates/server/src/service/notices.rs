//! Who hears about an application (manual 4.2.5, 5.1, 5.2, 5.3): the notification e-mail
//! address the applicant typed into the form (its newest version) and the account's own
//! address — the receipt mail goes to both, "to the foreign national and to the user", as
//! the immigration services agency does; every later notice too, so a student who typed a
//! school address still hears on the account's.

use super::ReceptionOffice;
use crate::mail_text::{language_of, staff_copy, Notice};
use crate::store::ApplicationRow;
use zairyu_forms::contact::valid_email;
use zairyu_messages::Language;

/// The notification address a form carries (`contact.email`), if it is an address.
pub(super) fn form_notification_email(form: &serde_json::Value) -> Option<String> {
    form["contact"]["email"]
        .as_str()
        .map(str::trim)
        .filter(|e| valid_email(e))
        .map(str::to_owned)
}

impl ReceptionOffice {
    /// The addresses told about `app`: the form's notification address first, then the
    /// applicant account's, each once (compared without case).
    pub(super) fn notice_addresses(&self, app: &ApplicationRow) -> Vec<String> {
        let mut to: Vec<String> = Vec::new();
        // A row from a list comes without its versions: read them.
        let full = match app.versions.is_empty() {
            true => self.store.application(app.id).ok().flatten(),
            false => None,
        };
        let form = full
            .as_ref()
            .unwrap_or(app)
            .versions
            .last()
            .and_then(|v| form_notification_email(&v.form));
        let account = self
            .store
            .user(&app.user_id)
            .ok()
            .flatten()
            .map(|u| u.email);
        for address in [form, account].into_iter().flatten() {
            if !to.iter().any(|t| t.eq_ignore_ascii_case(&address)) {
                to.push(address);
            }
        }
        to
    }

    /// The language the account chose for its mails (`None`: English and Japanese).
    pub(super) fn mail_language(&self, user_id: &str) -> Option<Language> {
        language_of(self.store.user_language(user_id).ok().flatten().as_deref())
    }

    /// Sends `notice` to `to` in `language` (`None`: English, then Japanese).
    pub(super) fn send_notice(&self, to: &str, language: Option<Language>, notice: &Notice<'_>) {
        let letter = notice.render(language);
        self.mailer.send(to, &letter.subject, &letter.body);
    }

    /// Sends one notice about `app`, in the applicant account's language, to every address of
    /// [`Self::notice_addresses`]; when staff filed it for the student and still act for them,
    /// a copy goes to that staff member, in theirs.
    pub(super) fn tell_applicant(&self, app: &ApplicationRow, notice: &Notice<'_>) {
        let to = self.notice_addresses(app);
        let language = self.mail_language(&app.user_id);
        for address in &to {
            self.send_notice(address, language, notice);
        }
        let Some(filing) = crate::answers::filing(app) else {
            return;
        };
        let staff = self.store.user(&filing.filed_by.user_id).ok().flatten();
        if let Some(staff) = staff {
            let still_acts = self.staff_may_see(&staff, app).unwrap_or(false);
            if still_acts && !to.iter().any(|t| t.eq_ignore_ascii_case(&staff.email)) {
                let copy = staff_copy(
                    notice,
                    self.mail_language(&staff.id),
                    &filing.filed_for.name_en,
                    &filing.filed_for.user_id,
                    &app.reference_number,
                );
                self.mailer.send(&staff.email, &copy.subject, &copy.body);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::form_notification_email;
    use serde_json::json;

    #[test]
    fn the_forms_address_is_read_only_when_it_is_one() {
        assert_eq!(
            form_notification_email(&json!({"contact": {"email": " lan@school.ac.jp "}})),
            Some("lan@school.ac.jp".into())
        );
        assert_eq!(
            form_notification_email(&json!({"contact": {"email": "no"}})),
            None
        );
        assert_eq!(form_notification_email(&json!({"change": {}})), None);
    }
}
