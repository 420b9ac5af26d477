//! Where password hashes (Argon2id: 19 MiB and tens of milliseconds of a core each) are
//! computed: on a few threads of their own (`password_hashes_at_once`, default one per core),
//! fed by a queue. Sign-ins, registrations and password changes hand their hash over and wait
//! for it. Without this, a crowd signing in together ran one hash per blocking thread —
//! hundreds at once, starving the other requests of the cores — and every such thread left
//! its 19 MiB in its own malloc arena: 20 wrong sign-ins at once took the server from 10 MB to
//! 403 MB and kept it there. Now the memory is that of the hashing threads, whatever the crowd.

use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads and their queue.
#[derive(Debug)]
pub(crate) struct HashingThreads {
    queue: mpsc::Sender<Job>,
}

impl HashingThreads {
    /// Starts `count` threads (at least one) that take jobs off the queue until it closes.
    pub(crate) fn start(count: usize) -> HashingThreads {
        let (queue, jobs) = mpsc::channel::<Job>();
        let jobs = Arc::new(Mutex::new(jobs));
        for i in 0..count.max(1) {
            let jobs = Arc::clone(&jobs);
            let _ = std::thread::Builder::new()
                .name(format!("password-hash-{i}"))
                .spawn(move || loop {
                    let next = jobs.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok(job) = next else { break };
                    // A panicking job loses its answer (its caller sees None), not the thread.
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                });
        }
        HashingThreads { queue }
    }

    /// Runs `work` on a hashing thread once one is free and answers its result (None if it
    /// panicked or no thread runs).
    pub(crate) fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        let (answer, answered) = mpsc::sync_channel(1);
        let job: Job = Box::new(move || {
            let _ = answer.send(work());
        });
        self.queue.send(job).ok()?;
        answered.recv().ok()
    }
}

static THREADS: OnceLock<HashingThreads> = OnceLock::new();

/// One hashing thread per core.
pub fn default_limit() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Starts the process's hashing threads, `count` of them (once, when the first office opens;
/// later calls change nothing).
pub fn set_limit(count: usize) {
    THREADS.get_or_init(|| HashingThreads::start(count));
}

/// Runs one password hash or verification on the process's hashing threads.
pub(crate) fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    THREADS
        .get_or_init(|| HashingThreads::start(default_limit()))
        .run(work)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn every_job_runs_on_the_few_hashing_threads_no_more_at_once() {
        let threads = HashingThreads::start(2);
        let now = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let names = Arc::new(Mutex::new(HashSet::new()));
        let answers: Vec<Option<usize>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|i| {
                    let (now, most, names) = (now.clone(), most.clone(), names.clone());
                    let threads = &threads;
                    s.spawn(move || {
                        threads.run(move || {
                            let at_once = now.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(at_once, Ordering::SeqCst);
                            names
                                .lock()
                                .unwrap()
                                .insert(std::thread::current().name().map(str::to_owned));
                            std::thread::sleep(std::time::Duration::from_millis(20));
                            now.fetch_sub(1, Ordering::SeqCst);
                            i * 10
                        })
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(answers, (0..8).map(|i| Some(i * 10)).collect::<Vec<_>>());
        assert_eq!(most.load(Ordering::SeqCst), 2);
        let names = names.lock().unwrap();
        assert!(names.len() <= 2, "{names:?}");
        assert!(names.iter().all(|n| n
            .as_deref()
            .is_some_and(|n| n.starts_with("password-hash-"))));
    }

    #[test]
    fn a_panicking_job_answers_none_and_the_thread_goes_on() {
        let threads = HashingThreads::start(1);
        assert_eq!(threads.run(|| -> usize { panic!("boom") }), None);
        assert_eq!(threads.run(|| 7), Some(7));
    }
}
