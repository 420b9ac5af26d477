//! The real PC/SC stack for card tests: one private pcscd per test process with its own
//! readers.d (vsmartcard-vpcd readers on free ports) and its own socket, plus one `zairyu sim`
//! per test on its own reader slot, so tests run in parallel without meeting — and without
//! meeting the machine's own pcscd either.
//!
//! pcscd has no option for its socket: it always creates `/run/pcscd/pcscd.comm`, after
//! removing whatever is there — the socket of a system pcscd (Debian's `pcscd.socket`) too,
//! which is how tests used to break the machine's smart-card service and be served by it.
//! But pcscd also accepts a listening socket from systemd (socket activation: fd 3 with
//! `LISTEN_FDS=1`, `LISTEN_PID=<its pid>`; pcsc-lite 1.9 and 2.x alike), and then leaves
//! `/run/pcscd/pcscd.comm` alone. So the stack binds `$TMPDIR/zairyu-pcscd-<pid>/pcscd.comm`
//! itself, hands it to pcscd as systemd would, and points every client at it with
//! `PCSCLITE_CSOCK_NAME`, which libpcsclite reads once, on first use: this process (set before
//! its first PC/SC call) and every child it starts after that (the `zairyu` CLI, OpenSC's
//! tools), and the desktop app through [`socket_name`] (`tests/support/desktop.rs`).
//! (pcscd still writes and at exit removes `/run/pcscd/pcscd.pid`; only `pcscd --hotplug` and
//! the start-up check of a pcscd started without systemd read that file.)
//! `scripts/pcsc-isolation.sh` shows a card test passing beside a running system pcscd.
//!
//! A watchdog shell stops the private pcscd and removes its folder when the test process ends,
//! however it ends.

use std::net::TcpListener;
use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use command_fds::{CommandFdExt, FdMapping};

/// Reader entries in our readers.d; each gives two slots ("NAME 00 00", "NAME 00 01") on two
/// consecutive TCP ports.
const ENTRIES: &[&str] = &["Zairyu Test A", "Zairyu Test B", "Zairyu Test C"];

/// The variable libpcsclite reads for the socket of the pcscd it talks to.
pub const SOCKET_VARIABLE: &str = "PCSCLITE_CSOCK_NAME";

/// One virtual reader slot: its PC/SC name and the vpcd port the card connects to.
#[derive(Debug, Clone)]
pub struct Slot {
    pub reader: String,
    pub port: u16,
}

/// Slot `n` (0-based) of the readers this stack configures (starts the stack).
pub fn slot(n: usize) -> Slot {
    let first_port = ensure_pcscd().first_port;
    Slot {
        reader: format!("{} 00 0{}", ENTRIES[n / 2], n % 2),
        port: first_port + n as u16,
    }
}

/// The folder of this process's private pcscd: its socket, readers.d, drivers and log.
fn stack_dir() -> PathBuf {
    std::env::temp_dir().join(format!("zairyu-pcscd-{}", std::process::id()))
}

/// The socket of this process's private pcscd (whether or not it runs yet): what
/// `PCSCLITE_CSOCK_NAME` names for every PC/SC client of the tests.
pub fn socket_name() -> PathBuf {
    stack_dir().join("pcscd.comm")
}

pub struct Stack {
    /// vpcd's ports: slot `n` listens on `first_port + n`.
    first_port: u16,
    /// The watchdog shell; it ends with this process (and stops pcscd when it does).
    _watchdog: Child,
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether this pcscd has `option` (pcsc-lite 2 built with polkit: `--disable-polkit`).
fn pcscd_knows(option: &str) -> bool {
    Command::new("pcscd")
        .arg("--help")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains(option))
}

/// `2 * ENTRIES.len()` consecutive ports nobody listens on (vpcd binds every address), below
/// Linux's ephemeral range; a test process in parallel starts elsewhere (by its pid).
fn free_ports() -> u16 {
    let wanted = (2 * ENTRIES.len()) as u16;
    let mut base = 20_000 + (std::process::id() % 1_000) as u16 * 8;
    loop {
        let all_free = (base..base + wanted).all(|p| TcpListener::bind(("0.0.0.0", p)).is_ok());
        if all_free {
            return base;
        }
        base = if base + 2 * wanted > 32_000 {
            20_000
        } else {
            base + wanted
        };
    }
}

