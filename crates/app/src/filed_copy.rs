//! The PDF copy of a filed application ("Save a copy of the filed application"): the form
//! answers under their English and Japanese labels, the reference numbers, the files with their
//! SHA-256 digests and sizes, the filing date, and for a proxy filing at a counter who filed it
//! for whom. Made from what the server keeps
//! (`ApplicationDetails`), so it can be printed again at any time on any computer.
//!
//! No font is embedded or looked for on the computer, and none is shipped in the binary: the
//! copy uses fonts every PDF reader provides itself. Printable ASCII is set in Helvetica (one
//! of the standard 14 fonts, whose widths every reader knows); everything else in a standard
//! Japanese font of the Adobe-Japan1 collection (`KozGoPr6N-Medium`, encoding
//! `UniJIS-UTF16-H`: the text as UTF-16), with a `/ToUnicode` map so readers can search and
//! copy it. The document is written with lopdf, the PDF library the checks already use.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream, StringFormat};
use zairyu_forms::Schema;
use zairyu_wire::ApplicationDetails;

use crate::error::AppError;

/// The font every line is set in: a standard Japanese sans-serif font of the Adobe-Japan1
/// collection, which PDF readers supply themselves (or replace with a Japanese font they
/// have).
const FONT_NAME: &str = "KozGoPr6N-Medium";
/// Unicode in UTF-16 to Adobe-Japan1 CIDs: a CMap every reader knows by name.
const FONT_ENCODING: &str = "UniJIS-UTF16-H";

