//! `zairyu-server`: the reception side of the Online Residence Application System as Zairyu
//! models it (manual sections 3, 4.2.9, 5, 6, 7): accounts, the usage application verified by
//! a card signature, procedures, applications with their files and statuses, examiners.
//!
//! - [`config`]: where it listens, where the data lives, the profile, mail.
//! - [`store`]: the one storage interface, its SQL written once for SQLite and PostgreSQL
//!   ([`postgres_store`]), migrations inside; its own error type.
//! - [`service`]: the [`ReceptionOffice`], every action as a function over the store (private to
//!   it) — the HTTP handlers ([`http`]) and the `zairyu examiner` commands are thin shells over
//!   it.
//! - [`owner_only`]: the data folder and its files readable by the server's user only.
//! - [`rate_limit`]: request budgets and progressive waits per client, account and address.
//! - [`mail`]: notifications as `.eml` files in `DATA/outbox/` or over SMTP.
//! - [`error`]: `{code, message}` with stable codes; bad input is never a 500.
//! - [`connections`]: the accept loop: a connection limit, a header-read timeout, graceful
//!   shutdown on Ctrl-C or SIGTERM.

pub mod answers;
pub mod clock;
pub mod config;
pub mod connections;
pub mod error;
pub mod http;
pub mod mail;
pub mod mail_text;
pub mod owner_only;
pub mod postgres_store;
pub mod rate_limit;
pub mod service;
pub mod store;

pub use config::ServerConfig;
pub use error::ApiError;
pub use service::ReceptionOffice;

/// Runs the server until Ctrl-C or SIGTERM: logs one line saying where it listens and where
/// the data lives, removes what interrupted uploads left behind, then serves until a signal,
/// giving requests under way `shutdown_drain_seconds` to finish.
pub async fn serve(mut config: ServerConfig) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(&config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    name_the_bound_port(&mut config, addr);
    let office = ReceptionOffice::open(&config).map_err(|e| e.to_string())?;
    // Before announcing the address: whoever waits for it finds a clean files folder.
    let swept = http::sweep_leftovers(&office.files_dir);
    eprintln!(
        "zairyu serve: listening on http://{addr}, data in {}, database {}, profile {}, mail {}",
        config.data_dir.display(),
        config.database_description(),
        config.profile_name(),
        config.mail_description()
    );
    if config.profile == config::TrustProfile::Demo {
        eprintln!("{}", config::DEMO_WARNING);
    }
    if swept > 0 {
        tracing::info!(
            files = swept,
            "removed the leftovers of interrupted uploads"
        );
    }
    let app = http::router(std::sync::Arc::new(office));
    connections::run(
        listener,
        app,
        config.connections,
        connections::shutdown_signal(),
    )
    .await;
    tracing::info!("stopped");
    Ok(())
}

/// The default public address, or one naming port 0 (`listen` on a free port), becomes the
/// address actually bound, so the links in the e-mails can be clicked.
fn name_the_bound_port(config: &mut ServerConfig, addr: std::net::SocketAddr) {
    let public = config.public_url.trim_end_matches('/');
    if public == "http://127.0.0.1"
        || public == format!("http://{}", config.listen) && public.ends_with(":0")
    {
        config.public_url = format!("http://{addr}");
    }
}

/// Starts the server on a thread of its own with its own runtime (the desktop app's bundled
/// server, tests) and answers the address it listens on; connections are accepted from then
/// on. It runs until the process ends. With `listen` at port 0 a free port is chosen.
pub fn spawn(mut config: ServerConfig) -> Result<std::net::SocketAddr, String> {
    let listener = std::net::TcpListener::bind(&config.listen)
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    name_the_bound_port(&mut config, addr);
    let office = ReceptionOffice::open(&config)?;
    http::sweep_leftovers(&office.files_dir);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("zairyu-server")
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let settings = config.connections;
    std::thread::Builder::new()
        .name("zairyu-server".into())
        .spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                let app = http::router(std::sync::Arc::new(office));
                connections::run(listener, app, settings, std::future::pending()).await;
            });
        })
        .map_err(|e| e.to_string())?;
    Ok(addr)
}
