//! The window's size and position, remembered between launches in `DATA/window.json` (the
//! app-data folder itself, never a counter visit's folder: it holds nothing about a person).
//!
//! The shell saves the geometry when the window closes and asks for it at start-up with the
//! screens of this computer; [`WindowGeometry::placed_on`] keeps a window from coming back off
//! screen (a monitor unplugged, a resolution lowered): its title bar must be on a screen, and
//! it is never larger than that screen. All numbers are physical pixels, as the OS reports them.

use serde::{Deserialize, Serialize};

use crate::json_file::{read_json, write_json};
use crate::{App, AppError};

const FILE: &str = "window.json";

/// How much of the title bar must lie on one screen for the window to stay where it was: a
/// strip this tall along the top edge, at least [`GRIP_WIDTH`] wide.
const TITLE_BAR_HEIGHT: i64 = 32;
const GRIP_WIDTH: i64 = 96;

/// A window's outer position and inner size, and whether it was maximised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowGeometry {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub maximized: bool,
}

/// The part of one screen a window may use (its work area, or the whole monitor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenArea {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl ScreenArea {
    /// The width and height of the overlap of this screen with a rectangle.
    fn overlap(&self, x: i64, y: i64, width: i64, height: i64) -> (i64, i64) {
        let (sx, sy) = (i64::from(self.x), i64::from(self.y));
        let (sw, sh) = (i64::from(self.width), i64::from(self.height));
        let across = (x + width).min(sx + sw) - x.max(sx);
        let down = (y + height).min(sy + sh) - y.max(sy);
        (across.max(0), down.max(0))
    }
}

impl WindowGeometry {
    /// The geometry to restore on these screens, or `None` when there is no screen to put it
    /// on. A window whose title bar is on a screen stays there (shrunk to fit that screen); one
    /// that is off every screen is centred on the first screen (the primary one), shrunk to
    /// fit. `min` is the window's smallest size.
    pub fn placed_on(self, screens: &[ScreenArea], min: (u32, u32)) -> Option<WindowGeometry> {
        let (x, y) = (i64::from(self.x), i64::from(self.y));
        let width = i64::from(self.width.max(min.0));
        let holding_title_bar = screens.iter().find(|screen| {
            let (across, down) = screen.overlap(x, y, width, TITLE_BAR_HEIGHT);
            across >= GRIP_WIDTH.min(width) && down >= TITLE_BAR_HEIGHT
        });
        match holding_title_bar {
            Some(screen) => Some(self.fitted(screen, min, false)),
            None => screens.first().map(|screen| self.fitted(screen, min, true)),
        }
    }

    /// This geometry made no larger than `screen` (and no smaller than `min`), moved inside it
    /// as far as needed, or centred on it.
    fn fitted(self, screen: &ScreenArea, min: (u32, u32), centre: bool) -> WindowGeometry {
        let width = self.width.max(min.0).min(screen.width.max(min.0));
        let height = self.height.max(min.1).min(screen.height.max(min.1));
        let (sx, sy) = (i64::from(screen.x), i64::from(screen.y));
        let room_x = i64::from(screen.width) - i64::from(width);
        let room_y = i64::from(screen.height) - i64::from(height);
        let (x, y) = if centre {
            (sx + room_x.max(0) / 2, sy + room_y.max(0) / 2)
        } else {
            (
                i64::from(self.x).clamp(sx, sx + room_x.max(0)),
                i64::from(self.y).clamp(sy, sy + room_y.max(0)),
            )
        };
        WindowGeometry {
            x: i32::try_from(x).unwrap_or(screen.x),
            y: i32::try_from(y).unwrap_or(screen.y),
            width,
            height,
            maximized: self.maximized,
        }
    }
}

impl App {
    /// The window geometry saved at the last close, if any (a corrupt file is moved aside).
    pub fn window_geometry(&self) -> Option<WindowGeometry> {
        read_json(self.data_dir(), FILE)
            .ok()
            .and_then(|read| read.value())
    }

