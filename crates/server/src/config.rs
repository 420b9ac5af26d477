//! Server settings: defaults, then a TOML file, then `ZAIRYU_SERVER_*` environment variables,
//! then command-line flags. With nothing set: 127.0.0.1:8377, SQLite in the data folder, mail
//! as `.eml` files in `DATA/outbox/`, the production profile (the JPKI user-authentication
//! CAs only). The demo profile (the demo CA, whose private key is public, trusted too) is only
//! ever chosen explicitly: `--profile demo`, `ZAIRYU_PROFILE=demo` (or
//! `ZAIRYU_SERVER_PROFILE`), `profile = "demo"` in the file, or [`ServerConfig::demo_in_dir`].

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
    /// SMTP to host:port (a university relay or a test sink), encrypted as `tls` says, signed
    /// in with `login` when given.
    Smtp {
        host: String,
        port: u16,
        tls: SmtpTls,
        login: Option<SmtpLogin>,
    },
}

/// How the SMTP connection is encrypted (`smtp_tls` in the file, `ZAIRYU_SERVER_SMTP_TLS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpTls {
    /// Plain text: only for a relay on the same machine or a test sink.
    #[default]
    None,
    /// Plain connection upgraded with STARTTLS, required (usually port 587).
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

/// The SMTP account (`smtp_user`; the password from `ZAIRYU_SERVER_SMTP_PASSWORD` or
/// `smtp_password`). Its `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpLogin {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for SmtpLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpLogin")
            .field("user", &self.user)
            .field("password", &"…")
            .finish()
    }
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
    /// This server's identity in what a submission signs (`/api/health` tells it); when
    /// absent, a random one kept in `DATA/server-id`. Servers behind one address share one.
    pub server_id: Option<String>,
    /// Certificate revocation lists (DER or PEM files), each signed by a trust anchor.
    pub crls: Vec<PathBuf>,
    /// The reverse proxy in front of the server: only a connection from this address may name
    /// the client in `X-Forwarded-For`; from any other peer the header is ignored.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// A PEM file of CA certificates to trust for PostgreSQL's TLS besides the web PKI roots.
    pub postgres_ca: Option<PathBuf>,
    /// Connections, header-read timeout, upload pacing, shutdown drain.
    pub connections: ConnectionSettings,
    /// A new application is Pending (manual 5.1: "being processed") this many seconds before
    /// the office accepts it (Application completed, the reception mail); 0 accepts it as it
    /// arrives. Key `acceptance_seconds`, `ZAIRYU_SERVER_ACCEPTANCE_SECONDS`.
    pub acceptance_seconds: i64,
    /// Threads that compute password hashes (Argon2id, 19 MiB each), so as many at once; more
    /// sign-ins wait their turn. None: one per core.
    pub password_hashes_at_once: Option<usize>,
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
    server_id: Option<String>,
    /// One CRL file or several.
    crl: Option<CrlFiles>,
    trusted_proxy: Option<String>,
    smtp_tls: Option<SmtpTls>,
    smtp_user: Option<String>,
    smtp_password: Option<String>,
    postgres_ca: Option<PathBuf>,
    header_timeout_seconds: Option<u64>,
    max_connections: Option<usize>,
    upload_idle_seconds: Option<u64>,
    upload_min_bytes_per_second: Option<u64>,
    upload_grace_seconds: Option<u64>,
    shutdown_drain_seconds: Option<u64>,
    acceptance_seconds: Option<i64>,
    password_hashes_at_once: Option<usize>,
}

