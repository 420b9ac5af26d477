//! The reception server bundled with the app (feature `demo`): in the demo profile it starts on
//! a free loopback port with its data in `DATA/server/`, and its outbox is the demo mailbox the
//! UI can show. A build without the feature has neither: it starts nothing and its mailbox is
//! empty (the production profile talks to the server chosen in Settings).

use zairyu_app::{App, DemoMail};

#[cfg(feature = "demo")]
fn server_dir(app: &App) -> std::path::PathBuf {
    app.data_dir().join("server")
}

/// Starts the bundled server (demo profile) and tells the app its address.
#[cfg(feature = "demo")]
pub(crate) fn start(app: &App) -> Result<(), String> {
    if app.profile() != zairyu_app::Profile::Demo {
        return Ok(());
    }
    let config = zairyu_server::ServerConfig::demo_in_dir(server_dir(app));
    let addr = zairyu_server::spawn(config)?;
    app.set_bundled_server(&format!("http://{addr}"));
    Ok(())
}

/// A build without the bundled server starts nothing (`launch` refuses the demo profile).
#[cfg(not(feature = "demo"))]
pub(crate) fn start(_app: &App) -> Result<(), String> {
    Ok(())
}

/// The newest e-mails first (at most 20).
#[cfg(feature = "demo")]
pub(crate) fn mailbox(app: &App) -> Vec<DemoMail> {
    if app.profile() != zairyu_app::Profile::Demo {
        return Vec::new();
    }
    zairyu_server::mail::outbox_messages(&server_dir(app).join("outbox"), 20)
        .into_iter()
        .map(|(file, body)| DemoMail { file, body })
        .collect()
}

/// No bundled server, no demo mailbox.
#[cfg(not(feature = "demo"))]
pub(crate) fn mailbox(_app: &App) -> Vec<DemoMail> {
    Vec::new()
}
