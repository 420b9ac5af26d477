//! A complete extension-of-stay application for the end-to-end tests: the answers of
//! `crates/forms/tests/fixtures/extension-complete.json` as a person types them, the seven
//! PDF attachment slots filled with small Ghostscript PDFs, and a draft made with the CLI or
//! filled through the app layer.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The attachment slots of the extension form (besides the photo).
pub const PDF_SLOTS: [&str; 7] = [
    "receipt_request_form",
    "for_organization",
    "transcript",
    "certificate_of_enrollment",
    "submitted_documents_and_japanese",
    "financial_support_statement",
    "proof_of_funds",
];

/// A copy of a corpus photo taken two weeks before today (the checks refuse a photo older
/// than three months, and these tests check drafts against the real today; the corpus itself
/// carries a fixed date for the tests that pin theirs).
pub fn recent_photo(source: &Path, scratch: &Path) -> PathBuf {
    let today = zairyu_checks::Date::today_utc();
    let taken = zairyu_checks::Date::from_days(today.days() - 14);
    let name = source.file_name().expect("a file").to_string_lossy();
    let copy = scratch.join(format!("recent-{name}"));
    std::fs::copy(source, &copy).expect("the corpus photo is readable");
    let status = Command::new("exiftool")
        .args(["-q", "-overwrite_original"])
        .arg(format!(
            "-DateTimeOriginal={}",
            taken.to_string().replace('-', ":") + " 10:15:30"
        ))
        .arg(&copy)
        .status()
        .expect("exiftool runs");
    assert!(
        status.success(),
        "exiftool could not date {}",
        copy.display()
    );
    copy
}

/// A one-page PDF with `name` written on it.
pub fn pdf(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.pdf"));
    let status = Command::new("gs")
        .args(["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite"])
        .arg(format!("-sOutputFile={}", path.display()))
        .arg("-c")
        .arg(format!(
            "/Helvetica findfont 20 scalefont setfont 72 720 moveto ({name}) show showpage"
        ))
        .status()
        .expect("ghostscript runs");
    assert!(status.success(), "ghostscript made {}", path.display());
    path
}

/// Every form answer of the fixture as (`section.field`, typed text), but those in `except`.
pub fn form_inputs(except: &[&str]) -> Vec<(String, String)> {
    let form: serde_json::Value = serde_json::from_str(include_str!(
        "../../crates/forms/tests/fixtures/extension-complete.json"
    ))
    .unwrap();
    let mut out = Vec::new();
    for (section, fields) in form.as_object().unwrap() {
        if section == "attachments" {
            continue;
        }
        for (field, value) in fields.as_object().unwrap() {
            let path = format!("{section}.{field}");
            if except.contains(&path.as_str()) {
                continue;
            }
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.push((path, text));
        }
    }
    out
}

/// A draft folder made with `zairyu draft new|set`: the answers (but `except`), `photo`, and
/// the seven PDFs written into `scratch`.
pub fn cli_draft(dir: &Path, scratch: &Path, photo: &Path, except: &[&str]) {
    let zairyu = |args: &[String]| {
        zairyu_testkit::run_ok(env!("CARGO_BIN_EXE_zairyu"), args, None);
    };
    let d = dir.display().to_string();
    zairyu(&[
        "draft".into(),
        "new".into(),
        "extension-of-stay".into(),
        "--dir".into(),
        d.clone(),
    ]);
    let mut args = vec!["draft".to_owned(), "set".to_owned(), d];
    args.extend(
        form_inputs(except)
            .into_iter()
            .map(|(p, t)| format!("{p}={t}")),
    );
    args.push(format!("attachments.photo={}", photo.display()));
    for slot in PDF_SLOTS {
        args.push(format!(
            "attachments.{slot}={}",
            pdf(scratch, slot).display()
        ));
    }
    zairyu(&args);
}

/// Fills the app's draft `id` with every answer, a recent photo and the seven PDFs, as the
/// student would through the app layer.
pub fn fill_in_app(app: &zairyu_app::App, id: &str, scratch: &Path) {
    for (path, text) in form_inputs(&[]) {
        app.set_draft_field(id, &path, &text).unwrap();
    }
    let photo = std::fs::read(recent_photo(
        &zairyu_testkit::corpus::path("photo_good.jpg"),
        scratch,
    ))
    .unwrap();
    app.attach_to_draft(id, "attachments.photo", "me.jpg", &photo)
        .unwrap();
    for slot in PDF_SLOTS {
        let pdf = std::fs::read(pdf(scratch, slot)).unwrap();
        app.attach_to_draft(
            id,
            &format!("attachments.{slot}"),
            &format!("{slot}.pdf"),
            &pdf,
        )
        .unwrap();
    }
}
