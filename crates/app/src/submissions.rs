//! Filing an application: the draft is signed with the card, written to the outbox
//! (`DATA/outbox/<submission id>/`, a frozen copy of exactly what was signed), then sent.
//! When the server cannot be reached the signed submission waits there, across restarts, and
//! is sent by [`App::send_queued`]; the server files a submission id only once, so a send
//! repeated after a crash never makes a second application. Receipts are kept in
//! `DATA/receipts/`.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use zairyu_forms::signing::{AttachmentDigest, SignedAction, SignedContent};

use crate::error::AppError;
use crate::reception_client::{wire_file_name, FilePart};
use crate::App;
use zairyu_wire::{Application, SignedFile, SubmissionMetadata};

/// The server id last answered by `/api/health` (`DATA/server-id.json`), so a submission
/// signed while the server is unreachable names it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RememberedServer {
    server_id: String,
}

const REMEMBERED_SERVER: &str = "server-id.json";

/// A file of a queued submission.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct QueuedFile {
    /// `photo` or `attachment`.
    kind: String,
    /// The name sent to the server.
    name: String,
    /// The copy inside the outbox folder.
    file: String,
}

/// A signed submission waiting in the outbox (`submission.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Queued {
    draft_id: String,
    /// The `metadata` part, signature included.
    metadata: SubmissionMetadata,
    files: Vec<QueuedFile>,
    /// Sent as a new version of this application (In Return Process).
    resubmit_of: Option<i64>,
    queued_at: String,
    /// The user ID of the account that signed it: only that account sends it. None in an
    /// outbox written before it was recorded (such a submission is never sent automatically).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    account: Option<String>,
}

/// A line of the outbox, for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QueuedSubmission {
    pub submission_id: String,
    pub draft_id: String,
    pub procedure_id: String,
    pub queued_at: String,
    /// Signed while another account (or an unknown one) was signed in on this computer: it is
    /// kept, and never sent by the account signed in now.
    pub belongs_to_someone_else: bool,
}

/// The receipt of a filed application (manual 4.2.10), kept locally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Receipt {
    pub draft_id: String,
    pub received_at: String,
    pub application: Application,
}

/// What became of a submission.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
// One outcome per signing, handed to the UI once: the receipt's size (an `Application`, which
// now also names who filed it for whom) costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub enum SubmitOutcome {
    /// Filed: the receipt.
    Sent { receipt: Receipt },
    /// Signed and kept in the outbox; sent when the server is reachable again.
    Queued {
        submission: QueuedSubmission,
        reason: String,
    },
}

