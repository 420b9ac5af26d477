//! The procedures and the applicant's applications: the catalog, filing (multipart streamed to
//! disk with the limits enforced while streaming), listing, resubmission, the change of the
//! method of receipt.

use super::staging::{Progress, StagedUploads};
use super::*;

#[utoipa::path(get, path = "/api/health", operation_id = "getHealth", responses((status = 200, description = "Up: the profile, whether the demo CA is trusted, the server id signatures are bound to", body = zairyu_wire::ServerHealth)))]
pub(super) async fn health(State(s): State<AppState>) -> Reply<zairyu_wire::ServerHealth> {
    answer(s.health())
}

#[derive(Deserialize)]
pub(super) struct SearchQuery {
    #[serde(default)]
    search: String,
    #[serde(default)]
    synonyms: bool,
}

#[utoipa::path(get, path = "/api/procedures", operation_id = "listProcedures", params(("search" = Option<String>, Query, description = "keywords, all must match"), ("synonyms" = Option<bool>, Query, description = "widen each keyword")), responses((status = 200, description = "Done", body = [CatalogProcedure]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn list_procedures(Query(q): Query<SearchQuery>) -> Reply<Vec<CatalogProcedure>> {
    answer(
        zairyu_forms::search(&q.search, q.synonyms)
            .into_iter()
            .map(answers::catalog_procedure)
            .collect(),
    )
}

#[utoipa::path(get, path = "/api/procedures/{id}", operation_id = "getProcedure", params(("id" = String, Path, description = "procedure id")), responses((status = 200, description = "Done", body = ProcedureDetail), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
pub(super) async fn get_procedure(Path(id): Path<String>) -> Reply<ProcedureDetail> {
    let p = zairyu_forms::procedure(&id).ok_or_else(|| ApiError::not_found("procedure"))?;
    answer(answers::procedure_detail(p))
}

/// Streams the multipart parts: `metadata` (JSON) and files named `photo` / `attachment`.
/// Each file goes to a temporary file, then under its digest for the checks; the returned
/// [`StagedUploads`] removes them again when dropped unless the handler accepts them (so a
/// rejected submission, an error here or a dropped connection leaves nothing behind). A body
/// that stalls or crawls below the upload pacing is cut off (`upload_too_slow`).
pub(super) async fn receive(
    s: &ReceptionOffice,
    mut parts: Multipart,
) -> Result<(SubmissionMeta, Vec<StoredFile>, StagedUploads), ApiError> {
    let mut meta: Option<String> = None;
    let mut files: Vec<StoredFile> = Vec::new();
    let mut total: u64 = 0;
    let mut staged = StagedUploads::default();
    let mut progress = Progress::start();
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        ApiError::bad(
            ErrorCode::BadUpload.as_str(),
            format!("The upload could not be read: {e}"),
        )
    };
    let too_slow = || {
        ApiError::new(408, ErrorCode::UploadTooSlow.as_str(), "The upload stalled or was too slow and was cut off; send it again on a steadier connection.")
    };
    loop {
        let next = tokio::time::timeout(progress.idle(), parts.next_field())
            .await
            .map_err(|_| too_slow())?;
        let Some(mut field) = next.map_err(unreadable)? else {
            break;
        };
        match field.name().unwrap_or_default() {
            "metadata" => {
                let text = tokio::time::timeout(progress.idle(), field.text())
                    .await
                    .map_err(|_| too_slow())?;
                meta =
                    Some(text.map_err(|e| {
                        ApiError::bad(ErrorCode::BadUpload.as_str(), e.to_string())
                    })?);
            }
            kind @ ("photo" | "attachment") => {
                let kind = kind.to_owned();
                if files.len() >= MAX_FILES {
                    return Err(ApiError::new(
                        413,
                        ErrorCode::TooManyFiles.as_str(),
                        "At most 20 files (the photo included) can be sent.",
                    ));
                }
                let name = field
                    .file_name()
                    .unwrap_or("file")
                    .chars()
                    .filter(|c| !c.is_control() && *c != '/' && *c != '\\')
                    .take(100)
                    .collect::<String>();
                let temp = staged.temp_in(&s.files_dir);
                // Readable by the server's user only, like every file of the data folder.
                let mut options = tokio::fs::OpenOptions::new();
                options.write(true).create(true).truncate(true);
                #[cfg(unix)]
                options.mode(0o600);
                let mut out = options.open(&temp).await.map_err(ApiError::internal)?;
                let mut hasher = Sha256::new();
                let mut bytes: u64 = 0;
                loop {
                    let chunk = tokio::time::timeout(progress.idle(), field.chunk())
                        .await
                        .map_err(|_| too_slow())?;
                    let Some(chunk) = chunk.map_err(|e| {
                        ApiError::bad(
                            ErrorCode::BadUpload.as_str(),
                            format!("The upload was cut off: {e}"),
                        )
                    })?
                    else {
                        break;
                    };
                    total += chunk.len() as u64;
                    bytes += chunk.len() as u64;
                    if total > MAX_TOTAL_BYTES {
                        return Err(ApiError::new(413, ErrorCode::TooLarge.as_str(), "The files together exceed 25,000,000 bytes; shrink or merge them (zairyu fix)."));
                    }
                    if !progress.advance(chunk.len() as u64) {
                        return Err(too_slow());
                    }
                    hasher.update(&chunk);
                    out.write_all(&chunk).await.map_err(ApiError::internal)?;
                }
                out.sync_all().await.map_err(ApiError::internal)?;
                drop(out);
                let sha256: String = hasher
                    .finalize()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                staged
                    .settle(&temp, s.files_dir.join(&sha256))
                    .map_err(ApiError::internal)?;
                files.push(StoredFile {
                    name,
                    sha256,
                    bytes,
                    kind,
                });
            }
            other => {
                return Err(ApiError::bad(
                    ErrorCode::BadUpload.as_str(),
                    format!(
                        "Unexpected part {other:?}: send metadata, photo and attachment parts."
                    ),
                ))
            }
        }
    }
    let meta = meta.ok_or_else(|| {
        ApiError::bad(
            ErrorCode::BadMetadata.as_str(),
            "The metadata part is missing.",
        )
    })?;
    let meta: SubmissionMetadata = serde_json::from_str(&meta).map_err(|e| {
        ApiError::bad(
            ErrorCode::BadMetadata.as_str(),
            format!("The metadata part is not valid: {e}"),
        )
    })?;
    Ok((answers::submission_meta(meta), files, staged))
}

