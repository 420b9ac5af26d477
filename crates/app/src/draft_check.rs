//! "Is my draft ready?": the form's findings (forms crate) together with the checks of the
//! photo, each attached PDF and the set (checks crate), in one list keyed by field path.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zairyu_checks::{check_pdf_bytes, check_photo_bytes, check_set, Date, SetEntry};
use zairyu_drafts::{Draft, DraftError};
use zairyu_forms::schema::FieldKind;
use zairyu_forms::Severity;
use zairyu_messages::Language;

/// One thing to fix before the draft can be signed, from the form or from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DraftFinding {
    pub code: String,
    /// Field path (`section.field`); for a file, its slot; empty for the whole set.
    pub path: String,
    pub severity: Severity,
    pub message: String,
    pub message_ja: String,
    /// How to fix it (file findings; empty for form findings, whose message says it).
    pub hint: String,
    pub hint_ja: String,
    /// The one-click fix of the file (`App::fix_draft_file`) removes this finding.
    pub fixable: bool,
    /// The message's id in the catalogue (`locales/<language>/findings.ftl`); its `.hint` is the hint.
    pub message_id: String,
    /// The message's arguments, to render it in any language (`DraftFinding::render`).
    #[ts(type = "Record<string, string | number | Array<string>>")]
    pub args: zairyu_messages::Args,
    /// The attached file a file finding is about (its name leads the message).
    pub file: Option<String>,
}

impl DraftFinding {
    /// A finding of the form.
    pub fn of_form(f: zairyu_forms::Finding) -> DraftFinding {
        DraftFinding {
            code: f.code,
            path: f.path,
            severity: f.severity,
            message: f.message,
            message_ja: f.message_ja,
            hint: String::new(),
            hint_ja: String::new(),
            fixable: false,
            message_id: f.message_id,
            args: f.args,
            file: None,
        }
    }

    /// The message and the hint in `language`, rendered from the catalogue.
    pub fn render(&self, language: Language) -> (String, String) {
        let rendered = (!self.message_id.is_empty())
            .then(|| zairyu_messages::text(language, &self.message_id, &self.args))
            .flatten();
        let message = rendered.unwrap_or_else(|| match language {
            Language::Ja => self.message_ja.clone(),
            _ => self.message.clone(),
        });
        let message = match &self.file {
            Some(file) => zairyu_messages::text(
                language,
                "finding-in-file",
                &zairyu_messages::args!["file" => file.as_str(), "message" => message.as_str()],
            )
            .unwrap_or(message),
            None => message,
        };
        let hint = (!self.message_id.is_empty() && !self.hint.is_empty())
            .then(|| zairyu_messages::attribute(language, &self.message_id, "hint", &self.args))
            .flatten()
            .unwrap_or_else(|| match language {
                Language::Ja => self.hint_ja.clone(),
                _ => self.hint.clone(),
            });
        (message, hint)
    }
}

/// The state of a draft before signing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DraftReport {
    pub procedure: String,
    /// No finding is an error.
    pub ok: bool,
    pub findings: Vec<DraftFinding>,
    /// Fields carried over from a past application that should be checked again.
    pub recheck: Vec<String>,
    /// Every attached file, slot by slot in form order, each slot's files in order.
    pub files: Vec<SlotFile>,
    /// The manual's limits for one application (4.2.8), photo included: 20 files and
    /// 25,000,000 bytes.
    pub max_files: usize,
    #[ts(type = "number")]
    pub max_total_bytes: u64,
}

/// One attached file as the attachment list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SlotFile {
    pub slot: String,
    /// Its path in the draft folder (`attachments/bank-2.pdf`): what remove/move name.
    pub file: String,
    /// The name shown (and sent).
    pub name: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Pages of a readable PDF; null for the photo or an unreadable file.
    pub pages: Option<usize>,
}

fn hex_digest(hex: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = hex
            .get(i * 2..i * 2 + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0);
    }
    out
}

fn severity(s: zairyu_checks::Severity) -> Severity {
    match s {
        zairyu_checks::Severity::Error => Severity::Error,
        _ => Severity::Warning,
    }
}

/// Results of file checks by content digest, so that typing in a form does not decode the
/// photo and parse every PDF again. Keyed by SHA-256, slot kind and date.
#[derive(Debug, Default)]
pub struct FileCheckCache {
    results: Mutex<HashMap<(String, bool, String), CheckedFile>>,
}

