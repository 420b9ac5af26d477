//! A stand-in reception server with a slow uplink, for the upload tests of the app layer and
//! of the real window: it signs in any account, reads each request's body at a set number of
//! bytes a second (or stops reading part way, holding the connection), then files it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

/// Starts the server on a free loopback port and answers its address. `rate` is the bytes a
/// second it reads; with `stop_after`, it stops reading after that many bytes of a body and
/// keeps the connection open without a word (a stalled uplink). It answers `POST /api/login`
/// with a token, `GET /api/me` with a student who has done the usage application,
/// `GET /api/applications` with an empty list, and anything else by filing an application
/// `ZR-SLOW` under `submission_id` (201).
pub fn start(rate: usize, stop_after: Option<usize>, submission_id: &str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    let url = format!("http://{}", listener.local_addr().expect("its address"));
    let filed = format!(
        r#"{{"id": 1, "reference_number": "ZR-SLOW", "temporary_reception_number": "T1", "procedure_id": "extension-of-stay", "submission_id": "{submission_id}", "status": "pending", "created_at": 0, "updated_at": 0}}"#
    );
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let filed = filed.clone();
            std::thread::spawn(move || answer(stream, rate, stop_after, &filed));
        }
    });
    url
}

/// Reads one request at `rate` and answers it (see [`start`]).
fn answer(stream: std::net::TcpStream, rate: usize, stop_after: Option<usize>, filed: &str) {
    let mut reader = BufReader::with_capacity(16384, stream);
    let (mut request, mut length) = (String::new(), 0usize);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if request.is_empty() {
            request = line.clone();
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let (started, mut read, mut buf) = (Instant::now(), 0, vec![0; 16384]);
    while read < length {
        if stop_after.is_some_and(|stop| read >= stop) {
            // Holds the connection without reading: nothing moves any more.
            std::thread::sleep(Duration::from_secs(30));
            return;
        }
        match reader.read(&mut buf[..(length - read).min(16384)]) {
            Ok(0) | Err(_) => return,
            Ok(n) => read += n,
        }
        // Keeps to `rate`: sleeps until the bytes read so far are due.
        let due = Duration::from_secs_f64(read as f64 / rate as f64);
        if let Some(wait) = due.checked_sub(started.elapsed()) {
            std::thread::sleep(wait);
        }
    }
    let (status, body) = if request.starts_with("POST /api/login") {
        ("200 OK", r#"{"token": "tok-ZRA"}"#)
    } else if request.starts_with("GET /api/me") {
        (
            "200 OK",
            r#"{"user_id": "ZRA", "email": "s@example.jp", "user_type": "foreign_national", "name_en": "S", "telephone": "0", "role": "applicant", "usage_application_done": true}"#,
        )
    } else if request.starts_with("GET /api/applications") {
        ("200 OK", "[]")
    } else {
        ("201 Created", filed)
    };
    let mut stream = reader.into_inner();
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}
