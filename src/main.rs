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
    /// Check a facial photo and PDFs before they are sent.
    Check(cli::check::CheckArgs),
    /// Fix what the checks found: crop and shrink a photo, unlock or merge PDFs.
    #[command(subcommand)]
    Fix(cli::check::FixCommand),
    /// List or search the procedures that can be applied for.
    Procedures(cli::procedures::ProceduresArgs),
    /// Create, fill, check, export and import drafts of an application.
    #[command(subcommand)]
    Draft(cli::draft::DraftCommand),
    /// Look up the address of a postal code, offline.
    Postal(cli::procedures::PostalArgs),
    /// Run the virtual My Number Card on a vsmartcard-vpcd reader until stopped.
    Sim(cli::sim::SimArgs),
    /// Read from and sign with a My Number Card over PC/SC.
    #[command(subcommand)]
    Card(cli::card::CardCommand),
    /// Run the reception server (SQLite, mail to DATA/outbox by default).
    Serve(cli::serve::ServeArgs),
    /// The examiner's side: create an account, list, show, move statuses, request revisions.
    #[command(subcommand)]
    Examiner(cli::serve::ExaminerCommand),
    /// Organisations (schools, attorney offices) and their staff: create, list, show, invite
    /// and remove staff.
    #[command(subcommand)]
    Org(cli::org::OrgCommand),
    /// Serve the built UI and the app layer over HTTP on loopback (browser tests, demos).
    UiServe(cli::ui_serve::UiServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => cli::check::run_check(args),
        Command::Fix(cmd) => cli::check::run_fix(cmd),
        Command::Procedures(args) => cli::procedures::run_procedures(args),
        Command::Draft(cmd) => cli::draft::run(cmd),
        Command::Postal(args) => cli::procedures::run_postal(args),
        Command::Sim(args) => cli::sim::run(args),
        Command::Card(cmd) => cli::card::run(cmd),
        Command::Serve(args) => cli::serve::run_serve(args),
        Command::Examiner(cmd) => cli::serve::run_examiner(cmd),
        Command::Org(cmd) => cli::org::run(cmd),
        Command::UiServe(args) => cli::ui_serve::run(args),
    }
}