/// Whether `current` (the account signed in here) may send `q`: only the account that signed.
fn belongs_to(q: &Queued, current: Option<&str>) -> bool {
    matches!((q.account.as_deref(), current), (Some(owner), Some(me)) if owner == me)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> AppError + '_ {
    move |source| AppError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The procedure sent as a plain form (manual 6.4), not signed with the card.
pub const RECEIPT_METHOD_CHANGE: &str = "change-of-receipt-method";

impl App {
    /// Sends a change of the method of receipt: online only, no signature, no PIN.
    fn change_receipt_method(
        &self,
        token: &str,
        draft_id: &str,
        form: &Value,
    ) -> Result<SubmitOutcome, AppError> {
        let application = self.reception()?.change_receipt_method(token, form)?;
        let receipt = Receipt {
            draft_id: draft_id.to_owned(),
            received_at: zairyu_drafts::now(),
            application,
        };
        let _ = self.drafts_folder().mark_submitted(
            draft_id,
            &receipt.application.reference_number,
            &receipt.received_at,
        );
        Ok(SubmitOutcome::Sent { receipt })
    }

    /// Asks the server who it is and remembers the answer (at sign-in and before signing).
    pub(crate) fn remember_server_id(&self) -> Result<String, AppError> {
        let health = self.reception()?.health()?;
        crate::json_file::write_json(
            &self.data_dir,
            REMEMBERED_SERVER,
            &RememberedServer {
                server_id: health.server_id.clone(),
            },
        )?;
        Ok(health.server_id)
    }

    /// The server a signature is bound to: asked now; while the server cannot be reached, the
    /// one it last answered (so signing offline still queues; a server that turns out to be
    /// another one refuses it with `signed_for_another_server`).
    fn server_id_for_signing(&self) -> Result<String, AppError> {
        match self.remember_server_id() {
            Ok(id) => Ok(id),
            Err(e @ AppError::ServerUnreachable { .. }) => {
                crate::json_file::read_json::<RememberedServer>(&self.data_dir, REMEMBERED_SERVER)?
                    .value()
                    .map(|r| r.server_id)
                    .ok_or(e)
            }
            Err(e) => Err(e),
        }
    }

    fn outbox(&self) -> PathBuf {
        self.work_dir().join("outbox")
    }

    fn receipts_dir(&self) -> PathBuf {
        self.work_dir().join("receipts")
    }

    /// Signs the draft with the card's user-authentication key (one PIN entry), queues it and
    /// sends it. A draft with errors is refused before the card is touched.
    pub fn submit_draft(
        &self,
        draft_id: &str,
        reader: Option<&str>,
        pin: &str,
        last_try: bool,
        resubmit_of: Option<i64>,
    ) -> Result<SubmitOutcome, AppError> {
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        // Who signs: recorded with the queued submission, so only this account sends it.
        let account = self.current_account(&token);
        // Proxy filing: staff at a counter file for the linked student of the visit; the
        // student's card signs, and the signed content names the student.
        let applicant = self.filing_for(&token);
        // Signing a filed draft again would file a second application (issue 15 item 14):
        // only a resubmission of a returned application signs it again. Checked before the
        // card is touched, so no PIN try is used.
        if let Some(queued) = self
            .queued_for(None)
            .into_iter()
            .find(|q| q.draft_id == draft_id)
        {
            return Err(AppError::AlreadyFiled(format!(
                "submission {} waiting in the outbox",
                queued.submission_id
            )));
        }
        if resubmit_of.is_none() {
            if let Some(submitted) = self
                .drafts_folder()
                .open(draft_id)?
                .meta()
                .submitted
                .clone()
            {
                return Err(AppError::AlreadyFiled(submitted.reference_number));
            }
        }
        let state = self.drafts_folder().get(draft_id)?;
        let errors = state
            .report
            .findings
            .iter()
            .filter(|f| f.severity == zairyu_forms::Severity::Error)
            .count();
        if errors > 0 {
            return Err(AppError::DraftNotReady(errors));
        }
        let draft = self.drafts_folder().open(draft_id)?;
        let meta = draft.meta();
        if meta.procedure == RECEIPT_METHOD_CHANGE {
            return self.change_receipt_method(&token, draft_id, draft.form());
        }
        let server_id = self.server_id_for_signing()?;
        let submission_id = uuid::Uuid::new_v4().to_string();
        log::info!(
            target: crate::log_trail::TARGET,
            "submission {submission_id}: signing an application ({})",
            meta.procedure
        );
        let mut files = Vec::new();
        let mut photo_sha256 = None;
        let mut attachments = Vec::new();
        for entry in &meta.attachments {
            // Signed as the server will name it.
            let name = wire_file_name(entry.file.rsplit('/').next().unwrap_or(&entry.file));
            let name = name.as_str();
            if entry.file.starts_with("attachments/") {
                attachments.push(AttachmentDigest {
                    name: name.to_owned(),
                    sha256: entry.sha256.clone(),
                });
                files.push(("attachment", name.to_owned(), entry));
            } else {
                photo_sha256 = Some(entry.sha256.clone());
                files.push(("photo", name.to_owned(), entry));
            }
        }
        let content = SignedContent {
            action: if resubmit_of.is_some() {
                SignedAction::Resubmission
            } else {
                SignedAction::Submission
            },
            application_id: resubmit_of,
            server_id,
            procedure_id: meta.procedure.clone(),
            form: draft.form().clone(),
            photo_sha256,
            attachments,
            submission_id: submission_id.clone(),
            signed_at: zairyu_drafts::now(),
            applicant: applicant.clone(),
        };
        // The copies are made before the PIN is asked for: a full disk costs no try.
        let folder = self.outbox().join(&submission_id);
        let staging = self.outbox().join(format!(".{submission_id}"));
        fs::create_dir_all(&staging).map_err(io(&staging))?;
        // Whatever fails from here to the signature leaves no half-made folder behind.
        let staged = (|| {
            let mut queued_files = Vec::new();
            for (i, (kind, name, entry)) in files.iter().enumerate() {
                let bytes = draft.read_file(entry)?;
                if zairyu_forms::signing::sha256_hex(&bytes) != entry.sha256 {
                    return Err(AppError::DraftFileChanged(name.clone()));
                }
                let copy = format!("{i}.bin");
                zairyu_drafts::atomic::write_synced(&staging.join(&copy), &bytes)
                    .map_err(io(&staging))?;
                queued_files.push(QueuedFile {
                    kind: (*kind).to_owned(),
                    name: name.clone(),
                    file: copy,
                });
            }
            let (certificate, signature) =
                self.card
                    .sign_with_auth_key(reader, &content.canonical_bytes(), pin, last_try)?;
            self.remember_card_expiry_of(&certificate);
            Ok((queued_files, certificate, signature))
        })();
        let (queued_files, certificate, signature) = match staged {
            Ok(staged) => staged,
            Err(e) => {
                let _ = fs::remove_dir_all(&staging);
                return Err(e);
            }
        };
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD;
        let queued = Queued {
            draft_id: draft_id.to_owned(),
            metadata: SubmissionMetadata {
                procedure_id: content.procedure_id.clone(),
                submission_id: content.submission_id.clone(),
                signed_at: content.signed_at.clone(),
                form: content.form.clone(),
                certificate: b64.encode(certificate),
                signature: b64.encode(signature),
                for_user: applicant,
                agreed_to_terms: true,
                action: Some(content.action.as_str().to_owned()),
                application_id: content.application_id,
                server_id: Some(content.server_id.clone()),
                files: queued_files
                    .iter()
                    .zip(&files)
                    .map(|(q, (_, _, entry))| SignedFile {
                        kind: q.kind.clone(),
                        name: q.name.clone(),
                        sha256: entry.sha256.clone(),
                    })
                    .collect(),
            },
            files: queued_files,
            resubmit_of,
            queued_at: zairyu_drafts::now(),
            account: account.clone(),
        };
        // The rename makes the queued submission appear whole or not at all; every file and
        // both folders are synced first, so a power cut cannot leave a signed submission half
        // on disk (write_json syncs the staging folder).
        let outbox = self.outbox();
        let kept = crate::json_file::write_json(&staging, "submission.json", &queued)
            .and_then(|()| fs::rename(&staging, &folder).map_err(io(&folder)))
            .and_then(|()| zairyu_drafts::atomic::sync_dir(&outbox).map_err(io(&outbox)));
        if let Err(e) = kept {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
        self.send_one(&token, account.as_deref(), &submission_id)
    }

    /// The user ID of the account `token` belongs to: as recorded at sign-in, else asked of
    /// the server (None when it cannot be reached).
    fn current_account(&self, token: &str) -> Option<String> {
        self.signed_in_user().or_else(|| {
            let account = self.reception().and_then(|r| r.me(token)).ok()?;
            self.remember_signed_in(Some(&account.user_id));
            Some(account.user_id)
        })
    }

    fn read_queued(&self, submission_id: &str) -> Result<Queued, AppError> {
        let file = self.outbox().join(submission_id).join("submission.json");
        let bytes = fs::read(&file).map_err(io(&file))?;
        serde_json::from_slice(&bytes).map_err(|e| AppError::Io {
            path: file.clone(),
            source: std::io::Error::other(e),
        })
    }

    fn summary(submission_id: &str, q: &Queued, current: Option<&str>) -> QueuedSubmission {
        QueuedSubmission {
            submission_id: submission_id.to_owned(),
            draft_id: q.draft_id.clone(),
            procedure_id: q.metadata.procedure_id.clone(),
            queued_at: q.queued_at.clone(),
            // Signed out: nobody's is "someone else's" yet (none is sent either).
            belongs_to_someone_else: current.is_some() && !belongs_to(q, current),
        }
    }

    /// Sends one queued submission. Unreachable, a server error or an ended session: it stays
    /// queued. Refused for its content: it is removed (the signature covers content the server will never accept) and the error
    /// says why, so the student fixes the draft and signs again.
    fn send_one(
        &self,
        token: &str,
        current: Option<&str>,
        submission_id: &str,
    ) -> Result<SubmitOutcome, AppError> {
        use crate::log_trail::TARGET;
        log::info!(target: TARGET, "submission {submission_id}: sending");
        let outcome = self.send_one_unlogged(token, current, submission_id);
        // The submission ID and the reference number only (no form value, no file name); on
        // a counter PC not even the reference number: nothing of a visit outlives it.
        match &outcome {
            Ok(SubmitOutcome::Sent { .. }) if self.counter.on() => log::info!(
                target: TARGET,
                "submission {submission_id}: filed (reference not logged on a counter PC)"
            ),
            Ok(SubmitOutcome::Sent { receipt }) => log::info!(
                target: TARGET,
                "submission {submission_id}: filed as {}",
                receipt.application.reference_number
            ),
            Ok(SubmitOutcome::Queued { .. }) => {
                log::info!(target: TARGET, "submission {submission_id}: kept in the outbox")
            }
            Err(e) => log::warn!(
                target: TARGET,
                "submission {submission_id}: failed with {}",
                e.code()
            ),
        }
        outcome
    }

    fn send_one_unlogged(
        &self,
        token: &str,
        current: Option<&str>,
        submission_id: &str,
    ) -> Result<SubmitOutcome, AppError> {
        let folder = self.outbox().join(submission_id);
        let queued = self.read_queued(submission_id)?;
        if !belongs_to(&queued, current) {
            return Ok(SubmitOutcome::Queued {
                submission: Self::summary(submission_id, &queued, current),
                reason: "signed by another account: kept, never sent by this one".into(),
            });
        }
        let mut contents = Vec::new();
        for f in &queued.files {
            let path = folder.join(&f.file);
            contents.push(fs::read(&path).map_err(io(&path))?);
        }
        let parts: Vec<FilePart<'_>> = queued
            .files
            .iter()
            .zip(&contents)
            .map(|(f, bytes)| FilePart {
                kind: if f.kind == "photo" {
                    "photo"
                } else {
                    "attachment"
                },
                name: &f.name,
                bytes,
            })
            .collect();
        let control = self.upload.control(submission_id);
        let sent = self.reception().and_then(|r| {
            r.submit(
                token,
                &queued.metadata,
                &parts,
                queued.resubmit_of,
                &control,
            )
        });
        match sent {
            Ok(application) => {
                let receipt = Receipt {
                    draft_id: queued.draft_id.clone(),
                    received_at: zairyu_drafts::now(),
                    application,
                };
                let dir = self.receipts_dir();
                fs::create_dir_all(&dir).map_err(io(&dir))?;
                crate::json_file::write_json(&dir, &format!("{submission_id}.json"), &receipt)?;
                // Not announced back as a status change (best effort: the receipt is kept).
                let _ = self.remember_status(&receipt.application);
                // The draft may have been set aside meanwhile; the receipt is what counts.
                let _ = self.drafts_folder().mark_submitted(
                    &queued.draft_id,
                    &receipt.application.reference_number,
                    &receipt.received_at,
                );
                fs::remove_dir_all(&folder).map_err(io(&folder))?;
                Ok(SubmitOutcome::Sent { receipt })
            }
            // Not the content's fault — no answer, a server error, a timeout, a rate limit, or
            // a session that ended (sign in again): kept, to be sent later.
            Err(AppError::ServerUnreachable { detail, .. })
            | Err(AppError::Server {
                status: 401 | 408 | 429 | 500..=599,
                message: detail,
                ..
            }) => Ok(SubmitOutcome::Queued {
                submission: Self::summary(submission_id, &queued, current),
                reason: detail,
            }),
            // Stopped on this side (no byte moved for a while, or Cancel): kept, and said
            // with its own code so the window can tell which.
            Err(e @ (AppError::UploadStalled { .. } | AppError::UploadCancelled)) => Err(e),
            Err(e) => {
                let _ = fs::remove_dir_all(&folder);
                Err(e)
            }
        }
    }

    /// The signed submissions waiting to be sent, oldest first; those signed by another
    /// account than the one signed in here are marked so.
    pub fn queued_submissions(&self) -> Vec<QueuedSubmission> {
        self.queued_for(self.signed_in_user().as_deref())
    }

    fn queued_for(&self, current: Option<&str>) -> Vec<QueuedSubmission> {
        let mut out = Vec::new();
        let Ok(entries) = fs::read_dir(self.outbox()) else {
            return out;
        };
        for entry in entries.flatten() {
            let id = entry.file_name().to_string_lossy().into_owned();
            if id.starts_with('.') {
                continue;
            }
            if let Ok(q) = self.read_queued(&id) {
                out.push(Self::summary(&id, &q, current));
            }
        }
        out.sort_by(|a, b| a.queued_at.cmp(&b.queued_at));
        out
    }

    /// Sends what the signed-in account signed and waits in the outbox (at start-up, when the
    /// server is back, on request); another account's submissions stay, unsent. Stops at the
    /// first submission the server cannot be reached for.
    pub fn send_queued(&self) -> Result<Vec<SubmitOutcome>, AppError> {
        if self.queued_submissions().is_empty() {
            return Ok(Vec::new());
        }
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        let current = self.current_account(&token);
        let mut out = Vec::new();
        for q in self.queued_for(current.as_deref()) {
            if q.belongs_to_someone_else {
                continue;
            }
            let outcome = self.send_one(&token, current.as_deref(), &q.submission_id)?;
            let stop = matches!(outcome, SubmitOutcome::Queued { .. });
            out.push(outcome);
            if stop {
                break;
            }
        }
        Ok(out)
    }

    /// The receipts kept on this computer, newest first.
    pub fn receipts(&self) -> Vec<Receipt> {
        let mut out: Vec<Receipt> = fs::read_dir(self.receipts_dir())
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| fs::read(e.path()).ok())
            .filter_map(|b| serde_json::from_slice(&b).ok())
            .collect();
        out.sort_by(|a, b| b.received_at.cmp(&a.received_at));
        out
    }

    /// The student's applications with their statuses, from the server. Inside a counter
    /// visit the staff member's session shows only the applications of the student the visit
    /// files for (none while nobody is chosen), never the rest of the school's.
    pub fn applications(&self) -> Result<Vec<Application>, AppError> {
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        match self.visit_shows_only(&token) {
            None => self.reception()?.applications(&token),
            Some(None) => Ok(Vec::new()),
            Some(Some(student)) => Ok(self
                .reception()?
                .application_records(&token)?
                .into_iter()
                .filter(|r| r.user_id == student)
                .map(|r| r.application)
                .collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpListener;
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::{MemoryVault, Profile};

    /// A reception server just big enough for sign-in and filing: every password is right,
    /// the token names the user, and each filing is recorded as (token, submission id).
    /// What the fake server filed: (session token, submission id), in order.
    type Filed = Arc<Mutex<Vec<(String, String)>>>;

    fn fake_reception() -> (String, Filed) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let filed = Arc::new(Mutex::new(Vec::new()));
        let seen = filed.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut reader = BufReader::new(stream);
                let mut head = Vec::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    head.push(line);
                }
                let header = |name: &str| {
                    head.iter().find_map(|l| {
                        let (n, v) = l.split_once(':')?;
                        n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
                    })
                };
                let length = header("content-length")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                let body = String::from_utf8_lossy(&body).into_owned();
                let token = header("authorization")
                    .and_then(|v| v.strip_prefix("Bearer ").map(str::to_owned))
                    .unwrap_or_default();
                let request = head.first().cloned().unwrap_or_default();
                let answer = if request.starts_with("POST /api/login") {
                    let user: serde_json::Value = serde_json::from_str(&body).unwrap();
                    serde_json::json!({ "token": format!("tok-{}", user["user_id"].as_str().unwrap()) })
                } else if request.starts_with("GET /api/me") {
                    serde_json::json!({
                        "user_id": token.trim_start_matches("tok-"), "email": "s@example.jp",
                        "user_type": "foreign_national", "name_en": "S", "telephone": "0",
                        "role": "applicant", "usage_application_done": true
                    })
                } else if request.starts_with("POST /api/applications") {
                    let id = body
                        .split("\"submission_id\":\"")
                        .nth(1)
                        .unwrap_or_default();
                    let id = id.split('"').next().unwrap_or_default().to_owned();
                    seen.lock().unwrap().push((token, id.clone()));
                    serde_json::json!({
                        "id": 1, "reference_number": "ZR-1", "temporary_reception_number": "T1",
                        "procedure_id": "extension-of-stay", "submission_id": id,
                        "status": "pending", "created_at": 0, "updated_at": 0
                    })
                } else if request.starts_with("GET /api/applications") {
                    serde_json::json!([])
                } else {
                    serde_json::json!({})
                };
                let answer = answer.to_string();
                let mut stream = reader.into_inner();
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                    answer.len()
                );
            }
        });
        (url, filed)
    }

    /// A signed submission in the outbox, as `submit_draft` leaves it when offline.
    fn queue(app: &App, submission_id: &str, account: Option<&str>) {
        let folder = app.outbox().join(submission_id);
        fs::create_dir_all(&folder).unwrap();
        let queued = Queued {
            draft_id: format!("draft-{submission_id}"),
            metadata: SubmissionMetadata {
                procedure_id: "extension-of-stay".into(),
                submission_id: submission_id.into(),
                signed_at: zairyu_drafts::now(),
                form: serde_json::json!({}),
                certificate: "c".into(),
                signature: "s".into(),
                for_user: None,
                agreed_to_terms: true,
                action: Some("submission".into()),
                application_id: None,
                server_id: Some("test-server".into()),
                files: Vec::new(),
            },
            files: Vec::new(),
            resubmit_of: None,
            queued_at: format!("2026-01-01T00:00:0{}Z", app.queued_submissions().len()),
            account: account.map(str::to_owned),
        };
        crate::json_file::write_json(&folder, "submission.json", &queued).unwrap();
    }

    #[test]
    fn the_next_user_on_a_shared_pc_never_sends_the_previous_users_submission() {
        let (url, filed) = fake_reception();
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        app.set_server(Some(&url)).unwrap();

        // Student A signs, the server is out of reach: it waits in the outbox. A signs out.
        app.sign_in("ZRA", "password-a").unwrap();
        queue(&app, "sub-a", app.signed_in_user().as_deref());
        app.sign_out().unwrap();
        // An outbox entry from before owners were recorded has no owner.
        queue(&app, "sub-legacy", None);

        // Student B signs in on the same computer, signs one too, and syncs.
        app.sign_in("ZRB", "password-b").unwrap();
        queue(&app, "sub-b", app.signed_in_user().as_deref());
        let listed = app.queued_submissions();
        let someone_else = |id: &str| {
            listed
                .iter()
                .find(|q| q.submission_id == id)
                .unwrap()
                .belongs_to_someone_else
        };
        assert!(someone_else("sub-a") && someone_else("sub-legacy") && !someone_else("sub-b"));
        assert_eq!(
            app.attention_on(zairyu_checks::Date::parse("2026-01-01").unwrap())
                .unwrap()
                .queued,
            1
        );

        let sent = app.send_queued().unwrap();
        assert_eq!(sent.len(), 1);
        assert!(
            matches!(&sent[0], SubmitOutcome::Sent { receipt } if receipt.application.submission_id == "sub-b")
        );
        assert_eq!(
            *filed.lock().unwrap(),
            vec![("tok-ZRB".to_owned(), "sub-b".to_owned())],
            "only B's own submission went out, under B's account"
        );
        // A's stays on this computer, listed as someone else's.
        let left: Vec<_> = app
            .queued_submissions()
            .into_iter()
            .map(|q| q.submission_id)
            .collect();
        assert_eq!(left, vec!["sub-a", "sub-legacy"]);

        // A comes back: A's is sent under A's account.
        app.sign_out().unwrap();
        app.sign_in("ZRA", "password-a").unwrap();
        let sent = app.send_queued().unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!(
            filed.lock().unwrap()[1],
            ("tok-ZRA".to_owned(), "sub-a".to_owned())
        );
    }

    #[test]
    fn a_filed_draft_is_not_signed_again_but_can_be_reused() {
        let (url, filed) = fake_reception();
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        app.set_server(Some(&url)).unwrap();
        app.sign_in("ZRA", "password-a").unwrap();
        let draft = app.create_draft("extension-of-stay").unwrap();
        app.drafts_folder()
            .mark_submitted(&draft.id, "ZR-1", "2026-01-01T00:00:00Z")
            .unwrap();
        let refused = app
            .submit_draft(&draft.id, None, "1234", false, None)
            .unwrap_err();
        assert_eq!(refused.code(), "already_filed");
        assert!(filed.lock().unwrap().is_empty(), "nothing was filed twice");
        // What Home offers instead: a new application from this one.
        let reused = app.reuse_draft(&draft.id).unwrap();
        assert_ne!(reused.id, draft.id);
        assert_eq!(reused.meta.reused_from.as_deref(), Some("ZR-1"));

        // A draft whose signed submission waits in the outbox is not signed twice either.
        queue(&app, "sub-q", app.signed_in_user().as_deref());
        let refused = app
            .submit_draft("draft-sub-q", None, "1234", false, None)
            .unwrap_err();
        assert_eq!(refused.code(), "already_filed");
    }

    /// desktop-io: a submission whose upload is cancelled (or stalls) stays in the outbox and
    /// is sent by the next `send_queued`; progress reaches the listener the shell set.
    #[test]
    fn a_cancelled_upload_stays_in_the_outbox_and_is_sent_again_later() {
        let url = crate::reception_client::tests::throttled_server(400_000, None);
        let dir = tempfile::tempdir().unwrap();
        let app = Arc::new(
            App::open(dir.path(), Profile::Production)
                .unwrap()
                .with_vault(Box::new(MemoryVault::default())),
        );
        app.set_server(Some(&url)).unwrap();
        app.sign_in("ZRA", "password-a").unwrap();
        queue(&app, "sub-big", app.signed_in_user().as_deref());
        // A 2 MB attachment in the outbox copy.
        let folder = app.outbox().join("sub-big");
        fs::write(folder.join("a.pdf"), vec![1u8; 2_000_000]).unwrap();
        let mut queued = app.read_queued("sub-big").unwrap();
        queued.files.push(QueuedFile {
            kind: "attachment".into(),
            name: "a.pdf".into(),
            file: "a.pdf".into(),
        });
        crate::json_file::write_json(&folder, "submission.json", &queued).unwrap();

        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let canceller = app.clone();
        app.on_upload_progress(move |p| {
            log.lock().unwrap().push(p.clone());
            // The user presses Cancel once a quarter is sent.
            if p.sent * 4 > p.total {
                canceller.cancel_upload();
            }
        });
        let err = app.send_queued().unwrap_err();
        assert_eq!(err.code(), "upload_cancelled");
        let left: Vec<_> = app
            .queued_submissions()
            .into_iter()
            .map(|q| q.submission_id)
            .collect();
        assert_eq!(left, vec!["sub-big"]);
        {
            let seen = seen.lock().unwrap();
            assert!(seen
                .iter()
                .all(|p| p.submission_id == "sub-big" && p.total > 2_000_000));
        }

        // Retry from the outbox: sent in full this time.
        app.on_upload_progress(|_| {});
        let sent = app.send_queued().unwrap();
        assert!(
            matches!(&sent[0], SubmitOutcome::Sent { receipt } if receipt.application.reference_number == "ZR-SLOW")
        );
        assert!(app.queued_submissions().is_empty());
    }
}
