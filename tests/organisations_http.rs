//! Organisations over HTTP against a real `zairyu serve` (demo profile) and the `zairyu org`
//! commands on its data folder: staff invited by mail register with the code; who sees which
//! application (the authorization matrix extended: staff of the student's school, of another
//! school, an attorney the student did not authorise, a removed staff member, staff after the
//! student unlinked, a student on staff routes); proxy filing signed with the student's own
//! (virtual) card, recorded as filed by the staff member for the student, who sees it and gets
//! the mails; and the advisor's board over 500 applications (paging, order, search, filter).

use std::path::Path;

use base64::Engine;
use reqwest::blocking::{multipart, Client};
use serde_json::{json, Value};
use zairyu_card_sim::certs::{sign_with_auth_key, TestCertificate};
use zairyu_forms::signing::{sha256_hex, AttachmentDigest, SignedAction, SignedContent};
use zairyu_testkit::{corpus, ServeProcess};

mod support;
use support::organisation::{now, rfc3339};
use support::reception;

const PASSWORD: &str = "Zairyu#2026ok";

fn program() -> &'static str {
    env!("CARGO_BIN_EXE_zairyu")
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `zairyu org …` on `data`: (exit code, stdout, stderr).
fn org(data: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all: Vec<&str> = vec!["org"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--data", data.to_str().unwrap()]);
    let out = zairyu_testkit::run(program(), all, None);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        String::from_utf8_lossy(&out.stderr).trim().to_owned(),
    )
}

struct Server {
    process: ServeProcess,
    data: tempfile::TempDir,
    http: Client,
}

impl Server {
    fn start() -> Server {
        Server::start_in(tempfile::tempdir().unwrap())
    }

    fn start_in(data: tempfile::TempDir) -> Server {
        let process = ServeProcess::start_with(program(), data.path(), |command| {
            command
                .env("ZAIRYU_PROFILE", "demo")
                .env_remove("ZAIRYU_CRL")
                .env_remove("ZAIRYU_SERVER_CRL");
        });
        Server {
            process,
            data,
            http: Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.process.url)
    }

    fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut request = self.http.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().unwrap();
        let status = response.status().as_u16();
        (status, response.json().unwrap_or(Value::Null))
    }

    fn get(&self, path: &str, token: &str) -> (u16, Value) {
        self.call(reqwest::Method::GET, path, Some(token), None)
    }

    fn post(&self, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
        self.call(reqwest::Method::POST, path, token, Some(body))
    }

    fn mails(&self, to: &str) -> Vec<String> {
        reception::mails_to(self.data.path(), to)
    }

    /// A student: registered, signed in, the usage application signed by a virtual card with
    /// the certificate of `serial` (linking `organisation` in the same step when given).
    fn student(&self, email: &str, name: &str, serial: u32, organisation: Option<&str>) -> Student {
        let base = &self.process.url;
        let (user_id, _) =
            reception::register(&self.http, base, self.data.path(), email, name, PASSWORD);
        let token = reception::sign_in(&self.http, base, &user_id, PASSWORD);
        let cert = TestCertificate::like_the_card(serial).issue();
        let (_, challenge) = self.post("/api/usage/challenge", Some(&token), json!({}));
        let nonce = challenge["nonce"].as_str().unwrap().to_owned();
        let message = [zairyu_forms::signing::USAGE_DOMAIN, nonce.as_bytes()].concat();
        let (status, body) = self.post(
            "/api/usage",
            Some(&token),
            json!({"nonce": nonce, "certificate": b64(&cert),
                   "signature": b64(&sign_with_auth_key(&message)),
                   "info": {"name": name, "residence_card_number": "AB12345678CD"},
                   "organisation_id": organisation}),
        );
        assert_eq!(status, 200, "{body}");
        Student {
            user_id,
            token,
            cert,
        }
    }

    /// A staff member invited by `zairyu org add-staff` who registers with the mailed code.
    fn staff(&self, organisation: &str, email: &str, name: &str) -> (String, String) {
        let (code, out, err) = org(
            self.data.path(),
            &["add-staff", organisation, "--email", email],
        );
        assert_eq!(code, 0, "{out} {err}");
        let mail = self.mails(email).pop().expect("an invitation mail");
        let invitation = mail
            .lines()
            .map(str::trim)
            .find(|l| l.len() == 32 && l.bytes().all(|b| b.is_ascii_hexdigit()))
            .expect("a code in the invitation")
            .to_owned();
        let (status, seen) =
            self.post("/api/staff/invitation", None, json!({ "code": invitation }));
        assert_eq!(status, 200, "{seen}");
        assert_eq!(seen["organisation"]["id"], organisation);
        assert_eq!(seen["email"], email);
        let (status, done) = self.post(
            "/api/staff/register",
            None,
            json!({"code": invitation, "name_en": name, "telephone": "0977000000", "password": PASSWORD}),
        );
        assert_eq!(status, 200, "{done}");
        let again = self.post(
            "/api/staff/register",
            None,
            json!({"code": invitation, "name_en": name, "telephone": "0977000000", "password": PASSWORD}),
        );
        assert_eq!(again.1["code"], "link_invalid", "an invitation works once");
        let user_id = done["user_id"].as_str().unwrap().to_owned();
        let token = reception::sign_in(&self.http, &self.process.url, &user_id, PASSWORD);
        (user_id, token)
    }

    /// Sends a signed submission: (status, answer).
    fn send(&self, token: &str, sub: &Submission) -> (u16, Value) {
        let mut form =
            multipart::Form::new().text("metadata", serde_json::to_string(&sub.metadata).unwrap());
        for (kind, name, bytes) in &sub.files {
            form = form.part(
                kind.clone(),
                multipart::Part::bytes(bytes.clone()).file_name(name.clone()),
            );
        }
        let response = self
            .http
            .post(self.url("/api/applications"))
            .bearer_auth(token)
            .multipart(form)
            .send()
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().unwrap_or(Value::Null))
    }

    fn server_id(&self) -> String {
        let (_, health) = self.call(reqwest::Method::GET, "/api/health", None, None);
        health["server_id"].as_str().unwrap().to_owned()
    }
}

