//! The engine against the in-memory CouchDB model: devices editing the same
//! records offline, then syncing through a network that loses requests and
//! responses, duplicates them and reorders pages.

use super::couch_model::{FaultPlan, FaultyServer, CouchModel};
use super::engine::{Engine, Progress, Report};
use super::hlc::{Clock, Stamp};
use super::transport::{read_bulk_results, read_changes, read_open_revs, ChangesPage, DocResult, SyncError, Transport};
use crate::env::{Env, SeededEnv, SplitMix64};
use crate::store::{Batch, Fields, MemoryStore, Record, RecordStore, SyncStore, Write};
use pollster::block_on;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

mod chaos;
mod surprises;

/// The server as every device reaches it, through one faulty network.
#[derive(Clone)]
struct Net {
    server: Rc<RefCell<FaultyServer>>,
    /// Shuffles each changes page: the engine must not depend on row order.
    shuffle: Rc<RefCell<SplitMix64>>,
    /// Leaves `pending` out of changes pages, as pouchdb-server does.
    hide_pending: bool,
}

impl Net {
    fn new(seed: u64, fault_percent: u64) -> Net {
        Net {
            server: Rc::new(RefCell::new(FaultyServer { db: CouchModel::new(), plan: FaultPlan::new(seed, fault_percent) })),
            shuffle: Rc::new(RefCell::new(SplitMix64(seed ^ 0x5eed))),
            hide_pending: seed % 2 == 1,
        }
    }

    fn heal(&self) {
        self.server.borrow_mut().plan = FaultPlan::none();
    }

    fn db(&self) -> std::cell::RefMut<'_, CouchModel> {
        std::cell::RefMut::map(self.server.borrow_mut(), |s| &mut s.db)
    }
}

impl Transport for Net {
    async fn bulk_docs(&self, docs: &[Value]) -> Result<Vec<DocResult>, SyncError> {
        let answer = self.server.borrow_mut().bulk_docs(&json!({ "docs": docs })).map_err(|_| SyncError::Unreachable)?;
        // Out of request order, as pouchdb-server answers when it refuses some.
        let mut results = read_bulk_results(&answer)?;
        results.reverse();
        Ok(results)
    }

    async fn changes(&self, since: &str, limit: usize) -> Result<ChangesPage, SyncError> {
        let answer = self.server.borrow_mut().changes(since, limit).map_err(|_| SyncError::Unreachable)?;
        let mut page = read_changes(&answer)?;
        if self.hide_pending {
            page.pending = None;
        }
        let mut rng = self.shuffle.borrow_mut();
        for i in (1..page.docs.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            page.docs.swap(i, j);
        }
        Ok(page)
    }

    async fn leaves(&self, id: &str) -> Result<Vec<Value>, SyncError> {
        let answer = self.server.borrow_mut().open_revs(id).map_err(|_| SyncError::Unreachable)?;
        read_open_revs(&answer)
    }

    async fn revision(&self, id: &str, rev: &str) -> Result<Option<Value>, SyncError> {
        self.server.borrow_mut().get_rev(id, rev).map_err(|_| SyncError::Unreachable)
    }

    async fn database_mark(&self) -> Result<Option<String>, SyncError> {
        let doc = self.server.borrow_mut().get_local("daftar").map_err(|_| SyncError::Unreachable)?;
        Ok(doc.and_then(|d| d["mark"].as_str().map(str::to_string)))
    }

    async fn mark_database(&self, mark: &str) -> Result<bool, SyncError> {
        self.server.borrow_mut().put_local("daftar", json!({ "mark": mark })).map_err(|_| SyncError::Unreachable)
    }
}

/// One tablet: its store, its clock, its own (possibly skewed) wall time.
struct Device {
    store: MemoryStore,
    clock: RefCell<Clock>,
    env: SeededEnv,
}

