//! Browser tests: the IndexedDB backend in headless Chromium.
//! Run with `cargo test -p daftar --target wasm32-unknown-unknown --test idb_store`.
#![cfg(target_arch = "wasm32")]

use daftar::storage::IdbStore;
use daftar_core::store::{conformance, links_of, Batch, Change, RecordStore, SyncBatch, SyncState, SyncStore, Write, SCHEMA_VERSION};
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
    let batch = daftar_core::demo::batch(daftar_core::demo::Size::S, 5, &daftar_core::env::SeededEnv::new(5, 0));
    let store = IdbStore::open(&name).await.unwrap();
    store.apply(&batch).await.unwrap();
    store.close();
    let store = IdbStore::open(&name).await.unwrap();
    let all = store.all("customer").await.unwrap();
    assert_eq!(all.len(), 100);
    let first = &batch.writes[0].record;
    assert_eq!(store.get("customer", &first.id).await.unwrap().as_ref(), Some(first));
    // What links to a customer is found again after reopening.
    let linking_to = |key: &str| {
        let mut keys: Vec<String> = batch.writes.iter().filter(|w| daftar_core::store::links_of(&w.record.fields).iter().any(|l| l == key)).map(|w| w.record.key()).collect();
        keys.sort();
        keys
    };
    let busiest = all.iter().map(|c| c.key()).max_by_key(|k| linking_to(k).len()).unwrap();
    let want = linking_to(&busiest);
    assert!(want.len() >= 3, "the demo customer with most records has {}", want.len());
    let mut got: Vec<String> = store.linked(&busiest).await.unwrap().iter().map(|r| r.key()).collect();
    got.sort();
    assert_eq!(got, want);
    // The sequence continues where it stopped.
    let seqs = store.apply(&Batch::one(Write::delete(first, &env))).await.unwrap();
    assert_eq!(seqs, vec![batch.writes.len() as u64 + 1]);
    store.delete().await.unwrap();
}

/// Writes a database exactly as schema version 1 laid it out (no `meta` store;
/// the last change number was found by scanning the log), then opens it with
/// the current code: every record, log entry and outbox entry must be intact
/// and new writes must continue the sequence.
#[wasm_bindgen_test]
async fn upgrades_a_version_1_database_with_every_record_intact() {
    let name = unique("v1");
    // More changes than one v2 log segment holds (500), so the migration's chunking is exercised.
    let env = daftar_core::env::SeededEnv::new(11, 1_600_000_000_000);
    let mut batch = daftar_core::demo::batch(daftar_core::demo::Size::M, 11, &env);
    batch.writes.truncate(1_100);
    let edited = Write::update(&batch.writes[3].record, batch.writes[3].record.fields.clone().into_iter().chain([("city".to_string(), serde_json::json!("یزد"))]).collect(), &env).unwrap();
    batch.writes.push(edited.clone());
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
    // The latest state of each record (one was written twice).
    let mut latest = std::collections::BTreeMap::new();
    for w in &batch.writes {
        latest.insert(w.record.id.clone(), w.record.clone());
    }
    let want: Vec<_> = latest.into_values().collect();
    assert_eq!(all, want, "records changed by the upgrade");
    let log = store.changes_since(0, 5_000).await.unwrap();
    assert_eq!(log.len(), 1_101);
    for (i, (got, w)) in log.iter().zip(&batch.writes).enumerate() {
        assert_eq!(got.seq, i as u64 + 1);
        assert_eq!(got.key, w.change.key);
        assert_eq!(got.op, w.change.op);
        assert_eq!(got.fields, w.change.fields, "change {} changed by the upgrade", i + 1);
    }
    let history = store.history(&edited.record.key()).await.unwrap();
    assert_eq!(history.iter().map(|c| c.seq).collect::<Vec<_>>(), vec![4, 1_101]);
    let outbox = store.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1_100);
    assert!(outbox.iter().any(|o| o.key == edited.record.key() && o.rev == 2 && o.seq == 1_101));

    let seqs = store.apply(&Batch::one(Write::delete(&batch.writes[0].record, &env))).await.unwrap();
    assert_eq!(seqs, vec![1_102], "the sequence must continue after the v1 log");

    // v3: records written after the upgrade are found from what they link to,
    // and a record from before it links to nothing until it is rewritten.
    let customer = &batch.writes[5].record;
    let visit = Write::create("activity", serde_json::json!({"type": "visit", "customer_id": customer.id}).as_object().unwrap().clone(), &env);
    store.apply(&Batch::one(visit.clone())).await.unwrap();
    assert_eq!(store.linked(&customer.key()).await.unwrap(), vec![visit.record.clone()]);
    assert!(store.linked(&batch.writes[6].record.key()).await.unwrap().is_empty());
    assert_eq!(store.get("activity", &visit.record.id).await.unwrap(), Some(visit.record));
    store.delete().await.unwrap();
}

/// A JavaScript object of these properties, as a fixture stores it.
fn object(props: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in props {
        js_sys::Reflect::set(&obj, &JsValue::from_str(k), v).unwrap();
    }
    obj.into()
}

