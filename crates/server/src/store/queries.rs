//! Every statement of the store, written once: [`Store`] for any [`Database`]. Statements use
//! `?N` markers and only SQL both databases read (`RETURNING`, `ON CONFLICT DO NOTHING`,
//! `CAST`, `TRUE`/`FALSE`).

use super::schema::{self, APPLICATION_COLUMNS, USER_COLUMNS, VERSION_COLUMNS};
use super::{
    ApplicationRow, AuditEntry, Database, Param, SqlRow, Store, StoreError, UserRow, VersionRow,
    LOGIN_FREE_FAILURES, LOGIN_MAX_WAIT,
};

/// The parameters of a statement.
macro_rules! params {
    ($($p:expr),* $(,)?) => { &[$(Param::from($p)),*] };
}

pub(super) fn run<D: Database + ?Sized>(
    db: &D,
    sql: &str,
    params: &[Param<'_>],
) -> Result<(), StoreError> {
    db.execute(&db.dialect().render(sql), params).map(|_| ())
}

pub(super) fn rows<D: Database + ?Sized>(
    db: &D,
    sql: &str,
    params: &[Param<'_>],
) -> Result<Vec<SqlRow>, StoreError> {
    db.query(&db.dialect().render(sql), params)
}

pub(super) fn first<D: Database + ?Sized>(
    db: &D,
    sql: &str,
    params: &[Param<'_>],
) -> Result<Option<SqlRow>, StoreError> {
    Ok(rows(db, sql, params)?.into_iter().next())
}

fn one<D: Database + ?Sized>(
    db: &D,
    sql: &str,
    params: &[Param<'_>],
) -> Result<SqlRow, StoreError> {
    first(db, sql, params)?.ok_or_else(|| StoreError::NoRow(sql.to_owned()))
}

/// One application by `condition`, with its versions.
fn one_application<D: Database + ?Sized>(
    db: &D,
    condition: &str,
    params: &[Param<'_>],
) -> Result<Option<ApplicationRow>, StoreError> {
    let sql = format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE {condition}");
    let Some(row) = first(db, &sql, params)? else {
        return Ok(None);
    };
    let mut app = schema::application(&row)?;
    app.versions = rows(
        db,
        &format!(
            "SELECT {VERSION_COLUMNS} FROM versions WHERE application_id = ?1 ORDER BY version"
        ),
        params![app.id],
    )?
    .iter()
    .map(schema::version)
    .collect::<Result<_, _>>()?;
    Ok(Some(app))
}

/// The one statement that counts a sign-in attempt: an insert, or an increment of the stored
/// count when the key may try now (the `WHERE` of the update), answering the new count. The
/// wait after the count is computed in the same statement: 0 below
/// [`LOGIN_FREE_FAILURES`], then 2, 4, 8 … seconds, at most [`LOGIN_MAX_WAIT`].
fn claim_sql() -> String {
    let free = LOGIN_FREE_FAILURES;
    let cap = LOGIN_MAX_WAIT;
    // The first exponent whose wait would pass the cap.
    let capped_from = (0..62).find(|k| 2i64 << k >= cap).unwrap_or(62);
    let wait = |f: &str| {
        format!(
            "CASE WHEN {f} < {free} THEN 0 WHEN {f} - {free} >= {capped_from} THEN CAST(?2 AS BIGINT) + {cap} \
             ELSE CAST(?2 AS BIGINT) + (2 << CAST({f} - {free} AS INTEGER)) END"
        )
    };
    format!(
        "INSERT INTO login_failures (key, failures, wait_until, updated_at) VALUES (?1, 1, {first}, ?2)
         ON CONFLICT (key) DO UPDATE SET failures = login_failures.failures + 1,
             wait_until = {next}, updated_at = ?2
         WHERE login_failures.wait_until <= ?2
         RETURNING failures",
        first = wait("1"),
        next = wait("login_failures.failures + 1"),
    )
}

/// A [`Database`] inside a transaction, as a [`Store`] for [`Store::atomically`]'s work.
#[derive(Debug)]
struct InTransaction<'a>(&'a dyn Database);

impl Database for InTransaction<'_> {
    fn dialect(&self) -> super::Dialect {
        self.0.dialect()
    }
    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError> {
        self.0.execute(sql, params)
    }
    fn query(&self, sql: &str, params: &[Param<'_>]) -> Result<Vec<SqlRow>, StoreError> {
        self.0.query(sql, params)
    }
    fn batch(&self, sql: &str) -> Result<(), StoreError> {
        self.0.batch(sql)
    }
    fn transaction(
        &self,
        work: &mut dyn FnMut(&dyn Database) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // Already inside one: the work joins it.
        work(self.0)
    }
}

impl<D: Database> Store for D {
    fn add_registration(
        &self,
        token_hash: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), StoreError> {
        run(
            self,
            "INSERT INTO registrations (token_hash, email, expires) VALUES (?1, ?2, ?3)",
            params![token_hash, email, expires],
        )
    }
    fn registration(
        &self,
        token_hash: &str,
    ) -> Result<Option<(String, i64, bool, bool)>, StoreError> {
        first(
            self,
            "SELECT email, expires, confirmed, used FROM registrations WHERE token_hash = ?1",
            params![token_hash],
        )?
        .map(|r| Ok((r.text(0)?, r.int(1)?, r.flag(2)?, r.flag(3)?)))
        .transpose()
    }
    fn set_registration(
        &self,
        token_hash: &str,
        confirmed: bool,
        used: bool,
    ) -> Result<(), StoreError> {
        run(
            self,
            "UPDATE registrations SET confirmed = ?2, used = ?3 WHERE token_hash = ?1",
            params![token_hash, confirmed, used],
        )
    }
    fn add_user(&self, u: &UserRow, now: i64) -> Result<(), StoreError> {
        run(
            self,
            "INSERT INTO users (id, email, user_type, name_en, telephone, password_hash, role, organisation, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![&u.id, &u.email, &u.user_type, &u.name_en, &u.telephone, &u.password_hash, &u.role, &u.organisation, now],
        )
    }
    fn user(&self, id: &str) -> Result<Option<UserRow>, StoreError> {
        first(
            self,
            &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
            params![id],
        )?
        .map(|r| schema::user(&r))
        .transpose()
    }
    fn user_by_email(&self, email: &str) -> Result<Option<UserRow>, StoreError> {
        first(
            self,
            &format!("SELECT {USER_COLUMNS} FROM users WHERE email = ?1"),
            params![email],
        )?
        .map(|r| schema::user(&r))
        .transpose()
    }
    fn claim_login_attempt(&self, key: &str, now: i64) -> Result<Option<i64>, StoreError> {
        run(
            self,
            "DELETE FROM login_failures WHERE updated_at < ?1 AND wait_until <= ?2",
            params![now - 24 * 3600, now],
        )?;
        first(self, &claim_sql(), params![key, now])?
            .map(|r| r.int(0))
            .transpose()
    }
    fn login_wait_until(&self, key: &str) -> Result<i64, StoreError> {
        Ok(first(
            self,
            "SELECT wait_until FROM login_failures WHERE key = ?1",
            params![key],
        )?
        .map(|r| r.int(0))
        .transpose()?
        .unwrap_or(0))
    }
    fn clear_login_failures(&self, key: &str) -> Result<(), StoreError> {
        run(
            self,
            "DELETE FROM login_failures WHERE key = ?1",
            params![key],
        )
    }
    fn set_password(&self, id: &str, hash: &str) -> Result<(), StoreError> {
        run(
            self,
            "UPDATE users SET password_hash = ?2, failures = 0, locked_until = 0 WHERE id = ?1",
            params![id, hash],
        )
    }
    fn set_usage(&self, id: &str, fingerprint: &str, usage: &str) -> Result<bool, StoreError> {
        let changed = self.execute(
            &self.dialect().render(
                "UPDATE users SET cert_fingerprint = ?2, usage = ?3 WHERE id = ?1 \
                 AND NOT EXISTS (SELECT 1 FROM users other WHERE other.cert_fingerprint = ?2 AND other.id <> ?1)",
            ),
            params![id, fingerprint, usage],
        )?;
        Ok(changed == 1)
    }
    fn add_session(&self, token_hash: &str, user_id: &str, expires: i64) -> Result<(), StoreError> {
        run(
            self,
            "INSERT INTO sessions (token_hash, user_id, expires) VALUES (?1, ?2, ?3)",
            params![token_hash, user_id, expires],
        )
    }
    fn session_user(&self, token_hash: &str, now: i64) -> Result<Option<String>, StoreError> {
        first(
            self,
            "SELECT user_id FROM sessions WHERE token_hash = ?1 AND expires > ?2",
            params![token_hash, now],
        )?
        .map(|r| r.text(0))
        .transpose()
    }
    fn remove_session(&self, token_hash: &str) -> Result<(), StoreError> {
        run(
            self,
            "DELETE FROM sessions WHERE token_hash = ?1",
            params![token_hash],
        )
    }
    fn remove_other_sessions(&self, user_id: &str, keep: Option<&str>) -> Result<(), StoreError> {
        run(
            self,
            "DELETE FROM sessions WHERE user_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR token_hash <> ?2)",
            params![user_id, keep],
        )
    }
    fn add_challenge(&self, nonce: &str, user_id: &str, expires: i64) -> Result<(), StoreError> {
        run(
            self,
            "INSERT INTO challenges (nonce, user_id, expires) VALUES (?1, ?2, ?3)",
            params![nonce, user_id, expires],
        )
    }
    fn take_challenge(&self, nonce: &str) -> Result<Option<(String, i64)>, StoreError> {
        first(
            self,
            "DELETE FROM challenges WHERE nonce = ?1 RETURNING user_id, expires",
            params![nonce],
        )?
        .map(|r| Ok((r.text(0)?, r.int(1)?)))
        .transpose()
    }
    fn add_application(&self, a: &ApplicationRow) -> Result<i64, StoreError> {
        one(
            self,
            "INSERT INTO applications (reference_number, temporary_reception_number, user_id, submitter_id, procedure_id,
                submission_id, status, revision_request, created_at, updated_at, filed_by_organisation, filing)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
            params![&a.reference_number, &a.temporary_reception_number, &a.user_id, &a.submitter_id, &a.procedure_id,
                &a.submission_id, &a.status, &a.revision_request, a.created_at, a.updated_at, &a.filed_by_organisation, &a.filing],
        )?
        .int(0)
    }
    fn add_version(&self, application_id: i64, v: &VersionRow) -> Result<(), StoreError> {
        let (form, files) = (v.form.to_string(), v.files.to_string());
        run(
            self,
            &format!("INSERT INTO versions (application_id, {VERSION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
            params![application_id, v.version, &form, &files, &v.signed_at, &v.cert_fingerprint, v.created_at],
        )
    }
    fn application(&self, id: i64) -> Result<Option<ApplicationRow>, StoreError> {
        one_application(self, "id = ?1", params![id])
    }
    fn application_by_submission(
        &self,
        submitter_id: &str,
        submission_id: &str,
    ) -> Result<Option<ApplicationRow>, StoreError> {
        one_application(
            self,
            "submitter_id = ?1 AND submission_id = ?2",
            params![submitter_id, submission_id],
        )
    }
    fn application_by_temporary_number(
        &self,
        number: &str,
    ) -> Result<Option<ApplicationRow>, StoreError> {
        one_application(self, "temporary_reception_number = ?1", params![number])
    }
    fn applications(
        &self,
        user: Option<&str>,
        status: Option<&str>,
    ) -> Result<Vec<ApplicationRow>, StoreError> {
        rows(
            self,
            &format!(
                "SELECT {APPLICATION_COLUMNS} FROM applications
                 WHERE (CAST(?1 AS TEXT) IS NULL OR user_id = ?1 OR submitter_id = ?1)
                   AND (CAST(?2 AS TEXT) IS NULL OR status = ?2) ORDER BY created_at DESC, id DESC"
            ),
            params![user, status],
        )?
        .iter()
        .map(schema::application)
        .collect()
    }
    fn set_status(
        &self,
        id: i64,
        status: &str,
        revision_request: Option<&str>,
        now: i64,
    ) -> Result<(), StoreError> {
        run(self, "UPDATE applications SET status = ?2, revision_request = ?3, updated_at = ?4 WHERE id = ?1", params![id, status, revision_request, now])
    }
    fn set_receipt(&self, id: i64, receipt: &str, now: i64) -> Result<(), StoreError> {
        run(
            self,
            "UPDATE applications SET receipt = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, receipt, now],
        )
    }
    fn audit(
        &self,
        application_id: Option<i64>,
        actor: &str,
        action: &str,
        detail: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        run(self, "INSERT INTO audit (application_id, actor, action, detail, at) VALUES (?1, ?2, ?3, ?4, ?5)", params![application_id, actor, action, detail, now])
    }
    fn audit_log(&self, application_id: i64) -> Result<Vec<AuditEntry>, StoreError> {
        rows(self, "SELECT actor, action, COALESCE(detail, ''), at FROM audit WHERE application_id = ?1 ORDER BY id", params![application_id])?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?, r.text(2)?, r.int(3)?)))
            .collect()
    }
    fn account_audit_log(&self, actor: &str) -> Result<Vec<AuditEntry>, StoreError> {
        rows(self, "SELECT actor, action, COALESCE(detail, ''), at FROM audit WHERE application_id IS NULL AND actor = ?1 ORDER BY id", params![actor])?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?, r.text(2)?, r.int(3)?)))
            .collect()
    }
    fn atomically(
        &self,
        work: &mut dyn FnMut(&dyn Store) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.transaction(&mut |db| work(&InTransaction(db)))
    }
    fn favorites(&self, user_id: &str) -> Result<Vec<String>, StoreError> {
        rows(
            self,
            "SELECT procedure_id FROM favorites WHERE user_id = ?1 ORDER BY procedure_id",
            params![user_id],
        )?
        .iter()
        .map(|r| r.text(0))
        .collect()
    }
    fn set_favorite(&self, user_id: &str, procedure_id: &str, on: bool) -> Result<(), StoreError> {
        let sql = if on {
            "INSERT INTO favorites (user_id, procedure_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
        } else {
            "DELETE FROM favorites WHERE user_id = ?1 AND procedure_id = ?2"
        };
        run(self, sql, params![user_id, procedure_id])
    }
    fn add_password_reset(
        &self,
        token_hash: &str,
        user_id: &str,
        expires: i64,
    ) -> Result<(), StoreError> {
        run(
            self,
            "INSERT INTO password_resets (token_hash, user_id, expires) VALUES (?1, ?2, ?3)",
            params![token_hash, user_id, expires],
        )
    }
    fn take_password_reset(&self, token_hash: &str) -> Result<Option<(String, i64)>, StoreError> {
        first(self, "UPDATE password_resets SET used = TRUE WHERE token_hash = ?1 AND NOT used RETURNING user_id, expires", params![token_hash])?
            .map(|r| Ok((r.text(0)?, r.int(1)?)))
            .transpose()
    }
    fn set_profile(
        &self,
        user_id: &str,
        postal_code: &str,
        address: &str,
        telephone: &str,
    ) -> Result<(), StoreError> {
        run(
            self,
            "UPDATE users SET postal_code = ?2, address = ?3, telephone = ?4 WHERE id = ?1",
            params![user_id, postal_code, address, telephone],
        )
    }
    fn profile(&self, user_id: &str) -> Result<(Option<String>, Option<String>), StoreError> {
        let r = one(
            self,
            "SELECT postal_code, address FROM users WHERE id = ?1",
            params![user_id],
        )?;
        Ok((r.opt_text(0)?, r.opt_text(1)?))
    }
    fn add_email_change(
        &self,
        token_hash: &str,
        user_id: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), StoreError> {
        run(self, "INSERT INTO email_changes (token_hash, user_id, email, expires) VALUES (?1, ?2, ?3, ?4)", params![token_hash, user_id, email, expires])
    }
    fn take_email_change(
        &self,
        token_hash: &str,
        user_id: &str,
    ) -> Result<Option<(String, String, i64)>, StoreError> {
        first(self, "UPDATE email_changes SET used = TRUE WHERE token_hash = ?1 AND user_id = ?2 AND NOT used RETURNING user_id, email, expires", params![token_hash, user_id])?
            .map(|r| Ok((r.text(0)?, r.text(1)?, r.int(2)?)))
            .transpose()
    }
    fn set_email(&self, user_id: &str, email: &str) -> Result<(), StoreError> {
        run(
            self,
            "UPDATE users SET email = ?2 WHERE id = ?1",
            params![user_id, email],
        )
    }
    fn set_user_language(&self, user_id: &str, language: Option<&str>) -> Result<(), StoreError> {
        run(
            self,
            "UPDATE users SET language = ?2 WHERE id = ?1",
            params![user_id, language],
        )
    }
    fn user_language(&self, user_id: &str) -> Result<Option<String>, StoreError> {
        first(
            self,
            "SELECT language FROM users WHERE id = ?1",
            params![user_id],
        )?
        .map(|r| r.opt_text(0))
        .transpose()
        .map(Option::flatten)
    }
}
