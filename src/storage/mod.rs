//! The IndexedDB backend of core's `Store` trait (indexed_db_futures 0.6).
//!
//! Layout (schema v2, see `schema.rs`):
//! - `records`: key `kind:id`, value the record as a JSON string. A string is
//!   the cheapest value to clone into IndexedDB, and listing a kind is a key
//!   range (`customer:` … `customer:\u{ffff}`), so no index is needed.
//! - `log`: the append-only change log in segments (see `codec.rs`), keyed by
//!   the last sequence number in each, indexed by the record keys they mention.
//! - `outbox`: changes waiting for sync, in segments like the log.
//! - `meta`: `seq`, the last change-log number handed out.

mod codec;
mod schema;

use codec::{decode_json, decode_log_segment, decode_segment, idb_error, log_segment, outbox_segment, to_json, LOG, LOG_BY_KEY, META, OUTBOX, RECORDS, SEGMENT, SEQ_KEY};
use daftar_core::store::{key_of, Batch, Change, Envelope, OutboxEntry, Record, Scan, Store, StoreError};
use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

pub use schema::DB_NAME;

pub struct IdbStore {
    db: Database,
}

impl IdbStore {
    /// Opens (creating or upgrading as needed) the database called `name`.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        Ok(Self { db: schema::open(name).await? })
    }

    /// Closes the connection and deletes the database (tests use a fresh one each).
    pub async fn delete(self) -> Result<(), StoreError> {
        fn backend(e: impl std::fmt::Debug) -> StoreError {
            StoreError::Backend(format!("deleting the database: {e:?}"))
        }
        self.db.delete().map_err(backend)?.await.map_err(backend)
    }

    async fn get_all_values(&self, store: &str, range: Option<KeyRange<String>>) -> Result<Vec<JsValue>, StoreError> {
        let tx = self.db.transaction(store).build().map_err(idb_error)?;
        let store = tx.object_store(store).map_err(idb_error)?;
        let request = match range {
            Some(range) => store.get_all().with_query::<String, _>(range).primitive(),
            None => store.get_all().primitive(),
        };
        request.map_err(idb_error)?.await.map_err(idb_error)?.map(|v| v.map_err(idb_error)).collect()
    }

    async fn kind_values(&self, kind: &str) -> Result<Vec<JsValue>, StoreError> {
        let range = KeyRange::Bound(format!("{kind}:"), false, format!("{kind}:\u{ffff}"), false);
        self.get_all_values(RECORDS, Some(range)).await
    }
}

/// Queues the pending log and outbox entries as one segment each; `last` is
/// the sequence number of the last pending change.
fn flush(log: &ObjectStore<'_>, outbox: &ObjectStore<'_>, last: u64, changes: &mut Vec<&Change>, entries: &mut Vec<OutboxEntry>) -> Result<(), StoreError> {
    if changes.is_empty() {
        return Ok(());
    }
    drop(log.put(log_segment(last, changes)?).without_key_type().primitive().map_err(idb_error)?);
    drop(outbox.put(outbox_segment(entries)?).without_key_type().primitive().map_err(idb_error)?);
    changes.clear();
    entries.clear();
    Ok(())
}

impl Store for IdbStore {
    async fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError> {
        let tx = self.db.transaction(RECORDS).build().map_err(idb_error)?;
        let store = tx.object_store(RECORDS).map_err(idb_error)?;
        let v: Option<JsValue> = store.get(key_of(kind, id)).await.map_err(idb_error)?;
        v.map(|v| decode_json(&v)).transpose()
    }

    async fn all(&self, kind: &str) -> Result<Vec<Record>, StoreError> {
        self.kind_values(kind).await?.iter().map(decode_json).collect()
    }

    async fn all_as<T: serde::de::DeserializeOwned>(&self, kind: &str) -> Result<Scan<T>, StoreError> {
        let mut scan = Scan::default();
        for v in self.kind_values(kind).await? {
            scan.push(decode_json::<Envelope<T>>(&v));
        }
        Ok(scan)
    }

