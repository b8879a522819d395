//! Preferences kept per device. They are read synchronously from
//! localStorage at start, so the first paint is already in the right
//! language, and every save goes to IndexedDB too, with the time it was
//! made: Chromium puts localStorage on disk seconds after a change, and a
//! browser killed meanwhile comes back without it — a tablet that silently
//! stopped syncing, a kiosk left unlocked. Once the database opens, what
//! localStorage lost comes back from it ([`restore`]).

use crate::storage::IdbStore;
use daftar_core::locale::{Currency, Lang};
use daftar_core::store::CacheStore;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

const LANG_KEY: &str = "daftar.lang";
const CURRENCY_KEY: &str = "daftar.currency";
const ME_KEY: &str = "daftar.me";
const KIOSK_KEY: &str = "daftar.kiosk";

/// Every preference a crash must not lose.
const KEPT: [&str; 6] = [LANG_KEY, CURRENCY_KEY, ME_KEY, KIOSK_KEY, crate::sync::config::CONFIG_KEY, crate::sync::config::DEVICE_KEY];

/// When each preference was last saved here (ms), in localStorage beside
/// them: a crash loses a value and its time together, while a page closed
/// just after a save may lose the database's copy instead. The later of
/// the two copies wins.
const SAVED_AT_KEY: &str = "daftar.saved-at";

thread_local! {
    /// The database, once open and restored from.
    static DURABLE: RefCell<Option<Rc<IdbStore>>> = const { RefCell::new(None) };
}

/// A preference as the database keeps it.
#[derive(Serialize, Deserialize)]
struct Kept {
    at: i64,
    /// The localStorage text (JSON); None once removed.
    value: Option<String>,
}

fn durable_name(key: &str) -> String {
    format!("preference:{key}")
}

fn local_text(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn saved_at() -> BTreeMap<String, i64> {
    LocalStorage::get(SAVED_AT_KEY).unwrap_or_default()
}

fn set_saved_at(key: &str, at: i64) {
    let mut times = saved_at();
    times.insert(key.to_string(), at);
    let _ = LocalStorage::set(SAVED_AT_KEY, times);
}

fn put_durable(store: Rc<IdbStore>, key: &'static str, kept: Kept) {
    leptos::task::spawn_local(async move {
        let text = serde_json::to_string(&kept).unwrap_or_default();
        if let Err(e) = store.cache_put(&durable_name(key), &text).await {
            leptos::logging::warn!("keeping the preference {key} failed: {e}");
        }
    });
}

/// Saves a preference in both places (None removes it).
pub(crate) fn keep<T: Serialize>(key: &'static str, value: Option<&T>) {
    match value {
        // A full localStorage loses it here; the database still has it for the next start.
        Some(value) => drop(LocalStorage::set(key, value)),
        None => LocalStorage::delete(key),
    }
    // Never back in time: a tablet's clock may be set back, and the later copy wins.
    let at = (js_sys::Date::now() as i64).max(saved_at().get(key).map_or(0, |t| t + 1));
    set_saved_at(key, at);
    if let Some(store) = DURABLE.with(|d| d.borrow().clone()) {
        put_durable(store, key, Kept { at, value: value.and_then(|v| serde_json::to_string(v).ok()) });
    }
}

/// Once the database is open: puts back into localStorage what a crash took
/// from it, and gives the database what only localStorage has (saved before
/// it opened, or just before a page closed, or by a version that kept
/// preferences in localStorage alone). True when something came back: the
/// page must start again to use it.
pub async fn restore(store: Rc<IdbStore>) -> bool {
    let times = saved_at();
    let mut restored = false;
    for key in KEPT {
        let local_at = times.get(key).copied().unwrap_or(0);
        let durable: Option<Kept> = store.cache_get(&durable_name(key)).await.ok().flatten().and_then(|t| serde_json::from_str(&t).ok());
        match durable {
            Some(kept) if kept.at > local_at => {
                let before = local_text(key);
                let raw = LocalStorage::raw();
                let _ = match &kept.value {
                    Some(text) => raw.set_item(key, text),
                    None => raw.remove_item(key),
                };
                set_saved_at(key, kept.at);
                // A value that changed, and only if localStorage took it: one
                // that refuses writes would otherwise restart the page for ever.
                restored |= before != kept.value && local_text(key) == kept.value;
            }
            Some(kept) if kept.at == local_at => {}
            _ => put_durable(store.clone(), key, Kept { at: local_at, value: local_text(key) }),
        }
    }
    DURABLE.with(|d| *d.borrow_mut() = Some(store));
    restored
}

pub fn load_lang() -> Lang {
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    keep(LANG_KEY, Some(&lang.code()));
}

pub fn load_currency() -> Currency {
    LocalStorage::get::<Currency>(CURRENCY_KEY).unwrap_or(Currency::Irr)
}

pub fn save_currency(currency: Currency) {
    keep(CURRENCY_KEY, Some(&currency));
}

pub fn load_me() -> String {
    LocalStorage::get::<String>(ME_KEY).unwrap_or_default()
}

pub fn save_me(name: &str) {
    keep(ME_KEY, Some(&name));
}

/// The kiosk lock, kept across reloads so a reload does not leave kiosk mode.
pub fn load_kiosk() -> Option<daftar_core::surveys::kiosk::KioskLock> {
    LocalStorage::get(KIOSK_KEY).ok()
}

pub fn save_kiosk(lock: Option<&daftar_core::surveys::kiosk::KioskLock>) {
    keep(KIOSK_KEY, lock);
}
