//! The reception server as a client sees it: `zairyu serve` on a free port with its own data
//! folder, driven over HTTP (errors as `{code,message}` with the right status, never a 500
//! for bad input; registration through the outbox; upload limits enforced while streaming),
//! and `zairyu examiner` on the same data folder.

use std::path::Path;

use reqwest::blocking::{multipart, Client};
use serde_json::{json, Value};
use zairyu_testkit::ServeProcess;

fn outbox_text(data: &Path) -> String {
    std::fs::read_dir(data.join("outbox"))
        .unwrap()
        .flatten()
        .map(|e| zairyu_server::mail::eml_text(&std::fs::read_to_string(e.path()).unwrap()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn code(resp: reqwest::blocking::Response) -> (u16, String) {
    let status = resp.status().as_u16();
    let body: Value = resp.json().unwrap_or(Value::Null);
    (status, body["code"].as_str().unwrap_or("").to_owned())
}

#[test]
fn accounts_errors_and_upload_limits_over_http() {
    let data = tempfile::tempdir().unwrap();
    let server = ServeProcess::start(env!("CARGO_BIN_EXE_zairyu"), data.path());
    let http = Client::new();
    let url = |p: &str| format!("{}{p}", server.url);

    let procedures: Value = http
        .get(url("/api/procedures?search=renewal&synonyms=true"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(procedures[0]["id"], "extension-of-stay");
    assert_eq!(
        code(http.get(url("/api/nowhere")).send().unwrap()),
        (404, "no_such_route".into())
    );
    assert_eq!(
        code(http.get(url("/api/me")).send().unwrap()),
        (401, "not_signed_in".into())
    );
    assert_eq!(
        code(
            http.get(url("/api/me"))
                .bearer_auth("forged")
                .send()
                .unwrap()
        ),
        (401, "not_signed_in".into())
    );
    assert_eq!(
        code(
            http.post(url("/api/register"))
                .body("{not json")
                .header("content-type", "application/json")
                .send()
                .unwrap()
        ),
        (400, "bad_request".into())
    );
    assert_eq!(
        code(
            http.post(url("/api/register"))
                .json(&json!({"email": "a@x.jp", "email_again": "b@x.jp"}))
                .send()
                .unwrap()
        ),
        (400, "email_mismatch".into())
    );

    // Registration through the e-mail link.
    let ok = http
        .post(url("/api/register"))
        .json(&json!({"email": "lan@example.jp", "email_again": "lan@example.jp", "agreed_to_terms": true}))
        .send()
        .unwrap();
    assert_eq!(ok.status().as_u16(), 200);
    let mail = outbox_text(data.path());
    let token = mail
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    assert_eq!(
        http.post(url("/api/register/confirm"))
            .json(&json!({"token": token}))
            .send()
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    let done: Value = http
        .post(url("/api/register/complete"))
        .json(&json!({"token": token, "user_type": "foreign_national", "name_en": "NGUYEN THI LAN", "telephone": "09012345678", "password": "Zairyu#2026ok"}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let user_id = done["user_id"].as_str().unwrap().to_owned();
    let login: Value = http
        .post(url("/api/login"))
        .json(&json!({"user_id": user_id, "password": "Zairyu#2026ok"}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let session = login["token"].as_str().unwrap().to_owned();
    let me: Value = http
        .get(url("/api/me"))
        .bearer_auth(&session)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(me["user_id"], user_id.as_str());
    assert_eq!(me["usage_application_done"], false);
    assert_eq!(
        code(
            http.get(url("/api/applications/abc"))
                .bearer_auth(&session)
                .send()
                .unwrap()
        ),
        (400, "bad_id".into())
    );
    assert_eq!(
        code(
            http.get(url("/api/applications/99"))
                .bearer_auth(&session)
                .send()
                .unwrap()
        ),
        (404, "not_found".into())
    );

    // Limits while streaming: 21 files, then 25,000,001 bytes.
    let mut form = multipart::Form::new().text("metadata", "{}");
    for i in 0..21 {
        form = form.part(
            "attachment",
            multipart::Part::bytes(vec![b'x'; 10]).file_name(format!("f{i}.pdf")),
        );
    }
    assert_eq!(
        code(
            http.post(url("/api/applications"))
                .bearer_auth(&session)
                .multipart(form)
                .send()
                .unwrap()
        ),
        (413, "too_many_files".into())
    );
    let big = multipart::Form::new().text("metadata", "{}").part(
        "attachment",
        multipart::Part::bytes(vec![0u8; 25_000_001]).file_name("big.pdf"),
    );
    let resp = http
        .post(url("/api/applications"))
        .bearer_auth(&session)
        .multipart(big)
        .send();
    if let Ok(resp) = resp {
        assert_eq!(resp.status().as_u16(), 413);
    }
    let leftovers: Vec<_> = std::fs::read_dir(data.path().join("attachments"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".upload"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "partial uploads were left: {leftovers:?}"
    );
    // Metadata that is not what a submission needs.
    let form = multipart::Form::new().text("metadata", "{\"procedure_id\": 1}");
    assert_eq!(
        code(
            http.post(url("/api/applications"))
                .bearer_auth(&session)
                .multipart(form)
                .send()
                .unwrap()
        ),
        (400, "bad_metadata".into())
    );
    // An applicant is not an examiner.
    assert_eq!(
        code(
            http.get(url("/api/examiner/applications"))
                .bearer_auth(&session)
                .send()
                .unwrap()
        ),
        (403, "forbidden".into())
    );
    assert_eq!(
        http.post(url("/api/logout"))
            .bearer_auth(&session)
            .send()
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        code(
            http.get(url("/api/me"))
                .bearer_auth(&session)
                .send()
                .unwrap()
        ),
        (401, "not_signed_in".into())
    );
}

/// The (subject, text) of every mail in the outbox.
fn outbox_mails(data: &Path) -> Vec<(String, String)> {
    std::fs::read_dir(data.join("outbox"))
        .unwrap()
        .flatten()
        .map(|e| {
            let eml = std::fs::read_to_string(e.path()).unwrap();
            (
                zairyu_server::mail::eml_subject(&eml),
                zairyu_server::mail::eml_text(&eml),
            )
        })
        .collect()
}

#[test]
fn mails_come_in_the_language_the_app_registered_with() {
    let data = tempfile::tempdir().unwrap();
    let server = ServeProcess::start(env!("CARGO_BIN_EXE_zairyu"), data.path());
    let http = Client::new();
    let url = |p: &str| format!("{}{p}", server.url);
    let post = |path: &str, body: Value| http.post(url(path)).json(&body).send().unwrap();
    let subjects = || -> Vec<String> {
        outbox_mails(data.path())
            .into_iter()
            .map(|(subject, _)| subject)
            .collect()
    };

    // Registered from an app speaking Vietnamese: the link comes in Vietnamese only.
    let sent = post(
        "/api/register",
        json!({"email": "lan@example.jp", "email_again": "lan@example.jp", "agreed_to_terms": true, "language": "vi"}),
    );
    assert_eq!(sent.status().as_u16(), 200);
    let (subject, text) = outbox_mails(data.path()).pop().unwrap();
    assert_eq!(subject, "Zairyu: xác nhận địa chỉ e-mail của bạn");
    assert!(text.contains("Hoặc dán mã này vào Zairyu: "), "{text}");
    assert!(!text.contains("24時間"), "{text}");
    let token = text
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        post("/api/register/confirm", json!({"token": token}))
            .status()
            .as_u16(),
        200
    );
    let done: Value = post(
        "/api/register/complete",
        json!({"token": token, "user_type": "foreign_national", "name_en": "NGUYEN THI LAN", "telephone": "09012345678", "password": "Zairyu#2026ok", "language": "vi"}),
    )
    .json()
    .unwrap();
    let user_id = done["user_id"].as_str().expect("a user ID").to_owned();
    let told = outbox_mails(data.path());
    assert!(
        told.iter()
            .any(|(subject, text)| subject == "Zairyu: ID người dùng của bạn"
                && text.contains(&format!("ID người dùng của bạn là {user_id}."))),
        "{told:?}"
    );
    // The language is the account's: a later mail (a forgotten user ID) is Vietnamese too.
    let before = subjects().len();
    assert_eq!(
        post("/api/forgot-user-id", json!({"email": "lan@example.jp"}))
            .status()
            .as_u16(),
        200
    );
    let now = subjects();
    assert_eq!(now.len(), before + 1);
    assert_eq!(
        now.iter()
            .filter(|s| *s == "Zairyu: ID người dùng của bạn")
            .count(),
        2,
        "{now:?}"
    );

    // A client that says no language (or one we do not speak) gets English and Japanese.
    for (email, language) in [("an@example.jp", None), ("le@example.jp", Some("fr"))] {
        let mut body = json!({"email": email, "email_again": email, "agreed_to_terms": true});
        if let Some(language) = language {
            body["language"] = json!(language);
        }
        assert_eq!(post("/api/register", body).status().as_u16(), 200);
    }
    let bilingual = "Zairyu: confirm your e-mail address / Zairyu：メールアドレスの確認";
    assert_eq!(
        subjects().iter().filter(|s| *s == bilingual).count(),
        2,
        "{:?}",
        subjects()
    );
}

#[test]
fn examiner_commands_work_on_the_servers_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let run = |args: &[&str], stdin: &str| {
        zairyu_testkit::run(env!("CARGO_BIN_EXE_zairyu"), args, Some(stdin))
    };
    let out = run(
        &[
            "examiner",
            "create",
            "--email",
            "ex@immi.example.jp",
            "--name",
            "EXAMINER ONE",
            "--data",
            d,
        ],
        "Examiner#2026\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(id.starts_with("EX"));
    let out = run(
        &["examiner", "list", "--as", &id, "--json", "--data", d],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        json!([])
    );
    let out = run(
        &[
            "examiner",
            "set-status",
            "7",
            "under_review",
            "--as",
            &id,
            "--data",
            d,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stderr).unwrap()["code"],
        "not_found"
    );
    let out = run(&["examiner", "list", "--as", "ZR00000000", "--data", d], "");
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stderr).unwrap()["code"],
        "not_an_examiner"
    );
    let out = run(
        &[
            "examiner", "create", "--email", "x@y.jp", "--name", "X", "--data", d,
        ],
        "short\n",
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stderr).unwrap()["code"],
        "weak_password"
    );
}
