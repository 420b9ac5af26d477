//! ApplicationRecords (manual 4.2.9, 5, 6.3): submission (signature verified before anything
//! is decoded, then re-validated; idempotent by submission id), who may see which, the list
//! with a keyword, past applications to reuse, resubmission after a revision request
//! (idempotent too); the change of the method of receipt is in `receipt_method`.

use sha2::{Digest, Sha256};

use super::links::is_staff_type;
use super::signatures::Purpose;
use super::{random_digits, ReceptionOffice, StoredFile, SubmissionMeta};
use crate::answers::Filing;
use crate::clock::{japan_minute, utc_date};
use crate::error::ApiError;
use crate::mail_text::Notice;
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
        let (applicant, filing) = self.applicant_for(sender, meta.for_user.as_deref())?;
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
            filed_by_organisation: filing.as_ref().map(|f| f.filed_by.organisation_id.clone()),
            filing: filing.as_ref().and_then(|f| serde_json::to_string(f).ok()),
            versions: Vec::new(),
        };
        let first = version(1, meta, files, &signer, now);
        // The application, its first version and its audit entry: all three or none.
        self.store.atomically(&mut |s| {
            app.id = s.add_application(&app)?;
            s.add_version(app.id, &first)?;
            let detail = match &app.filed_by_organisation {
                Some(org) => format!("terms agreed; filed for {} by staff of {org}", app.user_id),
                None => "terms agreed".to_owned(),
            };
            s.audit(Some(app.id), &sender.id, "submit", &detail, now)
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
        self.tell_applicant(
            &stored,
            &Notice::ApplicationReceived {
                reference: &app.reference_number,
                temporary: &app.temporary_reception_number,
                status,
            },
        );
        self.store
            .application(app.id)?
            .ok_or_else(|| ApiError::internal("application vanished"))
    }

    /// The applicant of an application and the sender's organisation: the sender, or (proxy
    /// filing) a student linked to the sender's organisation now.
    fn applicant_for(
        &self,
        sender: &UserRow,
        for_user: Option<&str>,
    ) -> Result<(UserRow, Option<Filing>), ApiError> {
        match for_user {
            None => Ok((sender.clone(), None)),
            Some(id) if id == sender.id => Ok((sender.clone(), None)),
            Some(id) => {
                let (student, org) = self.linked_applicant(sender, id)?;
                let filing = Filing {
                    filed_by: zairyu_wire::FiledBy {
                        user_id: sender.id.clone(),
                        name_en: sender.name_en.clone(),
                        organisation_id: org.id,
                        organisation_name: org.name,
                    },
                    filed_for: zairyu_wire::FiledFor {
                        user_id: student.id.clone(),
                        name_en: student.name_en.clone(),
                    },
                };
                Ok((student, Some(filing)))
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

    /// One application, if `user` may see it: its applicant, an examiner, its sender when
    /// that is not staff (a legal representative), or staff of an organisation the applicant
    /// is linked to now (a staff member who filed it loses it when unlinked or removed).
    pub fn application_for(&self, user: &UserRow, id: i64) -> Result<ApplicationRow, ApiError> {
        self.accept_due()?;
        let app = self.stored_application(id)?;
        if user.role == "examiner"
            || app.user_id == user.id
            || (app.submitter_id == user.id && !is_staff_type(user))
            || self.staff_may_see(user, &app)?
        {
            Ok(app)
        } else {
            Err(ApiError::not_found("application"))
        }
    }

    /// The user's applications (as applicant or sender), optionally with a keyword; for staff,
    /// the applications of the students linked to their organisation.
    pub fn list_for(
        &self,
        user: &UserRow,
        keyword: Option<&str>,
    ) -> Result<Vec<ApplicationRow>, ApiError> {
        self.accept_due()?;
        let apps = if is_staff_type(user) {
            let mut apps = match self.staff_organisation_of(user)? {
                Some(org) => self.store.organisation_applications(&org.id)?,
                None => Vec::new(),
            };
            // Their own applications as an applicant, if any.
            for own in self.store.applications(Some(&user.id), None)? {
                if own.user_id == user.id && !apps.iter().any(|a| a.id == own.id) {
                    apps.push(own);
                }
            }
            apps.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
            apps
        } else {
            self.store.applications(Some(&user.id), None)?
        };
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
        // Staff resubmit for the student: the student's signature names them as applicant.
        if sender.id != app.user_id && meta.for_user.as_deref() != Some(app.user_id.as_str()) {
            return Err(ApiError::bad(
                "applicant_not_named",
                "A resubmission for a student names the student (for_user) and is signed with their card.",
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
            &Notice::ResubmissionReceived {
                reference: &app.reference_number,
                version: next,
            },
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
