//! The PostgreSQL database (tokio-postgres), for deployments that outgrow one machine: several
//! stateless server processes on one database. It only runs statements: the SQL, the migrations
//! and the row mapping are the store's (`store/queries.rs`, `store/schema.rs`), shared with
//! SQLite and proven by the same conformance tests (`tests/store_conformance.rs`).
//!
//! Connections use TLS as the settings' `sslmode` says (rustls). Each connection prepares a
//! statement once and keeps it (deadpool-postgres' statement cache): one round trip per
//! statement afterwards instead of two. The store owns a small tokio runtime that drives a pool of connections (deadpool-postgres:
//! a connection that broke is replaced when next taken, so the server reconnects after a
//! database restart); calls block on it (inside `block_in_place` when made from the server's
//! runtime), so the `Store` interface stays the same synchronous one for both databases.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::types::{ToSql, Type};
use tokio_postgres::Row;

use crate::store::{Cell, Database, Dialect, Param, SqlRow, StoreError};

/// Held while migrating, so several servers may start at once.
const MIGRATION_LOCK: i64 = 8377;
/// Connections the pool keeps at most.
const POOL_SIZE: usize = 8;
/// How long a statement waits for a connection (or for a new one to open) before it fails.
const POOL_WAIT: Duration = Duration::from_secs(10);

/// The PostgreSQL store: a pool of connections (deadpool-postgres) that replaces a connection
/// the server closed or the network broke, checked each time it is taken.
#[derive(Debug)]
pub struct PostgresStore {
    runtime: tokio::runtime::Runtime,
    pool: Pool,
}

fn open_error(reason: impl std::fmt::Display) -> StoreError {
    StoreError::Open {
        place: "PostgreSQL".into(),
        reason: reason.to_string(),
    }
}

fn pool_error(e: deadpool_postgres::PoolError) -> StoreError {
    match e {
        deadpool_postgres::PoolError::Backend(e) => StoreError::Postgres(e),
        other => open_error(other),
    }
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
    /// migrations not yet applied, under an advisory lock. TLS as `sslmode` says
    /// (`disable`, `prefer` (the default: TLS when the server offers it), `require`), the
    /// server's certificate checked against the web PKI roots.
    pub fn connect(config: &str) -> Result<PostgresStore, StoreError> {
        PostgresStore::connect_with_ca(config, None)
    }

    /// Like [`PostgresStore::connect`], also trusting the CA certificates of a PEM file (a
    /// database with its own CA: `postgres_ca` in the server's configuration).
    pub fn connect_with_ca(
        config: &str,
        ca: Option<&std::path::Path>,
    ) -> Result<PostgresStore, StoreError> {
        let tls = tls_connector(ca)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(open_error)?;
        let pg_config: tokio_postgres::Config = config
            .parse()
            .map_err(|e| open_error(format!("the connection settings: {e}")))?;
        let manager = Manager::from_config(
            pg_config,
            tls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = outside_runtime(|| {
            let _inside = runtime.enter();
            Pool::builder(manager)
                .max_size(POOL_SIZE)
                .runtime(Runtime::Tokio1)
                .wait_timeout(Some(POOL_WAIT))
                .create_timeout(Some(POOL_WAIT))
                .build()
                .map_err(open_error)
        })?;
        let store = PostgresStore { runtime, pool };
        // The advisory lock belongs to a connection: take it, migrate and free it on one.
        store.transaction(&mut |db| {
            db.batch(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))?;
            crate::store::migrate(db)
        })?;
        Ok(store)
    }

    fn block<T, E: Into<StoreError>>(
        &self,
        fut: impl Future<Output = Result<T, E>>,
    ) -> Result<T, StoreError> {
        let run = || self.runtime.block_on(fut);
        match tokio::runtime::Handle::try_current() {
            Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(run)
            }
            _ => run(),
        }
        .map_err(Into::into)
    }

    fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.block(async { self.pool.get().await.map_err(pool_error) })
    }
}

/// TLS for the connections: rustls (ring), the web PKI roots and the CAs of `ca` if given.
fn tls_connector(
    ca: Option<&std::path::Path>,
) -> Result<tokio_postgres_rustls::MakeRustlsConnect, StoreError> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::CertificateDer;
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = ca {
        let bad = |e: &dyn std::fmt::Display| open_error(format!("{}: {e}", path.display()));
        for cert in CertificateDer::pem_file_iter(path).map_err(|e| bad(&e))? {
            roots.add(cert.map_err(|e| bad(&e))?).map_err(|e| bad(&e))?;
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(open_error)?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// One connection of the pool inside a transaction.
struct PgTransaction<'a, 'c> {
    store: &'a PostgresStore,
    tx: &'a deadpool_postgres::Transaction<'c>,
}

impl std::fmt::Debug for PgTransaction<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgTransaction")
    }
}

impl Database for PgTransaction<'_, '_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }
    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError> {
        let params = bound(params);
        self.store.block(async {
            let statement = self.tx.prepare_cached(sql).await?;
            self.tx.execute(&statement, &params).await
        })
    }
    fn query(&self, sql: &str, params: &[Param<'_>]) -> Result<Vec<SqlRow>, StoreError> {
        let params = bound(params);
        self.store
            .block(async {
                let statement = self.tx.prepare_cached(sql).await?;
                self.tx.query(&statement, &params).await
            })?
            .iter()
            .map(cells)
            .collect()
    }
    fn batch(&self, sql: &str) -> Result<(), StoreError> {
        self.store.block(self.tx.batch_execute(sql))
    }
    fn transaction(
        &self,
        work: &mut dyn FnMut(&dyn Database) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        work(self)
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
        let client = self.client()?;
        self.block(async {
            let statement = client.prepare_cached(sql).await?;
            client.execute(&statement, &params).await
        })
    }

    fn query(&self, sql: &str, params: &[Param<'_>]) -> Result<Vec<SqlRow>, StoreError> {
        let params = bound(params);
        let client = self.client()?;
        self.block(async {
            let statement = client.prepare_cached(sql).await?;
            client.query(&statement, &params).await
        })?
        .iter()
        .map(cells)
        .collect()
    }

    fn batch(&self, sql: &str) -> Result<(), StoreError> {
        let client = self.client()?;
        self.block(client.batch_execute(sql))
    }

    fn transaction(
        &self,
        work: &mut dyn FnMut(&dyn Database) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut client = self.client()?;
        let tx = self.block(client.transaction())?;
        work(&PgTransaction {
            store: self,
            tx: &tx,
        })?;
        // Dropped without a commit (an error above), the transaction rolls back.
        self.block(tx.commit())
    }
}
