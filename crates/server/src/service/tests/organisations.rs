//! Organisations at the office's clock: three years of validity, the notice from 90 days
//! before the end, nothing for staff once it ended; the board's stay and card urgencies.

use super::*;
use zairyu_wire::{BoardQuery, OrganisationKind, Urgency};

#[test]
fn a_registration_is_valid_three_years_with_a_notice_from_90_days_before() {
    let w = world(TrustProfile::Demo);
    let org = w
        .office
        .create_organisation("Beppu University", OrganisationKind::School)
        .unwrap();
    // T0 is 2026-11-24 (Japan): valid until the day before the third anniversary.
    assert_eq!(org.valid_until, "2029-11-23");
    assert!(org.notice.is_none() && !org.expired);
    let staff = w
        .office
        .create_account(
            "s@beppu.example.jp",
            "STAFF ONE",
            PASSWORD,
            "applicant",
            Some(&org.id),
        )
        .unwrap();
    let student = w.register("lan@example.jp");
    w.office
        .link_organisation(&w.user(&student), &org.id)
        .unwrap();
    let mine = w.office.staff_organisation(&w.user(&staff)).unwrap();
    assert!(mine.organisation.notice.is_none());
    // 91 days before the end: still quiet; 90: the notice.
    let end = crate::clock::parse_date("2029-11-23").unwrap();
    let today = crate::clock::japan_date(w.clock.now());
    w.clock.advance(((end - today).whole_days() - 91) * DAY);
    assert!(w
        .office
        .staff_organisation(&w.user(&staff))
        .unwrap()
        .organisation
        .notice
        .is_none());
    w.clock.advance(DAY);
    let notice = w
        .office
        .staff_organisation(&w.user(&staff))
        .unwrap()
        .organisation
        .notice
        .expect("the notice from 90 days before");
    assert_eq!(notice.days_left, 90);
    assert!(notice.message_en.contains("2029-11-23") && notice.message_ja.contains("2029-11-23"));
    assert!(w
        .office
        .board(&w.user(&staff), &BoardQuery::default())
        .is_ok());
    // The day after the end: staff see nothing, nobody links, nobody is invited.
    w.clock.advance(91 * DAY);
    let ended = w
        .office
        .staff_organisation(&w.user(&staff))
        .unwrap()
        .organisation;
    assert!(ended.expired);
    assert!(ended.notice.unwrap().days_left < 0);
    for code in [
        w.office
            .board(&w.user(&staff), &BoardQuery::default())
            .unwrap_err()
            .code,
        w.office.linked_students(&w.user(&staff)).unwrap_err().code,
        w.office
            .link_organisation(&w.user(&student), &org.id)
            .unwrap_err()
            .code,
        w.office
            .invite_staff(&org.id, "new@beppu.example.jp")
            .unwrap_err()
            .code,
    ] {
        assert_eq!(code, "organisation_expired");
    }
}

#[test]
fn the_board_flags_a_stay_ending_with_nothing_filed_and_a_card_ending_first() {
    let w = world(TrustProfile::Demo);
    let org = w
        .office
        .create_organisation("Beppu University", OrganisationKind::School)
        .unwrap();
    let staff = w
        .office
        .create_account(
            "s@beppu.example.jp",
            "STAFF ONE",
            PASSWORD,
            "applicant",
            Some(&org.id),
        )
        .unwrap();
    // A student who gave a stay ending in 30 days (usage information) and filed nothing.
    let soon = w.register("soon@example.jp");
    w.office
        .store
        .set_usage(&soon, "f1", r#"{"stay_expires_on": "2026-12-24"}"#)
        .unwrap();
    w.office.link_organisation(&w.user(&soon), &org.id).unwrap();
    // A student whose stay ends in a year but whose card ends in a month.
    let card = w.register("card@example.jp");
    w.office
        .store
        .set_usage(&card, "f2", r#"{"stay_expires_on": "2027-11-24"}"#)
        .unwrap();
    w.office
        .store
        .set_certificate_end(&card, T0 + 30 * DAY)
        .unwrap();
    w.office.link_organisation(&w.user(&card), &org.id).unwrap();
    let calm = w.register("calm@example.jp");
    w.office.link_organisation(&w.user(&calm), &org.id).unwrap();
    let board = w
        .office
        .board(&w.user(&staff), &BoardQuery::default())
        .unwrap();
    assert_eq!(board.total, 3);
    let order: Vec<(String, Urgency)> = board
        .rows
        .iter()
        .map(|r| (r.student_user_id.clone(), r.urgency))
        .collect();
    assert_eq!(
        order,
        vec![
            (soon, Urgency::StayEndsSoonNothingFiled),
            (card, Urgency::CardExpiresBeforeStay),
            (calm, Urgency::None)
        ]
    );
    assert_eq!(board.rows[0].stay_expires_on.as_deref(), Some("2026-12-24"));
    assert_eq!(board.rows[0].next_actor, zairyu_wire::NextActor::School);
    assert_eq!(board.rows[1].card_expires_on.as_deref(), Some("2026-12-24"));
}