fn parse_trusted_proxy(text: &str) -> Result<std::net::IpAddr, String> {
    text.trim().parse().map_err(|_| {
        format!("trusted_proxy {text:?}: write the proxy's IP address, like 127.0.0.1 or ::1")
    })
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum CrlFiles {
    One(PathBuf),
    Several(Vec<PathBuf>),
}

/// What `zairyu serve` prints on its second line in the demo profile.
pub const DEMO_WARNING: &str = "zairyu serve: WARNING: DEMO PROFILE. The Zairyu Demo CA, whose private key is published in the repository, is trusted: anyone can make a card signature this server accepts. Never use it for real applications; start without ZAIRYU_PROFILE=demo (production) for that.";

/// The profile named by text (`demo` or `production`).
pub fn parse_profile(text: &str) -> Result<TrustProfile, String> {
    match text {
        "production" => Ok(TrustProfile::Production),
        "demo" => Ok(TrustProfile::Demo),
        other => Err(format!("profile {other:?}: use demo or production")),
    }
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
        tls: SmtpTls::None,
        login: None,
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
        // Production unless demo is asked for by name.
        let profile = match env("PROFILE").or_else(|| std::env::var("ZAIRYU_PROFILE").ok()) {
            Some(text) => parse_profile(&text)?,
            None => from_file.profile.unwrap_or(TrustProfile::Production),
        };
        let crls = match env("CRL").or_else(|| std::env::var("ZAIRYU_CRL").ok()) {
            Some(list) => std::env::split_paths(&list).collect(),
            None => match from_file.crl {
                Some(CrlFiles::One(path)) => vec![path],
                Some(CrlFiles::Several(paths)) => paths,
                None => Vec::new(),
            },
        };
        let mail = match env("SMTP").or(from_file.smtp) {
            Some(s) => match parse_smtp(&s)? {
                Mail::Smtp { host, port, .. } => {
                    let tls = match env("SMTP_TLS") {
                        Some(t) => match t.as_str() {
                            "none" => SmtpTls::None,
                            "starttls" => SmtpTls::Starttls,
                            "tls" => SmtpTls::Tls,
                            _ => {
                                return Err(format!(
                                    "ZAIRYU_SERVER_SMTP_TLS={t:?}: use none, starttls or tls"
                                ))
                            }
                        },
                        None => from_file.smtp_tls.unwrap_or_default(),
                    };
                    let login = match (env("SMTP_USER").or(from_file.smtp_user), env("SMTP_PASSWORD").or(from_file.smtp_password)) {
                        (Some(user), Some(password)) => Some(SmtpLogin { user, password }),
                        (None, None) => None,
                        _ => return Err("smtp_user and the SMTP password (ZAIRYU_SERVER_SMTP_PASSWORD) go together: give both or neither".into()),
                    };
                    if login.is_some() && tls == SmtpTls::None {
                        return Err("an SMTP password is never sent in clear: set smtp_tls = \"starttls\" or \"tls\"".into());
                    }
                    Mail::Smtp {
                        host,
                        port,
                        tls,
                        login,
                    }
                }
                outbox => outbox,
            },
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
        let trusted_proxy = env("TRUSTED_PROXY")
            .or(from_file.trusted_proxy)
            .filter(|t| !t.trim().is_empty())
            .map(|t| parse_trusted_proxy(&t))
            .transpose()?;
        Ok(ServerConfig {
            connections,
            password_hashes_at_once: env("PASSWORD_HASHES_AT_ONCE")
                .and_then(|v| v.parse().ok())
                .or(from_file.password_hashes_at_once)
                .filter(|n| *n > 0),
            server_id: env("ID").or(from_file.server_id),
            crls,
            postgres_ca: env("POSTGRES_CA")
                .map(PathBuf::from)
                .or(from_file.postgres_ca),
            trusted_proxy,
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
            acceptance_seconds: env("ACCEPTANCE_SECONDS")
                .and_then(|s| s.parse().ok())
                .or(from_file.acceptance_seconds)
                .unwrap_or(0)
                .max(0),
        })
    }

    /// A configuration for tests: everything under `data_dir`, the production profile.
    pub fn in_dir(data_dir: PathBuf) -> ServerConfig {
        ServerConfig {
            listen: "127.0.0.1:0".into(),
            mail: Mail::Outbox(data_dir.join("outbox")),
            data_dir,
            profile: TrustProfile::Production,
            session_seconds: 8 * 3600,
            public_url: "http://127.0.0.1".into(),
            postgres: None,
            connections: ConnectionSettings::default(),
            password_hashes_at_once: None,
            trusted_proxy: None,
            postgres_ca: None,
            server_id: None,
            crls: Vec::new(),
            acceptance_seconds: 0,
        }
    }

    /// [`ServerConfig::in_dir`] in the demo profile, chosen by name: the desktop app's bundled
    /// server (built with the feature `demo`), `ui-serve` and tests of the virtual card.
    pub fn demo_in_dir(data_dir: PathBuf) -> ServerConfig {
        ServerConfig {
            profile: TrustProfile::Demo,
            ..ServerConfig::in_dir(data_dir)
        }
    }

    pub fn profile_name(&self) -> &'static str {
        match self.profile {
            TrustProfile::Demo => "demo (demo CA trusted)",
            TrustProfile::Production => "production",
        }
    }

    /// `demo` or `production`, as `/api/health` says it.
    pub fn profile_id(&self) -> &'static str {
        match self.profile {
            TrustProfile::Demo => "demo",
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
            Mail::Smtp {
                host,
                port,
                tls,
                login,
            } => format!(
                "via SMTP {host}:{port} ({}{})",
                match tls {
                    SmtpTls::None => "plain",
                    SmtpTls::Starttls => "STARTTLS",
                    SmtpTls::Tls => "TLS",
                },
                login
                    .as_ref()
                    .map(|l| format!(", as {}", l.user))
                    .unwrap_or_default()
            ),
        }
    }
}
