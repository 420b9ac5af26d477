//! One conformance suite for every `Store`: SQLite in memory, and PostgreSQL in a throwaway
//! cluster (Debian's postgresql package; initdb + pg_ctl as a non-root user on a private port),
//! including two connections — two server processes — sharing the database.

use std::path::{Path, PathBuf};
use std::process::Command;

use zairyu_server::postgres_store::PostgresStore;
use zairyu_server::store::{
    ApplicationRow, OrganisationRow, SqliteStore, Store, UserRow, VersionRow,
};

fn user(id: &str, email: &str) -> UserRow {
    UserRow {
        id: id.into(),
        email: email.into(),
        user_type: "foreign_national".into(),
        name_en: "LE VAN AN".into(),
        telephone: "09012345678".into(),
        password_hash: "$argon2id$placeholder".into(),
        role: "applicant".into(),
        organisation: None,
        cert_fingerprint: None,
        usage: None,
    }
}

fn application(user: &str, submission: &str, n: u32) -> ApplicationRow {
    ApplicationRow {
        id: 0,
        reference_number: format!("ZR-2026-{n:08}"),
        temporary_reception_number: format!("東オソ認T{n:08}"),
        user_id: user.into(),
        submitter_id: user.into(),
        procedure_id: "extension-of-stay".into(),
        submission_id: submission.into(),
        status: "application_completed".into(),
        revision_request: None,
        created_at: 1000 + i64::from(n),
        updated_at: 1000 + i64::from(n),
        filed_by_organisation: None,
        filing: None,
        versions: Vec::new(),
    }
}

