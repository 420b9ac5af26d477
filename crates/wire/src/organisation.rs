//! Organisations (schools and attorney offices), their staff, the student's links to them, the
//! advisor's board and proxy filing: what the app sends and what the server answers.
//!
//! The HTTP routes (every one needs `Authorization: Bearer <token>` except the two
//! invitation routes, which take the invitation code from the mail instead):
//!
//! Staff invitation and registration (the invitation is made by `zairyu org add-staff`):
//! - `POST /api/staff/invitation`   [`InvitationCodeRequest`] → [`StaffInvitation`]
//!   (which organisation and address the code is for; `link_invalid` when used or expired)
//! - `POST /api/staff/register`     [`StaffRegistrationRequest`] → `Registered` (user ID)
//!
//! The student (any applicant account) and their organisations:
//! - `GET    /api/organisations/{id}`          → [`OrganisationSummary`] (look one up before linking)
//! - `GET    /api/me/organisations`            → [`OrganisationLinks`]
//! - `POST   /api/me/organisations`            [`LinkOrganisationRequest`] → [`OrganisationLinks`]
//! - `DELETE /api/me/organisations/{id}`       → [`OrganisationLinks`] (staff lose access at once)
//! - `POST   /api/usage` also takes `organisation_id` (links in the same step)
//!
//! Staff (user type `organisation_staff` of a school, `attorney` of an attorney office):
//! - `GET /api/staff/organisation`   → [`StaffOrganisation`] (validity and its notice)
//! - `GET /api/staff/students`       → [`LinkedStudents`] (who staff may file for)
//! - `GET /api/staff/board?page=&page_size=&search=&status=&procedure=` → [`BoardPage`]
//!   (query: [`BoardQuery`])
//! - `GET /api/applications`, `GET /api/applications/{id}`, `…/details`, `…/files/{sha256}`
//!   answer staff the applications of their linked students too
//! - `POST /api/applications` with `metadata.for_user` = the student's user ID: proxy filing
//!   (signed with the student's card; the signed content names the student in `applicant`)
//! - `POST /api/applications/{id}/resubmit` for a linked student's returned application
//!
//! Errors: `organisation_unknown` (404), `organisation_expired` (403), `not_staff` (403),
//! `not_linked` (403, filing for a student who is not linked), `already_linked` (409, never
//! returned by link: linking twice answers the links), `bad_page` (400).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::{IntoParams, ToSchema};

use crate::status::ApplicationStatus;

/// What kind of organisation: a school (its staff are `organisation_staff`) or an attorney
/// office of 行政書士 (its staff are `attorney`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, ToSchema, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    #[default]
    School,
    AttorneyOffice,
}

impl OrganisationKind {
    /// The wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::School => "school",
            OrganisationKind::AttorneyOffice => "attorney_office",
        }
    }

    /// The kind with this wire name.
    pub fn parse(name: &str) -> Option<OrganisationKind> {
        match name {
            "school" => Some(OrganisationKind::School),
            "attorney_office" => Some(OrganisationKind::AttorneyOffice),
            _ => None,
        }
    }

    /// The user type of this kind's staff: `organisation_staff` or `attorney`.
    pub const fn staff_user_type(self) -> &'static str {
        match self {
            OrganisationKind::School => "organisation_staff",
            OrganisationKind::AttorneyOffice => "attorney",
        }
    }
}

/// An organisation as its staff and the CLI see it. Its registration is valid three years
/// (RASENS); from 90 days before `valid_until` the answer carries `notice`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct Organisation {
    /// `ORG` and eight digits.
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    /// Unix seconds.
    #[ts(type = "number")]
    pub created_at: i64,
    /// The last day the registration is valid (`YYYY-MM-DD`, Japan).
    pub valid_until: String,
    /// The registration ended (staff can no longer see or file anything).
    pub expired: bool,
    /// Present from 90 days before `valid_until`: the registration ends soon (or has ended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notice: Option<OrganisationNotice>,
}

/// The notice an organisation's staff see before its registration ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct OrganisationNotice {
    /// Days left until `valid_until` (0 on the last day; negative once ended).
    #[ts(type = "number")]
    pub days_left: i64,
    pub message_en: String,
    pub message_ja: String,
}

/// An organisation as a student sees it (no staff, no validity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct OrganisationSummary {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
}

/// One staff member of an organisation (CLI `org show`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct StaffMember {
    pub user_id: String,
    pub name_en: String,
    pub email: String,
    /// `organisation_staff` or `attorney`.
    pub user_type: String,
}

/// An invitation not yet used (CLI `org show`), or the one an invitation code is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct StaffInvitation {
    pub organisation: OrganisationSummary,
    pub email: String,
    /// Unix seconds after which the code no longer works (7 days after it was made).
    #[ts(type = "number")]
    pub expires_at: i64,
}

/// `zairyu org show --json`: the organisation, its staff and open invitations, and how many
/// students are linked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct OrganisationDetails {
    pub organisation: Organisation,
    pub staff: Vec<StaffMember>,
    pub invitations: Vec<StaffInvitation>,
    #[ts(type = "number")]
    pub linked_students: i64,
}

/// `POST /api/staff/invitation`: the code from the invitation mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct InvitationCodeRequest {
    pub code: String,
}

/// `POST /api/staff/register`: a staff member registers with the code of their invitation
/// (the address is the invited one; the user type follows the organisation's kind).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct StaffRegistrationRequest {
    pub code: String,
    pub name_en: String,
    pub telephone: String,
    pub password: String,
}

