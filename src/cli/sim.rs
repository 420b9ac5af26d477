//! `zairyu sim`: the virtual My Number Card on a vsmartcard-vpcd reader, until stopped.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use zairyu_card_sim::{vpcd, AccessLog, Identity, VirtualCard};

#[derive(Debug, clap::Args)]
pub(crate) struct SimArgs {
    /// TOML with name, address, birth_date, sex, auth_pin, text_pin, sign_password (defaults
    /// for what is missing: a fictional student in Beppu, PINs 1234, password ZAIRYU26).
    #[arg(long)]
    pub(crate) identity: Option<PathBuf>,
    /// Where vpcd listens (pcscd's reader configuration).
    #[arg(long, default_value = "127.0.0.1:35963")]
    pub(crate) vpcd: String,
    /// Append every command the card receives to this file, one JSON object per line.
    #[arg(long)]
    pub(crate) access_log: Option<PathBuf>,
}

pub(crate) fn run(args: SimArgs) -> ExitCode {
    let identity = match &args.identity {
        None => Identity::default(),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| Identity::from_toml(&t).map_err(|e| e.to_string()))
        {
            Ok(id) => id,
            Err(e) => {
                super::print_error(false, "bad_identity", &format!("{}: {e}", path.display()));
                return ExitCode::from(2);
            }
        },
    };
    let log = match &args.access_log {
        None => AccessLog::default(),
        Some(path) => match AccessLog::to_file(path) {
            Ok(log) => log,
            Err(e) => {
                super::print_error(
                    false,
                    "access_log_unwritable",
                    &format!("{}: {e}", path.display()),
                );
                return ExitCode::FAILURE;
            }
        },
    };
    let card = Arc::new(Mutex::new(VirtualCard::new(&identity, log)));
    eprintln!(
        "zairyu sim: virtual My Number Card of {}, waiting for vpcd at {}",
        identity.name, args.vpcd
    );
    let addr = args.vpcd.clone();
    vpcd::run(
        &args.vpcd,
        card,
        Arc::new(AtomicBool::new(false)),
        move |connected| {
            if connected {
                eprintln!("zairyu sim: card inserted (connected to vpcd at {addr})");
            } else {
                eprintln!("zairyu sim: vpcd closed the connection; reconnecting");
            }
        },
    );
    ExitCode::SUCCESS
}
