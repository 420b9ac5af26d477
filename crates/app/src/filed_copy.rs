//! The PDF copy of a filed application ("Save a copy of the filed application"): the form
//! answers under their English and Japanese labels, the reference numbers, the files with their
//! SHA-256 digests and sizes, the filing date, and for a proxy filing at a counter who filed it
//! for whom. Made from what the server keeps
//! (`ApplicationDetails`), so it can be printed again at any time on any computer.
//!
//! Japanese needs a font with its glyphs. None is shipped in the binary (a CJK font is several
//! MB and the release binary must stay small): [`find_font`] looks for one installed on the
//! computer (Noto Sans CJK / Source Han / IPA on Linux, Yu Gothic / Meiryo on Windows,
//! Hiragino on macOS) with fontdb, and krilla embeds only the glyphs used (a subset). With no
//! Japanese font, any Latin sans font is used and the copy is printed with the English labels
//! only and a line saying so; with no font at all the copy cannot be made (`pdf_font_missing`).

use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use zairyu_forms::Schema;
use zairyu_wire::ApplicationDetails;

use crate::error::AppError;

/// Japanese-capable families, most wanted first (Linux, Windows, macOS).
const JAPANESE_FAMILIES: &[&str] = &[
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Source Han Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "IPAPGothic",
    "TakaoGothic",
    "VL Gothic",
    "Yu Gothic",
    "Meiryo",
    "MS Gothic",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
];

/// Latin sans families used when no Japanese font is installed.
const LATIN_FAMILIES: &[&str] = &[
    "DejaVu Sans",
    "Liberation Sans",
    "Noto Sans",
    "Arial",
    "Helvetica",
];

/// The font the copy is printed in.
#[derive(Clone)]
pub(crate) struct CopyFont {
    font: Font,
    /// Whether it has Japanese glyphs (else the Japanese labels are left out).
    pub(crate) japanese: bool,
    /// Its family name (the diagnosis and the test say which was used).
    pub(crate) family: String,
}

impl std::fmt::Debug for CopyFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CopyFont")
            .field("family", &self.family)
            .field("japanese", &self.japanese)
            .finish()
    }
}

impl CopyFont {
    /// A font from a file (index 0 of a collection); the tests choose a Latin-only one.
    #[cfg(test)]
    pub(crate) fn from_file(path: &std::path::Path, japanese: bool) -> Option<CopyFont> {
        let data = std::fs::read(path).ok()?;
        let font = Font::new(data.into(), 0)?;
        Some(CopyFont {
            font,
            japanese,
            family: path.display().to_string(),
        })
    }
}

/// The installed font to print with: a Japanese one if there is one, else a Latin sans one.
pub(crate) fn find_font() -> Option<CopyFont> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let pick = |families: &[&str], japanese: bool| {
        families.iter().find_map(|family| {
            let query = fontdb::Query {
                families: &[fontdb::Family::Name(family)],
                ..fontdb::Query::default()
            };
            let id = db.query(&query)?;
            let font =
                db.with_face_data(id, |data, index| Font::new(data.to_vec().into(), index))??;
            Some(CopyFont {
                font,
                japanese,
                family: (*family).to_owned(),
            })
        })
    };
    pick(JAPANESE_FAMILIES, true).or_else(|| pick(LATIN_FAMILIES, false))
}

/// A4 in points, and the layout.
const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 48.0;

/// One line placed on a page: where its baseline starts, its size and its text.
struct Line {
    x: f32,
    y: f32,
    size: f32,
    text: String,
}

/// Writes text down pages, starting a new page when one is full.
struct Pages {
    pages: Vec<Vec<Line>>,
    y: f32,
}

