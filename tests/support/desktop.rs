//! Starts the real desktop app through tauri-driver and gives a WebDriver client to it.
//!
//! tauri-driver is stopped with SIGTERM (never SIGKILL: that orphans WebKitWebDriver, which
//! keeps the test's pipes and port open). Each session gets its own free ports, so sessions
//! in parallel test binaries do not collide.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

/// How long any one wait for the app may take before the test fails.
const WAIT: Duration = Duration::from_secs(30);

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The desktop binary built next to the `zairyu` binary under test.
pub fn desktop_binary() -> PathBuf {
    let cli = PathBuf::from(env!("CARGO_BIN_EXE_zairyu"));
    let path = cli.with_file_name(format!("zairyu-desktop{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: build it first with `cargo build -p zairyu-desktop` (scripts/test-all.sh does)",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running tauri-driver; dropping it stops the driver with SIGTERM.
struct Driver {
    child: Child,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The app running in one WebDriver session.
pub struct DesktopSession {
    pub client: Client,
    _driver: Driver,
}

impl DesktopSession {
    /// Starts the app with `data_dir` as its app-data folder, in the demo profile.
    pub async fn start(data_dir: &Path) -> DesktopSession {
        DesktopSession::start_with_env(data_dir, &[]).await
    }

    /// [`DesktopSession::start`] with more environment variables for the app.
    pub async fn start_with_env(data_dir: &Path, env: &[(&str, &str)]) -> DesktopSession {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no X display: run the end-to-end suite under xvfb-run (scripts/test-all.sh does)"
        );
        let app = desktop_binary();
        let (port, native_port) = (free_port(), free_port());
        let logs = repo_root().join("test-output");
        std::fs::create_dir_all(&logs).unwrap();
        let log = std::fs::File::create(logs.join(format!("tauri-driver-{port}.log"))).unwrap();
        let child = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("ZAIRYU_DATA_DIR", data_dir)
            .env("ZAIRYU_PROFILE", "demo")
            // The test process's own pcscd (if a test starts one), never the machine's.
            .env(
                super::pcsc_stack::SOCKET_VARIABLE,
                super::pcsc_stack::socket_name(),
            )
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect(
                "tauri-driver is not installed: cargo install tauri-driver --locked --version ^2",
            );
        let driver = Driver { child };

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app }),
        );
        let deadline = Instant::now() + WAIT;
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(err) if Instant::now() > deadline => {
                    panic!("tauri-driver on port {port} did not answer: {err}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        DesktopSession {
            client,
            _driver: driver,
        }
    }

    /// Waits until an element matching `css` exists.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("{css} did not appear: {err}"))
    }

    /// From Home, the way a student starts one: "New application", the extension of period of
    /// stay, the terms agreed; answers when the draft's form shows.
    pub async fn new_extension_draft(&self) {
        for step in [
            "[data-testid=new-application]",
            "[data-testid=procedure-extension-of-stay] [data-testid=choose-procedure]",
            "[data-testid=agree]",
        ] {
            self.wait_for(step).await.click().await.unwrap();
        }
        self.wait_for("[data-testid=draft-form]").await;
    }

    /// Waits until the element matching `css` contains `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(text) {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{css} never contained {text:?}; last text: {last:?}");
    }

    /// Ends the session, which quits the app.
    pub async fn close(self) {
        self.client.close().await.unwrap();
    }
}

/// Saves a PNG of the window to `test-output/screenshots/NAME.png`.
pub async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "WebDriver returned no PNG");
    let dir = repo_root().join("test-output").join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}
