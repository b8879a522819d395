//! Opening the database, and the migrations between schema versions. Each
//! step runs only for databases older than it, so any past version upgrades.

use super::codec::{CHANGES, META, OUTBOX, RECORDS};
use daftar_core::store::{StoreError, SCHEMA_VERSION};
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub const DB_NAME: &str = "daftar";
pub const CHANGES_BY_KEY: &str = "by_key";
pub const SEQ_KEY: &str = "seq";

pub async fn open(name: &str) -> Result<Database, StoreError> {
    let db = Database::open(name)
        .with_version(SCHEMA_VERSION)
        .with_on_upgrade_needed_fut(|event: VersionChangeEvent, db: Database| async move {
            let old = event.old_version() as u32;
            if old < 1 {
                v1_create_stores(&db)?;
            }
            if old < 2 {
                v2_add_meta_with_seq(&db).await?;
            }
            Ok(())
        })
        .await
        .map_err(|e| StoreError::Backend(format!("opening IndexedDB: {e:?}")))?;
    close_when_another_tab_upgrades(&db);
    Ok(db)
}

/// v1: records, the change log with its per-record index, and the outbox.
fn v1_create_stores(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(RECORDS).build()?;
    let changes = db.create_object_store(CHANGES).with_key_path(KeyPath::One("seq")).build()?;
    changes.create_index(CHANGES_BY_KEY, KeyPath::One("key")).build()?;
    db.create_object_store(OUTBOX).build()?;
    Ok(())
}

/// v2: the last change number is kept in `meta` instead of being found by
/// scanning the log on every write. Seeded from the existing log.
async fn v2_add_meta_with_seq(db: &Database) -> indexed_db_futures::Result<()> {
    let meta = db.create_object_store(META).build()?;
    // The new store belongs to the upgrade transaction, which also reaches the old stores.
    let changes = meta.transaction().object_store(CHANGES)?;
    let keys: Vec<JsValue> = changes.get_all_keys().primitive()?.await?.collect::<Result<_, _>>()?;
    let last = keys.iter().filter_map(JsValue::as_f64).fold(0.0, f64::max);
    meta.put(JsValue::from_f64(last)).with_key(SEQ_KEY).without_key_type().primitive()?.await?;
    Ok(())
}

/// An open connection would block another tab's upgrade to a newer version;
/// closing lets the upgrade proceed (this tab then reports storage errors
/// until it reloads, which the new version's update prompt asks for).
fn close_when_another_tab_upgrades(db: &Database) {
    let raw: web_sys::IdbDatabase = db.as_sys().clone().unchecked_into();
    let to_close = raw.clone();
    let on_change = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |_| to_close.close());
    raw.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}
