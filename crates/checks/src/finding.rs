//! Findings: what a check found, with a stable code, a severity and the arguments of its
//! message; the texts (message and the hint that says how to fix it, in every language) are
//! the catalogue's (`locales/*/findings.ftl`, rendered by `zairyu-messages`). The English and
//! Japanese texts travel with the finding as before.

use serde::Serialize;
use ts_rs::TS;
use zairyu_messages::{args, Arg, Args, Language};

/// `error` blocks submission; `warning` informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Finding {
    /// Stable snake_case code (documented in docs/error-codes.md).
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub hint: String,
    pub message_ja: String,
    pub hint_ja: String,
    /// The arguments of the message (`code` is its id in the catalogue), to render it in any
    /// language with `Finding::render`.
    #[ts(type = "Record<string, string | number | Array<string>>")]
    pub args: Args,
}

/// Everything a check can find, with the details its message needs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Problem {
    Unreadable {
        reason: String,
    },
    EmptyFile,
    NotPdf {
        actually: &'static str,
    },
    PdfUnparsable {
        reason: String,
    },
    PdfPasswordProtected,
    PdfRestricted {
        /// What it forbids: `printing`, `copying`, `changing` (terms of the catalogue).
        what: Vec<String>,
    },
    PdfEncrypted,
    PdfDamaged {
        what: String,
    },
    PdfTruncated,
    PdfNoPages,
    PdfPageBlank {
        /// The blank pages' numbers (1-based), in order.
        pages: Vec<u32>,
        /// How many pages the PDF has.
        of: usize,
    },
    PdfTooLargeToShrink {
        bytes: u64,
        max: u64,
    },
    PdfTooManyObjects {
        count: usize,
    },
    PdfTooManyValues {
        count: u64,
        max: u64,
    },
    PdfInflatesTooMuch {
        max: u64,
    },
    DecodingBudgetSpent {
        max: u64,
    },
    PdfVersionTooNew {
        version: String,
    },
    PdfJavaScript,
    PdfLaunchAction,
    PdfEmbeddedFiles,
    PhotoNotJpeg {
        actually: &'static str,
    },
    PhotoDamaged {
        reason: String,
    },
    PhotoTruncated,
    PhotoTooManyPixels {
        width: u32,
        height: u32,
    },
    PhotoDecodeTooLarge {
        width: u32,
        height: u32,
        max: u64,
    },
    PhotoNotPortrait34 {
        width: u32,
        height: u32,
    },
    PhotoTooSmall {
        width: u32,
        height: u32,
        min_w: u32,
        min_h: u32,
    },
    PhotoFileLarge {
        bytes: u64,
        max: u64,
    },
    PhotoTooOld {
        taken: String,
        days: i64,
    },
    PhotoDateUnknown,
    PhotoDateInFuture {
        taken: String,
    },
    PhotoBackgroundBusy,
    PhotoBlurred,
    PhotoHasLocation,
    SetTooManyFiles {
        count: usize,
        max: usize,
    },
    SetTooLarge {
        total: u64,
        max: u64,
    },
    SetDuplicate {
        first: String,
        second: String,
    },
    UnsupportedFile {
        actually: &'static str,
    },
}

