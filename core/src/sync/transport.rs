//! What the sync engine needs from a CouchDB-protocol server, and how a
//! request can fail. The app speaks it over `fetch`; host tests over the
//! in-memory model with injected faults.

use crate::store::StoreError;
use serde_json::Value;

/// The server's answer for one document of a `_bulk_docs` request.
#[derive(Clone, Debug, PartialEq)]
pub enum DocResult {
    Saved { id: String, rev: String },
    /// The `_rev` sent is not the document's current one: someone else wrote it.
    Conflict { id: String },
    /// Refused for another reason (a validation function, too large …), in
    /// the server's words.
    Refused { id: String, reason: String },
}

impl DocResult {
    pub fn id(&self) -> &str {
        match self {
            DocResult::Saved { id, .. } | DocResult::Conflict { id } | DocResult::Refused { id, .. } => id,
        }
    }
}

/// One page of the changes feed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangesPage {
    /// The documents changed, each as the server's winning revision
    /// (`_conflicts` listed when it has any; a deletion with `_deleted`).
    pub docs: Vec<Value>,
    /// The position to ask from next time.
    pub last_seq: String,
    /// Changes left after this page, when the server says.
    pub pending: Option<u64>,
}

/// Why a sync stopped. Nothing is lost by any of them: what was not stored
/// is asked for again next time.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncError {
    /// No answer: offline, the server down, or (in a browser) the request
    /// blocked because the server does not allow this site (CORS).
    Unreachable,
    /// The server wants a sign-in, or refused the one given.
    Unauthorized,
    /// Signed in, but not allowed into this database.
    Forbidden,
    /// No such database on the server.
    NoDatabase,
    /// The server answered with an error of its own, in its words.
    Server(String),
    /// This device's storage failed.
    Store(StoreError),
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        SyncError::Store(e)
    }
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SyncError::Unreachable => f.write_str("server unreachable"),
            SyncError::Unauthorized => f.write_str("sign-in needed or refused"),
            SyncError::Forbidden => f.write_str("not allowed into the database"),
            SyncError::NoDatabase => f.write_str("no such database"),
            SyncError::Server(m) => write!(f, "server error: {m}"),
            SyncError::Store(e) => write!(f, "storage: {e}"),
        }
    }
}

/// The requests the engine makes. Futures are not `Send`, like the store's.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// `POST /db/_bulk_docs` with new edits: one result per document, in order.
    async fn bulk_docs(&self, docs: &[Value]) -> Result<Vec<DocResult>, SyncError>;
    /// `GET /db/_changes?since=…&limit=…&include_docs=true&conflicts=true`.
    async fn changes(&self, since: &str, limit: usize) -> Result<ChangesPage, SyncError>;
    /// Every leaf revision of a document, deleted ones included, each with
    /// the revisions it grew from (`GET /db/{id}?open_revs=all&revs=true`);
    /// empty when the server never had it.
    async fn leaves(&self, id: &str) -> Result<Vec<Value>, SyncError>;
    /// One revision of a document (`GET /db/{id}?rev=…`); None when the
    /// server no longer holds its body (compacted) or never had it.
    async fn revision(&self, id: &str, rev: &str) -> Result<Option<Value>, SyncError>;
    /// The database's mark, `GET /db/_local/daftar` (None: not marked yet).
    async fn database_mark(&self) -> Result<Option<String>, SyncError>;
    /// Marks the database (`PUT /db/_local/daftar`); false when another
    /// device marked it first.
    async fn mark_database(&self, mark: &str) -> Result<bool, SyncError>;
}

/// The results of `_bulk_docs` (an array, one per document), or the error
/// body CouchDB sends for a request it refused whole.
pub fn read_bulk_results(answer: &Value) -> Result<Vec<DocResult>, SyncError> {
    let Some(rows) = answer.as_array() else { return Err(server_error(answer)) };
    Ok(rows
        .iter()
        .map(|row| {
            let text = |name: &str| row.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
            match (row.get("rev").and_then(Value::as_str), row.get("error").and_then(Value::as_str)) {
                (Some(rev), None) => DocResult::Saved { id: text("id"), rev: rev.to_string() },
                (_, Some("conflict")) => DocResult::Conflict { id: text("id") },
                (_, error) => DocResult::Refused { id: text("id"), reason: [error.unwrap_or_default().to_string(), text("reason")].join(": ") },
            }
        })
        .collect())
}

