//! The preparation half of the server soak (`scripts/soak-server.sh`); wrk and curl drive the
//! load itself. `prepare` makes the accounts in the server's database (through the reception
//! office, before the server starts), binds a virtual-card certificate of the demo CA to every
//! submitter (the usage application) and writes one signed 25 MB submission per submitter
//! (`OUT/sub-N/`: `metadata.json`, the photo and seven scan-style PDFs, `curl.args`);
//! `sign-in` signs every account in over HTTP, like users arriving, prints the latencies and
//! writes the session tokens (`OUT/tokens.txt`, one per account in `OUT/users.txt` order).
//!
//! Run: `cargo run --release --example soak_driver -- prepare|sign-in …` (the script does).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use clap::{Parser, Subcommand};
use serde_json::json;
use zairyu_card_sim::certs::{sign_with_auth_key, TestCertificate};
use zairyu_forms::signing::{sha256_hex, AttachmentDigest, SignedAction, SignedContent};
use zairyu_server::{ReceptionOffice, ServerConfig};

/// Every soak account's password (the manual's rule).
const PASSWORD: &str = "Soak#2026pass";
/// One submission's files together, just under the 25,000,000-byte limit.
const SUBMISSION_BYTES: usize = 24_900_000;
const ATTACHMENTS: [&str; 7] = [
    "receipt",
    "organization",
    "transcript",
    "enrollment",
    "list",
    "support",
    "funds",
];

#[derive(Debug, Parser)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Accounts, usage applications and signed submissions, straight into the database.
    Prepare {
        /// The server's data folder (its SQLite database, unless --postgres).
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        postgres: Option<String>,
        /// The server id the servers are configured with (what submissions sign).
        #[arg(long)]
        server_id: String,
        #[arg(long, default_value_t = 1000)]
        users: usize,
        /// One submitter per this many users.
        #[arg(long, default_value_t = 50)]
        per_submission: usize,
        /// Where users.txt and sub-N/ go.
        #[arg(long)]
        out: PathBuf,
    },
    /// Signs every account of OUT/users.txt in over HTTP; writes OUT/tokens.txt.
    SignIn {
        /// Server base URLs (accounts are spread over them in turn).
        #[arg(long, required = true)]
        url: Vec<String>,
        #[arg(long)]
        out: PathBuf,
        /// Sign-ins under way at once.
        #[arg(long, default_value_t = 16)]
        concurrency: usize,
    },
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn rfc3339(unix: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(unix).expect("a time");
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs() as i64
}

/// Width, height and components of a baseline or progressive JPEG (its SOF segment).
fn jpeg_size(jpeg: &[u8]) -> (u32, u32, u8) {
    let mut at = 2;
    while at + 9 < jpeg.len() {
        let marker = jpeg[at + 1];
        let len = u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]) as usize;
        if (0xC0..=0xC3).contains(&marker) {
            let h = u16::from_be_bytes([jpeg[at + 5], jpeg[at + 6]]);
            let w = u16::from_be_bytes([jpeg[at + 7], jpeg[at + 8]]);
            return (w.into(), h.into(), jpeg[at + 9]);
        }
        at += 2 + len;
    }
    panic!("no SOF segment in the photo");
}

