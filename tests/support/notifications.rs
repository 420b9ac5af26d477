//! A desktop-notification service for the end-to-end tests: a private D-Bus session bus
//! (`dbus-daemon`) with `org.freedesktop.Notifications` served on it, recording every
//! notification the app shows — the same D-Bus call a Linux desktop's notification daemon
//! receives.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One notification as the app sent it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub app_name: String,
    pub summary: String,
    pub body: String,
}

struct Server {
    shown: Arc<Mutex<Vec<Shown>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: std::collections::HashMap<String, zbus::zvariant::OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut shown = self.shown.lock().unwrap();
        shown.push(Shown {
            app_name,
            summary,
            body,
        });
        shown.len() as u32
    }

    fn close_notification(&self, _id: u32) {}

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "zairyu-test".into(),
            "zairyu".into(),
            "1".into(),
            "1.2".into(),
        )
    }
}

/// The bus and the service; both end when this is dropped.
pub struct NotificationSink {
    /// What `DBUS_SESSION_BUS_ADDRESS` must be for the app.
    pub address: String,
    shown: Arc<Mutex<Vec<Shown>>>,
    _connection: zbus::blocking::Connection,
    daemon: Child,
}

impl NotificationSink {
    pub fn start() -> NotificationSink {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon is installed (Debian package dbus-daemon, via scripts/setup.sh)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_owned();
        assert!(!address.is_empty(), "dbus-daemon printed no address");
        let shown = Arc::new(Mutex::new(Vec::new()));
        let connection = zbus::blocking::connection::Builder::address(address.as_str())
            .unwrap()
            .name("org.freedesktop.Notifications")
            .unwrap()
            .serve_at(
                "/org/freedesktop/Notifications",
                Server {
                    shown: shown.clone(),
                },
            )
            .unwrap()
            .build()
            .expect("the notification service is on the test bus");
        NotificationSink {
            address,
            shown,
            _connection: connection,
            daemon,
        }
    }

    /// Every notification shown so far.
    pub fn shown(&self) -> Vec<Shown> {
        self.shown.lock().unwrap().clone()
    }

    /// Waits (up to `within`) for a notification whose summary contains `text`.
    pub fn wait_for(&self, text: &str, within: Duration) -> Shown {
        let deadline = Instant::now() + within;
        loop {
            if let Some(found) = self
                .shown
                .lock()
                .unwrap()
                .iter()
                .find(|n| n.summary.contains(text))
            {
                return found.clone();
            }
            assert!(
                Instant::now() < deadline,
                "no desktop notification with {text:?}; shown: {:?}",
                self.shown.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for NotificationSink {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
