//! `zairyu draft …`: create, fill, check, export and import drafts (issue 5), plus show,
//! undo and reuse. Every change is saved at once; exit 0 done, 1 findings or failure, 2 usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zairyu_checks::Date;
use zairyu_drafts::{bundle, Draft, DraftError};
use zairyu_forms::schema::FieldKind;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum DraftCommand {
    /// Start a draft of a procedure in a new folder.
    New {
        procedure: String,
        #[arg(long)]
        dir: PathBuf,
    },
    /// Set fields: FIELD=VALUE (a photo or attachment field takes a file path). Saved at once.
    Set {
        dir: PathBuf,
        #[arg(required = true, value_name = "FIELD=VALUE")]
        assignments: Vec<String>,
    },
    /// Findings of the form and of the attached files; exit 1 when any is an error.
    Check {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
        /// The date the photo's age is measured against (YYYY-MM-DD); today by default.
        #[arg(long)]
        today: Option<String>,
        /// The language of `message` and `hint` (en, ja, zh-Hans, vi, ne, ko, id); English by default.
        #[arg(long, value_name = "LANG")]
        lang: Option<zairyu_messages::Language>,
    },
    /// Write the draft with its photo and attachments to one bundle file.
    Export { dir: PathBuf, file: PathBuf },
    /// Unpack a bundle into a new folder (never over an existing draft).
    Import { file: PathBuf, dir: PathBuf },
    /// Print the form schema of a procedure.
    Schema {
        procedure: String,
        #[arg(long)]
        json: bool,
    },
    /// Print the draft's metadata and form data.
    Show {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Go back to the version before the last change.
    Undo { dir: PathBuf },
    /// Start a new draft from a submitted one (within two years); stale fields are marked.
    Reuse {
        from: PathBuf,
        dir: PathBuf,
        #[arg(long)]
        today: Option<String>,
    },
}

fn fail(json: bool, e: &DraftError) -> ExitCode {
    super::print_error(json, e.code(), &e.to_string());
    match e.code() {
        "unknown_procedure" | "unknown_field" | "no_form" => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    }
}

fn today_or(text: Option<&str>, json: bool) -> Result<Date, ExitCode> {
    match text {
        None => Ok(Date::today_utc()),
        Some(t) => Date::parse(t).ok_or_else(|| {
            super::print_error(
                json,
                "invalid_date",
                &format!("--today {t:?} is not a date: write it as YYYY-MM-DD"),
            );
            ExitCode::from(2)
        }),
    }
}

pub(crate) fn run(cmd: DraftCommand) -> ExitCode {
    match cmd {
        DraftCommand::New { procedure, dir } => match Draft::create(&dir, &procedure) {
            Ok(_) => {
                println!("Started a draft of {procedure} in {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(false, &e),
        },
        DraftCommand::Set { dir, assignments } => set(&dir, &assignments),
        DraftCommand::Check {
            dir,
            json,
            today,
            lang,
        } => {
            let today = match today_or(today.as_deref(), json) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let mut report =
                match Draft::open(&dir).and_then(|d| zairyu_app::check_draft(&d, today)) {
                    Ok(r) => r,
                    Err(e) => return fail(json, &e),
                };
            if let Some(language) = lang {
                for finding in &mut report.findings {
                    (finding.message, finding.hint) = finding.render(language);
                }
            }
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).expect("reports serialise")
                );
            } else {
                for f in &report.findings {
                    let tag = if f.severity == zairyu_forms::Severity::Error {
                        "error"
                    } else {
                        "warning"
                    };
                    let path = if f.path.is_empty() {
                        "(files)"
                    } else {
                        &f.path
                    };
                    println!("{tag:<7} {path}: {} [{}]", f.message, f.code);
                    if !f.hint.is_empty() {
                        println!("        {}", f.hint);
                    }
                }
                for path in &report.recheck {
                    println!("recheck {path}: carried over from the past application; check it is still right");
                }
                let errors = report
                    .findings
                    .iter()
                    .filter(|f| f.severity == zairyu_forms::Severity::Error)
                    .count();
                println!(
                    "{errors} error(s), {} warning(s)",
                    report.findings.len() - errors
                );
            }
            if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        DraftCommand::Export { dir, file } => {
            match Draft::open(&dir).and_then(|d| bundle::export(&d, &file)) {
                Ok(()) => {
                    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
                    println!(
                        "Exported {} to {} ({size} bytes)",
                        dir.display(),
                        file.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(false, &e),
            }
        }
        DraftCommand::Import { file, dir } => match bundle::import(&file, &dir) {
            Ok(d) => {
                println!(
                    "Imported a draft of {} into {}",
                    d.meta().procedure,
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(false, &e),
        },
        DraftCommand::Schema { procedure, json } => match zairyu_forms::schema_for(&procedure) {
            Ok(schema) if json => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(schema).expect("schemas serialise")
                );
                ExitCode::SUCCESS
            }
            Ok(schema) => {
                println!(
                    "{} / {} (form version {})",
                    schema.title_en, schema.title_ja, schema.version
                );
                for section in &schema.sections {
                    println!(
                        "\n[{}] {} / {}",
                        section.id, section.title_en, section.title_ja
                    );
                    for f in &section.fields {
                        let req = if f.required { "*" } else { " " };
                        println!(
                            "  {req} {}.{:<28} {} / {}",
                            section.id, f.id, f.label_en, f.label_ja
                        );
                    }
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(json, &e.into()),
        },
        DraftCommand::Show { dir, json } => match Draft::open(&dir) {
            Ok(d) if json => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(d.meta()).expect("drafts serialise")
                );
                ExitCode::SUCCESS
            }
            Ok(d) => {
                let m = d.meta();
                println!(
                    "{} draft {} (revision {}, updated {})",
                    m.procedure, m.id, m.revision, m.updated_at
                );
                if d.recovered() {
                    println!("note: draft.json was damaged; the previous version was restored (damaged copy: draft.json.corrupt)");
                }
                println!(
                    "{}",
                    serde_json::to_string_pretty(d.form()).expect("forms serialise")
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(json, &e),
        },
        DraftCommand::Undo { dir } => match Draft::open(&dir).and_then(|mut d| d.undo()) {
            Ok(true) => {
                println!("Undone: the form is back to its previous version.");
                ExitCode::SUCCESS
            }
            Ok(false) => {
                println!("Nothing to undo.");
                ExitCode::FAILURE
            }
            Err(e) => fail(false, &e),
        },
        DraftCommand::Reuse { from, dir, today } => {
            let today = match today_or(today.as_deref(), false) {
                Ok(d) => d,
                Err(code) => return code,
            };
            match Draft::open(&from).and_then(|d| d.reuse_into(&dir, &today.to_string())) {
                Ok(d) => {
                    println!(
                        "Started {} from the past application; check again:",
                        dir.display()
                    );
                    for p in &d.meta().recheck {
                        println!("  {p}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(false, &e),
            }
        }
    }
}

fn set(dir: &Path, assignments: &[String]) -> ExitCode {
    let mut draft = match Draft::open(dir) {
        Ok(d) => d,
        Err(e) => return fail(false, &e),
    };
    let schema = match draft.schema() {
        Ok(s) => s,
        Err(e) => return fail(false, &e),
    };
    let mut inputs = Vec::new();
    for a in assignments {
        let Some((path, value)) = a.split_once('=') else {
            super::print_error(
                false,
                "usage",
                &format!("{a:?} is not FIELD=VALUE, e.g. applicant.postal_code=8748577"),
            );
            return ExitCode::from(2);
        };
        let kind = schema.field(path).map(|(_, f)| f.kind);
        if matches!(kind, Some(FieldKind::Photo | FieldKind::Attachment)) && !value.is_empty() {
            let bytes = match std::fs::read(value) {
                Ok(b) => b,
                Err(e) => {
                    super::print_error(
                        false,
                        "file_unreadable",
                        &format!("{value}: {e}. Check the path."),
                    );
                    return ExitCode::FAILURE;
                }
            };
            let name = Path::new(value)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("file.pdf");
            if let Err(e) = draft.attach(path, name, &bytes) {
                return fail(false, &e);
            }
            println!("{path} = {name} (attached, {} bytes)", bytes.len());
            continue;
        }
        if matches!(kind, Some(FieldKind::Photo | FieldKind::Attachment)) {
            if let Err(e) = draft.detach(path) {
                return fail(false, &e);
            }
            continue;
        }
        inputs.push((path.to_owned(), value.to_owned()));
    }
    if inputs.is_empty() {
        return ExitCode::SUCCESS;
    }
    match draft.set_inputs(&inputs) {
        Ok(stored) => {
            for ((path, raw), value) in inputs.iter().zip(stored) {
                let shown = match &value {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => "(cleared)".into(),
                    other => other.to_string(),
                };
                if shown == *raw {
                    println!("{path} = {shown}");
                } else {
                    println!("{path} = {shown} (normalised from {raw:?})");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(false, &e),
    }
}
