//! The client of the reception server (`zairyu-server`'s HTTP API): accounts, the usage
//! application, submissions and their statuses. Plain blocking HTTP (ureq), so the app layer
//! stays free of any async runtime; every failure becomes an [`AppError`] whose code is the
//! server's own code, or `server_unreachable` when no answer came.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

use crate::error::AppError;

/// An application as the server reports it (the fields the app shows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Application {
    #[ts(type = "number")]
    pub id: i64,
    pub reference_number: String,
    pub temporary_reception_number: String,
    pub procedure_id: String,
    #[serde(default)]
    pub procedure_name_en: Option<String>,
    #[serde(default)]
    pub procedure_name_ja: Option<String>,
    pub submission_id: String,
    /// pending | application_completed | under_review | awaiting_issuance | in_return_process
    /// | completed | completed_not_permitted (manual 5.1).
    pub status: String,
    /// What the examiner asked to change (In Return Process).
    #[serde(default)]
    pub revision_request: Option<String>,
    /// Unix seconds.
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// The signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Account {
    pub user_id: String,
    pub email: String,
    pub user_type: String,
    pub name_en: String,
    pub telephone: String,
    /// The usage application (the card bound to the account) is done.
    pub usage_application_done: bool,
}

/// One file part of a submission.
pub(crate) struct FilePart<'a> {
    /// `photo` or `attachment`.
    pub kind: &'static str,
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// A connection to one reception server.
pub(crate) struct Reception {
    base: String,
    agent: ureq::Agent,
}

impl std::fmt::Debug for Reception {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reception")
            .field("base", &self.base)
            .finish()
    }
}

