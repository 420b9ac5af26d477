//! Attacks on the server's resources over HTTP against a real `zairyu serve`: uploads that
//! are rejected or cut off leave no file behind, slow-loris connections are cut after the
//! header timeout and do not hold shutdown, SIGTERM stops the server with exit 0, a stalled
//! upload is cut while a slow steady one goes through, and the logs of a story carry no
//! personal data. Run: `cargo test --test attack_resources`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use reqwest::blocking::{multipart, Client};
use serde_json::{json, Value};
use zairyu_testkit::ServeProcess;

mod support;
use support::reception;

const NAME: &str = "NGUYEN THI LAN";
const EMAIL: &str = "lan.attack@example.jp";
const PASSWORD: &str = "Zairyu#2026ok";
const NEW_PASSWORD: &str = "Zairyu#2027new";

fn start(data: &Path, env: &[(&str, &str)]) -> ServeProcess {
    ServeProcess::start_with(env!("CARGO_BIN_EXE_zairyu"), data, |command| {
        command.env("ZAIRYU_PROFILE", "demo");
        for (key, value) in env {
            command.env(key, value);
        }
    })
}

fn outbox_text(data: &Path) -> String {
    std::fs::read_dir(data.join("outbox"))
        .map(|dir| {
            dir.flatten()
                .map(|e| zairyu_server::mail::eml_text(&std::fs::read_to_string(e.path()).unwrap()))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

fn code(resp: reqwest::blocking::Response) -> (u16, String) {
    let status = resp.status().as_u16();
    let body: Value = resp.json().unwrap_or(Value::Null);
    (status, body["code"].as_str().unwrap_or("").to_owned())
}

/// Registers through the e-mail link and signs in: (user id, session token, mail token).
/// Registers and signs in the test identity: (user ID, session, registration token).
fn register_and_sign_in(server: &ServeProcess, data: &Path) -> (String, String, String) {
    let http = Client::new();
    let (user_id, token) = reception::register(&http, &server.url, data, EMAIL, NAME, PASSWORD);
    let session = reception::sign_in(&http, &server.url, &user_id, PASSWORD);
    (user_id, session, token)
}

fn files_in(data: &Path) -> Vec<String> {
    std::fs::read_dir(data.join("attachments"))
        .map(|dir| {
            dir.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn metadata(procedure: &str) -> String {
    json!({
        "procedure_id": procedure, "submission_id": "attack-1", "signed_at": "2026-11-01T10:00:00Z",
        "form": {}, "certificate": "", "signature": "", "agreed_to_terms": true
    })
    .to_string()
}

/// A raw HTTP/1.1 multipart upload whose body is sent by `send_body`; answers the reply text.
fn raw_upload(
    server: &ServeProcess,
    session: &str,
    declared_len: usize,
    send_body: impl FnOnce(&mut TcpStream, &[u8]),
) -> String {
    let address = server.url.trim_start_matches("http://");
    let mut socket = TcpStream::connect(address).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let head = format!(
        "POST /api/applications HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {session}\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: {declared_len}\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).unwrap();
    let part = format!(
        "--XX\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{}\r\n--XX\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n",
        metadata("no-such-procedure")
    );
    send_body(&mut socket, part.as_bytes());
    let mut reply = String::new();
    let _ = socket.read_to_string(&mut reply);
    reply
}

#[test]
fn rejected_and_aborted_uploads_leave_no_file() {
    let data = tempfile::tempdir().unwrap();
    let server = start(data.path(), &[]);
    let (_, session, _) = register_and_sign_in(&server, data.path());
    let http = Client::new();

    // Rejected after the upload: the files are gone with the answer.
    let form = multipart::Form::new()
        .text("metadata", metadata("no-such-procedure"))
        .part(
            "photo",
            multipart::Part::bytes(vec![0xFF; 5000]).file_name("p.jpg"),
        )
        .part(
            "attachment",
            multipart::Part::bytes(b"%PDF-1.7 x".to_vec()).file_name("a.pdf"),
        );
    let answer = http
        .post(format!("{}/api/applications", server.url))
        .bearer_auth(&session)
        .multipart(form)
        .send()
        .unwrap();
    assert_eq!(code(answer), (400, "unknown_procedure".into()));
    assert_eq!(
        files_in(data.path()),
        Vec::<String>::new(),
        "a rejected submission left files"
    );

    // Aborted: half a file, then the connection drops.
    let address = server.url.trim_start_matches("http://").to_owned();
    let mut socket = TcpStream::connect(&address).unwrap();
    let head = format!(
        "POST /api/applications HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {session}\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 2000000\r\n\r\n--XX\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"a.pdf\"\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).unwrap();
    socket.write_all(&vec![b'x'; 500_000]).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    drop(socket);
    let until = Instant::now() + Duration::from_secs(5);
    while !files_in(data.path()).is_empty() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        files_in(data.path()),
        Vec::<String>::new(),
        "an aborted upload left files"
    );
}

#[test]
fn leftovers_of_a_crash_are_swept_at_start_up() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("attachments")).unwrap();
    std::fs::write(data.path().join("attachments/.upload-crashed"), b"half").unwrap();
    let _server = start(data.path(), &[]);
    assert_eq!(files_in(data.path()), Vec::<String>::new());
}

/// Opens a connection that sends its request line and then one header byte every 300 ms.
fn slow_loris(address: &str) -> std::thread::JoinHandle<Duration> {
    let mut socket = TcpStream::connect(address).unwrap();
    std::thread::spawn(move || {
        let started = Instant::now();
        let _ = socket.write_all(b"GET /api/procedures HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        while started.elapsed() < Duration::from_secs(20) {
            if socket.write_all(b"a").is_err() {
                break;
            }
            socket
                .set_read_timeout(Some(Duration::from_millis(300)))
                .unwrap();
            let mut buffer = [0u8; 512];
            match socket.read(&mut buffer) {
                Ok(_) => break, // closed (0) or answered (408)
                Err(e)
                    if e.kind() == std::io::ErrorKind::WouldBlock
                        || e.kind() == std::io::ErrorKind::TimedOut => {}
                Err(_) => break,
            }
        }
        started.elapsed()
    })
}

#[test]
fn slow_loris_is_cut_after_the_header_timeout_and_sigterm_stops_the_server() {
    let data = tempfile::tempdir().unwrap();
    let mut server = start(
        data.path(),
        &[("ZAIRYU_SERVER_HEADER_TIMEOUT_SECONDS", "2")],
    );
    let address = server.url.trim_start_matches("http://").to_owned();
    let clients: Vec<_> = (0..8).map(|_| slow_loris(&address)).collect();
    std::thread::sleep(Duration::from_millis(500));
    // The server still answers others meanwhile.
    let answer = Client::new()
        .get(format!("{}/api/procedures", server.url))
        .send()
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200);
    for client in clients {
        let held = client.join().unwrap();
        assert!(
            held < Duration::from_secs(6),
            "a slow-loris connection was held {held:?}"
        );
    }

    // SIGTERM while a slow-loris client holds a connection: a prompt, clean exit.
    let _holder = slow_loris(&address);
    std::thread::sleep(Duration::from_millis(500));
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &server.pid().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = server
        .wait_for_exit(Duration::from_secs(8))
        .expect("the server stopped after SIGTERM");
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn a_stalled_upload_is_cut_and_a_slow_steady_one_goes_through() {
    let data = tempfile::tempdir().unwrap();
    // Scaled down: 2 s without a byte, or under 20,000 B/s after 1 s, is too slow.
    let server = start(
        data.path(),
        &[
            ("ZAIRYU_SERVER_UPLOAD_IDLE_SECONDS", "2"),
            ("ZAIRYU_SERVER_UPLOAD_MIN_BYTES_PER_SECOND", "20000"),
            ("ZAIRYU_SERVER_UPLOAD_GRACE_SECONDS", "1"),
        ],
    );
    let (_, session, _) = register_and_sign_in(&server, data.path());

    let stalled = raw_upload(&server, &session, 1_000_000, |socket, head| {
        socket.write_all(head).unwrap();
        socket.write_all(&[b'x'; 10_000]).unwrap();
        // …and then nothing.
    });
    assert!(stalled.contains("upload_too_slow"), "{stalled}");

    // 200 kB at about 50 kB/s (4 s, longer than the idle limit in total): goes through to
    // the checks, which refuse the made-up procedure.
    let file = 200_000;
    let tail = b"\r\n--XX--\r\n";
    let head_len = {
        let part = format!(
            "--XX\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{}\r\n--XX\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n",
            metadata("no-such-procedure")
        );
        part.len()
    };
    let throttled = raw_upload(
        &server,
        &session,
        head_len + file + tail.len(),
        |socket, head| {
            socket.write_all(head).unwrap();
            for _ in 0..(file / 5_000) {
                socket.write_all(&[b'x'; 5_000]).unwrap();
                std::thread::sleep(Duration::from_millis(100));
            }
            socket.write_all(tail).unwrap();
        },
    );
    assert!(!throttled.contains("upload_too_slow"), "{throttled}");
    assert!(throttled.contains("unknown_procedure"), "{throttled}");
    assert_eq!(files_in(data.path()), Vec::<String>::new());
}

// The server's memory under a 25 MB submission it must decode is measured with a correctly
// signed one: tests/attack_signatures.rs `a_signed_25_mb_submission_is_decoded_within_256_mb`.

#[test]
fn the_logs_of_a_story_carry_no_personal_data() {
    let data = tempfile::tempdir().unwrap();
    let server = start(data.path(), &[("ZAIRYU_LOG", "debug")]);
    let (user_id, session, mail_token) = register_and_sign_in(&server, data.path());
    let http = Client::new();
    let url = |p: &str| format!("{}{p}", server.url);
    let _ = http
        .post(url("/api/login"))
        .json(&json!({"user_id": user_id, "password": "wrong-password-1"}))
        .send()
        .unwrap();
    let _ = http
        .get(url("/api/me"))
        .bearer_auth(&session)
        .send()
        .unwrap();
    let _ = http
        .get(url(&format!("/api/applications?keyword={}", EMAIL)))
        .bearer_auth(&session)
        .send()
        .unwrap();
    let _ = http
        .post(url("/api/forgot-password"))
        .json(&json!({"user_id": user_id, "email": EMAIL}))
        .send()
        .unwrap();
    let mail = outbox_text(data.path());
    let reset = mail
        .rsplit("token=")
        .next()
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("")
        .to_owned();
    let _ = http
        .post(url("/api/reset-password"))
        .json(&json!({"token": reset, "password": NEW_PASSWORD}))
        .send()
        .unwrap();
    let _ = http
        .post(url("/api/usage/challenge"))
        .bearer_auth(&session)
        .send()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));

    let log = server.log();
    assert!(log.contains("answered"), "no request log lines:\n{log}");
    assert!(log.contains("/api/login"), "the route is logged:\n{log}");
    for secret in [
        NAME,
        "NGUYEN",
        EMAIL,
        "example.jp",
        PASSWORD,
        NEW_PASSWORD,
        "wrong-password-1",
        "09012345678",
        &session,
        &mail_token,
    ] {
        assert!(
            !log.contains(secret),
            "{secret:?} is in the server log:\n{log}"
        );
    }
    if reset.len() > 4 {
        assert!(!log.contains(&reset), "the reset code is in the server log");
    }
}
