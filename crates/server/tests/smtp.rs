//! Mail over real SMTP: an aiosmtpd sink (PyPI; scripts/setup.sh installs it) receives the
//! registration e-mail the server sends when configured with `smtp = "HOST:PORT"`, in the
//! language the registration asked for (its subject decoded from the message as delivered).

use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use zairyu_server::clock::SystemClock;
use zairyu_server::config::{Mail, ServerConfig};
use zairyu_server::store::SqliteStore;
use zairyu_server::ReceptionOffice;

#[test]
fn the_registration_link_arrives_through_smtp() {
    let dir = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let maildir = dir.path().join("maildir");
    let mut sink = Command::new(zairyu_testkit::python_tools::python())
        .args([
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            &format!("127.0.0.1:{port}"),
            "-c",
            "aiosmtpd.handlers.Mailbox",
        ])
        .arg(&maildir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with aiosmtpd (scripts/setup.sh installs it)");
    let deadline = Instant::now() + Duration::from_secs(15);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the SMTP sink did not start: is aiosmtpd installed? (scripts/setup.sh installs it into .venv)");
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut config = ServerConfig::in_dir(dir.path().join("data"));
    config.mail = Mail::Smtp {
        host: "127.0.0.1".into(),
        port,
        tls: zairyu_server::config::SmtpTls::None,
        login: None,
    };
    let office = ReceptionOffice::with(
        &config,
        Arc::new(SqliteStore::in_memory()),
        Arc::new(SystemClock),
    )
    .unwrap();
    // Registered from an app speaking Vietnamese: the mail's subject is Vietnamese.
    office
        .register_in(
            "lan@example.jp",
            "lan@example.jp",
            Some(zairyu_messages::Language::Vi),
        )
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let (subject, text) = loop {
        let found: Vec<String> = std::fs::read_dir(maildir.join("new"))
            .map(|d| {
                d.flatten()
                    .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(mail) = found.into_iter().next() {
            break (
                zairyu_server::mail::eml_subject(&mail),
                zairyu_server::mail::eml_text(&mail),
            );
        }
        assert!(
            Instant::now() < deadline,
            "no message arrived at the SMTP sink"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    // STARTTLS is required when configured: a relay that does not offer it gets nothing.
    let required = zairyu_server::mail::Mailer::new(Mail::Smtp {
        host: "127.0.0.1".into(),
        port,
        tls: zairyu_server::config::SmtpTls::Starttls,
        login: None,
    })
    .unwrap();
    assert!(!required.send("lan@example.jp", "test", "not in clear"));
    let _ = sink.kill();
    let _ = sink.wait();
    assert!(text.contains("token="), "{text}");
    assert_eq!(subject, "Zairyu: xác nhận địa chỉ e-mail của bạn");
    assert!(text.contains("Hoặc dán mã này vào Zairyu"), "{text}");
    assert!(
        !dir.path()
            .join("data/outbox")
            .read_dir()
            .is_ok_and(|mut d| d.next().is_some()),
        "SMTP, not the outbox"
    );
}

/// The SMTP settings of a configuration file: encryption and login; a password is never sent
/// in clear and never shown.
#[test]
fn smtp_encryption_and_login_come_from_the_configuration() {
    use zairyu_server::config::{SmtpLogin, SmtpTls};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("server.toml");
    let load = |text: &str| {
        std::fs::write(&file, text).unwrap();
        ServerConfig::load(Some(&file), Some(dir.path().join("data")), None)
    };
    let config = load(
        "smtp = \"mail.example.jp:587\"\nsmtp_tls = \"starttls\"\nsmtp_user = \"zairyu\"\nsmtp_password = \"s3cret\"\n",
    )
    .unwrap();
    assert_eq!(
        config.mail,
        Mail::Smtp {
            host: "mail.example.jp".into(),
            port: 587,
            tls: SmtpTls::Starttls,
            login: Some(SmtpLogin {
                user: "zairyu".into(),
                password: "s3cret".into()
            }),
        }
    );
    assert!(!config.mail_description().contains("s3cret"));
    assert!(!format!("{:?}", config.mail).contains("s3cret"));
    assert!(matches!(
        load("smtp = \"mail.example.jp:465\"\nsmtp_tls = \"tls\"\n")
            .unwrap()
            .mail,
        Mail::Smtp {
            tls: SmtpTls::Tls,
            login: None,
            ..
        }
    ));
    assert!(matches!(
        load("smtp = \"127.0.0.1:25\"\n").unwrap().mail,
        Mail::Smtp {
            tls: SmtpTls::None,
            ..
        }
    ));
    assert!(
        load("smtp = \"127.0.0.1:25\"\nsmtp_user = \"u\"\nsmtp_password = \"p\"\n")
            .unwrap_err()
            .contains("never sent in clear")
    );
    assert!(load("smtp = \"a:1\"\nsmtp_tls = \"sometimes\"\n").is_err());
}
