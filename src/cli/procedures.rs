//! `zairyu procedures` (catalog and keyword search) and `zairyu postal` (postal code → address).

use std::process::ExitCode;

use zairyu_forms::postal::{lookup, PostalError};

#[derive(Debug, clap::Args)]
pub(crate) struct ProceduresArgs {
    /// Keywords separated by spaces; a procedure must contain all of them.
    #[arg(long)]
    pub(crate) search: Option<String>,
    /// Also match synonyms of each keyword ("renewal" finds the extension).
    #[arg(long)]
    pub(crate) synonyms: bool,
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, clap::Args)]
pub(crate) struct PostalArgs {
    /// 7 digits, with or without the hyphen (8748577, 874-8577).
    pub(crate) code: String,
    #[arg(long)]
    pub(crate) json: bool,
}

pub(crate) fn run_procedures(args: ProceduresArgs) -> ExitCode {
    let found = zairyu_forms::search(args.search.as_deref().unwrap_or(""), args.synonyms);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&found).expect("procedures serialise")
        );
    } else if found.is_empty() {
        println!("No procedure contains all of those keywords. Try fewer keywords or --synonyms.");
    } else {
        for p in &found {
            let end = p.reception_end.as_deref().unwrap_or("at any time");
            println!("{:<36} {}", p.id, p.name_en);
            println!(
                "{:<36} {}  (reception {} – {end}, Japan time)",
                "",
                p.name_ja,
                p.reception_start.replace('T', " ")
            );
        }
        println!("{} procedure(s)", found.len());
    }
    ExitCode::SUCCESS
}

pub(crate) fn run_postal(args: PostalArgs) -> ExitCode {
    match lookup(&args.code) {
        Ok(places) => {
            if args.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&places).expect("addresses serialise")
                );
            } else {
                for p in places {
                    let code = format!("{}-{}", &p.postal_code[..3], &p.postal_code[3..]);
                    match (&p.office, &p.street) {
                        (Some(office), Some(street)) => {
                            println!("〒{code} {} ({office}, {street})", p.address)
                        }
                        _ => println!("〒{code} {}", p.address),
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::print_error(args.json, e.code(), &e.to_string());
            match e {
                PostalError::BadCode(_) => ExitCode::from(2),
                PostalError::NotFound(_) => ExitCode::FAILURE,
            }
        }
    }
}
