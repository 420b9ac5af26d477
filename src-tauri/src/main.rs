//! zairyu-desktop: the Tauri shell. Starts the window and hands every command to `commands`
//! (its handler list comes from the one command table in `zairyu_app`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bindings;
mod bundled;
mod commands;
mod launch;
mod log_files;
mod panic_screen;
mod single_instance;
mod startup_report;
mod status_notifications;
mod webview_tuning;
mod window_placement;

use tauri::webview::PageLoadEvent;
use tauri::{Emitter, Manager};

fn main() {
    startup_report::mark_start();
    panic_screen::install();
    let context = tauri::generate_context!("../tauri.conf.json");
    let mut builder = tauri::Builder::default();
    // First of the plugins: a second launch hands over before anything else starts.
    if let Some(plugin) = single_instance::plugin(
        &context.config().identifier,
        launch::explicit_data_dir().as_deref(),
    ) {
        builder = builder.plugin(plugin);
    }
    builder
        .plugin(log_files::plugin())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            startup_report::stage("window");
            if let Some(window) = app.get_webview_window("main") {
                webview_tuning::apply(&window)?;
            }
            panic_screen::attach(app.handle().clone());
            let config = launch::LaunchConfig::from_env_and_args(app.handle())?;
            let state = zairyu_app::App::open(&config.data_dir, config.profile)?;
            if let Some(dir) = log_files::log_dir(app.handle()) {
                state.set_log_dir(dir);
            }
            startup_report::stage("app_open");
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&launch::window_title(config.profile))?;
                if let Err(e) = window_placement::restore(&window, &state) {
                    eprintln!("zairyu: the window's last size and position were not restored: {e}");
                }
            }
            if let Err(e) = bundled::start(&state) {
                // The app works offline without it; the diagnosis page says the server is down.
                log::warn!("the bundled server did not start: {e}");
            }
            startup_report::stage("server");
            // A submission's byte progress goes to the window as it is sent.
            let handle = app.handle().clone();
            state.on_upload_progress(move |progress| {
                let _ = handle.emit("upload-progress", progress);
            });
            app.manage(state);
            status_notifications::start(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { .. } = event {
                if let Some(app) = window.try_state::<zairyu_app::App>() {
                    window_placement::save(window, &app);
                }
            }
        })
        .on_page_load(|_, payload| match payload.event() {
            PageLoadEvent::Started => startup_report::stage("page_started"),
            PageLoadEvent::Finished => startup_report::stage("page_finished"),
        })
        .invoke_handler(commands::handler())
        .run(context)
        .expect("the Zairyu window could not start");
}
