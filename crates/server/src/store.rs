//! Storage behind one interface ([`Store`]); [`SqliteStore`] is the embedded default. Tables
//! are created by numbered migrations recorded in `schema_migrations`. Attachments are not in
//! the database: they are files named by their SHA-256 (see `service`).

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// An account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub email: String,
    /// foreign_national | legal_representative | organisation_staff | attorney
    pub user_type: String,
    pub name_en: String,
    pub telephone: String,
    #[serde(skip)]
    pub password_hash: String,
    /// applicant | examiner
    pub role: String,
    /// The organisation a staff member (取次) belongs to.
    pub organisation: Option<String>,
    /// SHA-256 of the card certificate bound by the usage application.
    pub cert_fingerprint: Option<String>,
    /// The basic four and user information given with the usage application (JSON).
    pub usage: Option<String>,
}

/// One line of an application's audit trail: (actor, action, detail, time).
pub type AuditEntry = (String, String, String, i64);

/// One application and its current state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub id: i64,
    pub reference_number: String,
    pub temporary_reception_number: String,
    /// The applicant (the card holder who signed).
    pub user_id: String,
    /// Who sent it: the applicant, or organisation staff on their behalf.
    pub submitter_id: String,
    pub procedure_id: String,
    pub submission_id: String,
    pub status: String,
    /// The examiner's request when In Return Process.
    pub revision_request: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub versions: Vec<Version>,
}

/// One submitted version (every resubmission is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub version: i64,
    pub form: serde_json::Value,
    /// `[{name, sha256, bytes, kind}]`
    pub files: serde_json::Value,
    pub signed_at: String,
    pub cert_fingerprint: String,
    pub created_at: i64,
}

const MIGRATIONS: &[&str] = &[
    "CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, user_type TEXT NOT NULL,
        name_en TEXT NOT NULL, telephone TEXT NOT NULL, password_hash TEXT NOT NULL, role TEXT NOT NULL,
        organisation TEXT, failures INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0,
        cert_fingerprint TEXT, usage TEXT, created_at INTEGER NOT NULL);
     CREATE TABLE registrations (token_hash TEXT PRIMARY KEY, email TEXT NOT NULL, expires INTEGER NOT NULL,
        confirmed INTEGER NOT NULL DEFAULT 0, used INTEGER NOT NULL DEFAULT 0);
     CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires INTEGER NOT NULL);
     CREATE TABLE challenges (nonce TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires INTEGER NOT NULL);
     CREATE TABLE applications (id INTEGER PRIMARY KEY, reference_number TEXT NOT NULL UNIQUE,
        temporary_reception_number TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, submitter_id TEXT NOT NULL,
        procedure_id TEXT NOT NULL, submission_id TEXT NOT NULL, status TEXT NOT NULL, revision_request TEXT,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (submitter_id, submission_id));
     CREATE TABLE versions (application_id INTEGER NOT NULL, version INTEGER NOT NULL, form TEXT NOT NULL,
        files TEXT NOT NULL, signed_at TEXT NOT NULL, cert_fingerprint TEXT NOT NULL, created_at INTEGER NOT NULL,
        PRIMARY KEY (application_id, version));
     CREATE TABLE audit (id INTEGER PRIMARY KEY, application_id INTEGER, actor TEXT NOT NULL, action TEXT NOT NULL,
        detail TEXT, at INTEGER NOT NULL);",
    "CREATE TABLE favorites (user_id TEXT NOT NULL, procedure_id TEXT NOT NULL, PRIMARY KEY (user_id, procedure_id));
     CREATE TABLE password_resets (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);
     ALTER TABLE users ADD COLUMN postal_code TEXT;
     ALTER TABLE users ADD COLUMN address TEXT;
     ALTER TABLE applications ADD COLUMN receipt TEXT;",
    "CREATE TABLE email_changes (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, email TEXT NOT NULL, expires INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);",
];

