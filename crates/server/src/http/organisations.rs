//! Organisations over HTTP: staff invitations and registration, the student's links to a
//! school or attorney office, and the staff member's organisation, students and board. Thin
//! handlers over the office (`service/organisations.rs`, `links.rs`, `board.rs`).

use super::accounts::Client;
use super::*;
use zairyu_wire::{
    BoardPage, BoardQuery, InvitationCodeRequest, LinkOrganisationRequest, LinkedStudents,
    OrganisationLinks, OrganisationSummary, StaffInvitation, StaffOrganisation,
    StaffRegistrationRequest,
};

#[utoipa::path(post, path = "/api/staff/invitation", operation_id = "getStaffInvitation", request_body = InvitationCodeRequest, responses((status = 200, description = "The organisation and address the code is for", body = StaffInvitation), (status = 400, description = "Used or expired", body = ErrorBody), (status = 429, description = "Too many requests", body = ErrorBody)))]
pub(super) async fn staff_invitation(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<InvitationCodeRequest>,
) -> Reply<StaffInvitation> {
    s.client_allowed("staff_invitation", &client)?;
    answer(off_the_workers(|| s.staff_invitation(&b.code))?)
}

#[utoipa::path(post, path = "/api/staff/register", operation_id = "registerStaff", request_body = StaffRegistrationRequest, responses((status = 200, description = "The new staff account's user ID (also mailed)", body = Registered), (status = 400, description = "Bad input, or the code is used or expired", body = ErrorBody), (status = 409, description = "The address has an account", body = ErrorBody), (status = 429, description = "Too many requests", body = ErrorBody)))]
pub(super) async fn register_staff(
    State(s): State<AppState>,
    Client(client): Client,
    Body(b): Body<StaffRegistrationRequest>,
) -> Reply<Registered> {
    s.client_allowed("register", &client)?;
    let user_id =
        off_the_workers(|| s.register_staff(&b.code, &b.name_en, &b.telephone, &b.password))?;
    answer(Registered { user_id })
}

#[utoipa::path(get, path = "/api/organisations/{id}", operation_id = "getOrganisation", params(("id" = String, Path, description = "organisation id (ORG…)")), responses((status = 200, description = "Its name and kind", body = OrganisationSummary), (status = 401, description = "Not signed in", body = ErrorBody), (status = 404, description = "No such organisation", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn get_organisation(
    State(s): State<AppState>,
    Auth(_, _): Auth,
    Path(id): Path<String>,
) -> Reply<OrganisationSummary> {
    answer(off_the_workers(|| s.organisation_summary(&id))?)
}

#[utoipa::path(get, path = "/api/me/organisations", operation_id = "listMyOrganisations", responses((status = 200, description = "The organisations the account is linked to", body = OrganisationLinks), (status = 401, description = "Not signed in", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn my_organisations(
    State(s): State<AppState>,
    Auth(user, _): Auth,
) -> Reply<OrganisationLinks> {
    answer(off_the_workers(|| s.links(&user))?)
}

#[utoipa::path(post, path = "/api/me/organisations", operation_id = "linkOrganisation", request_body = LinkOrganisationRequest, responses((status = 200, description = "The links now", body = OrganisationLinks), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Staff cannot link; the organisation's registration ended", body = ErrorBody), (status = 404, description = "No such organisation", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn link_organisation(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<LinkOrganisationRequest>,
) -> Reply<OrganisationLinks> {
    answer(off_the_workers(|| {
        s.link_organisation(&user, &b.organisation_id)
    })?)
}

#[utoipa::path(delete, path = "/api/me/organisations/{id}", operation_id = "unlinkOrganisation", params(("id" = String, Path, description = "organisation id (ORG…)")), responses((status = 200, description = "The links now", body = OrganisationLinks), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not a student", body = ErrorBody), (status = 404, description = "Not linked", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn unlink_organisation(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<OrganisationLinks> {
    answer(off_the_workers(|| s.unlink_organisation(&user, &id))?)
}

#[utoipa::path(get, path = "/api/staff/organisation", operation_id = "getStaffOrganisation", responses((status = 200, description = "The staff member's organisation, its validity and notice", body = StaffOrganisation), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not staff", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn staff_organisation(
    State(s): State<AppState>,
    Auth(user, _): Auth,
) -> Reply<StaffOrganisation> {
    answer(off_the_workers(|| s.staff_organisation(&user))?)
}

#[utoipa::path(get, path = "/api/staff/students", operation_id = "listLinkedStudents", responses((status = 200, description = "The students linked to the organisation", body = LinkedStudents), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not staff, or the registration ended", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn staff_students(
    State(s): State<AppState>,
    Auth(user, _): Auth,
) -> Reply<LinkedStudents> {
    answer(off_the_workers(|| s.linked_students(&user))?)
}

#[utoipa::path(get, path = "/api/staff/board", operation_id = "getBoard", params(BoardQuery), responses((status = 200, description = "One page of the board, most urgent first", body = BoardPage), (status = 400, description = "Bad page", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not staff, or the registration ended", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn staff_board(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    query: Result<Query<BoardQuery>, axum::extract::rejection::QueryRejection>,
) -> Reply<BoardPage> {
    let Query(query) = query.map_err(|e| {
        ApiError::bad(
            ErrorCode::BadRequest.as_str(),
            format!("The query is not what this call expects: {}", e.body_text()),
        )
    })?;
    answer(off_the_workers(|| s.board(&user, &query))?)
}