struct Student {
    user_id: String,
    token: String,
    cert: Vec<u8>,
}

struct Submission {
    metadata: Value,
    files: Vec<(String, String, Vec<u8>)>,
}

fn files(salt: &str) -> Vec<(String, String, Vec<u8>)> {
    let mut out = vec![(
        "photo".to_owned(),
        "photo.jpg".to_owned(),
        std::fs::read(corpus::path("photo_good.jpg")).unwrap(),
    )];
    let pdf = std::fs::read(corpus::path("pdf_good.pdf")).unwrap();
    for name in [
        "receipt",
        "organization",
        "transcript",
        "enrollment",
        "list",
        "support",
        "funds",
    ] {
        let mut bytes = pdf.clone();
        bytes.extend(format!("% {name} {salt}\n").as_bytes());
        out.push(("attachment".into(), format!("{name}.pdf"), bytes));
    }
    out
}

/// An extension of stay signed with the virtual card's key under `cert`; `applicant` is the
/// student named in the signed content, `for_user` what the metadata declares.
fn signed(
    server_id: &str,
    cert: &[u8],
    salt: &str,
    applicant: Option<&str>,
    for_user: Option<&str>,
) -> Submission {
    let form: Value = serde_json::from_str(include_str!(
        "../crates/forms/tests/fixtures/extension-complete.json"
    ))
    .unwrap();
    let files = files(salt);
    let content = SignedContent {
        action: SignedAction::Submission,
        application_id: None,
        server_id: server_id.to_owned(),
        procedure_id: "extension-of-stay".into(),
        form: form.clone(),
        photo_sha256: Some(sha256_hex(&files[0].2)),
        attachments: files[1..]
            .iter()
            .map(|f| AttachmentDigest {
                name: f.1.clone(),
                sha256: sha256_hex(&f.2),
            })
            .collect(),
        submission_id: sha256_hex(salt.as_bytes())[..32].to_owned(),
        signed_at: rfc3339(now()),
        applicant: applicant.map(str::to_owned),
    };
    let signature = sign_with_auth_key(&content.canonical_bytes());
    Submission {
        metadata: json!({
            "procedure_id": "extension-of-stay", "submission_id": content.submission_id,
            "signed_at": content.signed_at, "form": form, "certificate": b64(cert),
            "signature": b64(&signature), "agreed_to_terms": true, "for_user": for_user,
            "action": "submission", "server_id": server_id,
            "files": files.iter().map(|(kind, name, bytes)| json!({"kind": kind, "name": name, "sha256": sha256_hex(bytes)})).collect::<Vec<_>>(),
        }),
        files,
    }
}

