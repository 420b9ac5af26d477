//! Unit tests of a draft folder: create, set, attach, history, recovery, undo, reuse.

use serde_json::json;

use super::*;

fn fresh() -> (tempfile::TempDir, Draft) {
    let tmp = tempfile::tempdir().unwrap();
    let draft = Draft::create(&tmp.path().join("d"), "extension-of-stay").unwrap();
    (tmp, draft)
}

#[test]
fn create_set_and_reopen() {
    let (_tmp, mut draft) = fresh();
    let stored = draft
        .set_inputs(&[
            (
                "applicant.residence_card_number".into(),
                "ab12345678cd".into(),
            ),
            ("applicant.postal_code".into(), "530-0000".into()),
        ])
        .unwrap();
    assert_eq!(stored, vec![json!("AB12345678CD"), json!("5300000")]);
    let again = Draft::open(draft.dir()).unwrap();
    assert_eq!(again.form()["applicant"]["postal_code"], "5300000");
    assert_eq!(again.meta().revision, 2);
    assert!(!again.recovered());
    let err = draft
        .set_inputs(&[("applicant.shoe_size".into(), "42".into())])
        .unwrap_err();
    assert_eq!(err.code(), "unknown_field");
}

#[test]
fn refuses_unknown_procedures_and_occupied_folders() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        Draft::create(&tmp.path().join("x"), "nope")
            .unwrap_err()
            .code(),
        "unknown_procedure"
    );
    fs::write(tmp.path().join("file"), "x").unwrap();
    assert_eq!(
        Draft::create(tmp.path(), "extension-of-stay")
            .unwrap_err()
            .code(),
        "draft_exists"
    );
    assert_eq!(
        Draft::open(&tmp.path().join("none")).unwrap_err().code(),
        "not_a_draft"
    );
}

#[test]
fn history_keeps_the_last_versions_and_undo_goes_back() {
    let (_tmp, mut draft) = fresh();
    for i in 0..15 {
        draft
            .set_value("applicant.nationality", json!(format!("N{i}")))
            .unwrap();
    }
    let history = draft.history();
    assert_eq!(history.len(), HISTORY_KEPT);
    assert_eq!(*history.last().unwrap(), draft.meta().revision - 1);
    assert!(draft.undo().unwrap());
    assert_eq!(draft.form()["applicant"]["nationality"], "N13");
}

#[test]
fn a_damaged_draft_json_is_kept_aside_and_the_previous_version_restored() {
    let (_tmp, mut draft) = fresh();
    draft
        .set_value("applicant.nationality", json!("Viet Nam"))
        .unwrap();
    draft
        .set_value("applicant.occupation", json!("学生"))
        .unwrap();
    let dir = draft.dir().to_owned();
    fs::write(dir.join("draft.json"), b"{\"format\": 1, \"id\": ").unwrap();
    fs::write(dir.join(".draft.json.tmp-4999999"), b"half a save").unwrap();
    let opened = Draft::open(&dir).unwrap();
    assert!(opened.recovered());
    assert_eq!(opened.form()["applicant"]["nationality"], "Viet Nam");
    assert_eq!(
        fs::read(dir.join("draft.json.corrupt")).unwrap(),
        b"{\"format\": 1, \"id\": "
    );
    assert!(!dir.join(".draft.json.tmp-4999999").exists());
}

#[test]
fn attachments_replace_their_slot_and_refuse_bad_names() {
    let (_tmp, mut draft) = fresh();
    draft
        .attach("attachments.transcript", "grades.pdf", b"%PDF-1.7 one")
        .unwrap();
    draft
        .attach("attachments.transcript", "grades-v2.pdf", b"%PDF-1.7 two")
        .unwrap();
    draft
        .attach("attachments.photo", "IMG_0001.JPG", b"\xff\xd8jpeg")
        .unwrap();
    let dir = draft.dir().to_owned();
    assert!(!dir.join("attachments/grades.pdf").exists());
    assert_eq!(
        fs::read(dir.join("attachments/grades-v2.pdf")).unwrap(),
        b"%PDF-1.7 two"
    );
    assert_eq!(fs::read(dir.join("photo.jpg")).unwrap(), b"\xff\xd8jpeg");
    assert_eq!(draft.form()["attachments"]["transcript"], "grades-v2.pdf");
    assert_eq!(draft.meta().attachments.len(), 2);
    assert_eq!(
        draft
            .attach("attachments.letter", "grades-v2.pdf", b"x")
            .unwrap_err()
            .code(),
        "bad_file_name"
    );
    // A path is reduced to its file name: nothing is written outside the draft folder.
    draft
        .attach("attachments.letter", "../../etc/letter.pdf", b"%PDF-")
        .unwrap();
    assert!(dir.join("attachments/letter.pdf").exists());
    assert_eq!(
        draft
            .attach("attachments.letter", "why?<>.pdf", b"x")
            .unwrap_err()
            .code(),
        "bad_file_name"
    );
    assert_eq!(
        draft
            .attach("attachments.transcript", ".hidden", b"x")
            .unwrap_err()
            .code(),
        "bad_file_name"
    );
    assert_eq!(
        draft
            .attach("applicant.name_en", "a.pdf", b"x")
            .unwrap_err()
            .code(),
        "unknown_field"
    );
    draft.detach("attachments.transcript").unwrap();
    assert!(!dir.join("attachments/grades-v2.pdf").exists());
    assert!(draft.form()["attachments"].get("transcript").is_none());
}

