//! Applications signed by the virtual card: from the usage application to completed with a
//! revision, what the server refuses, the production profile refusing the practice card.

use super::*;

#[test]
fn an_application_from_usage_to_completed_with_a_revision() {
    let w = world(TrustProfile::Demo);
    let id = w.register("lan@example.jp");
    let mut card = card();
    let files = store_files(&w);
    // Before the usage application, the card is not bound to the account.
    let m = meta(&mut card, &files, "sub-1", |_| {});
    assert_eq!(
        w.office.submit(&w.user(&id), &m, &files).unwrap_err().code,
        "forbidden"
    );
    usage(&w, &id, &mut card);
    let app = w.office.submit(&w.user(&id), &m, &files).unwrap();
    assert_eq!(app.status, "application_completed");
    assert!(
        app.temporary_reception_number.starts_with("東オソ認T")
            && app.temporary_reception_number.chars().count() == 13
    );
    assert!(w.last_mail().contains(&app.reference_number));
    // Retrying the same submission never makes a second application.
    assert_eq!(
        w.office.submit(&w.user(&id), &m, &files).unwrap().id,
        app.id
    );
    assert_eq!(w.office.list_for(&w.user(&id), None).unwrap().len(), 1);

    let examiner_id = w
        .office
        .create_account(
            "ex@immi.example.jp",
            "EXAMINER ONE",
            PASSWORD,
            "examiner",
            None,
        )
        .unwrap();
    let ex = w.user(&examiner_id);
    assert_eq!(
        w.office
            .set_status(&ex, app.id, "completed")
            .unwrap_err()
            .code,
        "transition_not_allowed"
    );
    w.office.set_status(&ex, app.id, "under_review").unwrap();
    let returned = w
        .office
        .request_revision(&ex, app.id, "Attach a transcript with this term's grades.")
        .unwrap();
    assert_eq!(returned.status, "in_return_process");
    assert!(w.last_mail().contains("this term"));

    let tweak = |f: &mut serde_json::Value| {
        f["request"]["reason"] = serde_json::json!("成績証明書を差し替えました")
    };
    // The first submission's signature does not stand for a resubmission.
    let mut replay = m.clone();
    replay.action = None;
    assert_eq!(
        w.office
            .resubmit(&w.user(&id), app.id, &replay, &files)
            .unwrap_err()
            .code,
        "bad_signature"
    );
    assert_eq!(
        w.office
            .resubmit(&w.user(&id), app.id, &m, &files)
            .unwrap_err()
            .code,
        "signed_for_another_action"
    );
    let m2 = meta_for(
        &mut card,
        &files,
        "sub-2",
        Purpose::resubmission(app.id),
        SERVER_ID,
        tweak,
    );
    let resubmitted = w
        .office
        .resubmit(&w.user(&id), app.id, &m2, &files)
        .unwrap();
    assert_eq!(resubmitted.status, "application_completed");
    assert_eq!(resubmitted.versions.len(), 2, "every version is kept");
    // Sent again (the answer was lost): the first outcome, not a conflict, and no third version.
    let again = w
        .office
        .resubmit(&w.user(&id), app.id, &m2, &files)
        .unwrap();
    assert_eq!(again.versions.len(), 2);
    assert_eq!(again.status, "application_completed");
    assert_eq!(
        resubmitted.versions[0].form["request"]["reason"],
        "大学院での研究を継続するため"
    );
    for s in ["under_review", "awaiting_issuance", "completed"] {
        w.office.set_status(&ex, app.id, s).unwrap();
    }
    assert_eq!(
        w.office
            .application_for(&w.user(&id), app.id)
            .unwrap()
            .status,
        "completed"
    );
    let audit = w.office.store.audit_log(app.id).unwrap();
    assert!(
        audit.iter().filter(|a| a.0 == examiner_id).count() >= 5,
        "{audit:?}"
    );
}

