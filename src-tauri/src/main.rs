//! zairyu-desktop: the Tauri shell. Starts the window and hands every command to `commands`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bindings;
mod commands;
mod launch;

use tauri::Manager;

fn main() {
    tauri::Builder::default()
        .setup(|app| {
            let config = launch::LaunchConfig::from_env_and_args(app.handle())?;
            let state = zairyu_app::App::open(&config.data_dir, config.profile)?;
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&launch::window_title(config.profile))?;
            }
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::get_settings,
            commands::set_language,
            commands::get_checklist,
            commands::set_checklist_item,
            commands::take_notices,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the Zairyu window could not start");
}
