//! The PostgreSQL implementation of [`Store`] (tokio-postgres), for deployments that outgrow
//! one machine: several stateless server processes on one database. Same behaviour as the
//! SQLite store, proven by the same conformance tests (`tests/store_conformance.rs`).
//!
//! The store owns a small tokio runtime that drives the connection; calls block on it (inside
//! `block_in_place` when made from the server's runtime), so the `Store` interface stays the
//! same synchronous one for both databases.

use std::future::Future;

use tokio_postgres::{Client, NoTls, Row};

use crate::error::ApiError;
use crate::store::{Application, AuditEntry, Store, User, Version};

const MIGRATIONS: &[&str] = &[
    "CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, user_type TEXT NOT NULL,
        name_en TEXT NOT NULL, telephone TEXT NOT NULL, password_hash TEXT NOT NULL, role TEXT NOT NULL,
        organisation TEXT, failures BIGINT NOT NULL DEFAULT 0, locked_until BIGINT NOT NULL DEFAULT 0,
        cert_fingerprint TEXT, usage TEXT, created_at BIGINT NOT NULL);
     CREATE TABLE registrations (token_hash TEXT PRIMARY KEY, email TEXT NOT NULL, expires BIGINT NOT NULL,
        confirmed BOOLEAN NOT NULL DEFAULT FALSE, used BOOLEAN NOT NULL DEFAULT FALSE);
     CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires BIGINT NOT NULL);
     CREATE TABLE challenges (nonce TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires BIGINT NOT NULL);
     CREATE TABLE applications (id BIGSERIAL PRIMARY KEY, reference_number TEXT NOT NULL UNIQUE,
        temporary_reception_number TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, submitter_id TEXT NOT NULL,
        procedure_id TEXT NOT NULL, submission_id TEXT NOT NULL, status TEXT NOT NULL, revision_request TEXT,
        created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (submitter_id, submission_id));
     CREATE TABLE versions (application_id BIGINT NOT NULL, version BIGINT NOT NULL, form TEXT NOT NULL,
        files TEXT NOT NULL, signed_at TEXT NOT NULL, cert_fingerprint TEXT NOT NULL, created_at BIGINT NOT NULL,
        PRIMARY KEY (application_id, version));
     CREATE TABLE audit (id BIGSERIAL PRIMARY KEY, application_id BIGINT, actor TEXT NOT NULL, action TEXT NOT NULL,
        detail TEXT, at BIGINT NOT NULL);",
    "CREATE TABLE favorites (user_id TEXT NOT NULL, procedure_id TEXT NOT NULL, PRIMARY KEY (user_id, procedure_id));
     CREATE TABLE password_resets (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires BIGINT NOT NULL, used BOOLEAN NOT NULL DEFAULT FALSE);
     ALTER TABLE users ADD COLUMN postal_code TEXT;
     ALTER TABLE users ADD COLUMN address TEXT;
     ALTER TABLE applications ADD COLUMN receipt TEXT;",
    "CREATE TABLE email_changes (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, email TEXT NOT NULL, expires BIGINT NOT NULL, used BOOLEAN NOT NULL DEFAULT FALSE);",
];

const USER_COLS: &str = "id, email, user_type, name_en, telephone, password_hash, role, organisation, cert_fingerprint, usage";
const APP_COLS: &str = "id, reference_number, temporary_reception_number, user_id, submitter_id, procedure_id, submission_id, status, revision_request, created_at, updated_at";

#[derive(Debug)]
pub struct PostgresStore {
    runtime: tokio::runtime::Runtime,
    client: Client,
}

/// Calls `f` on this thread, or on a scoped thread when this one is inside a tokio runtime
/// (where blocking on another runtime is not allowed).
fn outside_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    if tokio::runtime::Handle::try_current().is_err() {
        return f();
    }
    std::thread::scope(|s| s.spawn(f).join())
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

fn db(e: tokio_postgres::Error) -> ApiError {
    ApiError::internal(e)
}

fn user_row(r: &Row) -> User {
    User {
        id: r.get(0),
        email: r.get(1),
        user_type: r.get(2),
        name_en: r.get(3),
        telephone: r.get(4),
        password_hash: r.get(5),
        role: r.get(6),
        organisation: r.get(7),
        cert_fingerprint: r.get(8),
        usage: r.get(9),
    }
}

fn app_row(r: &Row) -> Application {
    Application {
        id: r.get(0),
        reference_number: r.get(1),
        temporary_reception_number: r.get(2),
        user_id: r.get(3),
        submitter_id: r.get(4),
        procedure_id: r.get(5),
        submission_id: r.get(6),
        status: r.get(7),
        revision_request: r.get(8),
        created_at: r.get(9),
        updated_at: r.get(10),
        versions: Vec::new(),
    }
}