impl Pages {
    fn new() -> Pages {
        Pages {
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    /// One paragraph at `size` points, indented by `indent`, wrapped to the page width.
    fn text(&mut self, size: f32, indent: f32, text: &str) {
        let width = PAGE_W - 2.0 * MARGIN - indent;
        for text in wrap(text, size, width) {
            self.y += size * 1.45;
            if self.y > PAGE_H - MARGIN {
                self.pages.push(Vec::new());
                self.y = MARGIN + size * 1.45;
            }
            let line = Line {
                x: MARGIN + indent,
                y: self.y,
                size,
                text,
            };
            if let Some(page) = self.pages.last_mut() {
                page.push(line);
            }
        }
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }
}

/// Breaks text into lines that fit `width` points (an estimate: CJK characters are one em
/// wide, others about half).
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0.0;
        for ch in paragraph.chars() {
            let w = if (ch as u32) >= 0x2E80 {
                size
            } else {
                size * 0.56
            };
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            line.push(ch);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// A form value as text: strings as they are, lists one item per line, the rest as JSON.
fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Bool(b) => if *b { "yes / はい" } else { "no / いいえ" }.to_owned(),
        serde_json::Value::Array(items) => {
            items.iter().map(value_text).collect::<Vec<_>>().join("\n")
        }
        other => other.to_string(),
    }
}

/// A field's answer: a choice by its labels (the value itself when not listed), else its text.
fn answer_text(field: &zairyu_forms::schema::Field, value: &serde_json::Value, ja: bool) -> String {
    let chosen = value
        .as_str()
        .and_then(|v| field.choices.iter().find(|c| c.value == v));
    match chosen {
        Some(c) if ja => format!("{} / {}", c.label_en, c.label_ja),
        Some(c) => c.label_en.clone(),
        None => value_text(value),
    }
}

/// A Unix time as a date and time in Japan (the immigration office's clock).
fn japan_time(unix: i64) -> String {
    let offset = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    match time::OffsetDateTime::from_unix_timestamp(unix) {
        Ok(t) => {
            let t = t.to_offset(offset);
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02} JST",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            )
        }
        Err(_) => unix.to_string(),
    }
}

/// The PDF bytes of the copy. `printed_at` is the Unix time it is made.
pub(crate) fn render(
    details: &ApplicationDetails,
    schema: Option<&Schema>,
    font: &CopyFont,
    printed_at: i64,
) -> Result<Vec<u8>, AppError> {
    let ja = font.japanese;
    let label = |en: &str, jp: &str| {
        if ja {
            format!("{en} / {jp}")
        } else {
            en.to_owned()
        }
    };
    let app = &details.application;
    let mut pages = Pages::new();
    pages.text(16.0, 0.0, &label("Copy of a filed application", "申請控え"));
    if !ja {
        pages.text(
            8.0,
            0.0,
            "No Japanese font was found on this computer: the Japanese labels are left out \
             (install Noto Sans CJK or IPA Gothic and save the copy again).",
        );
    }
    let procedure = match (&app.procedure_name_en, &app.procedure_name_ja) {
        (Some(en), Some(jp)) => label(en, jp),
        (Some(en), None) => en.clone(),
        _ => app.procedure_id.clone(),
    };
    pages.text(11.0, 0.0, &procedure);
    pages.gap(6.0);
    let filed_at = details
        .history
        .first()
        .map(|h| h.at)
        .unwrap_or(app.created_at);
    let status = serde_json::to_value(app.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut facts = vec![
        (
            label("Reference number", "整理番号"),
            app.reference_number.clone(),
        ),
        (
            label("Temporary reception number", "仮申請受付番号"),
            app.temporary_reception_number.clone(),
        ),
    ];
    if let Some(number) = &app.temporary_application_number {
        facts.push((
            label("Temporary application number", "仮申請番号"),
            number.clone(),
        ));
    }
    facts.extend([
        (label("Submission ID", "送信ID"), app.submission_id.clone()),
        (label("Filed on", "申請日時"), japan_time(filed_at)),
        (label("Status", "状況"), status),
        (label("Applicant", "申請人"), details.applicant_name.clone()),
        (label("Versions", "版数"), details.versions.to_string()),
    ]);
    for (name, value) in &facts {
        pages.text(9.5, 0.0, &format!("{name}: {value}"));
    }
    // Proxy filing at a counter: who filed it, for whom (as recorded at the time).
    if let (Some(by), Some(student)) = (&app.filed_by, &app.filed_for) {
        pages.text(
            9.5,
            0.0,
            &format!(
                "Filed by {} ({}) for {}",
                by.name_en, by.organisation_name, student.name_en
            ),
        );
        if ja {
            pages.text(
                9.5,
                0.0,
                &format!(
                    "{}（{}）が{}に代わって申請",
                    by.name_en, by.organisation_name, student.name_en
                ),
            );
        }
    }

    pages.gap(8.0);
    pages.text(12.0, 0.0, &label("Form answers", "申請内容"));
    let empty = serde_json::Map::new();
    let form = details.form.as_object().unwrap_or(&empty);
    let mut shown: Vec<(String, String)> = Vec::new();
    if let Some(schema) = schema {
        for section in &schema.sections {
            let Some(answers) = form.get(&section.id).and_then(|v| v.as_object()) else {
                continue;
            };
            let fields: Vec<_> = section
                .fields
                .iter()
                .filter_map(|f| answers.get(&f.id).map(|v| (f, answer_text(f, v, ja))))
                .filter(|(_, v)| !v.is_empty())
                .collect();
            if fields.is_empty() {
                continue;
            }
            pages.gap(4.0);
            pages.text(10.5, 0.0, &label(&section.title_en, &section.title_ja));
            for (field, value) in fields {
                pages.text(8.5, 8.0, &label(&field.label_en, &field.label_ja));
                pages.text(9.5, 20.0, &value);
                shown.push((section.id.clone(), field.id.clone()));
            }
        }
    }
    // Answers the schema does not list (a procedure changed since): by their keys.
    for (section, answers) in form {
        let Some(answers) = answers.as_object() else {
            continue;
        };
        for (field, value) in answers {
            if shown.iter().any(|(s, f)| s == section && f == field) {
                continue;
            }
            let value = value_text(value);
            if !value.is_empty() {
                pages.text(8.5, 8.0, &format!("{section}.{field}"));
                pages.text(9.5, 20.0, &value);
            }
        }
    }

    pages.gap(8.0);
    pages.text(12.0, 0.0, &label("Files", "添付ファイル"));
    for file in &details.files {
        let kind = match (file.kind.as_str(), ja) {
            ("photo", true) => "photo / 写真",
            ("photo", false) => "photo",
            (_, true) => "attachment / 添付書類",
            _ => "attachment",
        };
        pages.text(
            9.5,
            8.0,
            &format!(
                "{} ({kind}, {} bytes, {:.1} MB)",
                file.name,
                file.bytes,
                file.bytes as f64 / 1_000_000.0
            ),
        );
        pages.text(8.0, 20.0, &format!("SHA-256 {}", file.sha256));
    }
    pages.gap(10.0);
    pages.text(
        7.5,
        0.0,
        &format!(
            "{}: {}",
            label(
                "Printed from the reception server's record",
                "受付サーバの記録から印刷"
            ),
            japan_time(printed_at)
        ),
    );

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} {}", app.reference_number, procedure))
            .creator("Zairyu".to_owned())
            .language(if ja { "ja".to_owned() } else { "en".to_owned() }),
    );
    for lines in &pages.pages {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(pdf_failed)?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for line in lines {
            surface.draw_text(
                Point::from_xy(line.x, line.y),
                font.font.clone(),
                line.size,
                &line.text,
                false,
                TextDirection::Auto,
            );
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| AppError::PdfCopyFailed(format!("{e:?}")))
}

