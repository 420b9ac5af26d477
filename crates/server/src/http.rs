//! The JSON API: thin handlers over [`ReceptionOffice`]. Multipart uploads are streamed to disk with the
//! limits enforced while streaming (≤ 20 files, ≤ 25,000,000 bytes including the photo), each
//! file named by its SHA-256; a request past a limit is cut off, its partial files removed.

use std::sync::Arc;
use std::time::Duration;

use std::net::SocketAddr;

use axum::extract::{
    ConnectInfo, DefaultBodyLimit, FromRequestParts, Multipart, Path, Query, State,
};
use axum::http::request::Parts;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use utoipa::OpenApi;

use zairyu_wire::{
    Account, ApplicationRecord, CatalogProcedure, CompleteRegistrationRequest, ConfirmedEmail,
    Done, EmailRequest, EmailTwiceRequest, ErrorBody, ErrorCode, ExaminerApplication,
    ForgotPasswordRequest, LoginRequest, PasswordChangeRequest, PasswordResetRequest,
    ProcedureDetail, ProfileChangeRequest, ReceiptMethodRequest, Registered,
    ReturnForRevisionRequest, Sent, SessionToken, StatusChangeRequest, SubmissionMetadata,
    TokenRequest, UsageApplied, UsageChallenge, UsageRequest,
};

use crate::answers;
use crate::error::ApiError;
use crate::service::{ReceptionOffice, StoredFile, SubmissionMeta};
use crate::store::UserRow;

pub const MAX_FILES: usize = 20;
pub const MAX_TOTAL_BYTES: u64 = 25_000_000;

type AppState = Arc<ReceptionOffice>;
/// A handler's answer: a wire type, or the error.
type Reply<T> = Result<Answer<T>, ApiError>;

/// A wire type sent as JSON. Its keys go out sorted (through `serde_json::Value`), as they
/// always have, so the answers stay byte for byte what scripts have seen.
#[derive(Debug)]
pub struct Answer<T>(pub T);

fn answer<T>(value: T) -> Reply<T> {
    Ok(Answer(value))
}

impl<T: serde::Serialize> axum::response::IntoResponse for Answer<T> {
    fn into_response(self) -> axum::response::Response {
        match serde_json::to_value(&self.0) {
            Ok(value) => Json(value).into_response(),
            Err(e) => ApiError::internal(e).into_response(),
        }
    }
}

/// The signed-in user, from `Authorization: Bearer <token>`.
#[derive(Debug)]
pub struct Auth(pub UserRow, pub String);

impl FromRequestParts<AppState> for Auth {
    type Rejection = ApiError;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(ApiError::unauthorized)?
            .to_owned();
        Ok(Auth(state.session(&token)?, token))
    }
}

/// JSON bodies with a clear error instead of axum's plain-text rejection.
#[derive(Debug)]
pub struct Body<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequest<S> for Body<T> {
    type Rejection = ApiError;
    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(Body(v)),
            Err(e) => Err(ApiError::bad(
                ErrorCode::BadRequest.as_str(),
                format!(
                    "The request body is not what this call expects: {}",
                    e.body_text()
                ),
            )),
        }
    }
}

pub fn router(service: AppState) -> Router {
    let uploads = Router::new()
        .route(
            "/api/applications",
            post(submit_application).get(list_applications),
        )
        .route(
            "/api/applications/{id}/resubmit",
            post(resubmit_application),
        )
        .layer(DefaultBodyLimit::max(MAX_TOTAL_BYTES as usize + 2_000_000));
    Router::new()
        .route("/api/register", post(register))
        .route("/api/register/confirm", post(confirm_email))
        .route("/api/register/complete", post(complete_registration))
        .route("/api/login", post(login))
        .route("/api/logout", post(logout))
        .route("/api/forgot-user-id", post(forgot_user_id))
        .route("/api/me", get(me))
        .route("/api/me/password", post(change_password))
        .route("/api/me/profile", post(change_profile))
        .route("/api/me/email", post(change_email))
        .route("/api/me/email/confirm", post(confirm_email_change))
        .route(
            "/api/applications/reusable",
            get(list_reusable_applications),
        )
        .route("/api/forgot-password", post(forgot_password))
        .route("/api/reset-password", post(reset_password))
        .route("/api/favorites", get(list_favorites))
        .route(
            "/api/favorites/{id}",
            axum::routing::put(add_favorite).delete(remove_favorite),
        )
        .route("/api/receipt-method", post(change_receipt_method))
        .route("/openapi.json", get(openapi))
        .route("/api/usage/challenge", post(usage_challenge))
        .route("/api/usage", post(usage_apply))
        .route("/api/procedures", get(list_procedures))
        .route("/api/procedures/{id}", get(get_procedure))
        .route("/api/applications/{id}", get(get_application))
        .route(
            "/api/examiner/applications",
            get(examiner_list_applications),
        )
        .route(
            "/api/examiner/applications/{id}",
            get(examiner_get_application),
        )
        .route(
            "/api/examiner/applications/{id}/status",
            post(examiner_set_status),
        )
        .route(
            "/api/examiner/applications/{id}/files/{sha256}",
            get(examiner_download_file),
        )
        .route(
            "/api/examiner/applications/{id}/revision",
            post(examiner_request_revision),
        )
        .layer(DefaultBodyLimit::max(1_000_000))
        .merge(uploads)
        .fallback(|| async {
            ApiError::new(
                404,
                ErrorCode::NoSuchRoute.as_str(),
                "There is no such API call.",
            )
        })
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(120),
        ))
        .with_state(service)
}

