//! Checks of one PDF: it parses, is not encrypted or restricted, is not damaged or cut short,
//! its version is within ISO 32000-1, and it carries no scripts, launch actions or files.
//!
//! lopdf is lenient: it repairs broken cross-reference tables and silently decrypts files
//! that have only an owner password. So the verdict reads the recovery flag, the encryption
//! state and the permission bits, not only whether loading succeeded.

use lopdf::encryption::Permissions;
use lopdf::{Document, LoadOptions, Object};

use crate::finding::Problem;
use crate::limits::{parse_version, Limits};
use crate::sniff::{sniff, Sniffed};

/// What a PDF check learned besides its findings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfFacts {
    pub pages: usize,
    /// The effective version: the larger of the header and the catalog's `/Version`.
    pub version: Option<String>,
}

/// Refuses, before lopdf loads anything, a PDF whose object and xref streams together inflate
/// past `pdf_max_decompressed_total_bytes` or whose objects (top-level and packed) exceed
/// `pdf_max_objects`. Answers what its packed streams inflate to otherwise.
pub(crate) fn guard(bytes: &[u8], limits: &Limits) -> Result<u64, Problem> {
    let declared = count_objects(bytes);
    if declared > limits.pdf_max_objects {
        return Err(Problem::PdfTooManyObjects { count: declared });
    }
    let values = crate::pdf_scan::values(bytes);
    if values.saturating_mul(crate::pdf_scan::BYTES_PER_VALUE) > limits.pdf_max_parse_bytes {
        return Err(Problem::PdfTooManyValues {
            count: values,
            max: limits.pdf_max_parse_bytes / crate::pdf_scan::BYTES_PER_VALUE,
        });
    }
    let totals = crate::pdf_scan::totals(bytes, limits.pdf_max_decompressed_total_bytes);
    if totals.inflated > limits.pdf_max_decompressed_total_bytes {
        return Err(Problem::PdfInflatesTooMuch {
            max: limits.pdf_max_decompressed_total_bytes,
        });
    }
    let all_values = values.saturating_add(totals.packed_values);
    if all_values.saturating_mul(crate::pdf_scan::BYTES_PER_VALUE) > limits.pdf_max_parse_bytes {
        return Err(Problem::PdfTooManyValues {
            count: all_values,
            max: limits.pdf_max_parse_bytes / crate::pdf_scan::BYTES_PER_VALUE,
        });
    }
    let all = (declared as u64).saturating_add(totals.packed_objects);
    if all > limits.pdf_max_objects as u64 {
        return Err(Problem::PdfTooManyObjects {
            count: usize::try_from(all).unwrap_or(usize::MAX),
        });
    }
    Ok(totals.inflated)
}

pub(crate) fn check(bytes: &[u8], limits: &Limits) -> (Vec<Problem>, PdfFacts) {
    let mut unlimited = u64::MAX;
    check_within(bytes, limits, &mut unlimited)
}

/// Like [`check`], drawing what the packed streams inflate to from `budget` (bytes left for
/// the whole request); a PDF that would overdraw it is refused before it is loaded.
pub(crate) fn check_within(
    bytes: &[u8],
    limits: &Limits,
    budget: &mut u64,
) -> (Vec<Problem>, PdfFacts) {
    let mut problems = Vec::new();
    let mut facts = PdfFacts::default();
    match sniff(bytes) {
        Sniffed::Pdf => {}
        Sniffed::Empty => return (vec![Problem::EmptyFile], facts),
        other => {
            return (
                vec![Problem::NotPdf {
                    actually: other.describe(),
                }],
                facts,
            )
        }
    }
    if !has_eof_marker(bytes) {
        problems.push(Problem::PdfTruncated);
    }
    // Refuse absurd object counts and packed data before parsing, so memory and parse time
    // stay bounded.
    match guard(bytes, limits) {
        Err(problem) => {
            problems.push(problem);
            return (problems, facts);
        }
        Ok(inflated) if inflated > *budget => {
            problems.push(Problem::DecodingBudgetSpent {
                max: limits.request_max_decoded_bytes,
            });
            return (problems, facts);
        }
        Ok(inflated) => *budget -= inflated,
    }
    let doc = match Document::load_mem_with_options(bytes, load_options(limits)) {
        Ok(doc) => doc,
        Err(err) => {
            if problems.is_empty() {
                problems.push(Problem::PdfUnparsable {
                    reason: err.to_string(),
                });
            }
            return (problems, facts);
        }
    };
    if doc.objects.len() > limits.pdf_max_objects {
        problems.push(Problem::PdfTooManyObjects {
            count: doc.objects.len(),
        });
        return (problems, facts);
    }

    // Encryption: a user password keeps /Encrypt in the trailer; an owner-only file was
    // decrypted on load and only `encryption_state` remembers it.
    if doc.trailer.get(b"Encrypt").is_ok() {
        problems.push(Problem::PdfPasswordProtected);
        return (problems, facts);
    }
    if let Some(state) = &doc.encryption_state {
        let perms = state.permissions();
        let mut denied = Vec::new();
        if !perms.contains(Permissions::PRINTABLE) {
            denied.push("printing");
        }
        if !perms.contains(Permissions::COPYABLE) {
            denied.push("copying");
        }
        if !perms.contains(Permissions::MODIFIABLE) {
            denied.push("changing");
        }
        problems.push(if denied.is_empty() {
            Problem::PdfEncrypted
        } else {
            Problem::PdfRestricted {
                what: denied.iter().map(|w| (*w).to_owned()).collect(),
            }
        });
    }

    if let Some(recovery) = &doc.xref_recovery {
        let how = match recovery {
            lopdf::xref::XrefRecovery::OffsetCorrected => "corrected",
            _ => "rebuilt",
        };
        problems.push(Problem::PdfDamaged {
            what: format!("its cross-reference table had to be {how}"),
        });
    }

    let pages = doc.get_pages();
    facts.pages = pages.len();
    if pages.is_empty() {
        problems.push(Problem::PdfNoPages);
    }
    if let Some(what) = broken_page(&doc, &pages) {
        problems.push(Problem::PdfDamaged { what });
    }
    let blank = crate::pdf_pages::blank_pages(&doc, &pages);
    if !blank.is_empty() {
        problems.push(Problem::PdfPageBlank {
            pages: blank,
            of: facts.pages,
        });
    }

    let version = effective_version(&doc);
    if let Some((major, minor)) = version.as_deref().and_then(parse_version) {
        if (major, minor) > limits.pdf_max_version {
            problems.push(Problem::PdfVersionTooNew {
                version: format!("{major}.{minor}"),
            });
        }
    }
    facts.version = version;

    let active = active_content(&doc);
    if active.javascript {
        problems.push(Problem::PdfJavaScript);
    }
    if active.launch {
        problems.push(Problem::PdfLaunchAction);
    }
    if active.embedded_files {
        problems.push(Problem::PdfEmbeddedFiles);
    }
    (problems, facts)
}

