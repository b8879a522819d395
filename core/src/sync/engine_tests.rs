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

/// The network of `net` with a hand on it: something done while the first
/// push request is out, and pages that list their first document twice.
struct Hooked<'a> {
    net: &'a Net,
    on_first_push: RefCell<Option<Box<dyn FnOnce() + 'a>>>,
    repeat_first_row: bool,
}

impl Transport for Hooked<'_> {
    async fn bulk_docs(&self, docs: &[Value]) -> Result<Vec<DocResult>, SyncError> {
        let hook = self.on_first_push.borrow_mut().take();
        if let Some(hook) = hook {
            hook();
        }
        self.net.bulk_docs(docs).await
    }

    async fn changes(&self, since: &str, limit: usize) -> Result<ChangesPage, SyncError> {
        let mut page = self.net.changes(since, limit).await?;
        if self.repeat_first_row {
            if let Some(first) = page.docs.first().cloned() {
                page.docs.push(first);
            }
        }
        Ok(page)
    }

    async fn leaves(&self, id: &str) -> Result<Vec<Value>, SyncError> {
        self.net.leaves(id).await
    }

    async fn revision(&self, id: &str, rev: &str) -> Result<Option<Value>, SyncError> {
        self.net.revision(id, rev).await
    }

    async fn database_mark(&self) -> Result<Option<String>, SyncError> {
        self.net.database_mark().await
    }

    async fn mark_database(&self, mark: &str) -> Result<bool, SyncError> {
        self.net.mark_database(mark).await
    }
}

impl Device {
    fn sync_through(&self, transport: &Hooked<'_>) -> Result<Report, SyncError> {
        let engine = Engine { store: &self.store, server: transport, clock: &self.clock, env: &self.env };
        let mut report = Report::default();
        block_on(engine.run(&mut report, &|_| {})).map(|()| report)
    }
}

fn server_stamp(net: &Net, id: &str, field: &str) -> Option<Stamp> {
    let (_, body, _) = net.db().winner(&format!("customer:{id}"))?;
    Stamp::decode(body["daftar"]["stamps"][field].as_str()?)
}

#[test]
fn a_save_made_while_a_push_is_out_travels_with_its_own_stamp() {
    let net = Net::new(20, 0);
    let a = Device::new("tab-a", 9, 1_700_000_000_000);
    // More than one request's worth, so the last record is read after the
    // first request went out.
    let ids: Vec<String> = (0..250).map(|i| a.create(json!({"name": format!("c{i}"), "city": "Qom"})).0.id).collect();
    // Pushed in key order: the greatest key goes in the second request.
    let last = ids.iter().max().unwrap().clone();
    let edit_stamp = RefCell::new(None);
    let hooked = Hooked { net: &net, on_first_push: RefCell::new(Some(Box::new(|| *edit_stamp.borrow_mut() = a.set(&last, "city", json!("Yazd"))))), repeat_first_row: false };
    a.sync_through(&hooked).unwrap();
    drop(hooked);
    // The run trimmed what it pushed and kept nothing else.
    assert_eq!(a.outbox_len(), a.waiting());
    a.sync(&net).unwrap();
    let edit_stamp = edit_stamp.into_inner().expect("the edit was made");
    assert_eq!(net.db().winner(&format!("customer:{last}")).unwrap().1["city"], json!("Yazd"));
    assert_eq!(server_stamp(&net, &last, "city"), Some(edit_stamp));
    assert_eq!(a.waiting(), 0);
}

#[test]
fn a_document_listed_twice_in_a_page_is_stored_once() {
    let net = Net::new(21, 0);
    let [a, b] = <[Device; 2]>::try_from(devices(2)).ok().unwrap();
    for i in 0..3 {
        a.create(json!({"name": format!("c{i}")}));
    }
    a.sync(&net).unwrap();
    let hooked = Hooked { net: &net, on_first_push: RefCell::new(None), repeat_first_row: true };
    let report = b.sync_through(&hooked).unwrap();
    assert_eq!(report.pulled, 3);
    assert_eq!(b.snapshot(), a.snapshot());
}

#[test]
fn a_record_whose_server_copy_vanished_is_written_again() {
    let net = Net::new(22, 0);
    let a = Device::new("tab-a", 9, 1_700_000_000_000);
    let (record, _) = a.create(json!({"name": "Pars"}));
    a.sync(&net).unwrap();
    // The database was deleted and made anew under the same name.
    *net.db() = CouchModel::new();
    a.set(&record.id, "name", json!("Pars Heating"));
    a.sync(&net).unwrap();
    assert_eq!(a.waiting(), 0);
    assert_eq!(net.db().winner(&format!("customer:{}", record.id)).unwrap().1["name"], json!("Pars Heating"));
}

