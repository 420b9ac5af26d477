//! `zairyu card …`: readers, status, basic four, certificates and signatures (issue 3).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum CardCommand {
    /// List the PC/SC readers.
    Readers {
        #[arg(long)]
        json: bool,
    },
    /// Card present, is it a My Number Card, and the three retry counters.
    Status {
        #[arg(long)]
        reader: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Read the basic four (name, address, date of birth, sex) with the 4-digit PIN.
    Read {
        #[arg(long)]
        reader: Option<String>,
        #[arg(long)]
        pin_stdin: bool,
        #[arg(long)]
        last_try: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write a certificate (DER) to a file.
    Cert {
        #[arg(long, value_enum)]
        kind: KeyKind,
        #[arg(long)]
        reader: Option<String>,
        #[arg(long)]
        pin_stdin: bool,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Sign a SHA-256 digest and write the raw signature to a file.
    Sign {
        #[arg(long, value_enum)]
        kind: KeyKind,
        #[arg(long)]
        reader: Option<String>,
        #[arg(long)]
        digest: String,
        #[arg(long)]
        pin_stdin: bool,
        #[arg(long)]
        last_try: bool,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum KeyKind {
    Auth,
    Sign,
}

pub(crate) fn run(_cmd: CardCommand) -> ExitCode {
    super::print_error(false, "not_built", "the card commands are not built yet");
    ExitCode::FAILURE
}
