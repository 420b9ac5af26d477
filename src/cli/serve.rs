//! `zairyu serve` and `zairyu examiner …`: the reception server and its examiners (issue 6).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    #[arg(long)]
    pub(crate) data: Option<PathBuf>,
    #[arg(long)]
    pub(crate) listen: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum ExaminerCommand {}

pub(crate) fn run_serve(_args: ServeArgs) -> ExitCode {
    super::print_error(false, "not_built", "the reception server is not built yet");
    ExitCode::FAILURE
}

pub(crate) fn run_examiner(cmd: ExaminerCommand) -> ExitCode {
    match cmd {}
}
