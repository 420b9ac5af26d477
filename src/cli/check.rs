//! `zairyu check` and `zairyu fix …`: local checks and fix-ups of photo and PDFs (issue 4).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use zairyu_checks::{Date, FixError, Report, Severity};

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    #[arg(long)]
    pub(crate) json: bool,
    /// The language of `message` and `hint` (en, ja, zh-Hans, vi, ne, ko, id); English by default.
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<zairyu_messages::Language>,
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
    Pdf {
        input: PathBuf,
        output: PathBuf,
        /// Re-encode scanned pages smaller until the file is at most this many bytes.
        #[arg(long)]
        max_bytes: Option<u64>,
    },
    /// Merge several PDFs into one.
    Merge {
        output: PathBuf,
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
}

pub(crate) fn run_check(args: CheckArgs) -> ExitCode {
    let today = match args.today.as_deref() {
        None => Date::today_utc(),
        Some(text) => match Date::parse(text) {
            Some(date) => date,
            None => {
                super::print_error(
                    args.json,
                    "invalid_date",
                    &format!("--today {text:?} is not a date: write it as YYYY-MM-DD"),
                );
                return ExitCode::from(2);
            }
        },
    };
    let paths: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let started = Instant::now();
    let show_progress = std::io::stderr().is_terminal();
    let mut report = zairyu_checks::check_paths(&paths, today, |done, total| {
        if show_progress && started.elapsed() > Duration::from_millis(300) {
            eprint!("\rchecking {done}/{total}…");
            if done == total {
                eprint!("\r\x1b[K");
            }
            let _ = std::io::stderr().flush();
        }
    });
    if let Some(language) = args.lang {
        let findings = report.files.iter_mut().flat_map(|f| f.findings.iter_mut());
        for finding in findings.chain(report.set.findings.iter_mut()) {
            (finding.message, finding.hint) = finding.render(language);
        }
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("reports serialise")
        );
    } else {
        print_text(&report);
    }
    if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn print_text(report: &Report) {
    let print_findings = |findings: &[zairyu_checks::Finding]| {
        for f in findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            println!("  {level} [{}] {}", f.code, f.message);
            println!("    fix: {}", f.hint);
        }
    };
    for file in &report.files {
        let mark = if file.ok { "ok " } else { "BAD" };
        println!("{mark} {} ({:?})", file.path, file.kind);
        print_findings(&file.findings);
    }
    let mark = if report.set.ok { "ok " } else { "BAD" };
    println!("{mark} the set of {} file(s)", report.files.len());
    print_findings(&report.set.findings);
}

pub(crate) fn run_fix(cmd: FixCommand) -> ExitCode {
    let result = match &cmd {
        FixCommand::Photo { input, output } => {
            read(input).and_then(|bytes| fixed(zairyu_checks::fix_photo(&bytes), output))
        }
        FixCommand::Pdf {
            input,
            output,
            max_bytes,
        } => read(input).and_then(|bytes| {
            let result = match max_bytes {
                Some(max) => zairyu_checks::shrink_pdf(&bytes, *max),
                None => zairyu_checks::fix_pdf(&bytes),
            };
            fixed(result, output)
        }),
        FixCommand::Merge { output, inputs } => inputs
            .iter()
            .map(|path| read(path))
            .collect::<Result<Vec<_>, _>>()
            .and_then(|all| fixed(zairyu_checks::merge_pdfs(&all), output)),
    };
    match result {
        Ok(path) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err((code, message)) => {
            super::print_error(false, &code, &message);
            ExitCode::FAILURE
        }
    }
}

type Failure = (String, String);

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|err| {
        (
            "file_unreadable".to_owned(),
            format!("cannot read {}: {err}", path.display()),
        )
    })
}

/// Writes the fixed bytes next to `output` first, then renames, so a failed write never
/// leaves half a file (and never touches the input, even when it is the same path).
fn fixed(result: Result<Vec<u8>, FixError>, output: &Path) -> Result<PathBuf, Failure> {
    let bytes =
        result.map_err(|FixError(f)| (f.code.clone(), format!("{} {}", f.message, f.hint)))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = output.with_file_name(format!(".{name}.zairyu-tmp"));
    let io = |err: std::io::Error| {
        (
            "file_unwritable".to_owned(),
            format!("cannot write {}: {err}", output.display()),
        )
    };
    std::fs::write(&tmp, &bytes).map_err(io)?;
    std::fs::rename(&tmp, output).map_err(io)?;
    Ok(output.to_path_buf())
}
