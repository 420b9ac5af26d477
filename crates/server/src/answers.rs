//! The server's rows and catalog entries converted into the wire types of `zairyu-wire` (what
//! the handlers answer), and the wire's submission metadata into the service's input.

use zairyu_wire::{
    Account, Application, ApplicationRecord, ApplicationStatus, ApplicationVersion, AuditLine,
    CatalogProcedure, ExaminerApplication, ProcedureDetail, ReceivedFile, SubmissionMetadata,
    TermsOfUse,
};

use zairyu_wire::{FiledBy, FiledFor};

use crate::error::ApiError;
use crate::service::SubmissionMeta;
use crate::store::{ApplicationRow, AuditEntry, UserRow};

/// Who filed an application for whom (proxy filing), kept with the application as it was
/// when filed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Filing {
    pub filed_by: FiledBy,
    pub filed_for: FiledFor,
}

/// The proxy filing of an application, if staff filed it.
pub fn filing(row: &ApplicationRow) -> Option<Filing> {
    serde_json::from_str(row.filing.as_deref()?).ok()
}

/// An application row with its procedure's names from the catalog.
pub fn application_record(row: &ApplicationRow) -> Result<ApplicationRecord, ApiError> {
    let procedure = zairyu_forms::procedure(&row.procedure_id);
    let status = ApplicationStatus::parse(&row.status)
        .ok_or_else(|| ApiError::internal(format!("stored status {:?}", row.status)))?;
    let versions = row
        .versions
        .iter()
        .map(|v| {
            let files: Vec<ReceivedFile> = serde_json::from_value(v.files.clone())
                .map_err(|e| ApiError::internal(format!("stored file list: {e}")))?;
            Ok(ApplicationVersion {
                version: v.version,
                form: v.form.clone(),
                files,
                signed_at: v.signed_at.clone(),
                cert_fingerprint: v.cert_fingerprint.clone(),
                created_at: v.created_at,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(ApplicationRecord {
        application: Application {
            id: row.id,
            reference_number: row.reference_number.clone(),
            temporary_reception_number: row.temporary_reception_number.clone(),
            temporary_application_number: Some(temporary_application_number(&row.reference_number)),
            procedure_id: row.procedure_id.clone(),
            procedure_name_en: procedure.map(|p| p.name_en.clone()),
            procedure_name_ja: procedure.map(|p| p.name_ja.clone()),
            submission_id: row.submission_id.clone(),
            status,
            revision_request: row.revision_request.clone(),
            created_at: row.created_at,
            updated_at: row.updated_at,
            filed_by: filing(row).map(|f| f.filed_by),
            filed_for: filing(row).map(|f| f.filed_for),
        },
        user_id: row.user_id.clone(),
        submitter_id: row.submitter_id.clone(),
        versions,
    })
}

/// 仮申請番号, the temporary application number (manual 5.3) of the application with this
/// reference number: `申請`, the year's last two digits and the reference's eight
/// (`ZR-2026-00011111` → `申請2600011111`), 12 characters, as a reception-number field takes.
pub fn temporary_application_number(reference_number: &str) -> String {
    let mut parts = reference_number.rsplit('-');
    let serial = parts.next().unwrap_or_default();
    let year = parts.next().unwrap_or_default();
    format!("申請{}{serial}", year.get(2..).unwrap_or(year))
}

/// Several application rows.
pub fn application_records(rows: &[ApplicationRow]) -> Result<Vec<ApplicationRecord>, ApiError> {
    rows.iter().map(application_record).collect()
}

/// An application with its audit trail, for the examiner.
pub fn examiner_application(
    row: &ApplicationRow,
    audit: Vec<AuditEntry>,
) -> Result<ExaminerApplication, ApiError> {
    Ok(ExaminerApplication {
        record: application_record(row)?,
        audit: audit
            .into_iter()
            .map(|(actor, action, detail, at)| AuditLine(actor, action, detail, at))
            .collect(),
    })
}

/// The signed-in account with its postal code and address (My page, manual 7.3).
pub fn account_details(
    user: &UserRow,
    (postal_code, address): (Option<String>, Option<String>),
) -> Account {
    Account {
        postal_code,
        address,
        ..account(user)
    }
}

/// The signed-in account (never the password hash, the certificate or the usage data).
pub fn account(user: &UserRow) -> Account {
    Account {
        user_id: user.id.clone(),
        email: user.email.clone(),
        user_type: user.user_type.clone(),
        name_en: user.name_en.clone(),
        telephone: user.telephone.clone(),
        role: user.role.clone(),
        usage_application_done: user.cert_fingerprint.is_some(),
        postal_code: None,
        address: None,
    }
}

/// A procedure of the catalog.
pub fn catalog_procedure(procedure: &zairyu_forms::catalog::Procedure) -> CatalogProcedure {
    CatalogProcedure {
        id: procedure.id.clone(),
        name_en: procedure.name_en.clone(),
        name_ja: procedure.name_ja.clone(),
        reception_start: procedure.reception_start.clone(),
        reception_end: procedure.reception_end.clone(),
        explanation_en: procedure.explanation_en.clone(),
        explanation_ja: procedure.explanation_ja.clone(),
        keywords: procedure.keywords.clone(),
        has_form: procedure.has_form,
    }
}

/// A procedure with the terms of use.
pub fn procedure_detail(procedure: &zairyu_forms::catalog::Procedure) -> ProcedureDetail {
    let (ja, en) = zairyu_forms::catalog::terms();
    ProcedureDetail {
        procedure: catalog_procedure(procedure),
        terms: TermsOfUse {
            ja: ja.to_owned(),
            en: en.to_owned(),
        },
    }
}

/// The `metadata` part as the service takes it.
pub fn submission_meta(metadata: SubmissionMetadata) -> SubmissionMeta {
    SubmissionMeta {
        procedure_id: metadata.procedure_id,
        submission_id: metadata.submission_id,
        signed_at: metadata.signed_at,
        form: metadata.form,
        certificate: metadata.certificate,
        signature: metadata.signature,
        for_user: metadata.for_user,
        agreed_to_terms: metadata.agreed_to_terms,
        action: metadata.action,
        application_id: metadata.application_id,
        server_id: metadata.server_id,
        files: metadata.files,
    }
}