impl Device {
    fn new(name: &str, seed: u64, wall_start: i64) -> Device {
        Device { store: MemoryStore::new(), clock: RefCell::new(Clock::new(name)), env: SeededEnv::new(seed, wall_start) }
    }

    fn stamp(&self) -> Stamp {
        self.clock.borrow_mut().now(self.env.now_ms())
    }

    /// A user's save: the change stamped, as the app does.
    fn save(&self, write: Write) -> Stamp {
        let stamp = self.stamp();
        block_on(self.store.apply(&Batch::one(write).stamped(&stamp))).expect("save");
        stamp
    }

    fn create(&self, fields: Value) -> (Record, Stamp) {
        let write = Write::create("customer", fields.as_object().cloned().unwrap(), &self.env);
        let record = write.record.clone();
        (record, self.save(write))
    }

    fn get(&self, id: &str) -> Record {
        block_on(self.store.get("customer", id)).unwrap().expect("record here")
    }

    fn set(&self, id: &str, field: &str, value: Value) -> Option<Stamp> {
        let prev = self.get(id);
        let mut fields = prev.fields.clone();
        fields.insert(field.into(), value);
        Write::update(&prev, fields, &self.env).map(|w| self.save(w))
    }

    fn set_deleted(&self, id: &str, deleted: bool) -> Option<Stamp> {
        let prev = self.get(id);
        (prev.deleted != deleted).then(|| self.save(if deleted { Write::delete(&prev, &self.env) } else { Write::restore(&prev, &self.env) }))
    }

    fn sync(&self, net: &Net) -> Result<Report, SyncError> {
        let (result, report) = self.sync_keeping(net);
        result.map(|()| report)
    }

    /// A run and its report, kept even when the run fails, as the app keeps it.
    fn sync_keeping(&self, net: &Net) -> (Result<(), SyncError>, Report) {
        let engine = Engine { store: &self.store, server: net, clock: &self.clock, env: &self.env };
        let mut report = Report::default();
        (block_on(engine.run(&mut report, &|_| {})), report)
    }

    /// Every record as (fields, deleted), by id.
    fn snapshot(&self) -> BTreeMap<String, (Fields, bool)> {
        block_on(self.store.all("customer")).unwrap().into_iter().map(|r| (r.id, (r.fields, r.deleted))).collect()
    }

    fn waiting(&self) -> usize {
        block_on(super::engine::waiting(&self.store)).unwrap().len()
    }

    fn outbox_len(&self) -> usize {
        block_on(self.store.outbox()).unwrap().len()
    }
}

fn devices(n: usize) -> Vec<Device> {
    // Wall clocks skewed by seconds either way: the clock must still order edits.
    (0..n).map(|i| Device::new(&format!("tab-{i}"), 100 + i as u64, 1_700_000_000_000 + [0, -5_000, 3_000, 700][i % 4])).collect()
}

#[test]
fn a_record_created_on_one_device_reaches_another() {
    let net = Net::new(1, 0);
    let [a, b] = <[Device; 2]>::try_from(devices(2)).ok().unwrap();
    let (record, _) = a.create(json!({"name": "Pars Heating", "city": "Tehran"}));
    let report = a.sync(&net).unwrap();
    assert_eq!(report.pushed, 1);
    assert_eq!(a.waiting(), 0);
    assert_eq!(a.outbox_len(), 0, "a pushed record left in the outbox");
    let report = b.sync(&net).unwrap();
    assert_eq!(report.pulled, 1);
    assert_eq!(b.get(&record.id).fields, record.fields);
    // Nothing was changed on b, so nothing goes back, and a second run is quiet.
    assert_eq!(b.waiting(), 0);
    assert_eq!(a.sync(&net).unwrap(), Report::default());
    assert_eq!(b.sync(&net).unwrap(), Report::default());
    assert_eq!(net.db().doc_count(), 1);
}

