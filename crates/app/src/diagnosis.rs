//! The diagnosis page: is the PC/SC service running, which readers and cards are there and how
//! many tries their PINs have left, can the server be reached, and what time this computer
//! thinks it is (a wrong clock breaks certificate checks).

use serde::Serialize;
use ts_rs::TS;
use zairyu_card::readers::ReaderInfo;
use zairyu_card::session::CardStatus;

use crate::reception_client::ReceptionClient;
use crate::App;

#[derive(Debug, Clone, Serialize, TS)]
pub struct Diagnosis {
    pub pcsc_available: bool,
    pub readers: Vec<ReaderInfo>,
    /// The first card found, if it answered.
    pub card: Option<CardStatus>,
    /// Why the card could not be read (an error code), when a card is present.
    pub card_error: Option<String>,
    pub server: Option<String>,
    pub server_reachable: bool,
    /// This computer's clock, RFC 3339 UTC.
    pub clock_utc: String,
    pub queued_submissions: u32,
    pub data_dir: String,
}

impl App {
    pub fn diagnosis(&self) -> Diagnosis {
        let panel = self.card_panel();
        let any_card = panel.readers.iter().any(|r| r.card_present);
        let (card, card_error) = if any_card {
            match self.card_status(None) {
                Ok(status) => (Some(status), None),
                Err(e) => (None, Some(e.code().to_owned())),
            }
        } else {
            (None, None)
        };
        let server = self.server_url();
        let server_reachable = server
            .as_deref()
            .map(|url| ReceptionClient::new(url).reachable())
            .unwrap_or(false);
        Diagnosis {
            pcsc_available: panel.pcsc_available,
            readers: panel.readers,
            card,
            card_error,
            server,
            server_reachable,
            clock_utc: zairyu_drafts::now(),
            queued_submissions: self.queued_submissions().len() as u32,
            data_dir: self.data_dir.display().to_string(),
        }
    }
}

#[cfg(all(test, feature = "demo"))] // the test uses the practice card
mod tests {
    use crate::{App, MemoryVault, Profile};

    #[test]
    fn diagnosis_names_the_practice_card_and_an_unreachable_server() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Demo)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        let d = app.diagnosis();
        assert!(d.card.is_none() && d.server.is_none() && !d.server_reachable);
        app.insert_practice_card().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        app.set_bundled_server(&format!("http://127.0.0.1:{port}"));
        let d = app.diagnosis();
        assert_eq!(d.card.unwrap().auth_pin_tries, Some(3));
        assert!(d.server.is_some() && !d.server_reachable);
        assert_eq!(d.queued_submissions, 0);
        assert!(d.clock_utc.ends_with('Z'));
    }
}