/// A one-page scan-style PDF: `jpeg` full page, padded with an unused stream to `size` bytes.
fn scan_pdf(jpeg: &[u8], size: usize, tag: &str) -> Vec<u8> {
    use zairyu_testkit::corpus;
    let (w, h, components) = jpeg_size(jpeg);
    let space = if components == 1 {
        "/DeviceGray"
    } else {
        "/DeviceRGB"
    };
    let build = |padding: usize| {
        corpus::hand_pdf_with_page(
            "1.7",
            "",
            "/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R",
            &[
                corpus::stream(
                    &format!("/Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace {space} /BitsPerComponent 8 /Filter /DCTDecode"),
                    jpeg,
                ),
                corpus::stream("", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
                corpus::stream(&format!("/Scan ({tag})"), &vec![b'0'; padding]),
            ],
        )
    };
    let mut padding = 0;
    for _ in 0..3 {
        let len = build(padding).len();
        padding = (padding + size).saturating_sub(len);
    }
    build(padding)
}

fn prepare(
    data: PathBuf,
    postgres: Option<String>,
    server_id: String,
    users: usize,
    per_submission: usize,
    out: &Path,
) -> Result<(), String> {
    let mut config = ServerConfig::demo_in_dir(data);
    config.postgres = postgres;
    config.server_id = Some(server_id.clone());
    let office = ReceptionOffice::open(&config)?;
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let started = Instant::now();
    // Argon2 per account: spread over the cores.
    let ids = Mutex::new(vec![String::new(); users]);
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= users {
                    break;
                }
                let id = office
                    .create_account(
                        &format!("soak{i}@example.jp"),
                        "SOAK USER",
                        PASSWORD,
                        "applicant",
                        None,
                    )
                    .map_err(|e| e.to_string())
                    .expect("the account is made");
                ids.lock().unwrap()[i] = id;
            });
        }
    });
    let ids = ids.into_inner().unwrap();
    std::fs::write(out.join("users.txt"), ids.join("\n") + "\n").map_err(|e| e.to_string())?;
    eprintln!(
        "soak_driver: {users} accounts in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let photo =
        std::fs::read(zairyu_testkit::corpus::path("photo_good.jpg")).map_err(|e| e.to_string())?;
    let form: serde_json::Value = serde_json::from_str(include_str!(
        "../crates/forms/tests/fixtures/extension-complete.json"
    ))
    .map_err(|e| e.to_string())?;
    let pdf_size = (SUBMISSION_BYTES - photo.len()) / ATTACHMENTS.len();
    for (n, index) in (0..users).step_by(per_submission.max(1)).enumerate() {
        let user_id = &ids[index];
        let token = office
            .login(user_id, PASSWORD, "soak-driver")
            .map_err(|e| e.to_string())?;
        let user = office.session(&token).map_err(|e| e.to_string())?;
        let nonce = office.usage_challenge(&user).map_err(|e| e.to_string())?;
        let cert = TestCertificate::like_the_card(5000 + n as u32).issue();
        let message = [zairyu_forms::signing::USAGE_DOMAIN, nonce.as_bytes()].concat();
        office
            .usage_apply(
                &user,
                &nonce,
                &b64(&cert),
                &b64(&sign_with_auth_key(&message)),
                &json!({"name": "SOAK USER", "birth_date": "2003-04-15", "sex": "female",
                        "address": "大分県別府市", "residence_card_number": "AB12345678CD"}),
            )
            .map_err(|e| e.to_string())?;
        office.logout(&token).map_err(|e| e.to_string())?;
        let mut files = vec![("photo", "photo.jpg".to_owned(), photo.clone())];
        for name in ATTACHMENTS {
            files.push((
                "attachment",
                format!("{name}.pdf"),
                scan_pdf(&photo, pdf_size, &format!("{name} {n}")),
            ));
        }
        let signed_at = rfc3339(now());
        let submission_id = sha256_hex(format!("soak {n} {signed_at}").as_bytes())[..32].to_owned();
        let content = SignedContent {
            action: SignedAction::Submission,
            application_id: None,
            server_id: server_id.clone(),
            procedure_id: "extension-of-stay".into(),
            form: form.clone(),
            photo_sha256: Some(sha256_hex(&photo)),
            attachments: files[1..]
                .iter()
                .map(|f| AttachmentDigest {
                    name: f.1.clone(),
                    sha256: sha256_hex(&f.2),
                })
                .collect(),
            submission_id: submission_id.clone(),
            signed_at: signed_at.clone(),
            applicant: None,
        };
        let signature = sign_with_auth_key(&content.canonical_bytes());
        let metadata = json!({
            "procedure_id": "extension-of-stay", "submission_id": submission_id,
            "signed_at": signed_at, "form": form, "certificate": b64(&cert),
            "signature": b64(&signature), "agreed_to_terms": true,
            "action": "submission", "server_id": server_id,
            "files": files.iter().map(|(kind, name, bytes)| json!({"kind": kind, "name": name, "sha256": sha256_hex(bytes)})).collect::<Vec<_>>(),
        });
        let dir = out.join(format!("sub-{n}"));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("metadata.json"), metadata.to_string())
            .map_err(|e| e.to_string())?;
        let mut args = vec![format!(
            "-F\nmetadata=<{}",
            dir.join("metadata.json").display()
        )];
        for (kind, name, bytes) in &files {
            std::fs::write(dir.join(name), bytes).map_err(|e| e.to_string())?;
            args.push(format!("-F\n{kind}=@{}", dir.join(name).display()));
        }
        std::fs::write(dir.join("curl.args"), args.join("\n") + "\n").map_err(|e| e.to_string())?;
        std::fs::write(dir.join("user-index"), format!("{index}\n")).map_err(|e| e.to_string())?;
        let total: usize = files.iter().map(|f| f.2.len()).sum();
        assert!(total <= 25_000_000, "{total} bytes");
    }
    eprintln!(
        "soak_driver: prepared in {:.1} s ({} signed submissions of {SUBMISSION_BYTES} bytes at most)",
        started.elapsed().as_secs_f64(),
        users.div_ceil(per_submission.max(1))
    );
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[at].as_secs_f64() * 1000.0
}

