//! Export and import of draft bundles, including every kind of hostile bundle import refuses.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde_json::json;
use zairyu_drafts::{bundle, Draft};
use zip::write::SimpleFileOptions;

fn sample(dir: &Path) -> Draft {
    let mut draft = Draft::create(dir, "extension-of-stay").unwrap();
    draft
        .set_value("applicant.name_en", json!("LE VAN AN"))
        .unwrap();
    draft
        .attach("attachments.photo", "me.jpg", b"\xff\xd8photo")
        .unwrap();
    draft
        .attach(
            "attachments.transcript",
            "transcript.pdf",
            b"%PDF-1.7 transcript",
        )
        .unwrap();
    draft
}

#[test]
fn round_trip_carries_form_photo_and_attachments() {
    let tmp = tempfile::tempdir().unwrap();
    let draft = sample(&tmp.path().join("a"));
    let file = tmp.path().join("a.zairyu");
    bundle::export(&draft, &file).unwrap();
    let imported = bundle::import(&file, &tmp.path().join("b")).unwrap();
    assert_eq!(imported.form(), draft.form());
    assert_eq!(imported.meta().attachments, draft.meta().attachments);
    assert_eq!(
        fs::read(imported.dir().join("photo.jpg")).unwrap(),
        b"\xff\xd8photo"
    );
    assert_eq!(
        fs::read(imported.dir().join("attachments/transcript.pdf")).unwrap(),
        b"%PDF-1.7 transcript"
    );
    // never over an existing draft
    let err = bundle::import(&file, &tmp.path().join("b")).unwrap_err();
    assert_eq!(err.code(), "draft_exists");
    assert_eq!(
        Draft::open(&tmp.path().join("b")).unwrap().form(),
        draft.form()
    );
}

/// Writes a zip with the given entries (name, bytes) and a manifest made by `manifest`.
fn forge(path: &Path, entries: &[(&str, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn exported_entries(tmp: &Path) -> Vec<(String, Vec<u8>)> {
    let draft = sample(&tmp.join("src"));
    let file = tmp.join("good.zairyu");
    bundle::export(&draft, &file).unwrap();
    let mut zip = zip::ZipArchive::new(fs::File::open(&file).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut bytes).unwrap();
            (e.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn import_forged(tmp: &Path, name: &str, edit: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> String {
    let mut entries = exported_entries(&tmp.join(name));
    edit(&mut entries);
    let file = tmp.join(format!("{name}.zairyu"));
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone()))
        .collect();
    forge(&file, &refs);
    let target = tmp.join(format!("{name}-out"));
    let err = bundle::import(&file, &target).unwrap_err();
    assert!(
        !target.exists(),
        "{name}: a refused import left {target:?} behind"
    );
    assert!(!err.to_string().is_empty());
    err.code().to_owned()
}

#[test]
fn hostile_bundles_are_refused_with_a_clear_code() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    assert_eq!(
        import_forged(t, "traversal", |e| e
            .push(("../../evil.sh".into(), b"rm -rf".to_vec()))),
        "bundle_unsafe_path"
    );
    assert_eq!(
        import_forged(t, "absolute", |e| e
            .push(("/etc/cron.d/x".into(), b"x".to_vec()))),
        "bundle_unsafe_path"
    );
    assert_eq!(
        import_forged(t, "nested", |e| e
            .push(("attachments/a/../../b.pdf".into(), b"x".to_vec()))),
        "bundle_unsafe_path"
    );
    assert_eq!(
        import_forged(t, "tampered", |e| {
            let pdf = e
                .iter_mut()
                .find(|(n, _)| n == "attachments/transcript.pdf")
                .unwrap();
            pdf.1 = b"%PDF-1.7 forged!!!!".to_vec();
        }),
        "bundle_digest_mismatch"
    );
    assert_eq!(
        import_forged(t, "newer", |e| {
            let m = e.iter_mut().find(|(n, _)| n == "manifest.json").unwrap();
            m.1 = String::from_utf8(m.1.clone())
                .unwrap()
                .replace("\"schema_version\": 3", "\"schema_version\": 4")
                .into_bytes();
        }),
        "draft_newer_schema"
    );
    assert_eq!(
        import_forged(t, "nomanifest", |e| e.retain(|(n, _)| n != "manifest.json")),
        "bundle_invalid"
    );
    // A zip bomb: 30 MB of zeros compress to a few kB but unpack past the limit.
    assert_eq!(
        import_forged(t, "bomb", |e| {
            let pdf = e
                .iter_mut()
                .find(|(n, _)| n == "attachments/transcript.pdf")
                .unwrap();
            pdf.1 = vec![0u8; 30_000_000];
        }),
        "bundle_too_large"
    );
    fs::write(t.join("junk.zairyu"), b"PK\x03\x04 not really a zip").unwrap();
    assert_eq!(
        bundle::import(&t.join("junk.zairyu"), &t.join("junk-out"))
            .unwrap_err()
            .code(),
        "bundle_invalid"
    );
}
