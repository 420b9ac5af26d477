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
}

/// A line of the outbox, for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QueuedSubmission {
    pub submission_id: String,
    pub draft_id: String,
    pub procedure_id: String,
    pub queued_at: String,
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
pub enum SubmitOutcome {
    /// Filed: the receipt.
    Sent { receipt: Receipt },
    /// Signed and kept in the outbox; sent when the server is reachable again.
    Queued {
        submission: QueuedSubmission,
        reason: String,
    },
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
        let _ = self.drafts.mark_submitted(
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
        self.data_dir.join("outbox")
    }

    fn receipts_dir(&self) -> PathBuf {
        self.data_dir.join("receipts")
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
        let token = self.vault.load().ok_or(AppError::NotSignedIn)?;
        let state = self.drafts.get(draft_id)?;
        let errors = state
            .report
            .findings
            .iter()
            .filter(|f| f.severity == zairyu_forms::Severity::Error)
            .count();
        if errors > 0 {
            return Err(AppError::DraftNotReady(errors));
        }
        let draft = self.drafts.open(draft_id)?;
        let meta = draft.meta();
        if meta.procedure == RECEIPT_METHOD_CHANGE {
            return self.change_receipt_method(&token, draft_id, draft.form());
        }
        let server_id = self.server_id_for_signing()?;
        let submission_id = uuid::Uuid::new_v4().to_string();
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
                fs::write(staging.join(&copy), &bytes).map_err(io(&staging))?;
                queued_files.push(QueuedFile {
                    kind: (*kind).to_owned(),
                    name: name.clone(),
                    file: copy,
                });
            }
            let (certificate, signature) =
                self.card
                    .sign_with_auth_key(reader, &content.canonical_bytes(), pin, last_try)?;
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
                for_user: None,
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
        };
        // The rename makes the queued submission appear whole or not at all.
        let kept = crate::json_file::write_json(&staging, "submission.json", &queued)
            .and_then(|()| fs::rename(&staging, &folder).map_err(io(&folder)));
        if let Err(e) = kept {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
        self.send_one(&token, &submission_id)
    }

    fn read_queued(&self, submission_id: &str) -> Result<Queued, AppError> {
        let file = self.outbox().join(submission_id).join("submission.json");
        let bytes = fs::read(&file).map_err(io(&file))?;
        serde_json::from_slice(&bytes).map_err(|e| AppError::Io {
            path: file.clone(),
            source: std::io::Error::other(e),
        })
    }

    fn summary(submission_id: &str, q: &Queued) -> QueuedSubmission {
        QueuedSubmission {
            submission_id: submission_id.to_owned(),
            draft_id: q.draft_id.clone(),
            procedure_id: q.metadata.procedure_id.clone(),
            queued_at: q.queued_at.clone(),
        }
    }

    /// Sends one queued submission. Unreachable, a server error or an ended session: it stays
    /// queued. Refused for its content: it is removed (the signature covers content the server will never accept) and the error
    /// says why, so the student fixes the draft and signs again.
    fn send_one(&self, token: &str, submission_id: &str) -> Result<SubmitOutcome, AppError> {
        let folder = self.outbox().join(submission_id);
        let queued = self.read_queued(submission_id)?;
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
        let sent = self
            .reception()
            .and_then(|r| r.submit(token, &queued.metadata, &parts, queued.resubmit_of));
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
                let _ = self.drafts.mark_submitted(
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
                submission: Self::summary(submission_id, &queued),
                reason: detail,
            }),
            Err(e) => {
                let _ = fs::remove_dir_all(&folder);
                Err(e)
            }
        }
    }

    /// The signed submissions waiting to be sent, oldest first.
    pub fn queued_submissions(&self) -> Vec<QueuedSubmission> {
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
                out.push(Self::summary(&id, &q));
            }
        }
        out.sort_by(|a, b| a.queued_at.cmp(&b.queued_at));
        out
    }

    /// Sends what waits in the outbox (at start-up, when the server is back, on request).
    /// Stops at the first submission the server cannot be reached for.
    pub fn send_queued(&self) -> Result<Vec<SubmitOutcome>, AppError> {
        let queued = self.queued_submissions();
        if queued.is_empty() {
            return Ok(Vec::new());
        }
        let token = self.vault.load().ok_or(AppError::NotSignedIn)?;
        let mut out = Vec::new();
        for q in queued {
            let outcome = self.send_one(&token, &q.submission_id)?;
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

    /// The student's applications with their statuses, from the server.
    pub fn applications(&self) -> Result<Vec<Application>, AppError> {
        let token = self.vault.load().ok_or(AppError::NotSignedIn)?;
        self.reception()?.applications(&token)
    }
}
