//! Accounts, sessions and My page: the password rule, registration links, lockout, session
//! expiry, profile, favorites, password reset, e-mail change, the reuse window.

use super::*;

#[test]
fn password_rule_of_the_manual() {
    assert!(password_ok("Zairyu#2026ok"));
    assert!(!password_ok("zairyu#2026ok"), "no upper case");
    assert!(!password_ok("Zairyu2026ok"), "no symbol");
    assert!(!password_ok("Zairyu#26"), "too short");
    assert!(!password_ok("Zairyu#2026ok<>"), "a symbol outside the list");
    assert!(!password_ok("Zairyu#2026okZairyu#2026ok"), "too long");
}

#[test]
fn registration_link_is_checked_used_once_and_expires() {
    let w = world(TrustProfile::Demo);
    assert_eq!(
        w.office
            .register("a@example.jp", "b@example.jp")
            .unwrap_err()
            .code,
        "email_mismatch"
    );
    // The one e-mail rule of zairyu_forms::contact: the server refuses what the form refuses.
    for bad in ["a@.b", "a@b.", "name@localhost"] {
        assert_eq!(w.office.register(bad, bad).unwrap_err().code, "bad_email");
    }
    w.office
        .register("lan@example.jp", "lan@example.jp")
        .unwrap();
    let token = w
        .last_mail()
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let complete = |t: &str, p: &str| {
        w.office
            .complete_registration(t, "foreign_national", "NGUYEN THI LAN", "09012345678", p)
    };
    assert_eq!(
        complete(&token, PASSWORD).unwrap_err().code,
        "email_not_confirmed"
    );
    w.office.confirm_email(&token).unwrap();
    assert_eq!(
        complete(&token, "weakpassword").unwrap_err().code,
        "weak_password"
    );
    let id = complete(&token, PASSWORD).unwrap();
    assert!(id.starts_with("ZR") && id.len() == 10);
    assert_eq!(
        complete(&token, PASSWORD).unwrap_err().code,
        "link_invalid",
        "used once"
    );
    w.office
        .register("late@example.jp", "late@example.jp")
        .unwrap();
    let late = w
        .last_mail()
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    w.clock.advance(DAY + 1);
    assert_eq!(
        w.office.confirm_email(&late).unwrap_err().code,
        "link_invalid",
        "24 hours"
    );
}

#[test]
fn wrong_passwords_slow_down_never_lock_and_sessions_expire() {
    let w = world(TrustProfile::Demo);
    let id = w.register("lan@example.jp");
    for _ in 0..5 {
        assert_eq!(
            w.office
                .login(&id, "Wrong#password1", "a")
                .unwrap_err()
                .code,
            "login_failed"
        );
    }
    // The sixth try waits 2 s, the same for the right password: no lock for a day.
    let wait = w.office.login(&id, PASSWORD, "b").unwrap_err();
    assert_eq!(
        (wait.code.as_str(), wait.status, wait.retry_after),
        ("login_throttled", 429, Some(2))
    );
    w.clock.advance(2);
    assert_eq!(
        w.office
            .login(&id, "Wrong#password1", "a")
            .unwrap_err()
            .code,
        "login_failed"
    );
    assert_eq!(
        w.office.login(&id, PASSWORD, "b").unwrap_err().retry_after,
        Some(4),
        "then 4 s"
    );
    // The waits stop growing at five minutes.
    for _ in 0..12 {
        w.clock.advance(crate::store::LOGIN_MAX_WAIT);
        let _ = w.office.login(&id, "Wrong#password1", "a");
    }
    assert_eq!(
        w.office.login(&id, PASSWORD, "b").unwrap_err().retry_after,
        Some(crate::store::LOGIN_MAX_WAIT)
    );
    w.clock.advance(crate::store::LOGIN_MAX_WAIT);
    let token = w.office.login(&id, PASSWORD, "b").unwrap();
    assert_eq!(w.office.session(&token).unwrap().id, id);
    // A success clears the count: five free tries again.
    for _ in 0..5 {
        assert_eq!(
            w.office
                .login(&id, "Wrong#password1", "d")
                .unwrap_err()
                .code,
            "login_failed"
        );
    }
    w.clock.advance(8 * 3600 + 1);
    assert_eq!(w.office.session(&token).unwrap_err().code, "not_signed_in");
    let token = w.office.login(&id, PASSWORD, "b").unwrap();
    w.office.logout(&token).unwrap();
    assert_eq!(w.office.session(&token).unwrap_err().code, "not_signed_in");

    // Sign-ins are audited, successes and failures, without the password.
    let audit = w.office.account_audit(&id).unwrap();
    assert!(audit.iter().any(|(_, action, _, _)| action == "login"));
    assert!(audit
        .iter()
        .any(|(_, action, _, _)| action == "login_failed"));
    assert!(audit
        .iter()
        .all(|(_, _, detail, _)| !detail.contains("Wrong") && !detail.contains(PASSWORD)));
}

