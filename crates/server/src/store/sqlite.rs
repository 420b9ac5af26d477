//! The embedded database: SQLite through rusqlite, one connection behind a mutex (WAL mode),
//! its statements compiled once and kept (rusqlite's statement cache).
//! It only runs statements; what they say is in `queries.rs` and `schema.rs`.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::types::ValueRef;
use rusqlite::{params_from_iter, Connection, ToSql};

use super::{schema, Cell, Database, Dialect, Param, SqlRow, StoreError};

#[derive(Debug)]
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

impl SqliteStore {
    /// Opens (or creates) the database file, readable by this user only (0600 on Unix; SQLite
    /// gives its `-wal` and `-shm` files the same mode), and applies the migrations it has not
    /// had.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let failed = |reason: String| StoreError::Open {
            place: path.display().to_string(),
            reason,
        };
        crate::owner_only::create_file(path).map_err(|e| failed(e.to_string()))?;
        let conn = Connection::open(path).map_err(|e| failed(e.to_string()))?;
        let store = Self::migrated(conn)?;
        for side in ["-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(side);
            let side = std::path::PathBuf::from(name);
            if side.exists() {
                crate::owner_only::restrict_file(&side).map_err(|e| failed(e.to_string()))?;
            }
        }
        Ok(store)
    }

    pub fn in_memory() -> SqliteStore {
        Self::migrated(Connection::open_in_memory().expect("in-memory SQLite"))
            .expect("migrations apply")
    }

    fn migrated(conn: Connection) -> Result<SqliteStore, StoreError> {
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
        )?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let store = SqliteStore {
            conn: Mutex::new(conn),
        };
        schema::migrate(&store)?;
        Ok(store)
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn bound<'a>(params: &'a [Param<'a>]) -> impl Iterator<Item = &'a dyn ToSql> {
    params.iter().map(|p| -> &dyn ToSql {
        match p {
            Param::Int(v) => v,
            Param::Text(v) => v,
            Param::Bool(v) => v,
        }
    })
}

/// Statements kept compiled per connection: every statement of `store/queries.rs` fits, so a
/// request's statements are parsed once per process, not once per request.
const STATEMENT_CACHE: usize = 96;

fn execute_on(conn: &Connection, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError> {
    Ok(conn
        .prepare_cached(sql)?
        .execute(params_from_iter(bound(params)))? as u64)
}

fn query_on(conn: &Connection, sql: &str, params: &[Param<'_>]) -> Result<Vec<SqlRow>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let columns = stmt.column_count();
    let rows = stmt
        .query_map(params_from_iter(bound(params)), |r| {
            (0..columns)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        ValueRef::Null => Cell::Null,
                        ValueRef::Integer(v) => Cell::Int(v),
                        ValueRef::Text(_) => Cell::Text(r.get(i)?),
                        other => {
                            return Err(rusqlite::Error::InvalidColumnType(
                                i,
                                String::new(),
                                other.data_type(),
                            ))
                        }
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()
                .map(SqlRow)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The connection, lent out of the store for the length of a transaction (the store's lock
/// stays held meanwhile, so nothing else runs in between).
#[derive(Debug)]
struct SqliteTransaction(Mutex<Connection>);

impl SqliteTransaction {
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Gives the lent connection back to the store's slot, also when the work panics.
struct Lent<'a> {
    slot: MutexGuard<'a, Connection>,
    tx: Option<SqliteTransaction>,
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            *self.slot = tx.0.into_inner().unwrap_or_else(|p| p.into_inner());
        }
    }
}

impl Database for SqliteTransaction {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }
    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError> {
        execute_on(&self.conn(), sql, params)
    }
    fn query(&self, sql: &str, params: &[Param<'_>]) -> Result<Vec<SqlRow>, StoreError> {
        query_on(&self.conn(), sql, params)
    }
    fn batch(&self, sql: &str) -> Result<(), StoreError> {
        Ok(self.conn().execute_batch(sql)?)
    }
    fn transaction(
        &self,
        work: &mut dyn FnMut(&dyn Database) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        work(self)
    }
}

impl Database for SqliteStore {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError> {
        execute_on(&self.conn(), sql, params)
    }

    fn query(&self, sql: &str, params: &[Param<'_>]) -> Result<Vec<SqlRow>, StoreError> {
        query_on(&self.conn(), sql, params)
    }

    fn batch(&self, sql: &str) -> Result<(), StoreError> {
        Ok(self.conn().execute_batch(sql)?)
    }

    fn transaction(
        &self,
        work: &mut dyn FnMut(&dyn Database) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut slot = self.conn();
        // A stand-in while the real connection is lent (an empty in-memory database).
        let real = std::mem::replace(&mut *slot, Connection::open_in_memory()?);
        let lent = Lent {
            slot,
            tx: Some(SqliteTransaction(Mutex::new(real))),
        };
        let tx = lent.tx.as_ref().expect("lent until dropped");
        tx.batch("BEGIN IMMEDIATE")?;
        match work(tx) {
            Ok(()) => tx.batch("COMMIT"),
            Err(e) => {
                let _ = tx.batch("ROLLBACK");
                Err(e)
            }
        }
    }
}
