//! The JSON API: thin handlers over [`Service`]. Multipart uploads are streamed to disk with the
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
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::error::ApiError;
use crate::service::{Service, StoredFile, SubmissionMeta};
use crate::store::{Application, User};

pub const MAX_FILES: usize = 20;
pub const MAX_TOTAL_BYTES: u64 = 25_000_000;

type AppState = Arc<Service>;
type Reply = Result<Json<Value>, ApiError>;

/// The signed-in user, from `Authorization: Bearer <token>`.
#[derive(Debug)]
pub struct Auth(pub User, pub String);

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
                "bad_request",
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
            "/api/examiner/applications/{id}/revision",
            post(examiner_request_revision),
        )
        .layer(DefaultBodyLimit::max(1_000_000))
        .merge(uploads)
        .fallback(|| async { ApiError::new(404, "no_such_route", "There is no such API call.") })
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(120),
        ))
        .with_state(service)
}

#[derive(Deserialize)]
struct RegisterBody {
    email: String,
    email_again: String,
}

async fn register(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(b): Body<RegisterBody>,
) -> Reply {
    s.rate_limit(&format!("register:{}", peer.ip()), 20)?;
    s.register(&b.email, &b.email_again)?;
    Ok(Json(json!({ "sent": true })))
}

#[derive(Deserialize)]
struct TokenBody {
    token: String,
}

async fn confirm_email(State(s): State<AppState>, Body(b): Body<TokenBody>) -> Reply {
    Ok(Json(json!({ "email": s.confirm_email(&b.token)? })))
}

#[derive(Deserialize)]
struct CompleteBody {
    token: String,
    user_type: String,
    name_en: String,
    telephone: String,
    password: String,
}

async fn complete_registration(State(s): State<AppState>, Body(b): Body<CompleteBody>) -> Reply {
    let id = s.complete_registration(
        &b.token,
        &b.user_type,
        &b.name_en,
        &b.telephone,
        &b.password,
    )?;
    Ok(Json(json!({ "user_id": id })))
}

#[derive(Deserialize)]
struct LoginBody {
    user_id: String,
    password: String,
}

async fn login(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(b): Body<LoginBody>,
) -> Reply {
    s.rate_limit(&format!("login:{}", peer.ip()), 30)?;
    Ok(Json(json!({ "token": s.login(&b.user_id, &b.password)? })))
}

async fn logout(State(s): State<AppState>, Auth(_, token): Auth) -> Reply {
    s.logout(&token)?;
    Ok(Json(json!({})))
}

#[derive(Deserialize)]
struct EmailBody {
    email: String,
}

async fn forgot_user_id(State(s): State<AppState>, Body(b): Body<EmailBody>) -> Reply {
    s.forgot_user_id(&b.email)?;
    Ok(Json(json!({ "sent": true })))
}

async fn me(Auth(user, _): Auth) -> Reply {
    Ok(Json(json!({
        "user_id": user.id, "email": user.email, "user_type": user.user_type, "name_en": user.name_en,
        "telephone": user.telephone, "role": user.role, "usage_application_done": user.cert_fingerprint.is_some(),
    })))
}

#[derive(Deserialize)]
struct PasswordBody {
    current: String,
    new: String,
}

async fn change_password(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<PasswordBody>,
) -> Reply {
    s.change_password(&user, &b.current, &b.new)?;
    Ok(Json(json!({})))
}

async fn usage_challenge(State(s): State<AppState>, Auth(user, _): Auth) -> Reply {
    Ok(Json(json!({ "nonce": s.usage_challenge(&user)? })))
}

#[derive(Deserialize)]
struct UsageBody {
    nonce: String,
    certificate: String,
    signature: String,
    info: Value,
}

async fn usage_apply(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<UsageBody>,
) -> Reply {
    s.usage_apply(&user, &b.nonce, &b.certificate, &b.signature, &b.info)?;
    Ok(Json(json!({ "usage_application_done": true })))
}