#[test]
fn another_server_is_offered_every_record_pulled_ones_too() {
    let (old, new) = (Net::new(23, 0), Net::new(24, 0));
    let [a, b] = <[Device; 2]>::try_from(devices(2)).ok().unwrap();
    a.create(json!({"name": "from a"}));
    a.sync(&old).unwrap();
    b.create(json!({"name": "from b"}));
    b.sync(&old).unwrap();
    assert_eq!(b.snapshot().len(), 2);
    let report = b.sync(&new).unwrap();
    assert_eq!((report.pushed, new.db().doc_count()), (2, 2));
    // Told, so the count of what waits is read again even if the run fails later.
    assert!(report.requeued);
    assert!(!b.sync(&new).unwrap().requeued);
}

#[test]
fn a_database_made_anew_under_the_same_address_is_offered_everything_from_its_start() {
    let net = Net::new(25, 0);
    let [a, b] = <[Device; 2]>::try_from(devices(2)).ok().unwrap();
    a.create(json!({"name": "from a"}));
    a.sync(&net).unwrap();
    b.create(json!({"name": "from b"}));
    b.sync(&net).unwrap();
    a.sync(&net).unwrap();
    // The admin deletes the database and creates it again; c writes first.
    *net.db() = CouchModel::new();
    let c = Device::new("tab-c", 77, 1_700_000_000_000);
    c.create(json!({"name": "from c"}));
    c.sync(&net).unwrap();
    // b offers both records it holds, a pulls c's from the feed's start.
    b.sync(&net).unwrap();
    a.sync(&net).unwrap();
    c.sync(&net).unwrap();
    assert_eq!(net.db().doc_count(), 3);
    for device in [&a, &b, &c] {
        assert_eq!(device.snapshot().len(), 3);
    }
}

/// What every device did, to check the end state against: the value of each
/// field and the deleted flag of each record set by the latest stamp.
#[derive(Default)]
struct Oracle {
    fields: BTreeMap<(String, String), (Stamp, Value)>,
    deleted: BTreeMap<String, (Stamp, bool)>,
}

impl Oracle {
    fn saw(&mut self, id: &str, field: &str, value: Value, stamp: Stamp) {
        let entry = self.fields.entry((id.into(), field.into())).or_insert((Stamp::default(), Value::Null));
        if stamp > entry.0 {
            *entry = (stamp, value);
        }
    }

    fn saw_deleted(&mut self, id: &str, deleted: bool, stamp: Stamp) {
        let entry = self.deleted.entry(id.into()).or_insert((Stamp::default(), false));
        if stamp > entry.0 {
            *entry = (stamp, deleted);
        }
    }
}

