//! What sync keeps beside the records in IndexedDB: the outbox of changes
//! waiting to be pushed (segments of up to 500 entries), each record's sync
//! state, and the checkpoint. Everything that reads much of it does so in
//! pieces with the page free between them, and a long outbox is read on
//! only while the user pauses (`MainThread::background`): a device set up
//! to sync after a big import has hundreds of thousands of entries waiting.

use super::codec::{decode_json, decode_segment, idb_error, outbox_segment, outbox_segment_under, segment_last, to_json, CHECKPOINT_KEY, LOG, META, OUTBOX, RECORDS, SEGMENT, SEQ_KEY, SYNC};
use super::{get_each, IdbStore, WriteTx};
use crate::browser_env::MainThread;
use daftar_core::pace::Pace;
use daftar_core::store::{OutboxEntry, StoreError, SyncBatch, SyncState, SyncStore};
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyRange;
use std::collections::{BTreeMap, HashMap};
use wasm_bindgen::JsValue;

impl SyncStore for IdbStore {
    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut latest: BTreeMap<String, OutboxEntry> = BTreeMap::new();
        let pace = MainThread::background();
        let mut after = None;
        // About ENTRIES_PER_READ per transaction, the browser free between
        // them: an outbox of 378,000 entries decoded at once held the page
        // 850 ms. Segments hold up to 500 entries (an import's) or one (a
        // single save's), so the number asked for grows while pages come
        // back small. Pages are read whatever the user is doing until more
        // than a segment's worth has come (so a short outbox, a few hundred
        // saves, straight through), the rest only while they pause.
        let mut limit = 1;
        let mut read = 0;
        loop {
            let page = {
                let tx = self.db.transaction(OUTBOX).build().map_err(idb_error)?;
                let outbox = tx.object_store(OUTBOX).map_err(idb_error)?;
                let from = after.map_or(KeyRange::LowerBound(0.0, false), |last| KeyRange::LowerBound(last, true));
                let values = outbox.get_all().with_query::<f64, _>(from).with_limit(limit).primitive().map_err(idb_error)?.await.map_err(idb_error)?;
                values.map(|v| v.map_err(idb_error)).collect::<Result<Vec<JsValue>, _>>()?
            };
            let mut entries = 0;
            for segment in &page {
                after = Some(segment_last(segment)? as f64);
                for entry in decode_segment::<OutboxEntry>(segment)? {
                    entries += 1;
                    latest.insert(entry.key.clone(), entry);
                }
            }
            if page.len() < limit as usize {
                break;
            }
            if entries < ENTRIES_PER_READ / 2 {
                limit = (limit * 2).min(ENTRIES_PER_READ as u32);
            }
            read += entries;
            if read > SEGMENT {
                pace.breathe().await;
            }
        }
        // Handed over paced too: taking apart a map of 378,000 entries in
        // one go was a task of 120 ms.
        let total = latest.len();
        let mut entries = Vec::with_capacity(total);
        for entry in latest.into_values() {
            entries.push(entry);
            if entries.len() % SEGMENT == 0 && entries.len() < total {
                pace.breathe().await;
            }
        }
        Ok(entries)
    }

    async fn sync_states(&self, keys: &[String]) -> Result<Vec<Option<SyncState>>, StoreError> {
        // Nothing synced yet (a device set up to sync that never reached
        // its server): one look instead of a read per record waiting (not a
        // count, which walks the whole store).
        let none_held = {
            let tx = self.db.transaction(SYNC).build().map_err(idb_error)?;
            let first = tx.object_store(SYNC).map_err(idb_error)?.get_all_keys::<String>().with_limit(1).primitive().map_err(idb_error)?;
            first.await.map_err(idb_error)?.len() == 0
        };
        if none_held {
            return Ok(vec![None; keys.len()]);
        }
        let mut states = Vec::with_capacity(keys.len());
        for (i, slice) in keys.chunks(STATES_PER_READ).enumerate() {
            // Each slice in its own transaction, the browser free between
            // them: the reads of a screen opened meanwhile are not queued
            // behind a whole outbox's worth.
            if i > 0 {
                crate::browser_env::yield_now().await;
            }
            let tx = self.db.transaction(SYNC).build().map_err(idb_error)?;
            states.extend(get_each(&tx.object_store(SYNC).map_err(idb_error)?, slice, decode_json).await?);
        }
        Ok(states)
    }

    async fn apply_synced(&self, batch: &SyncBatch) -> Result<Vec<u64>, StoreError> {
        let tx = WriteTx::new(&self.db, &[RECORDS, LOG, SYNC, META])?;
        let seqs = tx.write_logged(&batch.writes, false).await?;
        {
            let written: HashMap<String, u64> = batch.writes.iter().map(|w| w.record.key()).zip(seqs.iter().copied()).collect();
            let sync = tx.store(SYNC)?;
            for (key, state) in &batch.states {
                // A state is as of its record's write in the same step, if any.
                let seq = written.get(key).copied().unwrap_or(state.seq);
                let json = to_json(&SyncState { seq, ..state.clone() })?;
                drop(sync.put(JsValue::from_str(&json)).with_key(key.as_str()).without_key_type().primitive().map_err(idb_error)?);
            }
            if let Some(checkpoint) = &batch.checkpoint {
                let meta = tx.store(META)?;
                drop(meta.put(JsValue::from_str(checkpoint)).with_key(CHECKPOINT_KEY).without_key_type().primitive().map_err(idb_error)?);
            }
        }
        tx.commit(&batch.writes).await?;
        Ok(seqs)
    }

    async fn sync_checkpoint(&self) -> Result<Option<String>, StoreError> {
        let Some(value) = self.meta_get(CHECKPOINT_KEY).await? else { return Ok(None) };
        value.as_string().map(Some).ok_or_else(|| StoreError::Corrupt("sync checkpoint is not a string".into()))
    }

    async fn forget_sync(&self) -> Result<(), StoreError> {
        let tx = WriteTx::new(&self.db, &[SYNC, OUTBOX, META])?;
        {
            let sync = tx.store(SYNC)?;
            let meta = tx.store(META)?;
            // Keys and values come in the same (key) order.
            let keys = sync.get_all_keys::<String>().primitive().map_err(idb_error)?.await.map_err(idb_error)?;
            let values = sync.get_all::<JsValue>().primitive().map_err(idb_error)?.await.map_err(idb_error)?;
            let last: Option<JsValue> = meta.get(SEQ_KEY).await.map_err(idb_error)?;
            let mut seq = last.and_then(|v| v.as_f64()).unwrap_or(0.0) as u64;
            let mut entries = Vec::new();
            for (key, value) in keys.zip(values) {
                let state: SyncState = decode_json(&value.map_err(idb_error)?)?;
                entries.push(OutboxEntry { key: key.map_err(idb_error)?, rev: state.rev, seq: 0 });
            }
            // Segments of the usual size, so reading them back stays in
            // small pieces; each takes a position of its own, so its key is
            // new (a gap in the numbering is harmless).
            let outbox = tx.store(OUTBOX)?;
            for segment in entries.chunks_mut(SEGMENT) {
                seq += 1;
                segment.iter_mut().for_each(|e| e.seq = seq);
                drop(outbox.put(outbox_segment(segment)?).without_key_type().primitive().map_err(idb_error)?);
            }
            if !entries.is_empty() {
                drop(meta.put(JsValue::from_f64(seq as f64)).with_key(SEQ_KEY).without_key_type().primitive().map_err(idb_error)?);
            }
            drop(sync.clear().map_err(idb_error)?);
            drop(meta.delete(CHECKPOINT_KEY).primitive().map_err(idb_error)?);
        }
        tx.commit(&[]).await
    }

    async fn trim_outbox(&self) -> Result<(), StoreError> {
        let lasts: Vec<f64> = {
            let tx = self.db.transaction(OUTBOX).build().map_err(idb_error)?;
            let keys = tx.object_store(OUTBOX).map_err(idb_error)?.get_all_keys::<f64>().primitive().map_err(idb_error)?.await.map_err(idb_error)?;
            keys.collect::<Result<_, _>>().map_err(idb_error)?
        };
        // A few segments per transaction (a save made meanwhile waits for
        // it, so an entry it adds is never read as pushed), the browser free
        // between them: the first trim of a big outbox holds nothing long.
        for (i, group) in lasts.chunks(SEGMENTS_PER_TRIM).enumerate() {
            if i > 0 {
                crate::browser_env::yield_now().await;
            }
            self.trim_segments(group[0], group[group.len() - 1]).await?;
        }
        Ok(())
    }
}