#[test]
fn edits_to_different_fields_both_survive_without_a_clash() {
    let net = Net::new(2, 0);
    let [a, b] = <[Device; 2]>::try_from(devices(2)).ok().unwrap();
    let (record, _) = a.create(json!({"name": "Pars", "city": "Tehran", "phone": "021"}));
    a.sync(&net).unwrap();
    b.sync(&net).unwrap();
    a.set(&record.id, "city", json!("Shiraz"));
    b.set(&record.id, "phone", json!("071"));
    let ra = a.sync(&net).unwrap();
    let rb = b.sync(&net).unwrap();
    a.sync(&net).unwrap();
    assert!(ra.clashes.is_empty() && rb.clashes.is_empty(), "{ra:?} {rb:?}");
    let expected = json!({"name": "Pars", "city": "Shiraz", "phone": "071"});
    assert_eq!(Value::Object(a.get(&record.id).fields), expected);
    assert_eq!(Value::Object(b.get(&record.id).fields), expected);
}

#[test]
fn the_same_field_edited_on_both_keeps_the_later_edit_and_reports_the_clash() {
    let net = Net::new(3, 0);
    let [a, b] = <[Device; 2]>::try_from(devices(2)).ok().unwrap();
    let (record, _) = a.create(json!({"name": "Pars", "phone": "021"}));
    a.sync(&net).unwrap();
    b.sync(&net).unwrap();
    // b's wall clock is 5 s behind a's, yet its edit is made later.
    let first = a.set(&record.id, "phone", json!("111")).unwrap();
    let second = b.set(&record.id, "phone", json!("222")).unwrap();
    let later = if second > first { json!("222") } else { json!("111") };
    a.sync(&net).unwrap();
    let rb = b.sync(&net).unwrap();
    a.sync(&net).unwrap();
    assert_eq!(a.get(&record.id).fields["phone"], later);
    assert_eq!(b.get(&record.id).fields["phone"], later);
    assert_eq!(rb.clashes.len(), 1, "{rb:?}");
    let clash = &rb.clashes[0];
    assert_eq!((clash.id.as_str(), clash.clash.field.as_str()), (record.id.as_str(), "phone"));
    let mut both = [clash.clash.kept.clone(), clash.clash.set_aside.clone()];
    both.sort_by_key(Value::to_string);
    assert_eq!(both, [json!("111"), json!("222")]);
}

#[test]
fn a_delete_and_an_edit_of_another_field_both_survive() {
    let net = Net::new(4, 0);
    let [a, b] = <[Device; 2]>::try_from(devices(2)).ok().unwrap();
    let (record, _) = a.create(json!({"name": "Pars", "city": "Tehran"}));
    a.sync(&net).unwrap();
    b.sync(&net).unwrap();
    a.set_deleted(&record.id, true);
    b.set(&record.id, "city", json!("Tabriz"));
    a.sync(&net).unwrap();
    b.sync(&net).unwrap();
    a.sync(&net).unwrap();
    for device in [&a, &b] {
        let got = device.get(&record.id);
        assert!(got.deleted);
        assert_eq!(got.fields["city"], json!("Tabriz"));
    }
}

#[test]
fn a_document_written_by_another_client_is_read_and_its_edits_win() {
    let net = Net::new(5, 0);
    let a = Device::new("tab-a", 9, 1_700_000_000_000);
    let id = "7c1f2d5e-1111-4222-8333-944455556666";
    let rev = {
        let results = net.db().bulk_docs(&json!({"docs": [{"_id": format!("customer:{id}"), "name": "From curl", "city": "Qom"}]}));
        results[0]["rev"].as_str().unwrap().to_string()
    };
    a.sync(&net).unwrap();
    assert_eq!(Value::Object(a.get(id).fields), json!({"name": "From curl", "city": "Qom"}));
    // The other client edits the city again, keeping whatever else it found
    // (including Daftar's stamps, had there been any); the device edited
    // the name meanwhile. Both survive.
    net.db().bulk_docs(&json!({"docs": [{"_id": format!("customer:{id}"), "_rev": rev, "name": "From curl", "city": "Karaj"}]}));
    a.set(id, "name", json!("Renamed here"));
    a.sync(&net).unwrap();
    assert_eq!(Value::Object(a.get(id).fields), json!({"name": "Renamed here", "city": "Karaj"}));
    let (_, body, _) = net.db().winner(&format!("customer:{id}")).unwrap();
    assert_eq!((body["name"].clone(), body["city"].clone()), (json!("Renamed here"), json!("Karaj")));
}