#[utoipa::path(post, path = "/api/register", operation_id = "register", request_body = EmailTwiceRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn register(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(b): Body<EmailTwiceRequest>,
) -> Reply<Sent> {
    s.rate_limit(&format!("register:{}", peer.ip()), 20)?;
    s.register(&b.email, &b.email_again)?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/register/confirm", operation_id = "confirmEmail", request_body = TokenRequest, responses((status = 200, description = "Done", body = ConfirmedEmail), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn confirm_email(
    State(s): State<AppState>,
    Body(b): Body<TokenRequest>,
) -> Reply<ConfirmedEmail> {
    answer(ConfirmedEmail {
        email: s.confirm_email(&b.token)?,
    })
}

#[utoipa::path(post, path = "/api/register/complete", operation_id = "completeRegistration", request_body = CompleteRegistrationRequest, responses((status = 200, description = "Done", body = Registered), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn complete_registration(
    State(s): State<AppState>,
    Body(b): Body<CompleteRegistrationRequest>,
) -> Reply<Registered> {
    let id = s.complete_registration(
        &b.token,
        &b.user_type,
        &b.name_en,
        &b.telephone,
        &b.password,
    )?;
    answer(Registered { user_id: id })
}

#[utoipa::path(post, path = "/api/login", operation_id = "login", request_body = LoginRequest, responses((status = 200, description = "Done", body = SessionToken), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn login(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(b): Body<LoginRequest>,
) -> Reply<SessionToken> {
    s.rate_limit(&format!("login:{}", peer.ip()), 30)?;
    answer(SessionToken {
        token: s.login(&b.user_id, &b.password)?,
    })
}

#[utoipa::path(post, path = "/api/logout", operation_id = "logout", responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn logout(State(s): State<AppState>, Auth(_, token): Auth) -> Reply<Done> {
    s.logout(&token)?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/forgot-user-id", operation_id = "forgotUserId", request_body = EmailRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn forgot_user_id(State(s): State<AppState>, Body(b): Body<EmailRequest>) -> Reply<Sent> {
    s.forgot_user_id(&b.email)?;
    answer(Sent { sent: true })
}

#[utoipa::path(get, path = "/api/me", operation_id = "me", responses((status = 200, description = "Done", body = Account), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn me(Auth(user, _): Auth) -> Reply<Account> {
    answer(answers::account(&user))
}

#[utoipa::path(post, path = "/api/me/password", operation_id = "changePassword", request_body = PasswordChangeRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn change_password(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<PasswordChangeRequest>,
) -> Reply<Done> {
    s.change_password(&user, &b.current, &b.new)?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/usage/challenge", operation_id = "usageChallenge", responses((status = 200, description = "Done", body = UsageChallenge), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn usage_challenge(State(s): State<AppState>, Auth(user, _): Auth) -> Reply<UsageChallenge> {
    answer(UsageChallenge {
        nonce: s.usage_challenge(&user)?,
    })
}

#[utoipa::path(post, path = "/api/usage", operation_id = "usageApply", request_body = UsageRequest, responses((status = 200, description = "Done", body = UsageApplied), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn usage_apply(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<UsageRequest>,
) -> Reply<UsageApplied> {
    s.usage_apply(&user, &b.nonce, &b.certificate, &b.signature, &b.info)?;
    answer(UsageApplied {
        usage_application_done: true,
    })
}

#[derive(Deserialize)]
struct SearchQuery {
    #[serde(default)]
    search: String,
    #[serde(default)]
    synonyms: bool,
}