/// What the checks found in one file, and its pages (a PDF).
type CheckedFile = (Vec<zairyu_checks::Finding>, Option<usize>);

/// Checks a draft: form first (schema order), then each file in slot order, then the set.
/// `today` is the date the photo's age is measured against.
pub fn check_draft(draft: &Draft, today: Date) -> Result<DraftReport, DraftError> {
    check_draft_with(draft, today, &FileCheckCache::default())
}

/// [`check_draft`], reusing the file checks already done in `cache`.
pub fn check_draft_with(
    draft: &Draft,
    today: Date,
    cache: &FileCheckCache,
) -> Result<DraftReport, DraftError> {
    let mut findings: Vec<DraftFinding> = draft
        .validate()?
        .into_iter()
        .map(DraftFinding::of_form)
        .collect();
    let schema = draft.schema()?;
    let mut set = Vec::new();
    let mut files = Vec::new();
    for (path, _, field) in schema.fields() {
        let photo = field.kind == FieldKind::Photo;
        for entry in draft.slot_files(&path) {
            let key = (entry.sha256.clone(), photo, today.to_string());
            let cached = crate::lock(&cache.results).get(&key).cloned();
            let ((file_findings, pages), digest) = match cached {
                Some(found) => (found, hex_digest(&entry.sha256)),
                None => {
                    let bytes = draft.read_file(entry)?;
                    let found = if photo {
                        (check_photo_bytes(&bytes, today).0, None)
                    } else {
                        let (found, facts) = check_pdf_bytes(&bytes);
                        (found, Some(facts.pages).filter(|p| *p > 0))
                    };
                    crate::lock(&cache.results).insert(key, found.clone());
                    (found, Sha256::digest(&bytes).into())
                }
            };
            set.push(SetEntry {
                name: entry.file.clone(),
                size: entry.bytes,
                sha256: digest,
            });
            let name = entry.file.rsplit('/').next().unwrap_or(&entry.file);
            files.push(SlotFile {
                slot: path.clone(),
                file: entry.file.clone(),
                name: name.to_owned(),
                bytes: entry.bytes,
                pages,
            });
            findings.extend(file_findings.into_iter().map(|f| DraftFinding {
                fixable: zairyu_checks::FIXABLE.contains(&f.code.as_str()),
                message_id: f.code.clone(),
                code: f.code,
                path: path.clone(),
                severity: severity(f.severity),
                message: format!("{name}: {}", f.message),
                message_ja: format!("{name}：{}", f.message_ja),
                hint: f.hint,
                hint_ja: f.hint_ja,
                args: f.args,
                file: Some(name.to_owned()),
            }));
        }
    }
    findings.extend(check_set(&set).into_iter().map(|f| DraftFinding {
        fixable: false,
        message_id: f.code.clone(),
        code: f.code,
        path: String::new(),
        severity: severity(f.severity),
        message: f.message,
        message_ja: f.message_ja,
        hint: f.hint,
        hint_ja: f.hint_ja,
        args: f.args,
        file: None,
    }));
    Ok(DraftReport {
        procedure: draft.meta().procedure.clone(),
        ok: !findings.iter().any(|f| f.severity == Severity::Error),
        findings,
        recheck: draft.meta().recheck.clone(),
        files,
        max_files: zairyu_checks::Limits::official().set_max_files,
        max_total_bytes: zairyu_checks::Limits::official().set_max_total_bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn form_and_file_findings_come_together() {
        let tmp = tempfile::tempdir().unwrap();
        let mut draft = Draft::create(&tmp.path().join("d"), "extension-of-stay").unwrap();
        draft
            .set_value("applicant.postal_code", json!("12"))
            .unwrap();
        draft
            .attach("attachments.transcript", "t.pdf", b"<html>not a pdf</html>")
            .unwrap();
        draft
            .attach("attachments.photo", "p.jpg", b"\xff\xd8\xff truncated")
            .unwrap();
        let report = check_draft(&draft, Date::new(2026, 11, 24).unwrap()).unwrap();
        assert!(!report.ok);
        let at = |p: &str| {
            report
                .findings
                .iter()
                .filter(|f| f.path == p)
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(at("applicant.postal_code"), ["bad_format"]);
        assert!(!at("attachments.transcript").is_empty(), "{report:?}");
        assert!(!at("attachments.photo").is_empty(), "{report:?}");
        assert!(report
            .findings
            .iter()
            .filter(|f| f.path == "attachments.transcript")
            .all(|f| f.message.starts_with("t.pdf")));
    }
}
