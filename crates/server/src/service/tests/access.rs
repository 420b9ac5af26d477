//! Who may see and do what: applicants, organisation staff, examiners; the audit of the
//! examiner's actions.

use super::*;

#[test]
fn who_may_see_and_do_what() {
    let w = world(TrustProfile::Demo);
    let a = w.register("a@example.jp");
    let b = w.register("b@example.jp");
    let mut card = card();
    usage(&w, &a, &mut card);
    let files = store_files(&w);
    let app = w
        .office
        .submit(&w.user(&a), &meta(&mut card, &files, "s", |_| {}), &files)
        .unwrap();
    assert_eq!(
        w.office
            .application_for(&w.user(&b), app.id)
            .unwrap_err()
            .code,
        "not_found"
    );
    assert!(w.office.list_for(&w.user(&b), None).unwrap().is_empty());
    assert_eq!(
        w.office.examiner_list(&w.user(&a), None).unwrap_err().code,
        "forbidden"
    );
    assert_eq!(
        w.office
            .set_status(&w.user(&a), app.id, "under_review")
            .unwrap_err()
            .code,
        "forbidden"
    );
    // Staff of another organisation may not submit for the student.
    let other = w
        .office
        .create_organisation("Other University", zairyu_wire::OrganisationKind::School)
        .unwrap();
    let staff = w
        .office
        .create_account(
            "staff@uni.example.jp",
            "STAFF ONE",
            PASSWORD,
            "applicant",
            Some(&other.id),
        )
        .unwrap();
    let mut m = meta(&mut card, &files, "t", |_| {});
    m.for_user = Some(a.clone());
    assert_eq!(
        w.office
            .submit(&w.user(&staff), &m, &files)
            .unwrap_err()
            .code,
        "not_linked"
    );
}

/// Who may do what to one application, as a table: applicant A (its owner), applicant B,
/// staff of A's organisation (X) and of another (Y), an examiner (E).
#[test]
fn authorization_matrix() {
    let w = world(TrustProfile::Demo);
    let a = w.register("a@example.jp");
    let b = w.register("b@example.jp");
    let mut card = card();
    let user = w.user(&a);
    let nonce = w.office.usage_challenge(&user).unwrap();
    let (cert, sig) = card_sign(&mut card, &[USAGE_DOMAIN, nonce.as_bytes()].concat());
    w.office
        .usage_apply(
            &user,
            &nonce,
            &cert,
            &sig,
            &serde_json::json!({"residence_card_number": "AB12345678CD"}),
        )
        .unwrap();
    let school = |name: &str| {
        w.office
            .create_organisation(name, zairyu_wire::OrganisationKind::School)
            .unwrap()
            .id
    };
    let (apu, other) = (school("APU"), school("Other"));
    w.office.link_organisation(&user, &apu).unwrap();
    let files = store_files(&w);
    let app = w
        .office
        .submit(&w.user(&a), &meta(&mut card, &files, "s", |_| {}), &files)
        .unwrap();
    let x = w
        .office
        .create_account(
            "x@apu.example.jp",
            "STAFF X",
            PASSWORD,
            "applicant",
            Some(&apu),
        )
        .unwrap();
    let y = w
        .office
        .create_account(
            "y@other.example.jp",
            "STAFF Y",
            PASSWORD,
            "applicant",
            Some(&other),
        )
        .unwrap();
    let e = w
        .office
        .create_account(
            "e@immi.example.jp",
            "EXAMINER E",
            PASSWORD,
            "examiner",
            None,
        )
        .unwrap();
    let sha = files[1].sha256.clone();
    let receipt = serde_json::json!({"change": {"classification": "method", "number_kind": "temporary_receipt_number", "reception_number": app.temporary_reception_number, "method": "mail"}});

    type Op<'a> = Box<dyn Fn(&UserRow) -> bool + 'a>;
    let ops: Vec<(&str, Op)> = vec![
        (
            "view",
            Box::new(|u: &UserRow| w.office.application_for(u, app.id).is_ok()),
        ),
        (
            "listed",
            Box::new(|u: &UserRow| {
                w.office
                    .list_for(u, None)
                    .unwrap()
                    .iter()
                    .any(|x| x.id == app.id)
            }),
        ),
        (
            "receipt",
            Box::new(|u: &UserRow| w.office.change_receipt_method(u, &receipt).is_ok()),
        ),
        (
            "examiner list",
            Box::new(|u: &UserRow| w.office.examiner_list(u, None).is_ok()),
        ),
        (
            "examiner view",
            Box::new(|u: &UserRow| w.office.examiner_view(u, app.id).is_ok()),
        ),
        (
            "download",
            Box::new(|u: &UserRow| w.office.examiner_file(u, app.id, &sha).is_ok()),
        ),
    ];
    //                      view   listed receipt ex-list ex-view download
    let expected = [
        (&a, [true, true, true, false, false, false]),
        (&b, [false, false, false, false, false, false]),
        (&x, [true, true, false, false, false, false]),
        (&y, [false, false, false, false, false, false]),
        (&e, [true, false, false, true, true, true]),
    ];
    for (who, allowed) in expected {
        let u = w.user(who);
        for ((name, op), want) in ops.iter().zip(allowed) {
            assert_eq!(op(&u), want, "{} ({}) {name}", u.name_en, u.role);
        }
    }
    // Moving statuses: only the examiner; every examiner action is in the audit trail.
    for who in [&a, &b, &x, &y] {
        assert_eq!(
            w.office
                .set_status(&w.user(who), app.id, "under_review")
                .unwrap_err()
                .code,
            "forbidden"
        );
        assert_eq!(
            w.office
                .request_revision(&w.user(who), app.id, "m")
                .unwrap_err()
                .code,
            "forbidden"
        );
    }
    w.office
        .set_status(&w.user(&e), app.id, "under_review")
        .unwrap();
    let actions: Vec<String> = w
        .office
        .store
        .audit_log(app.id)
        .unwrap()
        .into_iter()
        .filter(|r| r.0 == e)
        .map(|r| r.1)
        .collect();
    assert_eq!(actions, ["view", "download", "set_status"]);
}
