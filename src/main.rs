//! `zairyu`: the command line over the same libraries the desktop app uses.
//!
//! Each subcommand group lives in its own module under `cli/` and returns the process exit
//! code; the contracts (flags, JSON shapes, exit codes) are documented in README.md.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Zairyu: prepare, check, sign and submit a residence application.
#[derive(Debug, Parser)]
#[command(name = "zairyu", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the virtual My Number Card on a vpcd reader until stopped.
    Sim(cli::sim::SimArgs),
    /// Talk to a My Number Card through a PC/SC reader.
    #[command(subcommand)]
    Card(cli::card::CardCommand),
    /// Check a facial photo and PDFs before they are sent.
    Check(cli::check::CheckArgs),
    /// Fix what the checks found: crop and shrink a photo, unlock or merge PDFs.
    #[command(subcommand)]
    Fix(cli::check::FixCommand),
    /// List and search the procedures that can be applied for.
    Procedures(cli::forms::ProceduresArgs),
    /// Look up the address of a Japanese postal code (offline).
    Postal(cli::forms::PostalArgs),
    /// Create, fill, check, export and import drafts.
    #[command(subcommand)]
    Draft(cli::draft::DraftCommand),
    /// Run the reception server.
    Serve(cli::serve::ServeArgs),
    /// Examiner actions on the reception server.
    #[command(subcommand)]
    Examiner(cli::serve::ExaminerCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Sim(args) => cli::sim::run(args),
        Command::Card(cmd) => cli::card::run(cmd),
        Command::Check(args) => cli::check::run_check(args),
        Command::Fix(cmd) => cli::check::run_fix(cmd),
        Command::Procedures(args) => cli::forms::run_procedures(args),
        Command::Postal(args) => cli::forms::run_postal(args),
        Command::Draft(cmd) => cli::draft::run(cmd),
        Command::Serve(args) => cli::serve::run_serve(args),
        Command::Examiner(cmd) => cli::serve::run_examiner(cmd),
    }
}