#[test]
fn design_documents_and_foreign_ids_are_left_alone() {
    let net = Net::new(6, 0);
    let a = Device::new("tab-a", 9, 1_700_000_000_000);
    net.db().bulk_docs(&json!({"docs": [{"_id": "_design/inbox", "validate_doc_update": "function(){}"}, {"_id": "no-kind-here", "x": 1}]}));
    let report = a.sync(&net).unwrap();
    assert_eq!(report.pulled, 0);
    assert!(a.snapshot().is_empty());
}

#[test]
fn server_conflicts_are_merged_and_written_back_as_one_revision() {
    let net = Net::new(7, 0);
    let a = Device::new("tab-a", 9, 1_700_000_000_000);
    let id = "0b5e2f6e-8c1d-4d7e-9a3b-2c4d5e6f7a8b";
    let doc_id = format!("customer:{id}");
    let meta = |field: &str, wall: i64| json!({"kind": "customer", "id": id, "stamps": {field: Stamp { wall_ms: wall, counter: 0, device: "x".into() }.encode()}});
    // Two branches replicated in from elsewhere, each with a field stamped later.
    net.db().bulk_docs(&json!({"new_edits": false, "docs": [
        {"_id": doc_id, "_rev": "2-aaaa", "name": "Branch A", "city": "Old", "daftar": meta("name", 50)},
        {"_id": doc_id, "_rev": "2-bbbb", "name": "Old", "city": "Branch B", "daftar": meta("city", 60)},
    ]}));
    a.sync(&net).unwrap();
    assert_eq!(Value::Object(a.get(id).fields), json!({"name": "Branch A", "city": "Branch B"}));
    let doc = net.db().get(&doc_id, true).unwrap();
    assert!(doc.get("_conflicts").is_none(), "still in conflict: {doc}");
    assert_eq!((doc["name"].clone(), doc["city"].clone()), (json!("Branch A"), json!("Branch B")));
}

/// Another client (PouchDB, or a replicated database) edits its copy of
/// revision `fork` and replicates the edit in beside ours: it copies our
/// bookkeeping along, stamps untouched.
fn replicated_edit(net: &Net, doc_id: &str, fork: &str, edit: Value) {
    let mut doc = net.db().get_rev(doc_id, fork).expect("the fork is on the server");
    doc.as_object_mut().unwrap().extend(edit.as_object().unwrap().clone());
    let (n, hash) = fork.split_once('-').unwrap();
    let n: u64 = n.parse().unwrap();
    doc["_rev"] = json!(format!("{}-0ther", n + 1));
    doc["_revisions"] = json!({"start": n + 1, "ids": ["0ther", hash]});
    net.db().bulk_docs(&json!({"new_edits": false, "docs": [doc]}));
}

