//! Preferences kept in localStorage (gloo-storage): small, per device, read
//! synchronously at start so the first paint is already in the right language.

use daftar_core::locale::{Currency, Lang};
use gloo_storage::{LocalStorage, Storage};

const LANG_KEY: &str = "daftar.lang";
const CURRENCY_KEY: &str = "daftar.currency";
const ME_KEY: &str = "daftar.me";

pub fn load_lang() -> Lang {
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    // Losing a preference is harmless; the next start falls back to Persian.
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}

pub fn load_currency() -> Currency {
    LocalStorage::get::<Currency>(CURRENCY_KEY).unwrap_or(Currency::Irr)
}

pub fn save_currency(currency: Currency) {
    let _ = LocalStorage::set(CURRENCY_KEY, currency);
}

pub fn load_me() -> String {
    LocalStorage::get::<String>(ME_KEY).unwrap_or_default()
}

pub fn save_me(name: &str) {
    let _ = LocalStorage::set(ME_KEY, name);
}

const KIOSK_KEY: &str = "daftar.kiosk";

/// The kiosk lock, kept across reloads so a reload does not leave kiosk mode.
pub fn load_kiosk() -> Option<daftar_core::surveys::kiosk::KioskLock> {
    LocalStorage::get(KIOSK_KEY).ok()
}

pub fn save_kiosk(lock: Option<&daftar_core::surveys::kiosk::KioskLock>) {
    match lock {
        Some(lock) => {
            let _ = LocalStorage::set(KIOSK_KEY, lock);
        }
        None => LocalStorage::delete(KIOSK_KEY),
    }
}
