//! `zairyu procedures` and `zairyu postal`: the procedure catalog and postal codes (issue 5).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct ProceduresArgs {
    /// Space-separated keywords; every one must match.
    #[arg(long)]
    pub(crate) search: Option<String>,
    /// Widen each keyword with its synonyms.
    #[arg(long)]
    pub(crate) synonyms: bool,
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, clap::Args)]
pub(crate) struct PostalArgs {
    /// Seven digits, with or without a hyphen.
    pub(crate) code: String,
    #[arg(long)]
    pub(crate) json: bool,
}

pub(crate) fn run_procedures(_args: ProceduresArgs) -> ExitCode {
    super::print_error(false, "not_built", "the procedure catalog is not built yet");
    ExitCode::FAILURE
}

pub(crate) fn run_postal(_args: PostalArgs) -> ExitCode {
    super::print_error(false, "not_built", "the postal table is not built yet");
    ExitCode::FAILURE
}