/// Starts this process's pcscd once (on its own socket) and waits until our readers are
/// listed.
pub fn ensure_pcscd() -> &'static Stack {
    static STACK: OnceLock<Stack> = OnceLock::new();
    STACK.get_or_init(|| {
        assert!(
            have("pcscd") && Path::new("/usr/lib/pcsc/drivers/serial/libifdvpcd.so").exists(),
            "pcscd and vsmartcard-vpcd are needed for the card tests: run scripts/setup.sh (it installs them)"
        );
        let dir = stack_dir();
        let _ = std::fs::remove_dir_all(&dir);
        let readers = dir.join("readers.d");
        std::fs::create_dir_all(&readers).unwrap();
        let first_port = free_ports();
        for (i, name) in ENTRIES.iter().enumerate() {
            let port = first_port + 2 * i as u16;
            // vpcd keeps its sockets in globals indexed by slot, so two entries sharing one
            // loaded library overwrite each other: each entry gets its own copy of the driver.
            let lib = dir.join(format!("libifdvpcd-{port}.so"));
            std::fs::copy("/usr/lib/pcsc/drivers/serial/libifdvpcd.so", &lib).unwrap();
            std::fs::write(
                readers.join(name.replace(' ', "-")),
                format!(
                    "FRIENDLYNAME \"{name}\"\nDEVICENAME /dev/null:0x{port:04X}\nLIBPATH {}\nCHANNELID 0x{port:04X}\n",
                    lib.display()
                ),
            )
            .unwrap();
        }
        let socket = socket_name();
        assert!(
            socket.as_os_str().len() < 100,
            "{} is too long for a Unix socket: set TMPDIR to a shorter folder",
            socket.display()
        );
        let listener = UnixListener::bind(&socket)
            .unwrap_or_else(|e| panic!("{} could not be bound: {e}", socket.display()));
        // Before this process's first PC/SC call (libpcsclite reads it once) and before it
        // starts any PC/SC client.
        std::env::set_var(SOCKET_VARIABLE, &socket);

        // The socket is fd 3 of the watchdog, which hands it to pcscd (a shell that sets
        // LISTEN_PID to its own pid, then becomes pcscd) and closes its own copy.
        let log = dir.join("pcscd.log");
        // Ubuntu builds pcscd with polkit, which refuses clients without a desktop session (a
        // CI job, ssh); this pcscd serves a socket only its owner may open, so it goes without.
        let polkit = if pcscd_knows("--disable-polkit") {
            " --disable-polkit"
        } else {
            ""
        };
        let script = format!(
            "sh -c 'export LISTEN_FDS=1 LISTEN_PID=$$; exec pcscd -f -a{polkit} -c \"$0\"' '{readers}' > '{log}' 2>&1 & p=$!; exec 3>&-; \
             while kill -0 {me} 2>/dev/null && kill -0 $p 2>/dev/null; do sleep 0.3; done; \
             kill -TERM $p 2>/dev/null; wait $p; rm -rf '{dir}'",
            readers = readers.display(),
            log = log.display(),
            me = std::process::id(),
            dir = dir.display(),
        );
        let mut watchdog = Command::new("sh");
        watchdog
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .fd_mappings(vec![FdMapping {
                parent_fd: listener.into(),
                child_fd: 3,
            }])
            .unwrap();
        let watchdog = watchdog.spawn().unwrap();

        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let names: Vec<String> = zairyu_card::readers::list()
                .map(|l| l.into_iter().map(|r| r.name).collect())
                .unwrap_or_default();
            if names.iter().any(|n| n.starts_with(ENTRIES[0])) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "our pcscd did not list the test readers within 20 s (readers: {names:?}); its log:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Stack {
            first_port,
            _watchdog: watchdog,
        }
    })
}

/// A running `zairyu sim` in one slot; dropping it pulls the card (kills the process).
pub struct Sim {
    child: Child,
    pub slot: Slot,
    pub access_log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Sim {
    /// Starts the virtual card in `slot` (with an optional identity TOML) and waits until
    /// pcscd sees it.
    pub fn start(slot: Slot, identity: Option<&str>) -> Sim {
        ensure_pcscd();
        let dir = tempfile::tempdir().unwrap();
        let access_log = dir.path().join("access.jsonl");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_zairyu"));
        cmd.args([
            "sim",
            "--vpcd",
            &format!("127.0.0.1:{}", slot.port),
            "--access-log",
        ])
        .arg(&access_log);
        if let Some(toml) = identity {
            let file = dir.path().join("identity.toml");
            std::fs::write(&file, toml).unwrap();
            cmd.arg("--identity").arg(file);
        }
        let child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let sim = Sim {
            child,
            slot,
            access_log,
            _dir: dir,
        };
        sim.wait_for_card(true);
        sim
    }

    /// Waits until pcscd reports the card present (or absent).
    pub fn wait_for_card(&self, present: bool) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let now = zairyu_card::readers::list()
                .unwrap_or_default()
                .into_iter()
                .any(|r| r.name == self.slot.reader && r.card_present);
            if now == present {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{}: card present = {now}, expected {present}",
                self.slot.reader
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Pulls the card: kills the simulator, as if the card left the reader.
    pub fn pull(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.wait_for_card(false);
    }

    /// The access log so far, one JSON value per line.
    pub fn access(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.access_log)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
