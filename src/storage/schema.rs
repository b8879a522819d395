//! Opening the database and migrating it. Each step upgrades from the
//! version before it, so a database of any past version reaches the current
//! one by running the steps it has not seen, in order.

use super::codec::{log_segment, outbox_segment, LOG, LOG_BY_KEY, META, OUTBOX, RECORDS, RECORDS_BY_LINK, SEGMENT, SEQ_KEY, SYNC};
use daftar_core::store::{Change, OutboxEntry, StoreError, SCHEMA_VERSION};
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub const DB_NAME: &str = "daftar";

pub async fn open(name: &str) -> Result<Database, StoreError> {
    let db = Database::open(name)
        .with_version(SCHEMA_VERSION)
        .with_on_upgrade_needed_fut(|event: VersionChangeEvent, db: Database| async move {
            let old = event.old_version() as u32;
            if old < 1 {
                v1_create_stores(&db)?;
            }
            if old < 2 {
                v2_segmented_log_and_outbox(&db).await?;
            }
            if old < 3 {
                v3_index_records_by_link(&db)?;
            }
            if old < 4 {
                v4_sync_store(&db)?;
            }
            Ok(())
        })
        .await
        .map_err(|e| StoreError::Backend(format!("opening IndexedDB: {e:?}")))?;
    close_when_another_tab_upgrades(&db);
    Ok(db)
}

/// v1: records; a change log of one value per change (`changes`, keyed by
/// `seq`, indexed by record key); an outbox of one value per record.
fn v1_create_stores(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(RECORDS).build()?;
    let changes = db.create_object_store(V1_CHANGES).with_key_path(KeyPath::One("seq")).build()?;
    changes.create_index(LOG_BY_KEY, KeyPath::One("key")).build()?;
    db.create_object_store(OUTBOX).build()?;
    Ok(())
}

const V1_CHANGES: &str = "changes";

/// v2: the log and the outbox are written in segments of many entries (one
/// IndexedDB request each instead of one per entry, which made imports three
/// times slower), and the last sequence number lives in `meta` instead of
/// being found by scanning the log. Existing entries are carried over.
async fn v2_segmented_log_and_outbox(db: &Database) -> indexed_db_futures::Result<()> {
    let meta = db.create_object_store(META).build()?;
    // A store created here belongs to the upgrade transaction, which also
    // reaches the v1 stores (indexed_db_futures 0.6 offers no other way in).
    let (changes, entries) = {
        let tx = meta.transaction();
        let old_changes = tx.object_store(V1_CHANGES)?.get_all().primitive()?.await?;
        let old_outbox = tx.object_store(OUTBOX)?.get_all().primitive()?.await?;
        let changes = old_changes.map(|v| decode_v1_change(&v?)).collect::<indexed_db_futures::Result<Vec<Change>>>()?;
        let entries = old_outbox
            .map(|v| super::codec::decode_json(&v?).map_err(upgrade_error))
            .collect::<indexed_db_futures::Result<Vec<OutboxEntry>>>()?;
        (changes, entries)
    };
    db.delete_object_store(V1_CHANGES)?;
    db.delete_object_store(OUTBOX)?;
    let log = db.create_object_store(LOG).with_key_path(KeyPath::One("last")).build()?;
    log.create_index(LOG_BY_KEY, KeyPath::One("keys")).with_multi_entry(true).build()?;
    let outbox = db.create_object_store(OUTBOX).with_key_path(KeyPath::One("last")).build()?;
    // v1 numbered changes 1, 2, 3 … without gaps, as v2 segments require.
    let mut changes = changes;
    changes.sort_by_key(|c| c.seq);
    for chunk in changes.chunks(SEGMENT) {
        let last = chunk.last().map_or(0, |c| c.seq);
        let refs: Vec<&Change> = chunk.iter().collect();
        let keys: js_sys::Array = chunk.iter().map(|c| JsValue::from_str(&c.key)).collect();
        log.put(log_segment(last, &refs, keys).map_err(upgrade_error)?).without_key_type().primitive()?.await?;
    }
    let mut entries = entries;
    entries.sort_by_key(|e| e.seq);
    for chunk in entries.chunks(SEGMENT) {
        outbox.put(outbox_segment(chunk).map_err(upgrade_error)?).without_key_type().primitive()?.await?;
    }
    let last = changes.iter().map(|c| c.seq).max().unwrap_or(0);
    meta.put(JsValue::from_f64(last as f64)).with_key(SEQ_KEY).without_key_type().primitive()?.await?;
    Ok(())
}

/// v3: records that link to others (activities, contacts, tasks …) are found
/// from the record they point at through a multi-entry index on `links`.
/// Every record written before v3 is a plain string (no links), which an
/// index simply skips, so nothing needs rewriting.
fn v3_index_records_by_link(db: &Database) -> indexed_db_futures::Result<()> {
    // indexed_db_futures 0.6 hands out the upgrade transaction only through
    // a store created in it: make a scratch one, reach `records`, drop it.
    const SCRATCH: &str = "v3_upgrade";
    {
        let scratch = db.create_object_store(SCRATCH).build()?;
        let records = scratch.transaction().object_store(RECORDS)?;
        records.create_index(RECORDS_BY_LINK, KeyPath::One("links")).with_multi_entry(true).build()?;
    }
    db.delete_object_store(SCRATCH)
}

/// v4: what is known of each record's server document, for sync. Nothing
/// has been synced before v4, so it starts empty (and so does the
/// checkpoint, a `meta` key).
fn v4_sync_store(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(SYNC).build()?;
    Ok(())
}

/// A v1 change: `{seq, key, json}`.
fn decode_v1_change(v: &JsValue) -> indexed_db_futures::Result<Change> {
    let json = js_sys::Reflect::get(v, &JsValue::from_str("json"))?;
    let mut change: Change = super::codec::decode_json(&json).map_err(upgrade_error)?;
    change.seq = js_sys::Reflect::get(v, &JsValue::from_str("seq"))?.as_f64().unwrap_or(0.0) as u64;
    Ok(change)
}

fn upgrade_error(e: StoreError) -> indexed_db_futures::error::Error {
    JsValue::from_str(&format!("migrating the database: {e}")).into()
}

/// Fired on `window` when this tab's connection was closed for another tab's upgrade.
pub const CLOSED_EVENT: &str = "daftar-db-closed";
/// Fired on `window` when the app's connection is open: index.html's early
/// warm-up connection then closes.
pub const OPENED_EVENT: &str = "daftar-db-opened";

/// An open connection would block another tab's upgrade to a newer version;
/// closing lets the upgrade proceed. The page is told (see [`CLOSED_EVENT`])
/// so it can ask the user to reload instead of failing every save.
fn close_when_another_tab_upgrades(db: &Database) {
    let raw: web_sys::IdbDatabase = db.as_sys().clone().unchecked_into();
    let to_close = raw.clone();
    let on_change = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |_| {
        to_close.close();
        crate::browser_env::dispatch(CLOSED_EVENT);
    });
    raw.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}
