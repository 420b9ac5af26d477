//! Where the session token of the reception server is kept: the OS keychain (Windows
//! Credential Manager, macOS Keychain, the Linux kernel keyring) through `keyring`, never a
//! file. When the keychain cannot be used the token lives in memory only and the student signs
//! in again after a restart.

use std::sync::Mutex;

/// Keeps one secret: the session token for one server and data folder.
pub trait SessionVault: Send + Sync + std::fmt::Debug {
    fn load(&self) -> Option<String>;
    /// Answers false when the token could only be kept in memory.
    fn store(&self, token: &str) -> bool;
    fn clear(&self);
    /// Whether the token outlives the app (false when the keychain refused it).
    fn persistent(&self) -> bool {
        true
    }
}

/// The OS keychain, with a memory copy for when it is unavailable.
#[derive(Debug)]
pub struct KeychainVault {
    /// Names the entry: one per app-data folder (choosing another server clears it).
    account: String,
    memory: Mutex<Option<String>>,
    /// False once the keychain refused to keep the token.
    kept: std::sync::atomic::AtomicBool,
}

const SERVICE: &str = "app.zairyu.desktop";

impl KeychainVault {
    pub fn new(account: impl Into<String>) -> KeychainVault {
        KeychainVault {
            account: account.into(),
            memory: Mutex::new(None),
            kept: std::sync::atomic::AtomicBool::new(true),
        }
    }

    fn entry(&self) -> Option<keyring::Entry> {
        keyring::Entry::new(SERVICE, &self.account).ok()
    }
}

impl SessionVault for KeychainVault {
    fn load(&self) -> Option<String> {
        if let Some(token) = crate::lock(&self.memory).clone() {
            return Some(token);
        }
        let token = self.entry()?.get_password().ok()?;
        *crate::lock(&self.memory) = Some(token.clone());
        Some(token)
    }

    fn store(&self, token: &str) -> bool {
        *crate::lock(&self.memory) = Some(token.to_owned());
        let kept = self
            .entry()
            .map(|e| e.set_password(token).is_ok())
            .unwrap_or(false);
        self.kept.store(kept, std::sync::atomic::Ordering::Relaxed);
        kept
    }

    fn persistent(&self) -> bool {
        self.kept.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn clear(&self) {
        *crate::lock(&self.memory) = None;
        if let Some(entry) = self.entry() {
            let _ = entry.delete_credential();
        }
    }
}

/// A vault in memory only (tests; machines without a keychain).
#[derive(Debug, Default)]
pub struct MemoryVault(Mutex<Option<String>>);

impl SessionVault for MemoryVault {
    fn load(&self) -> Option<String> {
        crate::lock(&self.0).clone()
    }
    fn store(&self, token: &str) -> bool {
        *crate::lock(&self.0) = Some(token.to_owned());
        true
    }
    fn clear(&self) {
        *crate::lock(&self.0) = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_vault_keeps_and_forgets() {
        let vault = MemoryVault::default();
        assert_eq!(vault.load(), None);
        assert!(vault.store("t1"));
        assert_eq!(vault.load().as_deref(), Some("t1"));
        vault.clear();
        assert_eq!(vault.load(), None);
    }

    #[test]
    fn keychain_vault_forgets_on_clear_even_without_a_keychain() {
        let vault = KeychainVault::new(format!("test-{}", std::process::id()));
        vault.store("secret-token");
        assert_eq!(vault.load().as_deref(), Some("secret-token"));
        vault.clear();
        assert_eq!(vault.load(), None);
    }
}
