//! Attacks on the trust in card signatures, over HTTP against real `zairyu serve` children:
//! a default server trusting the demo CA (whose key is in the repository), a captured signed
//! submission replayed as another action, for another application or on another server, an old
//! `signed_at`, certificates without digitalSignature, expired by seconds or revoked (minted by
//! the demo CA with `zairyu_card_sim::certs`), one certificate bound to a second account, an
//! extra unsigned file, and a resubmission sent twice. `ZAIRYU_ATTACK_SERVER` runs the same attacks against another build of `zairyu`
//! (e.g. one from before the fixes).

use std::process::Command;

use base64::Engine;
use reqwest::blocking::{multipart, Client};
use serde_json::{json, Value};
use zairyu_card_sim::certs::{demo_crl, sign_with_auth_key, CardKeys, TestCertificate};
use zairyu_forms::signing::{sha256_hex, AttachmentDigest, SignedAction, SignedContent};
use zairyu_testkit::{corpus, ServeProcess};

mod support;
use support::reception;

const PASSWORD: &str = "Zairyu#2026ok";

fn program() -> String {
    std::env::var("ZAIRYU_ATTACK_SERVER").unwrap_or_else(|_| env!("CARGO_BIN_EXE_zairyu").into())
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A server with its own data folder, started with `env` (no profile when empty).
struct Server {
    process: ServeProcess,
    data: tempfile::TempDir,
    http: Client,
}

impl Server {
    fn start(env: &[(&str, &str)]) -> Server {
        let data = tempfile::tempdir().unwrap();
        let process = ServeProcess::start_with(program(), data.path(), |command| {
            command
                .env_remove("ZAIRYU_PROFILE")
                .env_remove("ZAIRYU_SERVER_PROFILE")
                .env_remove("ZAIRYU_CRL")
                .env_remove("ZAIRYU_SERVER_CRL");
            for (k, v) in env {
                command.env(k, v);
            }
        });
        Server {
            process,
            data,
            http: Client::new(),
        }
    }

    fn demo() -> Server {
        Server::start(&[("ZAIRYU_PROFILE", "demo")])
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.process.url)
    }

    fn health(&self) -> Value {
        self.http
            .get(self.url("/api/health"))
            .send()
            .unwrap()
            .json()
            .unwrap_or(Value::Null)
    }

    fn server_id(&self) -> String {
        self.health()["server_id"]
            .as_str()
            .unwrap_or("no-health")
            .to_owned()
    }

    fn post(&self, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
        let mut request = self.http.post(self.url(path)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().unwrap();
        let status = response.status().as_u16();
        (status, response.json().unwrap_or(Value::Null))
    }

    /// Registers through the outbox and signs in: the session token.
    fn account(&self, email: &str) -> String {
        let base = &self.process.url;
        let (user_id, _) = reception::register(
            &self.http,
            base,
            self.data.path(),
            email,
            "NGUYEN THI LAN",
            PASSWORD,
        );
        reception::sign_in(&self.http, base, &user_id, PASSWORD)
    }

    /// The usage application signed with the virtual card's authentication key under `cert`.
    fn usage(&self, session: &str, cert: &[u8]) -> (u16, String) {
        let (_, challenge) = self.post("/api/usage/challenge", Some(session), json!({}));
        let nonce = challenge["nonce"].as_str().expect("a nonce").to_owned();
        let message = [zairyu_forms::signing::USAGE_DOMAIN, nonce.as_bytes()].concat();
        let (status, body) = self.post(
            "/api/usage",
            Some(session),
            json!({"nonce": nonce, "certificate": b64(cert), "signature": b64(&sign_with_auth_key(&message)),
                   "info": {"name": "NGUYEN THI LAN", "birth_date": "2003-04-15", "sex": "female",
                            "address": "大分県別府市", "residence_card_number": "AB12345678CD"}}),
        );
        (status, body["code"].as_str().unwrap_or("").to_owned())
    }

    /// Sends a submission (or a resubmission of `resubmit_of`): status, code, answer.
    fn send(
        &self,
        session: &str,
        sub: &Submission,
        resubmit_of: Option<i64>,
    ) -> (u16, String, Value) {
        let mut form =
            multipart::Form::new().text("metadata", serde_json::to_string(&sub.metadata).unwrap());
        for (kind, name, bytes) in &sub.files {
            form = form.part(
                kind.clone(),
                multipart::Part::bytes(bytes.clone()).file_name(name.clone()),
            );
        }
        let path = match resubmit_of {
            Some(id) => format!("/api/applications/{id}/resubmit"),
            None => "/api/applications".into(),
        };
        let response = self
            .http
            .post(self.url(&path))
            .bearer_auth(session)
            .multipart(form)
            .send()
            .unwrap();
        let status = response.status().as_u16();
        let body: Value = response.json().unwrap_or(Value::Null);
        (status, body["code"].as_str().unwrap_or("").to_owned(), body)
    }

    fn examiner(&self, args: &[&str]) -> String {
        let d = self.data.path().to_str().unwrap();
        let mut all: Vec<&str> = vec!["examiner"];
        all.extend(args);
        all.extend(["--data", d]);
        let out = Command::new(program())
            .args(&all)
            .stdin(std::process::Stdio::piped())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }

    /// Puts an application In Return Process, as an examiner would.
    fn return_for_revision(&self, id: i64) {
        let d = self.data.path().to_str().unwrap();
        let out = zairyu_testkit::run(
            program(),
            [
                "examiner",
                "create",
                "--email",
                "ex@immi.example.jp",
                "--name",
                "EXAMINER ONE",
                "--data",
                d,
            ],
            Some("Examiner#2026\n"),
        );
        let examiner = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        assert!(
            examiner.starts_with("EX"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let id = id.to_string();
        self.examiner(&["set-status", &id, "under_review", "--as", &examiner]);
        self.examiner(&[
            "request-revision",
            &id,
            "--message",
            "Attach this term's transcript.",
            "--as",
            &examiner,
        ]);
    }
}

/// A signed submission as it travels: the metadata part and the files.
#[derive(Clone)]
struct Submission {
    metadata: Value,
    files: Vec<(String, String, Vec<u8>)>,
}

/// A photo and the seven PDFs an extension of stay needs; `salt` makes them distinct files.
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

/// Signs an extension of stay with the virtual card's authentication key under `cert`.
fn sign(
    cert: &[u8],
    server_id: &str,
    action: SignedAction,
    application_id: Option<i64>,
    signed_at: i64,
    files: Vec<(String, String, Vec<u8>)>,
) -> Submission {
    let form: Value = serde_json::from_str(include_str!(
        "../crates/forms/tests/fixtures/extension-complete.json"
    ))
    .unwrap();
    let submission_id = sha256_hex(
        format!(
            "{action:?}{application_id:?}{signed_at}{}",
            sha256_hex(&files[1].2)
        )
        .as_bytes(),
    )[..32]
        .to_owned();
    let content = SignedContent {
        action,
        application_id,
        server_id: server_id.to_owned(),
        procedure_id: "extension-of-stay".into(),
        form: form.clone(),
        photo_sha256: files
            .iter()
            .find(|f| f.0 == "photo")
            .map(|f| sha256_hex(&f.2)),
        attachments: files
            .iter()
            .filter(|f| f.0 != "photo")
            .map(|f| AttachmentDigest {
                name: f.1.clone(),
                sha256: sha256_hex(&f.2),
            })
            .collect(),
        submission_id: submission_id.clone(),
        signed_at: support::organisation::rfc3339(signed_at),
        applicant: None,
    };
    let signature = sign_with_auth_key(&content.canonical_bytes());
    Submission {
        metadata: json!({
            "procedure_id": "extension-of-stay", "submission_id": submission_id,
            "signed_at": content.signed_at, "form": form, "certificate": b64(cert),
            "signature": b64(&signature), "agreed_to_terms": true,
            "action": action.as_str(), "application_id": application_id, "server_id": server_id,
            "files": files.iter().map(|(kind, name, bytes)| json!({"kind": kind, "name": name, "sha256": sha256_hex(bytes)})).collect::<Vec<_>>(),
        }),
        files,
    }
}

/// The same request without what it declares about its purpose (an attacker leaves it out).
fn undeclared(sub: &Submission) -> Submission {
    let mut sub = sub.clone();
    let meta = sub.metadata.as_object_mut().unwrap();
    meta.remove("action");
    meta.remove("application_id");
    meta.remove("server_id");
    sub
}

fn card_cert() -> Vec<u8> {
    CardKeys::issue(&zairyu_card_sim::Identity::default()).auth_cert
}

#[test]
fn a_default_server_trusts_no_demo_card_and_demo_is_chosen_by_name() {
    let cert = card_cert();
    // No profile given: production.
    let server = Server::start(&[]);
    let health = server.health();
    assert_eq!(health["profile"], "production", "{health}");
    assert_eq!(health["demo_ca_trusted"], false, "{health}");
    let session = server.account("lan@example.jp");
    assert_eq!(
        server.usage(&session, &cert),
        (422, "untrusted_certificate".into()),
        "a usage application signed by the demo-CA virtual card"
    );
    let filing = sign(
        &cert,
        &server.server_id(),
        SignedAction::Submission,
        None,
        now(),
        files("default"),
    );
    let (status, code, _) = server.send(&session, &filing, None);
    assert_eq!(
        (status, code.as_str()),
        (422, "untrusted_certificate"),
        "a filing signed by it"
    );

    // Asked for by name: the demo CA is trusted, and the server says so.
    let demo = Server::demo();
    let health = demo.health();
    assert_eq!(health["profile"], "demo", "{health}");
    assert_eq!(health["demo_ca_trusted"], true, "{health}");
    let session = demo.account("lan@example.jp");
    assert_eq!(demo.usage(&session, &cert), (200, String::new()));
    let filing = sign(
        &cert,
        &demo.server_id(),
        SignedAction::Submission,
        None,
        now(),
        files("demo"),
    );
    let (status, code, _) = demo.send(&session, &filing, None);
    assert_eq!((status, code.as_str()), (200, ""));
}

#[test]
fn a_captured_signature_is_not_replayed_elsewhere_nor_accepted_late() {
    let cert = card_cert();
    let a = Server::demo();
    let b = Server::demo();
    let (a_id, b_id) = (a.server_id(), b.server_id());
    assert_ne!(a_id, b_id, "two servers, two identities");
    let session = a.account("lan@example.jp");
    assert_eq!(a.usage(&session, &cert).0, 200);
    let first = sign(
        &cert,
        &a_id,
        SignedAction::Submission,
        None,
        now(),
        files("first"),
    );
    let (status, code, filed) = a.send(&session, &first, None);
    assert_eq!((status, code.as_str()), (200, ""), "{filed}");
    let first_id = filed["id"].as_i64().unwrap();
    // The stored files are the server user's only (0600 in a 0700 folder).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let stored: Vec<_> = std::fs::read_dir(a.data.path().join("attachments"))
            .unwrap()
            .flatten()
            .collect();
        assert_eq!(stored.len(), 8, "a photo and seven PDFs");
        for file in stored {
            let mode = file.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", file.path().display());
        }
    }
    let second = sign(
        &cert,
        &a_id,
        SignedAction::Submission,
        None,
        now(),
        files("second"),
    );
    let (_, _, filed) = a.send(&session, &second, None);
    let second_id = filed["id"].as_i64().unwrap();
    a.return_for_revision(second_id);

    // The captured first submission sent as a resubmission of the second application.
    for replay in [first.clone(), undeclared(&first)] {
        let (status, code, _) = a.send(&session, &replay, Some(second_id));
        assert_eq!(status, 422, "replayed as a resubmission: {code}");
        assert!(
            matches!(code.as_str(), "signed_for_another_action" | "bad_signature"),
            "{code}"
        );
    }
    // A resubmission signed for the first application, sent for the second.
    let for_first = sign(
        &cert,
        &a_id,
        SignedAction::Resubmission,
        Some(first_id),
        now(),
        files("second"),
    );
    let (_, code, _) = a.send(&session, &for_first, Some(second_id));
    assert_eq!(code, "signed_for_another_application");
    let (_, code, _) = a.send(&session, &undeclared(&for_first), Some(second_id));
    assert_eq!(code, "bad_signature");

    // The same card's holder on another server: the submission signed for A is refused there.
    let session_b = b.account("lan@example.jp");
    assert_eq!(b.usage(&session_b, &cert).0, 200);
    let (status, code, _) = b.send(&session_b, &first, None);
    assert_eq!((status, code.as_str()), (422, "signed_for_another_server"));
    let (_, code, _) = b.send(&session_b, &undeclared(&first), None);
    assert_eq!(code, "bad_signature");

    // Signed three days and a minute ago (older than any outbox wait), or half an hour ahead.
    for (signed_at, name) in [(now() - 72 * 3600 - 60, "late"), (now() + 1800, "early")] {
        let odd = sign(
            &cert,
            &a_id,
            SignedAction::Submission,
            None,
            signed_at,
            files(name),
        );
        let (status, code, _) = a.send(&session, &odd, None);
        assert_eq!(
            (status, code.as_str()),
            (422, "signed_at_out_of_window"),
            "{name}"
        );
    }

    // A resubmission sent twice (the first answer was lost): the first outcome both times.
    let resubmission = sign(
        &cert,
        &a_id,
        SignedAction::Resubmission,
        Some(second_id),
        now(),
        files("revised"),
    );
    let (status, code, once) = a.send(&session, &resubmission, Some(second_id));
    assert_eq!((status, code.as_str()), (200, ""), "{once}");
    let (status, code, twice) = a.send(&session, &resubmission, Some(second_id));
    assert_eq!((status, code.as_str()), (200, ""), "a retry: {twice}");
    assert_eq!(twice["id"], once["id"]);
    assert_eq!(
        twice["versions"].as_array().map(Vec::len),
        Some(2),
        "{twice}"
    );
}

#[test]
fn an_extra_unsigned_file_is_refused() {
    let cert = card_cert();
    let server = Server::demo();
    let session = server.account("lan@example.jp");
    assert_eq!(server.usage(&session, &cert).0, 200);
    let signed = sign(
        &cert,
        &server.server_id(),
        SignedAction::Submission,
        None,
        now(),
        files("signed"),
    );
    // A second photo part, which no signature covers.
    let mut extra = signed.clone();
    let mut other_photo = extra.files[0].clone();
    other_photo.1 = "other.jpg".into();
    other_photo.2.extend(b"\xff\xd9");
    extra.files.push(other_photo);
    let (status, code, _) = server.send(&session, &extra, None);
    assert_eq!((status, code.as_str()), (422, "unsigned_file"));
    // An extra attachment.
    let mut extra = signed.clone();
    let mut pdf = extra.files[1].clone();
    pdf.1 = "unsigned.pdf".into();
    pdf.2.extend(b"% unsigned\n");
    extra.files.push(pdf);
    let (status, code, _) = server.send(&session, &extra, None);
    assert_eq!((status, code.as_str()), (422, "unsigned_file"));
    let (status, code, _) = server.send(&session, &signed, None);
    assert_eq!((status, code.as_str()), (200, ""));
}

#[test]
fn flawed_and_revoked_certificates_are_refused() {
    let t = now();
    let crl_dir = tempfile::tempdir().unwrap();
    let crl = crl_dir.path().join("demo.crl");
    std::fs::write(&crl, demo_crl(&[77], (t - 60) as u64, (t + 86_400) as u64)).unwrap();
    let server = Server::start(&[
        ("ZAIRYU_PROFILE", "demo"),
        ("ZAIRYU_CRL", crl.to_str().unwrap()),
    ]);
    assert_eq!(server.health()["crls_loaded"], 1);
    let no_signatures = TestCertificate {
        digital_signature: false,
        ..TestCertificate::like_the_card(70)
    }
    .issue();
    let expired = TestCertificate {
        not_after_unix: (now() - 5) as u64,
        ..TestCertificate::like_the_card(71)
    }
    .issue();
    let revoked = TestCertificate::like_the_card(77).issue();
    let good = TestCertificate::like_the_card(78).issue();
    for (email, cert, expected) in [
        ("a@example.jp", &no_signatures, "certificate_key_usage"),
        ("b@example.jp", &expired, "certificate_expired"),
        ("c@example.jp", &revoked, "certificate_revoked"),
    ] {
        let session = server.account(email);
        assert_eq!(
            server.usage(&session, cert),
            (422, expected.to_owned()),
            "{email}"
        );
    }
    let session = server.account("d@example.jp");
    assert_eq!(server.usage(&session, &good), (200, String::new()));
    // One card certificate, one account.
    let other = server.account("e@example.jp");
    assert_eq!(
        server.usage(&other, &good),
        (409, "certificate_in_use".into())
    );
}

/// Resources, with a submission the server must decode: correctly signed by a bound card, so
/// every check before decoding passes, then the largest photo allowed (25 MP), a PDF whose
/// object streams inflate past the cap, and four 6 MB scans — 25 MB in all. The server refuses
/// it for its content and its peak memory stays under 256 MB.
#[test]
fn a_signed_25_mb_submission_is_decoded_within_256_mb() {
    let cert = card_cert();
    let a = Server::demo();
    let session = a.account("lan@example.jp");
    assert_eq!(a.usage(&session, &cert).0, 200);
    let mut heavy = vec![(
        "photo".to_owned(),
        "photo.jpg".to_owned(),
        std::fs::read(corpus::path("photo_pixel_bomb_at_limit.jpg")).unwrap(),
    )];
    heavy.push((
        "attachment".into(),
        "bomb.pdf".into(),
        std::fs::read(corpus::path("pdf_objstm_bomb.pdf")).unwrap(),
    ));
    for i in 0..4u8 {
        let scan = corpus::hand_pdf("1.7", "", &[corpus::stream("", &vec![b'0' + i; 6_000_000])]);
        heavy.push(("attachment".into(), format!("scan{i}.pdf"), scan));
    }
    let total: usize = heavy.iter().map(|f| f.2.len()).sum();
    assert!(total > 24_000_000 && total <= 25_000_000, "{total} bytes");
    let sub = sign(
        &cert,
        &a.server_id(),
        SignedAction::Submission,
        None,
        now(),
        heavy,
    );
    let (status, code, body) = a.send(&session, &sub, None);
    assert_ne!(status, 200, "{body}");
    // Refused for what the files contain, so the signature checks were passed and the files
    // were decoded.
    assert!(
        ![
            "bad_signature",
            "unsigned_file",
            "signed_file_missing",
            "signed_at_out_of_window",
            "untrusted_certificate",
            "too_large",
        ]
        .contains(&code.as_str())
            && !code.starts_with("signed_for_"),
        "{status} {code} {body}"
    );
    let peak = a
        .process
        .peak_memory_kb()
        .expect("the server's /proc status");
    eprintln!("peak RSS of zairyu serve after a signed 25 MB submission: {peak} kB ({code})");
    assert!(peak < 256 * 1024, "the server peaked at {peak} kB");
}