#[test]
fn migrates_a_version_1_draft_and_refuses_a_newer_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("old");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("draft.json"),
        include_str!("../../tests/fixtures/draft-v1.json"),
    )
    .unwrap();
    let draft = Draft::open(&dir).unwrap();
    assert_eq!(draft.meta().schema_version, 3);
    assert_eq!(draft.form()["applicant"]["mobile"], "09012345678");
    // v2 → v3: the typed nationality becomes the list's code; an unknown one stays as typed.
    assert_eq!(draft.form()["applicant"]["nationality"], "VNM");
    assert_eq!(draft.form()["work"]["weekly_hours"], 20);
    assert!(draft.form()["applicant"].get("phone").is_none());

    let unknown = tmp.path().join("unknown");
    fs::create_dir_all(&unknown).unwrap();
    let text =
        include_str!("../../tests/fixtures/draft-v1.json").replace("\"Viet Nam\"", "\"Atlantis\"");
    fs::write(unknown.join("draft.json"), text).unwrap();
    let kept = Draft::open(&unknown).unwrap();
    assert_eq!(kept.form()["applicant"]["nationality"], "Atlantis");

    let newer = tmp.path().join("newer");
    fs::create_dir_all(&newer).unwrap();
    let text = include_str!("../../tests/fixtures/draft-v1.json")
        .replace("\"schema_version\": 1", "\"schema_version\": 9");
    fs::write(newer.join("draft.json"), text).unwrap();
    assert_eq!(
        Draft::open(&newer).unwrap_err().code(),
        "draft_newer_schema"
    );
}

#[test]
fn reuse_within_two_years_marks_stale_fields_and_drops_files() {
    let (tmp, mut draft) = fresh();
    draft
        .set_inputs(&[
            ("applicant.name_en".into(), "LE VAN AN".into()),
            (
                "applicant.residence_card_number".into(),
                "AB12345678CD".into(),
            ),
        ])
        .unwrap();
    draft
        .attach("attachments.transcript", "t.pdf", b"%PDF-")
        .unwrap();
    assert_eq!(
        draft
            .reuse_into(&tmp.path().join("n0"), "2026-11-24")
            .unwrap_err()
            .code(),
        "reuse_refused"
    );
    draft
        .mark_submitted("REF-1", "2025-10-24T02:00:00Z")
        .unwrap();
    let mut reused = draft
        .reuse_into(&tmp.path().join("n1"), "2026-11-24")
        .unwrap();
    assert_eq!(reused.form()["applicant"]["name_en"], "LE VAN AN");
    assert!(reused.form()["attachments"].get("transcript").is_none());
    assert!(reused
        .meta()
        .recheck
        .contains(&"applicant.residence_card_number".to_owned()));
    assert!(!reused
        .meta()
        .recheck
        .contains(&"applicant.name_en".to_owned()));
    assert_eq!(reused.meta().reused_from.as_deref(), Some("REF-1"));
    reused
        .set_inputs(&[(
            "applicant.residence_card_number".into(),
            "EF87654321GH".into(),
        )])
        .unwrap();
    assert!(!reused
        .meta()
        .recheck
        .contains(&"applicant.residence_card_number".to_owned()));
    let err = draft
        .reuse_into(&tmp.path().join("n2"), "2027-10-25")
        .unwrap_err();
    assert!(err.to_string().contains("more than two years"), "{err}");
}

