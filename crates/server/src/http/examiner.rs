//! The examiner's handlers: list, view, set a status, request a revision, download a file.

use super::*;

#[derive(Deserialize)]
pub(super) struct StatusQuery {
    status: Option<String>,
}

#[utoipa::path(get, path = "/api/examiner/applications", operation_id = "examinerListApplications", params(("status" = Option<String>, Query, description = "only this status")), responses((status = 200, description = "Done", body = [ApplicationRecord]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn examiner_list_applications(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Query(q): Query<StatusQuery>,
) -> Reply<Vec<ApplicationRecord>> {
    let apps = off_the_workers(|| s.examiner_list(&user, q.status.as_deref()))?;
    answer(answers::application_records(&apps)?)
}

#[utoipa::path(get, path = "/api/examiner/applications/{id}", operation_id = "examinerGetApplication", params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ExaminerApplication), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn examiner_get_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<ExaminerApplication> {
    let id = parse_id(&id)?;
    let (app, audit) = off_the_workers(|| s.examiner_view(&user, id))?;
    answer(answers::examiner_application(&app, audit)?)
}

#[utoipa::path(post, path = "/api/examiner/applications/{id}/status", operation_id = "examinerSetStatus", request_body = StatusChangeRequest, params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn examiner_set_status(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    Body(b): Body<StatusChangeRequest>,
) -> Reply<ApplicationRecord> {
    let id = parse_id(&id)?;
    let app = off_the_workers(|| s.set_status(&user, id, b.status.as_str()))?;
    answer(answers::application_record(&app)?)
}

#[utoipa::path(post, path = "/api/examiner/applications/{id}/revision", operation_id = "examinerRequestRevision", request_body = ReturnForRevisionRequest, params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn examiner_request_revision(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    Body(b): Body<ReturnForRevisionRequest>,
) -> Reply<ApplicationRecord> {
    let id = parse_id(&id)?;
    let app = off_the_workers(|| s.request_revision(&user, id, &b.message))?;
    answer(answers::application_record(&app)?)
}

#[utoipa::path(get, path = "/api/examiner/applications/{id}/files/{sha256}", operation_id = "examinerDownloadFile", params(("id" = String, Path, description = "application id"), ("sha256" = String, Path, description = "the file's SHA-256")), responses((status = 200, description = "The file", content_type = "application/octet-stream"), (status = 403, description = "Not an examiner", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn examiner_download_file(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path((id, sha256)): Path<(String, String)>,
) -> Result<axum::response::Response, ApiError> {
    let id = parse_id(&id)?;
    let (name, bytes) = off_the_workers(|| s.examiner_file(&user, id, &sha256))?;
    Ok(file_download(&name, bytes))
}
