//! The advisor's board (`GET /api/staff/board`): one row per application of the students
//! linked to the staff member's organisation, and one per linked student with nothing filed,
//! most urgent first — returned for changes, then the period of stay ending within 3 months
//! with nothing filed since 3 months before its end, then the card's certificate ending before
//! the period of stay, then the rest by last change (newest first) — searched, filtered and
//! paged.
//!
//! The period of stay is what the student gave: `applicant.current_expiry` of the newest
//! version of their newest application, else `stay_expires_on` of the usage application's
//! information. The card's end is the `notAfter` of the certificate bound by the usage
//! application (kept when it was bound).

use std::cmp::Ordering;
use std::collections::HashMap;

use super::ReceptionOffice;
use crate::clock::{date_text, japan_date, months_later, parse_date};
use crate::error::ApiError;
use crate::store::{ApplicationRow, LinkedRow, UserRow};
use zairyu_wire::{
    ApplicationStatus, BoardPage, BoardQuery, BoardRow, FiledBy, NextActor, Urgency,
};

/// Rows per page unless asked otherwise, and at most.
pub(super) const DEFAULT_PAGE_SIZE: u32 = 50;
pub(super) const MAX_PAGE_SIZE: u32 = 200;

/// What the board knows of one student besides their applications.
struct StudentFacts {
    stay_ends: Option<time::Date>,
    card_ends: Option<time::Date>,
    /// The period of stay ends within 3 months and nothing was filed since 3 months before
    /// its end.
    stay_urgent: bool,
    card_urgent: bool,
}

fn usage_stay(user: &UserRow) -> Option<time::Date> {
    let usage: serde_json::Value = serde_json::from_str(user.usage.as_deref()?).ok()?;
    parse_date(usage["stay_expires_on"].as_str()?)
}

fn next_actor(status: ApplicationStatus) -> NextActor {
    match status {
        ApplicationStatus::InReturnProcess
        | ApplicationStatus::Completed
        | ApplicationStatus::CompletedNotPermitted => NextActor::Student,
        ApplicationStatus::Pending
        | ApplicationStatus::ApplicationCompleted
        | ApplicationStatus::UnderReview
        | ApplicationStatus::AwaitingIssuance => NextActor::Agency,
    }
}

impl ReceptionOffice {
    /// `GET /api/staff/board`.
    pub fn board(&self, user: &UserRow, query: &BoardQuery) -> Result<BoardPage, ApiError> {
        let page = query.page.unwrap_or(1);
        let page_size = query.page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        if page == 0 || page_size == 0 || page_size > MAX_PAGE_SIZE {
            return Err(ApiError::bad(
                "bad_page",
                format!("Pages count from 1 and hold 1 to {MAX_PAGE_SIZE} rows."),
            ));
        }
        let org = self.require_staff(user)?;
        self.accept_due()?;
        let students = self.store.linked_students(&org.id)?;
        let apps = self.store.organisation_applications(&org.id)?;
        let forms: HashMap<i64, serde_json::Value> = self
            .store
            .organisation_newest_forms(&org.id)?
            .into_iter()
            .collect();
        let mut by_student: HashMap<&str, Vec<&ApplicationRow>> = HashMap::new();
        for app in &apps {
            by_student
                .entry(app.user_id.as_str())
                .or_default()
                .push(app);
        }
        let today = japan_date(self.now());
        let mut rows = Vec::new();
        for student in &students {
            let own = by_student
                .remove(student.user.id.as_str())
                .unwrap_or_default();
            let facts = student_facts(student, &own, &forms, today);
            let newest = own.first().map(|a| a.id);
            if own.is_empty() {
                rows.push(self.student_row(student, &facts));
            }
            for app in own {
                let filed_by = crate::answers::filing(app).map(|f| f.filed_by);
                rows.push(app_row(
                    student,
                    app,
                    &facts,
                    newest == Some(app.id),
                    filed_by,
                ));
            }
        }
        let words: Vec<String> = query
            .search
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        rows.retain(|r| {
            let hay = format!(
                "{} {} {}",
                r.student_name,
                r.student_user_id,
                r.reference_number.as_deref().unwrap_or_default()
            )
            .to_lowercase();
            words.iter().all(|w| hay.contains(w))
                && query.status.is_none_or(|s| r.status == Some(s))
                && query
                    .procedure
                    .as_deref()
                    .is_none_or(|p| r.procedure_id.as_deref() == Some(p))
        });
        rows.sort_by(board_order);
        let total = rows.len() as u64;
        let rows = rows
            .into_iter()
            .skip((page as usize - 1) * page_size as usize)
            .take(page_size as usize)
            .collect();
        Ok(BoardPage {
            rows,
            total,
            page,
            page_size,
        })
    }

