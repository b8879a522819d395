//! Browser tests: the IndexedDB backend in headless Chromium.
//! Run with `cargo test -p daftar --target wasm32-unknown-unknown --test idb_store`.
#![cfg(target_arch = "wasm32")]

use daftar::storage::IdbStore;
use daftar_core::store::{conformance, Batch, Store, Write, SCHEMA_VERSION};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyPath;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(name: &str) -> String {
    format!("test-{name}-{}", js_sys::Math::random())
}

#[wasm_bindgen_test]
async fn indexeddb_passes_the_conformance_suite() {
    let report = conformance::run_all(|| async {
        IdbStore::open(&unique("conformance")).await.expect("open a fresh database")
    })
    .await;
    report.assert_all_passed();
}

#[wasm_bindgen_test]
async fn data_survives_closing_and_reopening() {
    let name = unique("reopen");
    let env = daftar_core::env::SeededEnv::new(5, 0);
    let batch = daftar_core::demo::batch(daftar_core::demo::Size::S, 5, 0);
    {
        let store = IdbStore::open(&name).await.unwrap();
        store.apply(&batch).await.unwrap();
    }
    let store = IdbStore::open(&name).await.unwrap();
    let all = store.all("customer").await.unwrap();
    assert_eq!(all.len(), 100);
    let first = &batch.writes[0].record;
    assert_eq!(store.get("customer", &first.id).await.unwrap().as_ref(), Some(first));
    // The sequence continues where it stopped.
    let seqs = store.apply(&Batch::one(Write::delete(first, &env))).await.unwrap();
    assert_eq!(seqs, vec![101]);
    store.delete().await.unwrap();
}

/// Writes a database exactly as schema version 1 laid it out (no `meta` store;
/// the last change number was found by scanning the log), then opens it with
/// the current code: every record, log entry and outbox entry must be intact
/// and new writes must continue the sequence.
#[wasm_bindgen_test]
async fn upgrades_a_version_1_database_with_every_record_intact() {
    assert_eq!(SCHEMA_VERSION, 2, "add a fixture for the version this test no longer covers");
    let name = unique("v1");
    let batch = daftar_core::demo::batch(daftar_core::demo::Size::S, 11, 1_600_000_000_000);
    {
        let db = Database::open(&name)
            .with_version(1u32)
            .with_on_upgrade_needed(|_, db| {
                db.create_object_store("records").build()?;
                let changes = db.create_object_store("changes").with_key_path(KeyPath::One("seq")).build()?;
                changes.create_index("by_key", KeyPath::One("key")).build()?;
                db.create_object_store("outbox").build()?;
                Ok(())
            })
            .await
            .unwrap();
        let tx = db
            .transaction(["records", "changes", "outbox"])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .unwrap();
        {
            let records = tx.object_store("records").unwrap();
            let changes = tx.object_store("changes").unwrap();
            let outbox = tx.object_store("outbox").unwrap();
            for (i, w) in batch.writes.iter().enumerate() {
                let seq = i as u64 + 1;
                let key = w.record.key();
                let json = serde_json::to_string(&w.record).unwrap();
                records.put(JsValue::from_str(&json)).with_key(key.clone()).without_key_type().primitive().unwrap().await.unwrap();
                let change = daftar_core::store::Change { seq, ..w.change.clone() };
                let obj = js_sys::Object::new();
                js_sys::Reflect::set(&obj, &"seq".into(), &JsValue::from_f64(seq as f64)).unwrap();
                js_sys::Reflect::set(&obj, &"key".into(), &JsValue::from_str(&key)).unwrap();
                js_sys::Reflect::set(&obj, &"json".into(), &serde_json::to_string(&change).unwrap().into()).unwrap();
                changes.put(JsValue::from(obj)).without_key_type().primitive().unwrap().await.unwrap();
                let entry = serde_json::json!({"key": key, "rev": w.record.rev, "seq": seq}).to_string();
                outbox.put(JsValue::from_str(&entry)).with_key(key).without_key_type().primitive().unwrap().await.unwrap();
            }
        }
        tx.commit().await.unwrap();
        db.close();
    }

    let store = IdbStore::open(&name).await.expect("upgrade from v1");
    let mut all = store.all("customer").await.unwrap();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    let mut want: Vec<_> = batch.writes.iter().map(|w| w.record.clone()).collect();
    want.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(all, want, "records changed by the upgrade");
    let log = store.changes_since(0, 1000).await.unwrap();
    assert_eq!(log.len(), 100);
    assert_eq!(store.history(&batch.writes[7].record.key()).await.unwrap().len(), 1);
    assert_eq!(store.outbox().await.unwrap().len(), 100);

    let env = daftar_core::env::SeededEnv::new(1, 0);
    let seqs = store.apply(&Batch::one(Write::delete(&batch.writes[0].record, &env))).await.unwrap();
    assert_eq!(seqs, vec![101], "the sequence must continue after the v1 log");
    store.delete().await.unwrap();
}
