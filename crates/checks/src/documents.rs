//! The student document list of manual section 4.2.8: eight items, each required or
//! recommended, and which attached files have been assigned to which item.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::finding::{Finding, Severity};

/// One item of the student document list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentItem {
    ReceiptRequestForm,
    ForOrganization,
    Transcript,
    CertificateOfEnrollment,
    SubmittedDocumentsAndJapanese,
    FinancialSupportStatement,
    ProofOfFunds,
    Letter,
}

/// Whether an item must be attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    Required,
    /// Only some students need it (the letter).
    Recommended,
}

/// An item of the list with its texts and what is attached for it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DocumentStatus {
    pub item: DocumentItem,
    /// Position in the manual's list, 1 to 8.
    pub number: u8,
    pub requirement: Requirement,
    pub title: String,
    pub title_ja: String,
    pub note: String,
    pub note_ja: String,
    /// The files assigned to this item; `received` when not empty.
    pub files: Vec<String>,
    pub received: bool,
}

/// A file of the set assigned to an item of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Assignment {
    pub file: String,
    pub item: DocumentItem,
}

impl DocumentItem {
    /// The list in the manual's order.
    pub const ALL: [DocumentItem; 8] = [
        DocumentItem::ReceiptRequestForm,
        DocumentItem::ForOrganization,
        DocumentItem::Transcript,
        DocumentItem::CertificateOfEnrollment,
        DocumentItem::SubmittedDocumentsAndJapanese,
        DocumentItem::FinancialSupportStatement,
        DocumentItem::ProofOfFunds,
        DocumentItem::Letter,
    ];

    pub fn requirement(self) -> Requirement {
        match self {
            DocumentItem::Letter => Requirement::Recommended,
            _ => Requirement::Required,
        }
    }

    /// (title, title_ja, note, note_ja)
    fn texts(self) -> (&'static str, &'static str, &'static str, &'static str) {
        use DocumentItem::*;
        match self {
            ReceiptRequestForm => ("Receipt request form", "受領依頼書", "", ""),
            ForOrganization => ("For organization, parts 1 and 2", "所属機関等作成用 1・2", "Filled in by your school.", "学校が作成します。"),
            Transcript => ("Transcript of academic record", "成績証明書", "", ""),
            CertificateOfEnrollment => ("Certificate of enrollment", "在学証明書", "", ""),
            SubmittedDocumentsAndJapanese => ("List of submitted documents and Japanese language ability", "提出書類一覧表・日本語能力", "", ""),
            FinancialSupportStatement => ("Statement of financial support", "経費支弁書", "", ""),
            ProofOfFunds => ("Proof of how tuition and living costs are paid", "経費支弁の証明書類",
                "If you pay yourself: your digital bankbook for the past year, or salary statements. If someone else pays: a remittance certificate, or the bankbook showing the remittances received.",
                "本人が支弁する場合は過去1年分の預金通帳の写しまたは給与明細、本人以外が支弁する場合は送金証明書または送金の受領が分かる通帳の写し。"),
            Letter => ("Letter", "理由書など", "Only for students who need it.", "必要な方のみ。"),
        }
    }
}

/// The list with what `assignments` attach to each item, in the manual's order.
pub fn document_status(assignments: &[Assignment]) -> Vec<DocumentStatus> {
    DocumentItem::ALL
        .iter()
        .enumerate()
        .map(|(index, &item)| {
            let (title, title_ja, note, note_ja) = item.texts();
            let files: Vec<String> = assignments
                .iter()
                .filter(|a| a.item == item)
                .map(|a| a.file.clone())
                .collect();
            DocumentStatus {
                item,
                number: index as u8 + 1,
                requirement: item.requirement(),
                title: title.to_owned(),
                title_ja: title_ja.to_owned(),
                note: note.to_owned(),
                note_ja: note_ja.to_owned(),
                received: !files.is_empty(),
                files,
            }
        })
        .collect()
}

/// One finding per required item that has no file yet (an error: the application would be
/// incomplete).
pub fn missing_documents(assignments: &[Assignment]) -> Vec<Finding> {
    document_status(assignments)
        .into_iter()
        .filter(|s| s.requirement == Requirement::Required && !s.received)
        .map(|s| {
            let args = zairyu_messages::args![
                "number" => u32::from(s.number),
                "title_en" => s.title.as_str(),
                "title_ja" => s.title_ja.as_str(),
            ];
            Finding::new("document_missing", Severity::Error, args)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_items_seven_required_and_received_follows_assignments() {
        let empty = document_status(&[]);
        assert_eq!(empty.len(), 8);
        assert_eq!(
            empty
                .iter()
                .filter(|s| s.requirement == Requirement::Required)
                .count(),
            7
        );
        assert_eq!(empty[7].item, DocumentItem::Letter);
        assert!(empty.iter().all(|s| !s.received));
        assert_eq!(missing_documents(&[]).len(), 7);

        let assignments = vec![
            Assignment {
                file: "enrol.pdf".into(),
                item: DocumentItem::CertificateOfEnrollment,
            },
            Assignment {
                file: "bank1.pdf".into(),
                item: DocumentItem::ProofOfFunds,
            },
            Assignment {
                file: "bank2.pdf".into(),
                item: DocumentItem::ProofOfFunds,
            },
        ];
        let status = document_status(&assignments);
        assert!(status[3].received);
        assert_eq!(status[6].files, vec!["bank1.pdf", "bank2.pdf"]);
        let missing = missing_documents(&assignments);
        assert_eq!(missing.len(), 5);
        assert!(
            missing[0].message.contains("item 1, Receipt request form"),
            "{}",
            missing[0].message
        );
        assert!(missing[0].message_ja.contains("受領依頼書"));
    }

    #[test]
    fn items_serialise_as_snake_case() {
        let json = serde_json::to_string(&DocumentItem::CertificateOfEnrollment).unwrap();
        assert_eq!(json, "\"certificate_of_enrollment\"");
    }
}