#[utoipa::path(get, path = "/api/procedures", operation_id = "listProcedures", params(("search" = Option<String>, Query, description = "keywords, all must match"), ("synonyms" = Option<bool>, Query, description = "widen each keyword")), responses((status = 200, description = "Done", body = [CatalogProcedure]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn list_procedures(Query(q): Query<SearchQuery>) -> Reply<Vec<CatalogProcedure>> {
    answer(
        zairyu_forms::search(&q.search, q.synonyms)
            .into_iter()
            .map(answers::catalog_procedure)
            .collect(),
    )
}

#[utoipa::path(get, path = "/api/procedures/{id}", operation_id = "getProcedure", params(("id" = String, Path, description = "procedure id")), responses((status = 200, description = "Done", body = ProcedureDetail), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn get_procedure(Path(id): Path<String>) -> Reply<ProcedureDetail> {
    let p = zairyu_forms::procedure(&id).ok_or_else(|| ApiError::not_found("procedure"))?;
    answer(answers::procedure_detail(p))
}

fn parse_id(text: &str) -> Result<i64, ApiError> {
    text.parse()
        .map_err(|_| ApiError::bad(ErrorCode::BadId.as_str(), "An application id is a number."))
}

/// Streams the multipart parts: `metadata` (JSON) and files named `photo` / `attachment`.
async fn receive(
    s: &ReceptionOffice,
    mut parts: Multipart,
) -> Result<(SubmissionMeta, Vec<StoredFile>), ApiError> {
    let mut meta: Option<String> = None;
    let mut files: Vec<StoredFile> = Vec::new();
    let mut total: u64 = 0;
    let mut temps: Vec<std::path::PathBuf> = Vec::new();
    let result: Result<(), ApiError> = async {
        while let Some(mut field) = parts.next_field().await.map_err(|e| ApiError::bad(ErrorCode::BadUpload.as_str(), format!("The upload could not be read: {e}")))? {
            match field.name().unwrap_or_default() {
                "metadata" => {
                    meta = Some(field.text().await.map_err(|e| ApiError::bad(ErrorCode::BadUpload.as_str(), e.to_string()))?);
                }
                kind @ ("photo" | "attachment") => {
                    let kind = kind.to_owned();
                    if files.len() >= MAX_FILES {
                        return Err(ApiError::new(413, ErrorCode::TooManyFiles.as_str(), "At most 20 files (the photo included) can be sent."));
                    }
                    let name = field.file_name().unwrap_or("file").chars().filter(|c| !c.is_control() && *c != '/' && *c != '\\').take(100).collect::<String>();
                    let temp = s.files_dir.join(format!(".upload-{}-{}", std::process::id(), crate::service::hash_token(&format!("{name}{total}{:?}", std::time::Instant::now()))));
                    temps.push(temp.clone());
                    let mut out = tokio::fs::File::create(&temp).await.map_err(ApiError::internal)?;
                    let mut hasher = Sha256::new();
                    let mut bytes: u64 = 0;
                    while let Some(chunk) = field.chunk().await.map_err(|e| ApiError::bad(ErrorCode::BadUpload.as_str(), format!("The upload was cut off: {e}")))? {
                        total += chunk.len() as u64;
                        bytes += chunk.len() as u64;
                        if total > MAX_TOTAL_BYTES {
                            return Err(ApiError::new(413, ErrorCode::TooLarge.as_str(), "The files together exceed 25,000,000 bytes; shrink or merge them (zairyu fix)."));
                        }
                        hasher.update(&chunk);
                        out.write_all(&chunk).await.map_err(ApiError::internal)?;
                    }
                    out.sync_all().await.map_err(ApiError::internal)?;
                    let sha256: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
                    tokio::fs::rename(&temp, s.files_dir.join(&sha256)).await.map_err(ApiError::internal)?;
                    files.push(StoredFile { name, sha256, bytes, kind });
                }
                other => return Err(ApiError::bad(ErrorCode::BadUpload.as_str(), format!("Unexpected part {other:?}: send metadata, photo and attachment parts."))),
            }
        }
        Ok(())
    }
    .await;
    for t in temps {
        let _ = tokio::fs::remove_file(t).await;
    }
    result?;
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
    Ok((answers::submission_meta(meta), files))
}

#[utoipa::path(post, path = "/api/applications", operation_id = "submitApplication", request_body(content = UploadForm, content_type = "multipart/form-data"), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn submit_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    parts: Multipart,
) -> Reply<ApplicationRecord> {
    let (meta, files) = receive(&s, parts).await?;
    let app = tokio::task::block_in_place(|| s.submit(&user, &meta, &files))?;
    answer(answers::application_record(&app)?)
}

