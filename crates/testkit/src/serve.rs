//! `zairyu serve` as a child process: its own data folder, a free port, stopped when dropped.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// A running `zairyu serve`; killed (and waited for) when dropped.
#[derive(Debug)]
pub struct ServeProcess {
    child: Child,
    /// Where it listens, e.g. `http://127.0.0.1:40123`.
    pub url: String,
    /// Every line it wrote to stderr after the first (its logs).
    log: Arc<Mutex<Vec<String>>>,
}

impl ServeProcess {
    /// Starts `program serve --listen 127.0.0.1:0 --data DATA` in the demo profile (the tests'
    /// virtual cards are signed by the demo CA) and waits for the address it announces on its
    /// first line of stderr. The rest of its stderr goes to the test's.
    pub fn start(program: impl AsRef<OsStr>, data: &Path) -> ServeProcess {
        ServeProcess::start_with(program, data, |command| {
            command.env("ZAIRYU_PROFILE", "demo");
        })
    }

    /// Like [`ServeProcess::start`] without choosing a profile: `configure` adds the arguments
    /// and environment the test wants (e.g. `ZAIRYU_PROFILE=production`, more flags).
    pub fn start_with(
        program: impl AsRef<OsStr>,
        data: &Path,
        configure: impl FnOnce(&mut Command),
    ) -> ServeProcess {
        let mut command = Command::new(program);
        command
            .args(["serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .stderr(Stdio::piped());
        configure(&mut command);
        let mut child = command.spawn().expect("zairyu serve starts");
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr is piped"));
        let mut line = String::new();
        stderr.read_line(&mut line).expect("zairyu serve prints");
        let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no address in {line:?}");
        };
        let url = url.trim_end_matches(',').to_owned();
        // Keep the pipe open (a closed stderr would make the server's next message fail).
        let log = Arc::new(Mutex::new(vec![line.clone()]));
        let kept = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                eprintln!("[zairyu serve] {line}");
                kept.lock().unwrap_or_else(|p| p.into_inner()).push(line);
            }
        });
        ServeProcess { child, url, log }
    }

    /// The server's process id (e.g. to read `/proc/PID/status` or send it a signal).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Everything the server wrote to stderr so far, one line each.
    pub fn log(&self) -> String {
        self.log
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .join("\n")
    }

    /// The server's peak resident set in kB (`VmHWM` of `/proc/PID/status`), while it runs.
    pub fn peak_memory_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// Waits up to `limit` for the server to end by itself (after a signal); its exit status.
    pub fn wait_for_exit(
        &mut self,
        limit: std::time::Duration,
    ) -> Option<std::process::ExitStatus> {
        let until = std::time::Instant::now() + limit;
        while std::time::Instant::now() < until {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        None
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
