//! `zairyu check` and `zairyu fix …`: local checks and fix-ups of photo and PDFs (issue 4).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    #[arg(long)]
    pub(crate) json: bool,
    /// The date to check the photo's age against (YYYY-MM-DD); today by default.
    #[arg(long)]
    pub(crate) today: Option<String>,
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum FixCommand {
    /// Crop to 3:4, shrink to the limits and drop metadata.
    Photo { input: PathBuf, output: PathBuf },
    /// Write an unrestricted copy of an owner-restricted PDF, shrinking scans if needed.
    Pdf { input: PathBuf, output: PathBuf },
    /// Merge several PDFs into one.
    Merge {
        output: PathBuf,
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
}

pub(crate) fn run_check(_args: CheckArgs) -> ExitCode {
    super::print_error(false, "not_built", "the checks are not built yet");
    ExitCode::FAILURE
}

pub(crate) fn run_fix(_cmd: FixCommand) -> ExitCode {
    super::print_error(false, "not_built", "the fix-ups are not built yet");
    ExitCode::FAILURE
}
