//! Proxy filing at the counter (issue 14): the app layer against a real reception server
//! (in-process, loopback). A student registers, binds their card and links their school; the
//! school's staff member, on a counter PC, starts a visit, chooses that student, prepares the
//! draft and files it signed with the student's card (the student types the PIN). The server
//! records it as the student's application filed by that staff member, the student sees it in
//! their own list and receives the mail; a student not linked to the school cannot be chosen.

mod support;

use std::path::Path;

use zairyu_app::{
    App, MemoryVault, Profile, Registration, SubmitOutcome, UsageInfo, PRACTICE_READER,
};

const PASSWORD: &str = "Zairyu#2026ok";

fn start_server(dir: &Path) -> String {
    let mut config = zairyu_server::ServerConfig::demo_in_dir(dir.to_owned());
    config.listen = "127.0.0.1:0".to_owned();
    format!("http://{}", zairyu_server::spawn(config).unwrap())
}

/// The code (32 hex digits or more) in the newest mail to `to`.
fn mailed_code(server: &Path, to: &str) -> String {
    let mail = support::reception::mails_to(server, to)
        .pop()
        .expect("a mail was sent");
    mail.split(|c: char| !c.is_ascii_hexdigit())
        .find(|w| w.len() >= 32)
        .unwrap_or_else(|| panic!("no code in {mail}"))
        .to_owned()
}

/// Registers `email` through the app and signs in; answers the user ID.
fn register(app: &App, server: &Path, email: &str, name: &str) -> String {
    app.register(email, email, true).unwrap();
    let code = mailed_code(server, email);
    app.confirm_email(&code).unwrap();
    let id = app
        .complete_registration(&Registration {
            code,
            user_type: "foreign_national".into(),
            name_en: name.into(),
            telephone: "09012345678".into(),
            password: PASSWORD.into(),
        })
        .unwrap();
    app.sign_in(&id, PASSWORD).unwrap();
    id
}

/// The usage application with the practice card (binds the card to the signed-in account).
fn bind_card(app: &App, name_en: &str, organisation: Option<&str>) {
    app.insert_practice_card().unwrap();
    let four = app
        .read_basic_four(Some(PRACTICE_READER), "1234", false)
        .unwrap();
    let info = UsageInfo {
        name: four.name,
        address: four.address,
        birth_date: four.birth_date,
        sex: "female".into(),
        residence_card_number: "AB12345678CD".into(),
        organisation: organisation.map(str::to_owned),
        name_en: name_en.into(),
        postal_code: "874-8577".into(),
        telephone: "09012345678".into(),
    };
    let session = app
        .apply_for_usage(Some(PRACTICE_READER), "1234", false, &info)
        .unwrap();
    assert!(session.account.unwrap().usage_application_done);
}

/// A reception server with a school, a student linked to it whose card is bound, another
/// student not linked, and the school's staff member; the app (not yet a counter PC) on
/// `app_dir`, signed out.
struct School {
    server_dir: tempfile::TempDir,
    app: App,
    school: String,
    student: String,
    other: String,
    staff: String,
}

fn set_up_school(app_dir: &Path) -> School {
    let server_dir = tempfile::tempdir().unwrap();
    let url = start_server(server_dir.path());
    let office = zairyu_server::ReceptionOffice::open(&zairyu_server::ServerConfig::in_dir(
        server_dir.path().to_owned(),
    ))
    .unwrap();
    let school = office
        .create_organisation("Beppu University", zairyu_wire::OrganisationKind::School)
        .unwrap();

    // The student, on this PC before it became a counter PC: registers, binds the card in the
    // usage application naming the school, and signs out.
    let app = App::open(app_dir, Profile::Demo)
        .unwrap()
        .with_vault(Box::new(MemoryVault::default()));
    app.set_bundled_server(&url);
    let student = register(&app, server_dir.path(), "lan@example.jp", "NGUYEN THI LAN");
    bind_card(&app, "NGUYEN THI LAN", Some(&school.id));
    assert!(
        app.my_organisations()
            .unwrap()
            .links
            .iter()
            .any(|l| l.organisation.id == school.id),
        "the usage application linked the school"
    );
    app.sign_out().unwrap();
    // Another student, not linked to the school, with no card bound.
    let other = register(&app, server_dir.path(), "binh@example.jp", "TRAN VAN BINH");
    app.sign_out().unwrap();

    // The staff member: invited by the school, registers with the mailed code.
    office
        .invite_staff(&school.id, "advisor@beppu-u.example.jp")
        .unwrap();
    let invitation = mailed_code(server_dir.path(), "advisor@beppu-u.example.jp");
    let staff = app
        .register_staff(&invitation, "SATO HANAKO", "0977000000", &PASSWORD.into())
        .unwrap();
    School {
        server_dir,
        app,
        school: school.id,
        student,
        other,
        staff,
    }
}

