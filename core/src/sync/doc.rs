//! A record as a CouchDB document, and back. The document id is the record's
//! key, `<kind>:<id>`; the record's fields are the document's top-level
//! fields, so other CouchDB clients (a script, a form, curl) read and write
//! the same shape; Daftar's bookkeeping — kind, id, times and the stamp of
//! every field — sits under one `daftar` field. A document without it (written
//! by another client) still reads: its fields carry no stamps, and the sync
//! engine stamps what changed when it arrives. A delete is CouchDB's
//! `_deleted` with the fields kept, so an undo can bring them back.
//!
//! Photos (claim photos) travel as ordinary fields holding base64: a stored
//! photo is downscaled to about 150 KB, well under CouchDB's document limit.

use super::hlc::Stamp;
use super::merge::Versioned;
use crate::store::{Fields, Record};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The field holding Daftar's bookkeeping in every document it writes.
pub const META: &str = "daftar";

/// Why a document is not one of Daftar's records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocError {
    /// Not an object, or no `_id`.
    Malformed,
    /// A design document or an id without `<kind>:`: another application's
    /// document in the same database, skipped rather than refused.
    NotARecord(String),
}

/// The document of `record` at sync time: its fields, its stamps, and the
/// CouchDB revision it replaces (None for a document the server never had).
pub fn to_doc(record: &Record, synced: &Versioned, couch_rev: Option<&str>) -> Value {
    let mut doc = Map::new();
    doc.insert("_id".into(), Value::String(record.key()));
    if let Some(rev) = couch_rev {
        doc.insert("_rev".into(), Value::String(rev.to_string()));
    }
    if record.deleted {
        doc.insert("_deleted".into(), Value::Bool(true));
    }
    for (name, value) in &record.fields {
        doc.insert(name.clone(), value.clone());
    }
    let stamps: Map<String, Value> = synced
        .stamps
        .iter()
        .map(|(f, s)| (f.clone(), Value::String(s.encode())))
        .collect();
    doc.insert(
        META.into(),
        json!({
            "kind": record.kind,
            "id": record.id,
            "created_at": record.created_at,
            "updated_at": record.updated_at,
            "stamps": stamps,
            "deleted_stamp": synced.deleted_stamp.encode(),
        }),
    );
    Value::Object(doc)
}

/// A document read from the server: the record it holds (local revision 0:
/// the store assigns its own), its fields with their stamps, and the
/// document's CouchDB revision.
#[derive(Clone, Debug, PartialEq)]
pub struct Pulled {
    pub record: Record,
    pub versioned: Versioned,
    pub couch_rev: String,
}

