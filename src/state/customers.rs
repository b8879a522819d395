//! Customer actions: run a core command, apply its batch to the store, and
//! keep the in-memory list in step with what was stored.

use super::AppState;
use crate::browser_env::BrowserEnv;
use daftar_core::customers::{self, CustomerIndex, CustomerInput, Duplicate, FieldError, KIND};
use daftar_core::demo;
use crate::storage::IdbStore;
use daftar_core::store::{Batch, Change, Record, Store, StoreError};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Invalid(Vec<FieldError>),
    Store(StoreError),
}

/// Cache name of the customer-list snapshot.
const SNAPSHOT: &str = "customer-list";
/// Beyond this many logged changes since the snapshot, re-reading every
/// record is quicker than fetching the changed ones one by one.
const REPLAY_LIMIT: usize = 200;
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
    if let Some(json) = store.cache_get(SNAPSHOT).await? {
        if let Some((index, seq)) = CustomerIndex::from_snapshot(&json) {
            if let Some(loaded) = catch_up(store, Loaded { index, seq, stale: false }, Some(REPLAY_LIMIT)).await? {
                return Ok(loaded);
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

pub(super) fn unavailable() -> StoreError {
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
    fn save_snapshot_later(&self, seq: u64) {
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
        let env = BrowserEnv;
        let batch = match &existing {
            None => customers::create(&input, &env).map_err(SaveError::Invalid)?,
            Some(prev) => match customers::update(prev, &input, &env).map_err(SaveError::Invalid)? {
                Some(batch) => batch,
                None => return Ok(prev.id.clone()),
            },
        };
        let id = batch.writes[0].record.id.clone();
        self.apply(batch).await.map_err(SaveError::Store)?;
        Ok(id)
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

    pub(super) async fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        let span = crate::perf::start("daftar:apply");
        let batch = batch.stamped(&crate::sync::clock::now());
        let seqs = self.store().ok_or_else(unavailable)?.apply(&batch).await?;
        span.end();
        super::tabs::announce(&batch);
        crate::sync::saved(*self);
        let big = batch.writes.len() > REPLAY_LIMIT;
        if big {
            self.take_in_slowly(batch.writes).await;
        } else {
            self.take_in(batch.writes.into_iter().map(|w| w.record).collect(), Vec::new());
        }
        // The next start would otherwise re-read every record.
        if let (true, Some(&last)) = (big, seqs.last()) {
            self.save_snapshot_later(last);
        }
        Ok(())
    }

    /// Takes in what a sync stored (every change after log position
    /// `before`), here and in the other tabs.
    pub(crate) async fn take_in_synced(&self, before: u64) {
        let Some(store) = self.store() else { return };
        let mut keys: Vec<String> = match store.changes_since(before, usize::MAX).await {
            Ok(changes) => changes.into_iter().map(|c| c.key).collect(),
            Err(e) => {
                leptos::logging::warn!("reading what the sync brought: {e}");
                return;
            }
        };
        keys.sort();
        keys.dedup();
        if keys.is_empty() {
            return;
        }
        super::tabs::announce_keys(&keys);
        if keys.len() > super::tabs::MAX_KEYS {
            self.reload_everything().await;
        } else {
            self.refresh_records(&keys).await;
        }
    }

    /// Re-reads records another tab wrote (`kind:id` keys) into this tab's lists.
    pub(super) async fn refresh_records(&self, keys: &[String]) {
        let Some(store) = self.store() else { return };
        let mut records = Vec::new();
        let mut gone = Vec::new();
        for key in keys {
            let Some((kind, id)) = key.split_once(':') else { continue };
            match store.get(kind, id).await {
                Ok(Some(record)) => records.push(record),
                Ok(None) => gone.push(id.to_string()),
                Err(e) => leptos::logging::warn!("re-reading {key} failed: {e}"),
            }
        }
        self.take_in(records, gone);
    }

    /// [`Self::take_in`] for a big batch (an import): the list rows are built
    /// a slice at a time with the browser free to paint and take input in
    /// between, then swapped in at once.
    async fn take_in_slowly(&self, writes: Vec<daftar_core::store::Write>) {
        const SLICE: usize = 2_000;
        let searched_loaded = self.everything.with_untracked(Option::is_some);
        // Thousands of deals at once (demo data): the sales screens re-read them.
        if writes.iter().any(|w| w.record.kind == daftar_core::pipeline::DEAL_KIND) {
            self.sales.set(None);
        }
        if writes.iter().any(|w| w.record.kind == daftar_core::warranty::ITEM) {
            self.installed.set(None);
        }
        let mut update = customers::Update::default();
        let mut searched = Vec::new();
        // The writes' log entries are dropped a slice at a time too: freeing
        // 50,000 of them at once was a long task of its own.
        let mut rest = writes.into_iter();
        loop {
            let slice: Vec<Record> = rest.by_ref().take(SLICE).map(|w| w.record).collect();
            if slice.is_empty() {
                break;
            }
            if searched_loaded {
                searched.extend(slice.iter().filter(|r| daftar_core::global_search::is_searched(&r.kind)).cloned());
            }
            update.add(slice);
            crate::browser_env::sleep_ms(0).await;
        }
        self.customers.update(|ix| ix.apply_update(update));
        self.take_in(searched, Vec::new());
    }

    /// Brings the in-memory lists up to date with records just written
    /// (here or in another tab) and tells pages showing others to re-read.
    fn take_in(&self, records: Vec<Record>, gone: Vec<String>) {
        self.take_in_sales(&records);
        self.take_in_installed(&records);
        if self.everything.with_untracked(Option::is_some) {
            let searched: Vec<Record> = records.iter().filter(|r| daftar_core::global_search::is_searched(&r.kind)).cloned().collect();
            self.everything.update(|ix| {
                if let Some(ix) = ix {
                    ix.upsert(searched);
                }
            });
        }
        if records.iter().any(|r| r.kind == KIND) || !gone.is_empty() {
            self.customers.update(|ix| {
                ix.remove(gone);
                ix.upsert(records);
            });
        }
        self.changes.update(|n| *n += 1);
    }
}
