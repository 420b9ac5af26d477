//! How many password hashes (Argon2id: 19 MiB and tens of milliseconds of a core each) the
//! process computes at once. Sign-ins, registrations and password changes run their hash on a
//! blocking thread (`block_in_place`); without a bound, a crowd signing in together gets one
//! hash per thread — hundreds at once, gigabytes of memory, every other request starved of the
//! cores. With it, the rest queue for a slot (default: one per core; `password_hashes_at_once`
//! in the configuration), so the memory stays bounded and reads keep their share of the cores.

use std::sync::{Condvar, Mutex, OnceLock};

/// A counting semaphore for blocking threads.
#[derive(Debug)]
pub(crate) struct HashingSlots {
    limit: usize,
    busy: Mutex<usize>,
    freed: Condvar,
}

impl HashingSlots {
    pub(crate) fn new(limit: usize) -> HashingSlots {
        HashingSlots {
            limit: limit.max(1),
            busy: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Runs `work` once a slot is free (waiting, on this blocking thread, until one is).
    pub(crate) fn run<T>(&self, work: impl FnOnce() -> T) -> T {
        let mut busy = self.busy.lock().unwrap_or_else(|p| p.into_inner());
        while *busy >= self.limit {
            busy = self.freed.wait(busy).unwrap_or_else(|p| p.into_inner());
        }
        *busy += 1;
        drop(busy);
        /// Gives the slot back, also when `work` panics.
        struct Slot<'a>(&'a HashingSlots);
        impl Drop for Slot<'_> {
            fn drop(&mut self) {
                let mut busy = self.0.busy.lock().unwrap_or_else(|p| p.into_inner());
                *busy -= 1;
                self.0.freed.notify_one();
            }
        }
        let _slot = Slot(self);
        work()
    }
}

static SLOTS: OnceLock<HashingSlots> = OnceLock::new();

/// One slot per core.
pub fn default_limit() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Sets how many hashes run at once in this process (once, when the first office opens; later
/// calls are ignored).
pub fn set_limit(limit: usize) {
    let _ = SLOTS.set(HashingSlots::new(limit));
}

/// Runs one password hash or verification within the process's limit.
pub(crate) fn run<T>(work: impl FnOnce() -> T) -> T {
    SLOTS
        .get_or_init(|| HashingSlots::new(default_limit()))
        .run(work)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn no_more_than_the_limit_run_at_once_and_all_run() {
        let slots = HashingSlots::new(2);
        let now = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    slots.run(|| {
                        let at_once = now.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(at_once, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        now.fetch_sub(1, Ordering::SeqCst);
                        done.fetch_add(1, Ordering::SeqCst);
                    })
                });
            }
        });
        assert_eq!(done.load(Ordering::SeqCst), 8);
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }
}
