//! Where this device syncs to and how it signs in, kept with the other
//! per-device preferences (see `settings`: in localStorage and IndexedDB).

use crate::settings::keep;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

pub(crate) const CONFIG_KEY: &str = "daftar.sync";
pub(crate) const DEVICE_KEY: &str = "daftar.device";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncConfig {
    /// The server's address without a trailing slash, e.g. `https://couch.example.com`.
    pub url: String,
    pub db: String,
    pub user: String,
    pub method: SignIn,
    /// Only for Basic sign-in, which sends it with every request: the tablet
    /// must sync for days without anyone typing it again.
    #[serde(default)]
    pub password: String,
    /// The survey inbox database on the same server ("" for none).
    #[serde(default)]
    pub inbox: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignIn {
    /// CouchDB's `_session` cookie: the password is not kept on the device;
    /// when the session ends the user signs in again.
    #[default]
    Cookie,
    /// HTTP Basic: the password is kept on the device.
    Basic,
    /// No sign-in (a server open to all, e.g. pouchdb-server tried locally).
    None,
}

impl SyncConfig {
    pub fn load() -> Option<SyncConfig> {
        LocalStorage::get(CONFIG_KEY).ok()
    }

    pub fn save(&self) {
        keep(CONFIG_KEY, Some(self));
    }

    /// Where survey pages post their codes: the inbox database's URL, or "".
    pub fn inbox_url(&self) -> String {
        if self.inbox.is_empty() {
            return String::new();
        }
        format!("{}/{}", self.url, String::from(js_sys::encode_uri_component(&self.inbox)))
    }

    pub fn remove() {
        keep::<SyncConfig>(CONFIG_KEY, None);
    }
}

/// This device's id: the tie-break of its clock stamps. Made once, kept.
pub fn device_id() -> String {
    if let Ok(id) = LocalStorage::get::<String>(DEVICE_KEY) {
        return id;
    }
    use daftar_core::env::Env;
    // The first block of a fresh UUID: short, and unique enough among one team's devices.
    let id = crate::browser_env::BrowserEnv.new_id().split('-').next().unwrap_or("device").to_string();
    keep(DEVICE_KEY, Some(&id));
    id
}