#[derive(Deserialize)]
struct SearchQuery {
    #[serde(default)]
    search: String,
    #[serde(default)]
    synonyms: bool,
}

async fn list_procedures(Query(q): Query<SearchQuery>) -> Reply {
    Ok(Json(json!(zairyu_forms::search(&q.search, q.synonyms))))
}

async fn get_procedure(Path(id): Path<String>) -> Reply {
    let p = zairyu_forms::procedure(&id).ok_or_else(|| ApiError::not_found("procedure"))?;
    let (ja, en) = zairyu_forms::catalog::terms();
    Ok(Json(
        json!({ "procedure": p, "terms": { "ja": ja, "en": en } }),
    ))
}

fn parse_id(text: &str) -> Result<i64, ApiError> {
    text.parse()
        .map_err(|_| ApiError::bad("bad_id", "An application id is a number."))
}

fn app_json(app: &Application) -> Value {
    let name =
        zairyu_forms::procedure(&app.procedure_id).map(|p| (p.name_en.clone(), p.name_ja.clone()));
    let mut v = serde_json::to_value(app).unwrap_or_default();
    v["procedure_name_en"] = json!(name.as_ref().map(|n| n.0.clone()));
    v["procedure_name_ja"] = json!(name.map(|n| n.1));
    v
}

/// Streams the multipart parts: `metadata` (JSON) and files named `photo` / `attachment`.
async fn receive(
    s: &Service,
    mut parts: Multipart,
) -> Result<(SubmissionMeta, Vec<StoredFile>), ApiError> {
    let mut meta: Option<String> = None;
    let mut files: Vec<StoredFile> = Vec::new();
    let mut total: u64 = 0;
    let mut temps: Vec<std::path::PathBuf> = Vec::new();
    let result: Result<(), ApiError> = async {
        while let Some(mut field) = parts.next_field().await.map_err(|e| ApiError::bad("bad_upload", format!("The upload could not be read: {e}")))? {
            match field.name().unwrap_or_default() {
                "metadata" => {
                    meta = Some(field.text().await.map_err(|e| ApiError::bad("bad_upload", e.to_string()))?);
                }
                kind @ ("photo" | "attachment") => {
                    let kind = kind.to_owned();
                    if files.len() >= MAX_FILES {
                        return Err(ApiError::new(413, "too_many_files", "At most 20 files (the photo included) can be sent."));
                    }
                    let name = field.file_name().unwrap_or("file").chars().filter(|c| !c.is_control() && *c != '/' && *c != '\\').take(100).collect::<String>();
                    let temp = s.files_dir.join(format!(".upload-{}-{}", std::process::id(), crate::service::hash_token(&format!("{name}{total}{:?}", std::time::Instant::now()))));
                    temps.push(temp.clone());
                    let mut out = tokio::fs::File::create(&temp).await.map_err(ApiError::internal)?;
                    let mut hasher = Sha256::new();
                    let mut bytes: u64 = 0;
                    while let Some(chunk) = field.chunk().await.map_err(|e| ApiError::bad("bad_upload", format!("The upload was cut off: {e}")))? {
                        total += chunk.len() as u64;
                        bytes += chunk.len() as u64;
                        if total > MAX_TOTAL_BYTES {
                            return Err(ApiError::new(413, "too_large", "The files together exceed 25,000,000 bytes; shrink or merge them (zairyu fix)."));
                        }
                        hasher.update(&chunk);
                        out.write_all(&chunk).await.map_err(ApiError::internal)?;
                    }
                    out.sync_all().await.map_err(ApiError::internal)?;
                    let sha256: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
                    tokio::fs::rename(&temp, s.files_dir.join(&sha256)).await.map_err(ApiError::internal)?;
                    files.push(StoredFile { name, sha256, bytes, kind });
                }
                other => return Err(ApiError::bad("bad_upload", format!("Unexpected part {other:?}: send metadata, photo and attachment parts."))),
            }
        }
        Ok(())
    }
    .await;
    for t in temps {
        let _ = tokio::fs::remove_file(t).await;
    }
    result?;
    let meta =
        meta.ok_or_else(|| ApiError::bad("bad_metadata", "The metadata part is missing."))?;
    let meta: SubmissionMeta = serde_json::from_str(&meta).map_err(|e| {
        ApiError::bad(
            "bad_metadata",
            format!("The metadata part is not valid: {e}"),
        )
    })?;
    Ok((meta, files))
}