/// A draft whose photo was attached, then replaced in place (as a one-click fix does).
fn photo_fixed_in_place() -> (tempfile::TempDir, Draft, std::path::PathBuf) {
    let (tmp, mut draft) = fresh();
    let dir = draft.dir().to_owned();
    draft
        .attach("attachments.photo", "me.jpg", b"\xff\xd8 original")
        .unwrap();
    draft
        .attach("attachments.photo", "me.jpg", b"\xff\xd8 fixed")
        .unwrap();
    (tmp, draft, dir)
}

#[test]
fn undo_brings_back_a_replaced_or_removed_file() {
    let (_tmp, mut draft, dir) = photo_fixed_in_place();
    assert_eq!(fs::read(dir.join("photo.jpg")).unwrap(), b"\xff\xd8 fixed");
    assert!(draft.undo().unwrap());
    assert_eq!(
        fs::read(dir.join("photo.jpg")).unwrap(),
        b"\xff\xd8 original"
    );
    let entry = draft.attachment("attachments.photo").unwrap().clone();
    assert_eq!(entry.sha256, sha256_hex(b"\xff\xd8 original"));
    // Reopening finds the same state on disk.
    let reopened = Draft::open(&dir).unwrap();
    assert_eq!(reopened.attachment("attachments.photo"), Some(&entry));

    // A PDF replaced under another name, then removed: undo walks back through both.
    draft
        .attach("attachments.transcript", "grades.pdf", b"%PDF-1.7 one")
        .unwrap();
    draft
        .attach("attachments.transcript", "grades-v2.pdf", b"%PDF-1.7 two")
        .unwrap();
    draft.detach("attachments.transcript").unwrap();
    assert!(!dir.join("attachments/grades-v2.pdf").exists());
    assert!(draft.undo().unwrap());
    assert_eq!(
        fs::read(dir.join("attachments/grades-v2.pdf")).unwrap(),
        b"%PDF-1.7 two"
    );
    assert_eq!(draft.form()["attachments"]["transcript"], "grades-v2.pdf");
    // The removed PDF's bytes were kept while a kept version still names them.
    assert!(dir
        .join("history/files")
        .join(sha256_hex(b"%PDF-1.7 one"))
        .exists());
}

#[test]
fn an_undo_whose_file_is_no_longer_kept_refuses_and_changes_nothing() {
    let (_tmp, mut draft, dir) = photo_fixed_in_place();
    let kept = dir
        .join("history/files")
        .join(sha256_hex(b"\xff\xd8 original"));
    fs::remove_file(&kept).unwrap();
    let revision = draft.meta().revision;
    assert_eq!(draft.undo().unwrap_err().code(), "undo_file_gone");
    assert_eq!(draft.meta().revision, revision);
    assert_eq!(fs::read(dir.join("photo.jpg")).unwrap(), b"\xff\xd8 fixed");
}

#[test]
fn kept_file_versions_go_when_no_kept_version_uses_them() {
    let (_tmp, mut draft) = fresh();
    let dir = draft.dir().to_owned();
    draft
        .attach("attachments.photo", "me.jpg", b"\xff\xd8 one")
        .unwrap();
    draft
        .attach("attachments.photo", "me.jpg", b"\xff\xd8 two")
        .unwrap();
    let first = dir.join("history/files").join(sha256_hex(b"\xff\xd8 one"));
    assert!(first.exists());
    for n in 0..HISTORY_KEPT + 2 {
        draft
            .set_inputs(&[("applicant.occupation".into(), format!("学生{n}"))])
            .unwrap();
    }
    assert!(!first.exists(), "no kept version refers to it any more");
    assert_eq!(fs::read(dir.join("photo.jpg")).unwrap(), b"\xff\xd8 two");
}

#[cfg(target_os = "linux")]
#[test]
fn opening_a_draft_keeps_another_writers_temp_file() {
    let (_tmp, mut draft) = fresh();
    draft
        .set_value("applicant.nationality", json!("Viet Nam"))
        .unwrap();
    let dir = draft.dir().to_owned();
    // A second writer (this process runs, so its save is in progress) has its temp file there.
    let saving = crate::atomic::temp_path_for(&dir.join("draft.json"));
    fs::write(&saving, b"a save in progress").unwrap();
    let history_saving = crate::atomic::temp_path_for(&dir.join("history").join("2.json"));
    fs::write(&history_saving, b"a save in progress").unwrap();
    let opened = Draft::open(&dir).unwrap();
    assert_eq!(opened.form()["applicant"]["nationality"], "Viet Nam");
    assert!(saving.exists(), "open deleted another writer's temp file");
    assert!(history_saving.exists());
}

