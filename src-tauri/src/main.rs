//! zairyu-desktop: the Tauri shell. Starts the window and hands every command to `commands`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bindings;
mod bundled;
mod commands;
mod launch;
mod status_notifications;

use tauri::Manager;

fn main() {
    commands::mark_start();
    tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let config = launch::LaunchConfig::from_env_and_args(app.handle())?;
            let state = zairyu_app::App::open(&config.data_dir, config.profile)?;
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&launch::window_title(config.profile))?;
            }
            if let Err(e) = bundled::start(&state) {
                // The app works offline without it; the diagnosis page says the server is down.
                eprintln!("zairyu: the bundled server did not start: {e}");
            }
            app.manage(state);
            status_notifications::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::get_settings,
            commands::set_language,
            commands::get_checklist,
            commands::set_checklist_item,
            commands::take_notices,
            commands::list_procedures,
            commands::get_terms,
            commands::get_schema,
            commands::lookup_postal,
            commands::list_drafts,
            commands::create_draft,
            commands::get_draft,
            commands::set_draft_field,
            commands::attach_file,
            commands::detach_file,
            commands::undo_draft,
            commands::export_draft,
            commands::import_draft,
            commands::set_draft_aside,
            commands::card_panel,
            commands::insert_practice_card,
            commands::remove_practice_card,
            commands::card_status,
            commands::read_basic_four,
            commands::set_server,
            commands::diagnosis,
            commands::session,
            commands::register,
            commands::confirm_email,
            commands::complete_registration,
            commands::forgot_user_id,
            commands::sign_in,
            commands::sign_out,
            commands::apply_for_usage,
            commands::submit_draft,
            commands::send_queued,
            commands::queued_submissions,
            commands::receipts,
            commands::list_applications,
            commands::demo_mailbox,
            commands::ui_ready,
            commands::fix_draft_file,
            commands::draft_photo,
            commands::fill_draft_from_card,
            commands::reuse_draft,
            commands::change_password,
            commands::forgot_password,
            commands::reset_password,
            commands::change_profile,
            commands::change_email,
            commands::confirm_email_change,
            commands::favorites,
            commands::set_favorite,
            commands::set_reader,
            commands::attention,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the Zairyu window could not start");
}