/// How many `endobj` keywords the file holds: a cheap upper bound on its top-level objects.
fn count_objects(bytes: &[u8]) -> usize {
    memchr::memmem::find_iter(bytes, b"endobj").count()
}

/// `%%EOF` within the last 1024 bytes, as the PDF specification's readers expect.
fn has_eof_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// A page whose object or resources do not resolve, described for the message.
fn broken_page(
    doc: &Document,
    pages: &std::collections::BTreeMap<u32, lopdf::ObjectId>,
) -> Option<String> {
    for (number, id) in pages {
        let page = match doc.get_dictionary(*id) {
            Ok(page) => page,
            Err(_) => return Some(format!("page {number} is missing")),
        };
        if let Ok(Object::Reference(res)) = page.get(b"Resources") {
            if doc.get_object(*res).is_err() {
                return Some(format!("the resources of page {number} are missing"));
            }
        }
        match page.get(b"Contents") {
            Ok(Object::Reference(contents)) if doc.get_object(*contents).is_err() => {
                return Some(format!("the content of page {number} is missing"));
            }
            Ok(Object::Array(parts)) => {
                for part in parts {
                    if let Object::Reference(r) = part {
                        if doc.get_object(*r).is_err() {
                            return Some(format!("the content of page {number} is missing"));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn effective_version(doc: &Document) -> Option<String> {
    let header = parse_version(&doc.version);
    let catalog = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Version").ok())
        .and_then(|v| v.as_name().ok())
        .and_then(|name| parse_version(&String::from_utf8_lossy(name)));
    match (header, catalog) {
        (Some(h), Some(c)) => Some(h.max(c)),
        (h, c) => h.or(c),
    }
    .map(|(major, minor)| format!("{major}.{minor}"))
}

#[derive(Debug, Default)]
struct ActiveContent {
    javascript: bool,
    launch: bool,
    embedded_files: bool,
}

/// Looks through every dictionary (and stream dictionary) for scripts, launch actions and
/// embedded files.
fn active_content(doc: &Document) -> ActiveContent {
    let mut found = ActiveContent::default();
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if dict.has(b"JS") || dict.has(b"JavaScript") {
            found.javascript = true;
        }
        if let Ok(kind) = dict.get(b"S").and_then(Object::as_name) {
            match kind {
                b"JavaScript" => found.javascript = true,
                b"Launch" => found.launch = true,
                _ => {}
            }
        }
        if dict.has(b"EmbeddedFiles")
            || dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"EmbeddedFile".as_slice())
        {
            found.embedded_files = true;
        }
    }
    found
}

/// How every PDF is loaded: lenient, with object and xref streams capped.
fn load_options(limits: &Limits) -> LoadOptions {
    LoadOptions {
        max_decompressed_size: Some(limits.pdf_max_decompressed_stream_bytes),
        ..LoadOptions::default()
    }
}

/// Loads a PDF for a fix-up: refuses what is not a PDF or needs a password to open.
pub(crate) fn load_for_fix(bytes: &[u8], limits: &Limits) -> Result<Document, Problem> {
    match sniff(bytes) {
        Sniffed::Pdf => {}
        Sniffed::Empty => return Err(Problem::EmptyFile),
        other => {
            return Err(Problem::NotPdf {
                actually: other.describe(),
            })
        }
    }
    guard(bytes, limits)?;
    let doc = Document::load_mem_with_options(bytes, load_options(limits)).map_err(|err| {
        Problem::PdfUnparsable {
            reason: err.to_string(),
        }
    })?;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(Problem::PdfPasswordProtected);
    }
    Ok(doc)
}

/// Writes an unencrypted copy of a PDF that opens without a password (an owner-password
/// file: lopdf decrypted it on load). A file that needs a user password is refused.
pub(crate) fn unrestricted_copy(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, Problem> {
    let mut doc = load_for_fix(bytes, limits)?;
    if doc.get_pages().is_empty() {
        return Err(Problem::PdfNoPages);
    }
    doc.encryption_state = None;
    doc.trailer.remove(b"Encrypt");
    // The encryption dictionary is gone: drop what nothing refers to and number the objects
    // afresh, so the trailer's /Size matches (qpdf warns otherwise).
    doc.prune_objects();
    doc.renumber_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|err| Problem::PdfUnparsable {
            reason: err.to_string(),
        })?;
    Ok(out)
}

/// Re-encodes the scanned pages (8-bit grey or RGB JPEG images) smaller, step by step, until
/// the whole file fits `max_bytes`: first at most 1754 px on the long side (150 dpi A4) and
/// JPEG quality 75, then lower. Text and vector content are untouched.
pub(crate) fn shrink(bytes: &[u8], max_bytes: u64, limits: &Limits) -> Result<Vec<u8>, Problem> {
    let mut current = unrestricted_copy(bytes, limits)?;
    if current.len() as u64 <= max_bytes {
        return Ok(current);
    }
    for (long_side, quality) in [(1754u32, 75u8), (1240, 60), (1000, 45)] {
        let mut doc = Document::load_mem(&current).map_err(|err| Problem::PdfUnparsable {
            reason: err.to_string(),
        })?;
        for object in doc.objects.values_mut() {
            let Object::Stream(stream) = object else {
                continue;
            };
            if let Some((content, width, height, gray)) = smaller_jpeg(stream, long_side, quality) {
                stream.dict.set("Width", i64::from(width));
                stream.dict.set("Height", i64::from(height));
                stream.dict.set(
                    "ColorSpace",
                    Object::Name(if gray {
                        b"DeviceGray".to_vec()
                    } else {
                        b"DeviceRGB".to_vec()
                    }),
                );
                stream.set_content(content);
            }
        }
        current.clear();
        doc.save_to(&mut current)
            .map_err(|err| Problem::PdfUnparsable {
                reason: err.to_string(),
            })?;
        if current.len() as u64 <= max_bytes {
            return Ok(current);
        }
    }
    Err(Problem::PdfTooLargeToShrink {
        bytes: current.len() as u64,
        max: max_bytes,
    })
}

/// The JPEG of an image stream, scaled down and re-encoded, when it is one we can redo
/// faithfully (DCTDecode, 8 bits, DeviceGray or DeviceRGB) and it gets smaller.
fn smaller_jpeg(
    stream: &lopdf::Stream,
    long_side: u32,
    quality: u8,
) -> Option<(Vec<u8>, u32, u32, bool)> {
    let dict = &stream.dict;
    if dict.get(b"Subtype").and_then(Object::as_name).ok()? != b"Image" {
        return None;
    }
    if dict.get(b"Filter").and_then(Object::as_name).ok()? != b"DCTDecode" {
        return None;
    }
    let space = dict.get(b"ColorSpace").and_then(Object::as_name).ok()?;
    if space != b"DeviceGray" && space != b"DeviceRGB" {
        return None;
    }
    let mut reader = image::ImageReader::new(std::io::Cursor::new(&stream.content));
    reader.set_format(image::ImageFormat::Jpeg);
    reader.limits(crate::photo::decoder_limits(Limits::official()));
    let image = reader.decode().ok()?;
    let (w, h) = (image.width(), image.height());
    let scale = f64::from(long_side) / f64::from(w.max(h));
    let image = if scale < 1.0 {
        let nw = ((f64::from(w) * scale).round() as u32).max(1);
        let nh = ((f64::from(h) * scale).round() as u32).max(1);
        image.resize_exact(nw, nh, image::imageops::FilterType::Triangle)
    } else {
        image
    };
    let gray = space == b"DeviceGray";
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
    let written = if gray {
        image.to_luma8().write_with_encoder(encoder)
    } else {
        image.to_rgb8().write_with_encoder(encoder)
    };
    written.ok()?;
    (out.len() < stream.content.len()).then(|| (out, image.width(), image.height(), gray))
}
