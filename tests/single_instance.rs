//! Single instance: the real desktop app launched twice on one app-data folder hands over to
//! the first window (the second process exits with status 0, the first keeps running), and an
//! app on another folder runs beside it. Runs under Xvfb with a private D-Bus session bus of
//! its own (`dbus-daemon`, Debian package dbus): on Linux the plugin's lock is a D-Bus name.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::desktop::desktop_binary;

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A private session bus; its address.
fn session_bus() -> (Running, String) {
    let mut child = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("dbus-daemon is needed (Debian: dbus)");
    let mut address = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut address)
        .unwrap();
    (Running(child), address.trim().to_owned())
}

/// The names of the app instances on the bus (`<id>.SingleInstance`).
fn instance_names(bus: &str) -> Vec<String> {
    let out = Command::new("dbus-send")
        .args([
            &format!("--bus={bus}"),
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.ListNames",
        ])
        .output()
        .expect("dbus-send is needed (Debian: dbus)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.trim().strip_prefix("string \""))
        .map(|name| name.trim_end_matches('"').to_owned())
        .filter(|name| name.starts_with("app.zairyu.desktop") && name.ends_with(".SingleInstance"))
        .collect()
}

fn launch(bus: &str, data: &Path) -> Child {
    Command::new(desktop_binary())
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .env("ZAIRYU_DATA_DIR", data)
        .env("ZAIRYU_PROFILE", "demo")
        .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits until `count` instances own their name on the bus.
fn wait_for_instances(bus: &str, count: usize, first: &mut Child) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let names = instance_names(bus);
        if names.len() >= count {
            return names;
        }
        assert!(
            first.try_wait().unwrap().is_none(),
            "the first app exited before it owned its name"
        );
        assert!(Instant::now() < deadline, "only {names:?} on the bus");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_second_launch_on_the_same_folder_hands_over_and_exits() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no X display: run under xvfb-run"
    );
    let (_daemon, bus) = session_bus();
    let data = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();

    let mut first = Running(launch(&bus, data.path()));
    let names = wait_for_instances(&bus, 1, &mut first.0);
    assert_eq!(names.len(), 1);
    assert_ne!(
        names[0], "app.zairyu.desktop.SingleInstance",
        "an explicit data folder names its own instance"
    );

    // The same folder: the second launch hands over and exits with status 0.
    let mut second = Running(launch(&bus, data.path()));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = second.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the second launch did not exit within 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the second launch exited with {status}");
    assert!(
        first.0.try_wait().unwrap().is_none(),
        "the first app must keep running"
    );
    assert_eq!(
        instance_names(&bus),
        names,
        "still the first app's name only"
    );

    // Another folder: a second app that runs beside the first.
    let mut beside = Running(launch(&bus, other.path()));
    let both = wait_for_instances(&bus, 2, &mut first.0);
    assert_eq!(both.len(), 2, "{both:?}");
    std::thread::sleep(Duration::from_secs(1));
    assert!(
        beside.0.try_wait().unwrap().is_none(),
        "the app on another folder runs"
    );
    assert!(first.0.try_wait().unwrap().is_none());
}
