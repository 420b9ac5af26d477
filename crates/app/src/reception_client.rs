//! The client of the reception server (`zairyu-server`'s HTTP API): accounts, the usage
//! application, submissions and their statuses. reqwest, driven on a small tokio runtime of
//! this module's own ([`block`]), so the app layer's functions stay plain blocking calls that
//! work on any thread (the desktop shell's command threads are themselves on a runtime).
//! Certificates are checked by the operating system's verifier and store
//! (rustls-platform-verifier): a campus TLS proxy or a private CA the OS trusts is trusted.
//! Every failure becomes an [`AppError`] whose code is the server's own code,
//! `server_unreachable` when no answer came, or `upload_stalled` / `upload_cancelled` for a
//! submission ([`ReceptionClient::submit`]: a streamed body with byte progress; it fails only
//! when no byte moved for a while, never for being slow).

use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
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

/// How long no byte may move (sending or awaiting the answer) before a request fails. A slow
/// link that keeps moving never fails: 25 MB at 1 Mbit/s takes about 3.5 minutes.
pub(crate) const STALL_LIMIT: Duration = Duration::from_secs(60);

/// Once the whole body is handed to the operating system, its last bytes may still sit in the
/// socket's send buffer (up to a few MB, which this side cannot watch drain) while the server
/// reads them; the answer is then awaited this much longer than the stall limit: 4 MiB at
/// 1 Mbit/s take about 34 seconds.
pub(crate) const SEND_BUFFER_DRAIN: Duration = Duration::from_secs(40);

/// The size of the pieces an upload is streamed in (progress moves by this much).
const UPLOAD_CHUNK: usize = 64 * 1024;

/// What a submission's upload reports and obeys: bytes sent out of the total, and a cancel
/// flag checked several times a second.
#[derive(Clone)]
pub(crate) struct UploadControl {
    /// Called with (bytes sent, bytes in all) as the body is handed to the network.
    pub(crate) progress: Arc<dyn Fn(u64, u64) + Send + Sync>,
    pub(crate) cancel: Arc<AtomicBool>,
    /// No byte moving for this long fails the upload ([`STALL_LIMIT`] but in tests).
    pub(crate) stall_limit: Duration,
}

impl std::fmt::Debug for UploadControl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadControl")
            .field("stall_limit", &self.stall_limit)
            .finish()
    }
}

impl Default for UploadControl {
    fn default() -> Self {
        UploadControl {
            progress: Arc::new(|_, _| {}),
            cancel: Arc::new(AtomicBool::new(false)),
            stall_limit: STALL_LIMIT,
        }
    }
}

/// The runtime every request runs on: one worker thread, started on first use.
fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("zairyu-http")
            .enable_all()
            .build()
            .expect("the HTTP runtime could not start (no thread could be made)")
    })
}

/// Runs `request` on the HTTP runtime and waits for it on this thread (any thread: the
/// caller is never itself inside that runtime).
fn block<T: Send + 'static>(request: impl Future<Output = T> + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    runtime().spawn(async move {
        let _ = tx.send(request.await);
    });
    rx.recv()
        .expect("an HTTP request's task ended without an answer")
}

/// rustls with the operating system's certificate verifier (ring, as the rest of the tree).
fn tls_config() -> Option<rustls::ClientConfig> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .ok()?
        .with_platform_verifier()
        .ok()
        .map(|b| b.with_no_client_auth())
}

/// The one HTTP client (its connection pool is shared by every `ReceptionClient`).
fn http_client() -> reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            let mut builder = reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(10))
                // Between two reads of an answer, not in all: a slow download never fails.
                .read_timeout(STALL_LIMIT)
                .user_agent(concat!("zairyu/", env!("CARGO_PKG_VERSION")));
            if let Some(tls) = tls_config() {
                builder = builder.use_preconfigured_tls(tls);
            }
            builder
                .build()
                .expect("the HTTP client could not be set up (TLS)")
        })
        .clone()
}

/// A connection to one reception server.
pub(crate) struct ReceptionClient {
    base: String,
    http: reqwest::Client,
}

impl std::fmt::Debug for ReceptionClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReceptionClient")
            .field("base", &self.base)
            .finish()
    }
}

/// An answer as it came: its status and body.
struct Answer {
    status: u16,
    body: Vec<u8>,
}

impl ReceptionClient {
    pub(crate) fn new(base: &str) -> ReceptionClient {
        ReceptionClient {
            base: base.trim_end_matches('/').to_owned(),
            http: http_client(),
        }
    }