#[test]
fn staff_file_for_a_linked_student_with_the_students_card() {
    let app_dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let School {
        server_dir,
        app,
        school,
        student,
        other,
        staff,
    } = set_up_school(app_dir.path());

    // The counter PC: staff sign-in, a visit, the student chosen.
    app.set_counter_pc(true).unwrap();
    app.sign_in(&staff, PASSWORD).unwrap();
    assert_eq!(
        app.set_visit_applicant(Some(&student)).unwrap_err().code(),
        "no_visit",
        "whom to file for is chosen inside a visit"
    );
    app.start_visit().unwrap();
    let linked = app.linked_students().unwrap();
    assert!(linked.students.iter().any(|s| s.user_id == student));
    assert_eq!(
        app.set_visit_applicant(Some(&other)).unwrap_err().code(),
        "not_a_filing_student",
        "a student not linked to the school cannot be chosen"
    );
    let visit = app.set_visit_applicant(Some(&student)).unwrap();
    let chosen = visit.applicant.expect("the visit files for the student");
    assert_eq!(
        (chosen.user_id.as_str(), chosen.name_en.as_str()),
        (student.as_str(), "NGUYEN THI LAN")
    );

    // The draft prepared by staff, signed with the student's card (the student types the PIN).
    let draft = app.create_draft("extension-of-stay").unwrap();
    support::extension::fill_in_app(&app, &draft.id, scratch.path());
    app.insert_practice_card().unwrap();
    let outcome = app
        .submit_draft(&draft.id, Some(PRACTICE_READER), "1234", false, None)
        .unwrap();
    let SubmitOutcome::Sent { receipt } = outcome else {
        panic!("expected the application filed: {outcome:?}");
    };
    let filed = receipt.application;

    // Recorded as the student's application, filed by the staff member for them.
    let by = filed.filed_by.as_ref().expect("filed by staff");
    assert_eq!(
        (by.user_id.as_str(), by.organisation_id.as_str()),
        (staff.as_str(), school.as_str())
    );
    assert_eq!(
        filed
            .filed_for
            .as_ref()
            .expect("filed for the student")
            .user_id,
        student
    );
    // The student receives the mail and sees it in their own list.
    assert!(
        support::reception::mails_to(server_dir.path(), "lan@example.jp")
            .iter()
            .any(|m| m.contains(&filed.temporary_reception_number)),
        "no receipt mail to the student"
    );
    // Inside the visit the staff member's session lists only the chosen student's
    // applications, and nothing while nobody is chosen; at their desk, every linked student's.
    let shown: Vec<String> = app
        .applications()
        .unwrap()
        .into_iter()
        .map(|a| a.reference_number)
        .collect();
    assert_eq!(shown, vec![filed.reference_number.clone()]);
    app.set_visit_applicant(None).unwrap();
    assert!(
        app.applications().unwrap().is_empty(),
        "nobody chosen: the school's applications are not shown at the counter"
    );
    app.end_visit(false).unwrap();
    assert_eq!(app.applications().unwrap().len(), 1);
    app.set_counter_pc(false).unwrap();
    app.sign_in(&student, PASSWORD).unwrap();
    let mine = app.applications().unwrap();
    assert!(
        mine.iter()
            .any(|a| a.reference_number == filed.reference_number),
        "the student sees the application filed for them"
    );
}

/// The app stops (killed, a power cut) in a visit whose proxy filing was signed while the
/// server could not be reached: at the next start only the signed submission is left, the
/// staff member is asked, signs in and sends it; it is filed for the student, and nothing of
/// the visit stays on this computer.
#[test]
fn a_proxy_filing_left_unsent_by_a_visit_left_open_is_sent_at_the_next_start() {
    let app_dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let School {
        server_dir,
        app,
        student,
        staff,
        ..
    } = set_up_school(app_dir.path());
    let url = app.server_url().expect("the bundled server");
    app.set_counter_pc(true).unwrap();
    app.sign_in(&staff, PASSWORD).unwrap();
    app.start_visit().unwrap();
    app.set_visit_applicant(Some(&student)).unwrap();
    let draft = app.create_draft("extension-of-stay").unwrap();
    support::extension::fill_in_app(&app, &draft.id, scratch.path());
    app.insert_practice_card().unwrap();
    // The server goes away before the signing: the signed application waits in the outbox.
    app.set_bundled_server("http://127.0.0.1:9");
    let outcome = app
        .submit_draft(&draft.id, Some(PRACTICE_READER), "1234", false, None)
        .unwrap();
    assert!(
        matches!(outcome, SubmitOutcome::Queued { .. }),
        "{outcome:?}"
    );
    drop(app);

    // The next start: only the outbox of the visit is left, and the question.
    let app = App::open(app_dir.path(), Profile::Demo)
        .unwrap()
        .with_vault(Box::new(MemoryVault::default()));
    app.set_bundled_server(&url);
    assert!(app.take_notices().is_empty());
    assert_eq!(app.visit().leftover_unsent, 1);
    let visits = app_dir.path().join("visits");
    let mut left = Vec::new();
    for visit in std::fs::read_dir(&visits).unwrap().flatten() {
        for entry in std::fs::read_dir(visit.path()).unwrap().flatten() {
            left.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    assert_eq!(left, vec!["outbox"], "drafts, photos and PDFs went at once");
    assert_eq!(
        app.send_leftover_visit().unwrap_err().code(),
        "not_signed_in",
        "sending needs the staff member who signed it"
    );
    app.sign_in(&staff, PASSWORD).unwrap();
    let sent = app.send_leftover_visit().unwrap();
    assert_eq!((sent.filed.len(), sent.unsent), (1, 0), "{sent:?}");
    assert!(!visits.exists(), "nothing of the visit stays");
    assert_eq!(app.visit().leftover_unsent, 0);
    app.start_visit().unwrap();
    app.end_visit(false).unwrap();

    // Filed for the student, by the staff member; the student sees it in their own list.
    app.set_counter_pc(false).unwrap();
    app.sign_in(&student, PASSWORD).unwrap();
    let mine = app.applications().unwrap();
    let filed = mine
        .iter()
        .find(|a| a.reference_number == sent.filed[0])
        .expect("in the student's list");
    assert_eq!(filed.filed_by.as_ref().unwrap().user_id, staff);
    assert_eq!(filed.filed_for.as_ref().unwrap().user_id, student);
    assert!(
        support::reception::mails_to(server_dir.path(), "lan@example.jp")
            .iter()
            .any(|m| m.contains(&filed.temporary_reception_number)),
        "no receipt mail to the student"
    );
}