#[derive(Deserialize)]
struct KeywordQuery {
    keyword: Option<String>,
}

#[utoipa::path(get, path = "/api/applications", operation_id = "listApplications", params(("keyword" = Option<String>, Query, description = "keywords over numbers and procedure name")), responses((status = 200, description = "Done", body = [ApplicationRecord]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn list_applications(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Query(q): Query<KeywordQuery>,
) -> Reply<Vec<ApplicationRecord>> {
    let apps = s.list_for(&user, q.keyword.as_deref())?;
    answer(answers::application_records(&apps)?)
}

#[utoipa::path(get, path = "/api/applications/{id}", operation_id = "getApplication", params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn get_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<ApplicationRecord> {
    let id = parse_id(&id)?;
    answer(answers::application_record(&s.application_for(&user, id)?)?)
}

#[utoipa::path(post, path = "/api/applications/{id}/resubmit", operation_id = "resubmitApplication", request_body(content = UploadForm, content_type = "multipart/form-data"), params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn resubmit_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    parts: Multipart,
) -> Reply<ApplicationRecord> {
    let id = parse_id(&id)?;
    let (meta, files) = receive(&s, parts).await?;
    let app = tokio::task::block_in_place(|| s.resubmit(&user, id, &meta, &files))?;
    answer(answers::application_record(&app)?)
}

#[derive(Deserialize)]
struct StatusQuery {
    status: Option<String>,
}

#[utoipa::path(get, path = "/api/examiner/applications", operation_id = "examinerListApplications", params(("status" = Option<String>, Query, description = "only this status")), responses((status = 200, description = "Done", body = [ApplicationRecord]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn examiner_list_applications(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Query(q): Query<StatusQuery>,
) -> Reply<Vec<ApplicationRecord>> {
    let apps = s.examiner_list(&user, q.status.as_deref())?;
    answer(answers::application_records(&apps)?)
}

#[utoipa::path(get, path = "/api/examiner/applications/{id}", operation_id = "examinerGetApplication", params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ExaminerApplication), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn examiner_get_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<ExaminerApplication> {
    let id = parse_id(&id)?;
    let (app, audit) = s.examiner_view(&user, id)?;
    answer(answers::examiner_application(&app, audit)?)
}

#[utoipa::path(post, path = "/api/examiner/applications/{id}/status", operation_id = "examinerSetStatus", request_body = StatusChangeRequest, params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn examiner_set_status(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    Body(b): Body<StatusChangeRequest>,
) -> Reply<ApplicationRecord> {
    let id = parse_id(&id)?;
    let app = s.set_status(&user, id, b.status.as_str())?;
    answer(answers::application_record(&app)?)
}

#[utoipa::path(post, path = "/api/examiner/applications/{id}/revision", operation_id = "examinerRequestRevision", request_body = ReturnForRevisionRequest, params(("id" = String, Path, description = "application id")), responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn examiner_request_revision(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    Body(b): Body<ReturnForRevisionRequest>,
) -> Reply<ApplicationRecord> {
    let id = parse_id(&id)?;
    let app = s.request_revision(&user, id, &b.message)?;
    answer(answers::application_record(&app)?)
}

#[utoipa::path(post, path = "/api/forgot-password", operation_id = "forgotPassword", request_body = ForgotPasswordRequest, responses((status = 200, description = "Done", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn forgot_password(
    State(s): State<AppState>,
    Body(b): Body<ForgotPasswordRequest>,
) -> Reply<Sent> {
    s.forgot_password(&b.user_id, &b.email)?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/reset-password", operation_id = "resetPassword", request_body = PasswordResetRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)))]
async fn reset_password(
    State(s): State<AppState>,
    Body(b): Body<PasswordResetRequest>,
) -> Reply<Done> {
    s.reset_password(&b.token, &b.password)?;
    answer(Done {})
}

#[utoipa::path(post, path = "/api/me/profile", operation_id = "changeProfile", request_body = ProfileChangeRequest, responses((status = 200, description = "Done", body = Done), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn change_profile(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<ProfileChangeRequest>,
) -> Reply<Done> {
    s.change_profile(&user, &b.postal_code, &b.address, &b.telephone)?;
    answer(Done {})
}

#[utoipa::path(get, path = "/api/favorites", operation_id = "listFavorites", responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn list_favorites(State(s): State<AppState>, Auth(user, _): Auth) -> Reply<Vec<String>> {
    answer(s.favorites(&user)?)
}

#[utoipa::path(put, path = "/api/favorites/{id}", operation_id = "addFavorite", params(("id" = String, Path, description = "procedure id")), responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn add_favorite(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<Vec<String>> {
    answer(s.set_favorite(&user, &id, true)?)
}