impl IdbStore {
    /// Trims the outbox segments stored under `first..=last`.
    async fn trim_segments(&self, first: f64, last: f64) -> Result<(), StoreError> {
        let tx = WriteTx::new(&self.db, &[OUTBOX, SYNC])?;
        {
            let outbox = tx.store(OUTBOX)?;
            let range = KeyRange::Bound(first, false, last, false);
            let values = outbox.get_all::<JsValue>().with_query::<f64, _>(range).primitive().map_err(idb_error)?.await.map_err(idb_error)?;
            let mut segments = Vec::new();
            for value in values {
                let value = value.map_err(idb_error)?;
                segments.push((segment_last(&value)?, decode_segment::<OutboxEntry>(&value)?));
            }
            let mut keys: Vec<String> = segments.iter().flat_map(|(_, entries)| entries.iter().map(|e| e.key.clone())).collect();
            keys.sort();
            keys.dedup();
            let states: HashMap<String, SyncState> = keys.iter().cloned().zip(get_each(&tx.store(SYNC)?, &keys, decode_json::<SyncState>).await?).filter_map(|(k, s)| Some((k, s?))).collect();
            for (last, entries) in segments {
                let kept: Vec<OutboxEntry> = entries.iter().filter(|e| e.waits(states.get(&e.key))).cloned().collect();
                if kept.len() == entries.len() {
                    continue;
                }
                if kept.is_empty() {
                    drop(outbox.delete(last as f64).primitive().map_err(idb_error)?);
                } else {
                    drop(outbox.put(outbox_segment_under(last, &kept)?).without_key_type().primitive().map_err(idb_error)?);
                }
            }
        }
        tx.commit(&[]).await
    }
}

/// Outbox segments (of up to [`SEGMENT`] entries) one trimming transaction takes.
const SEGMENTS_PER_TRIM: usize = 4;

/// How many sync states one transaction reads: 2,000 made tasks of up to
/// 160 ms on the tablet-class machine of BENCHMARKS.md.
const STATES_PER_READ: usize = 500;

/// Outbox entries one read takes, at most: about 20 ms to decode.
const ENTRIES_PER_READ: usize = 10_000;
