//! Commands: validate what the user typed and describe the change as a batch.
//! The store applies the batch; nothing here touches storage.

use super::validate::{validate, CustomerInput};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use super::model::{ValueSegment, KIND};
use crate::store::{Batch, Record, Write};

/// Creates a customer or saves its form over `existing`. An edit that
/// changes nothing yields no batch; fields this version does not know
/// (written by a newer version, or by an import) are kept as they are.
pub fn save(existing: Option<&Record>, input: &CustomerInput, env: &dyn Env) -> Result<Saved, SaveError> {
    Ok(save::save(existing, &validate(input)?, env)?)
}

/// Writes each customer's value class (A/B/C) as `class_of` gives it,
/// touching only that field and only where it changes; customers it gives
/// none are left alone. One batch, so a reload never shows half of them.
pub fn set_value_segments(customers: &[Record], class_of: impl Fn(&str) -> Option<ValueSegment>, env: &dyn Env) -> Batch {
    let writes = customers
        .iter()
        .filter(|r| r.kind == KIND && !r.deleted)
        .filter_map(|record| {
            let class = class_of(&record.id)?;
            let mut fields = record.fields.clone();
            fields.insert(VALUE_SEGMENT.into(), serde_json::to_value(class).ok()?);
            Write::update(record, fields, env)
        })
        .collect();
    Batch { writes }
}

/// The stored name of `Customer::value_segment`.
const VALUE_SEGMENT: &str = "value_segment";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::Customer;
    use crate::env::SeededEnv;
    use crate::store::{MemoryStore, RecordStore};

    #[test]
    fn create_edit_delete_restore_through_a_store() {
        pollster::block_on(async {
            let env = SeededEnv::new(3, 0);
            let store = MemoryStore::new();
            let input = CustomerInput { name: "Acme".into(), phones: "09121234567".into(), ..Default::default() };
            let saved = save(None, &input, &env).unwrap();
            let id = saved.id.clone();
            store.apply(&saved.batch.unwrap()).await.unwrap();

            let rec = store.get(KIND, &id).await.unwrap().unwrap();
            let c: Customer = rec.decode().unwrap();
            assert_eq!(c.phones, vec!["09121234567"]);

            assert!(save(Some(&rec), &input, &env).unwrap().batch.is_none(), "no-op edit yields no batch");
            let edited = CustomerInput { city: "Shiraz".into(), ..input.clone() };
            store.apply(&save(Some(&rec), &edited, &env).unwrap().batch.unwrap()).await.unwrap();

            let rec = store.get(KIND, &id).await.unwrap().unwrap();
            store.apply(&Batch::one(Write::delete(&rec, &env))).await.unwrap();
            let rec = store.get(KIND, &id).await.unwrap().unwrap();
            assert!(rec.deleted);
            store.apply(&Batch::one(Write::restore(&rec, &env))).await.unwrap();
            let hist = store.history(&rec.key()).await.unwrap();
            assert_eq!(hist.len(), 4);
        });
    }

    #[test]
    fn value_classes_change_that_field_only_where_it_differs() {
        let env = SeededEnv::new(3, 0);
        let make = |name: &str| {
            let mut record = save(None, &CustomerInput { name: name.into(), ..Default::default() }, &env).unwrap().batch.unwrap().writes.remove(0).record;
            // A field this version does not know survives.
            record.fields.insert("from_newer".into(), serde_json::json!(1));
            record
        };
        let (a, mut b, c) = (make("A Co"), make("B Co"), make("C Co"));
        b.fields.insert(VALUE_SEGMENT.into(), serde_json::json!("b"));
        let classes = [(a.id.clone(), ValueSegment::A), (b.id.clone(), ValueSegment::B)];
        let batch = set_value_segments(&[a.clone(), b, c], |id| classes.iter().find(|(c, _)| c == id).map(|(_, s)| *s), &env);
        // b already is B and c has no class given: only a is written.
        assert_eq!(batch.writes.len(), 1);
        let written = &batch.writes[0];
        assert_eq!(written.record.id, a.id);
        assert_eq!(written.record.decode::<Customer>().unwrap().value_segment, Some(ValueSegment::A));
        assert_eq!(written.record.fields["from_newer"], serde_json::json!(1));
        assert_eq!(written.change.fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec![VALUE_SEGMENT]);
    }

    #[test]
    fn empty_fields_are_not_stored_and_clearing_one_is_logged() {
        let env = SeededEnv::new(3, 0);
        let input = CustomerInput { name: "Acme".into(), notes: "call back".into(), ..Default::default() };
        let rec = save(None, &input, &env).unwrap().batch.unwrap().writes.remove(0).record;
        assert!(!rec.fields.contains_key("email") && !rec.fields.contains_key("phones"));
        assert_eq!(rec.decode::<Customer>().unwrap().notes, "call back");
        let cleared = save(Some(&rec), &CustomerInput { notes: String::new(), ..input }, &env).unwrap().batch.unwrap();
        let change = &cleared.writes[0].change;
        assert_eq!(change.fields.len(), 1);
        assert_eq!(change.fields[0].field, "notes");
        assert_eq!(change.fields[0].after, serde_json::Value::Null);
        assert_eq!(cleared.writes[0].record.decode::<Customer>().unwrap().notes, "");
    }

    #[test]
    fn edit_keeps_fields_this_version_does_not_know() {
        let env = SeededEnv::new(3, 0);
        let input = CustomerInput { name: "Acme".into(), ..Default::default() };
        let mut rec = save(None, &input, &env).unwrap().batch.unwrap().writes.remove(0).record;
        rec.fields.insert("shoe_size".into(), serde_json::json!(42));
        let edited = save(Some(&rec), &CustomerInput { city: "Yazd".into(), ..input }, &env).unwrap().batch.unwrap();
        let after = &edited.writes[0].record.fields;
        assert_eq!(after["shoe_size"], serde_json::json!(42));
        assert_eq!(after["city"], serde_json::json!("Yazd"));
        assert_eq!(edited.writes[0].change.fields.len(), 1);
    }

    #[test]
    fn invalid_input_yields_no_batch() {
        let env = SeededEnv::new(3, 0);
        assert!(matches!(save(None, &CustomerInput::default(), &env), Err(SaveError::Invalid(e)) if !e.is_empty()));
    }
}