/// Half-width katakana (U+FF61..=U+FF9F, CIDs 327..=389) are half an em wide; every other
/// character set in the Japanese font is a full em.
const HALF_WIDTH_KATAKANA_CIDS: (i64, i64) = (327, 389);

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
fn answer_text(field: &zairyu_forms::schema::Field, value: &serde_json::Value) -> String {
    let chosen = value
        .as_str()
        .and_then(|v| field.choices.iter().find(|c| c.value == v));
    match chosen {
        Some(c) => format!("{} / {}", c.label_en, c.label_ja),
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
    printed_at: i64,
) -> Result<Vec<u8>, AppError> {
    let label = |en: &str, jp: &str| format!("{en} / {jp}");
    let app = &details.application;
    let mut pages = Pages::new();
    pages.text(16.0, 0.0, &label("Copy of a filed application", "申請控え"));
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
        pages.text(
            9.5,
            0.0,
            &format!(
                "{}（{}）が{}に代わって申請",
                by.name_en, by.organisation_name, student.name_en
            ),
        );
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
                .filter_map(|f| answers.get(&f.id).map(|v| (f, answer_text(f, v))))
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
        let kind = match file.kind.as_str() {
            "photo" => "photo / 写真",
            _ => "attachment / 添付書類",
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

    let title = format!("{} {}", app.reference_number, procedure);
    write_pdf(&pages.pages, &title).map_err(|e| AppError::PdfCopyFailed(e.to_string()))
}

/// A line cut into runs of printable ASCII (`true`: Helvetica) and of everything else (the
/// Japanese font).
fn runs(text: &str) -> Vec<(bool, &str)> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut kind = None;
    for (at, ch) in text.char_indices() {
        let ascii = (' '..='~').contains(&ch);
        match kind {
            Some(previous) if previous != ascii => {
                runs.push((previous, &text[start..at]));
                start = at;
                kind = Some(ascii);
            }
            None => kind = Some(ascii),
            _ => {}
        }
    }
    if let Some(kind) = kind {
        runs.push((kind, &text[start..]));
    }
    runs
}

/// The text as a PDF string in the Japanese font's encoding (UTF-16 big-endian).
fn encoded(text: &str) -> Object {
    let bytes = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A `/ToUnicode` CMap for codes that are UTF-16 already: every two-byte code is its own
/// Unicode value (one `bfrange` per high byte, as a range may not cross one), and each
/// character beyond the basic plane that the copy uses (a four-byte surrogate-pair code) maps
/// to itself as well.
fn to_unicode_cmap(pages: &[Vec<Line>]) -> Vec<u8> {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         3 begincodespacerange\n<0000> <D7FF>\n<D800DC00> <DBFFDFFF>\n<E000> <FFFF>\n\
         endcodespacerange\n",
    );
    let highs: Vec<u32> = (0..=0xFF).filter(|h| !(0xD8..=0xDF).contains(h)).collect();
    for block in highs.chunks(100) {
        cmap.push_str(&format!("{} beginbfrange\n", block.len()));
        for high in block {
            cmap.push_str(&format!("<{high:02X}00> <{high:02X}FF> <{high:02X}00>\n"));
        }
        cmap.push_str("endbfrange\n");
    }
    let beyond: std::collections::BTreeSet<char> = pages
        .iter()
        .flatten()
        .flat_map(|line| line.text.chars())
        .filter(|c| c.len_utf16() == 2)
        .collect();
    let beyond: Vec<String> = beyond
        .into_iter()
        .map(|c| {
            let mut units = [0u16; 2];
            c.encode_utf16(&mut units);
            format!("<{:04X}{:04X}>", units[0], units[1])
        })
        .collect();
    for block in beyond.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", block.len()));
        for code in block {
            cmap.push_str(&format!("{code} {code}\n"));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap.into_bytes()
}

/// The PDF document: A4 pages of placed lines in the one Japanese font.
fn write_pdf(pages: &[Vec<Line>], title: &str) -> Result<Vec<u8>, lopdf::Error> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => FONT_NAME,
        "Flags" => 4,
        "FontBBox" => vec![(-149).into(), (-374).into(), 1254.into(), 1008.into()],
        "ItalicAngle" => 0,
        "Ascent" => 880,
        "Descent" => -120,
        "CapHeight" => 763,
        "StemV" => 116,
    });
    let (first, last) = HALF_WIDTH_KATAKANA_CIDS;
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => FONT_NAME,
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Japan1"),
            "Supplement" => 6,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => vec![first.into(), last.into(), 500.into()],
    });
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, to_unicode_cmap(pages)));
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => format!("{FONT_NAME}-{FONT_ENCODING}"),
        "Encoding" => FONT_ENCODING,
        "DescendantFonts" => vec![cid_font.into()],
        "ToUnicode" => to_unicode,
    });
    let latin = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font, "F2" => latin },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = Vec::new();
        for line in lines {
            operations.extend([
                Operation::new("BT", vec![]),
                Operation::new("Td", vec![line.x.into(), (PAGE_H - line.y).into()]),
            ]);
            for (ascii, run) in runs(&line.text) {
                let (font, text) = if ascii {
                    ("F2", Object::string_literal(run))
                } else {
                    ("F1", encoded(run))
                };
                operations.extend([
                    Operation::new("Tf", vec![font.into(), line.size.into()]),
                    Operation::new("Tj", vec![text]),
                ]);
            }
            operations.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations }.encode()?;
        let contents = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => contents,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Lang" => Object::string_literal("ja"),
    });
    let info = doc.add_object(dictionary! {
        "Title" => encoded_text_string(title),
        "Creator" => Object::string_literal("Zairyu"),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    doc.compress();
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf)?;
    Ok(pdf)
}

