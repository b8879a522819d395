//! This device's sync clock: every local write is stamped by it, and every
//! sync moves it past the stamps it brings in.

use daftar_core::store::{CacheStore, RecordStore, StoreError};
use daftar_core::sync::hlc::{Clock, Stamp};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static CLOCK: Rc<RefCell<Clock>> = Rc::new(RefCell::new(Clock::new(&super::config::device_id())));
}

const CACHE: &str = "sync:clock";

pub fn shared() -> Rc<RefCell<Clock>> {
    CLOCK.with(Rc::clone)
}

/// The stamp of a write made now.
pub fn now() -> Stamp {
    shared().borrow_mut().now(js_sys::Date::now() as i64)
}

/// Moves the clock past what it last stamped or saw before this page
/// loaded: the stamp kept after the last sync, and the newest local change.
pub async fn resume(store: &(impl RecordStore + CacheStore)) -> Result<(), StoreError> {
    let kept = store.cache_get(CACHE).await?.and_then(|s| Stamp::decode(&s));
    let last_seq = store.last_seq().await?;
    let newest = store.changes_since(last_seq.saturating_sub(1), 1).await?.into_iter().find_map(|c| c.stamp);
    let clock = shared();
    for stamp in kept.iter().chain(newest.iter()) {
        clock.borrow_mut().observe(stamp);
    }
    Ok(())
}

/// Keeps the clock's position for the next page load.
pub async fn persist(store: &impl CacheStore) -> Result<(), StoreError> {
    let last = shared().borrow().last().encode();
    store.cache_put(CACHE, &last).await
}
