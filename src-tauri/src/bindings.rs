//! Generates `ui/src/lib/generated/bindings.ts`: the TypeScript types of every command's
//! arguments, result and error, from the Rust types themselves.
//!
//! `cargo test -p zairyu-desktop` fails when the committed file differs from what this
//! module generates; `UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings` rewrites it.

#![cfg_attr(not(test), allow(dead_code))]

use ts_rs::{Config, TS};
use zairyu_app::{
    Account, AppInfo, Application, ApplicationStatus, AttachmentEntry, Attention, BasicFour,
    CardPanelState, CardStatus, ChecklistItem, ChecklistItemId, Choice, Condition, Diagnosis,
    DraftFinding, DraftMeta, DraftReport, DraftState, DraftSummary, Field, FieldKind, FieldState,
    Language, Notice, PostalAddress, Procedure, Profile, QueuedSubmission, ReaderInfo, Receipt,
    Registration, RevisionRequest, Rule, Schema, Section, SessionState, Settings, Severity, Sex,
    StatusChange, StayEnding, SubmitOutcome, Submitted, Terms, UsageInfo, Width,
};

use crate::bundled::DemoMail;

use crate::commands::CommandError;

/// The generated file, relative to the repository root.
pub(crate) const PATH: &str = "ui/src/lib/generated/bindings.ts";