/// Every method, with the behaviour the service relies on.
fn conformance(store: &dyn Store) {
    // Registrations and users.
    store.add_registration("h1", "a@example.jp", 500).unwrap();
    assert_eq!(
        store.registration("h1").unwrap(),
        Some(("a@example.jp".into(), 500, false, false))
    );
    store.set_registration("h1", true, true).unwrap();
    assert!(store.registration("h1").unwrap().unwrap().3);
    assert_eq!(store.registration("nope").unwrap(), None);
    store.add_user(&user("ZR1", "a@example.jp"), 10).unwrap();
    store.add_user(&user("ZR2", "b@example.jp"), 10).unwrap();
    assert!(
        store.add_user(&user("ZR3", "a@example.jp"), 10).is_err(),
        "e-mail addresses are unique"
    );
    assert_eq!(store.user("ZR1").unwrap().unwrap().email, "a@example.jp");
    assert_eq!(
        store.user_by_email("b@example.jp").unwrap().unwrap().id,
        "ZR2"
    );
    // Sign-in attempts: five free, then 2, 4 … seconds; counted for unknown IDs too.
    for n in 1..=5 {
        assert_eq!(store.claim_login_attempt("ZR1", 1000).unwrap(), Some(n));
    }
    assert_eq!(store.login_wait_until("ZR1").unwrap(), 1002);
    assert_eq!(
        store.claim_login_attempt("ZR1", 1001).unwrap(),
        None,
        "waits"
    );
    assert_eq!(store.claim_login_attempt("ZR1", 1002).unwrap(), Some(6));
    assert_eq!(store.login_wait_until("ZR1").unwrap(), 1006);
    store.clear_login_failures("ZR1").unwrap();
    assert_eq!(store.login_wait_until("ZR1").unwrap(), 0);
    assert_eq!(store.claim_login_attempt("nobody", 1000).unwrap(), Some(1));
    store.set_password("ZR1", "new").unwrap();
    store.set_usage("ZR1", "fp", "{}").unwrap();
    assert_eq!(
        store
            .user("ZR1")
            .unwrap()
            .unwrap()
            .cert_fingerprint
            .as_deref(),
        Some("fp")
    );
    store
        .set_profile("ZR1", "8748577", "別府市", "0977")
        .unwrap();
    assert_eq!(
        store.profile("ZR1").unwrap(),
        (Some("8748577".into()), Some("別府市".into()))
    );

    // Sessions, challenges, resets: expiry and single use.
    store.add_session("s1", "ZR1", 100).unwrap();
    assert_eq!(
        store.session_user("s1", 99).unwrap().as_deref(),
        Some("ZR1")
    );
    assert_eq!(store.session_user("s1", 100).unwrap(), None);
    store.remove_session("s1").unwrap();
    assert_eq!(store.session_user("s1", 0).unwrap(), None);
    for s in ["s2", "s3", "s4"] {
        store.add_session(s, "ZR1", 100).unwrap();
    }
    store.add_session("s5", "ZR2", 100).unwrap();
    store.remove_other_sessions("ZR1", Some("s3")).unwrap();
    assert_eq!(store.session_user("s2", 0).unwrap(), None);
    assert_eq!(store.session_user("s3", 0).unwrap().as_deref(), Some("ZR1"));
    assert_eq!(store.session_user("s5", 0).unwrap().as_deref(), Some("ZR2"));
    store.remove_other_sessions("ZR1", None).unwrap();
    assert_eq!(store.session_user("s3", 0).unwrap(), None);

    // A transaction keeps all or nothing.
    let failed = store.atomically(&mut |s| {
        s.add_session("t1", "ZR1", 100)?;
        Err(zairyu_server::store::StoreError::NoRow("on purpose".into()))
    });
    assert!(failed.is_err());
    assert_eq!(store.session_user("t1", 0).unwrap(), None, "rolled back");
    store
        .atomically(&mut |s| {
            s.add_session("t2", "ZR1", 100)?;
            s.audit(None, "ZR1", "login", "", 5)
        })
        .unwrap();
    assert_eq!(store.session_user("t2", 0).unwrap().as_deref(), Some("ZR1"));
    assert_eq!(
        store.account_audit_log("ZR1").unwrap(),
        [("ZR1".to_owned(), "login".to_owned(), String::new(), 5)]
    );
    store.add_challenge("n1", "ZR1", 50).unwrap();
    assert_eq!(
        store.take_challenge("n1").unwrap(),
        Some(("ZR1".into(), 50))
    );
    assert_eq!(store.take_challenge("n1").unwrap(), None);
    store.add_password_reset("r1", "ZR1", 70).unwrap();
    assert_eq!(
        store.take_password_reset("r1").unwrap(),
        Some(("ZR1".into(), 70))
    );
    assert_eq!(store.take_password_reset("r1").unwrap(), None);

    // Applications, versions, idempotency, statuses, audit.
    let id = store
        .add_application(&application("ZR1", "sub-1", 1))
        .unwrap();
    assert!(
        store
            .add_application(&application("ZR1", "sub-1", 2))
            .is_err(),
        "one application per submission id"
    );
    let other = store
        .add_application(&application("ZR2", "sub-1", 3))
        .unwrap();
    assert_ne!(id, other);
    for v in 1..=2 {
        store
            .add_version(
                id,
                &VersionRow {
                    version: v,
                    form: serde_json::json!({"v": v}),
                    files: serde_json::json!([]),
                    signed_at: "t".into(),
                    cert_fingerprint: "fp".into(),
                    created_at: v,
                },
            )
            .unwrap();
    }
    let app = store.application(id).unwrap().unwrap();
    assert_eq!(app.versions.len(), 2);
    assert_eq!(app.versions[1].form["v"], 2);
    assert_eq!(
        store
            .application_by_submission("ZR1", "sub-1")
            .unwrap()
            .unwrap()
            .id,
        id
    );
    assert_eq!(
        store
            .application_by_temporary_number("東オソ認T00000003")
            .unwrap()
            .unwrap()
            .id,
        other
    );
    assert_eq!(store.applications(Some("ZR1"), None).unwrap().len(), 1);
    assert_eq!(
        store
            .applications(None, None)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        [other, id],
        "newest first"
    );
    store
        .set_status(
            id,
            "in_return_process",
            Some("Attach the transcript."),
            2000,
        )
        .unwrap();
    assert_eq!(
        store
            .applications(None, Some("in_return_process"))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        store
            .application(id)
            .unwrap()
            .unwrap()
            .revision_request
            .as_deref(),
        Some("Attach the transcript.")
    );
    store
        .set_receipt(id, "{\"method\":\"counter\"}", 2001)
        .unwrap();
    store
        .audit(
            Some(id),
            "EX1",
            "request_revision",
            "Attach the transcript.",
            2000,
        )
        .unwrap();
    store
        .audit(Some(id), "EX1", "set_status", "a -> b", 2002)
        .unwrap();
    let log = store.audit_log(id).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].1, "request_revision");

    // E-mail changes: single use.
    store
        .add_email_change("e1", "ZR2", "b2@example.jp", 80)
        .unwrap();
    assert_eq!(
        store.take_email_change("e1", "ZR1").unwrap(),
        None,
        "only the account that asked"
    );
    assert_eq!(
        store.take_email_change("e1", "ZR2").unwrap(),
        Some(("ZR2".into(), "b2@example.jp".into(), 80))
    );
    assert_eq!(store.take_email_change("e1", "ZR2").unwrap(), None);
    store.set_email("ZR2", "b2@example.jp").unwrap();
    assert_eq!(
        store.user_by_email("b2@example.jp").unwrap().unwrap().id,
        "ZR2"
    );

    // Favorites.
    store
        .set_favorite("ZR1", "extension-of-stay", true)
        .unwrap();
    store
        .set_favorite("ZR1", "extension-of-stay", true)
        .unwrap();
    store.set_favorite("ZR1", "change-of-status", true).unwrap();
    assert_eq!(
        store.favorites("ZR1").unwrap(),
        ["change-of-status", "extension-of-stay"]
    );
    store
        .set_favorite("ZR1", "change-of-status", false)
        .unwrap();
    assert_eq!(store.favorites("ZR1").unwrap(), ["extension-of-stay"]);

    organisations(store);
}