/// A PDF text string (document information): UTF-16BE with its byte-order mark.
fn encoded_text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
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

    /// The text of every page as a PDF reader extracts it: poppler's `pdftotext` (Debian's
    /// poppler-utils, with poppler-data for the Japanese encoding; scripts/apt-packages.txt).
    fn pdf_text(pdf: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.pdf");
        std::fs::write(&path, pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext is installed (scripts/apt-packages.txt)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 text")
    }

    #[test]
    fn the_copy_lists_labels_in_both_languages_numbers_and_digests() {
        let schema = zairyu_forms::schema_for("extension-of-stay").unwrap();
        let pdf = render(&details(), Some(schema), 1_796_100_000).unwrap();
        assert!(pdf.starts_with(b"%PDF-1.7"));
        // No font inside: a few kilobytes of text.
        assert!(pdf.len() < 20_000, "{} bytes", pdf.len());
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
        let text = pdf_text(&render(&proxy_details(), Some(schema), 0).unwrap());
        assert!(text.contains(filed_by), "{text}");
        assert!(
            text.contains("SATO HANAKO（Beppu University）がNGUYEN VAN ANに代わって申請"),
            "{text}"
        );
        // A student's own filing says nothing of the kind.
        let own = pdf_text(&render(&details(), Some(schema), 0).unwrap());
        assert!(
            !own.contains("Filed by") && !own.contains("代わって申請"),
            "{own}"
        );
    }

    #[test]
    fn a_line_is_cut_into_latin_and_japanese_runs() {
        assert_eq!(
            runs("Status / 状況: under_review"),
            [
                (true, "Status / "),
                (false, "状況"),
                (true, ": under_review")
            ]
        );
        assert_eq!(runs("申請"), [(false, "申請")]);
        assert_eq!(runs(""), []);
    }

    #[test]
    fn characters_beyond_the_basic_plane_and_long_forms_survive() {
        let mut many = details();
        // 𠮷 (U+20BB7) is written as a surrogate pair; 200 answers run onto more pages.
        many.form["applicant"]["address"] = serde_json::json!("𠮷野家ビル 3F");
        for i in 0..200 {
            many.form["extra"][format!("note{i:03}")] = serde_json::json!(format!("answer {i}"));
        }
        let pdf = render(&many, None, 0).unwrap();
        let mut doc = lopdf::Document::load_mem(&pdf).unwrap();
        doc.decompress();
        assert!(
            doc.get_pages().len() >= 3,
            "{} pages",
            doc.get_pages().len()
        );
        // The four-byte code of 𠮷 is drawn (the encoding CMap maps it to CID 13706) and
        // the /ToUnicode map gives it back. (poppler's pdftotext leaves such codes out.)
        let first = doc.get_pages()[&1];
        let content = doc.get_page_content(first);
        let content = String::from_utf8_lossy(&content).to_lowercase();
        assert!(content.contains("<d842dfb791ce"), "𠮷野 not drawn");
        let cmap = String::from_utf8(to_unicode_cmap(&[vec![Line {
            x: 0.0,
            y: 0.0,
            size: 1.0,
            text: "𠮷".into(),
        }]]))
        .unwrap();
        assert!(cmap.contains("<D842DFB7> <D842DFB7>"), "{cmap}");
        let text = pdf_text(&pdf);
        assert!(text.contains("野家ビル 3F"), "{text}");
        assert!(text.contains("extra.note199"));
        assert!(text.contains("answer 199"));
    }

    /// The copy as a PDF reader shows it: poppler draws page 1 in greyscale, and the text
    /// (Japanese in a font the reader supplies) is drawn, not left blank.
    #[test]
    fn a_pdf_reader_draws_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.pdf");
        let schema = zairyu_forms::schema_for("extension-of-stay").unwrap();
        std::fs::write(&path, render(&details(), Some(schema), 0).unwrap()).unwrap();
        let png = dir.path().join("page");
        let status = std::process::Command::new("pdftoppm")
            .args(["-gray", "-r", "36", "-f", "1", "-l", "1"])
            .arg(&path)
            .arg(&png)
            .status()
            .expect("pdftoppm is installed");
        assert!(status.success());
        let page = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "pgm"))
            .expect("a rendered page");
        let pgm = std::fs::read(page).unwrap();
        // Binary PGM at 36 dpi: the last width × height bytes are the pixels.
        let pixels = &pgm[pgm.len() - 298 * 421..];
        let dark = pixels.iter().filter(|&&p| p < 128).count();
        assert!(
            dark > 500,
            "only {dark} dark pixels: the text was not drawn"
        );
    }
}
