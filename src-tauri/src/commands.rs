//! The Tauri commands: each one calls one function of `zairyu_app` and nothing more.
//!
//! Their names and types are listed once more in `bindings.rs`, which generates the UI's
//! TypeScript types; a test keeps the two in step with the committed file.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zairyu_app::{
    App, AppError, AppInfo, ChecklistItem, ChecklistItemId, Language, Notice, Settings,
};

/// The one error shape the UI sees: a stable code it translates, and an English message.
#[derive(Debug, Serialize, TS)]
pub(crate) struct CommandError {
    pub(crate) code: String,
    pub(crate) message: String,
}

impl From<AppError> for CommandError {
    fn from(err: AppError) -> Self {
        CommandError {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}

type Reply<T> = Result<T, CommandError>;

#[tauri::command]
pub(crate) fn app_info(app: State<'_, App>) -> AppInfo {
    app.info()
}

#[tauri::command]
pub(crate) fn get_settings(app: State<'_, App>) -> Reply<Settings> {
    Ok(app.settings()?)
}

#[tauri::command]
pub(crate) fn set_language(app: State<'_, App>, language: Language) -> Reply<Settings> {
    Ok(app.set_language(language)?)
}

#[tauri::command]
pub(crate) fn get_checklist(app: State<'_, App>) -> Reply<Vec<ChecklistItem>> {
    Ok(app.checklist()?)
}

#[tauri::command]
pub(crate) fn set_checklist_item(
    app: State<'_, App>,
    id: ChecklistItemId,
    done: bool,
) -> Reply<Vec<ChecklistItem>> {
    Ok(app.set_checklist_item(id, done)?)
}

#[tauri::command]
pub(crate) fn take_notices(app: State<'_, App>) -> Vec<Notice> {
    app.take_notices()
}