/// Organisations, invitations, staff, links, and what the board reads.
fn organisations(store: &dyn Store) {
    let school = OrganisationRow {
        id: "ORG00000001".into(),
        name: "APU".into(),
        kind: "school".into(),
        created_at: 5,
        valid_until: "2029-11-30".into(),
    };
    store.add_organisation(&school).unwrap();
    assert!(store.add_organisation(&school).is_err(), "ids are unique");
    assert_eq!(
        store.organisation("ORG00000001").unwrap(),
        Some(school.clone())
    );
    assert_eq!(store.organisation("ORG9").unwrap(), None);
    assert_eq!(store.organisations().unwrap(), vec![school.clone()]);
    // An invitation is taken once.
    store
        .add_invitation("ih", "ORG00000001", "staff@apu.example.jp", 900)
        .unwrap();
    assert_eq!(store.open_invitations("ORG00000001", 100).unwrap().len(), 1);
    assert!(store
        .open_invitations("ORG00000001", 900)
        .unwrap()
        .is_empty());
    let taken = store.take_invitation("ih").unwrap().unwrap();
    assert_eq!(
        (taken.email.as_str(), taken.used),
        ("staff@apu.example.jp", true)
    );
    assert_eq!(store.take_invitation("ih").unwrap(), None);
    assert!(store.invitation("ih").unwrap().unwrap().used);
    // Staff membership.
    store
        .add_user(&user("ZR9", "staff@apu.example.jp"), 10)
        .unwrap();
    store
        .set_user_organisation("ZR9", Some("ORG00000001"))
        .unwrap();
    assert_eq!(store.staff_of("ORG00000001").unwrap()[0].id, "ZR9");
    store.set_user_organisation("ZR9", None).unwrap();
    assert!(store.staff_of("ORG00000001").unwrap().is_empty());
    // Links: twice is once; unlinking answers whether there was one.
    store.link("ZR2", "ORG00000001", 50).unwrap();
    store.link("ZR2", "ORG00000001", 60).unwrap();
    assert_eq!(
        store.links_of("ZR2").unwrap(),
        [("ORG00000001".to_owned(), 50)]
    );
    assert!(store.is_linked("ZR2", "ORG00000001").unwrap());
    store.set_certificate_end("ZR2", 12345).unwrap();
    let linked = store.linked_students("ORG00000001").unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(
        (
            linked[0].user.id.as_str(),
            linked[0].linked_at,
            linked[0].cert_not_after
        ),
        ("ZR2", 50, Some(12345))
    );
    // The board's reads: the linked students' applications and their newest forms.
    let mut filed = application("ZR2", "org-1", 77);
    filed.submitter_id = "ZR9".into();
    filed.filed_by_organisation = Some("ORG00000001".into());
    filed.filing = Some("{\"by\":\"ZR9\"}".into());
    let id = store.add_application(&filed).unwrap();
    for n in 1..=2 {
        store
            .add_version(
                id,
                &VersionRow {
                    version: n,
                    form: serde_json::json!({"applicant": {"current_expiry": format!("2027-01-1{n}")}}),
                    files: serde_json::json!([]),
                    signed_at: "t".into(),
                    cert_fingerprint: "f".into(),
                    created_at: 2000,
                },
            )
            .unwrap();
    }
    let apps = store.organisation_applications("ORG00000001").unwrap();
    assert!(apps.iter().all(|a| a.user_id == "ZR2"));
    let stored = apps.iter().find(|a| a.id == id).unwrap();
    assert_eq!(stored.filed_by_organisation.as_deref(), Some("ORG00000001"));
    assert_eq!(stored.filing.as_deref(), Some("{\"by\":\"ZR9\"}"));
    let forms = store.organisation_newest_forms("ORG00000001").unwrap();
    let newest = forms.iter().find(|f| f.0 == id).unwrap();
    assert_eq!(newest.1["applicant"]["current_expiry"], "2027-01-12");
    assert!(store.unlink("ZR2", "ORG00000001").unwrap());
    assert!(!store.unlink("ZR2", "ORG00000001").unwrap());
    assert!(store
        .organisation_applications("ORG00000001")
        .unwrap()
        .is_empty());
    assert!(store.linked_students("ORG00000001").unwrap().is_empty());
}

