//! A school on a reception server's data folder for the counter tests: the advisor's board
//! seeded through the server's own store (hundreds of applications in known states, in
//! seconds), a staff member invited and registered through the office, and a student's usage
//! application signed with the virtual card's key over HTTP (the card the counter tests put
//! behind pcscd, so the student's own card signs there later).

use std::path::Path;

use base64::Engine;
use reqwest::blocking::Client;
use serde_json::{json, Value};

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A Unix time as an RFC 3339 UTC timestamp, as the wire carries times.
pub fn rfc3339(unix: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(unix).unwrap();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `STUDENT AA`, `STUDENT AB`, …: names no search for a number can match.
pub fn student_name(n: u32) -> String {
    let letter = |i: u32| char::from(b'A' + (i % 26) as u8);
    format!("STUDENT {}{}", letter(n / 26), letter(n))
}

/// The seeded school's ID.
pub const BOARD_SCHOOL: &str = "ORG00000042";
/// What the seeded returned applications ask for.
pub const REVISION_REQUEST: &str = "Attach the transcript.";

/// Seeds a data folder (before the server starts) through the server's own store: one school
/// ([`BOARD_SCHOOL`]) and 100 linked students with 5 applications each, in known states:
/// students 20–24 have one application returned for changes (n = 0); students 10–19 a period
/// of stay ending in 30 days with nothing filed since; students 0–9 a card certificate ending
/// before their stay; students 0–99 in even numbers the newest under review, the rest
/// completed; every fourth application (n = 3) a change of status. Answers the school's ID and
/// the students' user IDs.
pub fn seed_board(data: &Path) -> (String, Vec<String>) {
    use zairyu_server::store::{
        OrganisationRow, OrganisationStore, SqliteStore, Store, UserRow, VersionRow,
    };
    std::fs::create_dir_all(data).unwrap();
    let store = SqliteStore::open(&data.join("zairyu.sqlite3")).unwrap();
    let now = now();
    store
        .add_organisation(&OrganisationRow {
            id: BOARD_SCHOOL.into(),
            name: "Board University".into(),
            kind: "school".into(),
            created_at: now,
            valid_until: "2099-12-31".into(),
        })
        .unwrap();
    let day = |offset_days: i64| {
        let t = time::OffsetDateTime::from_unix_timestamp(now + offset_days * 86_400).unwrap();
        format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
    };
    let mut ids = Vec::new();
    for s in 0..100u32 {
        let id = format!("ZR9{s:07}");
        store
            .add_user(
                &UserRow {
                    id: id.clone(),
                    email: format!("s{s}@example.jp"),
                    user_type: "foreign_national".into(),
                    name_en: student_name(s),
                    telephone: "09012345678".into(),
                    password_hash: "$argon2id$unused".into(),
                    role: "applicant".into(),
                    organisation: None,
                    cert_fingerprint: Some(format!("{s:064}")),
                    usage: None,
                },
                now,
            )
            .unwrap();
        store.link(&id, BOARD_SCHOOL, now - 1000).unwrap();
        // Students 0–9: the card ends before the stay (card in 200 days, stay in 300).
        store
            .set_certificate_end(&id, now + if s < 10 { 200 } else { 2000 } * 86_400)
            .unwrap();
        for n in 0..5u32 {
            let k = s * 5 + n;
            // Students 10–19: the newest application (n = 4) is old and its stay ends in
            // 30 days, nothing filed since; everyone else's stay ends in 300 days.
            let old = (10..20).contains(&s);
            let created = if old {
                now - 400 * 86_400
            } else {
                now - 86_400
            } + i64::from(n);
            let status = match (s, n) {
                (20..=24, 0) => "in_return_process",
                (_, 4) if s % 2 == 0 => "under_review",
                _ => "completed",
            };
            let app = zairyu_server::store::ApplicationRow {
                id: 0,
                reference_number: format!("ZR-2026-{k:08}"),
                temporary_reception_number: format!("東オソ認T{k:08}"),
                user_id: id.clone(),
                submitter_id: id.clone(),
                procedure_id: if n == 3 {
                    "change-of-status"
                } else {
                    "extension-of-stay"
                }
                .into(),
                submission_id: format!("seed-{k}"),
                status: status.into(),
                revision_request: (status == "in_return_process").then(|| REVISION_REQUEST.into()),
                created_at: created,
                updated_at: created + i64::from(k),
                filed_by_organisation: None,
                filing: None,
                versions: Vec::new(),
            };
            let app_id = store.add_application(&app).unwrap();
            let expiry = if old { day(30) } else { day(300) };
            store
                .add_version(
                    app_id,
                    &VersionRow {
                        version: 1,
                        form: json!({"applicant": {"current_expiry": expiry}}),
                        files: json!([]),
                        signed_at: rfc3339(created),
                        cert_fingerprint: format!("{s:064}"),
                        created_at: created,
                    },
                )
                .unwrap();
        }
        ids.push(id);
    }
    (BOARD_SCHOOL.into(), ids)
}

/// A staff member of `organisation` (invited by the office, registered with the mailed code)
/// on the data folder `data` of a server that is not running: the user ID.
pub fn staff_member(
    data: &Path,
    organisation: &str,
    email: &str,
    name_en: &str,
    password: &str,
) -> String {
    let office =
        zairyu_server::ReceptionOffice::open(&zairyu_server::ServerConfig::in_dir(data.to_owned()))
            .unwrap();
    office.invite_staff(organisation, email).unwrap();
    let mail = super::reception::mails_to(data, email)
        .pop()
        .expect("an invitation mail");
    let code = mail
        .split(|c: char| !c.is_ascii_hexdigit())
        .find(|w| w.len() == 32)
        .unwrap_or_else(|| panic!("no code in {mail}"))
        .to_owned();
    office
        .register_staff(&code, name_en, "0977000000", password)
        .unwrap()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The usage application of the student signed in with `token`, signed as the virtual card
/// `zairyu sim` with the default identity signs (its user-authentication certificate is the
/// same for every identity), linking `organisation`: the card behind pcscd is then the
/// student's own.
pub fn bind_sim_card(http: &Client, base: &str, token: &str, name: &str, organisation: &str) {
    let cert =
        zairyu_card_sim::certs::CardKeys::issue(&zairyu_card_sim::Identity::default()).auth_cert;
    let post = |path: &str, body: Value| {
        let response = http
            .post(format!("{base}{path}"))
            .bearer_auth(token)
            .json(&body)
            .send()
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json::<Value>().unwrap_or(Value::Null))
    };
    let (status, challenge) = post("/api/usage/challenge", json!({}));
    assert_eq!(status, 200, "{challenge}");
    let nonce = challenge["nonce"].as_str().unwrap().to_owned();
    let message = [zairyu_forms::signing::USAGE_DOMAIN, nonce.as_bytes()].concat();
    let (status, body) = post(
        "/api/usage",
        json!({"nonce": nonce, "certificate": b64(&cert),
               "signature": b64(&zairyu_card_sim::certs::sign_with_auth_key(&message)),
               "info": {"name": name, "residence_card_number": "AB12345678CD"},
               "organisation_id": organisation}),
    );
    assert_eq!(status, 200, "{body}");
}
