//! Schemathesis (PyPI; scripts/setup.sh installs it) generates requests from `/openapi.json`
//! for a bounded time, signed out and signed in as an examiner: no request may get a server
//! error.

use std::process::Command;

use zairyu_testkit::ServeProcess;

#[test]
fn generated_requests_never_get_a_server_error() {
    let data = tempfile::tempdir().unwrap();
    let zairyu = env!("CARGO_BIN_EXE_zairyu");
    let data_dir = data.path().to_str().unwrap();
    let create = zairyu_testkit::run_ok(
        zairyu,
        [
            "examiner",
            "create",
            "--email",
            "ex@immi.example.jp",
            "--name",
            "EXAMINER ONE",
            "--data",
            data_dir,
        ],
        Some("Examiner#2026\n"),
    );
    let examiner = create.trim().to_owned();

    let server = ServeProcess::start(zairyu, data.path());
    let url = &server.url;
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
            zairyu_testkit::python_tools::tool("st").to_str().unwrap(),
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
            .expect("schemathesis (`st`; scripts/setup.sh installs it into .venv)");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "schemathesis found failures (signed in: {}):\n{text}",
            auth.is_some()
        );
        assert!(text.contains("passed"), "{text}");
    }
    drop(server);
}
