//! Applications: what is sent with a submission, and what the server answers about one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::ToSchema;

use crate::organisation::{FiledBy, FiledFor};
use crate::status::ApplicationStatus;

/// One application as the applicant's app reads it: the numbers, the procedure, the status.
/// Every answer about an application carries these fields (an [`ApplicationRecord`] is this
/// plus who sent it and its versions); the app keeps it in its receipts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
pub struct Application {
    #[ts(type = "number")]
    pub id: i64,
    pub reference_number: String,
    /// 仮申請受付番号, the temporary application receipt number (`東オソ認T00011111`).
    pub temporary_reception_number: String,
    /// 仮申請番号, the temporary application number (`申請2600011111`): with the receipt number,
    /// the two numbers a change of method of receipt may name (manual 5.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub temporary_application_number: Option<String>,
    pub procedure_id: String,
    /// The procedure's name from the catalog (none for a procedure no longer listed).
    #[serde(default)]
    pub procedure_name_en: Option<String>,
    #[serde(default)]
    pub procedure_name_ja: Option<String>,
    /// The id the app chose when signing; the server files one submission id once.
    pub submission_id: String,
    pub status: ApplicationStatus,
    /// What the examiner asked to change (In Return Process).
    #[serde(default)]
    pub revision_request: Option<String>,
    /// Unix seconds.
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    /// Proxy filing: the staff member (school or attorney office) who filed it for the
    /// student; absent when the student filed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub filed_by: Option<FiledBy>,
    /// Proxy filing: the student it was filed for (the applicant); absent when the student
    /// filed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub filed_for: Option<FiledFor>,
}

/// The whole of an application as the server answers it (submit, list, get, resubmit, status
/// changes): the [`Application`] fields, who it is for and who sent it, and every version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApplicationRecord {
    #[serde(flatten)]
    pub application: Application,
    /// The applicant (the card holder who signed).
    pub user_id: String,
    /// Who sent it: the applicant, or organisation staff on their behalf.
    pub submitter_id: String,
    /// Every submitted version, oldest first (a resubmission adds one).
    pub versions: Vec<ApplicationVersion>,
}

/// One submitted version of an application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApplicationVersion {
    pub version: i64,
    /// The form's data as signed (its fields depend on the procedure's schema).
    #[schema(value_type = Object)]
    pub form: serde_json::Value,
    pub files: Vec<ReceivedFile>,
    pub signed_at: String,
    /// SHA-256 of the certificate that signed.
    pub cert_fingerprint: String,
    pub created_at: i64,
}

/// A file received with a version, kept under its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ReceivedFile {
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
    /// photo | attachment
    pub kind: String,
}

/// `GET /api/examiner/applications/{id}`: the record and its audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ExaminerApplication {
    #[serde(flatten)]
    pub record: ApplicationRecord,
    pub audit: Vec<AuditLine>,
}

/// One line of an audit trail, on the wire `[actor, action, detail, unix seconds]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine(pub String, pub String, pub String, pub i64);

impl utoipa::PartialSchema for AuditLine {
    fn schema() -> RefOr<Schema> {
        let text = || ObjectBuilder::new().schema_type(Type::String).build();
        ArrayBuilder::new()
            .prefix_items([
                text(),
                text(),
                text(),
                ObjectBuilder::new().schema_type(Type::Integer).build(),
            ])
            .items(
                OneOfBuilder::new()
                    .item(ObjectBuilder::new().schema_type(Type::String))
                    .item(ObjectBuilder::new().schema_type(Type::Integer)),
            )
            .min_items(Some(4))
            .max_items(Some(4))
            .description(Some("[actor, action, detail, unix seconds]"))
            .into()
    }
}

impl ToSchema for AuditLine {}

/// The `metadata` part of a submission (`multipart/form-data`, beside the `photo` and
/// `attachment` file parts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SubmissionMetadata {
    pub procedure_id: String,
    /// Chosen by the app; the server files one submission id once.
    pub submission_id: String,
    pub signed_at: String,
    /// The form's data (its fields depend on the procedure's schema).
    #[schema(value_type = Object)]
    pub form: serde_json::Value,
    /// Base64 DER of the card certificate that signed.
    pub certificate: String,
    /// Base64 of the signature over the signed content's canonical bytes.
    pub signature: String,
    /// Proxy filing by organisation staff or an attorney: the user ID of the linked student
    /// the application is for (the signed content names the same student in `applicant`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_user: Option<String>,
    #[serde(default)]
    pub agreed_to_terms: bool,
    /// What the signature was made for, as the app declares it (the server checks the
    /// signature against its own identity, the action and the application of the request,
    /// and uses these only to say which one differs): `submission` or `resubmission`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The application a resubmission was signed for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<i64>,
    /// The `server_id` of the server it was signed for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_id: Option<String>,
    /// Every file the signature covers (the photo and the attachments, in order): an uploaded
    /// file not listed here is refused before anything is decoded.
    #[serde(default)]
    pub files: Vec<SignedFile>,
}