    async fn apply(&self, batch: &Batch) -> Result<Vec<u64>, StoreError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let tx = self
            .db
            .transaction([RECORDS, LOG, OUTBOX, META])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(idb_error)?;
        let mut seqs = Vec::with_capacity(batch.writes.len());
        {
            let records = tx.object_store(RECORDS).map_err(idb_error)?;
            let log = tx.object_store(LOG).map_err(idb_error)?;
            let outbox = tx.object_store(OUTBOX).map_err(idb_error)?;
            let meta = tx.object_store(META).map_err(idb_error)?;
            let last: Option<JsValue> = meta.get(SEQ_KEY).await.map_err(idb_error)?;
            let mut seq = last.and_then(|v| v.as_f64()).unwrap_or(0.0) as u64;
            let loop_span = crate::perf::start("daftar:apply-loop");
            let mut changes = Vec::with_capacity(batch.writes.len().min(SEGMENT));
            let mut entries = Vec::with_capacity(batch.writes.len().min(SEGMENT));
            for w in &batch.writes {
                let key = w.record.key();
                let value = JsValue::from_str(&to_json(&w.record)?);
                match w.expected_rev {
                    // A new record: `add` fails if the key exists, which aborts the whole
                    // transaction, so a create needs no read first (bulk imports stay fast).
                    None => drop(records.add(value).with_key(key.clone()).without_key_type().primitive().map_err(idb_error)?),
                    Some(expected) => {
                        let stored: Option<JsValue> = records.get(key.clone()).await.map_err(idb_error)?;
                        let found = stored.map(|v| decode_json::<Envelope<serde::de::IgnoredAny>>(&v)).transpose()?.map(|r| r.rev);
                        if found != Some(expected) {
                            // Returning drops the transaction, which aborts it: nothing of the batch lands.
                            return Err(StoreError::Conflict { key, expected: Some(expected), found });
                        }
                        drop(records.put(value).with_key(key.clone()).without_key_type().primitive().map_err(idb_error)?);
                    }
                }
                seq += 1;
                changes.push(&w.change);
                entries.push(OutboxEntry { key, rev: w.record.rev, seq });
                seqs.push(seq);
                if changes.len() == SEGMENT {
                    flush(&log, &outbox, seq, &mut changes, &mut entries)?;
                }
            }
            flush(&log, &outbox, seq, &mut changes, &mut entries)?;
            loop_span.end();
            drop(meta.put(JsValue::from_f64(seq as f64)).with_key(SEQ_KEY).without_key_type().primitive().map_err(idb_error)?);
        }
        tx.commit().await.map_err(|e| codec::commit_error(e, batch))?;
        Ok(seqs)
    }

    async fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>, StoreError> {
        let tx = self.db.transaction(LOG).build().map_err(idb_error)?;
        let store = tx.object_store(LOG).map_err(idb_error)?;
        let mut out = Vec::new();
        let cursor = store
            .open_cursor()
            .with_query::<f64, _>(KeyRange::LowerBound(after as f64, true))
            .primitive()
            .map_err(idb_error)?
            .await
            .map_err(idb_error)?;
        if let Some(mut cursor) = cursor {
            while out.len() < limit {
                let Some(segment) = cursor.next_record::<JsValue>().await.map_err(idb_error)? else { break };
                out.extend(decode_log_segment(&segment)?.into_iter().filter(|c| c.seq > after));
            }
        }
        out.truncate(limit);
        Ok(out)
    }

    async fn history(&self, key: &str) -> Result<Vec<Change>, StoreError> {
        let tx = self.db.transaction(LOG).build().map_err(idb_error)?;
        let store = tx.object_store(LOG).map_err(idb_error)?;
        let index = store.index(LOG_BY_KEY).map_err(idb_error)?;
        let segments = index.get_all().with_query(key.to_string()).primitive().map_err(idb_error)?.await.map_err(idb_error)?;
        let mut out = Vec::new();
        for segment in segments {
            out.extend(decode_log_segment(&segment.map_err(idb_error)?)?.into_iter().filter(|c| c.key == key));
        }
        Ok(out)
    }

    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut latest: BTreeMap<String, OutboxEntry> = BTreeMap::new();
        for segment in self.get_all_values(OUTBOX, None).await? {
            for entry in decode_segment::<OutboxEntry>(&segment)? {
                latest.insert(entry.key.clone(), entry);
            }
        }
        Ok(latest.into_values().collect())
    }
}
