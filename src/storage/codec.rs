//! How records and log entries are held in IndexedDB values, and how the
//! browser's errors become core's `StoreError`.
//!
//! The change log and the outbox are written in segments of up to
//! [`SEGMENT`] entries per value: IndexedDB's cost is per request far more
//! than per byte, so a 50,000-record import costs 50,000 record puts plus a
//! few hundred log and outbox puts instead of 150,000 requests.

use daftar_core::store::{Change, OutboxEntry, StoreError, Write};
use indexed_db_futures::error::{DomException, Error};
use wasm_bindgen::JsValue;

pub const RECORDS: &str = "records";
pub const LOG: &str = "log";
pub const OUTBOX: &str = "outbox";
pub const META: &str = "meta";
pub const SYNC: &str = "sync";
/// Index of log segments by the record keys they mention (multi-entry).
pub const LOG_BY_KEY: &str = "by_key";
/// Index of records by the records they link to (multi-entry, see `record_value`).
pub const RECORDS_BY_LINK: &str = "by_link";
/// `meta` key of the last change-log number handed out.
pub const SEQ_KEY: &str = "seq";
/// `meta` key of how far the server's changes feed has been stored.
pub const CHECKPOINT_KEY: &str = "sync:checkpoint";
pub const SEGMENT: usize = 500;

pub fn decode_json<T: serde::de::DeserializeOwned>(v: &JsValue) -> Result<T, StoreError> {
    let s = v.as_string().ok_or_else(|| StoreError::Corrupt("stored value is not a string".into()))?;
    serde_json::from_str(&s).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// A record as stored: its JSON text alone, or, when it links to other
/// records (core's `links_of`), `{links, json}` so the `by_link` index finds
/// it from the record it points at. Records without links stay plain
/// strings, the cheapest value IndexedDB clones.
pub fn record_value(json: js_sys::JsString, links: &[String]) -> Result<JsValue, StoreError> {
    if links.is_empty() {
        return Ok(json.into());
    }
    let obj = js_sys::Object::new();
    let list: js_sys::Array = links.iter().map(|l| JsValue::from_str(l)).collect();
    js_sys::Reflect::set(&obj, &JsValue::from_str("links"), &list)
        .and_then(|_| js_sys::Reflect::set(&obj, &JsValue::from_str("json"), &json))
        .map_err(|e| StoreError::Backend(format!("{e:?}")))?;
    Ok(obj.into())
}

/// The JSON text of a stored record, whichever form `record_value` chose.
pub fn record_json(v: &JsValue) -> JsValue {
    if v.is_string() {
        v.clone()
    } else {
        js_sys::Reflect::get(v, &JsValue::from_str("json")).unwrap_or(JsValue::UNDEFINED)
    }
}

pub fn decode_record<T: serde::de::DeserializeOwned>(v: &JsValue) -> Result<T, StoreError> {
    decode_json(&record_json(v))
}

pub fn to_json<T: serde::Serialize>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// A log segment: `{last, keys, json}` keyed by the sequence number of its
/// last change, with the record keys it mentions for the history index. The
/// changes are consecutive, so their numbers are `last - len + 1 ..= last`.
pub fn log_segment(last: u64, changes: &[&Change], keys: js_sys::Array) -> Result<JsValue, StoreError> {
    segment(last, &to_json(&changes)?, Some(keys))
}

/// Many strings handed to JavaScript in one crossing. Turning a Rust string
/// into a JavaScript one costs a fixed few microseconds on top of its length;
/// for 100,000 keys and records that was a third of an import. One long
/// string is decoded once and cut into pieces on the JavaScript side.
pub struct Packed {
    text: js_sys::JsString,
    /// UTF-16 offset where each piece ends (JavaScript strings count in UTF-16).
    ends: Vec<u32>,
}

#[derive(Default)]
pub struct PackedBuilder {
    buf: String,
    ends: Vec<u32>,
    units: u32,
}

impl PackedBuilder {
    pub fn push(&mut self, piece: &str) {
        self.buf.push_str(piece);
        self.units += piece.chars().map(|c| c.len_utf16() as u32).sum::<u32>();
        self.ends.push(self.units);
    }

    pub fn finish(self) -> Packed {
        Packed { text: JsValue::from_str(&self.buf).into(), ends: self.ends }
    }
}

impl Packed {
    pub fn get(&self, i: usize) -> js_sys::JsString {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.substring(start, self.ends[i])
    }
}

/// Many stored records' JSON brought into Rust in one crossing (see
/// [`Packed`]), joined by a newline: a JSON text never holds a raw one.
pub fn unpack_records(values: Vec<JsValue>) -> Result<String, StoreError> {
    let texts: js_sys::Array = values.iter().map(record_json).collect();
    texts.join("\n").as_string().ok_or_else(|| StoreError::Corrupt("stored values are not strings".into()))
}

/// The changes of a log segment, numbered.
pub fn decode_log_segment(v: &JsValue) -> Result<Vec<Change>, StoreError> {
    let last = segment_last(v)?;
    let mut changes: Vec<Change> = decode_segment(v)?;
    let first = (last + 1).saturating_sub(changes.len() as u64);
    for (i, c) in changes.iter_mut().enumerate() {
        c.seq = first + i as u64;
    }
    Ok(changes)
}

/// An outbox segment: `{last, json}` keyed by the last sequence number in it.
pub fn outbox_segment(entries: &[OutboxEntry]) -> Result<JsValue, StoreError> {
    outbox_segment_under(entries.last().map_or(0, |e| e.seq), entries)
}

/// An outbox segment kept under the key it had (trimmed, it may have lost
/// its last entry).
pub fn outbox_segment_under(last: u64, entries: &[OutboxEntry]) -> Result<JsValue, StoreError> {
    segment(last, &to_json(&entries)?, None)
}

/// The key an outbox or log segment is stored under.
pub fn segment_last(v: &JsValue) -> Result<u64, StoreError> {
    js_sys::Reflect::get(v, &JsValue::from_str("last"))
        .ok()
        .and_then(|l| l.as_f64())
        .map(|l| l as u64)
        .ok_or_else(|| StoreError::Corrupt("segment without its last sequence number".into()))
}

fn segment(last: u64, json: &str, keys: Option<js_sys::Array>) -> Result<JsValue, StoreError> {
    let obj = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&obj, &JsValue::from_str(k), v).map(|_| ());
    set("last", &JsValue::from_f64(last as f64))
        .and_then(|_| set("json", &JsValue::from_str(json)))
        .and_then(|_| keys.map_or(Ok(()), |k| set("keys", &k)))
        .map_err(|e| StoreError::Backend(format!("{e:?}")))?;
    Ok(obj.into())
}

