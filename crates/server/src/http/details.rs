//! The applicant's Application Details (manual 5.1 step 5): the application with its status
//! history, newest form and files, and each file's download.

use super::*;
use zairyu_wire::{ApplicationDetails, DetailFile};

#[utoipa::path(get, path = "/api/applications/{id}/details", operation_id = "getApplicationDetails", params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationDetails), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn get_application_details(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<ApplicationDetails> {
    let id = parse_id(&id)?;
    let (row, history, applicant_name) = off_the_workers(|| s.application_details(&user, id))?;
    let record = answers::application_record(&row)?;
    let newest = record.versions.last();
    answer(ApplicationDetails {
        application: record.application.clone(),
        applicant_name,
        history,
        versions: record.versions.len() as i64,
        form: newest.map(|v| v.form.clone()).unwrap_or_default(),
        files: newest
            .map(|v| {
                v.files
                    .iter()
                    .map(|f| DetailFile {
                        name: f.name.clone(),
                        sha256: f.sha256.clone(),
                        bytes: f.bytes,
                        kind: f.kind.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    })
}

#[utoipa::path(get, path = "/api/applications/{id}/files/{sha256}", operation_id = "downloadApplicationFile", params(("id" = String, Path, description = "application id"), ("sha256" = String, Path, description = "the file's SHA-256")), responses((status = 200, description = "The file", content_type = "application/octet-stream"), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn download_application_file(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path((id, sha256)): Path<(String, String)>,
) -> Result<axum::response::Response, ApiError> {
    let id = parse_id(&id)?;
    let (name, bytes) = off_the_workers(|| s.application_file(&user, id, &sha256))?;
    Ok(file_download(&name, bytes))
}
