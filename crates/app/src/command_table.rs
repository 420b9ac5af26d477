//! The command table: every command the UI can send, listed once. The desktop shell's Tauri
//! commands and handler list, `zairyu ui-serve`'s dispatch and the UI's TypeScript command map
//! are all expanded from it, so they cannot drift apart.
//!
//! Why a `macro_rules!` table of our own and not tauri-specta: the UI's types already come from
//! ts-rs (`src-tauri/src/bindings.rs`), and tauri-specta would bring a second type generator
//! (specta) with its own view of every type, plus a tie to Tauri that `ui-serve` (axum) cannot
//! share. A declarative table names only this crate's items, serde and ts-rs, so this crate
//! still knows nothing of Tauri or HTTP: each shell passes its own callback macro and decides
//! what a command becomes there.
//!
//! # Adding a command
//!
//! Write the `App` method, then add one line to [`command_table!`]. The compiler then asks for
//! the rest (a new argument type needs a [`CommandArgument`] impl); the UI's `backend()` grows
//! the method once the bindings are regenerated
//! (`UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings`).

use serde::Serialize;
use ts_rs::TS;

use crate::{BoardQuery, ChecklistItemId, Language, Registration, SecretText, UsageInfo};

/// Expands `$callback! { … }` with every command, one line each:
///
/// ```text
/// /// Doc comment (becomes the JSDoc of the UI's method).
/// name(arg: Type, …) -> Result = method [kind thread answer];
/// ```
///
/// - `name`: the command's name on every transport (Tauri `invoke`, `POST /invoke/<name>`);
///   its arguments travel under their camelCase names, the UI's method is `name` in camelCase.
/// - `method`: the [`App`](crate::App) method it calls, with each argument passed through
///   [`CommandArgument::as_param`] (`String` as `&str`, [`SecretText`] as `&str`, …).
/// - `kind`: `json` (arguments are a JSON object), `bytes` (the body is raw bytes, passed to the
///   method last; the listed arguments travel as percent-encoded headers named by
///   [`header_name`]), or `shell` (answered by each shell itself; `method` names the shell's
///   function).
/// - `thread`: `blocking` when it waits on the card or the network, so the desktop shell runs
///   it off the window's thread; `quick` otherwise.
/// - `answer`: `fallible` when the method returns `Result<_, AppError>`, `infallible` when it
///   returns the value itself.
///
/// PINs and passwords are [`SecretText`], never `String`: wiped when the command is done.
#[macro_export]
macro_rules! command_table {
    ($callback:ident) => {
        $callback! {
            /// The running app: profile, version and app-data folder.
            app_info() -> $crate::AppInfo = info [json quick infallible];
            get_settings() -> $crate::Settings = settings [json quick fallible];
            set_language(language: $crate::Language) -> $crate::Settings = set_language [json quick fallible];
            get_checklist() -> Vec<$crate::ChecklistItem> = checklist [json quick fallible];
            set_checklist_item(id: $crate::ChecklistItemId, done: bool) -> Vec<$crate::ChecklistItem> = set_checklist_item [json quick fallible];
            /// What the user should be told once (e.g. a damaged file was set aside).
            take_notices() -> Vec<$crate::Notice> = take_notices [json quick infallible];
            /// Procedures matching all keywords; `synonyms` widens each keyword.
            list_procedures(search: String, synonyms: bool) -> Vec<$crate::Procedure> = procedures [json quick infallible];
            get_terms() -> $crate::Terms = terms [json quick infallible];
            get_schema(procedure: String) -> $crate::Schema = schema [json quick fallible];
            lookup_postal(code: String) -> Vec<$crate::PostalAddress> = postal [json quick fallible];
            list_drafts() -> Vec<$crate::DraftSummary> = drafts [json quick fallible];
            create_draft(procedure: String) -> $crate::DraftState = create_draft [json quick fallible];
            get_draft(id: String) -> $crate::DraftState = draft [json quick fallible];
            /// Sets one field from what was typed; the draft is saved at once.
            set_draft_field(id: String, path: String, value: String) -> $crate::DraftState = set_draft_field [json quick fallible];
            /// Puts a file (its bytes) into a photo or attachment slot; saved at once.
            attach_file(draft_id: String, slot: String, file_name: String) -> $crate::DraftState = attach_to_draft [bytes quick fallible];
            /// Manual 4.2.8: one more file for a document slot, after the files there (at most 20 files and 25,000,000 bytes per application).
            add_slot_file(draft_id: String, slot: String, file_name: String) -> $crate::DraftState = add_slot_file [bytes quick fallible];
            /// Removes one file of a slot (`file` as listed in `report.files`); undo brings it back.
            remove_slot_file(id: String, slot: String, file: String) -> $crate::DraftState = remove_slot_file [json quick fallible];
            /// Moves one file of a slot one place up (towards part 1) or down.
            move_slot_file(id: String, slot: String, file: String, up: bool) -> $crate::DraftState = move_slot_file [json quick fallible];
            /// "Merge these PDFs into one": the slot's PDFs in order; sizes and pages before/after.
            merge_slot_pdfs(id: String, slot: String) -> $crate::PdfChange = merge_slot_pdfs [json blocking fallible];
            /// Shrinks the scanned pages of one PDF of a slot; sizes and pages before/after.
            shrink_draft_pdf(id: String, slot: String, file: String) -> $crate::PdfChange = shrink_draft_pdf [json blocking fallible];
            detach_file(id: String, slot: String) -> $crate::DraftState = detach_from_draft [json quick fallible];
            undo_draft(id: String) -> $crate::DraftState = undo_draft [json quick fallible];
            /// Writes the draft and its files to one bundle; returns the file's path.
            export_draft(id: String) -> String = export_draft [json quick fallible];
            /// A bundle (its bytes) as a new draft.
            import_draft() -> $crate::DraftState = import_draft_bytes [bytes quick fallible];
            set_draft_aside(id: String) -> () = set_draft_aside [json quick fallible];
            /// Readers, cards on them and the practice card (demo profile).
            card_panel() -> $crate::CardPanelState = card_panel [json quick infallible];
            insert_practice_card() -> $crate::CardPanelState = insert_practice_card [json quick fallible];
            remove_practice_card() -> $crate::CardPanelState = remove_practice_card [json quick infallible];
            /// Tries left on the card's PINs; spends none.
            card_status(reader: Option<String>) -> $crate::CardStatus = card_status [json quick fallible];
            read_basic_four(reader: Option<String>, pin: $crate::SecretText, last_try: bool) -> $crate::BasicFour = read_basic_four [json quick fallible];
            /// A remote server (https://…), or null for the bundled one.
            set_server(url: Option<String>) -> $crate::Settings = set_server [json quick fallible];
            diagnosis() -> $crate::Diagnosis = diagnosis [json blocking infallible];
            session() -> $crate::SessionState = session [json blocking fallible];
            /// Registration after the terms of use were agreed (manual 3.1 steps 3–4).
            register(email: String, email_again: String, agreed_to_terms: bool) -> () = register [json blocking fallible];
            confirm_email(code: String) -> String = confirm_email [json blocking fallible];
            complete_registration(registration: $crate::Registration) -> String = complete_registration [json blocking fallible];
            forgot_user_id(email: String) -> () = forgot_user_id [json blocking fallible];
            sign_in(user_id: String, password: $crate::SecretText) -> $crate::SessionState = sign_in [json blocking fallible];
            sign_out() -> $crate::SessionState = sign_out [json blocking fallible];
            /// What stays on this computer (drafts, receipts, queued submissions): asked at sign-out.
            local_data() -> $crate::LocalData = local_data [json quick infallible];
            /// Removes the drafts, receipts and queued submissions kept on this computer.
            remove_local_data() -> $crate::LocalData = remove_local_data [json quick fallible];
            /// The findings of the usage application's typed fields (manual 3.2 step 15); no PIN.
            check_usage_info(info: $crate::UsageInfo) -> Vec<$crate::DraftFinding> = check_usage_info [json quick fallible];
            apply_for_usage(reader: Option<String>, pin: $crate::SecretText, last_try: bool, info: $crate::UsageInfo) -> $crate::SessionState = apply_for_usage [json blocking fallible];
            /// Signs the draft with the card and sends it (or queues it when offline).
            submit_draft(id: String, reader: Option<String>, pin: $crate::SecretText, last_try: bool, resubmit_of: Option<i64>) -> $crate::SubmitOutcome = submit_draft [json blocking fallible];
            send_queued() -> Vec<$crate::SubmitOutcome> = send_queued [json blocking fallible];
            queued_submissions() -> Vec<$crate::QueuedSubmission> = queued_submissions [json quick infallible];
            receipts() -> Vec<$crate::Receipt> = receipts [json quick infallible];
            list_applications() -> Vec<$crate::Application> = applications [json blocking fallible];
            /// Application Details (manual 5.1 step 5): status history, form and files.
            application_details(id: i64) -> $crate::ApplicationDetails = application_details [json blocking fallible];
            /// Saves one file of an application in the data folder; answers its path.
            download_application_file(id: i64, sha256: String) -> String = download_application_file [json blocking fallible];
            /// The past application list (manual 6.3), searched by related information, procedure and date.
            past_applications(related: String, procedure: String, date: String) -> Vec<$crate::Application> = past_applications [json blocking fallible];
            /// "Choice" in the past application list: a new draft from the server's copy (any computer).
            reuse_application(id: i64) -> $crate::DraftState = reuse_application [json blocking fallible];
            /// A draft to change a returned application from the server's newest version.
            draft_for_revision(id: i64) -> $crate::DraftState = draft_for_revision [json blocking fallible];
            /// The bundled server's e-mails, newest first (demo profile only).
            demo_mailbox() -> Vec<$crate::DemoMail> = demo_mailbox [shell quick infallible];
            /// Said once when the first screen shows real data (start-up timing; the log names the screen).
            ui_ready(screen: String) -> () = ui_ready [shell quick infallible];
            /// The one-click fix of an attached file (photo: upright, 3:4, smaller; PDF: unlocked).
            fix_draft_file(id: String, slot: String) -> $crate::DraftState = fix_draft_file [json blocking fallible];
            /// Reads the basic four from the card (card-info PIN) into the fields that take them.
            fill_draft_from_card(id: String, reader: Option<String>, pin: $crate::SecretText, last_try: bool) -> $crate::DraftState = fill_draft_from_card [json blocking fallible];
            forgot_password(user_id: String, email: String) -> () = forgot_password [json blocking fallible];
            reset_password(code: String, password: $crate::SecretText) -> () = reset_password [json blocking fallible];
            change_password(current: $crate::SecretText, new: $crate::SecretText) -> () = change_password [json blocking fallible];
            change_profile(postal_code: String, address: String, telephone: String) -> () = change_profile [json blocking fallible];
            /// A new draft from a submitted one (within two years).
            reuse_draft(id: String) -> $crate::DraftState = reuse_draft [json quick fallible];
            /// The attached photo as a data: address, for the preview.
            draft_photo(id: String) -> Option<String> = draft_photo [json quick fallible];
            /// My page: a new e-mail address (twice) and the current password; a code goes to the new address.
            change_email(email: String, email_again: String, password: $crate::SecretText) -> () = change_email [json blocking fallible];
            /// The code (or link) from that e-mail; answers the address now on the account.
            confirm_email_change(code: String) -> String = confirm_email_change [json blocking fallible];
            /// The procedure ids marked as favorites (signed in).
            favorites() -> Vec<String> = favorites [json blocking fallible];
            set_favorite(procedure: String, on: bool) -> Vec<String> = set_favorite [json blocking fallible];
            /// The card reader to use when several are connected (null: the first with a card).
            set_reader(reader: Option<String>) -> $crate::Settings = set_reader [json quick fallible];
            /// What needs action first: returned applications, a period of stay ending, the outbox.
            attention() -> $crate::Attention = attention [json blocking fallible];
            /// Counter PC (counter-app): the mode and the open visit, if any.
            visit() -> $crate::VisitState = visit [json quick infallible];
            /// Makes this PC a counter PC (session in memory only, visits) or an ordinary one.
            set_counter_pc(on: bool) -> $crate::Settings = set_counter_pc [json quick fallible];
            /// Minutes without activity before an open visit ends by itself (1–120).
            set_visit_idle_minutes(minutes: u32) -> $crate::Settings = set_visit_idle_minutes [json quick fallible];
            /// Starts a visit: the student's files go to a fresh folder until it ends.
            start_visit() -> $crate::VisitState = start_visit [json quick fallible];
            /// Proxy filing: the linked student this visit files for (null: nobody).
            set_visit_applicant(user_id: Option<String>) -> $crate::VisitState = set_visit_applicant [json blocking fallible];
            /// The students linked to the staff member's organisation (whom they may file for).
            linked_students() -> $crate::LinkedStudents = linked_students [json blocking fallible];
            /// Ends the visit and removes every file of it; unsent applications stop it unless discarded.
            end_visit(discard_unsent: bool) -> $crate::VisitEnd = end_visit [json blocking fallible];
            /// A visit left open when the app stopped: sends its unsent applications the signed-in account signed.
            send_leftover_visit() -> $crate::LeftoverSent = send_leftover_visit [json blocking fallible];
            /// A visit left open when the app stopped: discards its unsent applications; nothing of it stays.
            discard_leftover_visit() -> $crate::VisitEnd = discard_leftover_visit [json quick fallible];
            /// Clears the web view's storage (local and session storage, IndexedDB, caches): the end of a visit.
            clear_web_storage() -> () = clear_web_storage [shell quick infallible];
            /// The advisor's board: one page of the organisation's students' applications, most urgent first.
            advisor_board(query: $crate::BoardQuery) -> $crate::BoardPage = board [json blocking fallible];
            // desktop-io: paths chosen in the shell's native save/open dialogs.
            /// "Export draft" to a file chosen in a save dialog; answers the path written.
            export_draft_to(id: String, path: String) -> String = export_draft_to [json quick fallible];
            /// Opens a draft bundle chosen in an open dialog as a new draft.
            import_draft_from(path: String) -> $crate::DraftState = import_draft_from [json quick fallible];
            /// Attaches a file chosen in an open dialog (the same as `attach_file`, by path).
            attach_file_from(draft_id: String, slot: String, path: String) -> $crate::DraftState = attach_file_from [json quick fallible];
            /// Saves the receipt of an application filed from this computer (text); answers the path.
            save_receipt_to(application_id: i64, path: String) -> String = save_receipt_to [json quick fallible];
            /// The PDF copy of a filed application, from the server's record; answers the path.
            save_filed_copy(id: i64, path: String) -> String = save_filed_copy [json blocking fallible];
            /// Cancels the submission being sent; it stays in the outbox (`upload_cancelled`).
            cancel_upload() -> () = cancel_upload [json quick infallible];
            // support: the support report and the error screen after a panic.
            /// What "Save a support report" would save: the files and the diagnosis text.
            support_report() -> $crate::SupportReport = support_report [json blocking infallible];
            /// The support report (diagnosis and recent logs, a zip) to a file chosen in a save dialog; answers the path.
            save_support_report_to(path: String) -> String = save_support_report_to [json blocking fallible];
            /// Starts the app again (the error screen after an internal error).
            restart_app() -> () = restart_app [shell quick infallible];
        }
    };
}

