//! `zairyu card …`: readers, status, the basic four, certificates and signatures from a My
//! Number Card over PC/SC. PINs are read from standard input, never from arguments.
//! Exit codes: 0 done, 2 usage, 3 wrong PIN, 4 PIN blocked or last try refused, 5 no
//! service/reader/card, 1 anything else.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use zairyu_card::{readers, session, CardError, CertKind, LastTry, PinKind, Secret};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Kind {
    Auth,
    Sign,
}

impl From<Kind> for CertKind {
    fn from(k: Kind) -> CertKind {
        match k {
            Kind::Auth => CertKind::Auth,
            Kind::Sign => CertKind::Sign,
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum CardCommand {
    /// The connected readers and whether a card is on each.
    Readers {
        #[arg(long)]
        json: bool,
    },
    /// Is the card a My Number Card, and how many tries are left on each PIN (none spent).
    Status {
        #[arg(long)]
        reader: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The basic four (name, address, date of birth, sex), after the 4-digit card-info PIN.
    Read {
        #[arg(long)]
        reader: Option<String>,
        /// Read the PIN from standard input (required: PINs are never arguments).
        #[arg(long, required = true)]
        pin_stdin: bool,
        /// Allow using the last remaining try.
        #[arg(long)]
        last_try: bool,
        #[arg(long)]
        json: bool,
    },
    /// A certificate in DER (the signing one needs the signature password on stdin).
    Cert {
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long)]
        reader: Option<String>,
        #[arg(long)]
        pin_stdin: bool,
        #[arg(long)]
        last_try: bool,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Sign a SHA-256 digest (64 hex digits); writes the raw 256-byte signature.
    Sign {
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long)]
        digest: String,
        #[arg(long)]
        reader: Option<String>,
        #[arg(long, required = true)]
        pin_stdin: bool,
        #[arg(long)]
        last_try: bool,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

fn exit_code(e: &CardError) -> ExitCode {
    ExitCode::from(match e {
        CardError::PinWrong { .. } => 3,
        CardError::PinBlocked | CardError::LastTryRefused => 4,
        CardError::NoService
        | CardError::NoReader
        | CardError::NoCard
        | CardError::ReaderNotFound { .. } => 5,
        CardError::PinFormat { .. } => 2,
        _ => 1,
    })
}

fn fail(json: bool, e: &CardError) -> ExitCode {
    super::print_error(json, e.code(), &e.to_string());
    exit_code(e)
}

/// One line from standard input, as the secret for `kind`.
fn secret_from_stdin(kind: PinKind) -> Result<Secret, CardError> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CardError::PinFormat {
            problem: format!("could not read the PIN from standard input: {e}"),
        })?;
    let secret = Secret::new(kind, &line);
    zeroize::Zeroize::zeroize(&mut line);
    let secret = secret?;
    if secret.normalised {
        eprintln!("note: the signature password was changed to upper case, as the card stores it");
    }
    Ok(secret)
}

fn consent(last_try: bool) -> LastTry {
    if last_try {
        LastTry::Allow
    } else {
        LastTry::Refuse
    }
}

fn write(out: &PathBuf, bytes: &[u8], json: bool) -> ExitCode {
    match std::fs::write(out, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            super::print_error(json, "write_failed", &format!("{}: {e}", out.display()));
            ExitCode::FAILURE
        }
    }
}

pub(crate) fn run(cmd: CardCommand) -> ExitCode {
    match cmd {
        CardCommand::Readers { json } => match readers::list() {
            Ok(list) if json => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&list).expect("readers serialise")
                );
                ExitCode::SUCCESS
            }
            Ok(list) => {
                if list.is_empty() {
                    println!("No reader is connected.");
                }
                for r in list {
                    println!(
                        "{}\t{}",
                        r.name,
                        if r.card_present {
                            "card present"
                        } else {
                            "no card"
                        }
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(json, &e),
        },
        CardCommand::Status { reader, json } => {
            let result = readers::connect(reader.as_deref(), false).and_then(|mut card| {
                let name = match reader {
                    Some(name) => name,
                    None => readers::list()?
                        .into_iter()
                        .find(|r| r.card_present)
                        .map(|r| r.name)
                        .unwrap_or_default(),
                };
                Ok((name, session::status(&mut card)?))
            });
            match result {
                Ok((name, s)) if json => {
                    let mut v = serde_json::to_value(&s).expect("status serialises");
                    v["reader"] = serde_json::json!(name);
                    v["card_present"] = serde_json::json!(true);
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&v).expect("status serialises")
                    );
                    ExitCode::SUCCESS
                }
                Ok((name, s)) => {
                    let n = |t: Option<u8>| t.map_or("not reported".to_owned(), |t| t.to_string());
                    println!("reader: {name} (card present)");
                    println!(
                        "My Number Card: {}",
                        if s.my_number_card { "yes" } else { "no" }
                    );
                    if s.my_number_card {
                        println!("token: {}", s.token);
                        println!(
                            "user-authentication PIN tries left: {}",
                            n(s.auth_pin_tries)
                        );
                        println!(
                            "signature password tries left: {}",
                            n(s.sign_password_tries)
                        );
                        println!("card-info-input PIN tries left: {}", n(s.text_pin_tries));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(json, &e),
            }
        }
        CardCommand::Read {
            reader,
            pin_stdin: _,
            last_try,
            json,
        } => {
            let result = secret_from_stdin(PinKind::Text).and_then(|mut secret| {
                let mut card = readers::connect(reader.as_deref(), true)?;
                session::read_basic_four(&mut card, &mut secret, consent(last_try))
            });
            match result {
                Ok(four) if json => {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&four).expect("basic four serialise")
                    );
                    ExitCode::SUCCESS
                }
                Ok(four) => {
                    println!(
                        "name: {}\naddress: {}\nbirth_date: {}\nsex: {:?}",
                        four.name, four.address, four.birth_date, four.sex
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(json, &e),
            }
        }
        CardCommand::Cert {
            kind,
            reader,
            pin_stdin,
            last_try,
            out,
            json,
        } => {
            let result = (|| {
                let mut secret = if pin_stdin {
                    Some(secret_from_stdin(PinKind::Sign)?)
                } else {
                    None
                };
                let mut card = readers::connect(reader.as_deref(), secret.is_some())?;
                session::read_certificate(
                    &mut card,
                    kind.into(),
                    secret.as_mut(),
                    consent(last_try),
                )
            })();
            match result {
                Ok(der) => write(&out, &der, json),
                Err(e) => fail(json, &e),
            }
        }
        CardCommand::Sign {
            kind,
            digest,
            reader,
            pin_stdin: _,
            last_try,
            out,
            json,
        } => {
            let Some(digest) = parse_digest(&digest) else {
                super::print_error(
                    json,
                    "bad_digest",
                    "--digest must be 64 hex digits (a SHA-256)",
                );
                return ExitCode::from(2);
            };
            let pin_kind = match kind {
                Kind::Auth => PinKind::Auth,
                Kind::Sign => PinKind::Sign,
            };
            let result = secret_from_stdin(pin_kind).and_then(|mut secret| {
                let mut card = readers::connect(reader.as_deref(), true)?;
                session::sign(
                    &mut card,
                    kind.into(),
                    &digest,
                    &mut secret,
                    consent(last_try),
                )
            });
            match result {
                Ok(signature) => write(&out, &signature, json),
                Err(e) => fail(json, &e),
            }
        }
    }
}

fn parse_digest(hex: &str) -> Option<[u8; 32]> {
    let hex = hex.trim();
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}
