//! zairyu-desktop: the Tauri shell. Starts the window and hands every command to `commands`
//! (its handler list comes from the one command table in `zairyu_app`).

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
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the Zairyu window could not start");
}