impl PostgresStore {
    /// Connects (e.g. `host=127.0.0.1 port=5432 user=zairyu dbname=zairyu`) and applies the
    /// migrations not yet applied; several servers may start at once (an advisory lock).
    pub fn connect(config: &str) -> Result<PostgresStore, String> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let client = outside_runtime(|| {
            runtime.block_on(async {
            let (client, connection) = tokio_postgres::connect(config, NoTls).await.map_err(|e| format!("PostgreSQL ({config}): {e}"))?;
            tokio::spawn(async move {
                if let Err(e) = connection.await {
                    eprintln!("zairyu serve: PostgreSQL connection ended: {e}");
                }
            });
            client
                .batch_execute("SELECT pg_advisory_lock(8377); CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY);")
                .await
                .map_err(|e| e.to_string())?;
            let done: i64 = client.query_one("SELECT COUNT(*) FROM schema_migrations", &[]).await.map_err(|e| e.to_string())?.get(0);
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
                client.batch_execute(sql).await.map_err(|e| e.to_string())?;
                client.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&(i as i64 + 1)]).await.map_err(|e| e.to_string())?;
            }
            client.batch_execute("SELECT pg_advisory_unlock(8377)").await.map_err(|e| e.to_string())?;
            Ok::<_, String>(client)
        })
        })?;
        Ok(PostgresStore { runtime, client })
    }

    fn block<T>(
        &self,
        fut: impl Future<Output = Result<T, tokio_postgres::Error>>,
    ) -> Result<T, ApiError> {
        let run = || self.runtime.block_on(fut).map_err(db);
        match tokio::runtime::Handle::try_current() {
            Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(run)
            }
            _ => run(),
        }
    }

    async fn versions(
        client: &Client,
        mut app: Application,
    ) -> Result<Application, tokio_postgres::Error> {
        let rows = client
            .query("SELECT version, form, files, signed_at, cert_fingerprint, created_at FROM versions WHERE application_id = $1 ORDER BY version", &[&app.id])
            .await?;
        app.versions = rows
            .iter()
            .map(|r| Version {
                version: r.get(0),
                form: serde_json::from_str(r.get(1)).unwrap_or_default(),
                files: serde_json::from_str(r.get(2)).unwrap_or_default(),
                signed_at: r.get(3),
                cert_fingerprint: r.get(4),
                created_at: r.get(5),
            })
            .collect();
        Ok(app)
    }

    fn one_app(
        &self,
        sql: String,
        param: &(dyn tokio_postgres::types::ToSql + Sync),
        second: Option<&(dyn tokio_postgres::types::ToSql + Sync)>,
    ) -> Result<Option<Application>, ApiError> {
        let c = &self.client;
        self.block(async move {
            let row = match second {
                Some(p2) => c.query_opt(&sql, &[param, p2]).await?,
                None => c.query_opt(&sql, &[param]).await?,
            };
            match row {
                Some(r) => Ok(Some(Self::versions(c, app_row(&r)).await?)),
                None => Ok(None),
            }
        })
    }
}

