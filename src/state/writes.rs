//! The one write path and what follows every write: a batch is stamped,
//! stored with its log and outbox in one transaction, announced to the
//! other tabs and to sync, then taken into the in-memory lists. Each area
//! that keeps records in memory registers when it first loads
//! ([`AppState::listen`]) and takes in what concerns it; the customer list,
//! which every screen starts from, is kept here directly.

use super::customers::{unavailable, REPLAY_LIMIT};
use super::{AppState, Listener, Written};
use daftar_core::customers;
use daftar_core::pace::Pace;
use daftar_core::store::{rebase, Batch, Record, RecordStore, StoreError, Write};
use daftar_core::sync::engine::RecordClash;
use daftar_core::sync::merge::Clash;
use leptos::prelude::*;

impl AppState {
    /// From now on `area` is told of every write made here, in another tab
    /// or by a sync; registering again changes nothing.
    pub(super) fn listen(&self, area: &'static str, listener: Listener) {
        self.listeners.update_value(|all| {
            if !all.iter().any(|(name, _)| *name == area) {
                all.push((area, listener));
            }
        });
    }

    fn tell_areas(&self, written: &Written) {
        for (_, listener) in self.listeners.get_value() {
            listener(self, written);
        }
    }

    pub(super) async fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        self.write(batch, false).await
    }

    /// Like [`Self::apply`], for a form's edit of one record: saved
    /// meanwhile elsewhere (another tab, a sync), the record takes the
    /// form's changes field by field instead of refusing them (see
    /// `rebased`). Commands whose rules span fields (a deal's stage and
    /// status, a claim's steps) stay with `apply`, refused and redone.
    pub(super) async fn apply_edit(&self, batch: Batch) -> Result<(), StoreError> {
        self.write(batch, true).await
    }

    async fn write(&self, batch: Batch, rebase: bool) -> Result<(), StoreError> {
        let span = crate::perf::start("daftar:apply");
        let batch = batch.stamped(&crate::sync::clock::now());
        let (batch, seqs) = match self.store().ok_or_else(unavailable)?.apply(&batch).await {
            Ok(seqs) => (batch, seqs),
            Err(conflict @ StoreError::Conflict { .. }) if rebase && batch.writes.len() == 1 => self.rebased(batch).await?.ok_or(conflict)?,
            Err(e) => return Err(e),
        };
        span.end();
        super::tabs::announce(&batch);
        let big = batch.writes.len() > REPLAY_LIMIT;
        if big {
            self.take_in_slowly(batch.writes).await;
        } else {
            crate::sync::saved(*self, batch.writes.iter().map(|w| w.record.key()));
            self.take_in(batch.writes.into_iter().map(|w| w.record).collect(), Vec::new());
        }
        // The next start would otherwise re-read every record.
        if let (true, Some(&last)) = (big, seqs.last()) {
            self.save_snapshot_later(last);
        }
        Ok(())
    }

    /// A single edit refused because its record changed after it was read
    /// (another tab, a sync): redone on the record as it is now (core's
    /// `rebase`), a field both changed keeping this edit's value and listed
    /// for review with the other. None when it cannot be redone.
    async fn rebased(&self, batch: Batch) -> Result<Option<(Batch, Vec<u64>)>, StoreError> {
        let store = self.store().ok_or_else(unavailable)?;
        let write = &batch.writes[0];
        let Some(current) = store.get(&write.record.kind, &write.record.id).await? else { return Ok(None) };
        let Some((redone, overwritten)) = rebase(write, &current, &crate::browser_env::BrowserEnv) else { return Ok(None) };
        // Stamped anew, past whatever another tab's sync brought in: the
        // first stamp was taken before, and an older stamp would lose this
        // edit to the values it was just laid over at the next sync.
        crate::sync::clock::resume(&*store).await?;
        let stamp = crate::sync::clock::now();
        let redone = Batch { writes: redone.into_iter().collect() }.stamped(&stamp);
        let seqs = if redone.is_empty() { Vec::new() } else { store.apply(&redone).await? };
        if !overwritten.is_empty() {
            let (kind, id) = (current.kind.clone(), current.id.clone());
            let clashes: Vec<RecordClash> = overwritten
                .into_iter()
                .map(|o| RecordClash { kind: kind.clone(), id: id.clone(), clash: Clash { field: o.field, kept: o.kept, kept_stamp: stamp.clone(), set_aside: o.set_aside, set_aside_stamp: Default::default() } })
                .collect();
            crate::sync::update_review(*self, |list| list.add(clashes, js_sys::Date::now() as i64)).await;
        }
        Ok(Some((redone, seqs)))
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
        super::tabs::announce_keys(keys.iter());
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

    /// After another tab wrote too much to name it record by record: every
    /// area starts again from the store (when next used) and pages re-read.
    pub(super) async fn reload_everything(&self) {
        self.tell_areas(&Written::Reset);
        // Moved at once, not after the customers are read again: an area
        // reading meanwhile compares it to know its read may be stale.
        self.changes.update(|n| *n += 1);
        self.reload_customers().await;
    }

    /// [`Self::take_in`] for a big batch (an import): sync is told of it and
    /// the list rows are built a slice at a time with the browser free to
    /// paint and take input in between, then swapped in at once.
    async fn take_in_slowly(&self, writes: Vec<Write>) {
        const SLICE: usize = 2_000;
        let mut update = customers::Update::default();
        // Customers go to the list; the rest are kept for the areas' caches.
        let mut others = Vec::new();
        // The writes' log entries are dropped a slice at a time too: freeing
        // 50,000 of them at once was a long task of its own.
        let mut rest = writes.into_iter();
        loop {
            let slice: Vec<Record> = rest.by_ref().take(SLICE).map(|w| w.record).collect();
            if slice.is_empty() {
                break;
            }
            // Counting 50,000 records as waiting in one go took 40-60 ms.
            crate::sync::saved(*self, slice.iter().map(Record::key));
            let (listed, other): (Vec<Record>, Vec<Record>) = slice.into_iter().partition(|r| r.kind == customers::KIND);
            update.add(listed);
            others.extend(other);
            crate::browser_env::sleep_ms(0).await;
        }
        let mut replaced = Vec::new();
        if !update.is_empty() {
            // The merged list is built beside the shown one, then swapped in.
            let mut rebuild = customers::Rebuild::new(update);
            let pace = crate::browser_env::MainThread::new();
            let index = loop {
                if let Some(index) = self.customers.with_untracked(|shown| rebuild.step(shown, 500)) {
                    break index;
                }
                pace.breathe().await;
            };
            replaced = self.customers.try_update(|shown| std::mem::replace(shown, index)).map(customers::CustomerIndex::into_rows).unwrap_or_default();
        }
        self.tell_areas(&Written::Bulk(&others));
        self.changes.update(|n| *n += 1);
        while !others.is_empty() || !replaced.is_empty() {
            others.truncate(others.len().saturating_sub(SLICE));
            replaced.truncate(replaced.len().saturating_sub(SLICE));
            crate::browser_env::sleep_ms(0).await;
        }
    }

    /// Brings the in-memory lists up to date with records just written
    /// (here or in another tab) and tells pages showing others to re-read.
    fn take_in(&self, records: Vec<Record>, gone: Vec<String>) {
        self.tell_areas(&Written::Records(&records));
        if records.iter().any(|r| r.kind == customers::KIND) || !gone.is_empty() {
            self.customers.update(|ix| {
                ix.remove(gone);
                ix.upsert(records);
            });
        }
        self.changes.update(|n| *n += 1);
    }
}