async fn submit_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    parts: Multipart,
) -> Reply {
    let (meta, files) = receive(&s, parts).await?;
    let app = tokio::task::block_in_place(|| s.submit(&user, &meta, &files))?;
    Ok(Json(app_json(&app)))
}

#[derive(Deserialize)]
struct KeywordQuery {
    keyword: Option<String>,
}

async fn list_applications(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Query(q): Query<KeywordQuery>,
) -> Reply {
    let apps = s.list_for(&user, q.keyword.as_deref())?;
    Ok(Json(json!(apps.iter().map(app_json).collect::<Vec<_>>())))
}

async fn get_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply {
    let id = parse_id(&id)?;
    Ok(Json(app_json(&s.application_for(&user, id)?)))
}

async fn resubmit_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    parts: Multipart,
) -> Reply {
    let id = parse_id(&id)?;
    let (meta, files) = receive(&s, parts).await?;
    let app = tokio::task::block_in_place(|| s.resubmit(&user, id, &meta, &files))?;
    Ok(Json(app_json(&app)))
}

#[derive(Deserialize)]
struct StatusQuery {
    status: Option<String>,
}

async fn examiner_list_applications(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Query(q): Query<StatusQuery>,
) -> Reply {
    let apps = s.examiner_list(&user, q.status.as_deref())?;
    Ok(Json(json!(apps.iter().map(app_json).collect::<Vec<_>>())))
}

