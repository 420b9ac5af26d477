//! Server settings: defaults, then a TOML file, then `ZAIRYU_SERVER_*` environment variables,
//! then command-line flags. With nothing set: 127.0.0.1:8377, SQLite in the data folder, mail
//! as `.eml` files in `DATA/outbox/`, the demo profile (demo CA trusted).

use std::path::PathBuf;

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrustProfile {
    Demo,
    Production,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mail {
    /// `.eml` files in this folder.
    Outbox(PathBuf),
    /// Plain SMTP to host:port (a university relay or a test sink).
    Smtp { host: String, port: u16 },
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: String,
    pub data_dir: PathBuf,
    pub profile: TrustProfile,
    pub mail: Mail,
    /// Sessions end this many seconds after sign-in.
    pub session_seconds: i64,
    /// The address the registration e-mail links to.
    pub public_url: String,
    /// PostgreSQL connection settings (`host=… port=… user=… dbname=…`); SQLite when absent.
    pub postgres: Option<String>,
    /// Connections, header-read timeout, upload pacing, shutdown drain.
    pub connections: ConnectionSettings,
}

/// How the server guards its connections (file keys and `ZAIRYU_SERVER_*` variables of the
/// same names in upper case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionSettings {
    /// A client must send its request headers within this (slow-loris guard).
    pub header_timeout_seconds: u64,
    /// Connections served at once; more wait in the listen queue.
    pub max_connections: usize,
    /// An upload that sends nothing for this long is cut off.
    pub upload_idle_seconds: u64,
    /// After `upload_grace_seconds`, an upload must average at least this many bytes a second.
    pub upload_min_bytes_per_second: u64,
    pub upload_grace_seconds: u64,
    /// On SIGTERM / Ctrl-C, requests under way get this long to finish.
    pub shutdown_drain_seconds: u64,
}

impl Default for ConnectionSettings {
    fn default() -> ConnectionSettings {
        ConnectionSettings {
            header_timeout_seconds: 10,
            max_connections: 256,
            upload_idle_seconds: 30,
            upload_min_bytes_per_second: 8_000,
            upload_grace_seconds: 60,
            shutdown_drain_seconds: 10,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    data: Option<PathBuf>,
    profile: Option<TrustProfile>,
    smtp: Option<String>,
    session_seconds: Option<i64>,
    public_url: Option<String>,
    postgres: Option<String>,
    header_timeout_seconds: Option<u64>,
    max_connections: Option<usize>,
    upload_idle_seconds: Option<u64>,
    upload_min_bytes_per_second: Option<u64>,
    upload_grace_seconds: Option<u64>,
    shutdown_drain_seconds: Option<u64>,
}

fn default_data_dir() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("zairyu-server")
}

fn parse_smtp(text: &str) -> Result<Mail, String> {
    let (host, port) = text
        .rsplit_once(':')
        .ok_or_else(|| format!("smtp {text:?}: write HOST:PORT"))?;
    let port = port
        .parse()
        .map_err(|_| format!("smtp {text:?}: the port is not a number"))?;
    Ok(Mail::Smtp {
        host: host.to_owned(),
        port,
    })
}

impl ServerConfig {
    /// Builds the configuration: file (if any), then environment, then the given overrides.
    pub fn load(
        file: Option<&std::path::Path>,
        data: Option<PathBuf>,
        listen: Option<String>,
    ) -> Result<ServerConfig, String> {
        let from_file: FileConfig = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?
            }
            None => FileConfig::default(),
        };
        let env = |k: &str| std::env::var(format!("ZAIRYU_SERVER_{k}")).ok();
        let data_dir = data
            .or_else(|| env("DATA").map(PathBuf::from))
            .or(from_file.data)
            .unwrap_or_else(default_data_dir);
        let profile = match env("PROFILE").as_deref() {
            Some("production") => TrustProfile::Production,
            Some("demo") => TrustProfile::Demo,
            Some(other) => {
                return Err(format!(
                    "ZAIRYU_SERVER_PROFILE={other:?}: use demo or production"
                ))
            }
            None => from_file.profile.unwrap_or(TrustProfile::Demo),
        };
        let mail = match env("SMTP").or(from_file.smtp) {
            Some(s) => parse_smtp(&s)?,
            None => Mail::Outbox(data_dir.join("outbox")),
        };
        let listen = listen
            .or_else(|| env("LISTEN"))
            .or(from_file.listen)
            .unwrap_or_else(|| "127.0.0.1:8377".into());
        let defaults = ConnectionSettings::default();
        let number = |key: &str, file: Option<u64>, default: u64| {
            env(key)
                .and_then(|v| v.parse().ok())
                .or(file)
                .unwrap_or(default)
        };
        let connections = ConnectionSettings {
            header_timeout_seconds: number(
                "HEADER_TIMEOUT_SECONDS",
                from_file.header_timeout_seconds,
                defaults.header_timeout_seconds,
            ),
            max_connections: number(
                "MAX_CONNECTIONS",
                from_file.max_connections.map(|n| n as u64),
                defaults.max_connections as u64,
            ) as usize,
            upload_idle_seconds: number(
                "UPLOAD_IDLE_SECONDS",
                from_file.upload_idle_seconds,
                defaults.upload_idle_seconds,
            ),
            upload_min_bytes_per_second: number(
                "UPLOAD_MIN_BYTES_PER_SECOND",
                from_file.upload_min_bytes_per_second,
                defaults.upload_min_bytes_per_second,
            ),
            upload_grace_seconds: number(
                "UPLOAD_GRACE_SECONDS",
                from_file.upload_grace_seconds,
                defaults.upload_grace_seconds,
            ),
            shutdown_drain_seconds: number(
                "SHUTDOWN_DRAIN_SECONDS",
                from_file.shutdown_drain_seconds,
                defaults.shutdown_drain_seconds,
            ),
        };
        Ok(ServerConfig {
            connections,
            postgres: env("POSTGRES").or(from_file.postgres),
            public_url: env("PUBLIC_URL")
                .or(from_file.public_url)
                .unwrap_or_else(|| format!("http://{listen}")),
            listen,
            data_dir,
            profile,
            mail,
            session_seconds: env("SESSION_SECONDS")
                .and_then(|s| s.parse().ok())
                .or(from_file.session_seconds)
                .unwrap_or(8 * 3600),
        })
    }

    /// A configuration for tests and the bundled server: everything under `data_dir`.
    pub fn in_dir(data_dir: PathBuf) -> ServerConfig {
        ServerConfig {
            listen: "127.0.0.1:0".into(),
            mail: Mail::Outbox(data_dir.join("outbox")),
            data_dir,
            profile: TrustProfile::Demo,
            session_seconds: 8 * 3600,
            public_url: "http://127.0.0.1".into(),
            postgres: None,
            connections: ConnectionSettings::default(),
        }
    }

    pub fn profile_name(&self) -> &'static str {
        match self.profile {
            TrustProfile::Demo => "demo (demo CA trusted)",
            TrustProfile::Production => "production",
        }
    }

    pub fn database_description(&self) -> String {
        match &self.postgres {
            Some(pg) => format!(
                "PostgreSQL ({})",
                pg.split_whitespace()
                    .filter(|kv| !kv.starts_with("password"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            None => format!("SQLite in {}", self.data_dir.display()),
        }
    }

    pub fn mail_description(&self) -> String {
        match &self.mail {
            Mail::Outbox(dir) => format!("to {}", dir.display()),
            Mail::Smtp { host, port } => format!("via SMTP {host}:{port}"),
        }
    }
}
