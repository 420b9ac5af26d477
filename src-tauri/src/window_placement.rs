//! Puts the main window back where it was closed (`App::window_geometry`, kept on a screen by
//! `WindowGeometry::placed_on`) and saves its geometry when it closes.

use tauri::{PhysicalPosition, PhysicalSize, Runtime, WebviewWindow, Window};
use zairyu_app::{App, ScreenArea, WindowGeometry};

/// The window's smallest size (tauri.conf.json's `minWidth`/`minHeight`, logical pixels).
const MIN_LOGICAL: (f64, f64) = (640.0, 480.0);

/// Restores the saved geometry, if any, on the screens there are now.
pub(crate) fn restore<R: Runtime>(window: &WebviewWindow<R>, app: &App) -> tauri::Result<()> {
    let Some(saved) = app.window_geometry() else {
        return Ok(());
    };
    let screens: Vec<ScreenArea> = window
        .available_monitors()?
        .iter()
        .map(|monitor| {
            let area = monitor.work_area();
            ScreenArea {
                x: area.position.x,
                y: area.position.y,
                width: area.size.width,
                height: area.size.height,
            }
        })
        .collect();
    // The primary screen first: a window off every screen goes there.
    let mut screens = screens;
    if let Some(primary) = window.primary_monitor()? {
        let at = primary.position();
        if let Some(index) = screens.iter().position(|s| s.x == at.x && s.y == at.y) {
            screens.swap(0, index);
        }
    }
    let scale = window.scale_factor().unwrap_or(1.0);
    let min = (
        (MIN_LOGICAL.0 * scale).round() as u32,
        (MIN_LOGICAL.1 * scale).round() as u32,
    );
    let Some(placed) = saved.placed_on(&screens, min) else {
        return Ok(());
    };
    window.set_size(PhysicalSize::new(placed.width, placed.height))?;
    window.set_position(PhysicalPosition::new(placed.x, placed.y))?;
    if placed.maximized {
        window.maximize()?;
    }
    Ok(())
}

/// Saves the window's geometry for the next launch (called when it is about to close).
pub(crate) fn save<R: Runtime>(window: &Window<R>, app: &App) {
    // A minimised window's position means nothing (Windows puts it at -32000).
    if window.is_minimized().unwrap_or(false) {
        return;
    }
    let (Ok(position), Ok(size)) = (window.outer_position(), window.inner_size()) else {
        return;
    };
    let geometry = WindowGeometry {
        x: position.x,
        y: position.y,
        width: size.width,
        height: size.height,
        maximized: window.is_maximized().unwrap_or(false),
    };
    if let Err(err) = app.remember_window_geometry(geometry) {
        eprintln!("zairyu: the window's size and position were not saved: {err}");
    }
}