    pub(crate) fn base(&self) -> &str {
        &self.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn unreachable(&self, detail: String) -> AppError {
        AppError::ServerUnreachable {
            url: self.base.clone(),
            detail,
        }
    }

    /// Sends a request and reads its whole answer (at most `limit` bytes).
    fn call(&self, request: reqwest::RequestBuilder, limit: usize) -> Result<Answer, AppError> {
        let result = block(async move {
            let response = request.send().await.map_err(|e| error_chain(&e))?;
            let status = response.status().as_u16();
            let mut body = Vec::new();
            let mut stream = response.bytes_stream();
            while let Some(piece) = stream.next().await {
                let piece = piece.map_err(|e| error_chain(&e))?;
                if body.len() + piece.len() > limit {
                    return Err(format!("the answer is larger than {limit} bytes"));
                }
                body.extend_from_slice(&piece);
            }
            Ok(Answer { status, body })
        });
        result.map_err(|detail| self.unreachable(detail))
    }

    /// Reads a JSON answer as `T`; a non-2xx answer becomes the server's `{code, message}`.
    fn answer<T: DeserializeOwned>(&self, answer: Answer) -> Result<T, AppError> {
        let Answer { status, body } = answer;
        if (200..300).contains(&status) {
            return serde_json::from_slice(&body).map_err(|e| AppError::Server {
                status,
                code: "server_answer_unexpected".into(),
                message: format!("the server's answer was not understood: {e}"),
            });
        }
        Err(server_error(status, &body))
    }

    fn authorized(
        request: reqwest::RequestBuilder,
        token: Option<&str>,
    ) -> reqwest::RequestBuilder {
        match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    fn get<T: DeserializeOwned>(&self, path: &str, token: Option<&str>) -> Result<T, AppError> {
        let request = Self::authorized(self.http.get(self.url(path)), token);
        let answer = self.call(request, 20_000_000)?;
        self.answer(answer)
    }

    fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        token: Option<&str>,
        body: &impl Serialize,
    ) -> Result<T, AppError> {
        let json = serde_json::to_vec(body).map_err(|e| AppError::Server {
            status: 0,
            code: "server_answer_unexpected".into(),
            message: format!("the request could not be written: {e}"),
        })?;
        let request = Self::authorized(self.http.post(self.url(path)), token)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(json);
        let answer = self.call(request, 20_000_000)?;
        self.answer(answer)
    }

    fn delete<T: DeserializeOwned>(&self, path: &str, token: &str) -> Result<T, AppError> {
        let request = Self::authorized(self.http.delete(self.url(path)), Some(token));
        let answer = self.call(request, 20_000_000)?;
        self.answer(answer)
    }

    /// Whether the server answers at all (the diagnosis page).
    pub(crate) fn reachable(&self) -> bool {
        self.call(self.http.get(self.url("/openapi.json")), 20_000_000)
            .is_ok()
    }

    pub(crate) fn register(
        &self,
        email: &str,
        email_again: &str,
        agreed_to_terms: bool,
        language: Option<String>,
    ) -> Result<(), AppError> {
        let _: Sent = self.post(
            "/api/register",
            None,
            &EmailTwiceRequest {
                email: email.to_owned(),
                email_again: email_again.to_owned(),
                agreed_to_terms,
                language,
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
        language: Option<String>,
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
                language,
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
        let request = if on {
            self.http.put(url)
        } else {
            self.http.delete(url)
        };
        let answer = self.call(request.bearer_auth(token), 20_000_000)?;
        self.answer(answer)
    }

    pub(crate) fn applications(&self, token: &str) -> Result<Vec<Application>, AppError> {
        self.get("/api/applications", Some(token))
    }

    /// The applications the session may see, with whom each is for (`user_id`): a staff
    /// member's are those of every student linked to their organisation.
    pub(crate) fn application_records(
        &self,
        token: &str,
    ) -> Result<Vec<ApplicationRecord>, AppError> {
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
        let request = self.http.get(self.url(&path)).bearer_auth(token);
        let Answer { status, body } = self.call(request, 30_000_000)?;
        if (200..300).contains(&status) {
            return Ok(body);
        }
        Err(server_error(status, &body))
    }

    /// Sends a signed submission as `multipart/form-data`: the metadata, then the files,
    /// streamed in pieces with `control.progress` told of every piece. It fails only when no
    /// byte moved for `control.stall_limit` (`upload_stalled`) or when `control.cancel` is set
    /// (`upload_cancelled`); a slow upload that keeps moving takes as long as it needs.
    /// `resubmit_of` sends it as a new version of an application In Return Process.
    pub(crate) fn submit(
        &self,
        token: &str,
        metadata: &SubmissionMetadata,
        files: &[FilePart<'_>],
        resubmit_of: Option<i64>,
        control: &UploadControl,
    ) -> Result<Application, AppError> {
        let boundary = format!("zairyu-{}", uuid::Uuid::new_v4().simple());
        let body = multipart_body(&boundary, metadata, files);
        let path = match resubmit_of {
            Some(id) => format!("/api/applications/{id}/resubmit"),
            None => "/api/applications".to_owned(),
        };
        let total = body.len() as u64;
        let sent = Arc::new(AtomicU64::new(0));
        let pieces: Vec<Vec<u8>> = body.chunks(UPLOAD_CHUNK).map(<[u8]>::to_vec).collect();
        drop(body);
        let stream = {
            let sent = Arc::clone(&sent);
            let progress = Arc::clone(&control.progress);
            futures_util::stream::iter(pieces).map(move |piece| {
                let now =
                    sent.fetch_add(piece.len() as u64, Ordering::Relaxed) + piece.len() as u64;
                progress(now, total);
                Ok::<_, std::io::Error>(piece)
            })
        };
        let request = self
            .http
            .post(self.url(&path))
            .bearer_auth(token)
            .header(
                reqwest::header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(reqwest::header::CONTENT_LENGTH, total)
            .body(reqwest::Body::wrap_stream(stream));
        let cancel = Arc::clone(&control.cancel);
        let stall_limit = control.stall_limit;
        let outcome = block(async move {
            let answer = async {
                let response = request.send().await.map_err(|e| error_chain(&e))?;
                let status = response.status().as_u16();
                let body = response.bytes().await.map_err(|e| error_chain(&e))?;
                Ok::<_, String>(Answer {
                    status,
                    body: body.to_vec(),
                })
            };
            tokio::pin!(answer);
            let mut last = 0;
            let mut moved_at = Instant::now();
            let mut tick = tokio::time::interval(Duration::from_millis(200));
            loop {
                tokio::select! {
                    answer = &mut answer => return Upload::Answered(answer),
                    _ = tick.tick() => {
                        if cancel.load(Ordering::Relaxed) {
                            return Upload::Cancelled;
                        }
                        let now = sent.load(Ordering::Relaxed);
                        // All handed over: the send buffer drains unseen, then the answer.
                        let limit = if now == total {
                            stall_limit + SEND_BUFFER_DRAIN
                        } else {
                            stall_limit
                        };
                        if now != last {
                            last = now;
                            moved_at = Instant::now();
                        } else if moved_at.elapsed() >= limit {
                            return Upload::Stalled { sent: now, seconds: limit.as_secs() };
                        }
                    }
                }
            }
        });
        match outcome {
            Upload::Answered(Ok(answer)) => self.answer(answer),
            Upload::Answered(Err(detail)) => Err(self.unreachable(detail)),
            Upload::Cancelled => Err(AppError::UploadCancelled),
            Upload::Stalled { sent, seconds } => Err(AppError::UploadStalled {
                seconds,
                sent,
                total,
            }),
        }
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
        let status = query.status.map(|s| s.as_str());
        let pairs: Vec<(&str, String)> = [
            ("page", query.page.map(|n| n.to_string())),
            ("page_size", query.page_size.map(|n| n.to_string())),
            ("search", query.search.clone()),
            ("status", status.map(str::to_owned)),
            ("procedure", query.procedure.clone()),
        ]
        .into_iter()
        .filter_map(|(key, value)| value.map(|v| (key, v)))
        .collect();
        let request = Self::authorized(self.http.get(self.url("/api/staff/board")), Some(token))
            .query(&pairs);
        let answer = self.call(request, 20_000_000)?;
        self.answer(answer)
    }
}

/// How an upload ended.
enum Upload {
    Answered(Result<Answer, String>),
    Cancelled,
    Stalled { sent: u64, seconds: u64 },
}

/// A non-2xx answer as the server's `{code, message}` (or a generic `server_error`).
fn server_error(status: u16, body: &[u8]) -> AppError {
    match serde_json::from_slice::<ErrorBody>(body) {
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
    }
}

/// An HTTP error with its causes ("error sending request: connection refused"), for the
/// `server_unreachable` detail.
fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
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
pub(crate) mod tests {
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
        // Any thread may call it, one on a tokio runtime (the desktop's commands) too.
        let err = reception.login("ZR1", "x").unwrap_err();
        assert_eq!(err.code(), "server_unreachable");
        assert!(!reception.reachable());
    }

    /// The stand-in server with a slow uplink (testkit), filing under the submission ID
    /// of [`metadata`].
    pub(crate) fn throttled_server(rate: usize, stop_after: Option<usize>) -> String {
        zairyu_testkit::throttled_reception::start(rate, stop_after, "slow")
    }

    pub(crate) fn metadata() -> SubmissionMetadata {
        SubmissionMetadata {
            procedure_id: "extension-of-stay".into(),
            submission_id: "slow".into(),
            signed_at: "t".into(),
            form: serde_json::json!({}),
            certificate: "c".into(),
            signature: "g".into(),
            for_user: None,
            agreed_to_terms: true,
            action: None,
            application_id: None,
            server_id: None,
            files: Vec::new(),
        }
    }

    /// A control that records every progress report.
    /// Every (sent, total) progress report, in order.
    type Reports = Arc<std::sync::Mutex<Vec<(u64, u64)>>>;

    fn recording(stall: Duration) -> (UploadControl, Reports) {
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let control = UploadControl {
            progress: Arc::new(move |sent, total| log.lock().unwrap().push((sent, total))),
            cancel: Arc::new(AtomicBool::new(false)),
            stall_limit: stall,
        };
        (control, seen)
    }

    #[test]
    fn a_slow_upload_that_keeps_moving_finishes_however_long_it_takes() {
        // 16 MB at 2 MB/s: about eight seconds, eight times the stall limit of one second (the
        // old client had one fixed limit for the whole request instead). The body is larger
        // than what the sockets' buffers take in at once, so progress moves as it is read.
        let url = throttled_server(2_000_000, None);
        let (control, seen) = recording(Duration::from_secs(1));
        let bytes = vec![7u8; 16_000_000];
        let files = [FilePart {
            kind: "attachment",
            name: "big.pdf",
            bytes: &bytes,
        }];
        let started = Instant::now();
        let filed = ReceptionClient::new(&url)
            .submit("tok", &metadata(), &files, None, &control)
            .unwrap();
        let took = started.elapsed();
        assert_eq!(filed.reference_number, "ZR-SLOW");
        assert!(took > Duration::from_secs(6), "took {took:?}");
        let seen = seen.lock().unwrap();
        let (last_sent, total) = *seen.last().unwrap();
        assert_eq!(last_sent, total);
        assert!(total > 16_000_000);
        assert!(seen.len() > 20, "progress came in pieces: {}", seen.len());
        assert!(seen.windows(2).all(|w| w[0].0 < w[1].0));
        println!(
            "slow upload: {total} bytes in {took:?}, {} progress reports",
            seen.len()
        );
    }

    #[test]
    fn an_upload_that_stops_moving_fails_with_upload_stalled() {
        // The server stops reading after 200 kB; the body (24 MB) is larger than what the
        // sockets' buffers take in, so the sending side stops moving too.
        let url = throttled_server(50_000_000, Some(200_000));
        let (control, _) = recording(Duration::from_secs(2));
        let bytes = vec![7u8; 24_000_000];
        let files = [FilePart {
            kind: "attachment",
            name: "big.pdf",
            bytes: &bytes,
        }];
        let started = Instant::now();
        let err = ReceptionClient::new(&url)
            .submit("tok", &metadata(), &files, None, &control)
            .unwrap_err();
        assert_eq!(err.code(), "upload_stalled", "{err}");
        assert!(started.elapsed() < Duration::from_secs(25));
        assert!(
            err.to_string().contains("no data moved for 2 seconds"),
            "{err}"
        );
    }

    #[test]
    fn cancel_stops_an_upload_under_way() {
        let url = throttled_server(200_000, None);
        let (control, seen) = recording(Duration::from_secs(60));
        let cancel = Arc::clone(&control.cancel);
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(800));
            cancel.store(true, Ordering::SeqCst);
        });
        let bytes = vec![7u8; 20_000_000];
        let files = [FilePart {
            kind: "attachment",
            name: "big.pdf",
            bytes: &bytes,
        }];
        let started = Instant::now();
        let err = ReceptionClient::new(&url)
            .submit("tok", &metadata(), &files, None, &control)
            .unwrap_err();
        assert_eq!(err.code(), "upload_cancelled");
        assert!(started.elapsed() < Duration::from_secs(5));
        let (sent, total) = *seen.lock().unwrap().last().unwrap();
        assert!(sent < total);
    }
}
