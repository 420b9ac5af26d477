//! The real PC/SC stack for card tests: one pcscd per test process, started as
//! `pcscd -f -c <own readers.d>` with vsmartcard-vpcd readers on private ports, plus one
//! `zairyu sim` per test on its own reader slot, so tests run in parallel without meeting.
//!
//! pcscd allows one instance per machine (its socket path is fixed), so a watchdog shell stops
//! it when the test process ends, however it ends.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Reader entries in our readers.d; each gives two slots ("NAME 00 00", "NAME 00 01") on two
/// consecutive TCP ports.
const ENTRIES: &[(&str, u16)] = &[
    ("Zairyu Test A", 0xA1C1),
    ("Zairyu Test B", 0xA1C3),
    ("Zairyu Test C", 0xA1C5),
];

/// One virtual reader slot: its PC/SC name and the vpcd port the card connects to.
#[derive(Debug, Clone)]
pub struct Slot {
    pub reader: String,
    pub port: u16,
}

/// Slot `n` (0-based) of the readers this stack configures.
pub fn slot(n: usize) -> Slot {
    let (name, port) = ENTRIES[n / 2];
    Slot {
        reader: format!("{name} 00 0{}", n % 2),
        port: port + (n % 2) as u16,
    }
}

struct Stack {
    _dir: tempfile::TempDir,
    /// The watchdog shells; they end with this process (and stop pcscd when they do).
    _watchdogs: Vec<Child>,
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn pcscd_running() -> bool {
    Command::new("pgrep")
        .args(["-x", "pcscd"])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Starts pcscd once for this test process and waits until our readers are listed.
pub fn ensure_pcscd() {
    static STACK: OnceLock<Stack> = OnceLock::new();
    STACK.get_or_init(|| {
        assert!(
            have("pcscd") && Path::new("/usr/lib/pcsc/drivers/serial/libifdvpcd.so").exists(),
            "pcscd and vsmartcard-vpcd are needed for the card tests: run scripts/setup.sh (it installs them)"
        );
        let dir = tempfile::tempdir().unwrap();
        let readers = dir.path().join("readers.d");
        std::fs::create_dir_all(&readers).unwrap();
        for (name, port) in ENTRIES {
            // vpcd keeps its sockets in globals indexed by slot, so two entries sharing one
            // loaded library overwrite each other: each entry gets its own copy of the driver.
            let lib = dir.path().join(format!("libifdvpcd-{port:04X}.so"));
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
        let log = dir.path().join("pcscd.log");
        let script = format!(
            "pcscd -f -a -c '{}' > '{}' 2>&1 & p=$!; while kill -0 {} 2>/dev/null && kill -0 $p 2>/dev/null; do sleep 0.3; done; kill -TERM $p 2>/dev/null",
            readers.display(),
            log.display(),
            std::process::id()
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last_start: Option<Instant> = None;
        let mut watchdogs = Vec::new();
        loop {
            // (Re)start ours when none runs: a pcscd that was just stopping may still hold the
            // socket the first time.
            if !pcscd_running() && last_start.is_none_or(|t| t.elapsed() > Duration::from_secs(2)) {
                watchdogs.push(Command::new("sh").args(["-c", &script]).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap());
                last_start = Some(Instant::now());
            }
            let names: Vec<String> = zairyu_card::readers::list().map(|l| l.into_iter().map(|r| r.name).collect()).unwrap_or_default();
            if names.iter().any(|n| n.starts_with("Zairyu Test A")) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "pcscd did not list the test readers within 20 s (readers: {names:?}); if another pcscd runs, stop it"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Stack { _dir: dir, _watchdogs: watchdogs }
    });
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
