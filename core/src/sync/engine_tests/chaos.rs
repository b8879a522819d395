//! Many seeds of random edits on three devices, with another client writing
//! beside them, through a network that fails: every device ends with every
//! field's latest value, or the clash listed.

use super::*;

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
    let lineage = leaves.as_array().unwrap().iter().map(|l| crate::sync::leaves::lineage(&l["ok"])).find(|l| l[0] == winner).unwrap();
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
