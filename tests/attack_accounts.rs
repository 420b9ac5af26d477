//! Attacks on accounts and sessions over HTTP against a real `zairyu serve`: locking someone
//! else out with wrong passwords, racing guesses past the count, telling known user IDs from
//! unknown ones (answers and timing), flooding the mail-sending routes (also behind a forged
//! `X-Forwarded-For`), changing the e-mail address of a session left open, sessions that
//! outlive a password change, and a data folder others can read.

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use reqwest::blocking::Client;
use serde_json::{json, Value};
use zairyu_testkit::ServeProcess;

mod support;
use support::reception;

const PASSWORD: &str = "Zairyu#2026ok";
const WRONG: &str = "Wrong#password1";

/// A server and its data folder (`DATA` inside a temporary folder, made by the server).
struct Server {
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    process: ServeProcess,
    http: Client,
}

impl Server {
    fn start() -> Server {
        Server::start_with(|_| {})
    }

    fn start_with(configure: impl FnOnce(&mut std::process::Command)) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let process = ServeProcess::start_with(env!("CARGO_BIN_EXE_zairyu"), &data, |c| {
            c.env("ZAIRYU_PROFILE", "demo");
            configure(c);
        });
        Server {
            _dir: dir,
            data,
            process,
            http: Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.process.url)
    }

    /// POST a JSON body (with a session when given): (status, body, Retry-After).
    fn post(&self, path: &str, session: Option<&str>, body: Value) -> (u16, Value, Option<u64>) {
        self.post_from(path, session, body, None)
    }

    fn post_from(
        &self,
        path: &str,
        session: Option<&str>,
        body: Value,
        forwarded_for: Option<&str>,
    ) -> (u16, Value, Option<u64>) {
        let mut request = self.http.post(self.url(path)).json(&body);
        if let Some(token) = session {
            request = request.bearer_auth(token);
        }
        if let Some(ip) = forwarded_for {
            request = request.header("x-forwarded-for", ip);
        }
        let response = request.send().unwrap();
        let status = response.status().as_u16();
        let retry = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok());
        (status, response.json().unwrap_or(Value::Null), retry)
    }

    /// The decoded text of every message to `to`.
    fn mail_to(&self, to: &str) -> Vec<String> {
        reception::mails_to(&self.data, to)
    }

    /// A registered account's user ID.
    fn register(&self, email: &str) -> String {
        reception::register(
            &self.http,
            &self.process.url,
            &self.data,
            email,
            "NGUYEN THI LAN",
            PASSWORD,
        )
        .0
    }

    fn login(&self, user: &str, password: &str) -> (u16, Value, Option<u64>) {
        self.post(
            "/api/login",
            None,
            json!({"user_id": user, "password": password}),
        )
    }

    fn session(&self, user: &str) -> String {
        let (status, body, _) = self.login(user, PASSWORD);
        assert_eq!(status, 200, "{body}");
        body["token"].as_str().unwrap().to_owned()
    }

    fn me(&self, token: &str) -> u16 {
        self.http
            .get(self.url("/api/me"))
            .bearer_auth(token)
            .send()
            .unwrap()
            .status()
            .as_u16()
    }
}

fn code(answer: &(u16, Value, Option<u64>)) -> &str {
    answer.1["code"].as_str().unwrap_or("")
}