/// Everything the service keeps. One implementation per database; each passes the same tests.
pub trait Store: Send + Sync + std::fmt::Debug {
    fn add_registration(&self, token_hash: &str, email: &str, expires: i64)
        -> Result<(), ApiError>;
    /// (email, expires, confirmed, used)
    fn registration(&self, token_hash: &str)
        -> Result<Option<(String, i64, bool, bool)>, ApiError>;
    fn set_registration(
        &self,
        token_hash: &str,
        confirmed: bool,
        used: bool,
    ) -> Result<(), ApiError>;
    fn add_user(&self, user: &User, now: i64) -> Result<(), ApiError>;
    fn user(&self, id: &str) -> Result<Option<User>, ApiError>;
    fn user_by_email(&self, email: &str) -> Result<Option<User>, ApiError>;
    /// (failures, locked_until)
    fn login_state(&self, id: &str) -> Result<(i64, i64), ApiError>;
    fn set_login_state(&self, id: &str, failures: i64, locked_until: i64) -> Result<(), ApiError>;
    fn set_password(&self, id: &str, hash: &str) -> Result<(), ApiError>;
    fn set_usage(&self, id: &str, fingerprint: &str, usage: &str) -> Result<(), ApiError>;
    fn add_session(&self, token_hash: &str, user_id: &str, expires: i64) -> Result<(), ApiError>;
    fn session_user(&self, token_hash: &str, now: i64) -> Result<Option<String>, ApiError>;
    fn remove_session(&self, token_hash: &str) -> Result<(), ApiError>;
    fn add_challenge(&self, nonce: &str, user_id: &str, expires: i64) -> Result<(), ApiError>;
    /// Removes and returns (user_id, expires): a challenge is used at most once.
    fn take_challenge(&self, nonce: &str) -> Result<Option<(String, i64)>, ApiError>;
    fn add_application(&self, app: &Application) -> Result<i64, ApiError>;
    fn add_version(&self, application_id: i64, version: &Version) -> Result<(), ApiError>;
    fn application(&self, id: i64) -> Result<Option<Application>, ApiError>;
    fn application_by_submission(
        &self,
        submitter_id: &str,
        submission_id: &str,
    ) -> Result<Option<Application>, ApiError>;
    /// Newest first; `user` limits to one applicant's or submitter's, `status` to one status.
    fn applications(
        &self,
        user: Option<&str>,
        status: Option<&str>,
    ) -> Result<Vec<Application>, ApiError>;
    fn set_status(
        &self,
        id: i64,
        status: &str,
        revision_request: Option<&str>,
        now: i64,
    ) -> Result<(), ApiError>;
    fn audit(
        &self,
        application_id: Option<i64>,
        actor: &str,
        action: &str,
        detail: &str,
        now: i64,
    ) -> Result<(), ApiError>;
    fn audit_log(&self, application_id: i64) -> Result<Vec<AuditEntry>, ApiError>;
    fn favorites(&self, user_id: &str) -> Result<Vec<String>, ApiError>;
    fn set_favorite(&self, user_id: &str, procedure_id: &str, on: bool) -> Result<(), ApiError>;
    fn add_password_reset(
        &self,
        token_hash: &str,
        user_id: &str,
        expires: i64,
    ) -> Result<(), ApiError>;
    /// Marks the reset used and returns (user_id, expires) if it was unused.
    fn take_password_reset(&self, token_hash: &str) -> Result<Option<(String, i64)>, ApiError>;
    fn set_profile(
        &self,
        user_id: &str,
        postal_code: &str,
        address: &str,
        telephone: &str,
    ) -> Result<(), ApiError>;
    /// (postal_code, address)
    fn profile(&self, user_id: &str) -> Result<(Option<String>, Option<String>), ApiError>;
    fn application_by_temporary_number(
        &self,
        number: &str,
    ) -> Result<Option<Application>, ApiError>;
    fn add_email_change(
        &self,
        token_hash: &str,
        user_id: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), ApiError>;
    /// Marks the change used and returns (user_id, new e-mail, expires) if it was unused.
    fn take_email_change(
        &self,
        token_hash: &str,
    ) -> Result<Option<(String, String, i64)>, ApiError>;
    fn set_email(&self, user_id: &str, email: &str) -> Result<(), ApiError>;
    fn set_receipt(&self, id: i64, receipt: &str, now: i64) -> Result<(), ApiError>;
}

/// SQLite through rusqlite: one connection behind a mutex (WAL mode).
#[derive(Debug)]
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

impl SqliteStore {
    pub fn open(path: &Path) -> Result<SqliteStore, String> {
        let conn = Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::migrate(conn)
    }

    pub fn in_memory() -> SqliteStore {
        Self::migrate(Connection::open_in_memory().expect("in-memory SQLite"))
            .expect("migrations apply")
    }

    fn migrate(conn: Connection) -> Result<SqliteStore, String> {
        let e = |e: rusqlite::Error| e.to_string();
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;
            CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY);",
        )
        .map_err(e)?;
        let done: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
            .map_err(e)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
            conn.execute_batch(sql).map_err(e)?;
            conn.execute(
                "INSERT INTO schema_migrations (version) VALUES (?1)",
                [i as i64 + 1],
            )
            .map_err(e)?;
        }
        Ok(SqliteStore {
            conn: Mutex::new(conn),
        })
    }

    fn c(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        email: r.get(1)?,
        user_type: r.get(2)?,
        name_en: r.get(3)?,
        telephone: r.get(4)?,
        password_hash: r.get(5)?,
        role: r.get(6)?,
        organisation: r.get(7)?,
        cert_fingerprint: r.get(8)?,
        usage: r.get(9)?,
    })
}

