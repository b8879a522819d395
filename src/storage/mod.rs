//! The IndexedDB backend of core's store traits: records, sync and cache
//! (indexed_db_futures 0.6).
//!
//! Layout (schema v4, see `schema.rs`):
//! - `records`: key `kind:id`, value the record as a JSON string. A string is
//!   the cheapest value to clone into IndexedDB, and listing a kind is a key
//!   range (`customer:` … `customer:\u{ffff}`), so no index is needed. A
//!   record that links to others is `{links, json}` instead, and the
//!   multi-entry `by_link` index finds it from any record it points at.
//! - `log`: the append-only change log in segments (see `codec.rs`), keyed by
//!   the last sequence number in each, indexed by the record keys they mention.
//! - `outbox`: changes waiting for sync, in segments like the log (`sync.rs`
//!   reads and trims it, with the `sync` store).
//! - `sync`: key `kind:id`, value the record's `SyncState` (what is known of
//!   its server document) as a JSON string; none for a record never synced.
//!   Written with the records and log a sync step brings in, in one
//!   transaction (`apply_synced`); such changes are logged but never enter
//!   the outbox.
//! - `meta`: `seq`, the last change-log number handed out; `sync:checkpoint`,
//!   how far the server's changes feed has been stored; caches (`cache:…`).

mod codec;
mod early;
mod schema;
mod sync;

use codec::{decode_log_segment, decode_record, idb_error, log_segment, outbox_segment, record_value, to_json, unpack_records, PackedBuilder, LOG, LOG_BY_KEY, META, OUTBOX, RECORDS, RECORDS_BY_LINK, SEGMENT, SEQ_KEY};
use daftar_core::store::{key_of, links_of, Batch, CacheStore, Change, Envelope, OutboxEntry, Record, RecordStore, Scan, StoreError, TextPage, Write};
use indexed_db_futures::database::Database;
use indexed_db_futures::error::Error;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use wasm_bindgen::JsCast;
use indexed_db_futures::KeyRange;
use wasm_bindgen::JsValue;

pub use early::early_cache;
pub use schema::{CLOSED_EVENT, DB_NAME, OPENED_EVENT};

pub struct IdbStore {
    db: Database,
}

impl IdbStore {
    /// Opens (creating or upgrading as needed) the database called `name`.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        Ok(Self { db: schema::open(name).await? })
    }

    /// Closes the connection (dropping the store does not).
    pub fn close(self) {
        self.db.close();
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

    async fn meta_get(&self, key: &str) -> Result<Option<JsValue>, StoreError> {
        let tx = self.db.transaction(META).build().map_err(idb_error)?;
        let meta = tx.object_store(META).map_err(idb_error)?;
        meta.get(key.to_string()).await.map_err(idb_error)
    }

    async fn kind_values(&self, kind: &str) -> Result<Vec<JsValue>, StoreError> {
        self.get_all_values(RECORDS, Some(kind_range(kind, None))).await
    }
}

fn parse_lines(joined: &str) -> Result<Vec<Record>, StoreError> {
    joined.lines().filter(|l| !l.is_empty()).map(|l| serde_json::from_str(l).map_err(|e| StoreError::Corrupt(e.to_string()))).collect()
}

/// Writes per slice of a big batch (see `apply`): about 20 ms of work.
const SLICE: usize = 1_000;

/// Caches live in `meta` beside the sequence number, under their own prefix.
fn cache_key(name: &str) -> String {
    format!("cache:{name}")
}

/// A stored cache value as text. A cache is only an aid: one that does not
/// read back is treated as absent.
fn cache_text(value: JsValue) -> Option<String> {
    if value.is_undefined() || value.is_null() {
        return None;
    }
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    String::from_utf8(js_sys::Uint8Array::new(&value).to_vec()).ok()
}

/// A readwrite transaction. The raw handle is kept to read why it aborted,
/// which neither `commit` nor a failed request says.
struct WriteTx<'db> {
    tx: Transaction<'db>,
    raw: web_sys::IdbTransaction,
}

