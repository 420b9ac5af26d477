//! What the app keeps on this computer for the people who used it, and removing it: on a
//! shared PC (a school's counter, a library) sign-out says how many drafts, receipts and
//! queued submissions stay and offers to remove them. Also which account is signed in here
//! (`DATA/signed-in.json`, the user ID only), so a queued submission is recorded with the
//! account that signed it and is never sent by another.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{json_file, App, AppError};

pub(crate) const SIGNED_IN_FILE: &str = "signed-in.json";

/// The folders and files [`App::remove_local_data`] removes (under the app-data folder).
const PERSONAL_FOLDERS: [&str; 5] = ["drafts", "set-aside", "exports", "receipts", "outbox"];
const PERSONAL_FILES: [&str; 2] = ["statuses-seen.json", SIGNED_IN_FILE];

/// What stays on this computer after signing out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct LocalData {
    /// Drafts, those set aside included.
    pub drafts: u32,
    /// Receipts of filed applications.
    pub receipts: u32,
    /// Signed submissions waiting to be sent (anyone's).
    pub queued_submissions: u32,
}

#[derive(Debug, Serialize, Deserialize)]
struct SignedIn {
    user_id: String,
}

/// How many entries `dir` holds (not counting dot-files: half-made ones).
pub(crate) fn count(dir: &Path) -> u32 {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .count() as u32
        })
        .unwrap_or(0)
}

impl App {
    /// The user ID of the account signed in on this computer, as last seen.
    pub(crate) fn signed_in_user(&self) -> Option<String> {
        if self.counter.on() {
            return self.counter.signed_in();
        }
        json_file::read_json::<SignedIn>(&self.data_dir, SIGNED_IN_FILE)
            .ok()
            .and_then(|r| r.value())
            .map(|s| s.user_id)
    }

    /// Records (`Some`) or forgets (`None`) the account signed in here.
    pub(crate) fn remember_signed_in(&self, user_id: Option<&str>) {
        if self.counter.on() {
            // A counter PC writes nothing about who is signed in.
            self.counter.set_signed_in(user_id);
            return;
        }
        match user_id {
            Some(user_id) if self.signed_in_user().as_deref() != Some(user_id) => {
                let record = SignedIn {
                    user_id: user_id.to_owned(),
                };
                let _ = json_file::write_json(&self.data_dir, SIGNED_IN_FILE, &record);
            }
            Some(_) => {}
            None => {
                let _ = fs::remove_file(self.data_dir.join(SIGNED_IN_FILE));
            }
        }
    }

    /// Ends the session here: the token and the record of who was signed in.
    pub(crate) fn forget_session(&self) {
        self.session_vault().clear();
        self.remember_signed_in(None);
    }

    /// What stays on this computer: drafts, receipts and queued submissions.
    pub fn local_data(&self) -> LocalData {
        let dir = &self.work_dir();
        LocalData {
            drafts: count(&dir.join("drafts")) + count(&dir.join("set-aside")),
            receipts: count(&dir.join("receipts")),
            queued_submissions: count(&dir.join("outbox")),
        }
    }

    /// Removes the drafts (set aside and exported too), receipts, queued submissions and
    /// the statuses seen from this computer; settings (language, server, reader) stay.
    /// Answers what is left (nothing, unless a file could not be removed).
    pub fn remove_local_data(&self) -> Result<LocalData, AppError> {
        let _guard = crate::lock(&self.write_lock);
        for folder in PERSONAL_FOLDERS {
            let path = self.work_dir().join(folder);
            match fs::remove_dir_all(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(AppError::Io { path, source }),
            }
        }
        for file in PERSONAL_FILES {
            let path = self.work_dir().join(file);
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(AppError::Io { path, source }),
            }
        }
        Ok(self.local_data())
    }
}

#[cfg(test)]
mod tests {
    use crate::{App, Language, MemoryVault, Profile};

    #[test]
    fn sign_out_leftovers_are_counted_and_removed_settings_stay() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        assert_eq!(app.local_data(), super::LocalData::default());
        app.set_language(Language::Ja).unwrap();
        let a = app.create_draft("extension-of-stay").unwrap();
        app.create_draft("extension-of-stay").unwrap();
        app.set_draft_aside(&a.id).unwrap();
        std::fs::create_dir_all(dir.path().join("receipts")).unwrap();
        std::fs::write(dir.path().join("receipts/s1.json"), "{}").unwrap();
        std::fs::create_dir_all(dir.path().join("outbox/s2")).unwrap();
        std::fs::create_dir_all(dir.path().join("outbox/.s3")).unwrap();
        app.remember_signed_in(Some("ZR1"));
        let left = app.local_data();
        assert_eq!(
            (left.drafts, left.receipts, left.queued_submissions),
            (2, 1, 1)
        );

        assert_eq!(
            app.remove_local_data().unwrap(),
            super::LocalData::default()
        );
        assert!(app.drafts().unwrap().is_empty());
        assert!(app.receipts().is_empty());
        assert!(app.queued_submissions().is_empty());
        assert_eq!(app.signed_in_user(), None);
        assert_eq!(app.settings().unwrap().language, Language::Ja);
    }
}
