//! Customer actions: run a core command, apply its batch to the store, and
//! keep the in-memory list in step with what was stored.

use super::{AppState, SaveError};
use crate::browser_env::BrowserEnv;
use daftar_core::customers::{self, CustomerIndex, CustomerInput, Duplicate, KIND};
use daftar_core::demo;
use crate::storage::IdbStore;
use daftar_core::store::{Batch, CacheStore, Change, Record, RecordStore, StoreError};
use leptos::prelude::*;

/// Cache name of the customer-list snapshot.
const SNAPSHOT: &str = "customer-list";
/// Beyond this many logged changes since the snapshot, re-reading every
/// record is quicker than fetching the changed ones one by one.
pub(super) const REPLAY_LIMIT: usize = 200;
const SNAPSHOT_DELAY_MS: i32 = 2_000;

thread_local! {
    /// Numbers the list loads, so a slow load finishing after a newer one is dropped.
    static LOADS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

struct Loaded {
    index: CustomerIndex,
    /// The log position the index reflects.
    seq: u64,
    /// The saved snapshot is older than the index.
    stale: bool,
}

/// The list from the snapshot plus what was logged since, or from every
/// record when there is no usable snapshot or it is too far behind.
async fn load(store: &IdbStore) -> Result<Loaded, StoreError> {
    let snapshot = match crate::storage::early_cache(SNAPSHOT).await {
        Some(early) => {
            crate::perf::reached("daftar:snapshot-read-early");
            early
        }
        None => {
            let read = crate::perf::start("daftar:read-snapshot");
            let snapshot = store.cache_get(SNAPSHOT).await?;
            read.end();
            snapshot
        }
    };
    if let Some(json) = snapshot {
        if let Some((index, seq)) = crate::perf::timed("daftar:decode-snapshot", || CustomerIndex::from_snapshot(&json)) {
            // Ahead of the log, it is the snapshot of a database deleted
            // since (read early, before this one was made): no catching up
            // would ever correct it.
            if seq <= store.last_seq().await? {
                if let Some(loaded) = catch_up(store, Loaded { index, seq, stale: false }, Some(REPLAY_LIMIT)).await? {
                    return Ok(loaded);
                }
            }
        }
    }
    // The position is read before the records: a write landing in between is
    // then applied twice (harmless), never missed.
    let seq = store.last_seq().await?;
    let read = crate::perf::start("daftar:read-customers");
    let scan = store.all_as(KIND).await?;
    read.end();
    if scan.unreadable > 0 {
        leptos::logging::warn!("{} customer records could not be read", scan.unreadable);
    }
    let loaded = Loaded { index: CustomerIndex::build(scan), seq, stale: true };
    Ok(catch_up(store, loaded, None).await?.unwrap_or_else(|| unreachable!("no limit was given")))
}

/// Applies the changes logged after `loaded.seq`; None if there are more than `limit`.
async fn catch_up(store: &IdbStore, mut loaded: Loaded, limit: Option<usize>) -> Result<Option<Loaded>, StoreError> {
    let changes = store.changes_since(loaded.seq, limit.map_or(usize::MAX, |l| l + 1)).await?;
    if limit.is_some_and(|l| changes.len() > l) {
        return Ok(None);
    }
    let Some(last) = changes.last().map(|c| c.seq) else { return Ok(Some(loaded)) };
    let mut ids: Vec<&str> = changes.iter().filter(|c| c.kind == KIND).map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut records = Vec::with_capacity(ids.len());
    for id in ids {
        records.extend(store.get(KIND, id).await?);
    }
    loaded.index.upsert(records);
    loaded.seq = last;
    loaded.stale = true;
    Ok(Some(loaded))
}

/// Why nothing can be read or written: the database did not open (the
/// storage chip says why).
pub fn unavailable() -> StoreError {
    StoreError::Backend("the database is not open".into())
}

impl AppState {
    /// Loads the customer list: from the saved snapshot plus the few changes
    /// logged since, or, when there is none or too much has changed, from every
    /// customer record (and then saves a fresh snapshot for the next start).
    pub async fn reload_customers(&self) {
        let Some(store) = self.store() else { return };
        let this_load = LOADS.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        let span = crate::perf::start("daftar:load-customers");
        match load(&store).await {
            Ok(_) if LOADS.with(|n| n.get()) != this_load => return,
            Ok(Loaded { index, seq, stale }) => {
                self.customers.set(index);
                if stale {
                    self.save_snapshot_later(seq);
                }
            }
            Err(e) => leptos::logging::error!("loading customers failed: {e}"),
        }
        self.customers_loaded.set(true);
        span.end();
        crate::perf::mark_wasm_memory();
    }

    /// Writing the snapshot takes a moment of main-thread work: do it after
    /// the list has painted.
    pub(super) fn save_snapshot_later(&self, seq: u64) {
        let state = *self;
        leptos::task::spawn_local(async move {
            crate::browser_env::sleep_ms(SNAPSHOT_DELAY_MS).await;
            let Some(store) = state.store() else { return };
            let span = crate::perf::start("daftar:save-snapshot");
            // In pieces, one short task each, so a 50,000-row list never
            // holds up the page; given up if the list changes meanwhile
            // (the next start then catches up from the older snapshot).
            const PIECE: usize = 5_000;
            let (generation, len) = state.customers.with_untracked(|ix| (ix.generation(), ix.len()));
            let mut pieces = Vec::with_capacity(len / PIECE + 1);
            for start in (0..len.max(1)).step_by(PIECE) {
                let piece = state.customers.with_untracked(|ix| (ix.generation() == generation).then(|| ix.snapshot_piece(start..start + PIECE)));
                let Some(piece) = piece else { return };
                pieces.push(piece);
                crate::browser_env::sleep_ms(0).await;
            }
            let json = CustomerIndex::snapshot_of_pieces(seq, &pieces);
            match store.cache_put(SNAPSHOT, &json).await {
                Ok(()) => span.end(),
                Err(e) => leptos::logging::warn!("saving the customer list snapshot failed: {e}"),
            }
        });
    }

    pub async fn customer(&self, id: &str) -> Result<Option<Record>, StoreError> {
        self.store().ok_or_else(unavailable)?.get(KIND, id).await
    }

    pub async fn customer_history(&self, id: &str) -> Result<Vec<Change>, StoreError> {
        let key = format!("{KIND}:{id}");
        self.store().ok_or_else(unavailable)?.history(&key).await
    }

    /// Creates (no `existing`) or edits a customer; returns its id.
    pub async fn save_customer(&self, existing: Option<Record>, input: CustomerInput) -> Result<String, SaveError> {
        Ok(self.commit_edit(customers::save(existing.as_ref(), &input, &BrowserEnv)?).await?)
    }

    /// Customers that look like the one in `input` (same phone, email or
    /// name); none when the input is not valid yet (saving will say why).
    pub fn likely_duplicates(&self, input: &CustomerInput, except: Option<&str>) -> Vec<Duplicate> {
        match customers::validate(input) {
            Ok(customer) => self.customers.with_untracked(|ix| ix.likely_duplicates(&customer, except)),
            Err(_) => Vec::new(),
        }
    }

    /// Writes the checked rows of an import, all together or not at all.
    pub async fn import_customers(&self, batch: Batch) -> Result<(), StoreError> {
        self.apply(batch).await
    }

    /// Adds a demo dataset through the same write path as every other write.
    pub async fn load_demo(&self, size: demo::Size) -> Result<usize, StoreError> {
        let span = crate::perf::start("daftar:demo-generate");
        let batch = demo::batch(size, demo::SEED, &BrowserEnv);
        span.end();
        let n = batch.writes.len();
        self.apply(batch).await?;
        Ok(n)
    }

}
