//! Issue 15 over HTTP against a real `zairyu serve`. Manual 3.1: the terms of use must be agreed
//! before the e-mail is sent, the link in the registration e-mail opens a page of the server
//! whose button confirms the address (a GET alone changes nothing), and every user type of the
//! manual — the attorney / administrative procedures legal specialist among them — can
//! register. Manual 7.3: the user details carry the postal code and address, and a password
//! change is confirmed by e-mail.

use reqwest::blocking::Client;
use serde_json::{json, Value};
use zairyu_testkit::ServeProcess;

mod support;
use support::reception::{self, mails_to};

fn post(http: &Client, url: &str, body: Value) -> (u16, Value) {
    let r = http.post(url).json(&body).send().unwrap();
    (r.status().as_u16(), r.json().unwrap_or(Value::Null))
}

/// The link of the newest registration mail to `to`.
fn link_in_mail(data: &std::path::Path, to: &str) -> String {
    let mail = mails_to(data, to)
        .into_iter()
        .rfind(|m| m.contains("token="))
        .expect("a registration e-mail");
    mail.split_whitespace()
        .find(|w| w.starts_with("http") && w.contains("/register?token="))
        .expect("a link in the e-mail")
        .to_owned()
}

#[test]
fn registration_needs_the_terms_and_its_link_opens_a_page_that_confirms() {
    let data = tempfile::tempdir().unwrap();
    let server = ServeProcess::start(env!("CARGO_BIN_EXE_zairyu"), data.path());
    let http = Client::new();
    let url = |p: &str| format!("{}{p}", server.url);

    // Without agreeing to the terms nothing is sent.
    let refused = post(
        &http,
        &url("/api/register"),
        json!({"email": "ana@example.jp", "email_again": "ana@example.jp"}),
    );
    assert_eq!(refused.0, 400);
    assert_eq!(refused.1["code"], "terms_not_agreed");
    assert!(mails_to(data.path(), "ana@example.jp").is_empty());

    let sent = post(
        &http,
        &url("/api/register"),
        json!({"email": "ana@example.jp", "email_again": "ana@example.jp", "agreed_to_terms": true}),
    );
    assert_eq!(sent.0, 200, "{sent:?}");
    let link = link_in_mail(data.path(), "ana@example.jp");
    let token = link.split("token=").nth(1).unwrap().to_owned();
    // The link is the server's own address (what the student clicks).
    assert!(link.starts_with(&server.url), "{link} on {}", server.url);

    // Opening the link shows a page with a button; it confirms nothing yet.
    let page = http.get(&link).send().unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = page.text().unwrap();
    assert!(html.contains("<form method=\"post\""), "{html}");
    assert!(html.contains(&format!("value=\"{token}\"")), "{html}");
    let early = post(
        &http,
        &url("/api/register/complete"),
        json!({"token": token, "user_type": "attorney", "name_en": "ANA SILVA",
               "telephone": "0312345678", "password": "Zairyu#2026ok"}),
    );
    assert_eq!(early.1["code"], "email_not_confirmed", "{early:?}");

    // The button (the form's POST) confirms the address and shows the code for the app.
    let done = http
        .post(url("/register"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("token={token}"))
        .send()
        .unwrap();
    assert_eq!(done.status().as_u16(), 200);
    let html = done.text().unwrap();
    assert!(html.contains("ana@example.jp"), "{html}");
    assert!(html.contains(&token), "{html}");

    // The app continues with the same code: an attorney / 行政書士 registers.
    let registered = post(
        &http,
        &url("/api/register/complete"),
        json!({"token": token, "user_type": "attorney", "name_en": "ANA SILVA",
               "telephone": "0312345678", "password": "Zairyu#2026ok"}),
    );
    assert_eq!(registered.0, 200, "{registered:?}");
    let user_id = registered.1["user_id"].as_str().unwrap().to_owned();
    let login = post(
        &http,
        &url("/api/login"),
        json!({"user_id": user_id, "password": "Zairyu#2026ok"}),
    );
    let me: Value = http
        .get(url("/api/me"))
        .bearer_auth(login.1["token"].as_str().unwrap())
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(me["user_type"], "attorney");

    // A used or unknown link shows a page that says so (not the API's 404).
    for gone in [link.clone(), url("/register?token=nonsense")] {
        let page = http.get(&gone).send().unwrap();
        assert_eq!(page.status().as_u16(), 400);
        assert!(page.text().unwrap().contains("link_invalid"));
    }
}

#[test]
fn my_page_shows_the_address_and_a_password_change_is_mailed() {
    let data = tempfile::tempdir().unwrap();
    let server = ServeProcess::start(env!("CARGO_BIN_EXE_zairyu"), data.path());
    let http = Client::new();
    let url = |p: &str| format!("{}{p}", server.url);
    let (user_id, _) = reception::register(
        &http,
        &server.url,
        data.path(),
        "lan@example.jp",
        "NGUYEN THI LAN",
        "Zairyu#2026ok",
    );
    let session = reception::sign_in(&http, &server.url, &user_id, "Zairyu#2026ok");
    let me = |http: &Client| -> Value {
        http.get(url("/api/me"))
            .bearer_auth(&session)
            .send()
            .unwrap()
            .json()
            .unwrap()
    };
    let before = me(&http);
    assert_eq!(before["user_type"], "foreign_national");
    assert!(before.get("address").is_none(), "{before}");
    let saved = http
        .post(url("/api/me/profile"))
        .bearer_auth(&session)
        .json(&json!({"postal_code": "8748577", "address": "大分県別府市十文字原1-1", "telephone": "0977123456"}))
        .send()
        .unwrap();
    assert_eq!(saved.status().as_u16(), 200);
    let after = me(&http);
    assert_eq!(after["postal_code"], "8748577");
    assert_eq!(after["address"], "大分県別府市十文字原1-1");
    assert_eq!(after["telephone"], "0977123456");

    let changed = http
        .post(url("/api/me/password"))
        .bearer_auth(&session)
        .json(&json!({"current": "Zairyu#2026ok", "new": "Zairyu#2026new"}))
        .send()
        .unwrap();
    assert_eq!(changed.status().as_u16(), 200);
    let mails = mails_to(data.path(), "lan@example.jp");
    assert!(
        mails
            .last()
            .unwrap()
            .contains("password of your Zairyu account was changed"),
        "{mails:?}"
    );
}