/// Writes a database exactly as schema version 3 laid it out (records as
/// JSON strings, or `{links, json}` when they link to others; log and outbox
/// in segments; the last change number in `meta`), then opens it with the
/// current code: everything must be intact, and v4's sync state must start
/// empty and take a sync step that continues the log.
#[wasm_bindgen_test]
async fn upgrades_a_version_3_database_with_every_record_intact() {
    assert_eq!(SCHEMA_VERSION, 4, "add a fixture for the version this test no longer covers");
    let name = unique("v3");
    let env = daftar_core::env::SeededEnv::new(13, 1_650_000_000_000);
    let fields = |v: serde_json::Value| v.as_object().unwrap().clone();
    let customer = Write::create("customer", fields(serde_json::json!({"name": "پارس «نو»"})), &env);
    let visit = Write::create("activity", fields(serde_json::json!({"type": "visit", "customer_id": customer.record.id})), &env);
    let renamed = Write::update(&customer.record, fields(serde_json::json!({"name": "پارس"})), &env).unwrap();
    let (customer_key, visit_key) = (customer.record.key(), visit.record.key());
    {
        let db = Database::open(&name)
            .with_version(3u32)
            .with_on_upgrade_needed(|_, db| {
                let records = db.create_object_store("records").build()?;
                records.create_index("by_link", KeyPath::One("links")).with_multi_entry(true).build()?;
                let log = db.create_object_store("log").with_key_path(KeyPath::One("last")).build()?;
                log.create_index("by_key", KeyPath::One("keys")).with_multi_entry(true).build()?;
                db.create_object_store("outbox").with_key_path(KeyPath::One("last")).build()?;
                db.create_object_store("meta").build()?;
                Ok(())
            })
            .await
            .unwrap();
        let tx = db
            .transaction(["records", "log", "outbox", "meta"])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .unwrap();
        {
            let records = tx.object_store("records").unwrap();
            for w in [&visit, &renamed] {
                let json = JsValue::from_str(&serde_json::to_string(&w.record).unwrap());
                let links: js_sys::Array = links_of(&w.record.fields).iter().map(|l| JsValue::from_str(l)).collect();
                let value = if links.length() == 0 { json } else { object(&[("links", links.into()), ("json", json)]) };
                records.put(value).with_key(w.record.key()).without_key_type().primitive().unwrap().await.unwrap();
            }
            // Two batches: the customer and its visit, then the rename.
            let log = tx.object_store("log").unwrap();
            let outbox = tx.object_store("outbox").unwrap();
            for (last, batch) in [(2u64, vec![&customer, &visit]), (3, vec![&renamed])] {
                let changes: Vec<&Change> = batch.iter().map(|w| &w.change).collect();
                let keys: js_sys::Array = batch.iter().map(|w| JsValue::from_str(&w.record.key())).collect();
                let json = serde_json::to_string(&changes).unwrap();
                log.put(object(&[("last", (last as f64).into()), ("keys", keys.into()), ("json", json.into())])).without_key_type().primitive().unwrap().await.unwrap();
                let first = last + 1 - batch.len() as u64;
                let entries: Vec<_> = batch.iter().zip(first..).map(|(w, seq)| serde_json::json!({"key": w.record.key(), "rev": w.record.rev, "seq": seq})).collect();
                let json = serde_json::to_string(&entries).unwrap();
                outbox.put(object(&[("last", (last as f64).into()), ("json", json.into())])).without_key_type().primitive().unwrap().await.unwrap();
            }
            let meta = tx.object_store("meta").unwrap();
            meta.put(JsValue::from_f64(3.0)).with_key("seq").without_key_type().primitive().unwrap().await.unwrap();
        }
        tx.commit().await.unwrap();
        db.close();
    }

    let store = IdbStore::open(&name).await.expect("upgrade from v3");
    assert_eq!(store.get("customer", &customer.record.id).await.unwrap(), Some(renamed.record.clone()));
    assert_eq!(store.linked(&customer_key).await.unwrap(), vec![visit.record.clone()]);
    let log = store.changes_since(0, 10).await.unwrap();
    let want: Vec<Change> = [&customer, &visit, &renamed].iter().zip(1..).map(|(w, seq)| Change { seq, ..w.change.clone() }).collect();
    assert_eq!(log, want, "log changed by the upgrade");
    assert_eq!(store.history(&customer_key).await.unwrap().iter().map(|c| c.seq).collect::<Vec<_>>(), vec![1, 3]);
    let outbox = store.outbox().await.unwrap();
    assert_eq!(outbox.iter().map(|o| (o.key.as_str(), o.rev, o.seq)).collect::<Vec<_>>(), vec![(visit_key.as_str(), 1, 2), (customer_key.as_str(), 2, 3)]);
    // v4: nothing is known of any server document yet.
    assert_eq!(store.sync_states(&[customer_key.clone(), visit_key.clone()]).await.unwrap(), vec![None, None]);
    assert_eq!(store.sync_checkpoint().await.unwrap(), None);

    // A sync step continues the log and leaves the outbox alone.
    let pulled = Write::synced(Some(&visit.record), &visit.record, fields(serde_json::json!({"type": "call", "customer_id": customer.record.id})), false, &env).unwrap();
    let state = SyncState { couch_rev: "2-b".into(), ..SyncState::default() };
    let step = SyncBatch { writes: vec![pulled.clone()], states: vec![(visit_key.clone(), state.clone())], checkpoint: Some("5-g1".into()) };
    assert_eq!(store.apply_synced(&step).await.unwrap(), vec![4]);
    assert_eq!(store.sync_states(std::slice::from_ref(&visit_key)).await.unwrap(), vec![Some(SyncState { seq: 4, ..state })]);
    assert_eq!(store.sync_checkpoint().await.unwrap().as_deref(), Some("5-g1"));
    assert_eq!(store.get("activity", &visit.record.id).await.unwrap(), Some(pulled.record));
    assert_eq!(store.outbox().await.unwrap(), outbox);
    store.delete().await.unwrap();
}