/// The entries of a segment as stored.
pub fn decode_segment<T: serde::de::DeserializeOwned>(v: &JsValue) -> Result<Vec<T>, StoreError> {
    let json = js_sys::Reflect::get(v, &JsValue::from_str("json")).map_err(|e| StoreError::Corrupt(format!("{e:?}")))?;
    decode_json(&json)
}

pub fn idb_error(e: Error) -> StoreError {
    match &e {
        Error::DomException(d) if d.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        Error::DomException(d) => StoreError::Backend(format!("{}: {}", d.name(), d.message())),
        other => StoreError::Backend(format!("{other:?}")),
    }
}

/// A failed commit. The browser often reports only "aborted"; the cause is
/// then the transaction's own error (`cause`, its DOMException name): a
/// `ConstraintError` means an `add` met an existing key (the batch created a
/// record that is already there), a `QuotaExceededError` a full disk.
pub fn commit_error(e: Error, cause: Option<String>, writes: &[Write]) -> StoreError {
    let name = match &e {
        Error::DomException(DomException::ConstraintError(_)) => Some("ConstraintError".to_string()),
        // A request still pending when another failed reports only that the
        // transaction aborted; the transaction knows why.
        Error::DomException(d) if d.name() == "AbortError" && cause.is_some() => cause,
        Error::DomException(d) => Some(d.name().into_owned()),
        _ => cause,
    };
    match name.as_deref() {
        Some("ConstraintError") => {
            // IndexedDB does not say which key: name the batch's creates.
            let creates: Vec<String> = writes.iter().filter(|w| w.expected_rev.is_none()).map(|w| w.record.key()).collect();
            let key = match creates.as_slice() {
                [one] => one.clone(),
                many => format!("one of {} new records", many.len()),
            };
            StoreError::Conflict { key, expected: None, found: None }
        }
        Some("QuotaExceededError") => StoreError::QuotaExceeded,
        _ => idb_error(e),
    }
}
