//! The IndexedDB backend of core's `Store` trait (indexed_db_futures 0.6).
//!
//! Layout (schema v2, see `schema.rs`):
//! - `records`: key `kind:id`, value the record as a JSON string. A string is
//!   the cheapest value to clone into IndexedDB, and listing a kind is a key
//!   range (`customer:` … `customer:\u{ffff}`), so no index is needed.
//! - `changes`: the append-only log, `{seq, key, json}` keyed by `seq`, indexed
//!   by `key` for one record's history.
//! - `outbox`: key `kind:id`, value the latest `OutboxEntry` as JSON.
//! - `meta`: `seq` = the last change-log number handed out.

mod codec;
mod schema;

use codec::{change_value, decode_change, decode_json, idb_error, RECORDS, CHANGES, OUTBOX, META};
use daftar_core::store::{Batch, Change, OutboxEntry, Record, Store, StoreError};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
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
        self.db.delete().map_err(|e| StoreError::Backend(format!("{e:?}")))?.await.map_err(|e| StoreError::Backend(format!("{e:?}")))
    }

    async fn last_seq(meta: &indexed_db_futures::object_store::ObjectStore<'_>) -> Result<u64, StoreError> {
        let v: Option<JsValue> = meta.get(schema::SEQ_KEY).await.map_err(idb_error)?;
        Ok(v.and_then(|v| v.as_f64()).unwrap_or(0.0) as u64)
    }
}

impl Store for IdbStore {
    async fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError> {
        let tx = self.db.transaction(RECORDS).build().map_err(idb_error)?;
        let store = tx.object_store(RECORDS).map_err(idb_error)?;
        let v: Option<JsValue> = store.get(format!("{kind}:{id}")).await.map_err(idb_error)?;
        v.map(|v| decode_json(&v)).transpose()
    }

    async fn all(&self, kind: &str) -> Result<Vec<Record>, StoreError> {
        let tx = self.db.transaction(RECORDS).build().map_err(idb_error)?;
        let store = tx.object_store(RECORDS).map_err(idb_error)?;
        let range = KeyRange::Bound(format!("{kind}:"), false, format!("{kind}:\u{ffff}"), false);
        let values = store.get_all().with_query::<String, _>(range).primitive().map_err(idb_error)?.await.map_err(idb_error)?;
        values.map(|v| decode_json(&v.map_err(idb_error)?)).collect()
    }

    async fn apply(&self, batch: &Batch) -> Result<Vec<u64>, StoreError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let tx = self
            .db
            .transaction([RECORDS, CHANGES, OUTBOX, META])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(idb_error)?;
        let mut seqs = Vec::with_capacity(batch.writes.len());
        {
            let records = tx.object_store(RECORDS).map_err(idb_error)?;
            let changes = tx.object_store(CHANGES).map_err(idb_error)?;
            let outbox = tx.object_store(OUTBOX).map_err(idb_error)?;
            let meta = tx.object_store(META).map_err(idb_error)?;
            let mut seq = Self::last_seq(&meta).await?;
            for w in &batch.writes {
                let key = w.record.key();
                let json = serde_json::to_string(&w.record).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                match w.expected_rev {
                    // A new record: `add` fails if the key exists, which aborts the whole
                    // transaction, so a create needs no read first (bulk imports stay fast).
                    None => drop(records.add(JsValue::from_str(&json)).with_key(key.clone()).without_key_type().primitive().map_err(idb_error)?),
                    Some(expected) => {
                        let stored: Option<JsValue> = records.get(key.clone()).await.map_err(idb_error)?;
                        let found = stored.map(|v| decode_json::<Record>(&v)).transpose()?.map(|r| r.rev);
                        if found != Some(expected) {
                            // Dropping the transaction aborts it: nothing of the batch lands.
                            return Err(StoreError::Conflict { key, expected: Some(expected), found });
                        }
                        drop(records.put(JsValue::from_str(&json)).with_key(key.clone()).without_key_type().primitive().map_err(idb_error)?);
                    }
                }
                seq += 1;
                let change = Change { seq, ..w.change.clone() };
                drop(changes.put(change_value(&change)?).without_key_type().primitive().map_err(idb_error)?);
                let entry = OutboxEntry { key: key.clone(), rev: w.record.rev, seq };
                let entry_json = serde_json::to_string(&entry).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                drop(outbox.put(JsValue::from_str(&entry_json)).with_key(key).without_key_type().primitive().map_err(idb_error)?);
                seqs.push(seq);
            }
            drop(meta.put(JsValue::from_f64(seq as f64)).with_key(schema::SEQ_KEY).without_key_type().primitive().map_err(idb_error)?);
        }
        tx.commit().await.map_err(|e| codec::commit_error(e, batch))?;
        Ok(seqs)
    }

    async fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>, StoreError> {
        let tx = self.db.transaction(CHANGES).build().map_err(idb_error)?;
        let store = tx.object_store(CHANGES).map_err(idb_error)?;
        let values = store
            .get_all()
            .with_query::<f64, _>(KeyRange::LowerBound(after as f64, true))
            .with_limit(u32::try_from(limit).unwrap_or(u32::MAX))
            .primitive()
            .map_err(idb_error)?
            .await
            .map_err(idb_error)?;
        values.map(|v| decode_change(&v.map_err(idb_error)?)).collect()
    }

    async fn history(&self, key: &str) -> Result<Vec<Change>, StoreError> {
        let tx = self.db.transaction(CHANGES).build().map_err(idb_error)?;
        let store = tx.object_store(CHANGES).map_err(idb_error)?;
        let index = store.index(schema::CHANGES_BY_KEY).map_err(idb_error)?;
        let values = index.get_all().with_query(key.to_string()).primitive().map_err(idb_error)?.await.map_err(idb_error)?;
        values.map(|v| decode_change(&v.map_err(idb_error)?)).collect()
    }

    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let tx = self.db.transaction(OUTBOX).build().map_err(idb_error)?;
        let store = tx.object_store(OUTBOX).map_err(idb_error)?;
        let values = store.get_all().primitive().map_err(idb_error)?.await.map_err(idb_error)?;
        values.map(|v| decode_json(&v.map_err(idb_error)?)).collect()
    }
}
