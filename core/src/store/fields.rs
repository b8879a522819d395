//! Typed values to and from a record's field map, shared by every kind's
//! commands: empty values are left out, and fields this version does not
//! know (written by a newer version, an import or sync) survive an edit.

use super::{Batch, Fields, Record, Write};
use crate::env::Env;
use serde::Serialize;
use serde_json::Value;

/// The value as stored: empty strings, lists and nulls are left out (they
/// decode back to their defaults), which keeps records and the log small.
pub fn to_fields<T: Serialize>(value: &T) -> Fields {
    match serde_json::to_value(value) {
        Ok(Value::Object(mut map)) => {
            map.retain(|_, v| !is_empty(v));
            map
        }
        // Every record type is a struct, which always serialises to an object.
        other => unreachable!("record serialised to {other:?}"),
    }
}

/// A new record of `kind` holding `value`.
pub fn create<T: Serialize>(kind: &str, value: &T, env: &dyn Env) -> Batch {
    Batch::one(Write::create(kind, to_fields(value), env))
}

/// The record with `value`'s fields; fields `T` does not have are kept as
/// they are. None when nothing would change.
pub fn update<T: Serialize + Default>(prev: &Record, value: &T, env: &dyn Env) -> Option<Batch> {
    let known = serde_json::to_value(T::default()).ok();
    let known = known.as_ref().and_then(Value::as_object);
    let mut fields = prev.fields.clone();
    fields.retain(|name, _| !known.is_some_and(|k| k.contains_key(name)));
    fields.extend(to_fields(value));
    Write::update(prev, fields, env).map(Batch::one)
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}