impl Problem {
    /// The finding's code, severity and the arguments of its message (`locales/*/findings.ftl`,
    /// message id = code, the fix its `.hint`).
    fn code_and_args(&self) -> (&'static str, Severity, Args) {
        use Problem::*;
        use Severity::{Error as E, Warning as W};
        let mb = |max: &u64| max / 1_000_000;
        match self {
            Unreadable { reason } => ("file_unreadable", E, args!["reason" => reason.as_str()]),
            EmptyFile => ("file_empty", E, args![]),
            NotPdf { actually } => ("pdf_not_a_pdf", E, args!["actually" => kind_term(actually)]),
            PdfUnparsable { reason } => ("pdf_unreadable", E, args!["reason" => reason.as_str()]),
            PdfPasswordProtected => ("pdf_password_protected", E, args![]),
            PdfRestricted { what } => {
                let mut a = Args::new();
                a.insert("what".into(), Arg::List(what.clone()));
                ("pdf_restricted", E, a)
            }
            PdfEncrypted => ("pdf_encrypted", E, args![]),
            PdfDamaged { what } => ("pdf_damaged", E, args!["what" => what.as_str()]),
            PdfTruncated => ("pdf_truncated", E, args![]),
            PdfNoPages => ("pdf_no_pages", E, args![]),
            PdfTooManyObjects { count } => (
                "pdf_too_complex",
                E,
                args!["kind" => "objects", "count" => *count],
            ),
            PdfTooManyValues { count, max } => (
                "pdf_too_complex",
                E,
                args!["kind" => "values", "count" => *count, "max" => *max],
            ),
            PdfInflatesTooMuch { max } => ("pdf_inflates_too_much", E, args!["mb" => mb(max)]),
            DecodingBudgetSpent { max } => ("files_decode_too_large", E, args!["mb" => mb(max)]),
            PdfPageBlank { pages, of } => {
                let mut shown: Vec<String> = pages.iter().take(10).map(u32::to_string).collect();
                if pages.len() > 10 {
                    shown.push("…".into());
                }
                let mut a = args!["count" => pages.len(), "of" => *of];
                a.insert("pages".into(), Arg::List(shown));
                ("pdf_page_blank", E, a)
            }
            PdfTooLargeToShrink { bytes, max } => (
                "pdf_too_large_to_shrink",
                E,
                args!["bytes" => *bytes, "max" => *max],
            ),
            PdfVersionTooNew { version } => (
                "pdf_version_too_new",
                E,
                args!["version" => version.as_str()],
            ),
            PdfJavaScript => ("pdf_has_javascript", W, args![]),
            PdfLaunchAction => ("pdf_has_launch_action", W, args![]),
            PdfEmbeddedFiles => ("pdf_has_embedded_files", W, args![]),
            PhotoNotJpeg { actually } => (
                "photo_not_jpeg",
                E,
                args!["actually" => kind_term(actually)],
            ),
            PhotoDamaged { reason } => ("photo_damaged", E, args!["reason" => reason.as_str()]),
            PhotoTruncated => ("photo_truncated", E, args![]),
            PhotoTooManyPixels { width, height } => (
                "photo_too_many_pixels",
                E,
                args!["width" => *width, "height" => *height],
            ),
            PhotoDecodeTooLarge { width, height, max } => (
                "photo_decode_too_large",
                E,
                args!["width" => *width, "height" => *height, "mb" => mb(max)],
            ),
            PhotoNotPortrait34 { width, height } => (
                "photo_not_3_4",
                E,
                args!["width" => *width, "height" => *height],
            ),
            PhotoTooSmall {
                width,
                height,
                min_w,
                min_h,
            } => (
                "photo_too_small",
                E,
                args!["width" => *width, "height" => *height, "min_w" => *min_w, "min_h" => *min_h],
            ),
            PhotoFileLarge { bytes, max } => (
                "photo_file_large",
                W,
                args!["bytes" => *bytes, "max" => *max],
            ),
            PhotoTooOld { taken, days } => (
                "photo_too_old",
                E,
                args!["taken" => taken.as_str(), "days" => *days],
            ),
            PhotoDateUnknown => ("photo_date_unknown", W, args![]),
            PhotoDateInFuture { taken } => {
                ("photo_date_in_future", W, args!["taken" => taken.as_str()])
            }
            PhotoBackgroundBusy => ("photo_background_busy", W, args![]),
            PhotoBlurred => ("photo_blurred", W, args![]),
            PhotoHasLocation => ("photo_has_location", W, args![]),
            SetTooManyFiles { count, max } => (
                "set_too_many_files",
                E,
                args!["count" => *count, "max" => *max],
            ),
            SetTooLarge { total, max } => {
                ("set_too_large", E, args!["total" => *total, "max" => *max])
            }
            SetDuplicate { first, second } => (
                "set_duplicate_file",
                W,
                args!["first" => first.as_str(), "second" => second.as_str()],
            ),
            UnsupportedFile { actually } => (
                "file_unsupported",
                E,
                args!["actually" => kind_term(actually)],
            ),
        }
    }