impl<'db> WriteTx<'db> {
    fn new(db: &'db Database, stores: &[&str]) -> Result<Self, StoreError> {
        let tx = db.transaction(stores).with_mode(TransactionMode::Readwrite).build().map_err(idb_error)?;
        let raw = tx.as_sys().clone().unchecked_into();
        Ok(Self { tx, raw })
    }

    fn store(&self, name: &str) -> Result<ObjectStore<'_>, StoreError> {
        self.tx.object_store(name).map_err(idb_error)
    }

    /// Why the transaction failed, as `codec::commit_error` tells it.
    fn failed(raw: &web_sys::IdbTransaction, e: Error, writes: &[Write]) -> StoreError {
        codec::commit_error(e, raw.error().map(|d| d.name()), writes)
    }

    async fn commit(self, writes: &[Write]) -> Result<(), StoreError> {
        let Self { tx, raw } = self;
        tx.commit().await.map_err(|e| Self::failed(&raw, e, writes))
    }

    /// Writes the records, each checked against its `expected_rev`, and
    /// their log entries; `to_outbox` also queues them to be pushed. Returns
    /// the sequence numbers handed out. On an error the caller drops the
    /// transaction, which aborts it: nothing of the batch lands.
    async fn write_logged(&self, writes: &[Write], to_outbox: bool) -> Result<Vec<u64>, StoreError> {
        if writes.is_empty() {
            return Ok(Vec::new());
        }
        let records = self.store(RECORDS)?;
        let meta = self.store(META)?;
        let outbox = if to_outbox { Some(self.store(OUTBOX)?) } else { None };
        let mut pending = Pending { log: self.store(LOG)?, outbox, changes: Vec::new(), keys: Vec::new(), entries: Vec::new() };
        let last: Option<JsValue> = meta.get(SEQ_KEY).await.map_err(idb_error)?;
        let mut seq = last.and_then(|v| v.as_f64()).unwrap_or(0.0) as u64;
        let mut seqs = Vec::with_capacity(writes.len());
        // A big batch goes in slices: after each, waiting for its last
        // request hands the main thread back to the browser (input,
        // painting) while the transaction stays open, so a 50,000-record
        // import never blocks the page for more than a slice's work.
        for slice in writes.chunks(SLICE) {
            // Keys and values cross into JavaScript in one string (see `Packed`).
            let mut pieces = PackedBuilder::default();
            for w in slice {
                pieces.push(&w.record.key());
                pieces.push(&to_json(&w.record)?);
            }
            let pieces = pieces.finish();
            let mut last_request = None;
            for (i, w) in slice.iter().enumerate() {
                let key = pieces.get(2 * i);
                let value = record_value(pieces.get(2 * i + 1), &links_of(&w.record.fields))?;
                let request = match w.expected_rev {
                    // A new record: `add` fails if the key exists, which aborts the whole
                    // transaction, so a create needs no read first (bulk imports stay fast).
                    None => records.add(value).with_key(JsValue::from(&key)).without_key_type().primitive().map_err(idb_error)?,
                    Some(expected) => {
                        let stored: Option<JsValue> = records.get(JsValue::from(&key)).await.map_err(idb_error)?;
                        let found = stored.map(|v| decode_record::<Envelope<serde::de::IgnoredAny>>(&v)).transpose()?.map(|r| r.rev);
                        if found != Some(expected) {
                            return Err(StoreError::Conflict { key: w.record.key(), expected: Some(expected), found });
                        }
                        records.put(value).with_key(JsValue::from(&key)).without_key_type().primitive().map_err(idb_error)?
                    }
                };
                last_request = Some(request);
                seq += 1;
                pending.push(w, key, seq)?;
                seqs.push(seq);
            }
            if writes.len() > SLICE {
                if let Some(request) = last_request {
                    // A failed request aborts the transaction: say why as a commit would.
                    if let Err(e) = request.await {
                        return Err(Self::failed(&self.raw, e, writes));
                    }
                }
            }
        }
        pending.flush(seq)?;
        drop(meta.put(JsValue::from_f64(seq as f64)).with_key(SEQ_KEY).without_key_type().primitive().map_err(idb_error)?);
        Ok(seqs)
    }
}

