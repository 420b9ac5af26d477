//! The reception server bundled with the app: in the demo profile it starts on a free loopback
//! port with its data in `DATA/server/`, and its outbox is the demo mailbox the UI can show.

use zairyu_app::{App, DemoMail, Profile};

fn server_dir(app: &App) -> std::path::PathBuf {
    app.data_dir().join("server")
}

/// Starts the bundled server (demo profile) and tells the app its address.
pub(crate) fn start(app: &App) -> Result<(), String> {
    if app.profile() != Profile::Demo {
        return Ok(());
    }
    let config = zairyu_server::ServerConfig::in_dir(server_dir(app));
    let addr = zairyu_server::spawn(config)?;
    app.set_bundled_server(&format!("http://{addr}"));
    Ok(())
}

/// The newest e-mails first (at most 20).
pub(crate) fn mailbox(app: &App) -> Vec<DemoMail> {
    if app.profile() != Profile::Demo {
        return Vec::new();
    }
    zairyu_server::mail::outbox_messages(&server_dir(app).join("outbox"), 20)
        .into_iter()
        .map(|(file, body)| DemoMail { file, body })
        .collect()
}
