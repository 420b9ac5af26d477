//! Schemathesis (PyPI; scripts/setup.sh installs it) generates requests from `/openapi.json`
//! for a bounded time, signed out and signed in as an examiner: no request may get a server
//! error.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

#[test]
fn generated_requests_never_get_a_server_error() {
    let data = tempfile::tempdir().unwrap();
    let zairyu = env!("CARGO_BIN_EXE_zairyu");
    let mut create = Command::new(zairyu)
        .args([
            "examiner",
            "create",
            "--email",
            "ex@immi.example.jp",
            "--name",
            "EXAMINER ONE",
            "--data",
        ])
        .arg(data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    create
        .stdin
        .take()
        .unwrap()
        .write_all(b"Examiner#2026\n")
        .unwrap();
    let out = create.wait_with_output().unwrap();
    let examiner = String::from_utf8(out.stdout).unwrap().trim().to_owned();

    let mut server = Command::new(zairyu)
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .trim_end_matches(',')
        .to_owned();
    let login: serde_json::Value = reqwest::blocking::Client::new()
        .post(format!("{url}/api/login"))
        .json(&serde_json::json!({"user_id": examiner, "password": "Examiner#2026"}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let token = login["token"].as_str().unwrap().to_owned();

    for auth in [None, Some(format!("Authorization: Bearer {token}"))] {
        let mut cmd = Command::new("timeout");
        cmd.args([
            "300",
            "st",
            "run",
            &format!("{url}/openapi.json"),
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "10",
        ]);
        if let Some(header) = &auth {
            cmd.args(["-H", header]);
        }
        let out = cmd
            .output()
            .expect("schemathesis (`st`; pip install -r scripts/python-requirements.txt)");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "schemathesis found failures (signed in: {}):\n{text}",
            auth.is_some()
        );
        assert!(text.contains("passed"), "{text}");
    }
    let _ = server.kill();
    let _ = server.wait();
}