fn pdf_failed() -> AppError {
    AppError::PdfCopyFailed("bad page size".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use zairyu_wire::{Application, ApplicationStatus, DetailFile, StatusEntry};

    fn details() -> ApplicationDetails {
        ApplicationDetails {
            application: Application {
                id: 7,
                reference_number: "R-2026-000123".into(),
                temporary_reception_number: "東オソ認T00011111".into(),
                temporary_application_number: Some("申請2600011111".into()),
                procedure_id: "extension-of-stay".into(),
                procedure_name_en: Some("Extension of period of stay".into()),
                procedure_name_ja: Some("在留期間更新許可申請".into()),
                submission_id: "sub-1".into(),
                status: ApplicationStatus::UnderReview,
                revision_request: None,
                created_at: 1_796_083_200,
                updated_at: 1_796_083_200,
                filed_by: None,
                filed_for: None,
            },
            applicant_name: "NGUYEN VAN AN".into(),
            history: vec![StatusEntry {
                status: ApplicationStatus::UnderReview,
                at: 1_796_083_200,
            }],
            versions: 1,
            form: serde_json::json!({
                "applicant": {
                    "name_en": "NGUYEN VAN AN",
                    "sex": "male",
                    "address": "東京都新宿区西新宿2-8-1",
                    "current_expiry": "2027-03-31",
                },
                "extra": { "note": "kept" },
            }),
            files: vec![
                DetailFile {
                    name: "photo.jpg".into(),
                    sha256: "a".repeat(64),
                    bytes: 123_456,
                    kind: "photo".into(),
                },
                DetailFile {
                    name: "成績証明書.pdf".into(),
                    sha256: "0123456789abcdef".repeat(4),
                    bytes: 2_500_000,
                    kind: "attachment".into(),
                },
            ],
        }
    }

    /// The text of every page, as a PDF reader extracts it (through the fonts' ToUnicode maps).
    fn pdf_text(pdf: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).expect("text")
    }

    #[test]
    fn the_copy_lists_labels_in_both_languages_numbers_and_digests() {
        let Some(font) = find_font().filter(|f| f.japanese) else {
            eprintln!("no Japanese font installed: skipped (the English-only test still runs)");
            return;
        };
        let schema = zairyu_forms::schema_for("extension-of-stay").unwrap();
        let pdf = render(&details(), Some(schema), &font, 1_796_100_000).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        // A subset: far smaller than the font file (IPA Gothic alone is 6 MB).
        assert!(pdf.len() < 400_000, "{} bytes", pdf.len());
        let text = pdf_text(&pdf);
        for expected in [
            "Copy of a filed application / 申請控え",
            "Reference number / 整理番号: R-2026-000123",
            "東オソ認T00011111",
            "3 Name (English, as on the residence card) / 3 氏名（英字）",
            "NGUYEN VAN AN",
            "Male / 男",
            "東京都新宿区西新宿2-8-1",
            "11 Date of expiration / 11 在留期間の満了日",
            "extra.note",
            "成績証明書.pdf (attachment / 添付書類, 2500000 bytes, 2.5 MB)",
            &format!("SHA-256 {}", "0123456789abcdef".repeat(4)),
            &format!("SHA-256 {}", "a".repeat(64)),
            "2026-12-01",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
    }

    /// [`details`] filed by a school's staff member for the student.
    fn proxy_details() -> ApplicationDetails {
        let mut proxy = details();
        proxy.application.filed_by = Some(zairyu_wire::FiledBy {
            user_id: "ZR00000002".into(),
            name_en: "SATO HANAKO".into(),
            organisation_id: "ORG00000042".into(),
            organisation_name: "Beppu University".into(),
        });
        proxy.application.filed_for = Some(zairyu_wire::FiledFor {
            user_id: "ZR00000001".into(),
            name_en: "NGUYEN VAN AN".into(),
        });
        proxy
    }

    #[test]
    fn a_proxy_filing_says_who_filed_it_for_whom_in_both_languages() {
        let schema = zairyu_forms::schema_for("extension-of-stay").unwrap();
        let filed_by = "Filed by SATO HANAKO (Beppu University) for NGUYEN VAN AN";
        if let Some(font) = find_font().filter(|f| f.japanese) {
            let text = pdf_text(&render(&proxy_details(), Some(schema), &font, 0).unwrap());
            assert!(text.contains(filed_by), "{text}");
            assert!(
                text.contains("SATO HANAKO（Beppu University）がNGUYEN VAN ANに代わって申請"),
                "{text}"
            );
            // A student's own filing says nothing of the kind.
            let own = pdf_text(&render(&details(), Some(schema), &font, 0).unwrap());
            assert!(
                !own.contains("Filed by") && !own.contains("代わって申請"),
                "{own}"
            );
        } else {
            eprintln!("no Japanese font installed: the Japanese line is not checked");
        }
        let latin = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
            .iter()
            .find_map(|p| CopyFont::from_file(std::path::Path::new(p), false));
        if let Some(font) = latin {
            let text = pdf_text(&render(&proxy_details(), Some(schema), &font, 0).unwrap());
            assert!(text.contains(filed_by), "{text}");
            assert!(!text.contains("代わって申請"), "{text}");
        }
    }

    #[test]
    fn without_a_japanese_font_the_copy_has_the_english_labels_and_says_so() {
        let latin = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
            .iter()
            .find_map(|p| CopyFont::from_file(std::path::Path::new(p), false));
        let Some(font) = latin else {
            eprintln!("no DejaVu Sans: skipped");
            return;
        };
        let schema = zairyu_forms::schema_for("extension-of-stay").unwrap();
        let text = pdf_text(&render(&details(), Some(schema), &font, 0).unwrap());
        assert!(text.contains("Copy of a filed application"));
        assert!(!text.contains("申請控え"));
        assert!(text.contains("No Japanese font was found"));
        assert!(text.contains("3 Name (English, as on the residence card)"));
        assert!(text.contains(&"0123456789abcdef".repeat(4)));
    }
}
