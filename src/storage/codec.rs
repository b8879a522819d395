//! How records and log entries are held in IndexedDB values, and how the
//! browser's errors become core's `StoreError`.

use daftar_core::store::{Batch, Change, StoreError};
use indexed_db_futures::error::{DomException, Error};
use wasm_bindgen::JsValue;

pub const RECORDS: &str = "records";
pub const CHANGES: &str = "changes";
pub const OUTBOX: &str = "outbox";
pub const META: &str = "meta";

pub fn decode_json<T: serde::de::DeserializeOwned>(v: &JsValue) -> Result<T, StoreError> {
    let s = v.as_string().ok_or_else(|| StoreError::Corrupt("stored value is not a string".into()))?;
    serde_json::from_str(&s).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// `{seq, key, json}`: `seq` is the store's key path, `key` feeds the history index.
pub fn change_value(c: &Change) -> Result<JsValue, StoreError> {
    let json = serde_json::to_string(c).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let obj = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&obj, &JsValue::from_str(k), &v).map(|_| ());
    set("seq", JsValue::from_f64(c.seq as f64))
        .and_then(|_| set("key", JsValue::from_str(&c.key)))
        .and_then(|_| set("json", JsValue::from_str(&json)))
        .map_err(|e| StoreError::Backend(format!("{e:?}")))?;
    Ok(obj.into())
}

pub fn decode_change(v: &JsValue) -> Result<Change, StoreError> {
    let json = js_sys::Reflect::get(v, &JsValue::from_str("json"))
        .map_err(|e| StoreError::Corrupt(format!("{e:?}")))?;
    decode_json(&json)
}

pub fn idb_error(e: Error) -> StoreError {
    match &e {
        Error::DomException(d) if d.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        Error::DomException(d) => StoreError::Backend(format!("{}: {}", d.name(), d.message())),
        other => StoreError::Backend(format!("{other:?}")),
    }
}

/// A failed commit: a `ConstraintError` means an `add` met an existing key,
/// i.e. the batch created a record that is already there.
pub fn commit_error(e: Error, batch: &Batch) -> StoreError {
    match &e {
        Error::DomException(DomException::ConstraintError(_)) => {
            let key = batch.writes.iter().find(|w| w.expected_rev.is_none()).map(|w| w.record.key()).unwrap_or_default();
            StoreError::Conflict { key, expected: None, found: None }
        }
        _ => idb_error(e),
    }
}
