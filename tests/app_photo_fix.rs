//! The one-click fixes of the app layer on real files: a landscape photo becomes a 3:4 photo
//! without the finding, the preview is the attached JPEG, and undo brings the original back.

use zairyu_app::{App, MemoryVault, Profile};
use zairyu_testkit::corpus;

fn photo_codes(app: &App, id: &str) -> Vec<String> {
    app.draft(id)
        .unwrap()
        .report
        .findings
        .iter()
        .filter(|f| f.path == "attachments.photo")
        .map(|f| f.code.clone())
        .collect()
}

#[test]
fn a_landscape_photo_is_cropped_to_three_by_four_with_one_click() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path(), Profile::Demo)
        .unwrap()
        .with_vault(Box::new(MemoryVault::default()));
    let draft = app.create_draft("extension-of-stay").unwrap();
    assert_eq!(app.draft_photo(&draft.id).unwrap(), None);
    assert_eq!(
        app.fix_draft_file(&draft.id, "attachments.photo")
            .unwrap_err()
            .code(),
        "nothing_attached"
    );

    let landscape = std::fs::read(corpus::path("photo_landscape.jpg")).unwrap();
    app.attach_to_draft(&draft.id, "attachments.photo", "me.jpg", &landscape)
        .unwrap();
    let before = photo_codes(&app, &draft.id);
    assert!(before.contains(&"photo_not_3_4".to_owned()), "{before:?}");
    let preview = app.draft_photo(&draft.id).unwrap().unwrap();
    assert!(preview.starts_with("data:image/jpeg;base64,/9j/"), "a JPEG");

    let fixed = app.fix_draft_file(&draft.id, "attachments.photo").unwrap();
    let after = photo_codes(&app, &draft.id);
    assert!(!after.contains(&"photo_not_3_4".to_owned()), "{after:?}");
    let entry = fixed
        .meta
        .attachments
        .iter()
        .find(|a| a.slot == "attachments.photo")
        .unwrap();
    assert_ne!(entry.bytes, landscape.len() as u64);

    let new_preview = app.draft_photo(&draft.id).unwrap().unwrap();
    assert_ne!(new_preview, preview, "the preview shows the fixed photo");

    // Undo brings the student's own photo back, bytes and findings alike.
    let undone = app.undo_draft(&draft.id).unwrap();
    let entry = undone
        .meta
        .attachments
        .iter()
        .find(|a| a.slot == "attachments.photo")
        .unwrap();
    assert_eq!(entry.bytes, landscape.len() as u64);
    assert_eq!(app.draft_photo(&draft.id).unwrap().unwrap(), preview);
    assert!(photo_codes(&app, &draft.id).contains(&"photo_not_3_4".to_owned()));
}