/// `GET /api/staff/organisation`: the staff member's organisation (with its notice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct StaffOrganisation {
    pub organisation: Organisation,
    /// The signed-in staff member.
    pub staff: StaffMember,
}

/// `POST /api/me/organisations`: link the student to a school or attorney office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct LinkOrganisationRequest {
    pub organisation_id: String,
}

/// One organisation a student is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct OrganisationLink {
    pub organisation: OrganisationSummary,
    /// Unix seconds.
    #[ts(type = "number")]
    pub linked_at: i64,
}

/// The student's current links (`GET`, `POST`, `DELETE /api/me/organisations…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct OrganisationLinks {
    pub links: Vec<OrganisationLink>,
}

/// A student linked to the staff member's organisation (`GET /api/staff/students`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct LinkedStudent {
    pub user_id: String,
    pub name_en: String,
    /// The student's card is bound (the usage application is done): only then can staff
    /// file for them.
    pub usage_application_done: bool,
    #[ts(type = "number")]
    pub linked_at: i64,
}

/// `GET /api/staff/students`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct LinkedStudents {
    pub students: Vec<LinkedStudent>,
}

/// Who files an application for whom, on [`crate::Application`]: set when staff filed it for
/// a student (proxy filing), absent when the student filed it themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct FiledBy {
    /// The staff member's user ID and name.
    pub user_id: String,
    pub name_en: String,
    /// Their organisation at the time of filing.
    pub organisation_id: String,
    pub organisation_name: String,
}

/// The student an application was filed for, on [`crate::Application`] (with [`FiledBy`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct FiledFor {
    pub user_id: String,
    pub name_en: String,
}

/// `GET /api/staff/board` query. `page` counts from 1; `page_size` 1–200 (default 50).
/// `search` matches the student's name or user ID and the reference number (case-insensitive,
/// every word); `status` and `procedure` filter (a row without an application has no status,
/// so a status filter leaves it out).
#[derive(
    Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS, ToSchema, IntoParams,
)]
#[into_params(parameter_in = Query)]
pub struct BoardQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub page_size: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub search: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<ApplicationStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub procedure: Option<String>,
}

/// Who must act next on a board row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NextActor {
    /// The student (change a returned application, renew the card, collect the card).
    Student,
    /// The school / attorney office (prepare an application: the stay ends, nothing filed).
    School,
    /// The immigration agency (pending, accepted, under review, awaiting issuance).
    Agency,
}

/// Why a board row is urgent; rows sort by this first, in this order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// The examiner returned the application for changes (In Return Process).
    ReturnedForChanges,
    /// The period of stay ends within 3 months and nothing was filed since 3 months before
    /// its end.
    StayEndsSoonNothingFiled,
    /// The card's certificate (bound by the usage application) expires before the period of
    /// stay ends.
    CardExpiresBeforeStay,
    /// Nothing urgent.
    None,
}

/// One row of the advisor's board: an application of a linked student, or a linked student
/// with nothing filed (then the application fields are absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct BoardRow {
    pub student_user_id: String,
    pub student_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub application_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reference_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub procedure_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub procedure_name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub procedure_name_ja: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<ApplicationStatus>,
    /// What the examiner asked to change (In Return Process).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub revision_request: Option<String>,
    /// Unix seconds: the application's last change, or when the student linked.
    #[ts(type = "number")]
    pub last_change: i64,
    pub next_actor: NextActor,
    pub urgency: Urgency,
    /// The end of the period of stay as the student gave it (`YYYY-MM-DD`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stay_expires_on: Option<String>,
    /// The last day of the bound card certificate (`YYYY-MM-DD`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub card_expires_on: Option<String>,
    /// Set when staff filed this application for the student.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub filed_by: Option<FiledBy>,
}

/// `GET /api/staff/board`: one page of rows, most urgent first, and how many rows match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct BoardPage {
    pub rows: Vec<BoardRow>,
    /// Rows matching the search and filters, over all pages.
    #[ts(type = "number")]
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kinds_and_urgencies_travel_as_snake_case_and_sort_in_board_order() {
        assert_eq!(
            serde_json::to_value(OrganisationKind::AttorneyOffice).unwrap(),
            json!("attorney_office")
        );
        assert_eq!(
            OrganisationKind::parse("school"),
            Some(OrganisationKind::School)
        );
        assert_eq!(
            OrganisationKind::AttorneyOffice.staff_user_type(),
            "attorney"
        );
        assert_eq!(
            serde_json::to_value(Urgency::StayEndsSoonNothingFiled).unwrap(),
            json!("stay_ends_soon_nothing_filed")
        );
        let mut u = vec![
            Urgency::None,
            Urgency::CardExpiresBeforeStay,
            Urgency::ReturnedForChanges,
            Urgency::StayEndsSoonNothingFiled,
        ];
        u.sort();
        assert_eq!(
            u,
            vec![
                Urgency::ReturnedForChanges,
                Urgency::StayEndsSoonNothingFiled,
                Urgency::CardExpiresBeforeStay,
                Urgency::None
            ]
        );
    }

    #[test]
    fn a_board_query_reads_from_nothing() {
        let q: BoardQuery = serde_json::from_value(json!({})).unwrap();
        assert_eq!(q, BoardQuery::default());
        let q: BoardQuery =
            serde_json::from_value(json!({"status": "in_return_process", "page": 2})).unwrap();
        assert_eq!(q.status, Some(ApplicationStatus::InReturnProcess));
        assert_eq!(q.page, Some(2));
    }
}
