// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings` instead.

export type AppInfo = { profile: Profile, version: string, 
/**
 * The app-data folder, so an advisor can find (and clear) what the app keeps.
 */
data_dir: string, };

export type Profile = "demo" | "production";

export type Settings = { language: Language, };

export type Language = "en" | "ja";

export type ChecklistItem = { id: ChecklistItemId, done: boolean, };

export type ChecklistItemId = "my_number_card" | "card_pins" | "residence_card" | "passport" | "pc" | "card_reader" | "documents_pdf";

export type Notice = { "code": "file_recovered", kept_as: string, };

export type CommandError = { code: string, message: string, };

/** Every Tauri command: its arguments and its result. */
export interface Commands {
  app_info: { args: Record<string, never>; result: AppInfo };
  get_settings: { args: Record<string, never>; result: Settings };
  set_language: { args: { language: Language }; result: Settings };
  get_checklist: { args: Record<string, never>; result: Array<ChecklistItem> };
  set_checklist_item: { args: { id: ChecklistItemId; done: boolean }; result: Array<ChecklistItem> };
  take_notices: { args: Record<string, never>; result: Array<Notice> };
}