#[test]
fn org_commands_staff_access_and_proxy_filing() {
    let server = Server::start();
    let data = server.data.path();
    // The operator's commands.
    let (code, school, err) = org(data, &["create", "--name", "Beppu University"]);
    assert_eq!(code, 0, "{err}");
    assert!(school.starts_with("ORG") && school.len() == 11, "{school}");
    let (_, other, _) = org(data, &["create", "--name", "Other College"]);
    let (code, office, _) = org(
        data,
        &[
            "create",
            "--name",
            "Kyushu Gyoseishoshi Office",
            "--kind",
            "attorney_office",
        ],
    );
    assert_eq!(code, 0);
    let (code, _, err) = org(
        data,
        &["create", "--name", "X", "--kind", "embassy", "--json"],
    );
    assert_eq!((code, err.contains("bad_kind")), (1, true), "{err}");
    let (code, list, _) = org(data, &["list", "--json"]);
    assert_eq!(code, 0);
    let list: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 3);
    let listed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == school)
        .unwrap();
    assert_eq!(listed["kind"], "school");
    let valid_until = listed["valid_until"].as_str().unwrap().to_owned();
    let year: i32 = valid_until[..4].parse().unwrap();
    let this_year = time::OffsetDateTime::now_utc().year();
    assert!(
        (this_year + 2..=this_year + 3).contains(&year),
        "valid three years: {valid_until}"
    );
    assert!(
        listed.get("notice").is_none(),
        "no notice three years ahead"
    );
    let (code, shown, _) = org(data, &["show", &school]);
    assert_eq!(code, 0);
    assert!(
        shown.contains("Beppu University")
            && shown.contains(&format!("valid until: {valid_until}")),
        "{shown}"
    );
    let (code, _, err) = org(data, &["show", "ORG99999999", "--json"]);
    assert_eq!(code, 1);
    assert!(err.contains("organisation_unknown"), "{err}");

    // Staff by invitation; an attorney of the office.
    let (x, x_token) = server.staff(&school, "advisor@beppu-u.example.jp", "SATO HANAKO");
    let (_, y_token) = server.staff(&other, "advisor@other.example.jp", "TANAKA JIRO");
    let (_, z_token) = server.staff(&office, "gyosei@kyushu.example.jp", "YAMADA TARO");
    let (_, me) = server.get("/api/me", &z_token);
    assert_eq!(me["user_type"], "attorney");
    let (_, me) = server.get("/api/me", &x_token);
    assert_eq!(me["user_type"], "organisation_staff");
    let (status, mine) = server.get("/api/staff/organisation", &x_token);
    assert_eq!(status, 200, "{mine}");
    assert_eq!(mine["organisation"]["valid_until"], valid_until.as_str());
    let (_, shown, _) = org(data, &["show", &school, "--json"]);
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["staff"][0]["user_id"], x.as_str());

    // Students: A links the school in the usage application, B links nothing.
    let a = server.student("lan@example.jp", "NGUYEN THI LAN", 101, Some(&school));
    let b = server.student("an@example.jp", "LE VAN AN", 102, None);
    let (_, links) = server.get("/api/me/organisations", &a.token);
    assert_eq!(links["links"][0]["organisation"]["id"], school.as_str());
    let (status, unknown) = server.post(
        "/api/me/organisations",
        Some(&b.token),
        json!({"organisation_id": "ORG00000000"}),
    );
    assert_eq!(
        (status, unknown["code"].as_str()),
        (404, Some("organisation_unknown"))
    );

    // A files for themselves; the school's staff see it, nobody else does.
    let sid = server.server_id();
    let (status, own) = server.send(&a.token, &signed(&sid, &a.cert, "own", None, None));
    assert_eq!(status, 200, "{own}");
    let own_id = own["id"].as_i64().unwrap();
    assert!(own.get("filed_by").is_none());
    let sees = |token: &str, id: i64| server.get(&format!("/api/applications/{id}"), token).0;
    assert_eq!(sees(&x_token, own_id), 200, "staff of the student's school");
    assert_eq!(sees(&y_token, own_id), 404, "staff of another school");
    assert_eq!(
        sees(&z_token, own_id),
        404,
        "an attorney the student did not authorise"
    );
    assert_eq!(sees(&b.token, own_id), 404, "another student");
    for route in [
        "/api/staff/board",
        "/api/staff/students",
        "/api/staff/organisation",
    ] {
        let (status, body) = server.get(route, &a.token);
        assert_eq!(
            (status, body["code"].as_str()),
            (403, Some("not_staff")),
            "a student on {route}"
        );
    }
    let (status, students) = server.get("/api/staff/students", &x_token);
    assert_eq!(status, 200);
    assert_eq!(students["students"].as_array().unwrap().len(), 1);
    assert_eq!(students["students"][0]["user_id"], a.user_id.as_str());
    assert_eq!(students["students"][0]["usage_application_done"], true);

    // Proxy filing: staff send what the student signed with their own card.
    let (status, refused) = server.send(
        &x_token,
        &signed(&sid, &b.cert, "b", Some(&b.user_id), Some(&b.user_id)),
    );
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("not_linked")),
        "{refused}"
    );
    let (status, refused) = server.send(
        &x_token,
        &signed(
            &sid,
            &b.cert,
            "wrong-card",
            Some(&a.user_id),
            Some(&a.user_id),
        ),
    );
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("forbidden")),
        "another student's card: {refused}"
    );
    let (status, refused) = server.send(
        &x_token,
        &signed(&sid, &a.cert, "unnamed", None, Some(&a.user_id)),
    );
    assert_eq!(
        status, 422,
        "a signature that does not name the student: {refused}"
    );
    let (status, refused) = server.send(
        &y_token,
        &signed(
            &sid,
            &a.cert,
            "other-school",
            Some(&a.user_id),
            Some(&a.user_id),
        ),
    );
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("not_linked"))
    );
    let (status, proxy) = server.send(
        &x_token,
        &signed(&sid, &a.cert, "proxy", Some(&a.user_id), Some(&a.user_id)),
    );
    assert_eq!(status, 200, "{proxy}");
    let proxy_id = proxy["id"].as_i64().unwrap();
    assert_eq!(proxy["user_id"], a.user_id.as_str());
    assert_eq!(proxy["submitter_id"], x.as_str());
    assert_eq!(proxy["filed_by"]["user_id"], x.as_str());
    assert_eq!(proxy["filed_by"]["name_en"], "SATO HANAKO");
    assert_eq!(proxy["filed_by"]["organisation_id"], school.as_str());
    assert_eq!(proxy["filed_for"]["user_id"], a.user_id.as_str());
    // The student sees it in their own list and got the mail; the staff member a copy.
    let (_, list) = server.get("/api/applications", &a.token);
    let listed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == proxy_id)
        .expect("in the student's list");
    assert_eq!(listed["filed_by"]["name_en"], "SATO HANAKO");
    let received = |to: &str| {
        server
            .mails(to)
            .iter()
            .filter(|m| m.contains(proxy["reference_number"].as_str().unwrap()))
            .count()
    };
    assert!(received("lan@example.jp") >= 1, "the student is told");
    assert!(
        received("advisor@beppu-u.example.jp") >= 1,
        "the staff member gets a copy"
    );
    assert_eq!(received("advisor@other.example.jp"), 0);

    // The attorney once authorised sees both; after unlinking, nothing.
    let (status, _) = server.post(
        "/api/me/organisations",
        Some(&a.token),
        json!({"organisation_id": office}),
    );
    assert_eq!(status, 200);
    assert_eq!(sees(&z_token, proxy_id), 200, "an authorised attorney");
    let (_, z_list) = server.get("/api/applications", &z_token);
    assert_eq!(z_list.as_array().unwrap().len(), 2);
    let (status, links) = server.call(
        reqwest::Method::DELETE,
        &format!("/api/me/organisations/{office}"),
        Some(&a.token),
        None,
    );
    assert_eq!(status, 200);
    assert_eq!(links["links"].as_array().unwrap().len(), 1);
    assert_eq!(
        sees(&z_token, proxy_id),
        404,
        "unlinked: the attorney loses access at once"
    );
    let (_, z_list) = server.get("/api/applications", &z_token);
    assert!(z_list.as_array().unwrap().is_empty());
    let (status, body) = server.call(
        reqwest::Method::DELETE,
        &format!("/api/me/organisations/{school}"),
        Some(&x_token),
        None,
    );
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("not_a_student"))
    );

    // A removed staff member loses access at once: the session ends, and a new one sees nothing.
    let (code, _, err) = org(data, &["remove-staff", &school, &x]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(server.get("/api/me", &x_token).0, 401, "the session ended");
    let x_again = reception::sign_in(&server.http, &server.process.url, &x, PASSWORD);
    assert_eq!(
        sees(&x_again, proxy_id),
        404,
        "a removed staff member, though they filed it"
    );
    assert_eq!(sees(&x_again, own_id), 404);
    let (status, body) = server.get("/api/staff/board", &x_again);
    assert_eq!((status, body["code"].as_str()), (403, Some("not_staff")));
    // The student still has both.
    assert_eq!(sees(&a.token, proxy_id), 200);
}

