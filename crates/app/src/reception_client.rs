//! The client of the reception server (`zairyu-server`'s HTTP API): accounts, the usage
//! application, submissions and their statuses. Plain blocking HTTP (ureq), so the app layer
//! stays free of any async runtime; every failure becomes an [`AppError`] whose code is the
//! server's own code, or `server_unreachable` when no answer came.

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use zairyu_wire::{
    Account, Application, ApplicationDetails, ApplicationRecord, CompleteRegistrationRequest,
    ConfirmedEmail, Done, EmailRequest, EmailTwiceRequest, ErrorBody, ForgotPasswordRequest,
    LoginRequest, PasswordChangeRequest, PasswordResetRequest, ProfileChangeRequest,
    ReceiptMethodRequest, Registered, Sent, ServerHealth, SessionToken, SubmissionMetadata,
    TokenRequest, UsageApplied, UsageChallenge, UsageRequest,
};
use zairyu_wire::{
    BoardPage, BoardQuery, InvitationCodeRequest, LinkOrganisationRequest, LinkedStudents,
    OrganisationLinks, OrganisationSummary, StaffInvitation, StaffOrganisation,
    StaffRegistrationRequest,
};

use crate::error::AppError;

/// One file part of a submission.
pub(crate) struct FilePart<'a> {
    /// `photo` or `attachment`.
    pub kind: &'static str,
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// A connection to one reception server.
pub(crate) struct ReceptionClient {
    base: String,
    agent: ureq::Agent,
}

impl std::fmt::Debug for ReceptionClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReceptionClient")
            .field("base", &self.base)
            .finish()
    }
}

