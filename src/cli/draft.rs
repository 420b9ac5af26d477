//! `zairyu draft …`: drafts on disk, their checks, export and import (issue 5).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum DraftCommand {
    /// Create a new draft folder for a procedure.
    New {
        procedure_id: String,
        #[arg(long)]
        dir: PathBuf,
    },
    /// Set fields: FIELD=VALUE ...
    Set {
        dir: PathBuf,
        #[arg(required = true)]
        assignments: Vec<String>,
    },
    /// Validate a draft; exit 1 when any finding is an error.
    Check {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Export a draft to one portable bundle file.
    Export { dir: PathBuf, file: PathBuf },
    /// Import a bundle file into a new draft folder.
    Import { file: PathBuf, dir: PathBuf },
    /// Print the form schema of a procedure.
    Schema {
        procedure_id: String,
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn run(_cmd: DraftCommand) -> ExitCode {
    super::print_error(false, "not_built", "drafts are not built yet");
    ExitCode::FAILURE
}
