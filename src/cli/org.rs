//! `zairyu org …`: the operator's side of organisations (schools and attorney offices) on the
//! server's data folder, through the same audited functions of the [`ReceptionOffice`] the
//! HTTP API uses: create one (valid three years), list, show, invite staff by e-mail (the
//! server's outbox or SMTP) and remove a staff member (their sessions end at once).

use std::process::ExitCode;

use zairyu_wire::{Organisation, OrganisationKind};

use super::serve::{office, Where};

#[derive(Debug, clap::Subcommand)]
pub(crate) enum OrgCommand {
    /// Create an organisation; prints its id.
    Create {
        #[arg(long)]
        name: String,
        /// school (the default) or attorney_office (行政書士).
        #[arg(long, default_value = "school")]
        kind: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        at: Where,
    },
    /// Invite a staff member by e-mail (a code valid 7 days; they register with it).
    AddStaff {
        organisation: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        at: Where,
    },
    /// Remove a staff member (by user ID): they lose access at once.
    RemoveStaff {
        organisation: String,
        user_id: String,
        #[command(flatten)]
        at: Where,
    },
    /// List every organisation.
    List {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        at: Where,
    },
    /// Show one organisation: validity, staff, open invitations, linked students.
    Show {
        organisation: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        at: Where,
    },
}

fn line(o: &Organisation) -> String {
    let state = match (&o.notice, o.expired) {
        (_, true) => " (ended)".to_owned(),
        (Some(n), false) => format!(" ({} days left)", n.days_left),
        (None, false) => String::new(),
    };
    format!(
        "{}\t{}\tvalid until {}{state}\t{}",
        o.id,
        o.kind.as_str(),
        o.valid_until,
        o.name
    )
}

fn print_json(value: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("values serialise")
    );
}

pub(crate) fn run(cmd: OrgCommand) -> ExitCode {
    let (at, json) = match &cmd {
        OrgCommand::Create { at, json, .. }
        | OrgCommand::AddStaff { at, json, .. }
        | OrgCommand::List { at, json }
        | OrgCommand::Show { at, json, .. } => (at, *json),
        OrgCommand::RemoveStaff { at, .. } => (at, false),
    };
    let office = match office(at) {
        Ok(office) => office,
        Err(e) => {
            super::print_error(json, "bad_config", &e);
            return ExitCode::from(2);
        }
    };
    let result = match &cmd {
        OrgCommand::Create { name, kind, .. } => match OrganisationKind::parse(kind) {
            None => Err(zairyu_server::ApiError::bad(
                "bad_kind",
                "The kind is school or attorney_office.",
            )),
            Some(kind) => office.create_organisation(name, kind).map(|o| {
                if json {
                    print_json(&o);
                } else {
                    println!("{}", o.id);
                }
            }),
        },
        OrgCommand::AddStaff {
            organisation,
            email,
            ..
        } => office.invite_staff(organisation, email).map(|invitation| {
            if json {
                print_json(&invitation);
            } else {
                println!(
                    "invited {} to {} ({}): the code was mailed",
                    invitation.email, invitation.organisation.name, invitation.organisation.id
                );
            }
        }),
        OrgCommand::RemoveStaff {
            organisation,
            user_id,
            ..
        } => office
            .remove_staff(organisation, user_id)
            .map(|()| println!("{user_id} is no longer staff of {organisation}")),
        OrgCommand::List { .. } => office.organisations().map(|list| {
            if json {
                print_json(&list);
            } else {
                for o in &list {
                    println!("{}", line(o));
                }
            }
        }),
        OrgCommand::Show { organisation, .. } => {
            office.organisation_details(organisation).map(|d| {
                if json {
                    print_json(&d);
                    return;
                }
                let o = &d.organisation;
                println!("{} ({})", o.name, o.id);
                println!("kind: {}", o.kind.as_str());
                println!(
                    "valid until: {}{}",
                    o.valid_until,
                    if o.expired { " (ended)" } else { "" }
                );
                if let Some(n) = &o.notice {
                    println!("notice: {}", n.message_en);
                }
                println!("linked students: {}", d.linked_students);
                println!("staff: {}", d.staff.len());
                for s in &d.staff {
                    println!(
                        "  {}\t{}\t{}\t{}",
                        s.user_id, s.user_type, s.name_en, s.email
                    );
                }
                println!("open invitations: {}", d.invitations.len());
                for i in &d.invitations {
                    println!("  {}", i.email);
                }
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            super::print_error(json, &e.code, &e.message);
            ExitCode::FAILURE
        }
    }
}
