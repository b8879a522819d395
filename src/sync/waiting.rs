//! How many records wait to be pushed, as the sync chip shows it. Counted
//! from the store when a server is set up, after a run that stored, pushed
//! or re-queued something (a run trims the outbox to what still waits), and
//! when another tab wrote; a save here adds its records without reading the
//! store, so a device holding many unsynced records does not re-read them
//! all after every save.

use super::runner::SyncView;
use crate::state::AppState;
use crate::browser_env::MainThread;
use daftar_core::sync::engine::each_waiting;
use leptos::prelude::*;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The records waiting, by a hash of their key: eight bytes each, so
/// 300,000 records waiting (an import on a device set up to sync) stay a few
/// megabytes.
#[derive(Default)]
pub struct WaitingKeys {
    keys: HashSet<u64>,
    /// Counts reading the store now (the start's and a run's may overlap).
    counting: usize,
    /// Saved while a count reads the store: added to what it read.
    saved_meanwhile: HashSet<u64>,
    /// Counts started, and the latest whose result is shown: an older
    /// count finishing late read the store before the newer one and is
    /// dropped.
    started: u64,
    shown: u64,
}

fn hash(key: &str) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// Counts again from the store (the outbox and those records' sync
/// states) when a server is set up: with sync off nothing reads the outbox.
pub(super) async fn count(state: AppState) {
    let Some(store) = state.store() else { return };
    let view = state.sync;
    if view.config.with_untracked(Option::is_none) {
        return;
    }
    let mut mine = 0;
    view.waiting_keys.update_value(|w| {
        w.counting += 1;
        w.started += 1;
        mine = w.started;
    });
    let span = crate::perf::start("daftar:count-waiting");
    let mut keys = HashSet::new();
    let read = each_waiting(&*store, &MainThread::new(), |entry, _| {
        keys.insert(hash(&entry.key));
    })
    .await;
    span.end();
    view.waiting_keys.update_value(|w| {
        if let (Ok(()), true) = (read, mine > w.shown) {
            keys.extend(w.saved_meanwhile.iter().copied());
            w.keys = keys;
            w.shown = mine;
        }
        w.counting -= 1;
        if w.counting == 0 {
            w.saved_meanwhile.clear();
        }
    });
    show(view);
}

/// A local save: its records wait until pushed.
pub(super) fn add(view: SyncView, keys: impl IntoIterator<Item = String>) {
    view.waiting_keys.update_value(|w| {
        for key in keys {
            let h = hash(&key);
            w.keys.insert(h);
            if w.counting > 0 {
                w.saved_meanwhile.insert(h);
            }
        }
    });
    show(view);
}

/// Sync switched off: nothing is counted until it is set up again, and a
/// count still reading is dropped.
pub(super) fn forget(view: SyncView) {
    view.waiting_keys.update_value(|w| {
        w.keys.clear();
        w.shown = w.started;
    });
    show(view);
}

fn show(view: SyncView) {
    let n = view.waiting_keys.with_value(|w| w.keys.len());
    if view.waiting.get_untracked() != n {
        view.waiting.set(n);
    }
}