    pub(crate) fn finding(&self) -> Finding {
        let (code, severity, args) = self.code_and_args();
        Finding::new(code, severity, args)
    }
}

impl Finding {
    /// A finding with its English and Japanese texts rendered from the catalogue.
    pub(crate) fn new(code: &str, severity: Severity, args: Args) -> Finding {
        let render = |language, part: Option<&str>| {
            let text = match part {
                Some(attribute) => zairyu_messages::attribute(language, code, attribute, &args),
                None => zairyu_messages::text(language, code, &args),
            };
            text.unwrap_or_else(|| code.to_owned())
        };
        Finding {
            code: code.to_owned(),
            severity,
            message: render(Language::En, None),
            hint: render(Language::En, Some("hint")),
            message_ja: render(Language::Ja, None),
            hint_ja: render(Language::Ja, Some("hint")),
            args,
        }
    }

    /// The message and the hint in `language`, from the code and the arguments.
    pub fn render(&self, language: Language) -> (String, String) {
        let message = zairyu_messages::text(language, &self.code, &self.args);
        let hint = zairyu_messages::attribute(language, &self.code, "hint", &self.args);
        (
            message.unwrap_or_else(|| self.message.clone()),
            hint.unwrap_or_else(|| self.hint.clone()),
        )
    }
}

/// The catalogue's term (`term-<name>`) for what a file really is (`sniff.rs`'s words).
fn kind_term(kind: &str) -> &'static str {
    match kind {
        "a JPEG image" => "jpeg",
        "a PNG image" => "png",
        "a PDF document" => "pdf",
        "an HTML page" => "html",
        "a ZIP archive (or Office document)" => "zip",
        "an empty file" => "empty",
        "a GIF image" => "gif",
        "a HEIC/HEIF image" => "heic",
        "plain text" => "text",
        _ => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finding_has_both_languages_and_a_hint() {
        let samples = [
            Problem::EmptyFile,
            Problem::NotPdf {
                actually: "a JPEG image",
            },
            Problem::PdfRestricted {
                what: vec!["printing".into(), "copying".into()],
            },
            Problem::PhotoTooOld {
                taken: "2025-01-01".into(),
                days: 400,
            },
            Problem::SetTooLarge {
                total: 26_000_000,
                max: 25_000_000,
            },
            Problem::PdfPageBlank {
                pages: vec![2, 5],
                of: 7,
            },
            Problem::PdfTooManyValues {
                count: 2_800_000,
                max: 279_620,
            },
            Problem::PhotoDecodeTooLarge {
                width: 5000,
                height: 5000,
                max: 50_331_648,
            },
        ];
        for problem in samples {
            let f = problem.finding();
            assert!(!f.message.is_empty() && !f.hint.is_empty(), "{f:?}");
            assert!(!f.message_ja.is_empty() && !f.hint_ja.is_empty(), "{f:?}");
            assert!(f
                .code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()));
        }
        let blank = Problem::PdfPageBlank {
            pages: vec![2, 5, 7],
            of: 7,
        }
        .finding();
        assert!(
            blank.message.starts_with("Pages 2, 5 and 7 of 7"),
            "{}",
            blank.message
        );
        assert!(
            blank.message_ja.contains("2、5、7ページ目"),
            "{}",
            blank.message_ja
        );
        let f = Problem::PdfRestricted {
            what: vec!["printing".into(), "copying".into()],
        }
        .finding();
        assert!(
            f.message.contains("forbids printing and copying"),
            "{}",
            f.message
        );
        assert!(f.message_ja.contains("印刷、コピー"), "{}", f.message_ja);
        let (vi, _) = f.render(Language::Vi);
        assert_ne!(vi, f.message, "rendered in Vietnamese");
        assert!(Problem::NotPdf {
            actually: "a JPEG image"
        }
        .finding()
        .message_ja
        .contains("JPEG画像"));
    }
}