    /// A linked student with nothing filed.
    fn student_row(&self, student: &LinkedRow, facts: &StudentFacts) -> BoardRow {
        let urgency = student_urgency(facts);
        BoardRow {
            student_user_id: student.user.id.clone(),
            student_name: student.user.name_en.clone(),
            application_id: None,
            reference_number: None,
            procedure_id: None,
            procedure_name_en: None,
            procedure_name_ja: None,
            status: None,
            revision_request: None,
            last_change: student.linked_at,
            next_actor: match urgency {
                Urgency::StayEndsSoonNothingFiled => NextActor::School,
                _ => NextActor::Student,
            },
            urgency,
            stay_expires_on: facts.stay_ends.map(date_text),
            card_expires_on: facts.card_ends.map(date_text),
            filed_by: None,
        }
    }
}

fn student_facts(
    student: &LinkedRow,
    own: &[&ApplicationRow],
    forms: &HashMap<i64, serde_json::Value>,
    today: time::Date,
) -> StudentFacts {
    // `own` is newest first.
    let from_form = own
        .first()
        .and_then(|a| forms.get(&a.id))
        .and_then(|f| f["applicant"]["current_expiry"].as_str())
        .and_then(parse_date);
    let stay_ends = from_form.or_else(|| usage_stay(&student.user));
    let card_ends = student.cert_not_after.map(japan_date);
    let stay_urgent = stay_ends.is_some_and(|end| {
        let window = months_later(end, -3);
        end <= months_later(today, 3) && !own.iter().any(|a| japan_date(a.created_at) >= window)
    });
    let card_urgent = matches!((card_ends, stay_ends), (Some(card), Some(stay)) if card < stay);
    StudentFacts {
        stay_ends,
        card_ends,
        stay_urgent,
        card_urgent,
    }
}

fn student_urgency(facts: &StudentFacts) -> Urgency {
    if facts.stay_urgent {
        Urgency::StayEndsSoonNothingFiled
    } else if facts.card_urgent {
        Urgency::CardExpiresBeforeStay
    } else {
        Urgency::None
    }
}

/// One application's row; the student's own urgencies go on their newest application only.
fn app_row(
    student: &LinkedRow,
    app: &ApplicationRow,
    facts: &StudentFacts,
    newest: bool,
    filed_by: Option<FiledBy>,
) -> BoardRow {
    let status = ApplicationStatus::parse(&app.status).unwrap_or(ApplicationStatus::Pending);
    let urgency = if status == ApplicationStatus::InReturnProcess {
        Urgency::ReturnedForChanges
    } else if newest {
        student_urgency(facts)
    } else {
        Urgency::None
    };
    let procedure = zairyu_forms::procedure(&app.procedure_id);
    BoardRow {
        student_user_id: student.user.id.clone(),
        student_name: student.user.name_en.clone(),
        application_id: Some(app.id),
        reference_number: Some(app.reference_number.clone()),
        procedure_id: Some(app.procedure_id.clone()),
        procedure_name_en: procedure.map(|p| p.name_en.clone()),
        procedure_name_ja: procedure.map(|p| p.name_ja.clone()),
        status: Some(status),
        revision_request: app.revision_request.clone(),
        last_change: app.updated_at,
        next_actor: match urgency {
            Urgency::StayEndsSoonNothingFiled => NextActor::School,
            Urgency::CardExpiresBeforeStay => NextActor::Student,
            _ => next_actor(status),
        },
        urgency,
        stay_expires_on: facts.stay_ends.map(date_text),
        card_expires_on: facts.card_ends.map(date_text),
        filed_by,
    }
}

/// Most urgent first; a stay or a card that ends sooner first; then the newest change.
fn board_order(a: &BoardRow, b: &BoardRow) -> Ordering {
    a.urgency
        .cmp(&b.urgency)
        .then_with(|| match a.urgency {
            Urgency::StayEndsSoonNothingFiled => a.stay_expires_on.cmp(&b.stay_expires_on),
            Urgency::CardExpiresBeforeStay => a.card_expires_on.cmp(&b.card_expires_on),
            _ => Ordering::Equal,
        })
        .then_with(|| b.last_change.cmp(&a.last_change))
        .then_with(|| b.application_id.cmp(&a.application_id))
        .then_with(|| a.student_user_id.cmp(&b.student_user_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(urgency: Urgency, last_change: i64, id: i64) -> BoardRow {
        BoardRow {
            student_user_id: "ZR1".into(),
            student_name: "A".into(),
            application_id: Some(id),
            reference_number: None,
            procedure_id: None,
            procedure_name_en: None,
            procedure_name_ja: None,
            status: None,
            revision_request: None,
            last_change,
            next_actor: NextActor::Agency,
            urgency,
            stay_expires_on: None,
            card_expires_on: None,
            filed_by: None,
        }
    }

    #[test]
    fn urgency_comes_before_the_last_change() {
        let mut rows = vec![
            row(Urgency::None, 50, 1),
            row(Urgency::CardExpiresBeforeStay, 10, 2),
            row(Urgency::ReturnedForChanges, 1, 3),
            row(Urgency::None, 90, 4),
            row(Urgency::StayEndsSoonNothingFiled, 5, 5),
        ];
        rows.sort_by(board_order);
        let ids: Vec<_> = rows.iter().map(|r| r.application_id.unwrap()).collect();
        assert_eq!(ids, vec![3, 5, 2, 4, 1]);
    }
}