impl Reception {
    pub(crate) fn new(base: &str) -> Reception {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(5)))
            .timeout_global(Some(Duration::from_secs(300)))
            .build()
            .into();
        Reception {
            base: base.trim_end_matches('/').to_owned(),
            agent,
        }
    }

    pub(crate) fn base(&self) -> &str {
        &self.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn unreachable(&self, err: ureq::Error) -> AppError {
        AppError::ServerUnreachable {
            url: self.base.clone(),
            detail: err.to_string(),
        }
    }

    /// Reads a JSON answer; a non-2xx answer becomes the server's `{code, message}`.
    fn answer(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Value, AppError> {
        let mut response = result.map_err(|e| self.unreachable(e))?;
        let status = response.status().as_u16();
        let body: Value = response
            .body_mut()
            .with_config()
            .limit(20_000_000)
            .read_json()
            .unwrap_or(Value::Null);
        if (200..300).contains(&status) {
            return Ok(body);
        }
        let code = body["code"].as_str().unwrap_or("server_error").to_owned();
        let message = body["message"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("the server answered {status}"));
        Err(AppError::Server {
            status,
            code,
            message,
        })
    }

    fn get(&self, path: &str, token: Option<&str>) -> Result<Value, AppError> {
        let mut request = self.agent.get(self.url(path));
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        self.answer(request.call())
    }

    fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Result<Value, AppError> {
        let mut request = self.agent.post(self.url(path));
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        self.answer(request.send_json(body))
    }

    /// Whether the server answers at all (the diagnosis page).
    pub(crate) fn reachable(&self) -> bool {
        self.agent.get(self.url("/openapi.json")).call().is_ok()
    }

    pub(crate) fn register(&self, email: &str, email_again: &str) -> Result<(), AppError> {
        self.post(
            "/api/register",
            None,
            &json!({"email": email, "email_again": email_again}),
        )?;
        Ok(())
    }

    /// The code (or link token) from the e-mail; answers the address it confirmed.
    pub(crate) fn confirm(&self, token: &str) -> Result<String, AppError> {
        let v = self.post("/api/register/confirm", None, &json!({ "token": token }))?;
        Ok(v["email"].as_str().unwrap_or_default().to_owned())
    }

    pub(crate) fn complete(
        &self,
        token: &str,
        user_type: &str,
        name_en: &str,
        telephone: &str,
        password: &str,
    ) -> Result<String, AppError> {
        let v = self.post(
            "/api/register/complete",
            None,
            &json!({"token": token, "user_type": user_type, "name_en": name_en,
                    "telephone": telephone, "password": password}),
        )?;
        Ok(v["user_id"].as_str().unwrap_or_default().to_owned())
    }

    /// Signs in; answers the session token.
    pub(crate) fn login(&self, user_id: &str, password: &str) -> Result<String, AppError> {
        let v = self.post(
            "/api/login",
            None,
            &json!({"user_id": user_id, "password": password}),
        )?;
        v["token"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| AppError::Server {
                status: 200,
                code: "server_error".into(),
                message: "the server sent no session token".into(),
            })
    }

    pub(crate) fn logout(&self, token: &str) -> Result<(), AppError> {
        self.post("/api/logout", Some(token), &json!({}))?;
        Ok(())
    }

    pub(crate) fn forgot_user_id(&self, email: &str) -> Result<(), AppError> {
        self.post("/api/forgot-user-id", None, &json!({ "email": email }))?;
        Ok(())
    }

    pub(crate) fn forgot_password(&self, user_id: &str, email: &str) -> Result<(), AppError> {
        self.post(
            "/api/forgot-password",
            None,
            &json!({"user_id": user_id, "email": email}),
        )?;
        Ok(())
    }

    pub(crate) fn reset_password(&self, code: &str, password: &str) -> Result<(), AppError> {
        self.post(
            "/api/reset-password",
            None,
            &json!({"token": code, "password": password}),
        )?;
        Ok(())
    }

    pub(crate) fn me(&self, token: &str) -> Result<Account, AppError> {
        parse(self.get("/api/me", Some(token))?)
    }

    pub(crate) fn usage_challenge(&self, token: &str) -> Result<String, AppError> {
        let v = self.post("/api/usage/challenge", Some(token), &json!({}))?;
        Ok(v["nonce"].as_str().unwrap_or_default().to_owned())
    }

    pub(crate) fn usage_apply(
        &self,
        token: &str,
        nonce: &str,
        certificate_b64: &str,
        signature_b64: &str,
        info: &Value,
    ) -> Result<(), AppError> {
        self.post(
            "/api/usage",
            Some(token),
            &json!({"nonce": nonce, "certificate": certificate_b64,
                    "signature": signature_b64, "info": info}),
        )?;
        Ok(())
    }

    /// Change of the method of receipt (manual 6.4): a form, no card signature.
    pub(crate) fn change_receipt_method(
        &self,
        token: &str,
        form: &Value,
    ) -> Result<Application, AppError> {
        parse(self.post("/api/receipt-method", Some(token), &json!({ "form": form }))?)
    }

    pub(crate) fn change_password(
        &self,
        token: &str,
        current: &str,
        new: &str,
    ) -> Result<(), AppError> {
        self.post(
            "/api/me/password",
            Some(token),
            &json!({"current": current, "new": new}),
        )?;
        Ok(())
    }

    pub(crate) fn change_profile(
        &self,
        token: &str,
        postal_code: &str,
        address: &str,
        telephone: &str,
    ) -> Result<(), AppError> {
        self.post(
            "/api/me/profile",
            Some(token),
            &json!({"postal_code": postal_code, "address": address, "telephone": telephone}),
        )?;
        Ok(())
    }

    /// My page: a new e-mail address (twice); the server mails a code to the new address.
    pub(crate) fn change_email(
        &self,
        token: &str,
        email: &str,
        email_again: &str,
    ) -> Result<(), AppError> {
        self.post(
            "/api/me/email",
            Some(token),
            &json!({"email": email, "email_again": email_again}),
        )?;
        Ok(())
    }

    /// The code mailed to the new address; answers the address now on the account.
    pub(crate) fn confirm_email_change(&self, code: &str) -> Result<String, AppError> {
        let v = self.post("/api/me/email/confirm", None, &json!({ "token": code }))?;
        Ok(v["email"].as_str().unwrap_or_default().to_owned())
    }

    /// The procedure ids the student marked as favorites.
    pub(crate) fn favorites(&self, token: &str) -> Result<Vec<String>, AppError> {
        parse(self.get("/api/favorites", Some(token))?)
    }

    /// Marks or unmarks one favorite; answers the whole list.
    pub(crate) fn set_favorite(
        &self,
        token: &str,
        procedure: &str,
        on: bool,
    ) -> Result<Vec<String>, AppError> {
        let url = self.url(&format!("/api/favorites/{}", path_segment(procedure)));
        let auth = format!("Bearer {token}");
        let result = if on {
            self.agent
                .put(url)
                .header("Authorization", auth)
                .send_empty()
        } else {
            self.agent.delete(url).header("Authorization", auth).call()
        };
        parse(self.answer(result)?)
    }

    pub(crate) fn applications(&self, token: &str) -> Result<Vec<Application>, AppError> {
        parse(self.get("/api/applications", Some(token))?)
    }

    /// Sends a signed submission as `multipart/form-data`: the metadata, then the files.
    /// `resubmit_of` sends it as a new version of an application In Return Process.
    pub(crate) fn submit(
        &self,
        token: &str,
        metadata: &Value,
        files: &[FilePart<'_>],
        resubmit_of: Option<i64>,
    ) -> Result<Application, AppError> {
        let boundary = format!("zairyu-{}", uuid::Uuid::new_v4().simple());
        let body = multipart_body(&boundary, metadata, files);
        let path = match resubmit_of {
            Some(id) => format!("/api/applications/{id}/resubmit"),
            None => "/api/applications".to_owned(),
        };
        let result = self
            .agent
            .post(self.url(&path))
            .header("Authorization", format!("Bearer {token}"))
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .send(&body[..]);
        parse(self.answer(result)?)
    }
}

/// A procedure id as one URL path segment (ids are `[a-z0-9-]`; anything else is escaped).
fn path_segment(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn parse<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, AppError> {
    serde_json::from_value(value).map_err(|e| AppError::Server {
        status: 200,
        code: "server_answer_unexpected".into(),
        message: format!("the server's answer was not understood: {e}"),
    })
}

/// A `multipart/form-data` body (RFC 7578): the `metadata` part as JSON, then each file.
fn multipart_body(boundary: &str, metadata: &Value, files: &[FilePart<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n").as_bytes());
    body.extend(metadata.to_string().as_bytes());
    for file in files {
        // Quotes, backslashes and line breaks cannot appear in a quoted header value.
        let name: String = file
            .name
            .chars()
            .map(|c| {
                if matches!(c, '"' | '\\' | '\r' | '\n') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let mime = if file.kind == "photo" {
            "image/jpeg"
        } else {
            "application/pdf"
        };
        body.extend(
            format!(
                "\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{name}\"\r\nContent-Type: {mime}\r\n\r\n",
                file.kind
            )
            .as_bytes(),
        );
        body.extend(file.bytes);
    }
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_body_has_every_part_and_a_closing_boundary() {
        let files = [
            FilePart {
                kind: "photo",
                name: "photo.jpg",
                bytes: b"\xff\xd8jpeg",
            },
            FilePart {
                kind: "attachment",
                name: "成績\"x.pdf",
                bytes: b"%PDF-1.7",
            },
        ];
        let body = multipart_body("B", &json!({"a": 1}), &files);
        let text = String::from_utf8_lossy(&body);
        assert!(text.starts_with("--B\r\nContent-Disposition: form-data; name=\"metadata\""));
        assert!(text.contains("{\"a\":1}\r\n--B\r\n"));
        assert!(text.contains("name=\"photo\"; filename=\"photo.jpg\""));
        assert!(text.contains("filename=\"成績_x.pdf\""));
        assert!(text.ends_with("%PDF-1.7\r\n--B--\r\n"));
    }

    #[test]
    fn a_closed_port_is_server_unreachable() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let reception = Reception::new(&format!("http://127.0.0.1:{port}"));
        let err = reception.login("ZR1", "x").unwrap_err();
        assert_eq!(err.code(), "server_unreachable");
        assert!(!reception.reachable());
    }
}
