//! What a run meets besides edits: a save made while a push is out, a page
//! listing a document twice, and a server that lost a document, is another
//! server, or was made anew under the same address.

use super::*;

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
