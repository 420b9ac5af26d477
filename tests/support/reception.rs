//! An account on a running `zairyu serve`, made the way a client makes one: registration by
//! e-mail (the link read from the server's outbox folder), its confirmation and completion, and
//! the sign-in — one copy for every test that attacks the server over HTTP.

use std::path::Path;

use reqwest::blocking::Client;
use serde_json::{json, Value};

/// The decoded text bodies of the outbox messages addressed to `to`, oldest first (by the
/// time each file was written: the file names are random ids, so their order means nothing).
pub fn mails_to(data: &Path, to: &str) -> Vec<String> {
    let mut mails: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(data.join("outbox"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .map(|e| {
            (
                e.metadata().and_then(|m| m.modified()).unwrap(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .filter(|(_, eml)| eml.lines().any(|l| l.starts_with("To:") && l.contains(to)))
        .collect();
    mails.sort();
    mails
        .into_iter()
        .map(|(_, eml)| zairyu_server::mail::eml_text(&eml))
        .collect()
}

/// The registration token of the newest registration e-mail to `email`.
pub fn registration_token(data: &Path, email: &str) -> String {
    let mail = mails_to(data, email)
        .into_iter()
        .rfind(|m| m.contains("token="))
        .expect("a registration e-mail in the outbox");
    mail.split("token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a token after token=")
        .to_owned()
}

fn post(http: &Client, base: &str, path: &str, body: Value) -> (u16, Value) {
    let response = http
        .post(format!("{base}{path}"))
        .json(&body)
        .send()
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().unwrap_or(Value::Null))
}

/// Registers `email` as a foreign national named `name_en` with `password`: its user ID and
/// the registration token (each step must answer 200).
pub fn register(
    http: &Client,
    base: &str,
    data: &Path,
    email: &str,
    name_en: &str,
    password: &str,
) -> (String, String) {
    let sent = post(
        http,
        base,
        "/api/register",
        json!({"email": email, "email_again": email, "agreed_to_terms": true}),
    );
    assert_eq!(sent.0, 200, "{sent:?}");
    let token = registration_token(data, email);
    let confirmed = post(
        http,
        base,
        "/api/register/confirm",
        json!({ "token": token }),
    );
    assert_eq!(confirmed.0, 200, "{confirmed:?}");
    let done = post(
        http,
        base,
        "/api/register/complete",
        json!({"token": token, "user_type": "foreign_national", "name_en": name_en,
               "telephone": "09012345678", "password": password}),
    );
    assert_eq!(done.0, 200, "{done:?}");
    let user_id = done.1["user_id"].as_str().expect("a user id").to_owned();
    (user_id, token)
}

/// Signs `user_id` in: the session token.
pub fn sign_in(http: &Client, base: &str, user_id: &str, password: &str) -> String {
    let (status, body) = post(
        http,
        base,
        "/api/login",
        json!({"user_id": user_id, "password": password}),
    );
    assert_eq!(status, 200, "{body}");
    body["token"].as_str().expect("a session").to_owned()
}