/// Reads a document as a record. Fields whose names start with `_` are
/// CouchDB's own (`_rev`, `_conflicts`, `_attachments` …) and are not record
/// fields; stamps that do not parse read as unstamped.
pub fn from_doc(doc: &Value) -> Result<Pulled, DocError> {
    let obj = doc.as_object().ok_or(DocError::Malformed)?;
    let doc_id = obj
        .get("_id")
        .and_then(Value::as_str)
        .ok_or(DocError::Malformed)?;
    let (kind, id) = match doc_id.split_once(':') {
        Some((kind, id)) if !kind.is_empty() && !id.is_empty() && !kind.starts_with('_') => {
            (kind, id)
        }
        _ => return Err(DocError::NotARecord(doc_id.to_string())),
    };
    let meta = obj.get(META).and_then(Value::as_object);
    let number = |name: &str| {
        meta.and_then(|m| m.get(name))
            .and_then(Value::as_i64)
            .unwrap_or(0)
    };
    let stamp = |v: &Value| v.as_str().and_then(Stamp::decode);
    let stamps: BTreeMap<String, Stamp> = meta
        .and_then(|m| m.get("stamps"))
        .and_then(Value::as_object)
        .map(|s| {
            s.iter()
                .filter_map(|(f, v)| Some((f.clone(), stamp(v)?)))
                .collect()
        })
        .unwrap_or_default();
    let deleted = obj
        .get("_deleted")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let fields: Fields = obj
        .iter()
        .filter(|(name, _)| !name.starts_with('_') && name.as_str() != META)
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    let record = Record {
        kind: kind.to_string(),
        id: id.to_string(),
        rev: 0,
        created_at: number("created_at"),
        updated_at: number("updated_at"),
        deleted,
        fields: fields.clone(),
    };
    let versioned = Versioned {
        fields,
        stamps,
        deleted,
        deleted_stamp: meta
            .and_then(|m| m.get("deleted_stamp"))
            .and_then(stamp)
            .unwrap_or_default(),
    };
    let couch_rev = obj
        .get("_rev")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Ok(Pulled {
        record,
        versioned,
        couch_rev,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(wall_ms: i64, device: &str) -> Stamp {
        Stamp {
            wall_ms,
            counter: 0,
            device: device.into(),
        }
    }

    fn customer() -> (Record, Versioned) {
        let mut fields = Fields::new();
        fields.insert("name".into(), json!("Pars Heating"));
        fields.insert("phones".into(), json!(["09121234567"]));
        let record = Record {
            kind: "customer".into(),
            id: "0b5e2f6e-8c1d-4d7e-9a3b-2c4d5e6f7a8b".into(),
            rev: 3,
            created_at: 10,
            updated_at: 20,
            deleted: false,
            fields: fields.clone(),
        };
        let stamps = [
            ("name".to_string(), stamp(5, "a")),
            ("phones".to_string(), stamp(6, "b")),
        ]
        .into_iter()
        .collect();
        (
            record,
            Versioned {
                fields,
                stamps,
                deleted: false,
                deleted_stamp: Stamp::default(),
            },
        )
    }

    #[test]
    fn a_record_survives_the_round_trip() {
        let (record, versioned) = customer();
        let doc = to_doc(&record, &versioned, Some("2-abc"));
        assert_eq!(
            doc["_id"],
            json!("customer:0b5e2f6e-8c1d-4d7e-9a3b-2c4d5e6f7a8b")
        );
        assert_eq!(doc["_rev"], json!("2-abc"));
        assert_eq!(doc["name"], json!("Pars Heating"));
        assert!(doc.get("_deleted").is_none());
        let pulled = from_doc(&doc).unwrap();
        assert_eq!(pulled.couch_rev, "2-abc");
        assert_eq!(pulled.versioned, versioned);
        assert_eq!(pulled.record, Record { rev: 0, ..record });
    }

    #[test]
    fn a_new_document_has_no_rev_and_a_delete_keeps_its_fields() {
        let (mut record, mut versioned) = customer();
        record.deleted = true;
        versioned.deleted = true;
        versioned.deleted_stamp = stamp(9, "a");
        let doc = to_doc(&record, &versioned, None);
        assert!(doc.get("_rev").is_none());
        assert_eq!(doc["_deleted"], json!(true));
        let pulled = from_doc(&doc).unwrap();
        assert!(pulled.record.deleted && pulled.versioned.deleted);
        assert_eq!(pulled.versioned.deleted_stamp, stamp(9, "a"));
        assert_eq!(pulled.record.fields["name"], json!("Pars Heating"));
    }

    #[test]
    fn a_document_written_by_another_client_reads_without_stamps() {
        let doc = json!({"_id": "customer:0b5e2f6e-8c1d-4d7e-9a3b-2c4d5e6f7a8b", "_rev": "1-x", "name": "Written with curl", "_conflicts": ["1-y"]});
        let pulled = from_doc(&doc).unwrap();
        assert_eq!(pulled.record.kind, "customer");
        assert_eq!(pulled.record.fields.len(), 1);
        assert_eq!(pulled.record.fields["name"], json!("Written with curl"));
        assert!(pulled.versioned.stamps.is_empty());
        assert_eq!((pulled.record.created_at, pulled.record.updated_at), (0, 0));
    }

    #[test]
    fn other_documents_are_told_apart() {
        assert_eq!(
            from_doc(&json!({"_id": "_design/inbox"})),
            Err(DocError::NotARecord("_design/inbox".into()))
        );
        assert_eq!(
            from_doc(&json!({"_id": "settings"})),
            Err(DocError::NotARecord("settings".into()))
        );
        assert_eq!(
            from_doc(&json!({"_id": ":x"})),
            Err(DocError::NotARecord(":x".into()))
        );
        assert_eq!(
            from_doc(&json!({"name": "no id"})),
            Err(DocError::Malformed)
        );
        assert_eq!(
            from_doc(&json!(["not", "an", "object"])),
            Err(DocError::Malformed)
        );
    }

    #[test]
    fn a_stamp_that_does_not_parse_reads_as_unstamped() {
        let doc = json!({"_id": "task:0b5e2f6e-8c1d-4d7e-9a3b-2c4d5e6f7a8b", "title": "Call", "daftar": {"stamps": {"title": "yesterday"}}});
        assert!(from_doc(&doc).unwrap().versioned.stamps.is_empty());
    }

    #[test]
    fn the_model_server_accepts_the_documents() {
        let (record, versioned) = customer();
        let mut db = super::super::couch_model::CouchModel::new();
        let result = db.bulk_docs(&json!({"docs": [to_doc(&record, &versioned, None)]}));
        assert_eq!(result[0]["ok"], json!(true), "{result}");
        let stored = db.get(&record.key(), false).unwrap();
        assert_eq!(from_doc(&stored).unwrap().versioned, versioned);
    }
}
