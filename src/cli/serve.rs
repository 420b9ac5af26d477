//! `zairyu serve` (the reception server) and `zairyu examiner …` (the examiner's side from the
//! command line, on the same data folder and the same audited functions of the
//! [`ReceptionOffice`]; nothing here touches the store).

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use zairyu_server::{ReceptionOffice, ServerConfig};

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// A TOML file with listen, data, profile, smtp, session_seconds, public_url, server_id, crl.
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    /// The data folder (database, attachments, outbox); else ZAIRYU_SERVER_DATA, else the OS data folder.
    #[arg(long)]
    pub(crate) data: Option<PathBuf>,
    /// Where to listen, e.g. 127.0.0.1:8377 (the default).
    #[arg(long)]
    pub(crate) listen: Option<String>,
    /// production (the default: the JPKI user-authentication CAs only) or demo (also the demo
    /// CA, whose private key is public); else ZAIRYU_PROFILE / ZAIRYU_SERVER_PROFILE.
    #[arg(long)]
    pub(crate) profile: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Where {
    /// A TOML file with the server's settings (as `zairyu serve --config`).
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    /// The server's data folder (as `zairyu serve --data`).
    #[arg(long)]
    pub(crate) data: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum ExaminerCommand {
    /// Create an examiner account; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        at: Where,
    },
    /// List applications, optionally of one status.
    List {
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(long = "as")]
        examiner: String,
        #[command(flatten)]
        at: Where,
    },
    /// Show one application with its versions and audit trail.
    Show {
        id: i64,
        #[arg(long = "as")]
        examiner: String,
        #[command(flatten)]
        at: Where,
    },
    /// Move an application to another status (only the allowed transitions).
    SetStatus {
        id: i64,
        status: String,
        #[arg(long = "as")]
        examiner: String,
        #[command(flatten)]
        at: Where,
    },
    /// Return an application to the applicant with what to change.
    RequestRevision {
        id: i64,
        #[arg(long)]
        message: String,
        #[arg(long = "as")]
        examiner: String,
        #[command(flatten)]
        at: Where,
    },
}

pub(crate) fn run_serve(args: ServeArgs) -> ExitCode {
    let loaded =
        ServerConfig::load(args.config.as_deref(), args.data, args.listen).and_then(|c| match args
            .profile
            .as_deref()
        {
            Some(name) => Ok(ServerConfig {
                profile: zairyu_server::config::parse_profile(name)?,
                ..c
            }),
            None => Ok(c),
        });
    let config = match loaded {
        Ok(c) => c,
        Err(e) => {
            super::print_error(false, "bad_config", &e);
            return ExitCode::from(2);
        }
    };
    start_logging();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    match runtime.block_on(zairyu_server::serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            super::print_error(false, "serve_failed", &e);
            ExitCode::FAILURE
        }
    }
}

/// The server's structured logs on stderr, at the level of `ZAIRYU_LOG` (error, warn, info —
/// the default —, debug, trace). They carry methods, routes, statuses and request ids only.
fn start_logging() {
    let level = std::env::var("ZAIRYU_LOG")
        .ok()
        .and_then(|v| v.parse::<tracing_subscriber::filter::LevelFilter>().ok())
        .unwrap_or(tracing_subscriber::filter::LevelFilter::INFO);
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

pub(crate) fn office(at: &Where) -> Result<ReceptionOffice, String> {
    let config = ServerConfig::load(at.config.as_deref(), at.data.clone(), None)?;
    ReceptionOffice::open(&config)
}

fn print(json: &serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(json).expect("values serialise")
    );
}

pub(crate) fn run_examiner(cmd: ExaminerCommand) -> ExitCode {
    let result = (|| -> Result<(), (String, String)> {
        let at = match &cmd {
            ExaminerCommand::Create { at, .. }
            | ExaminerCommand::List { at, .. }
            | ExaminerCommand::Show { at, .. }
            | ExaminerCommand::SetStatus { at, .. }
            | ExaminerCommand::RequestRevision { at, .. } => at,
        };
        let office = office(at).map_err(|e| ("bad_config".to_owned(), e))?;
        let api = |e: zairyu_server::ApiError| (e.code, e.message);
        let examiner = |id: &str| office.examiner_account(id).map_err(api);
        match &cmd {
            ExaminerCommand::Create { email, name, .. } => {
                let mut password = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut password)
                    .map_err(|e| ("bad_input".to_owned(), e.to_string()))?;
                let id = office
                    .create_examiner(email, name, password.trim_end())
                    .map_err(api)?;
                println!("{id}");
            }
            ExaminerCommand::List {
                status,
                json,
                examiner: who,
                ..
            } => {
                let apps = office
                    .examiner_list(&examiner(who)?, status.as_deref())
                    .map_err(api)?;
                if *json {
                    print(&serde_json::to_value(&apps).unwrap_or_default());
                } else {
                    for a in apps {
                        println!(
                            "{}\t{}\t{}\t{}\t{}",
                            a.id, a.reference_number, a.procedure_id, a.status, a.user_id
                        );
                    }
                }
            }
            ExaminerCommand::Show {
                id, examiner: who, ..
            } => {
                let (app, audit) = office.examiner_view(&examiner(who)?, *id).map_err(api)?;
                let mut v = serde_json::to_value(&app).unwrap_or_default();
                v["audit"] = serde_json::json!(audit);
                print(&v);
            }
            ExaminerCommand::SetStatus {
                id,
                status,
                examiner: who,
                ..
            } => {
                let app = office
                    .set_status(&examiner(who)?, *id, status)
                    .map_err(api)?;
                println!("{} is now {}", app.reference_number, app.status);
            }
            ExaminerCommand::RequestRevision {
                id,
                message,
                examiner: who,
                ..
            } => {
                let app = office
                    .request_revision(&examiner(who)?, *id, message)
                    .map_err(api)?;
                println!("{} is now {}", app.reference_number, app.status);
            }
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, message)) => {
            super::print_error(true, &code, &message);
            if code == "bad_config" {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