    /// Remembers the window's geometry for the next launch. A maximised window keeps the
    /// size and position it had before, so un-maximising after the next start restores them.
    pub fn remember_window_geometry(&self, geometry: WindowGeometry) -> Result<(), AppError> {
        let kept = match (geometry.maximized, self.window_geometry()) {
            (true, Some(before)) => WindowGeometry {
                maximized: true,
                ..before
            },
            _ => geometry,
        };
        write_json(self.data_dir(), FILE, &kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Profile;

    const MIN: (u32, u32) = (640, 480);
    const LAPTOP: ScreenArea = ScreenArea {
        x: 0,
        y: 0,
        width: 1366,
        height: 768,
    };
    const RIGHT: ScreenArea = ScreenArea {
        x: 1366,
        y: 0,
        width: 1920,
        height: 1080,
    };

    fn geometry(x: i32, y: i32, width: u32, height: u32) -> WindowGeometry {
        WindowGeometry {
            x,
            y,
            width,
            height,
            maximized: false,
        }
    }

    #[test]
    fn a_window_on_a_screen_stays_where_it_was() {
        let saved = geometry(100, 50, 1024, 700);
        assert_eq!(saved.placed_on(&[LAPTOP], MIN), Some(saved));
        let on_right = geometry(1500, 100, 1200, 800);
        assert_eq!(on_right.placed_on(&[LAPTOP, RIGHT], MIN), Some(on_right));
    }

    #[test]
    fn a_window_of_an_unplugged_screen_comes_back_centred_on_the_first() {
        let on_right = geometry(1500, 100, 1200, 800);
        let back = on_right.placed_on(&[LAPTOP], MIN).unwrap();
        // Shrunk to the laptop's height, centred across.
        assert_eq!(back, geometry((1366 - 1200) / 2, 0, 1200, 768));
    }

    #[test]
    fn a_window_far_off_or_above_the_screen_is_brought_back() {
        for saved in [
            geometry(-5000, -5000, 800, 600),
            geometry(200, -300, 800, 600), // title bar above the screen's top
            geometry(1340, 200, 800, 600), // only 26 px of the title bar on screen
        ] {
            let back = saved.placed_on(&[LAPTOP], MIN).unwrap();
            assert_eq!(
                back,
                geometry((1366 - 800) / 2, (768 - 600) / 2, 800, 600),
                "{saved:?}"
            );
        }
    }

    #[test]
    fn a_window_larger_than_its_screen_is_shrunk_and_kept_inside() {
        let big = geometry(300, 100, 3000, 2000);
        let back = big.placed_on(&[LAPTOP], MIN).unwrap();
        assert_eq!(back, geometry(0, 0, 1366, 768));
        // Partly past the right edge: moved left just enough.
        let past = geometry(1000, 100, 800, 600);
        assert_eq!(
            past.placed_on(&[LAPTOP], MIN),
            Some(geometry(566, 100, 800, 600))
        );
    }

    #[test]
    fn never_below_the_smallest_size_and_nothing_without_a_screen() {
        let tiny = geometry(10, 10, 100, 50);
        assert_eq!(
            tiny.placed_on(&[LAPTOP], MIN),
            Some(geometry(10, 10, 640, 480))
        );
        assert_eq!(tiny.placed_on(&[], MIN), None);
    }

    #[test]
    fn the_geometry_is_kept_in_the_app_data_folder_and_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production).unwrap();
        assert_eq!(app.window_geometry(), None);
        let saved = geometry(120, 80, 1100, 740);
        app.remember_window_geometry(saved).unwrap();
        // Maximising keeps the size to come back to.
        app.remember_window_geometry(WindowGeometry {
            maximized: true,
            ..geometry(0, 0, 1366, 768)
        })
        .unwrap();
        drop(app);
        let again = App::open(dir.path(), Profile::Production).unwrap();
        assert_eq!(
            again.window_geometry(),
            Some(WindowGeometry {
                maximized: true,
                ..saved
            })
        );
        assert!(dir.path().join("window.json").exists());
        // A corrupt file is no geometry (and moved aside), not an error.
        std::fs::write(dir.path().join("window.json"), b"{").unwrap();
        assert_eq!(again.window_geometry(), None);
        assert!(dir.path().join("window.json.corrupt").exists());
    }
}