#[utoipa::path(post, path = "/api/applications", operation_id = "submitApplication", request_body(content = UploadForm, content_type = "multipart/form-data"), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn submit_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    parts: Multipart,
) -> Reply<ApplicationRecord> {
    let (meta, files, staged) = receive(&s, parts).await?;
    let app = off_the_workers(|| s.submit(&user, &meta, &files))?;
    staged.accept();
    answer(answers::application_record(&app)?)
}

#[derive(Deserialize)]
pub(super) struct KeywordQuery {
    keyword: Option<String>,
}

#[utoipa::path(get, path = "/api/applications", operation_id = "listApplications", params(("keyword" = Option<String>, Query, description = "keywords over numbers and procedure name")), responses((status = 200, description = "Done", body = [ApplicationRecord]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn list_applications(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Query(q): Query<KeywordQuery>,
) -> Reply<Vec<ApplicationRecord>> {
    let apps = off_the_workers(|| s.list_for(&user, q.keyword.as_deref()))?;
    answer(answers::application_records(&apps)?)
}

#[utoipa::path(get, path = "/api/applications/{id}", operation_id = "getApplication", params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn get_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<ApplicationRecord> {
    let id = parse_id(&id)?;
    answer(answers::application_record(&off_the_workers(|| {
        s.application_for(&user, id)
    })?)?)
}

#[utoipa::path(post, path = "/api/applications/{id}/resubmit", operation_id = "resubmitApplication", request_body(content = UploadForm, content_type = "multipart/form-data"), params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn resubmit_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    parts: Multipart,
) -> Reply<ApplicationRecord> {
    let id = parse_id(&id)?;
    let (meta, files, staged) = receive(&s, parts).await?;
    let app = off_the_workers(|| s.resubmit(&user, id, &meta, &files))?;
    staged.accept();
    answer(answers::application_record(&app)?)
}

#[utoipa::path(post, path = "/api/receipt-method", operation_id = "changeReceiptMethod", request_body = ReceiptMethodRequest, responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn change_receipt_method(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<ReceiptMethodRequest>,
) -> Reply<ApplicationRecord> {
    let app = off_the_workers(|| s.change_receipt_method(&user, &b.form))?;
    answer(answers::application_record(&app)?)
}

/// `GET /api/applications/reusable` and the list's search (manual 5.1 step 4, 6.3).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct PastQuery {
    /// Any of the numbers or the applicant's name.
    #[serde(default)]
    related: String,
    /// Keywords of the procedure name, all must match.
    #[serde(default)]
    procedure: String,
    /// The application date, `YYYYMMDD` (Japan time).
    #[serde(default)]
    date: String,
}

impl PastQuery {
    fn search(self) -> crate::service::PastSearch {
        crate::service::PastSearch {
            related: self.related,
            procedure: self.procedure,
            date: self.date,
        }
    }
}

#[utoipa::path(get, path = "/api/applications/reusable", operation_id = "listReusableApplications", params(PastQuery), responses((status = 200, description = "Applications of the last two years that match", body = [ApplicationRecord]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody)), security(("bearer" = [])))]
pub(super) async fn list_reusable_applications(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Query(q): Query<PastQuery>,
) -> Reply<Vec<ApplicationRecord>> {
    answer(answers::application_records(&off_the_workers(|| {
        s.search_applications(&user, &q.search(), true)
    })?)?)
}
