//! What the app asks of the browser and device: connectivity, document
//! language and direction, persistent storage and its quota.

use crate::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn is_online() -> bool {
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Keeps `online` in step with the browser's online/offline events for the
/// life of the page.
pub fn watch_online(online: RwSignal<bool>) {
    let Some(window) = web_sys::window() else { return };
    for (event, value) in [("online", true), ("offline", false)] {
        let handler = Closure::<dyn Fn()>::new(move || online.set(value));
        let _ = window.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        handler.forget();
    }
}

/// `<html lang dir>`: RTL for Persian flips the whole layout through CSS
/// logical properties.
pub fn set_document_language(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
        let _ = html.set_attribute("dir", lang.dir());
    }
}

/// Asks the browser not to evict our data under storage pressure.
pub async fn request_persistence() {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else { return };
    if let Ok(promise) = storage.persist() {
        let _ = JsFuture::from(promise).await;
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageInfo {
    pub usage: f64,
    pub quota: f64,
    pub persisted: bool,
}

pub async fn storage_info() -> Option<StorageInfo> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let read = |name: &str| js_sys::Reflect::get(&estimate, &name.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let persisted = JsFuture::from(storage.persisted().ok()?).await.ok()?.as_bool().unwrap_or(false);
    Some(StorageInfo { usage: read("usage"), quota: read("quota"), persisted })
}