/// One file of a submission as its signature covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignedFile {
    /// `photo` or `attachment`.
    pub kind: String,
    pub name: String,
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
}

/// `GET /api/health`: the server is up, which profile it runs in, and who it is (the
/// `server_id` a submission's signature is bound to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ServerHealth {
    /// Always `ok`.
    pub status: String,
    /// `demo` or `production`.
    pub profile: String,
    /// The demo CA (whose private key is public) is trusted: never in production.
    pub demo_ca_trusted: bool,
    /// This server's identity, part of what a submission signs.
    pub server_id: String,
    /// Certificate revocation lists loaded (0: revocation is not checked).
    pub crls_loaded: usize,
}

/// `POST /api/examiner/applications/{id}/status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StatusChangeRequest {
    pub status: ApplicationStatus,
}

/// `POST /api/examiner/applications/{id}/revision`: what the applicant must change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ReturnForRevisionRequest {
    pub message: String,
}

/// `POST /api/receipt-method`: the change-of-receipt-method form (manual 6.4; not signed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReceiptMethodRequest {
    #[schema(value_type = Object)]
    pub form: serde_json::Value,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record() -> ApplicationRecord {
        ApplicationRecord {
            application: Application {
                id: 3,
                reference_number: "R1".into(),
                temporary_reception_number: "T1".into(),
                temporary_application_number: None,
                procedure_id: "extension-of-stay".into(),
                procedure_name_en: Some("Extension".into()),
                procedure_name_ja: None,
                submission_id: "s-1".into(),
                status: ApplicationStatus::InReturnProcess,
                revision_request: Some("photo".into()),
                created_at: 10,
                updated_at: 20,
                filed_by: None,
                filed_for: None,
            },
            user_id: "ZR1".into(),
            submitter_id: "ZR1".into(),
            versions: vec![ApplicationVersion {
                version: 1,
                form: json!({"a": {"b": 1}}),
                files: vec![ReceivedFile {
                    name: "p.jpg".into(),
                    sha256: "ab".into(),
                    bytes: 5,
                    kind: "photo".into(),
                }],
                signed_at: "2026-01-01T00:00:00Z".into(),
                cert_fingerprint: "cd".into(),
                created_at: 10,
            }],
        }
    }

    #[test]
    fn a_record_is_one_flat_object_with_every_field() {
        let value = serde_json::to_value(record()).unwrap();
        assert_eq!(
            value,
            json!({
                "id": 3, "reference_number": "R1", "temporary_reception_number": "T1",
                "procedure_id": "extension-of-stay", "procedure_name_en": "Extension",
                "procedure_name_ja": null, "submission_id": "s-1", "status": "in_return_process",
                "revision_request": "photo", "created_at": 10, "updated_at": 20,
                "user_id": "ZR1", "submitter_id": "ZR1",
                "versions": [{"version": 1, "form": {"a": {"b": 1}},
                    "files": [{"name": "p.jpg", "sha256": "ab", "bytes": 5, "kind": "photo"}],
                    "signed_at": "2026-01-01T00:00:00Z", "cert_fingerprint": "cd", "created_at": 10}]
            })
        );
        let back: ApplicationRecord = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(back, record());
        // The app reads only the application part of the same answer.
        let seen: Application = serde_json::from_value(value).unwrap();
        assert_eq!(seen, record().application);
    }

    #[test]
    fn the_examiner_view_adds_the_audit_as_arrays() {
        let view = ExaminerApplication {
            record: record(),
            audit: vec![AuditLine("EX1".into(), "view".into(), String::new(), 30)],
        };
        let value = serde_json::to_value(&view).unwrap();
        assert_eq!(value["audit"], json!([["EX1", "view", "", 30]]));
        assert_eq!(value["status"], "in_return_process");
        assert_eq!(
            serde_json::from_value::<ExaminerApplication>(value).unwrap(),
            view
        );
    }

    #[test]
    fn metadata_without_staff_fields_reads_with_defaults() {
        let meta: SubmissionMetadata = serde_json::from_value(json!({
            "procedure_id": "p", "submission_id": "s", "signed_at": "t", "form": {},
            "certificate": "c", "signature": "g"
        }))
        .unwrap();
        assert_eq!(meta.for_user, None);
        assert!(!meta.agreed_to_terms);
        assert!(serde_json::to_value(&meta)
            .unwrap()
            .get("for_user")
            .is_none());
    }
}
