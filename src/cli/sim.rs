//! `zairyu sim`: the virtual My Number Card on a vpcd reader (owned by the card work, issue 3).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct SimArgs {
    /// TOML file with the card's identity and PINs; defaults for missing keys.
    #[arg(long)]
    pub(crate) identity: Option<PathBuf>,
    /// Where vpcd listens (HOST:PORT).
    #[arg(long, default_value = "127.0.0.1:35963")]
    pub(crate) vpcd: String,
    /// Append one JSON line per card command to this file.
    #[arg(long)]
    pub(crate) access_log: Option<PathBuf>,
}

pub(crate) fn run(_args: SimArgs) -> ExitCode {
    super::print_error(false, "not_built", "the virtual card is not built yet");
    ExitCode::FAILURE
}
