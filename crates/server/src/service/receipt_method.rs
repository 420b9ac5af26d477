//! The change of method of receipt (manual 5.3): a plain form (no card) naming one of the
//! user's applications by either number of its receipt e-mail — the temporary application
//! receipt number (仮申請受付番号) or the temporary application number (仮申請番号) — with the
//! classification of change and the new method (mailing, or a counter and its office). The
//! change is recorded and audited, and the applicant is told by e-mail what changed.

use super::ReceptionOffice;
use crate::answers::temporary_application_number;
use crate::error::ApiError;
use crate::mail_text::Notice;
use crate::store::{ApplicationRow, UserRow};
use zairyu_forms::Schema;

const PROCEDURE: &str = "change-of-receipt-method";

/// The English and Japanese label of the choice `value` of the field `change.<field>`.
fn choice_labels(schema: &Schema, field: &str, value: &str) -> (String, String) {
    schema
        .sections
        .iter()
        .flat_map(|s| s.fields.iter())
        .find(|f| f.id == field)
        .and_then(|f| f.choices.iter().find(|c| c.value == value))
        .map(|c| (c.label_en.clone(), c.label_ja.clone()))
        .unwrap_or_else(|| (value.to_owned(), value.to_owned()))
}

/// Whether `number` names `app` as `kind` says (either kind when the form has none).
fn names(app: &ApplicationRow, kind: &str, number: &str) -> bool {
    let receipt = app.temporary_reception_number == number;
    let application = temporary_application_number(&app.reference_number) == number;
    match kind {
        "temporary_receipt_number" => receipt,
        "temporary_application_number" => application,
        _ => receipt || application,
    }
}

impl ReceptionOffice {
    /// Records the change of method of receipt the form asks for and mails what changed.
    pub fn change_receipt_method(
        &self,
        user: &UserRow,
        form: &serde_json::Value,
    ) -> Result<ApplicationRow, ApiError> {
        let findings = zairyu_forms::validate(PROCEDURE, form)
            .map_err(|e| ApiError::bad(e.code(), e.to_string()))?;
        if let Some(f) = findings.iter().find(|f| f.is_error()) {
            return Err(ApiError::new(
                422,
                "form_invalid",
                format!("{}: {}", f.path, f.message),
            ));
        }
        let change = &form["change"];
        let text = |key: &str| change[key].as_str().unwrap_or_default();
        let number = text("reception_number");
        let app = self
            .list_for(user, None)?
            .into_iter()
            .find(|a| {
                (a.user_id == user.id || a.submitter_id == user.id)
                    && names(a, text("number_kind"), number)
            })
            .ok_or_else(|| ApiError::not_found("application with this number"))?;
        if matches!(app.status.as_str(), "completed" | "completed_not_permitted") {
            return Err(ApiError::new(
                409,
                "already_completed",
                "This application is completed; the method of receipt can no longer change.",
            ));
        }
        let receipt = change.to_string();
        let now = self.now();
        self.store.atomically(&mut |s| {
            s.set_receipt(app.id, &receipt, now)?;
            s.audit(
                Some(app.id),
                &user.id,
                "change_receipt_method",
                &receipt,
                now,
            )
        })?;
        let schema = zairyu_forms::schema_for(PROCEDURE)
            .map_err(|e| ApiError::internal(format!("schema {PROCEDURE}: {e}")))?;
        let label = |field: &str| choice_labels(schema, field, text(field));
        let (class_en, class_ja) = label("classification");
        let (kind_en, kind_ja) = label("number_kind");
        let (method_en, method_ja) = label("method");
        let (office_en, office_ja) = if text("method") == "counter" {
            let (en, ja) = label("office");
            (format!(" ({en})"), format!("（{ja}）"))
        } else {
            Default::default()
        };
        let notice = Notice::ReceiptMethodChanged {
            reference: &app.reference_number,
            number_kind: (&kind_en, &kind_ja),
            number: text("number"),
            classification: (&class_en, &class_ja),
            method: (
                format!("{method_en}{office_en}"),
                format!("{method_ja}{office_ja}"),
            ),
        };
        self.tell_applicant(&app, &notice);
        self.store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }
}
