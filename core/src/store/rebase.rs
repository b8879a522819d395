//! A save made on a record read before someone else saved it (another tab,
//! a sync): its own changes carried onto the record as it is now, field by
//! field, as sync merges two devices' edits, instead of refusing the save
//! and losing what was typed.

use super::{FieldChange, Op, Record, Write};
use crate::env::Env;
use serde_json::Value;

/// A field both saves changed to different values: this save's value is
/// kept (the user has just typed it), the other set aside for review.
#[derive(Clone, Debug, PartialEq)]
pub struct Overwritten {
    pub field: String,
    pub kept: Value,
    pub set_aside: Value,
}

/// `write`, an edit made on an older revision, redone on `current`: every
/// field it changed takes its value, every other keeps `current`'s. None
/// when it cannot be redone field by field — not an edit (a create, a
/// delete or its undo), or the record deleted meanwhile: those stay refused.
/// The write inside is None when `current` already holds every change.
pub fn rebase(write: &Write, current: &Record, env: &dyn Env) -> Option<(Option<Write>, Vec<Overwritten>)> {
    if write.change.op != Op::Update || current.deleted || write.record.deleted {
        return None;
    }
    let mut fields = current.fields.clone();
    let mut overwritten = Vec::new();
    for FieldChange { field, before, after } in &write.change.fields {
        let now = current.fields.get(field).unwrap_or(&Value::Null);
        if now != before && now != after {
            overwritten.push(Overwritten { field: field.clone(), kept: after.clone(), set_aside: now.clone() });
        }
        match after {
            Value::Null => fields.remove(field),
            value => fields.insert(field.clone(), value.clone()),
        };
    }
    Some((Write::update(current, fields, env), overwritten))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::store::{MemoryStore, RecordStore, Batch, StoreError};
    use pollster::block_on;
    use serde_json::json;

    fn fields(v: Value) -> crate::store::Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn a_stale_edit_keeps_the_other_save_and_lists_the_field_both_changed() {
        let env = SeededEnv::new(3, 1_700_000_000_000);
        let store = MemoryStore::new();
        let created = Write::create("customer", fields(json!({"name": "Pars", "city": "Tehran", "phone": "021"})), &env);
        block_on(store.apply(&Batch::one(created.clone()))).unwrap();
        let read = created.record;
        // Another tab moves it to Shiraz and renames it; this form, opened before, renames it and drops the phone.
        let other = Write::update(&read, fields(json!({"name": "Pars Co", "city": "Shiraz", "phone": "021"})), &env).unwrap();
        block_on(store.apply(&Batch::one(other))).unwrap();
        let stale = Write::update(&read, fields(json!({"name": "Pars Group", "city": "Tehran"})), &env).unwrap();
        assert!(matches!(block_on(store.apply(&Batch::one(stale.clone()))), Err(StoreError::Conflict { .. })), "refused as it stands");
        let current = block_on(store.get("customer", &read.id)).unwrap().unwrap();
        let (write, overwritten) = rebase(&stale, &current, &env).unwrap();
        block_on(store.apply(&Batch::one(write.unwrap()))).unwrap();
        let saved = block_on(store.get("customer", &read.id)).unwrap().unwrap();
        assert_eq!(Value::Object(saved.fields), json!({"name": "Pars Group", "city": "Shiraz"}));
        assert_eq!(overwritten, vec![Overwritten { field: "name".into(), kept: json!("Pars Group"), set_aside: json!("Pars Co") }]);
    }

    #[test]
    fn the_same_change_twice_is_no_write_and_no_clash_and_deletes_stay_refused() {
        let env = SeededEnv::new(4, 1_700_000_000_000);
        let read = Write::create("customer", fields(json!({"name": "Pars"})), &env).record;
        let renamed = Write::update(&read, fields(json!({"name": "Pars Co"})), &env).unwrap();
        let (write, overwritten) = rebase(&renamed, &renamed.record, &env).unwrap();
        assert!(write.is_none() && overwritten.is_empty());
        let deleted = Write::delete(&read, &env);
        assert!(rebase(&renamed, &deleted.record, &env).is_none(), "deleted meanwhile");
        assert!(rebase(&Write::delete(&read, &env), &renamed.record, &env).is_none(), "a delete is not redone");
    }
}
