//! `zairyu serve` as a child process: its own data folder, a free port, stopped when dropped.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `zairyu serve`; killed (and waited for) when dropped.
#[derive(Debug)]
pub struct ServeProcess {
    child: Child,
    /// Where it listens, e.g. `http://127.0.0.1:40123`.
    pub url: String,
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
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                eprintln!("[zairyu serve] {line}");
            }
        });
        ServeProcess { child, url }
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