fn code_in(mail: &str) -> String {
    mail.split("once): ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn twenty_wrong_passwords_for_someone_else_do_not_lock_the_owner_out() {
    let server = Server::start();
    let owner = server.register("lan@example.jp");
    let mut evaluated = 0;
    for _ in 0..20 {
        let answer = server.login(&owner, WRONG);
        match code(&answer) {
            "login_failed" => evaluated += 1,
            "login_throttled" => assert_eq!(answer.0, 429),
            other => panic!("the attacker got {other}: {answer:?}"),
        }
    }
    assert!(evaluated <= 6, "{evaluated} guesses were checked");
    // The owner waits what the server says (seconds, not a day) and gets in.
    let started = Instant::now();
    loop {
        let answer = server.login(&owner, PASSWORD);
        if answer.0 == 200 {
            break;
        }
        assert_eq!(code(&answer), "login_throttled", "{answer:?}");
        let wait = answer.2.expect("a Retry-After");
        assert!(wait <= 8, "the owner must wait {wait} s");
        assert!(started.elapsed() < Duration::from_secs(30));
        std::thread::sleep(Duration::from_secs(wait));
    }
}

#[test]
fn ten_concurrent_guesses_are_counted_one_by_one() {
    let server = Arc::new(Server::start());
    let victim = server.register("lan@example.jp");
    let barrier = Arc::new(Barrier::new(10));
    let answers: Vec<String> = (0..10)
        .map(|_| {
            let (server, barrier, victim) = (server.clone(), barrier.clone(), victim.clone());
            std::thread::spawn(move || {
                barrier.wait();
                code(&server.login(&victim, WRONG)).to_owned()
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect();
    let evaluated = answers.iter().filter(|c| *c == "login_failed").count();
    assert!(
        evaluated <= 5,
        "{evaluated} of 10 concurrent guesses were checked: {answers:?}"
    );
    assert!(answers
        .iter()
        .all(|c| c == "login_failed" || c == "login_throttled"));
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
fn known_and_unknown_user_ids_get_the_same_answers_in_similar_time() {
    let server = Server::start();
    let known = server.register("lan@example.jp");
    let unknown = "ZR00000000";
    // Sign-in: three wrong passwords each (under the free five), answers and time.
    let mut times = [Vec::new(), Vec::new()];
    let mut answers = [Vec::new(), Vec::new()];
    for _ in 0..3 {
        for (i, user) in [known.as_str(), unknown].into_iter().enumerate() {
            let started = Instant::now();
            let answer = server.login(user, WRONG);
            times[i].push(started.elapsed());
            answers[i].push((answer.0, answer.1));
        }
    }
    assert_eq!(answers[0], answers[1]);
    let (known_time, unknown_time) = (median(times[0].clone()), median(times[1].clone()));
    assert!(
        unknown_time * 3 >= known_time && known_time * 3 >= unknown_time,
        "sign-in takes {known_time:?} for a known ID and {unknown_time:?} for an unknown one"
    );
    // Past the free tries both slow down alike. The seconds left may differ by one: the two
    // failures they count from were recorded a moment apart (more on a busy machine).
    let without_digits = |answer: &Value| -> Value {
        let mut answer = answer.clone();
        if let Some(text) = answer["message"].as_str() {
            answer["message"] = text.replace(|c: char| c.is_ascii_digit(), "#").into();
        }
        answer
    };
    for _ in 0..3 {
        let (a, b) = (server.login(&known, WRONG), server.login(unknown, WRONG));
        assert_eq!((a.0, without_digits(&a.1)), (b.0, without_digits(&b.1)));
    }

    // Forgotten password and user ID: the same answer whether the account exists.
    let forgot = |user: &str, email: &str| {
        server.post(
            "/api/forgot-password",
            None,
            json!({"user_id": user, "email": email}),
        )
    };
    assert_eq!(
        forgot(&known, "lan@example.jp"),
        forgot(unknown, "nobody@example.jp")
    );
    let forgot_id = |email: &str| server.post("/api/forgot-user-id", None, json!({"email": email}));
    assert_eq!(forgot_id("lan@example.jp"), forgot_id("nobody@example.jp"));

    // Moving an account to an address: the same answer whether another account has it.
    server.register("taken@example.jp");
    let mover = server.register("mover@example.jp");
    let token = server.session(&mover);
    let change = |email: &str| {
        server.post(
            "/api/me/email",
            Some(&token),
            json!({"email": email, "email_again": email, "password": PASSWORD}),
        )
    };
    assert_eq!(change("taken@example.jp"), change("free@example.jp"));
}

#[test]
fn a_forgot_password_flood_gets_429_and_a_forged_forwarded_for_buys_nothing() {
    let server = Server::start();
    let mut refused = None;
    for n in 0..40 {
        // Another address, another user ID and another claimed client every time.
        let answer = server.post_from(
            "/api/forgot-password",
            None,
            json!({"user_id": format!("ZR{n:08}"), "email": format!("victim{n}@example.jp")}),
            Some(&format!("198.51.100.{n}")),
        );
        if answer.0 == 429 {
            refused = Some((n, answer));
            break;
        }
        assert_eq!(answer.0, 200, "{answer:?}");
    }
    let (n, answer) = refused.expect("the flood was never refused");
    assert_eq!(n, 20, "refused after the budget of 20");
    assert_eq!(code(&answer), "too_many_requests");
    assert!(answer.2.is_some_and(|s| s > 0), "a Retry-After");
    // The other mail-sending routes have their own budgets, also past a forged header.
    type Body = fn(u32) -> Value;
    let routes: [(&str, Body); 2] = [
        (
            "/api/forgot-user-id",
            |n| json!({ "email": format!("x{n}@example.jp") }),
        ),
        (
            "/api/register",
            |n| json!({"email": format!("x{n}@example.jp"), "email_again": format!("x{n}@example.jp"), "agreed_to_terms": true}),
        ),
    ];
    for (path, body) in routes {
        let answers: Vec<u16> = (0..21)
            .map(|n| {
                server
                    .post_from(path, None, body(n), Some(&format!("203.0.113.{n}")))
                    .0
            })
            .collect();
        assert_eq!(answers[19], 200, "{path}: {answers:?}");
        assert_eq!(answers[20], 429, "{path}: {answers:?}");
    }
}

#[test]
fn only_the_configured_proxy_may_name_the_client() {
    let server = Server::start_with(|c| {
        c.env("ZAIRYU_SERVER_TRUSTED_PROXY", "127.0.0.1");
    });
    let forgot = |client: &str, n: u32| {
        server
            .post_from(
                "/api/forgot-user-id",
                None,
                json!({"email": format!("a{n}@example.jp")}),
                Some(client),
            )
            .0
    };
    for n in 0..20 {
        assert_eq!(forgot("198.51.100.7", n), 200);
    }
    assert_eq!(
        forgot("198.51.100.7", 20),
        429,
        "that client's budget is spent"
    );
    assert_eq!(
        forgot("198.51.100.8", 21),
        200,
        "another client behind the proxy has its own"
    );
}

#[test]
fn changing_the_address_needs_the_password_and_the_session_and_tells_the_old_address() {
    let server = Server::start();
    let lan = server.register("lan@example.jp");
    let other = server.register("other@example.jp");
    let token = server.session(&lan);
    let move_to = |password: Option<&str>| {
        let mut body = json!({"email": "thief@example.jp", "email_again": "thief@example.jp"});
        if let Some(p) = password {
            body["password"] = json!(p);
        }
        server.post("/api/me/email", Some(&token), body)
    };
    // A session left open on a shared PC is not enough.
    assert_eq!(move_to(None).0, 400);
    let wrong = move_to(Some(WRONG));
    assert_eq!((wrong.0, code(&wrong)), (401, "login_failed"));
    assert!(server.mail_to("thief@example.jp").is_empty());
    assert_eq!(move_to(Some(PASSWORD)).0, 200);
    let code_sent = code_in(&server.mail_to("thief@example.jp").pop().unwrap());
    // The code alone, or with another account's session, changes nothing.
    let alone = server.post("/api/me/email/confirm", None, json!({"token": code_sent}));
    assert_eq!((alone.0, code(&alone)), (401, "not_signed_in"));
    let others = server.session(&other);
    let theirs = server.post(
        "/api/me/email/confirm",
        Some(&others),
        json!({"token": code_sent}),
    );
    assert_eq!((theirs.0, code(&theirs)), (400, "link_invalid"));
    let mine = server.post(
        "/api/me/email/confirm",
        Some(&token),
        json!({"token": code_sent}),
    );
    assert_eq!(mine.0, 200, "{mine:?}");
    assert!(
        server
            .mail_to("lan@example.jp")
            .iter()
            .any(|m| m.contains("e-mail address of your Zairyu account was changed")),
        "the old address is told"
    );
}

#[test]
fn a_password_change_or_reset_ends_every_other_session() {
    let server = Server::start();
    let lan = server.register("lan@example.jp");
    let here = server.session(&lan);
    let stolen = server.session(&lan);
    let changed = server.post(
        "/api/me/password",
        Some(&here),
        json!({"current": PASSWORD, "new": "Zairyu#2027ok"}),
    );
    assert_eq!(changed.0, 200, "{changed:?}");
    assert_eq!(server.me(&stolen), 401, "the other session ended");
    assert_eq!(server.me(&here), 200, "the one that changed it stays");

    assert_eq!(
        server
            .post(
                "/api/forgot-password",
                None,
                json!({"user_id": lan, "email": "lan@example.jp"}),
            )
            .0,
        200
    );
    let reset = code_in(
        &server
            .mail_to("lan@example.jp")
            .into_iter()
            .rfind(|m| m.contains("set a new password (24 hours, once): "))
            .unwrap(),
    );
    let done = server.post(
        "/api/reset-password",
        None,
        json!({"token": reset, "password": "Zairyu#2028ok"}),
    );
    assert_eq!(done.0, 200, "{done:?}");
    assert_eq!(server.me(&here), 401, "a reset ends every session");
}

#[cfg(unix)]
#[test]
fn the_data_folder_is_readable_by_the_server_user_only() {
    use std::os::unix::fs::PermissionsExt;
    let server = Server::start();
    server.register("lan@example.jp");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&server.data), 0o700, "the data folder");
    for dir in ["attachments", "outbox"] {
        assert_eq!(mode(&server.data.join(dir)), 0o700, "{dir}");
    }
    let mut files = vec![server.data.join("zairyu.sqlite3")];
    files.extend(
        std::fs::read_dir(server.data.join("outbox"))
            .unwrap()
            .flatten()
            .map(|e| e.path()),
    );
    assert!(files.len() > 2, "{files:?}");
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}