/// Log and outbox entries waiting to be written as one segment each.
struct Pending<'tx, 'w> {
    log: ObjectStore<'tx>,
    /// None for changes a sync brought in: they came from the server, so
    /// they are never queued to be pushed back.
    outbox: Option<ObjectStore<'tx>>,
    changes: Vec<&'w Change>,
    keys: Vec<js_sys::JsString>,
    entries: Vec<OutboxEntry>,
}

impl<'w> Pending<'_, 'w> {
    /// Adds the log entry of `w`, numbered `seq`, and writes a full segment.
    fn push(&mut self, w: &'w Write, key: js_sys::JsString, seq: u64) -> Result<(), StoreError> {
        self.changes.push(&w.change);
        self.keys.push(key);
        if self.outbox.is_some() {
            self.entries.push(OutboxEntry { key: w.record.key(), rev: w.record.rev, seq });
        }
        if self.changes.len() == SEGMENT {
            self.flush(seq)?;
        }
        Ok(())
    }

    /// Queues the segments; `last` is the sequence number of the last change.
    fn flush(&mut self, last: u64) -> Result<(), StoreError> {
        if self.changes.is_empty() {
            return Ok(());
        }
        let keys: js_sys::Array = self.keys.drain(..).collect();
        drop(self.log.put(log_segment(last, &self.changes, keys)?).without_key_type().primitive().map_err(idb_error)?);
        self.changes.clear();
        if let Some(outbox) = &self.outbox {
            drop(outbox.put(outbox_segment(&self.entries)?).without_key_type().primitive().map_err(idb_error)?);
            self.entries.clear();
        }
        Ok(())
    }
}

impl RecordStore for IdbStore {
    async fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError> {
        let tx = self.db.transaction(RECORDS).build().map_err(idb_error)?;
        let store = tx.object_store(RECORDS).map_err(idb_error)?;
        let v: Option<JsValue> = store.get(key_of(kind, id)).await.map_err(idb_error)?;
        v.map(|v| decode_record(&v)).transpose()
    }

    async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<Record>>, StoreError> {
        let tx = self.db.transaction(RECORDS).build().map_err(idb_error)?;
        get_each(&tx.object_store(RECORDS).map_err(idb_error)?, keys, decode_record).await
    }

    async fn all(&self, kind: &str) -> Result<Vec<Record>, StoreError> {
        parse_lines(&unpack_records(self.kind_values(kind).await?)?)
    }

    async fn linked(&self, key: &str) -> Result<Vec<Record>, StoreError> {
        let tx = self.db.transaction(RECORDS).build().map_err(idb_error)?;
        let store = tx.object_store(RECORDS).map_err(idb_error)?;
        let index = store.index(RECORDS_BY_LINK).map_err(idb_error)?;
        let values = index.get_all().with_query(key.to_string()).primitive().map_err(idb_error)?.await.map_err(idb_error)?;
        let values = values.map(|v| v.map_err(idb_error)).collect::<Result<Vec<JsValue>, _>>()?;
        parse_lines(&unpack_records(values)?)
    }

