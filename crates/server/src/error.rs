//! The one error shape of the API: an HTTP status, a stable `code` and an English `message`
//! that says what to do. Store failures are 500s whose detail goes to the log, never to the
//! client; bad input never is.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ApiError {
    #[serde(skip)]
    pub status: u16,
    pub code: String,
    pub message: String,
    /// Seconds the client should wait before trying again (`Retry-After`, with a 429).
    #[serde(skip)]
    pub retry_after: Option<i64>,
}

impl ApiError {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code: code.to_owned(),
            message: message.into(),
            retry_after: None,
        }
    }
    /// A 429 with `Retry-After: seconds`.
    pub fn wait(code: &str, message: impl Into<String>, seconds: i64) -> ApiError {
        ApiError {
            retry_after: Some(seconds.max(1)),
            ..ApiError::new(429, code, message)
        }
    }
    pub fn bad(code: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(400, code, message)
    }
    pub fn unauthorized() -> ApiError {
        ApiError::new(
            401,
            "not_signed_in",
            "Sign in first; your session may have ended.",
        )
    }
    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(403, "forbidden", message)
    }
    /// A 403 with its own code (`not_staff`, `organisation_expired`, …).
    pub fn forbidden_code(code: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(403, code, message)
    }
    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(
            404,
            "not_found",
            format!("There is no such {what}, or it is not yours."),
        )
    }
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("zairyu serve: internal error: {detail}");
        ApiError::new(
            500,
            "internal",
            "The server could not complete this; nothing was changed. Try again later.",
        )
    }
}

/// A store failure is the server's fault: a 500 whose detail goes only to the log.
impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> ApiError {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (
            status,
            axum::Json(serde_json::json!({ "code": self.code, "message": self.message })),
        )
            .into_response();
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(seconds),
            );
        }
        response
    }
}