#[test]
fn another_clients_branch_is_merged_with_the_clash_listed_not_dropped() {
    for compacted in [false, true] {
        let net = Net::new(11, 0);
        let a = Device::new("tab-a", 9, 1_700_000_000_000);
        let (record, _) = a.create(json!({"name": "Pars", "city": "Tehran", "phone": "021"}));
        a.sync(&net).unwrap();
        let doc_id = format!("customer:{}", record.id);
        let fork = net.db().get(&doc_id, false).unwrap()["_rev"].as_str().unwrap().to_string();
        // Offline here: the name and the phone changed, then pushed.
        a.set(&record.id, "name", json!("Pars Co"));
        a.set(&record.id, "phone", json!("022"));
        a.sync(&net).unwrap();
        // Meanwhile the other client renamed it too and moved it, on its copy of the fork.
        replicated_edit(&net, &doc_id, &fork, json!({"name": "Pars Group", "city": "Shiraz"}));
        assert!(net.db().get(&doc_id, true).unwrap().get("_conflicts").is_some(), "the server holds two branches");
        if compacted {
            net.db().compact();
        }
        let report = a.sync(&net).unwrap();
        let clashes: Vec<(&str, &Value)> = report.clashes.iter().map(|c| (c.clash.field.as_str(), &c.clash.set_aside)).collect();
        let fields = Value::Object(a.get(&record.id).fields);
        if compacted {
            // Which side changed what is unknown: the stamps decide (the
            // other client's are copied, so ours win) and every difference is listed.
            assert_eq!(fields, json!({"name": "Pars Co", "city": "Tehran", "phone": "022"}));
            assert_eq!(clashes, vec![("city", &json!("Shiraz")), ("name", &json!("Pars Group")), ("phone", &json!("021"))]);
        } else {
            // The other client's edits arrived last and win; the name both changed is listed.
            assert_eq!(fields, json!({"name": "Pars Group", "city": "Shiraz", "phone": "022"}));
            assert_eq!(clashes, vec![("name", &json!("Pars Co"))]);
        }
        let doc = net.db().get(&doc_id, true).unwrap();
        assert!(doc.get("_conflicts").is_none(), "still in conflict: {doc}");
        assert_eq!(doc["name"], fields["name"]);
        assert!(a.sync(&net).unwrap().clashes.is_empty(), "listed once");
    }
}

#[test]
fn a_lost_response_after_the_server_saved_leaves_no_duplicate_and_no_loss() {
    // Fault on every call of the first run; none after.
    let net = Net::new(8, 100);
    let a = Device::new("tab-a", 9, 1_700_000_000_000);
    let (record, _) = a.create(json!({"name": "Pars"}));
    assert!(a.sync(&net).is_err());
    net.heal();
    a.sync(&net).unwrap();
    a.sync(&net).unwrap();
    assert_eq!(a.waiting(), 0);
    assert_eq!(net.db().doc_count(), 1);
    assert_eq!(a.get(&record.id).fields, record.fields);
}

#[test]
fn progress_counts_what_is_waiting_and_what_arrives() {
    let net = Net::new(10, 0);
    let [a, b] = <[Device; 2]>::try_from(devices(2)).ok().unwrap();
    for i in 0..1_100 {
        a.create(json!({"name": format!("Customer {i}")}));
    }
    let seen = RefCell::new(Vec::<Progress>::new());
    let engine = Engine { store: &a.store, server: &net, clock: &a.clock, env: &a.env };
    block_on(engine.run(&mut Report::default(), &|p| seen.borrow_mut().push(p))).unwrap();
    let seen_a = seen.take();
    assert_eq!(seen_a.first().map(|p| p.total), Some(1_100));
    assert_eq!(seen_a.last().copied(), Some(Progress { done: 1_100, total: 1_100 }));
    let engine = Engine { store: &b.store, server: &net, clock: &b.clock, env: &b.env };
    let mut report = Report::default();
    block_on(engine.run(&mut report, &|p| seen.borrow_mut().push(p))).unwrap();
    assert_eq!(report.pulled, 1_100);
    let seen_b = seen.take();
    // Pages of 500: 500, 1,000, 1,100 of 1,100.
    let done: Vec<usize> = seen_b.iter().map(|p| p.done).collect();
    assert_eq!(done, vec![0, 500, 1_000, 1_100], "{seen_b:?}");
    assert!(seen_b[1..].iter().all(|p| p.total == 1_100), "{seen_b:?}");
}