#[utoipa::path(delete, path = "/api/favorites/{id}", operation_id = "removeFavorite", params(("id" = String, Path, description = "procedure id")), responses((status = 200, description = "Done", body = [String]), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn remove_favorite(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply<Vec<String>> {
    answer(s.set_favorite(&user, &id, false)?)
}

#[utoipa::path(post, path = "/api/receipt-method", operation_id = "changeReceiptMethod", request_body = ReceiptMethodRequest, responses((status = 200, description = "Done", body = ApplicationRecord), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody), (status = 403, description = "Not allowed", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn change_receipt_method(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<ReceiptMethodRequest>,
) -> Reply<ApplicationRecord> {
    let app = s.change_receipt_method(&user, &b.form)?;
    answer(answers::application_record(&app)?)
}

#[utoipa::path(post, path = "/api/me/email", operation_id = "changeEmail", request_body = EmailTwiceRequest, responses((status = 200, description = "Link sent to the new address", body = Sent), (status = 400, description = "Bad input", body = ErrorBody), (status = 401, description = "Not signed in", body = ErrorBody)), security(("bearer" = [])))]
async fn change_email(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<EmailTwiceRequest>,
) -> Reply<Sent> {
    s.change_email(&user, &b.email, &b.email_again)?;
    answer(Sent { sent: true })
}

#[utoipa::path(post, path = "/api/me/email/confirm", operation_id = "confirmEmailChange", request_body = TokenRequest, responses((status = 200, description = "Address changed", body = ConfirmedEmail), (status = 400, description = "Bad input", body = ErrorBody)))]
async fn confirm_email_change(
    State(s): State<AppState>,
    Body(b): Body<TokenRequest>,
) -> Reply<ConfirmedEmail> {
    answer(ConfirmedEmail {
        email: s.confirm_email_change(&b.token)?,
    })
}

#[utoipa::path(get, path = "/api/applications/reusable", operation_id = "listReusableApplications", responses((status = 200, description = "Applications of the last two years", body = [ApplicationRecord]), (status = 401, description = "Not signed in", body = ErrorBody)), security(("bearer" = [])))]
async fn list_reusable_applications(
    State(s): State<AppState>,
    Auth(user, _): Auth,
) -> Reply<Vec<ApplicationRecord>> {
    answer(answers::application_records(&s.reusable(&user)?)?)
}

#[utoipa::path(get, path = "/api/examiner/applications/{id}/files/{sha256}", operation_id = "examinerDownloadFile", params(("id" = String, Path, description = "application id"), ("sha256" = String, Path, description = "the file's SHA-256")), responses((status = 200, description = "The file", content_type = "application/octet-stream"), (status = 403, description = "Not an examiner", body = ErrorBody), (status = 404, description = "Not found", body = ErrorBody)), security(("bearer" = [])))]
async fn examiner_download_file(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path((id, sha256)): Path<(String, String)>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let id = parse_id(&id)?;
    let (name, bytes) = s.examiner_file(&user, id, &sha256)?;
    let safe: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/octet-stream".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{safe}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The OpenAPI document, generated by utoipa from the handlers' annotations below.
pub fn openapi_document() -> Value {
    serde_json::to_value(ApiDoc::openapi()).unwrap_or_default()
}

async fn openapi() -> Json<Value> {
    Json(openapi_document())
}

/// A submission: the `metadata` part (JSON: procedure_id, submission_id, signed_at, form,
/// certificate, signature, agreed_to_terms, for_user: the `SubmissionMetadata` schema) and the
/// files.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct UploadForm {
    metadata: String,
    #[schema(value_type = Option<String>, format = Binary)]
    photo: Option<Vec<u8>>,
    #[schema(value_type = Option<Vec<String>>, format = Binary)]
    attachment: Option<Vec<Vec<u8>>>,
}

struct BearerScheme;

impl utoipa::Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Zairyu reception server"),
    paths(
        register, confirm_email, complete_registration, login, logout, forgot_user_id, forgot_password, reset_password,
        usage_challenge, usage_apply, list_procedures, get_procedure, list_favorites, add_favorite, remove_favorite,
        submit_application, list_applications, get_application, resubmit_application, change_receipt_method, me,
        change_password, change_profile, change_email, confirm_email_change, list_reusable_applications, examiner_list_applications, examiner_get_application, examiner_download_file, examiner_set_status,
        examiner_request_revision
    ),
    components(schemas(ErrorBody, UploadForm, SubmissionMetadata)),
    modifiers(&BearerScheme)
)]
struct ApiDoc;