    async fn records_text(&self, kind: &str, after: Option<&str>, limit: usize) -> Result<TextPage, StoreError> {
        // IndexedDB reads a limit of 0 as none.
        if limit == 0 {
            return Ok(TextPage::default());
        }
        let range = kind_range(kind, after);
        let tx = self.db.transaction(RECORDS).build().map_err(idb_error)?;
        let store = tx.object_store(RECORDS).map_err(idb_error)?;
        // The keys too, so where the page ends never depends on a record being readable.
        let keys = store.get_all_keys::<String>().with_query::<String, _>(range.clone()).with_limit(limit as u32).primitive().map_err(idb_error)?;
        let values = store.get_all().with_query::<String, _>(range).with_limit(limit as u32).primitive().map_err(idb_error)?;
        let keys: Vec<String> = keys.await.map_err(idb_error)?.collect::<Result<_, _>>().map_err(idb_error)?;
        let values: Vec<JsValue> = values.await.map_err(idb_error)?.map(|v| v.map_err(idb_error)).collect::<Result<_, _>>()?;
        let prefix = format!("{kind}:");
        let next = keys.last().filter(|_| keys.len() == limit).and_then(|k| k.strip_prefix(&prefix)).map(str::to_string);
        Ok(TextPage { text: unpack_records(values)?, next })
    }

    async fn all_as<T: serde::de::DeserializeOwned>(&self, kind: &str) -> Result<Scan<T>, StoreError> {
        let joined = unpack_records(self.kind_values(kind).await?)?;
        let mut scan = Scan::default();
        for line in joined.lines().filter(|l| !l.is_empty()) {
            scan.push(serde_json::from_str::<Envelope<T>>(line));
        }
        Ok(scan)
    }

    async fn apply(&self, batch: &Batch) -> Result<Vec<u64>, StoreError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let tx = WriteTx::new(&self.db, &[RECORDS, LOG, OUTBOX, META])?;
        let seqs = tx.write_logged(&batch.writes, true).await?;
        tx.commit(&batch.writes).await?;
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

    async fn last_seq(&self) -> Result<u64, StoreError> {
        let v = self.meta_get(SEQ_KEY).await?;
        Ok(v.and_then(|v| v.as_f64()).unwrap_or(0.0) as u64)
    }
}

impl CacheStore for IdbStore {
    async fn cache_get(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(self.meta_get(&cache_key(name)).await?.and_then(cache_text))
    }

    async fn cache_put(&self, name: &str, value: &str) -> Result<(), StoreError> {
        let tx = self.db.transaction(META).with_mode(TransactionMode::Readwrite).build().map_err(idb_error)?;
        {
            let meta = tx.object_store(META).map_err(idb_error)?;
            // Kept as UTF-8 bytes, not a JavaScript string: a list snapshot is
            // megabytes of Persian text, and turning it into UTF-16 and
            // cloning that took one long main-thread task (about 90 ms).
            let bytes = js_sys::Uint8Array::from(value.as_bytes());
            drop(meta.put(JsValue::from(bytes)).with_key(cache_key(name)).without_key_type().primitive().map_err(idb_error)?);
        }
        tx.commit().await.map_err(idb_error)
    }
}

/// The values stored under `keys`, in their order, each decoded. Every
/// request goes out before the first answer is awaited: one round trip to
/// the browser, not one per key.
async fn get_each<T>(store: &ObjectStore<'_>, keys: &[String], decode: impl Fn(&JsValue) -> Result<T, StoreError>) -> Result<Vec<Option<T>>, StoreError> {
    let requests = keys.iter().map(|k| store.get(k.as_str()).primitive()).collect::<Result<Vec<_>, _>>().map_err(idb_error)?;
    let mut values = Vec::with_capacity(keys.len());
    for request in requests {
        let value: Option<JsValue> = request.await.map_err(idb_error)?;
        values.push(value.map(|v| decode(&v)).transpose()?);
    }
    Ok(values)
}

/// The keys of a kind's records (`kind:` … `kind:\u{ffff}`), after one id when given.
fn kind_range(kind: &str, after: Option<&str>) -> KeyRange<String> {
    let end = format!("{kind}:\u{ffff}");
    match after {
        Some(id) => KeyRange::Bound(key_of(kind, id), true, end, false),
        None => KeyRange::Bound(format!("{kind}:"), false, end, false),
    }
}