/// One command: its name, its arguments (name and TS type) and its result type.
struct Command {
    name: &'static str,
    args: Vec<(&'static str, String)>,
    result: String,
}

fn commands(cfg: &Config) -> Vec<Command> {
    let cmd =
        |name, args: Vec<(&'static str, String)>, result: String| Command { name, args, result };
    vec![
        cmd("app_info", vec![], AppInfo::name(cfg)),
        cmd("get_settings", vec![], Settings::name(cfg)),
        cmd(
            "set_language",
            vec![("language", Language::name(cfg))],
            Settings::name(cfg),
        ),
        cmd("get_checklist", vec![], <Vec<ChecklistItem>>::name(cfg)),
        cmd(
            "set_checklist_item",
            vec![
                ("id", ChecklistItemId::name(cfg)),
                ("done", bool::name(cfg)),
            ],
            <Vec<ChecklistItem>>::name(cfg),
        ),
        cmd("take_notices", vec![], <Vec<Notice>>::name(cfg)),
        cmd(
            "list_procedures",
            vec![("search", String::name(cfg)), ("synonyms", bool::name(cfg))],
            <Vec<Procedure>>::name(cfg),
        ),
        cmd("get_terms", vec![], Terms::name(cfg)),
        cmd(
            "get_schema",
            vec![("procedure", String::name(cfg))],
            Schema::name(cfg),
        ),
        cmd(
            "lookup_postal",
            vec![("code", String::name(cfg))],
            <Vec<PostalAddress>>::name(cfg),
        ),
        cmd("list_drafts", vec![], <Vec<DraftSummary>>::name(cfg)),
        cmd(
            "create_draft",
            vec![("procedure", String::name(cfg))],
            DraftState::name(cfg),
        ),
        cmd(
            "get_draft",
            vec![("id", String::name(cfg))],
            DraftState::name(cfg),
        ),
        cmd(
            "set_draft_field",
            vec![
                ("id", String::name(cfg)),
                ("path", String::name(cfg)),
                ("value", String::name(cfg)),
            ],
            DraftState::name(cfg),
        ),
        // Raw body: the file's bytes; headers x-draft-id, x-slot, x-file-name (percent-encoded).
        cmd(
            "attach_file",
            vec![("bytes", "Uint8Array".into())],
            DraftState::name(cfg),
        ),
        cmd(
            "detach_file",
            vec![("id", String::name(cfg)), ("slot", String::name(cfg))],
            DraftState::name(cfg),
        ),
        cmd(
            "undo_draft",
            vec![("id", String::name(cfg))],
            DraftState::name(cfg),
        ),
        cmd(
            "export_draft",
            vec![("id", String::name(cfg))],
            String::name(cfg),
        ),
        // Raw body: the bundle's bytes.
        cmd(
            "import_draft",
            vec![("bytes", "Uint8Array".into())],
            DraftState::name(cfg),
        ),
        cmd(
            "set_draft_aside",
            vec![("id", String::name(cfg))],
            "null".into(),
        ),
        cmd("card_panel", vec![], CardPanelState::name(cfg)),
        cmd("insert_practice_card", vec![], CardPanelState::name(cfg)),
        cmd("remove_practice_card", vec![], CardPanelState::name(cfg)),
        cmd(
            "card_status",
            vec![("reader", <Option<String>>::name(cfg))],
            CardStatus::name(cfg),
        ),
        cmd(
            "read_basic_four",
            vec![
                ("reader", <Option<String>>::name(cfg)),
                ("pin", String::name(cfg)),
                ("last_try", bool::name(cfg)),
            ],
            BasicFour::name(cfg),
        ),
        cmd(
            "set_server",
            vec![("url", <Option<String>>::name(cfg))],
            Settings::name(cfg),
        ),
        cmd("diagnosis", vec![], Diagnosis::name(cfg)),
        cmd("session", vec![], SessionState::name(cfg)),
        cmd(
            "register",
            vec![
                ("email", String::name(cfg)),
                ("email_again", String::name(cfg)),
            ],
            "null".into(),
        ),
        cmd(
            "confirm_email",
            vec![("code", String::name(cfg))],
            String::name(cfg),
        ),
        cmd(
            "complete_registration",
            vec![("registration", Registration::name(cfg))],
            String::name(cfg),
        ),
        cmd(
            "forgot_user_id",
            vec![("email", String::name(cfg))],
            "null".into(),
        ),
        cmd(
            "sign_in",
            vec![
                ("user_id", String::name(cfg)),
                ("password", String::name(cfg)),
            ],
            SessionState::name(cfg),
        ),
        cmd("sign_out", vec![], SessionState::name(cfg)),
        cmd(
            "apply_for_usage",
            vec![
                ("reader", <Option<String>>::name(cfg)),
                ("pin", String::name(cfg)),
                ("last_try", bool::name(cfg)),
                ("info", UsageInfo::name(cfg)),
            ],
            SessionState::name(cfg),
        ),
        cmd(
            "submit_draft",
            vec![
                ("id", String::name(cfg)),
                ("reader", <Option<String>>::name(cfg)),
                ("pin", String::name(cfg)),
                ("last_try", bool::name(cfg)),
                ("resubmit_of", "number | null".into()),
            ],
            SubmitOutcome::name(cfg),
        ),
        cmd("send_queued", vec![], <Vec<SubmitOutcome>>::name(cfg)),
        cmd(
            "queued_submissions",
            vec![],
            <Vec<QueuedSubmission>>::name(cfg),
        ),
        cmd("receipts", vec![], <Vec<Receipt>>::name(cfg)),
        cmd("list_applications", vec![], <Vec<Application>>::name(cfg)),
        cmd("demo_mailbox", vec![], <Vec<DemoMail>>::name(cfg)),
        cmd("ui_ready", vec![], "null".into()),
        cmd(
            "fix_draft_file",
            vec![("id", String::name(cfg)), ("slot", String::name(cfg))],
            DraftState::name(cfg),
        ),
        cmd(
            "fill_draft_from_card",
            vec![
                ("id", String::name(cfg)),
                ("reader", <Option<String>>::name(cfg)),
                ("pin", String::name(cfg)),
                ("last_try", bool::name(cfg)),
            ],
            DraftState::name(cfg),
        ),
        cmd(
            "forgot_password",
            vec![("user_id", String::name(cfg)), ("email", String::name(cfg))],
            "null".into(),
        ),
        cmd(
            "reset_password",
            vec![("code", String::name(cfg)), ("password", String::name(cfg))],
            "null".into(),
        ),
        cmd(
            "change_password",
            vec![("current", String::name(cfg)), ("new", String::name(cfg))],
            "null".into(),
        ),
        cmd(
            "change_profile",
            vec![
                ("postal_code", String::name(cfg)),
                ("address", String::name(cfg)),
                ("telephone", String::name(cfg)),
            ],
            "null".into(),
        ),
        cmd(
            "reuse_draft",
            vec![("id", String::name(cfg))],
            DraftState::name(cfg),
        ),
        cmd(
            "draft_photo",
            vec![("id", String::name(cfg))],
            <Option<String>>::name(cfg),
        ),
        cmd(
            "change_email",
            vec![
                ("email", String::name(cfg)),
                ("email_again", String::name(cfg)),
            ],
            "null".into(),
        ),
        cmd(
            "confirm_email_change",
            vec![("code", String::name(cfg))],
            String::name(cfg),
        ),
        cmd("favorites", vec![], <Vec<String>>::name(cfg)),
        cmd(
            "set_favorite",
            vec![("procedure", String::name(cfg)), ("on", bool::name(cfg))],
            <Vec<String>>::name(cfg),
        ),
        cmd(
            "set_reader",
            vec![("reader", <Option<String>>::name(cfg))],
            Settings::name(cfg),
        ),
        cmd("attention", vec![], Attention::name(cfg)),
    ]
}

/// The whole generated file.
pub(crate) fn render() -> String {
    let cfg = Config::new();
    let decls = [
        AppInfo::decl(&cfg),
        Profile::decl(&cfg),
        Settings::decl(&cfg),
        Language::decl(&cfg),
        ChecklistItem::decl(&cfg),
        ChecklistItemId::decl(&cfg),
        Notice::decl(&cfg),
        CommandError::decl(&cfg),
        Procedure::decl(&cfg),
        Terms::decl(&cfg),
        Schema::decl(&cfg),
        Section::decl(&cfg),
        Field::decl(&cfg),
        FieldKind::decl(&cfg),
        Width::decl(&cfg),
        Choice::decl(&cfg),
        Condition::decl(&cfg),
        Rule::decl(&cfg),
        PostalAddress::decl(&cfg),
        DraftSummary::decl(&cfg),
        DraftState::decl(&cfg),
        DraftMeta::decl(&cfg),
        AttachmentEntry::decl(&cfg),
        Submitted::decl(&cfg),
        FieldState::decl(&cfg),
        DraftReport::decl(&cfg),
        DraftFinding::decl(&cfg),
        Severity::decl(&cfg),
        CardPanelState::decl(&cfg),
        ReaderInfo::decl(&cfg),
        CardStatus::decl(&cfg),
        BasicFour::decl(&cfg),
        Sex::decl(&cfg),
        Diagnosis::decl(&cfg),
        SessionState::decl(&cfg),
        Account::decl(&cfg),
        Registration::decl(&cfg),
        UsageInfo::decl(&cfg),
        SubmitOutcome::decl(&cfg),
        QueuedSubmission::decl(&cfg),
        Receipt::decl(&cfg),
        Application::decl(&cfg),
        ApplicationStatus::decl(&cfg),
        DemoMail::decl(&cfg),
        Attention::decl(&cfg),
        RevisionRequest::decl(&cfg),
        StayEnding::decl(&cfg),
        StatusChange::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings` instead.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str(
        "/** Every Tauri command: its arguments and its result. */\nexport interface Commands {\n",
    );
    for command in commands(&cfg) {
        let args: Vec<String> = command
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {ty}", camel_case(name)))
            .collect();
        let args = if args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        out.push_str(&format!(
            "  {}: {{ args: {args}; result: {} }};\n",
            command.name, command.result
        ));
    }
    out.push_str("}\n");
    out
}

/// Tauri passes command arguments by their camelCase names.
fn camel_case(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_are_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(PATH);
        let fresh = render();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &fresh).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{PATH} is out of date: run `UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings` and commit it"
        );
    }

    #[test]
    fn argument_names_are_camel_case() {
        assert_eq!(camel_case("data_dir_path"), "dataDirPath");
        assert_eq!(camel_case("id"), "id");
    }
}
