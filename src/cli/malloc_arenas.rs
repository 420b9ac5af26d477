//! How many malloc arenas `zairyu serve` lets glibc keep: one per core.
//!
//! glibc gives a thread that finds the arenas busy an arena of its own, up to 8 per core, and
//! keeps what was freed in each arena for that arena's later use instead of handing it back.
//! The server runs its blocking work (SQLite, checks of 25 MB uploads, password hashes) on
//! threads that come and go, so under a long soak every arena in turn held a few large buffers:
//! the process grew for as long as the soak ran (10 → 338 MiB in 10 minutes). With one arena per
//! core it stays level once the first minute's peak is reached (ARCHITECTURE.md, "Server memory
//! under load"). An operator's own `MALLOC_ARENA_MAX` is left as it is.

/// Caps the arenas at one per core (on glibc; elsewhere nothing to do). Call before any thread
/// is started.
pub(crate) fn one_per_core() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
            return;
        }
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = libc::c_int::try_from(cores).unwrap_or(libc::c_int::MAX);
        set_arena_max(arenas);
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn set_arena_max(arenas: libc::c_int) {
    // SAFETY: mallopt only sets one of malloc's tunables; it takes two plain integers, touches
    // no memory of ours and is called before the runtime starts its threads.
    let _ = unsafe { libc::mallopt(libc::M_ARENA_MAX, arenas) };
}
