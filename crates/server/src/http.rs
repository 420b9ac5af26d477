//! The JSON API: thin handlers over [`ReceptionOffice`]. Multipart uploads are streamed to disk with the
//! limits enforced while streaming (≤ 20 files, ≤ 25,000,000 bytes including the photo, a
//! minimum pace instead of a fixed timeout), each file named by its SHA-256 once received and
//! removed again unless its submission is accepted (`http/staging.rs`). Every request gets an
//! `x-request-id` and one log line: method, matched route, status, latency — never a body, a
//! query string, a header value or anything personal.

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

mod accounts;
mod applications;
mod details;
mod examiner;
mod link_pages;
mod organisations;
mod staging;
use crate::error::ApiError;
use crate::service::{ReceptionOffice, StoredFile, SubmissionMeta};
use crate::store::UserRow;
pub use staging::{set_upload_pacing, sweep_leftovers, StagedUploads, UploadPacing};

pub const MAX_FILES: usize = 20;
pub const MAX_TOTAL_BYTES: u64 = 25_000_000;

type AppState = Arc<ReceptionOffice>;
/// A handler's answer: a wire type, or the error.
type Reply<T> = Result<Answer<T>, ApiError>;

/// A wire type sent as JSON. Its keys go out sorted (through `serde_json::Value`), as they
/// always have, so the answers stay byte for byte what scripts have seen.
#[derive(Debug)]
pub struct Answer<T>(pub T);

/// Runs the office's blocking work (SQLite, Argon2, SMTP, decoding) on this thread after
/// handing the worker's other tasks to the rest of the runtime, so one slow request never
/// stalls the others (the runtime is multi-threaded everywhere the server runs).
fn off_the_workers<T>(work: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(work)
}

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
        Ok(Auth(off_the_workers(|| state.session(&token))?, token))
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
            post(applications::submit_application).get(applications::list_applications),
        )
        .route(
            "/api/applications/{id}/resubmit",
            post(applications::resubmit_application),
        )
        .layer(DefaultBodyLimit::max(MAX_TOTAL_BYTES as usize + 2_000_000));
    Router::new()
        .route(
            "/register",
            get(link_pages::registration_link).post(link_pages::confirm_registration_link),
        )
        .route("/api/register", post(accounts::register))
        .route("/api/register/confirm", post(accounts::confirm_email))
        .route(
            "/api/register/complete",
            post(accounts::complete_registration),
        )
        .route("/api/login", post(accounts::login))
        .route("/api/logout", post(accounts::logout))
        .route("/api/forgot-user-id", post(accounts::forgot_user_id))
        .route("/api/me", get(accounts::me))
        .route("/api/me/password", post(accounts::change_password))
        .route("/api/me/profile", post(accounts::change_profile))
        .route("/api/me/email", post(accounts::change_email))
        .route(
            "/api/me/email/confirm",
            post(accounts::confirm_email_change),
        )
        .route(
            "/api/applications/reusable",
            get(applications::list_reusable_applications),
        )
        .route("/api/forgot-password", post(accounts::forgot_password))
        .route("/api/reset-password", post(accounts::reset_password))
        .route("/api/favorites", get(accounts::list_favorites))
        .route(
            "/api/favorites/{id}",
            axum::routing::put(accounts::add_favorite).delete(accounts::remove_favorite),
        )
        .route(
            "/api/receipt-method",
            post(applications::change_receipt_method),
        )
        .route(
            "/api/staff/invitation",
            post(organisations::staff_invitation),
        )
        .route("/api/staff/register", post(organisations::register_staff))
        .route(
            "/api/organisations/{id}",
            get(organisations::get_organisation),
        )
        .route(
            "/api/me/organisations",
            get(organisations::my_organisations).post(organisations::link_organisation),
        )
        .route(
            "/api/me/organisations/{id}",
            axum::routing::delete(organisations::unlink_organisation),
        )
        .route(
            "/api/staff/organisation",
            get(organisations::staff_organisation),
        )
        .route("/api/staff/students", get(organisations::staff_students))
        .route("/api/staff/board", get(organisations::staff_board))
        .route("/openapi.json", get(openapi))
        .route("/api/health", get(applications::health))
        .route("/api/usage/challenge", post(accounts::usage_challenge))
        .route("/api/usage", post(accounts::usage_apply))
        .route("/api/procedures", get(applications::list_procedures))
        .route("/api/procedures/{id}", get(applications::get_procedure))
        .route("/api/applications/{id}", get(applications::get_application))
        .route(
            "/api/applications/{id}/details",
            get(details::get_application_details),
        )
        .route(
            "/api/applications/{id}/files/{sha256}",
            get(details::download_application_file),
        )
        .route(
            "/api/examiner/applications",
            get(examiner::examiner_list_applications),
        )
        .route(
            "/api/examiner/applications/{id}",
            get(examiner::examiner_get_application),
        )
        .route(
            "/api/examiner/applications/{id}/status",
            post(examiner::examiner_set_status),
        )
        .route(
            "/api/examiner/applications/{id}/files/{sha256}",
            get(examiner::examiner_download_file),
        )
        .route(
            "/api/examiner/applications/{id}/revision",
            post(examiner::examiner_request_revision),
        )
        .layer(DefaultBodyLimit::max(1_000_000))
        // Uploads are paced by their progress instead (http/staging.rs): a 25 MB file on a
        // 1 Mbit/s uplink takes 200 s.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(120),
        ))
        .merge(uploads)
        .fallback(|| async {
            ApiError::new(
                404,
                ErrorCode::NoSuchRoute.as_str(),
                "There is no such API call.",
            )
        })
        .layer(request_log())
        .layer(tower_http::request_id::PropagateRequestIdLayer::x_request_id())
        .layer(tower_http::request_id::SetRequestIdLayer::x_request_id(
            NumberedRequests::default(),
        ))
        .with_state(service)
}