#[test]
fn the_server_trusts_nothing_the_client_says() {
    let w = world(TrustProfile::Demo);
    let id = w.register("lan@example.jp");
    let mut card = card();
    usage(&w, &id, &mut card);
    let files = store_files(&w);
    // Tampered after signing.
    let mut m = meta(&mut card, &files, "sub-1", |_| {});
    m.form["applicant"]["name_en"] = serde_json::json!("SOMEONE ELSE");
    assert_eq!(
        w.office.submit(&w.user(&id), &m, &files).unwrap_err().code,
        "bad_signature"
    );
    // A form the schema refuses, even if signed.
    let m = meta(&mut card, &files, "sub-2", |f| {
        f["applicant"]["residence_card_number"] = serde_json::json!("12345")
    });
    let err = w.office.submit(&w.user(&id), &m, &files).unwrap_err();
    assert_eq!(
        (err.status, err.code.as_str()),
        (422, "form_invalid"),
        "{err:?}"
    );
    // A "photo" that is a PDF.
    let mut bad = files.clone();
    bad[0].sha256 = files[1].sha256.clone();
    let m = meta(&mut card, &bad, "sub-3", |_| {});
    assert_eq!(
        w.office.submit(&w.user(&id), &m, &bad).unwrap_err().code,
        "file_invalid"
    );
    // Signed for another server, too long ago, or with a file the signature does not cover.
    let other = meta_for(
        &mut card,
        &files,
        "sub-5",
        Purpose::SUBMISSION,
        "zr-other",
        |_| {},
    );
    assert_eq!(
        w.office
            .submit(&w.user(&id), &other, &files)
            .unwrap_err()
            .code,
        "signed_for_another_server"
    );
    let mut undeclared = other.clone();
    undeclared.server_id = None;
    assert_eq!(
        w.office
            .submit(&w.user(&id), &undeclared, &files)
            .unwrap_err()
            .code,
        "bad_signature"
    );
    // Signed 72 hours and a second before it arrives: too old even for the outbox.
    w.clock.advance(72 * 3600 + 1);
    let m = meta(&mut card, &files, "sub-6", |_| {});
    assert_eq!(
        w.office.submit(&w.user(&id), &m, &files).unwrap_err().code,
        "signed_at_out_of_window"
    );
    w.clock.advance(-(72 * 3600 + 1));
    let mut extra = files.clone();
    extra.push(StoredFile {
        name: "extra.pdf".into(),
        ..files[1].clone()
    });
    assert_eq!(
        w.office.submit(&w.user(&id), &m, &extra).unwrap_err().code,
        "unsigned_file"
    );
    assert_eq!(
        w.office
            .submit(&w.user(&id), &m, &files[..3])
            .unwrap_err()
            .code,
        "signed_file_missing"
    );
    // Terms not agreed.
    let mut m = meta(&mut card, &files, "sub-4", |_| {});
    m.agreed_to_terms = false;
    assert_eq!(
        w.office.submit(&w.user(&id), &m, &files).unwrap_err().code,
        "terms_not_agreed"
    );
}

#[test]
fn a_practice_card_is_refused_in_production() {
    let w = world(TrustProfile::Production);
    let id = w.register("lan@example.jp");
    let user = w.user(&id);
    let nonce = w.office.usage_challenge(&user).unwrap();
    let (cert, sig) = card_sign(&mut card(), &[USAGE_DOMAIN, nonce.as_bytes()].concat());
    let err = w
        .office
        .usage_apply(
            &user,
            &nonce,
            &cert,
            &sig,
            &serde_json::json!({"residence_card_number": "AB12345678CD"}),
        )
        .unwrap_err();
    assert_eq!(err.code, "untrusted_certificate");
}

#[test]
fn one_card_certificate_is_bound_to_one_account() {
    let w = world(TrustProfile::Demo);
    let a = w.register("a@example.jp");
    let b = w.register("b@example.jp");
    let mut card = card();
    usage(&w, &a, &mut card);
    let user = w.user(&b);
    let nonce = w.office.usage_challenge(&user).unwrap();
    let (cert, sig) = card_sign(&mut card, &[USAGE_DOMAIN, nonce.as_bytes()].concat());
    let err = w
        .office
        .usage_apply(
            &user,
            &nonce,
            &cert,
            &sig,
            &serde_json::json!({"residence_card_number": "AB12345678CD"}),
        )
        .unwrap_err();
    assert_eq!((err.status, err.code.as_str()), (409, "certificate_in_use"));
    assert!(w.user(&b).cert_fingerprint.is_none());
    // The holder may apply again with the same card.
    usage(&w, &a, &mut card);
}
