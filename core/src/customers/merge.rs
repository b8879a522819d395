//! Merging two records of the same customer: one is kept, the other's
//! activities, contacts, tasks (everything linking to it) move over, its
//! details fill the kept one's gaps, and it becomes a tombstone saying where
//! it went. One batch, so it is in the change log and all-or-nothing; undone
//! by putting every touched record back as it was (new revisions, not erased
//! history).

use super::model::KIND;
use crate::env::Env;
use crate::store::{relink, Batch, Fields, Record, Write};
use serde_json::Value;

/// The field a merged-away customer keeps, naming the customer it went into.
pub const MERGED_INTO: &str = "merged_into";

/// `linked` are the records linking to `gone` (from `RecordStore::linked`).
pub fn merge(keep: &Record, gone: &Record, linked: &[Record], env: &dyn Env) -> Batch {
    let mut writes = Vec::new();
    if let Some(w) = Write::update(keep, combined(&keep.fields, &gone.fields), env) {
        writes.push(w);
    }
    for record in linked.iter().filter(|r| r.key() != keep.key()) {
        let mut fields = record.fields.clone();
        if relink(&mut fields, KIND, &gone.id, &keep.id) {
            writes.extend(Write::update(record, fields, env));
        }
    }
    let mut marked = gone.fields.clone();
    marked.insert(MERGED_INTO.into(), Value::String(keep.id.clone()));
    let gone_now = match Write::update(gone, marked, env) {
        Some(w) => {
            let record = w.record.clone();
            writes.push(w);
            record
        }
        None => gone.clone(),
    };
    writes.push(Write::delete(&gone_now, env));
    Batch { writes }
}

/// Puts every record of `before` back as it was, given their `current`
/// states (records missing from `current` are left alone).
pub fn undo(before: &[Record], current: &[Record], env: &dyn Env) -> Batch {
    let writes = before
        .iter()
        .filter_map(|old| {
            let now = current.iter().find(|c| c.key() == old.key())?;
            Write::revert(now, old, env)
        })
        .collect();
    Batch { writes }
}

/// The kept customer's fields with the gaps filled from the other: lists
/// (phones, tags) are joined without repeats, notes are both kept, and
/// where both have a value the kept one wins.
fn combined(keep: &Fields, gone: &Fields) -> Fields {
    let mut out = keep.clone();
    for (name, theirs) in gone {
        if name == MERGED_INTO {
            continue;
        }
        match (out.get_mut(name), theirs) {
            (None, _) => {
                out.insert(name.clone(), theirs.clone());
            }
            (Some(Value::Array(ours)), Value::Array(theirs)) => {
                for v in theirs {
                    if !ours.contains(v) {
                        ours.push(v.clone());
                    }
                }
            }
            (Some(Value::String(ours)), Value::String(theirs)) if name == "notes" && ours != theirs => {
                ours.push_str("\n\n");
                ours.push_str(theirs);
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::store::{MemoryStore, RecordStore};
    use serde_json::json;

    fn fields(v: Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn merge_moves_everything_and_undo_puts_it_back() {
        pollster::block_on(async {
            let env = SeededEnv::new(11, 1_000);
            let s = MemoryStore::new();
            let keep = Write::create(KIND, fields(json!({"name": "Acme", "phones": ["0912"], "notes": "a"})), &env);
            let gone = Write::create(KIND, fields(json!({"name": "ACME Co", "phones": ["0912", "021"], "email": "x@acme.ir", "notes": "b", "tags": ["vip"]})), &env);
            let (k, g) = (keep.record.id.clone(), gone.record.id.clone());
            let call = Write::create("activity", fields(json!({"subject": "call", "customer_id": g})), &env);
            let task = Write::create("task", fields(json!({"title": "t", "customer_id": g})), &env);
            let both = Write::create("contact", fields(json!({"name": "Sara", "customer_ids": [k, g]})), &env);
            let only_gone = Write::create("contact", fields(json!({"name": "Reza", "customer_ids": [g]})), &env);
            let mine = Write::create("activity", fields(json!({"subject": "mine", "customer_id": k})), &env);
            s.apply(&Batch { writes: vec![keep, gone, call, task, both, only_gone, mine] }).await.unwrap();

            let keep = s.get(KIND, &k).await.unwrap().unwrap();
            let gone = s.get(KIND, &g).await.unwrap().unwrap();
            let linked = s.linked(&gone.key()).await.unwrap();
            let mut before = linked.clone();
            before.extend([keep.clone(), gone.clone()]);
            s.apply(&merge(&keep, &gone, &linked, &env)).await.unwrap();

            let kept = s.get(KIND, &k).await.unwrap().unwrap();
            assert_eq!(kept.fields["phones"], json!(["0912", "021"]));
            assert_eq!(kept.fields["email"], json!("x@acme.ir"));
            assert_eq!(kept.fields["name"], json!("Acme"));
            assert_eq!(kept.fields["notes"], json!("a\n\nb"));
            assert_eq!(kept.fields["tags"], json!(["vip"]));
            let gone_now = s.get(KIND, &g).await.unwrap().unwrap();
            assert!(gone_now.deleted);
            assert_eq!(gone_now.fields[MERGED_INTO], json!(k));
            assert!(s.linked(&gone.key()).await.unwrap().is_empty(), "nothing points at the merged-away customer");
            let on_kept = s.linked(&kept.key()).await.unwrap();
            assert_eq!(on_kept.len(), 5, "two activities, a task, two contacts");
            let sara = on_kept.iter().find(|r| r.fields.get("name") == Some(&json!("Sara"))).unwrap();
            assert_eq!(sara.fields["customer_ids"], json!([k]));
            let history = s.history(&gone.key()).await.unwrap();
            assert_eq!(history.last().unwrap().op, crate::store::Op::Delete);

            let mut current = Vec::new();
            for r in &before {
                current.extend(s.get(&r.kind, &r.id).await.unwrap());
            }
            s.apply(&undo(&before, &current, &env)).await.unwrap();
            for r in &before {
                let now = s.get(&r.kind, &r.id).await.unwrap().unwrap();
                assert_eq!((&now.fields, now.deleted), (&r.fields, r.deleted), "{} back as it was", r.key());
                assert!(now.rev > r.rev, "undo adds revisions");
            }
            assert_eq!(s.linked(&gone.key()).await.unwrap().len(), 4);
        });
    }
}