impl ReceptionClient {
    pub(crate) fn new(base: &str) -> ReceptionClient {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(5)))
            .timeout_global(Some(Duration::from_secs(300)))
            .build()
            .into();
        ReceptionClient {
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

    /// Reads a JSON answer as `T`; a non-2xx answer becomes the server's `{code, message}`.
    fn answer<T: DeserializeOwned>(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<T, AppError> {
        let mut response = result.map_err(|e| self.unreachable(e))?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(20_000_000)
            .read_to_vec()
            .unwrap_or_default();
        if (200..300).contains(&status) {
            return serde_json::from_slice(&body).map_err(|e| AppError::Server {
                status,
                code: "server_answer_unexpected".into(),
                message: format!("the server's answer was not understood: {e}"),
            });
        }
        Err(match serde_json::from_slice::<ErrorBody>(&body) {
            Ok(error) => AppError::Server {
                status,
                code: error.code,
                message: error.message,
            },
            Err(_) => AppError::Server {
                status,
                code: "server_error".into(),
                message: format!("the server answered {status}"),
            },
        })
    }

    fn get<T: DeserializeOwned>(&self, path: &str, token: Option<&str>) -> Result<T, AppError> {
        let mut request = self.agent.get(self.url(path));
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        self.answer(request.call())
    }

    fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        token: Option<&str>,
        body: &impl Serialize,
    ) -> Result<T, AppError> {
        let mut request = self.agent.post(self.url(path));
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        self.answer(request.send_json(body))
    }

    fn delete<T: DeserializeOwned>(&self, path: &str, token: &str) -> Result<T, AppError> {
        let request = self
            .agent
            .delete(self.url(path))
            .header("Authorization", format!("Bearer {token}"));
        self.answer(request.call())
    }

    /// Whether the server answers at all (the diagnosis page).
    pub(crate) fn reachable(&self) -> bool {
        self.agent.get(self.url("/openapi.json")).call().is_ok()
    }

    pub(crate) fn register(
        &self,
        email: &str,
        email_again: &str,
        agreed_to_terms: bool,
    ) -> Result<(), AppError> {
        let _: Sent = self.post(
            "/api/register",
            None,
            &EmailTwiceRequest {
                email: email.to_owned(),
                email_again: email_again.to_owned(),
                agreed_to_terms,
            },
        )?;
        Ok(())
    }

    /// The code (or link token) from the e-mail; answers the address it confirmed.
    pub(crate) fn confirm(&self, token: &str) -> Result<String, AppError> {
        let confirmed: ConfirmedEmail = self.post(
            "/api/register/confirm",
            None,
            &TokenRequest {
                token: token.to_owned(),
            },
        )?;
        Ok(confirmed.email)
    }

    pub(crate) fn complete(
        &self,
        token: &str,
        user_type: &str,
        name_en: &str,
        telephone: &str,
        password: &str,
    ) -> Result<String, AppError> {
        let registered: Registered = self.post(
            "/api/register/complete",
            None,
            &CompleteRegistrationRequest {
                token: token.to_owned(),
                user_type: user_type.to_owned(),
                name_en: name_en.to_owned(),
                telephone: telephone.to_owned(),
                password: password.to_owned(),
            },
        )?;
        Ok(registered.user_id)
    }

    /// Signs in; answers the session token.
    pub(crate) fn login(&self, user_id: &str, password: &str) -> Result<String, AppError> {
        let session: SessionToken = self.post(
            "/api/login",
            None,
            &LoginRequest {
                user_id: user_id.to_owned(),
                password: password.to_owned(),
            },
        )?;
        Ok(session.token)
    }

    pub(crate) fn logout(&self, token: &str) -> Result<(), AppError> {
        let _: Done = self.post("/api/logout", Some(token), &Done {})?;
        Ok(())
    }

    pub(crate) fn forgot_user_id(&self, email: &str) -> Result<(), AppError> {
        let _: Sent = self.post(
            "/api/forgot-user-id",
            None,
            &EmailRequest {
                email: email.to_owned(),
            },
        )?;
        Ok(())
    }

    pub(crate) fn forgot_password(&self, user_id: &str, email: &str) -> Result<(), AppError> {
        let _: Sent = self.post(
            "/api/forgot-password",
            None,
            &ForgotPasswordRequest {
                user_id: user_id.to_owned(),
                email: email.to_owned(),
            },
        )?;
        Ok(())
    }

    pub(crate) fn reset_password(&self, code: &str, password: &str) -> Result<(), AppError> {
        let _: Done = self.post(
            "/api/reset-password",
            None,
            &PasswordResetRequest {
                token: code.to_owned(),
                password: password.to_owned(),
            },
        )?;
        Ok(())
    }

    pub(crate) fn me(&self, token: &str) -> Result<Account, AppError> {
        self.get("/api/me", Some(token))
    }

    /// `GET /api/health`: the profile and the `server_id` a submission's signature names.
    pub(crate) fn health(&self) -> Result<ServerHealth, AppError> {
        self.get("/api/health", None)
    }

    pub(crate) fn usage_challenge(&self, token: &str) -> Result<String, AppError> {
        let challenge: UsageChallenge = self.post("/api/usage/challenge", Some(token), &Done {})?;
        Ok(challenge.nonce)
    }

    pub(crate) fn usage_apply(
        &self,
        token: &str,
        nonce: &str,
        certificate_b64: &str,
        signature_b64: &str,
        info: Value,
        organisation_id: Option<&str>,
    ) -> Result<(), AppError> {
        let _: UsageApplied = self.post(
            "/api/usage",
            Some(token),
            &UsageRequest {
                nonce: nonce.to_owned(),
                certificate: certificate_b64.to_owned(),
                signature: signature_b64.to_owned(),
                info,
                organisation_id: organisation_id.map(str::to_owned),
            },
        )?;
        Ok(())
    }

    /// Change of the method of receipt (manual 6.4): a form, no card signature.
    pub(crate) fn change_receipt_method(
        &self,
        token: &str,
        form: &Value,
    ) -> Result<Application, AppError> {
        self.post(
            "/api/receipt-method",
            Some(token),
            &ReceiptMethodRequest { form: form.clone() },
        )
    }

    pub(crate) fn change_password(
        &self,
        token: &str,
        current: &str,
        new: &str,
    ) -> Result<(), AppError> {
        let _: Done = self.post(
            "/api/me/password",
            Some(token),
            &PasswordChangeRequest {
                current: current.to_owned(),
                new: new.to_owned(),
            },
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
        let _: Done = self.post(
            "/api/me/profile",
            Some(token),
            &ProfileChangeRequest {
                postal_code: postal_code.to_owned(),
                address: address.to_owned(),
                telephone: telephone.to_owned(),
            },
        )?;
        Ok(())
    }

    /// My page: a new e-mail address (twice) and the current password; the server mails a
    /// code to the new address.
    pub(crate) fn change_email(
        &self,
        token: &str,
        email: &str,
        email_again: &str,
        password: &str,
    ) -> Result<(), AppError> {
        let _: Sent = self.post(
            "/api/me/email",
            Some(token),
            &zairyu_wire::EmailChangeRequest {
                email: email.to_owned(),
                email_again: email_again.to_owned(),
                password: password.to_owned(),
            },
        )?;
        Ok(())
    }

    /// The code mailed to the new address, from the signed-in session that asked; answers the
    /// address now on the account.
    pub(crate) fn confirm_email_change(&self, token: &str, code: &str) -> Result<String, AppError> {
        let confirmed: ConfirmedEmail = self.post(
            "/api/me/email/confirm",
            Some(token),
            &TokenRequest {
                token: code.to_owned(),
            },
        )?;
        Ok(confirmed.email)
    }

    /// The procedure ids the student marked as favorites.
    pub(crate) fn favorites(&self, token: &str) -> Result<Vec<String>, AppError> {
        self.get("/api/favorites", Some(token))
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
        self.answer(result)
    }

    pub(crate) fn applications(&self, token: &str) -> Result<Vec<Application>, AppError> {
        self.get("/api/applications", Some(token))
    }

    /// The past application list (manual 6.3), searched by related information, procedure
    /// name and application date (`YYYYMMDD`); empty strings match everything.
    pub(crate) fn past_applications(
        &self,
        token: &str,
        related: &str,
        procedure: &str,
        date: &str,
    ) -> Result<Vec<Application>, AppError> {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("related", related)
            .append_pair("procedure", procedure)
            .append_pair("date", date)
            .finish();
        self.get(&format!("/api/applications/reusable?{query}"), Some(token))
    }

    /// One application with its newest version's form (the record: its versions, oldest
    /// first).
    pub(crate) fn application_record(
        &self,
        token: &str,
        id: i64,
    ) -> Result<ApplicationRecord, AppError> {
        self.get(&format!("/api/applications/{id}"), Some(token))
    }

    /// The Application Details screen's data (manual 5.1 step 5).
    pub(crate) fn application_details(
        &self,
        token: &str,
        id: i64,
    ) -> Result<ApplicationDetails, AppError> {
        self.get(&format!("/api/applications/{id}/details"), Some(token))
    }

    /// The bytes of one file of an application.
    pub(crate) fn application_file(
        &self,
        token: &str,
        id: i64,
        sha256: &str,
    ) -> Result<Vec<u8>, AppError> {
        let path = format!(
            "/api/applications/{id}/files/{}",
            url::form_urlencoded::byte_serialize(sha256.as_bytes()).collect::<String>()
        );
        let mut response = self
            .agent
            .get(self.url(&path))
            .header("Authorization", format!("Bearer {token}"))
            .call()
            .map_err(|e| self.unreachable(e))?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(30_000_000)
            .read_to_vec()
            .map_err(|e| self.unreachable(e))?;
        if (200..300).contains(&status) {
            return Ok(body);
        }
        Err(match serde_json::from_slice::<ErrorBody>(&body) {
            Ok(error) => AppError::Server {
                status,
                code: error.code,
                message: error.message,
            },
            Err(_) => AppError::Server {
                status,
                code: "server_error".into(),
                message: format!("the server answered {status}"),
            },
        })
    }

    /// Sends a signed submission as `multipart/form-data`: the metadata, then the files.
    /// `resubmit_of` sends it as a new version of an application In Return Process.
    pub(crate) fn submit(
        &self,
        token: &str,
        metadata: &SubmissionMetadata,
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
        self.answer(result)
    }

    // Organisations (`zairyu_wire::organisation`): the student's links, staff invitations,
    // the staff member's organisation, students and board.

    pub(crate) fn organisation(
        &self,
        token: &str,
        id: &str,
    ) -> Result<OrganisationSummary, AppError> {
        self.get(
            &format!("/api/organisations/{}", path_segment(id.trim())),
            Some(token),
        )
    }

    pub(crate) fn my_organisations(&self, token: &str) -> Result<OrganisationLinks, AppError> {
        self.get("/api/me/organisations", Some(token))
    }

    pub(crate) fn link_organisation(
        &self,
        token: &str,
        id: &str,
    ) -> Result<OrganisationLinks, AppError> {
        self.post(
            "/api/me/organisations",
            Some(token),
            &LinkOrganisationRequest {
                organisation_id: id.to_owned(),
            },
        )
    }

    pub(crate) fn unlink_organisation(
        &self,
        token: &str,
        id: &str,
    ) -> Result<OrganisationLinks, AppError> {
        self.delete(
            &format!("/api/me/organisations/{}", path_segment(id.trim())),
            token,
        )
    }

    pub(crate) fn staff_invitation(&self, code: &str) -> Result<StaffInvitation, AppError> {
        self.post(
            "/api/staff/invitation",
            None,
            &InvitationCodeRequest {
                code: code.to_owned(),
            },
        )
    }

    pub(crate) fn register_staff(
        &self,
        request: &StaffRegistrationRequest,
    ) -> Result<String, AppError> {
        let done: Registered = self.post("/api/staff/register", None, request)?;
        Ok(done.user_id)
    }

    pub(crate) fn staff_organisation(&self, token: &str) -> Result<StaffOrganisation, AppError> {
        self.get("/api/staff/organisation", Some(token))
    }

    pub(crate) fn linked_students(&self, token: &str) -> Result<LinkedStudents, AppError> {
        self.get("/api/staff/students", Some(token))
    }

    pub(crate) fn board(&self, token: &str, query: &BoardQuery) -> Result<BoardPage, AppError> {
        let mut request = self
            .agent
            .get(self.url("/api/staff/board"))
            .header("Authorization", format!("Bearer {token}"));
        let status = query.status.map(|s| s.as_str());
        for (key, value) in [
            ("page", query.page.map(|n| n.to_string())),
            ("page_size", query.page_size.map(|n| n.to_string())),
            ("search", query.search.clone()),
            ("status", status.map(str::to_owned)),
            ("procedure", query.procedure.clone()),
        ] {
            if let Some(value) = value {
                request = request.query(key, value);
            }
        }
        self.answer(request.call())
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

/// A file's name as it travels and as the server keeps it (so the signed name is the name
/// the server sees): quotes, backslashes and line breaks, which cannot appear in a quoted
/// header value, become `_`; other control characters and `/` are dropped; at most 100
/// characters.
pub(crate) fn wire_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if matches!(c, '"' | '\\' | '\r' | '\n') {
                '_'
            } else {
                c
            }
        })
        .filter(|c| !c.is_control() && *c != '/')
        .take(100)
        .collect()
}

