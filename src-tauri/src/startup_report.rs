//! Where start-up time goes: each stage of the launch notes the milliseconds since `main`
//! began, and with `ZAIRYU_STARTUP_REPORT` set the whole list is printed once the UI says it
//! shows real data (`scripts/bench-desktop.sh` reads it).

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static STAGES: Mutex<Vec<(&'static str, u128)>> = Mutex::new(Vec::new());

/// Notes when the process started (first thing in `main`).
pub(crate) fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

fn elapsed_ms() -> u128 {
    STARTED.get().map(|t| t.elapsed().as_millis()).unwrap_or(0)
}

/// Notes that `stage` is reached now (the first time only: a page loads once per launch here).
pub(crate) fn stage(stage: &'static str) {
    let ms = elapsed_ms();
    if let Ok(mut stages) = STAGES.lock() {
        if !stages.iter().any(|(name, _)| *name == stage) {
            stages.push((stage, ms));
        }
    }
}

/// The UI shows real data: with `ZAIRYU_STARTUP_REPORT` set, prints the stages and the total
/// (once per process).
pub(crate) fn interactive() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("ZAIRYU_STARTUP_REPORT").is_none() {
            return;
        }
        let ms = elapsed_ms();
        let stages = STAGES.lock().map(|s| s.clone()).unwrap_or_default();
        eprintln!("zairyu: stages {}", render(&stages));
        eprintln!("zairyu: interactive {ms} ms after start");
    });
}

/// `name=ms name=ms …` in the order the stages were reached.
fn render(stages: &[(&'static str, u128)]) -> String {
    stages
        .iter()
        .map(|(name, ms)| format!("{name}={ms}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_render_in_order_with_their_times() {
        assert_eq!(
            render(&[("setup", 12), ("page_finished", 340)]),
            "setup=12 page_finished=340"
        );
        assert_eq!(render(&[]), "");
    }

    #[test]
    fn a_stage_is_noted_once() {
        mark_start();
        stage("test_stage_once");
        stage("test_stage_once");
        let stages = STAGES.lock().unwrap();
        let n = stages
            .iter()
            .filter(|(name, _)| *name == "test_stage_once")
            .count();
        assert_eq!(n, 1);
    }
}
