//! Keeps every open tab of Daftar on the same page: after a write, the tab
//! names the records it changed on a BroadcastChannel, and the other tabs
//! re-read those records from the shared database.

use super::AppState;
use daftar_core::store::Batch;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const CHANNEL: &str = "daftar-changes";

/// The channel of this tab, opened once. None where BroadcastChannel is
/// missing (then other tabs catch up when they reload).
fn channel() -> Option<web_sys::BroadcastChannel> {
    thread_local! {
        static CHANNEL_OF_TAB: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL).ok();
    }
    CHANNEL_OF_TAB.with(Clone::clone)
}

/// Above this many records, the other tabs reload their lists instead of
/// re-reading the records one by one.
pub(super) const MAX_KEYS: usize = 200;
const RELOAD: &str = "reload";

/// Tells the other tabs which records (`kind:id` keys) this tab just wrote.
pub fn announce(batch: &Batch) {
    announce_keys(batch.writes.iter().map(|w| w.record.key()));
}

/// Like [`announce`], for records written by key (a sync step). Past
/// [`MAX_KEYS`] the keys are not even made: naming a 50,000-record import's
/// was a third of the longest task after it.
pub fn announce_keys<K: AsRef<str>>(keys: impl ExactSizeIterator<Item = K>) {
    let Some(channel) = channel() else { return };
    let message = if keys.len() > MAX_KEYS {
        JsValue::from_str(RELOAD)
    } else {
        keys.map(|k| JsValue::from_str(k.as_ref())).collect::<js_sys::Array>().into()
    };
    // A tab that misses the message only shows older data until it reloads.
    let _ = channel.post_message(&message);
}

/// Re-reads what other tabs announce.
pub fn listen(state: AppState) {
    let Some(channel) = channel() else { return };
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        if data.as_string().as_deref() == Some(RELOAD) {
            leptos::task::spawn_local(async move {
                state.reload_everything().await;
                crate::sync::catch_up(state).await;
            });
            return;
        }
        let keys: Vec<String> =
            data.dyn_into::<js_sys::Array>().map(|a| a.iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default();
        leptos::task::spawn_local(async move {
            state.refresh_records(&keys).await;
            // The other tab may have synced: its clock moved on, and it may have found clashes.
            crate::sync::catch_up(state).await;
        });
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The listener lives as long as the tab.
    on_message.forget();
}