/// A `multipart/form-data` body (RFC 7578): the `metadata` part as JSON, then each file.
fn multipart_body(
    boundary: &str,
    metadata: &SubmissionMetadata,
    files: &[FilePart<'_>],
) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n").as_bytes());
    body.extend(serde_json::to_vec(metadata).unwrap_or_default());
    for file in files {
        let name = wire_file_name(file.name);
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
        let metadata = SubmissionMetadata {
            procedure_id: "p".into(),
            submission_id: "s".into(),
            signed_at: "t".into(),
            form: serde_json::json!({"a": 1}),
            certificate: "c".into(),
            signature: "g".into(),
            for_user: None,
            agreed_to_terms: true,
            action: None,
            application_id: None,
            server_id: None,
            files: Vec::new(),
        };
        let body = multipart_body("B", &metadata, &files);
        let text = String::from_utf8_lossy(&body);
        assert!(text.starts_with("--B\r\nContent-Disposition: form-data; name=\"metadata\""));
        assert!(text.contains("\"form\":{\"a\":1}"));
        assert!(text.contains("\"agreed_to_terms\":true,\"files\":[]}\r\n--B\r\n"));
        assert!(text.contains("name=\"photo\"; filename=\"photo.jpg\""));
        assert!(text.contains("filename=\"成績_x.pdf\""));
        assert!(text.ends_with("%PDF-1.7\r\n--B--\r\n"));
        assert_eq!(wire_file_name("a\tb/c\"d.pdf"), "abc_d.pdf");
        assert_eq!(wire_file_name(&"x".repeat(120)).len(), 100);
    }

    #[test]
    fn a_closed_port_is_server_unreachable() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let reception = ReceptionClient::new(&format!("http://127.0.0.1:{port}"));
        let err = reception.login("ZR1", "x").unwrap_err();
        assert_eq!(err.code(), "server_unreachable");
        assert!(!reception.reachable());
    }
}