/// Request ids: a random prefix per process and a counter (`3f9a…-17`).
#[derive(Debug, Clone)]
struct NumberedRequests {
    prefix: Arc<str>,
    next: Arc<std::sync::atomic::AtomicU64>,
}

impl Default for NumberedRequests {
    fn default() -> NumberedRequests {
        let mut random = [0u8; 4];
        let _ = getrandom::fill(&mut random);
        NumberedRequests {
            prefix: random
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
                .into(),
            next: Default::default(),
        }
    }
}

impl tower_http::request_id::MakeRequestId for NumberedRequests {
    fn make_request_id<B>(
        &mut self,
        _request: &axum::http::Request<B>,
    ) -> Option<tower_http::request_id::RequestId> {
        let n = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        axum::http::HeaderValue::from_str(&format!("{}-{n}", self.prefix))
            .ok()
            .map(tower_http::request_id::RequestId::new)
    }
}

/// One span per request with the method, the matched route template (`/api/applications/{id}`,
/// never the path itself nor its query string) and the request id; one line when it ends with
/// the status and latency. Bodies and header values are never logged.
type RequestLog = tower_http::trace::TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    fn(&axum::http::Request<axum::body::Body>) -> tracing::Span,
    (),
    fn(&axum::http::Response<axum::body::Body>, Duration, &tracing::Span),
>;

fn request_log() -> RequestLog {
    tower_http::trace::TraceLayer::new_for_http()
        .make_span_with(request_span as fn(&axum::http::Request<axum::body::Body>) -> _)
        .on_request(())
        .on_response(log_answer as fn(&axum::http::Response<axum::body::Body>, _, &_))
}

fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("(no route)", axum::extract::MatchedPath::as_str);
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), route, id)
}

fn log_answer(
    response: &axum::http::Response<axum::body::Body>,
    latency: Duration,
    _span: &tracing::Span,
) {
    tracing::info!(
        status = response.status().as_u16(),
        latency_ms = latency.as_millis() as u64,
        "answered"
    );
}

/// A stored file as a download: its original name reduced to safe characters.
fn file_download(name: &str, bytes: Vec<u8>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let safe: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    (
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
        .into_response()
}

fn parse_id(text: &str) -> Result<i64, ApiError> {
    text.parse()
        .map_err(|_| ApiError::bad(ErrorCode::BadId.as_str(), "An application id is a number."))
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
        accounts::register, accounts::confirm_email, accounts::complete_registration, accounts::login, accounts::logout, accounts::forgot_user_id, accounts::forgot_password, accounts::reset_password,
        accounts::usage_challenge, accounts::usage_apply, applications::list_procedures, applications::get_procedure, accounts::list_favorites, accounts::add_favorite, accounts::remove_favorite,
        applications::submit_application, applications::list_applications, applications::get_application, applications::resubmit_application, applications::change_receipt_method, accounts::me,
        accounts::change_password, accounts::change_profile, accounts::change_email, accounts::confirm_email_change, applications::list_reusable_applications, examiner::examiner_list_applications, examiner::examiner_get_application, examiner::examiner_download_file, examiner::examiner_set_status,
        examiner::examiner_request_revision, applications::health, details::get_application_details, details::download_application_file,
        organisations::staff_invitation, organisations::register_staff, organisations::get_organisation, organisations::my_organisations, organisations::link_organisation, organisations::unlink_organisation,
        organisations::staff_organisation, organisations::staff_students, organisations::staff_board
    ),
    components(schemas(ErrorBody, UploadForm, SubmissionMetadata)),
    modifiers(&BearerScheme)
)]
struct ApiDoc;