async fn examiner_get_application(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply {
    let id = parse_id(&id)?;
    if user.role != "examiner" {
        return Err(ApiError::forbidden("Only examiners may do this."));
    }
    let app = s.application_for(&user, id)?;
    let mut v = app_json(&app);
    v["audit"] = json!(s.store.audit_log(id)?);
    Ok(Json(v))
}

#[derive(Deserialize)]
struct SetStatusBody {
    status: String,
}

async fn examiner_set_status(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    Body(b): Body<SetStatusBody>,
) -> Reply {
    let id = parse_id(&id)?;
    Ok(Json(app_json(&s.set_status(&user, id, &b.status)?)))
}

#[derive(Deserialize)]
struct RevisionBody {
    message: String,
}

async fn examiner_request_revision(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
    Body(b): Body<RevisionBody>,
) -> Reply {
    let id = parse_id(&id)?;
    Ok(Json(app_json(&s.request_revision(&user, id, &b.message)?)))
}

#[derive(Deserialize)]
struct ForgotPasswordBody {
    user_id: String,
    email: String,
}

async fn forgot_password(State(s): State<AppState>, Body(b): Body<ForgotPasswordBody>) -> Reply {
    s.forgot_password(&b.user_id, &b.email)?;
    Ok(Json(json!({ "sent": true })))
}

#[derive(Deserialize)]
struct ResetBody {
    token: String,
    password: String,
}

async fn reset_password(State(s): State<AppState>, Body(b): Body<ResetBody>) -> Reply {
    s.reset_password(&b.token, &b.password)?;
    Ok(Json(json!({})))
}

#[derive(Deserialize)]
struct ProfileBody {
    postal_code: String,
    address: String,
    telephone: String,
}

async fn change_profile(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<ProfileBody>,
) -> Reply {
    s.change_profile(&user, &b.postal_code, &b.address, &b.telephone)?;
    Ok(Json(json!({})))
}

async fn list_favorites(State(s): State<AppState>, Auth(user, _): Auth) -> Reply {
    Ok(Json(json!(s.favorites(&user)?)))
}

async fn add_favorite(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply {
    Ok(Json(json!(s.set_favorite(&user, &id, true)?)))
}

async fn remove_favorite(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Path(id): Path<String>,
) -> Reply {
    Ok(Json(json!(s.set_favorite(&user, &id, false)?)))
}

#[derive(Deserialize)]
struct ReceiptBody {
    form: Value,
}

async fn change_receipt_method(
    State(s): State<AppState>,
    Auth(user, _): Auth,
    Body(b): Body<ReceiptBody>,
) -> Reply {
    Ok(Json(app_json(&s.change_receipt_method(&user, &b.form)?)))
}

/// The API's operations (method, path, operationId), rendered as an OpenAPI 3.1 document.
pub const OPERATIONS: &[(&str, &str, &str)] = &[
    ("post", "/api/register", "register"),
    ("post", "/api/register/confirm", "confirmEmail"),
    ("post", "/api/register/complete", "completeRegistration"),
    ("post", "/api/login", "login"),
    ("post", "/api/logout", "logout"),
    ("post", "/api/forgot-user-id", "forgotUserId"),
    ("post", "/api/forgot-password", "forgotPassword"),
    ("post", "/api/reset-password", "resetPassword"),
    ("post", "/api/usage/challenge", "usageChallenge"),
    ("post", "/api/usage", "usageApply"),
    ("get", "/api/procedures", "listProcedures"),
    ("get", "/api/procedures/{id}", "getProcedure"),
    ("get", "/api/favorites", "listFavorites"),
    ("put", "/api/favorites/{id}", "addFavorite"),
    ("delete", "/api/favorites/{id}", "removeFavorite"),
    ("post", "/api/applications", "submitApplication"),
    ("get", "/api/applications", "listApplications"),
    ("get", "/api/applications/{id}", "getApplication"),
    (
        "post",
        "/api/applications/{id}/resubmit",
        "resubmitApplication",
    ),
    ("post", "/api/receipt-method", "changeReceiptMethod"),
    ("get", "/api/me", "me"),
    ("post", "/api/me/password", "changePassword"),
    ("post", "/api/me/profile", "changeProfile"),
    (
        "get",
        "/api/examiner/applications",
        "examinerListApplications",
    ),
    (
        "get",
        "/api/examiner/applications/{id}",
        "examinerGetApplication",
    ),
    (
        "post",
        "/api/examiner/applications/{id}/status",
        "examinerSetStatus",
    ),
    (
        "post",
        "/api/examiner/applications/{id}/revision",
        "examinerRequestRevision",
    ),
];

/// The OpenAPI document: every operation with its id, JSON request and `{code,message}` errors.
pub fn openapi_document() -> Value {
    let error = json!({"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    let mut paths = serde_json::Map::new();
    for (method, path, id) in OPERATIONS {
        let mut op = json!({
            "operationId": id,
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {}}}}, "400": error, "401": error, "403": error, "404": error},
        });
        if path.contains("{id}") {
            op["parameters"] = json!([{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]);
        }
        if *method == "post" && !path.ends_with("/logout") && !path.ends_with("/challenge") {
            let multipart = path.ends_with("/applications") || path.ends_with("/resubmit");
            op["requestBody"] = if multipart {
                json!({"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"metadata": {"type": "string"}}}}}})
            } else {
                json!({"content": {"application/json": {"schema": {"type": "object"}}}})
            };
        }
        if !matches!(
            *id,
            "register"
                | "confirmEmail"
                | "completeRegistration"
                | "login"
                | "forgotUserId"
                | "forgotPassword"
                | "resetPassword"
                | "listProcedures"
                | "getProcedure"
        ) {
            op["security"] = json!([{"bearer": []}]);
        }
        paths.entry(path.to_string()).or_insert_with(|| json!({}))[*method] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Zairyu reception server", "version": env!("CARGO_PKG_VERSION")},
        "paths": paths,
        "components": {
            "schemas": {"Error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    })
}

async fn openapi() -> Json<Value> {
    Json(openapi_document())
}
