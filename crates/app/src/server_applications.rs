//! The applications as the server keeps them, for screens that must work on any computer:
//! the Application Details of manual 5.1 step 5 (status history, form, files to download),
//! the past application list of 6.3 with its search and "reuse" (a new draft from the
//! server's copy of the form), and a draft to change a returned application (5.2) where the
//! original draft is not on this computer (the server keeps every version).

use zairyu_wire::{Application, ApplicationDetails, ApplicationStatus};

use crate::{App, AppError, DraftState};

/// Two years (manual 6.3: information can be reused for two years after it is entered).
const REUSE_SECONDS: i64 = 2 * 365 * 24 * 3600 + 12 * 3600;

impl App {
    /// `DATA/downloads/<reference number>/` (in the visit's folder on a counter PC), made:
    /// where an application's files and its PDF copy are saved.
    pub(crate) fn downloads_dir(&self, reference: &str) -> Result<std::path::PathBuf, AppError> {
        let dir = self
            .work_dir()
            .join("downloads")
            .join(safe_file_name(reference));
        std::fs::create_dir_all(&dir).map_err(|source| AppError::Io {
            path: dir.clone(),
            source,
        })?;
        Ok(dir)
    }

    /// The Application Details screen (manual 5.1 step 5).
    pub fn application_details(&self, id: i64) -> Result<ApplicationDetails, AppError> {
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        self.reception()?.application_details(&token, id)
    }

    /// Saves one file of an application into `DATA/downloads/<reference number>/` and
    /// answers its path (the name the server gives, made safe for a file name).
    pub fn download_application_file(&self, id: i64, sha256: &str) -> Result<String, AppError> {
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        let reception = self.reception()?;
        let details = reception.application_details(&token, id)?;
        let file = details
            .files
            .iter()
            .find(|f| f.sha256 == sha256)
            .ok_or_else(|| AppError::Server {
                status: 404,
                code: "not_found".into(),
                message: "There is no such file of this application.".into(),
            })?;
        let bytes = reception.application_file(&token, id, sha256)?;
        let dir = self.downloads_dir(&details.application.reference_number)?;
        let name = match safe_file_name(&file.name) {
            n if n.is_empty() => sha256.chars().take(16).collect(),
            n => n,
        };
        let path = dir.join(name);
        zairyu_drafts::atomic::write_atomic(&path, &bytes).map_err(|source| AppError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(path.display().to_string())
    }

    /// The past application list (manual 6.3): the last two years' applications on the
    /// server, searched by related information, procedure name and date (`YYYYMMDD`).
    pub fn past_applications(
        &self,
        related: &str,
        procedure: &str,
        date: &str,
    ) -> Result<Vec<Application>, AppError> {
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        self.reception()?
            .past_applications(&token, related.trim(), procedure.trim(), date.trim())
    }

    /// "Choice" in the past application list: a new draft from the newest version the
    /// server kept (any computer), within two years; files are attached again.
    pub fn reuse_application(&self, id: i64) -> Result<DraftState, AppError> {
        self.visit_needed()?;
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        let record = self.reception()?.application_record(&token, id)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        if record.application.created_at + REUSE_SECONDS < now {
            return Err(AppError::Draft(zairyu_drafts::DraftError::CannotReuse(
                "it was submitted more than two years ago; start a new application.".into(),
            )));
        }
        self.draft_from_record(&record)
    }

    /// A draft to change a returned application (In Return Process) from its newest version
    /// on the server, for a computer that does not hold the original draft; it is resubmitted
    /// as a new version of the same application.
    pub fn draft_for_revision(&self, id: i64) -> Result<DraftState, AppError> {
        self.visit_needed()?;
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        let record = self.reception()?.application_record(&token, id)?;
        if record.application.status != ApplicationStatus::InReturnProcess {
            return Err(AppError::Server {
                status: 409,
                code: "not_in_return_process".into(),
                message: "Only an application In Return Process can be changed and resubmitted."
                    .into(),
            });
        }
        self.draft_from_record(&record)
    }

    fn draft_from_record(
        &self,
        record: &zairyu_wire::ApplicationRecord,
    ) -> Result<DraftState, AppError> {
        let newest = record.versions.last().ok_or_else(|| AppError::Server {
            status: 404,
            code: "not_found".into(),
            message: "The server keeps no version of this application.".into(),
        })?;
        self.drafts_folder().create_from_server_form(
            &record.application.procedure_id,
            &newest.form,
            &record.application.reference_number,
        )
    }
}

/// A name the server gave, made safe as one file name: letters, digits, `.`, `-` and `_` kept,
/// anything else `_`, no leading dot.
fn safe_file_name(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_owned()
}