#[test]
fn sqlite_passes_the_conformance_suite() {
    conformance(&SqliteStore::in_memory());
}

/// A PostgreSQL cluster for one test, stopped on drop.
struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    _dir: tempfile::TempDir,
}

fn as_postgres_user(cmd: &Path, args: &[&str]) -> std::process::Output {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let mut c = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(cmd);
        c
    } else {
        Command::new(cmd)
    };
    c.args(args).output().unwrap()
}

impl Cluster {
    fn start() -> Cluster {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("Debian's postgresql package (scripts/setup.sh installs it)")
            .flatten()
            .map(|e| e.path().join("bin"))
            .find(|b| b.join("initdb").exists())
            .expect("initdb");
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("pg");
        std::fs::create_dir(&data).unwrap();
        if Command::new("id")
            .arg("-u")
            .output()
            .map(|o| o.stdout == b"0\n")
            .unwrap_or(false)
        {
            // initdb refuses root: the cluster belongs to the postgres user.
            Command::new("chmod")
                .arg("755")
                .arg(dir.path())
                .status()
                .unwrap();
            Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&data)
                .status()
                .unwrap();
        }
        let out = as_postgres_user(
            &bin.join("initdb"),
            &[
                "-D",
                data.to_str().unwrap(),
                "-U",
                "zairyu",
                "--auth=trust",
                "--no-locale",
                "-E",
                "UTF8",
            ],
        );
        assert!(
            out.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let opts = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            data.display()
        );
        let log = data.join("log");
        let out = as_postgres_user(
            &bin.join("pg_ctl"),
            &[
                "-D",
                data.to_str().unwrap(),
                "-o",
                &opts,
                "-l",
                log.to_str().unwrap(),
                "-w",
                "start",
            ],
        );
        assert!(
            out.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        Cluster {
            bin,
            data,
            port,
            _dir: dir,
        }
    }

    fn config(&self) -> String {
        format!(
            "host=127.0.0.1 port={} user=zairyu dbname=postgres",
            self.port
        )
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        as_postgres_user(
            &self.bin.join("pg_ctl"),
            &["-D", self.data.to_str().unwrap(), "-m", "immediate", "stop"],
        );
    }
}

#[test]
fn postgres_passes_the_conformance_suite_and_is_shared_by_two_servers() {
    let cluster = Cluster::start();
    let first = PostgresStore::connect(&cluster.config()).unwrap();
    conformance(&first);
    // A second server process on the same database sees the same data; migrations run once.
    let second = PostgresStore::connect(&cluster.config()).unwrap();
    assert_eq!(second.user("ZR1").unwrap().unwrap().email, "a@example.jp");
    second.add_session("s2", "ZR2", i64::MAX).unwrap();
    assert_eq!(first.session_user("s2", 0).unwrap().as_deref(), Some("ZR2"));
}
