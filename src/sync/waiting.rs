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
    /// A count is reading the store. One at a time: counts asked for
    /// meanwhile (a run ended, another tab wrote) are one more pass of it,
    /// so they never pile up to read the whole outbox side by side.
    counting: bool,
    /// Asked for while a count read: it reads once more, since what it read
    /// may be older than the ask.
    again: bool,
    /// Saved while a count reads the store: added to what it read.
    saved_meanwhile: HashSet<u64>,
    /// Moves when sync is switched off, so a count still reading then
    /// shows nothing.
    era: u64,
}

fn hash(key: &str) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// Counts again from the store (the outbox and those records' sync
/// states) when a server is set up: with sync off nothing reads the outbox.
/// Asked for while a count reads, it makes that one read again and returns
/// at once. The reading waits while the user types (see
/// `MainThread::background`), so nothing that holds the sync lock awaits it.
pub(super) async fn count(state: AppState) {
    let Some(store) = state.store() else { return };
    let view = state.sync;
    if view.config.with_untracked(Option::is_none) {
        return;
    }
    let mut busy = false;
    view.waiting_keys.update_value(|w| {
        busy = w.counting;
        w.again |= busy;
        w.counting = true;
    });
    if busy {
        return;
    }
    loop {
        let mut era = 0;
        view.waiting_keys.update_value(|w| {
            w.again = false;
            w.saved_meanwhile.clear();
            era = w.era;
        });
        let span = crate::perf::start("daftar:count-waiting");
        let mut keys = HashSet::new();
        let read = each_waiting(&*store, &MainThread::background(), |entry, _| {
            keys.insert(hash(&entry.key));
        })
        .await;
        span.end();
        let mut again = false;
        view.waiting_keys.update_value(|w| {
            if read.is_ok() && w.era == era {
                keys.extend(w.saved_meanwhile.iter().copied());
                w.keys = keys;
            }
            again = w.again && view.config.with_untracked(Option::is_some);
            w.counting = again;
            if !again {
                w.saved_meanwhile.clear();
            }
        });
        show(view);
        if !again {
            return;
        }
    }
}

/// A local save: its records wait until pushed.
pub(super) fn add(view: SyncView, keys: impl IntoIterator<Item = String>) {
    view.waiting_keys.update_value(|w| {
        for key in keys {
            let h = hash(&key);
            w.keys.insert(h);
            if w.counting {
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
        w.era += 1;
    });
    show(view);
}

fn show(view: SyncView) {
    let n = view.waiting_keys.with_value(|w| w.keys.len());
    if view.waiting.get_untracked() != n {
        view.waiting.set(n);
    }
}
