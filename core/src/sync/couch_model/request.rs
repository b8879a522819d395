//! A `_bulk_docs` request read as CouchDB reads it: every doc checked before
//! anything is applied, its revision path taken from `_revisions` or `_rev`.

use super::error;
use serde_json::{Map, Value};

/// One doc of a `_bulk_docs` request, checked before anything is applied
/// because CouchDB refuses the whole request when one doc is malformed.
pub(super) struct Edit {
    pub(super) id: String,
    /// `(rev number, rev)` newest first: the doc's own `_rev`, or the ancestry
    /// a replicator sends in `_revisions`. Empty for a new doc.
    pub(super) path: Vec<(u64, String)>,
    pub(super) deleted: bool,
    pub(super) body: Map<String, Value>,
}

/// Checks one doc the way CouchDB parses a `_bulk_docs` body; `Err` is the
/// 400 body for the whole request.
pub(super) fn parse_edit(doc: &Value, new_edits: bool) -> Result<Edit, Value> {
    let Some(obj) = doc.as_object() else {
        return Err(error("bad_request", "Document must be a JSON object"));
    };
    // CouchDB would make up a uuid; Daftar always names its records, so a
    // missing id is a bug the model should surface.
    let id = match obj.get("_id") {
        Some(Value::String(id)) if !id.is_empty() => id.clone(),
        Some(Value::String(_)) | None => {
            return Err(error(
                "bad_request",
                "Document must have an _id (the model does not generate ids)",
            ))
        }
        Some(_) => return Err(error("illegal_docid", "Document id must be a string")),
    };
    if id.starts_with('_') && !id.starts_with("_design/") {
        return Err(error(
            "illegal_docid",
            "Only reserved document ids may start with underscore.",
        ));
    }
    let mut body = Map::new();
    let mut deleted = false;
    for (key, value) in obj {
        match (key.as_str(), value) {
            // Read below, or ignored on write as CouchDB does.
            (
                "_id" | "_rev" | "_revisions" | "_conflicts" | "_deleted_conflicts" | "_local_seq"
                | "_revs_info",
                _,
            ) => {}
            ("_deleted", Value::Bool(d)) => deleted = *d,
            (key, _) if key.starts_with('_') => {
                return Err(error(
                    "doc_validation",
                    &format!("Bad special document member: {key}"),
                ))
            }
            _ => {
                body.insert(key.clone(), value.clone());
            }
        }
    }
    let path = rev_path(obj)?;
    if !new_edits && path.is_empty() {
        return Err(error(
            "bad_request",
            "When `new_edits: false`, the document needs `_rev` or `_revisions` information",
        ));
    }
    Ok(Edit {
        id,
        path,
        deleted,
        body,
    })
}

/// The revs a doc carries, newest first: `_revisions` when present (a
/// replicator's way to send a rev with its ancestry), else `_rev`.
fn rev_path(obj: &Map<String, Value>) -> Result<Vec<(u64, String)>, Value> {
    let invalid = || error("bad_request", "Invalid rev format");
    if let Some(revisions) = obj.get("_revisions") {
        let start = revisions
            .get("start")
            .and_then(Value::as_u64)
            .ok_or_else(invalid)?;
        let ids = revisions
            .get("ids")
            .and_then(Value::as_array)
            .ok_or_else(invalid)?;
        if ids.is_empty() || ids.len() as u64 > start {
            return Err(invalid());
        }
        return ids
            .iter()
            .zip((1..=start).rev())
            .map(|(id, pos)| match id.as_str() {
                Some(id) if !id.is_empty() => Ok((pos, format!("{pos}-{id}"))),
                _ => Err(invalid()),
            })
            .collect();
    }
    match obj.get("_rev") {
        None => Ok(Vec::new()),
        Some(Value::String(rev)) => {
            let pos = rev_pos(rev).ok_or_else(invalid)?;
            Ok(vec![(pos, rev.clone())])
        }
        Some(_) => Err(invalid()),
    }
}

/// The number of `"{n}-{hash}"`, if the rev is well formed.
fn rev_pos(rev: &str) -> Option<u64> {
    let (pos, hash) = rev.split_once('-')?;
    pos.parse().ok().filter(|&pos| pos > 0 && !hash.is_empty())
}