impl Store for PostgresStore {
    fn add_registration(
        &self,
        token_hash: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "INSERT INTO registrations (token_hash, email, expires) VALUES ($1, $2, $3)",
            &[&token_hash, &email, &expires],
        ))?;
        Ok(())
    }
    fn registration(
        &self,
        token_hash: &str,
    ) -> Result<Option<(String, i64, bool, bool)>, ApiError> {
        let row = self.block(self.client.query_opt(
            "SELECT email, expires, confirmed, used FROM registrations WHERE token_hash = $1",
            &[&token_hash],
        ))?;
        Ok(row.map(|r| (r.get(0), r.get(1), r.get(2), r.get(3))))
    }
    fn set_registration(
        &self,
        token_hash: &str,
        confirmed: bool,
        used: bool,
    ) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "UPDATE registrations SET confirmed = $2, used = $3 WHERE token_hash = $1",
            &[&token_hash, &confirmed, &used],
        ))?;
        Ok(())
    }
    fn add_user(&self, u: &User, now: i64) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "INSERT INTO users (id, email, user_type, name_en, telephone, password_hash, role, organisation, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[&u.id, &u.email, &u.user_type, &u.name_en, &u.telephone, &u.password_hash, &u.role, &u.organisation, &now],
        ))?;
        Ok(())
    }
    fn user(&self, id: &str) -> Result<Option<User>, ApiError> {
        let sql = format!("SELECT {USER_COLS} FROM users WHERE id = $1");
        Ok(self
            .block(self.client.query_opt(&sql, &[&id]))?
            .map(|r| user_row(&r)))
    }
    fn user_by_email(&self, email: &str) -> Result<Option<User>, ApiError> {
        let sql = format!("SELECT {USER_COLS} FROM users WHERE email = $1");
        Ok(self
            .block(self.client.query_opt(&sql, &[&email]))?
            .map(|r| user_row(&r)))
    }
    fn login_state(&self, id: &str) -> Result<(i64, i64), ApiError> {
        let r = self.block(self.client.query_one(
            "SELECT failures, locked_until FROM users WHERE id = $1",
            &[&id],
        ))?;
        Ok((r.get(0), r.get(1)))
    }
    fn set_login_state(&self, id: &str, failures: i64, locked_until: i64) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "UPDATE users SET failures = $2, locked_until = $3 WHERE id = $1",
            &[&id, &failures, &locked_until],
        ))?;
        Ok(())
    }
    fn set_password(&self, id: &str, hash: &str) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "UPDATE users SET password_hash = $2, failures = 0, locked_until = 0 WHERE id = $1",
            &[&id, &hash],
        ))?;
        Ok(())
    }
    fn set_usage(&self, id: &str, fingerprint: &str, usage: &str) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "UPDATE users SET cert_fingerprint = $2, usage = $3 WHERE id = $1",
            &[&id, &fingerprint, &usage],
        ))?;
        Ok(())
    }
    fn add_session(&self, token_hash: &str, user_id: &str, expires: i64) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "INSERT INTO sessions (token_hash, user_id, expires) VALUES ($1, $2, $3)",
            &[&token_hash, &user_id, &expires],
        ))?;
        Ok(())
    }
    fn session_user(&self, token_hash: &str, now: i64) -> Result<Option<String>, ApiError> {
        let row = self.block(self.client.query_opt(
            "SELECT user_id FROM sessions WHERE token_hash = $1 AND expires > $2",
            &[&token_hash, &now],
        ))?;
        Ok(row.map(|r| r.get(0)))
    }
    fn remove_session(&self, token_hash: &str) -> Result<(), ApiError> {
        self.block(
            self.client
                .execute("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash]),
        )?;
        Ok(())
    }
    fn add_challenge(&self, nonce: &str, user_id: &str, expires: i64) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "INSERT INTO challenges (nonce, user_id, expires) VALUES ($1, $2, $3)",
            &[&nonce, &user_id, &expires],
        ))?;
        Ok(())
    }
    fn take_challenge(&self, nonce: &str) -> Result<Option<(String, i64)>, ApiError> {
        let row = self.block(self.client.query_opt(
            "DELETE FROM challenges WHERE nonce = $1 RETURNING user_id, expires",
            &[&nonce],
        ))?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }
    fn add_application(&self, a: &Application) -> Result<i64, ApiError> {
        let r = self.block(self.client.query_one(
            "INSERT INTO applications (reference_number, temporary_reception_number, user_id, submitter_id, procedure_id, submission_id, status,
                revision_request, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            &[&a.reference_number, &a.temporary_reception_number, &a.user_id, &a.submitter_id, &a.procedure_id, &a.submission_id, &a.status,
              &a.revision_request, &a.created_at, &a.updated_at],
        ))?;
        Ok(r.get(0))
    }
    fn add_version(&self, application_id: i64, v: &Version) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "INSERT INTO versions (application_id, version, form, files, signed_at, cert_fingerprint, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[&application_id, &v.version, &v.form.to_string(), &v.files.to_string(), &v.signed_at, &v.cert_fingerprint, &v.created_at],
        ))?;
        Ok(())
    }
    fn application(&self, id: i64) -> Result<Option<Application>, ApiError> {
        self.one_app(
            format!("SELECT {APP_COLS} FROM applications WHERE id = $1"),
            &id,
            None,
        )
    }
    fn application_by_submission(
        &self,
        submitter_id: &str,
        submission_id: &str,
    ) -> Result<Option<Application>, ApiError> {
        self.one_app(format!("SELECT {APP_COLS} FROM applications WHERE submitter_id = $1 AND submission_id = $2"), &submitter_id, Some(&submission_id))
    }
    fn applications(
        &self,
        user: Option<&str>,
        status: Option<&str>,
    ) -> Result<Vec<Application>, ApiError> {
        let sql = format!(
            "SELECT {APP_COLS} FROM applications WHERE ($1::TEXT IS NULL OR user_id = $1 OR submitter_id = $1)
               AND ($2::TEXT IS NULL OR status = $2) ORDER BY created_at DESC, id DESC"
        );
        let rows = self.block(self.client.query(&sql, &[&user, &status]))?;
        Ok(rows.iter().map(app_row).collect())
    }
    fn set_status(
        &self,
        id: i64,
        status: &str,
        revision_request: Option<&str>,
        now: i64,
    ) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "UPDATE applications SET status = $2, revision_request = $3, updated_at = $4 WHERE id = $1",
            &[&id, &status, &revision_request, &now],
        ))?;
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
        self.block(self.client.execute(
            "INSERT INTO audit (application_id, actor, action, detail, at) VALUES ($1, $2, $3, $4, $5)",
            &[&application_id, &actor, &action, &detail, &now],
        ))?;
        Ok(())
    }
    fn audit_log(&self, application_id: i64) -> Result<Vec<AuditEntry>, ApiError> {
        let rows = self.block(self.client.query("SELECT actor, action, COALESCE(detail, ''), at FROM audit WHERE application_id = $1 ORDER BY id", &[&application_id]))?;
        Ok(rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect())
    }
    fn favorites(&self, user_id: &str) -> Result<Vec<String>, ApiError> {
        let rows = self.block(self.client.query(
            "SELECT procedure_id FROM favorites WHERE user_id = $1 ORDER BY procedure_id",
            &[&user_id],
        ))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }
    fn set_favorite(&self, user_id: &str, procedure_id: &str, on: bool) -> Result<(), ApiError> {
        let sql = if on {
            "INSERT INTO favorites (user_id, procedure_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        } else {
            "DELETE FROM favorites WHERE user_id = $1 AND procedure_id = $2"
        };
        self.block(self.client.execute(sql, &[&user_id, &procedure_id]))?;
        Ok(())
    }
    fn add_password_reset(
        &self,
        token_hash: &str,
        user_id: &str,
        expires: i64,
    ) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "INSERT INTO password_resets (token_hash, user_id, expires) VALUES ($1, $2, $3)",
            &[&token_hash, &user_id, &expires],
        ))?;
        Ok(())
    }
    fn take_password_reset(&self, token_hash: &str) -> Result<Option<(String, i64)>, ApiError> {
        let row = self.block(self.client.query_opt(
            "UPDATE password_resets SET used = TRUE WHERE token_hash = $1 AND NOT used RETURNING user_id, expires",
            &[&token_hash],
        ))?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }
    fn set_profile(
        &self,
        user_id: &str,
        postal_code: &str,
        address: &str,
        telephone: &str,
    ) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "UPDATE users SET postal_code = $2, address = $3, telephone = $4 WHERE id = $1",
            &[&user_id, &postal_code, &address, &telephone],
        ))?;
        Ok(())
    }
    fn profile(&self, user_id: &str) -> Result<(Option<String>, Option<String>), ApiError> {
        let r = self.block(self.client.query_one(
            "SELECT postal_code, address FROM users WHERE id = $1",
            &[&user_id],
        ))?;
        Ok((r.get(0), r.get(1)))
    }
    fn application_by_temporary_number(
        &self,
        number: &str,
    ) -> Result<Option<Application>, ApiError> {
        self.one_app(
            format!("SELECT {APP_COLS} FROM applications WHERE temporary_reception_number = $1"),
            &number,
            None,
        )
    }
    fn set_receipt(&self, id: i64, receipt: &str, now: i64) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "UPDATE applications SET receipt = $2, updated_at = $3 WHERE id = $1",
            &[&id, &receipt, &now],
        ))?;
        Ok(())
    }
    fn add_email_change(
        &self,
        token_hash: &str,
        user_id: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "INSERT INTO email_changes (token_hash, user_id, email, expires) VALUES ($1, $2, $3, $4)",
            &[&token_hash, &user_id, &email, &expires],
        ))?;
        Ok(())
    }
    fn take_email_change(
        &self,
        token_hash: &str,
    ) -> Result<Option<(String, String, i64)>, ApiError> {
        let row = self.block(self.client.query_opt(
            "UPDATE email_changes SET used = TRUE WHERE token_hash = $1 AND NOT used RETURNING user_id, email, expires",
            &[&token_hash],
        ))?;
        Ok(row.map(|r| (r.get(0), r.get(1), r.get(2))))
    }
    fn set_email(&self, user_id: &str, email: &str) -> Result<(), ApiError> {
        self.block(self.client.execute(
            "UPDATE users SET email = $2 WHERE id = $1",
            &[&user_id, &email],
        ))?;
        Ok(())
    }
}