#[test]
fn the_board_pages_500_applications_most_urgent_first() {
    let data = tempfile::tempdir().unwrap();
    let (school, students) = support::organisation::seed_board(data.path());
    let server = Server::start_in(data);
    let (_, token) = server.staff(&school, "board@example.jp", "ADVISOR BOARD");
    let page = |query: &str| {
        let (status, body) = server.get(&format!("/api/staff/board?{query}"), &token);
        assert_eq!(status, 200, "{query}: {body}");
        body
    };
    // Every application, 50 a page, in urgency order across pages.
    let first = page("");
    assert_eq!(first["total"], 500);
    assert_eq!(first["page_size"], 50);
    let mut rows: Vec<Value> = Vec::new();
    for n in 1..=10 {
        let body = page(&format!("page={n}&page_size=50"));
        assert_eq!(body["rows"].as_array().unwrap().len(), 50);
        rows.extend(body["rows"].as_array().unwrap().iter().cloned());
    }
    assert!(page("page=11")
        .get("rows")
        .unwrap()
        .as_array()
        .unwrap()
        .is_empty());
    let ids: std::collections::HashSet<i64> = rows
        .iter()
        .map(|r| r["application_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 500, "every application once");
    let urgency = |r: &Value| r["urgency"].as_str().unwrap().to_owned();
    let counts = |name: &str| rows.iter().filter(|r| urgency(r) == name).count();
    assert_eq!(counts("returned_for_changes"), 5);
    assert_eq!(counts("stay_ends_soon_nothing_filed"), 10);
    assert_eq!(counts("card_expires_before_stay"), 10);
    let rank = |r: &Value| match urgency(r).as_str() {
        "returned_for_changes" => 0,
        "stay_ends_soon_nothing_filed" => 1,
        "card_expires_before_stay" => 2,
        _ => 3,
    };
    for pair in rows.windows(2) {
        assert!(
            rank(&pair[0]) <= rank(&pair[1]),
            "urgency order: {} then {}",
            pair[0],
            pair[1]
        );
        if rank(&pair[0]) == 3 && rank(&pair[1]) == 3 {
            assert!(
                pair[0]["last_change"].as_i64() >= pair[1]["last_change"].as_i64(),
                "the rest by last change"
            );
        }
    }
    assert_eq!(rows[0]["next_actor"], "student");
    assert_eq!(
        rows[0]["revision_request"],
        support::organisation::REVISION_REQUEST
    );
    for row in &rows[5..15] {
        assert!(
            students[10..20]
                .iter()
                .any(|s| row["student_user_id"] == s.as_str()),
            "{row}"
        );
        assert_eq!(row["next_actor"], "school");
    }
    for row in &rows[15..25] {
        assert!(
            students[..10]
                .iter()
                .any(|s| row["student_user_id"] == s.as_str()),
            "{row}"
        );
    }
    // Filters and search.
    let returned = page("status=in_return_process");
    assert_eq!(returned["total"], 5);
    let changes = page("procedure=change-of-status&page_size=200");
    assert_eq!(changes["total"], 100);
    assert!(changes["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["procedure_id"] == "change-of-status"));
    let one = page("search=student%20bc");
    assert_eq!(one["total"], 5);
    assert!(one["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["student_name"] == "STUDENT BC"));
    let by_reference = page("search=ZR-2026-00000042");
    assert_eq!(by_reference["total"], 1);
    let (status, bad) = server.get("/api/staff/board?page=0", &token);
    assert_eq!((status, bad["code"].as_str()), (400, Some("bad_page")));
    let (status, bad) = server.get("/api/staff/board?page_size=201", &token);
    assert_eq!((status, bad["code"].as_str()), (400, Some("bad_page")));
    let (status, _) = server.get("/api/staff/board?status=nonsense", &token);
    assert_eq!(status, 400);
}
