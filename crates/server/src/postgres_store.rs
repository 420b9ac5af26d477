//! The PostgreSQL database (tokio-postgres), for deployments that outgrow one machine: several
//! stateless server processes on one database. It only runs statements: the SQL, the migrations
//! and the row mapping are the store's (`store/queries.rs`, `store/schema.rs`), shared with
//! SQLite and proven by the same conformance tests (`tests/store_conformance.rs`).
//!
//! The store owns a small tokio runtime that drives the connection; calls block on it (inside
//! `block_in_place` when made from the server's runtime), so the `Store` interface stays the
//! same synchronous one for both databases.

use std::future::Future;

use tokio_postgres::types::{ToSql, Type};
use tokio_postgres::{Client, NoTls, Row};

use crate::store::{Cell, Database, Dialect, Param, SqlRow, StoreError};

/// Held while migrating, so several servers may start at once.
const MIGRATION_LOCK: i64 = 8377;

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

impl PostgresStore {
    /// Connects (e.g. `host=127.0.0.1 port=5432 user=zairyu dbname=zairyu`) and applies the
    /// migrations not yet applied, under an advisory lock.
    pub fn connect(config: &str) -> Result<PostgresStore, StoreError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| StoreError::Open {
                place: "PostgreSQL".into(),
                reason: e.to_string(),
            })?;
        let client = outside_runtime(|| {
            runtime.block_on(async {
                let (client, connection) =
                    tokio_postgres::connect(config, NoTls)
                        .await
                        .map_err(|e| StoreError::Open {
                            place: format!("PostgreSQL ({config})"),
                            reason: e.to_string(),
                        })?;
                tokio::spawn(async move {
                    if let Err(e) = connection.await {
                        eprintln!("zairyu serve: PostgreSQL connection ended: {e}");
                    }
                });
                Ok::<_, StoreError>(client)
            })
        })?;
        let store = PostgresStore { runtime, client };
        store.batch(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))?;
        crate::store::migrate(&store)?;
        store.batch(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))?;
        Ok(store)
    }

    fn block<T>(
        &self,
        fut: impl Future<Output = Result<T, tokio_postgres::Error>>,
    ) -> Result<T, StoreError> {
        let run = || self.runtime.block_on(fut);
        Ok(match tokio::runtime::Handle::try_current() {
            Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(run)
            }
            _ => run(),
        }?)
    }
}

fn bound<'a>(params: &'a [Param<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| -> &(dyn ToSql + Sync) {
            match p {
                Param::Int(v) => v,
                Param::Text(v) => v,
                Param::Bool(v) => v,
            }
        })
        .collect()
}

fn cells(row: &Row) -> Result<SqlRow, StoreError> {
    let mut out = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let cell = match *column.type_() {
            Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map(Cell::Int),
            Type::INT4 => row
                .try_get::<_, Option<i32>>(i)?
                .map(|v| Cell::Int(v.into())),
            Type::BOOL => row.try_get::<_, Option<bool>>(i)?.map(Cell::Bool),
            Type::TEXT | Type::VARCHAR => row.try_get::<_, Option<String>>(i)?.map(Cell::Text),
            _ => {
                return Err(StoreError::Column {
                    column: i,
                    expected: "an integer, a text or a yes/no",
                })
            }
        };
        out.push(cell.unwrap_or(Cell::Null));
    }
    Ok(SqlRow(out))
}

impl Database for PostgresStore {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError> {
        let params = bound(params);
        self.block(self.client.execute(sql, &params))
    }

    fn query(&self, sql: &str, params: &[Param<'_>]) -> Result<Vec<SqlRow>, StoreError> {
        let params = bound(params);
        self.block(self.client.query(sql, &params))?
            .iter()
            .map(cells)
            .collect()
    }

    fn batch(&self, sql: &str) -> Result<(), StoreError> {
        self.block(self.client.batch_execute(sql))
    }
}
