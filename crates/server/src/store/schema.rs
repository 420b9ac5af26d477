//! The schema, written once for both databases: the numbered migrations (recorded in
//! `schema_migrations`; version N is the N-th entry, as databases made before this file already
//! record them) and the mapping from result rows to records. Type words in braces are filled in
//! by [`super::Dialect::render`].

use super::{ApplicationRow, Database, SqlRow, StoreError, UserRow, VersionRow};

const MIGRATIONS: &[&str] = &[
    "CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, user_type TEXT NOT NULL,
        name_en TEXT NOT NULL, telephone TEXT NOT NULL, password_hash TEXT NOT NULL, role TEXT NOT NULL,
        organisation TEXT, failures {INT} NOT NULL DEFAULT 0, locked_until {INT} NOT NULL DEFAULT 0,
        cert_fingerprint TEXT, usage TEXT, created_at {INT} NOT NULL);
     CREATE TABLE registrations (token_hash TEXT PRIMARY KEY, email TEXT NOT NULL, expires {INT} NOT NULL,
        confirmed {BOOL} NOT NULL DEFAULT {FALSE}, used {BOOL} NOT NULL DEFAULT {FALSE});
     CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires {INT} NOT NULL);
     CREATE TABLE challenges (nonce TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires {INT} NOT NULL);
     CREATE TABLE applications (id {ID}, reference_number TEXT NOT NULL UNIQUE,
        temporary_reception_number TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, submitter_id TEXT NOT NULL,
        procedure_id TEXT NOT NULL, submission_id TEXT NOT NULL, status TEXT NOT NULL, revision_request TEXT,
        created_at {INT} NOT NULL, updated_at {INT} NOT NULL, UNIQUE (submitter_id, submission_id));
     CREATE TABLE versions (application_id {INT} NOT NULL, version {INT} NOT NULL, form TEXT NOT NULL,
        files TEXT NOT NULL, signed_at TEXT NOT NULL, cert_fingerprint TEXT NOT NULL, created_at {INT} NOT NULL,
        PRIMARY KEY (application_id, version));
     CREATE TABLE audit (id {ID}, application_id {INT}, actor TEXT NOT NULL, action TEXT NOT NULL,
        detail TEXT, at {INT} NOT NULL);",
    "CREATE TABLE favorites (user_id TEXT NOT NULL, procedure_id TEXT NOT NULL, PRIMARY KEY (user_id, procedure_id));
     CREATE TABLE password_resets (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires {INT} NOT NULL, used {BOOL} NOT NULL DEFAULT {FALSE});
     ALTER TABLE users ADD COLUMN postal_code TEXT;
     ALTER TABLE users ADD COLUMN address TEXT;
     ALTER TABLE applications ADD COLUMN receipt TEXT;",
    "CREATE TABLE email_changes (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, email TEXT NOT NULL, expires {INT} NOT NULL, used {BOOL} NOT NULL DEFAULT {FALSE});",
    // Sign-in failures per typed user ID (known or not), replacing users.failures/locked_until.
    "CREATE TABLE login_failures (key TEXT PRIMARY KEY, failures {INT} NOT NULL, wait_until {INT} NOT NULL, updated_at {INT} NOT NULL);
     CREATE INDEX sessions_by_user ON sessions (user_id);
     CREATE INDEX audit_by_actor ON audit (actor);",
    // Organisations (schools, attorney offices), staff invitations, the students' links to
    // them, the bound certificate's last moment, and who filed an application for whom.
    "CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
        created_at {INT} NOT NULL, valid_until TEXT NOT NULL);
     CREATE TABLE staff_invitations (code_hash TEXT PRIMARY KEY, organisation_id TEXT NOT NULL,
        email TEXT NOT NULL, expires {INT} NOT NULL, used {BOOL} NOT NULL DEFAULT {FALSE});
     CREATE TABLE organisation_links (user_id TEXT NOT NULL, organisation_id TEXT NOT NULL,
        linked_at {INT} NOT NULL, PRIMARY KEY (user_id, organisation_id));
     CREATE INDEX organisation_links_by_organisation ON organisation_links (organisation_id);
     CREATE INDEX users_by_organisation ON users (organisation);
     ALTER TABLE users ADD COLUMN cert_not_after {INT};
     ALTER TABLE applications ADD COLUMN filed_by_organisation TEXT;
     ALTER TABLE applications ADD COLUMN filing TEXT;",
    // The language an account's mails are written in (issue 17; NULL: English and Japanese).
    "ALTER TABLE users ADD COLUMN language TEXT;",
];

/// Applies the migrations this database has not had yet. (PostgreSQL holds an advisory lock
/// around this so several servers may start at once.)
pub(crate) fn migrate(db: &dyn Database) -> Result<(), StoreError> {
    let dialect = db.dialect();
    db.batch(
        &dialect
            .render("CREATE TABLE IF NOT EXISTS schema_migrations (version {INT} PRIMARY KEY);"),
    )?;
    let done = db
        .query("SELECT COUNT(*) FROM schema_migrations", &[])?
        .first()
        .map(|r| r.int(0))
        .transpose()?
        .unwrap_or(0);
    let insert = dialect.render("INSERT INTO schema_migrations (version) VALUES (?1)");
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
        db.batch(&dialect.render(sql))?;
        db.execute(&insert, &[(i as i64 + 1).into()])?;
    }
    Ok(())
}

pub(super) const USER_COLUMNS: &str = "id, email, user_type, name_en, telephone, password_hash, role, organisation, cert_fingerprint, usage";

pub(super) fn user(r: &SqlRow) -> Result<UserRow, StoreError> {
    Ok(UserRow {
        id: r.text(0)?,
        email: r.text(1)?,
        user_type: r.text(2)?,
        name_en: r.text(3)?,
        telephone: r.text(4)?,
        password_hash: r.text(5)?,
        role: r.text(6)?,
        organisation: r.opt_text(7)?,
        cert_fingerprint: r.opt_text(8)?,
        usage: r.opt_text(9)?,
    })
}

pub(super) const APPLICATION_COLUMNS: &str = "id, reference_number, temporary_reception_number, user_id, submitter_id, procedure_id, submission_id, status, revision_request, created_at, updated_at, filed_by_organisation, filing";

/// An application without its versions (read separately).
pub(super) fn application(r: &SqlRow) -> Result<ApplicationRow, StoreError> {
    Ok(ApplicationRow {
        id: r.int(0)?,
        reference_number: r.text(1)?,
        temporary_reception_number: r.text(2)?,
        user_id: r.text(3)?,
        submitter_id: r.text(4)?,
        procedure_id: r.text(5)?,
        submission_id: r.text(6)?,
        status: r.text(7)?,
        revision_request: r.opt_text(8)?,
        created_at: r.int(9)?,
        updated_at: r.int(10)?,
        filed_by_organisation: r.opt_text(11)?,
        filing: r.opt_text(12)?,
        versions: Vec::new(),
    })
}

pub(super) const VERSION_COLUMNS: &str =
    "version, form, files, signed_at, cert_fingerprint, created_at";

pub(super) fn version(r: &SqlRow) -> Result<VersionRow, StoreError> {
    Ok(VersionRow {
        version: r.int(0)?,
        form: serde_json::from_str(&r.text(1)?).unwrap_or_default(),
        files: serde_json::from_str(&r.text(2)?).unwrap_or_default(),
        signed_at: r.text(3)?,
        cert_fingerprint: r.text(4)?,
        created_at: r.int(5)?,
    })
}