/// A changes page (`include_docs=true`). A row without its document (a
/// deletion some servers send bare) becomes the bare deletion.
pub fn read_changes(answer: &Value) -> Result<ChangesPage, SyncError> {
    let Some(rows) = answer.get("results").and_then(Value::as_array) else { return Err(server_error(answer)) };
    let docs = rows
        .iter()
        .filter_map(|row| match row.get("doc") {
            Some(doc) if doc.is_object() => Some(doc.clone()),
            _ => {
                let rev = row.get("changes")?.get(0)?.get("rev")?.clone();
                Some(serde_json::json!({"_id": row.get("id")?.clone(), "_rev": rev, "_deleted": true}))
            }
        })
        .collect();
    let last_seq = match answer.get("last_seq") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => return Err(server_error(answer)),
    };
    Ok(ChangesPage { docs, last_seq, pending: answer.get("pending").and_then(Value::as_u64) })
}

/// The leaves of `open_revs=all`: `[{"ok": doc}, {"missing": rev}]`.
pub fn read_open_revs(answer: &Value) -> Result<Vec<Value>, SyncError> {
    let Some(rows) = answer.as_array() else { return Err(server_error(answer)) };
    Ok(rows.iter().filter_map(|row| row.get("ok").cloned()).collect())
}

fn server_error(answer: &Value) -> SyncError {
    let text = |name: &str| answer.get(name).and_then(Value::as_str).unwrap_or_default();
    SyncError::Server(format!("{} {}", text("error"), text("reason")).trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bulk_results_are_read_per_document_whatever_their_order() {
        let answer = json!([
            {"id": "customer:b", "error": "forbidden", "reason": "only responses"},
            {"ok": true, "id": "customer:a", "rev": "2-x"},
            {"id": "customer:c", "error": "conflict", "reason": "Document update conflict."},
        ]);
        assert_eq!(
            read_bulk_results(&answer).unwrap(),
            vec![
                DocResult::Refused { id: "customer:b".into(), reason: "forbidden: only responses".into() },
                DocResult::Saved { id: "customer:a".into(), rev: "2-x".into() },
                DocResult::Conflict { id: "customer:c".into() },
            ]
        );
        // A request refused whole comes back as an object with CouchDB's words.
        assert_eq!(read_bulk_results(&json!({"error": "bad_request", "reason": "no docs"})), Err(SyncError::Server("bad_request no docs".into())));
    }

    #[test]
    fn changes_pages_take_numeric_or_opaque_seqs_and_bare_deletions() {
        // pouchdb-server: numbers, no `pending`; a deletion without its doc.
        let page = read_changes(&json!({
            "results": [
                {"seq": 7, "id": "customer:a", "changes": [{"rev": "1-a"}], "doc": {"_id": "customer:a", "_rev": "1-a", "name": "A"}},
                {"seq": 8, "id": "customer:b", "changes": [{"rev": "3-b"}], "deleted": true},
            ],
            "last_seq": 8
        }))
        .unwrap();
        assert_eq!(page.last_seq, "8");
        assert_eq!(page.pending, None);
        assert_eq!(page.docs[1], json!({"_id": "customer:b", "_rev": "3-b", "_deleted": true}));
        // CouchDB 3: opaque strings and `pending`.
        let page = read_changes(&json!({"results": [], "last_seq": "12-g1AAAA", "pending": 0})).unwrap();
        assert_eq!((page.last_seq.as_str(), page.pending), ("12-g1AAAA", Some(0)));
        assert!(matches!(read_changes(&json!({"error": "not_found", "reason": "missing"})), Err(SyncError::Server(_))));
    }

    #[test]
    fn open_revs_keep_the_leaves_found() {
        let answer = json!([{"ok": {"_id": "a", "_rev": "2-x"}}, {"missing": "9-z"}, {"ok": {"_id": "a", "_rev": "3-y", "_deleted": true}}]);
        let leaves = read_open_revs(&answer).unwrap();
        assert_eq!(leaves.iter().map(|d| d["_rev"].as_str().unwrap()).collect::<Vec<_>>(), ["2-x", "3-y"]);
    }
}
