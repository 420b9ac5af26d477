//! ApplicationRecords (manual 4.2.9, 5, 6.3): submission (signature verified before anything
//! is decoded, then re-validated; idempotent by submission id), who may see which, the list
//! with a keyword, past applications to reuse, resubmission after a revision request
//! (idempotent too); the change of the method of receipt is in `receipt_method`.

use sha2::{Digest, Sha256};

use super::signatures::Purpose;
use super::{random_digits, ReceptionOffice, StoredFile, SubmissionMeta};
use crate::clock::{japan_minute, utc_date};
use crate::error::ApiError;
use crate::store::{ApplicationRow, UserRow, VersionRow};
use zairyu_wire::ApplicationStatus;

impl ReceptionOffice {
    /// Files arrive first (streamed to disk under their digest by the HTTP layer), then this
    /// checks everything again and records the application. A repeated `submission_id` from
    /// the same sender returns the first result.
    pub fn submit(
        &self,
        sender: &UserRow,
        meta: &SubmissionMeta,
        files: &[StoredFile],
    ) -> Result<ApplicationRow, ApiError> {
        if let Some(existing) = self
            .store
            .application_by_submission(&sender.id, &meta.submission_id)?
        {
            return Ok(existing);
        }
        let applicant = self.applicant_for(sender, meta.for_user.as_deref())?;
        let procedure = zairyu_forms::procedure(&meta.procedure_id)
            .ok_or_else(|| ApiError::bad("unknown_procedure", "There is no such procedure."))?;
        if procedure.reception_at(&japan_minute(self.now()))
            != zairyu_forms::catalog::ReceptionWindow::Open
        {
            return Err(ApiError::new(
                422,
                "reception_closed",
                "This procedure is not accepting applications now; see its reception time.",
            ));
        }
        if !meta.agreed_to_terms {
            return Err(ApiError::bad(
                "terms_not_agreed",
                "Agree to the terms of use first.",
            ));
        }
        // The signature first: nothing is decoded for a request it does not cover.
        let signer = self.check_signature(meta, files, Purpose::SUBMISSION)?;
        if applicant.cert_fingerprint.as_deref() != Some(signer.fingerprint_sha256.as_str()) {
            return Err(ApiError::forbidden(
                "The application must be signed with the card registered in the usage application of the applicant.",
            ));
        }
        self.check_content(meta, files)?;
        let now = self.now();
        let mut app = ApplicationRow {
            id: 0,
            reference_number: format!("ZR-{}-{}", &utc_date(now)[..4], random_digits(8)),
            temporary_reception_number: format!("東オソ認T{}", random_digits(8)),
            user_id: applicant.id.clone(),
            submitter_id: sender.id.clone(),
            procedure_id: meta.procedure_id.clone(),
            submission_id: meta.submission_id.clone(),
            status: Self::RECEIVED.as_str().into(),
            revision_request: None,
            created_at: now,
            updated_at: now,
            versions: Vec::new(),
        };
        let first = version(1, meta, files, &signer, now);
        // The application, its first version and its audit entry: all three or none.
        self.store.atomically(&mut |s| {
            app.id = s.add_application(&app)?;
            s.add_version(app.id, &first)?;
            s.audit(Some(app.id), &sender.id, "submit", "terms agreed", now)
        })?;
        let stored = self
            .store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))?;
        let accepted_now = self.acceptance_seconds == 0;
        if accepted_now {
            self.accept(&stored, false)?;
        }
        let status = if accepted_now {
            ApplicationStatus::ApplicationCompleted
        } else {
            Self::RECEIVED
        };
        let (en, ja) = status.names();
        self.tell_applicant(
            &stored,
            "Zairyu: application received / 申請を受け付けました",
            &format!(
                "Reference number: {}\nTemporary reception number: {}\nStatus: {en}\n受付番号: {}\n仮受付番号: {}\n状況: {ja}",
                app.reference_number, app.temporary_reception_number, app.reference_number, app.temporary_reception_number
            ),
        );
        self.store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    /// The organisation a student named in their usage application.
    fn organisation_of(&self, user_id: &str) -> Result<Option<String>, ApiError> {
        Ok(self
            .store
            .user(user_id)?
            .and_then(|u| u.usage)
            .and_then(|u| serde_json::from_str::<serde_json::Value>(&u).ok())
            .and_then(|v| v["organisation"].as_str().map(str::to_owned)))
    }

    /// The applicant of an application: the sender, or a student of the sender's organisation.
    fn applicant_for(&self, sender: &UserRow, for_user: Option<&str>) -> Result<UserRow, ApiError> {
        match for_user {
            None => Ok(sender.clone()),
            Some(id) if id == sender.id => Ok(sender.clone()),
            Some(id) => {
                let student = self
                    .store
                    .user(id)?
                    .ok_or_else(|| ApiError::not_found("applicant"))?;
                let org = sender
                    .organisation
                    .as_deref()
                    .filter(|_| sender.user_type == "organisation_staff");
                let student_org = student
                    .usage
                    .as_deref()
                    .and_then(|u| serde_json::from_str::<serde_json::Value>(u).ok())
                    .and_then(|v| v["organisation"].as_str().map(str::to_owned));
                if org.is_some() && org == student_org.as_deref() {
                    Ok(student)
                } else {
                    Err(ApiError::forbidden(
                        "Only staff of the applicant's own organisation may submit for them.",
                    ))
                }
            }
        }
    }

    /// The client is never trusted: the form against its schema, every file against the checks.
    fn check_content(&self, meta: &SubmissionMeta, files: &[StoredFile]) -> Result<(), ApiError> {
        let findings = zairyu_forms::validate(&meta.procedure_id, &meta.form)
            .map_err(|e| ApiError::bad(e.code(), e.to_string()))?;
        let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
        if !errors.is_empty() {
            let list: Vec<String> = errors
                .iter()
                .take(5)
                .map(|f| format!("{} ({})", f.path, f.code))
                .collect();
            return Err(ApiError::new(
                422,
                "form_invalid",
                format!(
                    "The form has {} problem(s): {}",
                    errors.len(),
                    list.join(", ")
                ),
            ));
        }
        let today = zairyu_checks::Date::parse(&utc_date(self.now()))
            .unwrap_or_else(zairyu_checks::Date::today_utc);
        let mut set = Vec::new();
        // What all files of this request may decode to together (zairyu-checks' DecodeBudget).
        let mut budget = zairyu_checks::DecodeBudget::per_request();
        for f in files {
            let bytes =
                std::fs::read(self.files_dir.join(&f.sha256)).map_err(ApiError::internal)?;
            let found = if f.kind == "photo" {
                zairyu_checks::check_photo_bytes_within(&bytes, today, &mut budget).0
            } else {
                zairyu_checks::check_pdf_bytes_within(&bytes, &mut budget).0
            };
            if let Some(bad) = found
                .iter()
                .find(|x| x.severity == zairyu_checks::Severity::Error)
            {
                return Err(ApiError::new(
                    422,
                    "file_invalid",
                    format!("{}: {} ({})", f.name, bad.message, bad.code),
                ));
            }
            set.push(zairyu_checks::SetEntry {
                name: f.name.clone(),
                size: f.bytes,
                sha256: Sha256::digest(&bytes).into(),
            });
        }
        if let Some(bad) = zairyu_checks::check_set(&set)
            .into_iter()
            .find(|x| x.severity == zairyu_checks::Severity::Error)
        {
            return Err(ApiError::new(
                422,
                "files_invalid",
                format!("{} ({})", bad.message, bad.code),
            ));
        }
        Ok(())
    }

    /// One application, if `user` may see it (its applicant, its sender, or an examiner).
    pub fn application_for(&self, user: &UserRow, id: i64) -> Result<ApplicationRow, ApiError> {
        self.accept_due()?;
        let app = self.stored_application(id)?;
        let staff_of_students = user.user_type == "organisation_staff"
            && user.organisation.is_some()
            && self.organisation_of(&app.user_id)? == user.organisation;
        if user.role == "examiner"
            || app.user_id == user.id
            || app.submitter_id == user.id
            || staff_of_students
        {
            Ok(app)
        } else {
            Err(ApiError::not_found("application"))
        }
    }

    /// The user's applications (as applicant or sender), optionally with a keyword.
    pub fn list_for(
        &self,
        user: &UserRow,
        keyword: Option<&str>,
    ) -> Result<Vec<ApplicationRow>, ApiError> {
        self.accept_due()?;
        let mut apps = self.store.applications(Some(&user.id), None)?;
        // Organisation staff also see the applications of their organisation's students.
        if let Some(org) = user
            .organisation
            .as_deref()
            .filter(|_| user.user_type == "organisation_staff")
        {
            for app in self.store.applications(None, None)? {
                if !apps.iter().any(|a| a.id == app.id)
                    && self.organisation_of(&app.user_id)?.as_deref() == Some(org)
                {
                    apps.push(app);
                }
            }
            apps.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        }
        Ok(apps
            .into_iter()
            .filter(|a| {
                keyword.is_none_or(|k| {
                    let name = zairyu_forms::procedure(&a.procedure_id)
                        .map(|p| format!("{} {}", p.name_en, p.name_ja))
                        .unwrap_or_default();
                    let hay = format!(
                        "{} {} {name}",
                        a.reference_number, a.temporary_reception_number
                    )
                    .to_lowercase();
                    k.split_whitespace()
                        .all(|w| hay.contains(&w.to_lowercase()))
                })
            })
            .collect())
    }

    /// In Return Process: a new signed version replaces nothing — every version is kept.
    pub fn resubmit(
        &self,
        sender: &UserRow,
        id: i64,
        meta: &SubmissionMeta,
        files: &[StoredFile],
    ) -> Result<ApplicationRow, ApiError> {
        let app = self.application_for(sender, id)?;
        if let Some(first) = self.already_resubmitted(&app, meta, files) {
            return Ok(first);
        }
        if app.status != "in_return_process" {
            return Err(ApiError::new(
                409,
                "not_in_return_process",
                "Only an application In Return Process can be resubmitted.",
            ));
        }
        if meta.procedure_id != app.procedure_id {
            return Err(ApiError::bad(
                "procedure_mismatch",
                "A resubmission keeps the procedure of the application.",
            ));
        }
        let signer = self.check_signature(meta, files, Purpose::resubmission(app.id))?;
        let applicant = self
            .store
            .user(&app.user_id)?
            .ok_or_else(|| ApiError::not_found("applicant"))?;
        if applicant.cert_fingerprint.as_deref() != Some(signer.fingerprint_sha256.as_str()) {
            return Err(ApiError::forbidden(
                "The resubmission must be signed with the applicant's registered card.",
            ));
        }
        self.check_content(meta, files)?;
        let now = self.now();
        let next = app.versions.len() as i64 + 1;
        let revised = version(next, meta, files, &signer, now);
        let detail = format!("version {next}");
        // The new version, the status and the audit entry: all three or none.
        self.store.atomically(&mut |s| {
            s.add_version(app.id, &revised)?;
            s.set_status(app.id, Self::RECEIVED.as_str(), None, now)?;
            s.audit(Some(app.id), &sender.id, "resubmit", &detail, now)
        })?;
        let stored = self
            .store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))?;
        if self.acceptance_seconds == 0 {
            self.accept(&stored, false)?;
        }
        self.tell_applicant(
            &stored,
            "Zairyu: resubmission received / 再申請を受け付けました",
            &format!(
                "Your changed application {} (version {next}) was received.\n修正した申請 {}（第{next}版）を受け付けました。",
                app.reference_number, app.reference_number
            ),
        );
        self.store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    /// A resubmission sent again (its answer was lost): the application's newest version is
    /// this very signed content (same time, form, files and signature's certificate), so the
    /// first outcome is answered instead of `not_in_return_process`.
    fn already_resubmitted(
        &self,
        app: &ApplicationRow,
        meta: &SubmissionMeta,
        files: &[StoredFile],
    ) -> Option<ApplicationRow> {
        let last = app.versions.last().filter(|_| app.versions.len() > 1)?;
        let certificate = base64::Engine::decode(
            &base64::engine::general_purpose::STANDARD,
            &meta.certificate,
        )
        .ok()?;
        let fingerprint: String = Sha256::digest(&certificate)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let same = last.signed_at == meta.signed_at
            && last.form == meta.form
            && last.cert_fingerprint == fingerprint
            && last.files == serde_json::to_value(files).unwrap_or_default();
        // Still the signature of this request: a copy of the content with another's
        // certificate must not pass for the retry.
        (same
            && self
                .signature_checks(meta, files, Purpose::resubmission(app.id), false)
                .is_ok())
        .then(|| app.clone())
    }

    /// Past applications of the last two years, to start a new one from (manual 6.3).
    pub fn reusable(&self, user: &UserRow) -> Result<Vec<ApplicationRow>, ApiError> {
        self.search_applications(user, &super::PastSearch::default(), true)
    }
}

fn version(
    n: i64,
    meta: &SubmissionMeta,
    files: &[StoredFile],
    signer: &zairyu_signature::VerifiedSigner,
    now: i64,
) -> VersionRow {
    VersionRow {
        version: n,
        form: meta.form.clone(),
        files: serde_json::to_value(files).unwrap_or_default(),
        signed_at: meta.signed_at.clone(),
        cert_fingerprint: signer.fingerprint_sha256.clone(),
        created_at: now,
    }
}