fn sign_in(urls: &[String], out: &Path, concurrency: usize) -> Result<(), String> {
    let ids: Vec<String> = std::fs::read_to_string(out.join("users.txt"))
        .map_err(|e| e.to_string())?
        .lines()
        .map(str::to_owned)
        .collect();
    let tokens = Mutex::new(vec![String::new(); ids.len()]);
    let times = Mutex::new(Vec::with_capacity(ids.len()));
    let errors = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..concurrency.max(1) {
            s.spawn(|| {
                let http = reqwest::blocking::Client::builder()
                    .timeout(Duration::from_secs(30))
                    .build()
                    .expect("an HTTP client");
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= ids.len() {
                        break;
                    }
                    let url = &urls[i % urls.len()];
                    let began = Instant::now();
                    let answer = http
                        .post(format!("{url}/api/login"))
                        .json(&json!({"user_id": ids[i], "password": PASSWORD}))
                        .send()
                        .and_then(|r| r.error_for_status())
                        .and_then(|r| r.json::<serde_json::Value>());
                    let took = began.elapsed();
                    match answer {
                        Ok(body) => {
                            tokens.lock().unwrap()[i] =
                                body["token"].as_str().unwrap_or_default().to_owned();
                            times.lock().unwrap().push(took);
                        }
                        Err(e) => errors.lock().unwrap().push(e.to_string()),
                    }
                }
            });
        }
    });
    let mut times = times.into_inner().unwrap();
    times.sort();
    let errors = errors.into_inner().unwrap();
    println!(
        "sign-in: {} accounts in {:.1} s, {} at once: {} ok, {} errors; latency p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        ids.len(),
        started.elapsed().as_secs_f64(),
        concurrency,
        times.len(),
        errors.len(),
        percentile(&times, 0.50),
        percentile(&times, 0.99),
        percentile(&times, 1.0)
    );
    if let Some(first) = errors.first() {
        println!("sign-in: first error: {first}");
    }
    let tokens = tokens.into_inner().unwrap();
    std::fs::write(out.join("tokens.txt"), tokens.join("\n") + "\n").map_err(|e| e.to_string())?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{} sign-ins failed", errors.len()))
    }
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let done = match args.command {
        Command::Prepare {
            data,
            postgres,
            server_id,
            users,
            per_submission,
            out,
        } => prepare(data, postgres, server_id, users, per_submission, &out),
        Command::SignIn {
            url,
            out,
            concurrency,
        } => sign_in(&url, &out, concurrency),
    };
    match done {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("soak_driver: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