#[test]
fn an_unknown_user_id_is_answered_like_a_known_one() {
    let w = world(TrustProfile::Demo);
    let id = w.register("lan@example.jp");
    let answers = |user: &str| {
        (0..7)
            .map(|_| {
                let e = w.office.login(user, "Wrong#password1", user).unwrap_err();
                (e.code, e.status, e.message, e.retry_after)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(answers(&id), answers("ZR00000000"));
}

#[test]
fn one_client_guessing_many_accounts_slows_down() {
    let w = world(TrustProfile::Demo);
    for n in 0..CLIENT_FREE_FAILURES {
        assert_eq!(
            w.office
                .login(&format!("ZR{n:08}"), "Wrong#password1", "attacker")
                .unwrap_err()
                .code,
            "login_failed"
        );
    }
    let e = w
        .office
        .login("ZR99999999", "Wrong#password1", "attacker")
        .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.retry_after),
        ("login_throttled", Some(2))
    );
    let id = w.register("lan@example.jp");
    w.office.login(&id, PASSWORD, "student").unwrap();
}

#[test]
fn my_page_favorites_password_reset_and_receipt_method() {
    let w = world(TrustProfile::Demo);
    let id = w.register("lan@example.jp");
    let user = w.user(&id);
    assert_eq!(
        w.office
            .set_favorite(&user, "extension-of-stay", true)
            .unwrap(),
        ["extension-of-stay"]
    );
    assert_eq!(
        w.office.set_favorite(&user, "nope", true).unwrap_err().code,
        "not_found"
    );
    assert!(w
        .office
        .set_favorite(&user, "extension-of-stay", false)
        .unwrap()
        .is_empty());
    assert_eq!(
        w.office
            .change_profile(&user, "874-8577", "別府市", "0977")
            .unwrap_err()
            .code,
        "bad_postal_code"
    );
    w.office
        .change_profile(&user, "8748577", "大分県別府市十文字原1-1", "0977781111")
        .unwrap();
    assert_eq!(
        w.office.store.profile(&id).unwrap().0.as_deref(),
        Some("8748577")
    );

    // Forgotten password: only the right user ID + address get a code; it works once.
    w.office.forgot_password(&id, "other@example.jp").unwrap();
    assert!(w.last_mail().is_empty(), "no mail for a wrong pair");
    w.office.forgot_password(&id, "lan@example.jp").unwrap();
    let code = w
        .last_mail()
        .split("once): ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let before = w.office.login(&id, PASSWORD, "c").unwrap();
    w.office.reset_password(&code, "Another#Pass1").unwrap();
    assert_eq!(
        w.office.session(&before).unwrap_err().code,
        "not_signed_in",
        "a reset ends every session"
    );
    assert_eq!(
        w.office
            .reset_password(&code, "Another#Pass2")
            .unwrap_err()
            .code,
        "link_invalid"
    );
    let kept = w.office.login(&id, "Another#Pass1", "c").unwrap();
    let other = w.office.login(&id, "Another#Pass1", "c").unwrap();
    assert_eq!(
        w.office
            .change_password(&w.user(&id), "Wrong#Pass1", "Third#Pass123", &kept)
            .unwrap_err()
            .code,
        "login_failed"
    );
    w.office
        .change_password(&w.user(&id), "Another#Pass1", "Third#Pass123", &kept)
        .unwrap();
    assert!(w
        .last_mail()
        .contains("password of your Zairyu account was changed"));
    assert_eq!(
        w.office.session(&kept).unwrap().id,
        id,
        "this session stays"
    );
    assert_eq!(
        w.office.session(&other).unwrap_err().code,
        "not_signed_in",
        "every other one ends"
    );
    let actions: Vec<String> = w
        .office
        .account_audit(&id)
        .unwrap()
        .into_iter()
        .map(|(_, action, _, _)| action)
        .collect();
    for wanted in [
        "password_reset",
        "password_change_failed",
        "password_changed",
    ] {
        assert!(
            actions.iter().any(|a| a == wanted),
            "{wanted} in {actions:?}"
        );
    }

    // Change of method of receipt refers to the temporary reception number.
    let mut card = card();
    usage(&w, &id, &mut card);
    let files = store_files(&w);
    let app = w
        .office
        .submit(&w.user(&id), &meta(&mut card, &files, "r", |_| {}), &files)
        .unwrap();
    let form = serde_json::json!({"change": {"classification": "method", "number_kind": "temporary_receipt_number", "reception_number": app.temporary_reception_number, "method": "counter", "office": "fukuoka"}});
    w.office.change_receipt_method(&w.user(&id), &form).unwrap();
    let other = w.register("b@example.jp");
    assert_eq!(
        w.office
            .change_receipt_method(&w.user(&other), &form)
            .unwrap_err()
            .code,
        "not_found"
    );
    let bad = serde_json::json!({"change": {"classification": "method", "number_kind": "temporary_receipt_number", "reception_number": app.temporary_reception_number, "method": "counter"}});
    assert_eq!(
        w.office
            .change_receipt_method(&w.user(&id), &bad)
            .unwrap_err()
            .code,
        "form_invalid"
    );
}

#[test]
fn email_change_reuse_window_and_organisation_staff() {
    let w = world(TrustProfile::Demo);
    let id = w.register("lan@example.jp");
    assert_eq!(
        w.office
            .change_email(&w.user(&id), "lan@.jp", "lan@.jp", PASSWORD)
            .unwrap_err()
            .code,
        "bad_email"
    );
    assert_eq!(
        w.office
            .change_email(
                &w.user(&id),
                "lan@new.example.jp",
                "lan@new.example.jp",
                "Wrong#password1"
            )
            .unwrap_err()
            .code,
        "login_failed",
        "the current password is needed"
    );
    // An address another account has: the same answer, and that address is told.
    let other = w.register("taken@example.jp");
    w.office
        .change_email(
            &w.user(&id),
            "taken@example.jp",
            "taken@example.jp",
            PASSWORD,
        )
        .unwrap();
    assert!(w.last_mail().contains("already uses it"));
    w.office
        .change_email(
            &w.user(&id),
            "lan@new.example.jp",
            "lan@new.example.jp",
            PASSWORD,
        )
        .unwrap();
    let mail = w.last_mail();
    let code = mail
        .split("once): ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        w.user(&id).email,
        "lan@example.jp",
        "unchanged until the link is opened"
    );
    assert_eq!(
        w.office
            .confirm_email_change(&w.user(&other), &code)
            .unwrap_err()
            .code,
        "link_invalid",
        "another account cannot use the code"
    );
    w.office.confirm_email_change(&w.user(&id), &code).unwrap();
    assert_eq!(w.user(&id).email, "lan@new.example.jp");
    assert!(
        w.last_mail()
            .contains("e-mail address of your Zairyu account was changed"),
        "the old address is told"
    );
    assert_eq!(
        w.office
            .confirm_email_change(&w.user(&id), &code)
            .unwrap_err()
            .code,
        "link_invalid"
    );

    // A student of "APU" and a staff member of "APU": the staff member sees the student's application.
    let mut card = card();
    let user = w.user(&id);
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
        .submit(&w.user(&id), &meta(&mut card, &files, "s", |_| {}), &files)
        .unwrap();
    let staff = w
        .office
        .create_account(
            "staff@apu.example.jp",
            "STAFF ONE",
            PASSWORD,
            "applicant",
            Some(&apu),
        )
        .unwrap();
    let elsewhere = w
        .office
        .create_account(
            "staff@other.example.jp",
            "STAFF TWO",
            PASSWORD,
            "applicant",
            Some(&other),
        )
        .unwrap();
    assert_eq!(w.office.list_for(&w.user(&staff), None).unwrap().len(), 1);
    assert!(w.office.application_for(&w.user(&staff), app.id).is_ok());
    assert!(w
        .office
        .list_for(&w.user(&elsewhere), None)
        .unwrap()
        .is_empty());
    assert_eq!(
        w.office
            .application_for(&w.user(&elsewhere), app.id)
            .unwrap_err()
            .code,
        "not_found"
    );

    // Reuse: within two years, not after.
    assert_eq!(w.office.reusable(&w.user(&id)).unwrap().len(), 1);
    w.clock.advance(2 * 365 * DAY + DAY);
    assert!(w.office.reusable(&w.user(&id)).unwrap().is_empty());
}