const USER_COLS: &str = "id, email, user_type, name_en, telephone, password_hash, role, organisation, cert_fingerprint, usage";
const APP_COLS: &str = "id, reference_number, temporary_reception_number, user_id, submitter_id, procedure_id, submission_id, status, revision_request, created_at, updated_at";

fn app_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Application> {
    Ok(Application {
        id: r.get(0)?,
        reference_number: r.get(1)?,
        temporary_reception_number: r.get(2)?,
        user_id: r.get(3)?,
        submitter_id: r.get(4)?,
        procedure_id: r.get(5)?,
        submission_id: r.get(6)?,
        status: r.get(7)?,
        revision_request: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
        versions: Vec::new(),
    })
}

impl SqliteStore {
    fn with_versions(
        &self,
        conn: &Connection,
        mut app: Application,
    ) -> rusqlite::Result<Application> {
        let mut stmt = conn.prepare(
            "SELECT version, form, files, signed_at, cert_fingerprint, created_at FROM versions WHERE application_id = ?1 ORDER BY version",
        )?;
        app.versions = stmt
            .query_map([app.id], |r| {
                let form: String = r.get(1)?;
                let files: String = r.get(2)?;
                Ok(Version {
                    version: r.get(0)?,
                    form: serde_json::from_str(&form).unwrap_or_default(),
                    files: serde_json::from_str(&files).unwrap_or_default(),
                    signed_at: r.get(3)?,
                    cert_fingerprint: r.get(4)?,
                    created_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(app)
    }
}

impl Store for SqliteStore {
    fn add_registration(
        &self,
        token_hash: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), ApiError> {
        self.c().execute(
            "INSERT INTO registrations (token_hash, email, expires) VALUES (?1, ?2, ?3)",
            params![token_hash, email, expires],
        )?;
        Ok(())
    }
    fn registration(
        &self,
        token_hash: &str,
    ) -> Result<Option<(String, i64, bool, bool)>, ApiError> {
        Ok(self
            .c()
            .query_row(
                "SELECT email, expires, confirmed, used FROM registrations WHERE token_hash = ?1",
                [token_hash],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get::<_, i64>(2)? != 0,
                        r.get::<_, i64>(3)? != 0,
                    ))
                },
            )
            .optional()?)
    }
    fn set_registration(
        &self,
        token_hash: &str,
        confirmed: bool,
        used: bool,
    ) -> Result<(), ApiError> {
        self.c().execute(
            "UPDATE registrations SET confirmed = ?2, used = ?3 WHERE token_hash = ?1",
            params![token_hash, confirmed, used],
        )?;
        Ok(())
    }
    fn add_user(&self, u: &User, now: i64) -> Result<(), ApiError> {
        self.c().execute(
            "INSERT INTO users (id, email, user_type, name_en, telephone, password_hash, role, organisation, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![u.id, u.email, u.user_type, u.name_en, u.telephone, u.password_hash, u.role, u.organisation, now],
        )?;
        Ok(())
    }
    fn user(&self, id: &str) -> Result<Option<User>, ApiError> {
        Ok(self
            .c()
            .query_row(
                &format!("SELECT {USER_COLS} FROM users WHERE id = ?1"),
                [id],
                user_row,
            )
            .optional()?)
    }
    fn user_by_email(&self, email: &str) -> Result<Option<User>, ApiError> {
        Ok(self
            .c()
            .query_row(
                &format!("SELECT {USER_COLS} FROM users WHERE email = ?1"),
                [email],
                user_row,
            )
            .optional()?)
    }
    fn login_state(&self, id: &str) -> Result<(i64, i64), ApiError> {
        Ok(self.c().query_row(
            "SELECT failures, locked_until FROM users WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }
    fn set_login_state(&self, id: &str, failures: i64, locked_until: i64) -> Result<(), ApiError> {
        self.c().execute(
            "UPDATE users SET failures = ?2, locked_until = ?3 WHERE id = ?1",
            params![id, failures, locked_until],
        )?;
        Ok(())
    }
    fn set_password(&self, id: &str, hash: &str) -> Result<(), ApiError> {
        self.c().execute(
            "UPDATE users SET password_hash = ?2, failures = 0, locked_until = 0 WHERE id = ?1",
            params![id, hash],
        )?;
        Ok(())
    }
    fn set_usage(&self, id: &str, fingerprint: &str, usage: &str) -> Result<(), ApiError> {
        self.c().execute(
            "UPDATE users SET cert_fingerprint = ?2, usage = ?3 WHERE id = ?1",
            params![id, fingerprint, usage],
        )?;
        Ok(())
    }
    fn add_session(&self, token_hash: &str, user_id: &str, expires: i64) -> Result<(), ApiError> {
        self.c().execute(
            "INSERT INTO sessions (token_hash, user_id, expires) VALUES (?1, ?2, ?3)",
            params![token_hash, user_id, expires],
        )?;
        Ok(())
    }
    fn session_user(&self, token_hash: &str, now: i64) -> Result<Option<String>, ApiError> {
        Ok(self
            .c()
            .query_row(
                "SELECT user_id FROM sessions WHERE token_hash = ?1 AND expires > ?2",
                params![token_hash, now],
                |r| r.get(0),
            )
            .optional()?)
    }
    fn remove_session(&self, token_hash: &str) -> Result<(), ApiError> {
        self.c()
            .execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
        Ok(())
    }
    fn add_challenge(&self, nonce: &str, user_id: &str, expires: i64) -> Result<(), ApiError> {
        self.c().execute(
            "INSERT INTO challenges (nonce, user_id, expires) VALUES (?1, ?2, ?3)",
            params![nonce, user_id, expires],
        )?;
        Ok(())
    }
    fn take_challenge(&self, nonce: &str) -> Result<Option<(String, i64)>, ApiError> {
        let conn = self.c();
        let found = conn
            .query_row(
                "SELECT user_id, expires FROM challenges WHERE nonce = ?1",
                [nonce],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        conn.execute("DELETE FROM challenges WHERE nonce = ?1", [nonce])?;
        Ok(found)
    }
    fn add_application(&self, a: &Application) -> Result<i64, ApiError> {
        let conn = self.c();
        conn.execute(
            "INSERT INTO applications (reference_number, temporary_reception_number, user_id, submitter_id, procedure_id,
                submission_id, status, revision_request, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![a.reference_number, a.temporary_reception_number, a.user_id, a.submitter_id, a.procedure_id,
                a.submission_id, a.status, a.revision_request, a.created_at, a.updated_at],
        )?;
        Ok(conn.last_insert_rowid())
    }
    fn add_version(&self, application_id: i64, v: &Version) -> Result<(), ApiError> {
        self.c().execute(
            "INSERT INTO versions (application_id, version, form, files, signed_at, cert_fingerprint, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![application_id, v.version, v.form.to_string(), v.files.to_string(), v.signed_at, v.cert_fingerprint, v.created_at],
        )?;
        Ok(())
    }
    fn application(&self, id: i64) -> Result<Option<Application>, ApiError> {
        let conn = self.c();
        let app = conn
            .query_row(
                &format!("SELECT {APP_COLS} FROM applications WHERE id = ?1"),
                [id],
                app_row,
            )
            .optional()?;
        Ok(app.map(|a| self.with_versions(&conn, a)).transpose()?)
    }
    fn application_by_submission(
        &self,
        submitter_id: &str,
        submission_id: &str,
    ) -> Result<Option<Application>, ApiError> {
        let conn = self.c();
        let app = conn
            .query_row(
                &format!("SELECT {APP_COLS} FROM applications WHERE submitter_id = ?1 AND submission_id = ?2"),
                params![submitter_id, submission_id],
                app_row,
            )
            .optional()?;
        Ok(app.map(|a| self.with_versions(&conn, a)).transpose()?)
    }
    fn applications(
        &self,
        user: Option<&str>,
        status: Option<&str>,
    ) -> Result<Vec<Application>, ApiError> {
        let conn = self.c();
        let mut stmt = conn.prepare(&format!(
            "SELECT {APP_COLS} FROM applications WHERE (?1 IS NULL OR user_id = ?1 OR submitter_id = ?1)
               AND (?2 IS NULL OR status = ?2) ORDER BY created_at DESC, id DESC"
        ))?;
        let apps: Vec<Application> = stmt
            .query_map(params![user, status], app_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(apps)
    }
    fn set_status(
        &self,
        id: i64,
        status: &str,
        revision_request: Option<&str>,
        now: i64,
    ) -> Result<(), ApiError> {
        self.c().execute(
            "UPDATE applications SET status = ?2, revision_request = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, status, revision_request, now],
        )?;
        Ok(())
    }
    fn audit(
        &self,
        application_id: Option<i64>,
        actor: &str,
        action: &str,
        detail: &str,
        now: i64,
    ) -> Result<(), ApiError> {
        self.c().execute(
            "INSERT INTO audit (application_id, actor, action, detail, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![application_id, actor, action, detail, now],
        )?;
        Ok(())
    }
    fn audit_log(&self, application_id: i64) -> Result<Vec<AuditEntry>, ApiError> {
        let conn = self.c();
        let mut stmt = conn.prepare("SELECT actor, action, COALESCE(detail, ''), at FROM audit WHERE application_id = ?1 ORDER BY id")?;
        let rows = stmt
            .query_map([application_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
    fn favorites(&self, user_id: &str) -> Result<Vec<String>, ApiError> {
        let conn = self.c();
        let mut stmt = conn.prepare(
            "SELECT procedure_id FROM favorites WHERE user_id = ?1 ORDER BY procedure_id",
        )?;
        let rows = stmt
            .query_map([user_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
    fn set_favorite(&self, user_id: &str, procedure_id: &str, on: bool) -> Result<(), ApiError> {
        let sql = if on {
            "INSERT OR IGNORE INTO favorites (user_id, procedure_id) VALUES (?1, ?2)"
        } else {
            "DELETE FROM favorites WHERE user_id = ?1 AND procedure_id = ?2"
        };
        self.c().execute(sql, params![user_id, procedure_id])?;
        Ok(())
    }
    fn add_password_reset(
        &self,
        token_hash: &str,
        user_id: &str,
        expires: i64,
    ) -> Result<(), ApiError> {
        self.c().execute(
            "INSERT INTO password_resets (token_hash, user_id, expires) VALUES (?1, ?2, ?3)",
            params![token_hash, user_id, expires],
        )?;
        Ok(())
    }
    fn take_password_reset(&self, token_hash: &str) -> Result<Option<(String, i64)>, ApiError> {
        let conn = self.c();
        let found = conn
            .query_row(
                "SELECT user_id, expires FROM password_resets WHERE token_hash = ?1 AND used = 0",
                [token_hash],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        conn.execute(
            "UPDATE password_resets SET used = 1 WHERE token_hash = ?1",
            [token_hash],
        )?;
        Ok(found)
    }
    fn set_profile(
        &self,
        user_id: &str,
        postal_code: &str,
        address: &str,
        telephone: &str,
    ) -> Result<(), ApiError> {
        self.c().execute(
            "UPDATE users SET postal_code = ?2, address = ?3, telephone = ?4 WHERE id = ?1",
            params![user_id, postal_code, address, telephone],
        )?;
        Ok(())
    }
    fn profile(&self, user_id: &str) -> Result<(Option<String>, Option<String>), ApiError> {
        Ok(self.c().query_row(
            "SELECT postal_code, address FROM users WHERE id = ?1",
            [user_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }
    fn application_by_temporary_number(
        &self,
        number: &str,
    ) -> Result<Option<Application>, ApiError> {
        let conn = self.c();
        let app = conn
            .query_row(
                &format!(
                    "SELECT {APP_COLS} FROM applications WHERE temporary_reception_number = ?1"
                ),
                [number],
                app_row,
            )
            .optional()?;
        Ok(app.map(|a| self.with_versions(&conn, a)).transpose()?)
    }
    fn set_receipt(&self, id: i64, receipt: &str, now: i64) -> Result<(), ApiError> {
        self.c().execute(
            "UPDATE applications SET receipt = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, receipt, now],
        )?;
        Ok(())
    }
    fn add_email_change(
        &self,
        token_hash: &str,
        user_id: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), ApiError> {
        self.c().execute(
            "INSERT INTO email_changes (token_hash, user_id, email, expires) VALUES (?1, ?2, ?3, ?4)",
            params![token_hash, user_id, email, expires],
        )?;
        Ok(())
    }
    fn take_email_change(
        &self,
        token_hash: &str,
    ) -> Result<Option<(String, String, i64)>, ApiError> {
        let conn = self.c();
        let found = conn
            .query_row("SELECT user_id, email, expires FROM email_changes WHERE token_hash = ?1 AND used = 0", [token_hash], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        conn.execute(
            "UPDATE email_changes SET used = 1 WHERE token_hash = ?1",
            [token_hash],
        )?;
        Ok(found)
    }
    fn set_email(&self, user_id: &str, email: &str) -> Result<(), ApiError> {
        self.c().execute(
            "UPDATE users SET email = ?2 WHERE id = ?1",
            params![user_id, email],
        )?;
        Ok(())
    }
}
