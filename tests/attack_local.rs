//! Attacks on the local surface: another web page driving `zairyu ui-serve` (a request without
//! the per-run token, a foreign `Origin`, DNS rebinding through `Host: attacker.example:PORT`, a
//! `text/plain` body a browser sends cross-origin without asking). Each tries to point sign-ins
//! at the attacker's server (`set_server`); each is refused with its code and the setting stays,
//! while the page ui-serve served (its printed address and token) works.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, Stdio};

/// A `zairyu ui-serve` child on a free port, with the address and token it printed.
struct UiServe {
    child: Child,
    _printed: BufReader<ChildStdout>,
    port: u16,
    token: String,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

impl UiServe {
    fn start() -> UiServe {
        let data = tempfile::tempdir().unwrap();
        let ui = tempfile::tempdir().unwrap();
        std::fs::write(
            ui.path().join("index.html"),
            "<!doctype html><title>z</title>",
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_zairyu"))
            .args([
                "ui-serve",
                "--profile",
                "production",
                "--listen",
                "127.0.0.1:0",
            ])
            .arg("--ui")
            .arg(ui.path())
            .arg("--data")
            .arg(data.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut printed = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        printed.read_line(&mut line).unwrap();
        let url = line.trim();
        let rest = url
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("ui-serve printed {url:?}"));
        let (port, token) = rest.split_once("/?token=").expect("a token in the address");
        UiServe {
            child,
            _printed: printed,
            port: port.parse().unwrap(),
            token: token.to_string(),
            _dirs: (data, ui),
        }
    }

    /// Sends `POST /invoke/<command>` with exactly these headers (Host included) and body;
    /// answers the status and the body.
    fn post(&self, command: &str, headers: &[(&str, String)], body: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let mut request = format!("POST /invoke/{command} HTTP/1.1\r\n");
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ));
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let status = answer
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = answer
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// The headers the served page sends.
    fn legit(&self) -> Headers {
        vec![
            ("Host", format!("127.0.0.1:{}", self.port)),
            ("Origin", format!("http://127.0.0.1:{}", self.port)),
            ("X-Zairyu-Token", self.token.clone()),
            ("Content-Type", "application/json".into()),
        ]
    }

    fn legit_with(&self, name: &'static str, value: Option<String>) -> Vec<(&'static str, String)> {
        let mut headers = self.legit();
        headers.retain(|(n, _)| *n != name);
        if let Some(value) = value {
            headers.push((name, value));
        }
        headers
    }

    fn server_url(&self) -> serde_json::Value {
        let (status, body) = self.post("get_settings", &self.legit(), "{}");
        assert_eq!(status, 200, "{body}");
        serde_json::from_str::<serde_json::Value>(&body).unwrap()["server_url"].clone()
    }
}

impl Drop for UiServe {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Request headers as sent, in order.
type Headers = Vec<(&'static str, String)>;

const EVIL: &str = r#"{"url":"https://reception.attacker.example"}"#;

fn code_of(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body).unwrap_or_default()["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn another_web_page_cannot_drive_ui_serve() {
    let ui = UiServe::start();
    let port = ui.port;
    let attacks: Vec<(&str, Headers, &str)> = vec![
        // (a) a page that does not know the token.
        (
            "no token",
            ui.legit_with("X-Zairyu-Token", None),
            "ui_token_missing",
        ),
        (
            "a guessed token",
            ui.legit_with("X-Zairyu-Token", Some("0".repeat(64))),
            "ui_token_wrong",
        ),
        // (b) a foreign page (even if it had learnt the token).
        (
            "foreign origin",
            ui.legit_with("Origin", Some("https://attacker.example".into())),
            "ui_origin_refused",
        ),
        // (c) DNS rebinding: attacker.example now resolves to 127.0.0.1, so the page is
        // same-origin with itself and its requests carry Host: attacker.example:PORT.
        (
            "dns rebinding",
            vec![
                ("Host", format!("attacker.example:{port}")),
                ("Origin", format!("http://attacker.example:{port}")),
                ("X-Zairyu-Token", ui.token.clone()),
                ("Content-Type", "application/json".into()),
            ],
            "ui_host_refused",
        ),
        // (d) a "simple" cross-origin request: text/plain needs no preflight.
        (
            "text/plain body",
            ui.legit_with("Content-Type", Some("text/plain;charset=UTF-8".into())),
            "ui_content_type",
        ),
    ];
    for (name, headers, expected) in attacks {
        let (status, body) = ui.post("set_server", &headers, EVIL);
        assert!(
            status == 403 || status == 415,
            "{name}: answered {status} {body}"
        );
        assert_eq!(code_of(&body), expected, "{name}: {body}");
        assert_eq!(
            ui.server_url(),
            serde_json::Value::Null,
            "{name} changed the server"
        );
    }
    // Files are not served to a rebound name either.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /index.html HTTP/1.1\r\nHost: attacker.example:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");

    // The page ui-serve served does it.
    let (status, body) = ui.post("set_server", &ui.legit(), EVIL);
    assert_eq!(status, 200, "{body}");
    assert_eq!(ui.server_url(), "https://reception.attacker.example");
}