/// Turns a method's plain value into the `Result` every command answers (`answer` of the
/// table: `fallible` or `infallible`).
#[doc(hidden)]
#[macro_export]
macro_rules! command_answer {
    (fallible, $call:expr) => {
        $call
    };
    (infallible, $call:expr) => {
        ::core::result::Result::<_, $crate::AppError>::Ok($call)
    };
}

/// Defines one function in [`calls`] per `json` and `bytes` line of the table.
macro_rules! define_calls {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* ) -> $result:ty = $method:ident [$kind:ident $thread:ident $answer:ident];
    )*) => {
        $( define_call! { $kind $answer $(#[doc = $doc])* $name ($($arg: $ty),*) -> $result = $method } )*
    };
}

macro_rules! define_call {
    (json $answer:ident $(#[doc = $doc:literal])* $name:ident ($($arg:ident : $ty:ty),*) -> $result:ty = $method:ident) => {
        $(#[doc = $doc])*
        pub fn $name(app: &App, $($arg: $ty),*) -> Result<$result, AppError> {
            $crate::command_answer!($answer, app.$method($(CommandArgument::as_param(&$arg)),*))
        }
    };
    (bytes $answer:ident $(#[doc = $doc:literal])* $name:ident ($($arg:ident : $ty:ty),*) -> $result:ty = $method:ident) => {
        $(#[doc = $doc])*
        pub fn $name(app: &App, $($arg: $ty,)* bytes: &[u8]) -> Result<$result, AppError> {
            $crate::command_answer!($answer, app.$method($(CommandArgument::as_param(&$arg),)* bytes))
        }
    };
    (shell $($rest:tt)*) => {};
}

/// One function per command of the table (but the `shell` ones), taking the command's
/// arguments by value: what every shell calls. The arguments, PINs included, are dropped (and
/// a [`SecretText`] wiped) when the function returns.
pub mod calls {
    use super::CommandArgument;
    use crate::{App, AppError};

    crate::command_table!(define_calls);
}

/// A command argument as the `App` method takes it: borrowed text for owned text, the value
/// itself for small copies.
pub trait CommandArgument {
    type Param<'a>
    where
        Self: 'a;
    fn as_param(&self) -> Self::Param<'_>;
}

impl CommandArgument for String {
    type Param<'a> = &'a str;
    fn as_param(&self) -> &str {
        self
    }
}

impl CommandArgument for Option<String> {
    type Param<'a> = Option<&'a str>;
    fn as_param(&self) -> Option<&str> {
        self.as_deref()
    }
}

impl CommandArgument for SecretText {
    type Param<'a> = &'a str;
    fn as_param(&self) -> &str {
        self.expose()
    }
}

/// Plain values the method takes as they are.
macro_rules! passed_as_is {
    ($($ty:ty),*) => {$(
        impl CommandArgument for $ty {
            type Param<'a> = $ty;
            fn as_param(&self) -> $ty {
                *self
            }
        }
    )*};
}
passed_as_is!(bool, u32, i64, Option<i64>, Language, ChecklistItemId);

/// Structures the method takes by reference.
macro_rules! passed_by_reference {
    ($($ty:ty),*) => {$(
        impl CommandArgument for $ty {
            type Param<'a> = &'a $ty;
            fn as_param(&self) -> &$ty {
                self
            }
        }
    )*};
}
passed_by_reference!(Registration, UsageInfo, BoardQuery);

/// The header an argument of a `bytes` command travels in: `x-` and its name in kebab case
/// (`draft_id` → `x-draft-id`); the value is percent-encoded UTF-8 ([`crate::percent_decode`]).
pub fn header_name(arg: &str) -> String {
    format!("x-{}", arg.replace('_', "-"))
}

/// The name an argument travels under in a JSON command (and Tauri's): camelCase
/// (`last_try` → `lastTry`).
pub fn json_name(arg: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in arg.chars() {
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

/// One e-mail the bundled server sent (the demo mailbox, a `shell` command: the shell that
/// started the server reads its outbox).
#[derive(Debug, Clone, Serialize, TS)]
pub struct DemoMail {
    /// The `.eml` file's name (they sort by time).
    pub file: String,
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{App, MemoryVault, Profile};

    /// Counts the lines of the table by kind.
    macro_rules! count_kinds {
        ($(
            $(#[doc = $doc:literal])*
            $name:ident ( $($arg:ident : $ty:ty),* ) -> $result:ty = $method:ident [$kind:ident $thread:ident $answer:ident];
        )*) => {
            [$( (stringify!($name), stringify!($kind)) ),*]
        };
    }

    #[test]
    fn every_command_is_listed_once() {
        let table = crate::command_table!(count_kinds);
        let mut names: Vec<_> = table.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), table.len());
        let bytes: Vec<_> = table.iter().filter(|(_, k)| *k == "bytes").collect();
        assert_eq!(bytes.len(), 3, "attach_file, import_draft, add_slot_file");
    }

    #[test]
    fn a_call_passes_typed_arguments_and_answers_the_method_result() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Demo)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        let settings = calls::set_language(&app, Language::Ja).unwrap();
        assert_eq!(settings.language, Language::Ja);
        let info = calls::app_info(&app).unwrap();
        assert_eq!(info.profile, Profile::Demo);
        let err = calls::read_basic_four(&app, None, SecretText::from("12"), false).unwrap_err();
        assert_eq!(err.code(), "pin_format");
    }

    #[test]
    fn argument_names_on_the_wire() {
        assert_eq!(json_name("resubmit_of"), "resubmitOf");
        assert_eq!(json_name("id"), "id");
        assert_eq!(header_name("file_name"), "x-file-name");
    }
}