#[test]
fn a_format_1_draft_opens_as_a_list_of_one_file_with_the_same_meaning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("old");
    fs::create_dir_all(dir.join("attachments")).unwrap();
    fs::write(
        dir.join("draft.json"),
        include_str!("../../tests/fixtures/format1/draft.json"),
    )
    .unwrap();
    fs::write(
        dir.join("attachments/bank.pdf"),
        include_bytes!("../../tests/fixtures/format1/bank.pdf"),
    )
    .unwrap();
    let slot = "attachments.proof_of_funds";
    let mut draft = Draft::open(&dir).unwrap();
    assert_eq!(draft.meta().format, DRAFT_FORMAT);
    assert_eq!(draft.form()["attachments"]["proof_of_funds"], "bank.pdf");
    let files = draft.slot_files(slot);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file, "attachments/bank.pdf");
    assert_eq!(draft.read_file(files[0]).unwrap(), b"bank pdf\n");
    // The next save writes format 2; a second file joins the first.
    draft.add_file(slot, "bank.pdf", b"second").unwrap();
    let again = Draft::open(&dir).unwrap();
    let raw: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("draft.json")).unwrap()).unwrap();
    assert_eq!(raw["format"], 2);
    let names: Vec<_> = again
        .slot_files(slot)
        .iter()
        .map(|a| a.file.clone())
        .collect();
    assert_eq!(names, ["attachments/bank.pdf", "attachments/bank-2.pdf"]);
    assert_eq!(
        again.form()["attachments"]["proof_of_funds"],
        "bank.pdf, bank-2.pdf"
    );

    let newer = tmp.path().join("newer");
    fs::create_dir_all(&newer).unwrap();
    let text = include_str!("../../tests/fixtures/format1/draft.json")
        .replace("\"format\": 1", "\"format\": 7");
    fs::write(newer.join("draft.json"), text).unwrap();
    assert_eq!(
        Draft::open(&newer).unwrap_err().code(),
        "draft_newer_format"
    );
}

#[test]
fn a_slot_holds_files_in_order_that_move_and_come_back_after_removal() {
    let (_tmp, mut draft) = fresh();
    let slot = "attachments.proof_of_funds";
    for (name, bytes) in [
        ("jan.pdf", b"one"),
        ("feb.pdf", b"two"),
        ("mar.pdf", b"thr"),
    ] {
        draft.add_file(slot, name, bytes).unwrap();
    }
    draft
        .add_file("attachments.transcript", "grades.pdf", b"grd")
        .unwrap();
    let order = |d: &Draft| -> Vec<String> {
        d.slot_files(slot)
            .iter()
            .map(|a| a.file.trim_start_matches("attachments/").to_owned())
            .collect()
    };
    assert_eq!(order(&draft), ["jan.pdf", "feb.pdf", "mar.pdf"]);
    assert!(draft.move_file(slot, "attachments/mar.pdf", true).unwrap());
    assert_eq!(order(&draft), ["jan.pdf", "mar.pdf", "feb.pdf"]);
    assert!(!draft.move_file(slot, "attachments/jan.pdf", true).unwrap());
    assert!(draft.move_file(slot, "attachments/jan.pdf", false).unwrap());
    assert_eq!(order(&draft), ["mar.pdf", "jan.pdf", "feb.pdf"]);
    assert_eq!(
        draft.form()["attachments"]["proof_of_funds"],
        "mar.pdf, jan.pdf, feb.pdf"
    );

    draft.remove_file(slot, "attachments/jan.pdf").unwrap();
    assert_eq!(order(&draft), ["mar.pdf", "feb.pdf"]);
    assert!(!draft.dir().join("attachments/jan.pdf").exists());
    assert!(draft.undo().unwrap());
    assert_eq!(order(&draft), ["mar.pdf", "jan.pdf", "feb.pdf"]);
    assert_eq!(
        fs::read(draft.dir().join("attachments/jan.pdf")).unwrap(),
        b"one"
    );
    assert_eq!(
        draft
            .remove_file(slot, "attachments/grades.pdf")
            .unwrap_err()
            .code(),
        "no_such_file",
        "a file of another slot is not this slot's"
    );
    draft
        .replace_file(slot, "attachments/feb.pdf", b"smaller")
        .unwrap();
    let feb = draft.slot_files(slot)[2].clone();
    assert_eq!((feb.file.as_str(), feb.bytes), ("attachments/feb.pdf", 7));
}