/// Random edits on three devices with syncs in between over a network that
/// fails `percent` of calls, then a healed network: every device ends with
/// the same records, and every field holds the value of its latest edit.
/// With `foreign`, another client also writes a `note` on the server's
/// copy of a record, on a branch beside the devices' or after it: its last
/// note is kept, or listed for review.
fn run_chaos(seed: u64, percent: u64, foreign: bool) {
    let net = Net::new(seed, percent);
    let devs = devices(3);
    let mut rng = SplitMix64(seed);
    let mut oracle = Oracle::default();
    let mut notes: BTreeMap<String, String> = BTreeMap::new();
    let mut clashes = Vec::new();
    let mut known: Vec<Vec<String>> = vec![Vec::new(); devs.len()];
    const FIELDS: [&str; 3] = ["name", "city", "phone"];
    for step in 0..120 {
        let d = (rng.next_u64() % devs.len() as u64) as usize;
        let dev = &devs[d];
        match rng.next_u64() % 10 {
            0 | 1 => {
                let (record, stamp) = dev.create(json!({"name": format!("c{step}"), "city": "Tehran"}));
                for (f, v) in &record.fields {
                    oracle.saw(&record.id, f, v.clone(), stamp.clone());
                }
                known[d].push(record.id);
            }
            2..=5 if !known[d].is_empty() => {
                let id = known[d][(rng.next_u64() % known[d].len() as u64) as usize].clone();
                let field = FIELDS[(rng.next_u64() % 3) as usize];
                let value = json!(format!("{field}-{step}-d{d}"));
                if let Some(stamp) = dev.set(&id, field, value.clone()) {
                    oracle.saw(&id, field, value, stamp);
                }
            }
            6 if !known[d].is_empty() => {
                let id = known[d][(rng.next_u64() % known[d].len() as u64) as usize].clone();
                let deleted = rng.next_u64().is_multiple_of(2);
                if let Some(stamp) = dev.set_deleted(&id, deleted) {
                    oracle.saw_deleted(&id, deleted, stamp);
                }
            }
            7 if foreign && !known[d].is_empty() => {
                let id = known[d][(rng.next_u64() % known[d].len() as u64) as usize].clone();
                let note = format!("note-{step}");
                if foreign_note(&net, &format!("customer:{id}"), &note, step, rng.next_u64().is_multiple_of(2)) {
                    notes.insert(id, note);
                }
            }
            _ => {
                // Errors are expected on a faulty network: the next run resumes.
                clashes.extend(dev.sync_keeping(&net).1.clashes);
                known[d] = dev.snapshot().into_keys().collect();
            }
        }
    }
    net.heal();
    for _ in 0..2 {
        for dev in &devs {
            clashes.extend(dev.sync(&net).unwrap_or_else(|e| panic!("seed {seed}: healed sync failed: {e}")).clashes);
        }
    }
    let first = devs[0].snapshot();
    for (i, dev) in devs.iter().enumerate() {
        assert_eq!(dev.waiting(), 0, "seed {seed}: device {i} still has changes waiting");
        assert_eq!(dev.snapshot(), first, "seed {seed}: device {i} differs from device 0");
    }
    for ((id, field), (_, value)) in &oracle.fields {
        let (fields, _) = first.get(id).unwrap_or_else(|| panic!("seed {seed}: record {id} lost"));
        assert_eq!(fields.get(field).unwrap_or(&Value::Null), value, "seed {seed}: {id}.{field} is not its latest edit");
    }
    for (id, (_, deleted)) in &oracle.deleted {
        assert_eq!(first[id].1, *deleted, "seed {seed}: {id}'s deletion is not its latest");
    }
    for (id, note) in &notes {
        let kept = first[id].0.get("note") == Some(&json!(note));
        let listed = clashes.iter().any(|c| &c.id == id && c.clash.field == "note" && c.clash.set_aside == json!(note));
        assert!(kept || listed, "seed {seed}: {id}'s last note {note} neither kept nor listed");
    }
    // The server holds one live revision per record, equal to the devices'.
    let db = net.db();
    for (id, (fields, deleted)) in &first {
        let doc_id = format!("customer:{id}");
        assert!(db.get(&doc_id, true).is_none_or(|d| d.get("_conflicts").is_none()), "seed {seed}: {doc_id} left in conflict");
        let (_, body, server_deleted) = db.winner(&doc_id).unwrap();
        assert_eq!(server_deleted, *deleted, "seed {seed}: {doc_id}");
        for (f, v) in fields {
            assert_eq!(&body[f], v, "seed {seed}: server's {doc_id}.{f}");
        }
    }
}

/// Another client writes `note` on its copy of the record's winning
/// revision (a child of it) or of that revision's parent (a branch beside
/// it, a server conflict), copying Daftar's bookkeeping along; false when
/// the record is deleted there.
fn foreign_note(net: &Net, doc_id: &str, note: &str, step: usize, beside: bool) -> bool {
    let leaves = net.db().open_revs(doc_id);
    let Some(winner) = net.db().winner(doc_id).filter(|(_, _, deleted)| !deleted).map(|(rev, _, _)| rev) else { return false };
    let lineage = leaves.as_array().unwrap().iter().map(|l| super::leaves::lineage(&l["ok"])).find(|l| l[0] == winner).unwrap();
    let fork = if beside { lineage.get(1).unwrap_or(&winner) } else { &winner };
    let Some(mut doc) = net.db().get_rev(doc_id, fork).filter(|d| d.get("_deleted").is_none()) else { return false };
    let n: u64 = fork.split_once('-').unwrap().0.parse().unwrap();
    let hashes: Vec<String> = [format!("f{step}")].into_iter().chain(lineage.iter().skip_while(|r| *r != fork).map(|r| r.split_once('-').unwrap().1.to_string())).collect();
    doc["note"] = json!(note);
    doc["_rev"] = json!(format!("{}-f{step}", n + 1));
    doc["_revisions"] = json!({"start": n + 1, "ids": hashes});
    net.db().bulk_docs(&json!({"new_edits": false, "docs": [doc]}));
    true
}

#[test]
fn devices_converge_without_loss_on_a_perfect_network() {
    for seed in 0..20 {
        run_chaos(seed, 0, false);
    }
}

#[test]
fn devices_converge_without_loss_through_lost_duplicated_and_short_answers() {
    for seed in 100..160 {
        run_chaos(seed, 25, false);
    }
}

#[test]
fn devices_converge_when_most_requests_fail() {
    for seed in 500..520 {
        run_chaos(seed, 70, false);
    }
}

#[test]
fn another_clients_branches_beside_three_devices_lose_nothing() {
    for seed in 700..740 {
        run_chaos(seed, 0, true);
    }
}

#[test]
fn another_clients_branches_lose_nothing_through_a_faulty_network() {
    for seed in 800..840 {
        run_chaos(seed, 25, true);
    }
}
