//! An in-memory model of one CouchDB 3 database as seen over HTTP, so the
//! sync engine can be tested on the host against many seeds and injected
//! network faults instead of a real server.
//!
//! Pure and deterministic: JSON in, JSON out in CouchDB's response shapes,
//! new revs are digests of the edit (as CouchDB's are), and faults come from a
//! seeded generator. Modeled: `_bulk_docs` (both `new_edits` modes), document
//! reads with `conflicts=true`, and `_changes` with
//! `include_docs=true&style=main_only&conflicts=true`. Compaction drops
//! the bodies of revisions that are not leaves. Not modeled: attachments,
//! revision stemming, validation functions.

use crate::env::SplitMix64;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

/// The tip of one branch of a document's revision tree.
#[derive(Clone, Debug, PartialEq)]
struct Leaf {
    pos: u64,
    rev: String,
    body: Map<String, Value>,
    deleted: bool,
    /// The revs it grew from, parent first, as far as the server knows them.
    history: Vec<String>,
}

impl Leaf {
    /// CouchDB's winner order, greatest wins: live beats deleted, then the
    /// higher rev number, then the greater rev string.
    fn rank(&self) -> (bool, u64, &str) {
        (!self.deleted, self.pos, &self.rev)
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Doc {
    /// Never empty; kept sorted best first, so `leaves[0]` is the winner.
    leaves: Vec<Leaf>,
    /// Every rev ever stored or named as an ancestor: replicating a known rev
    /// is a no-op, as in CouchDB's revision tree.
    known: BTreeSet<String>,
    /// The seq of the doc's latest write: `_changes` lists it only there.
    seq: u64,
    /// Revisions that are no longer leaves, readable by rev until compacted.
    replaced: BTreeMap<String, Leaf>,
}

impl Doc {
    fn winner(&self) -> &Leaf {
        &self.leaves[0]
    }

    /// The live losing leaves, best first, as CouchDB lists `_conflicts`.
    /// Deleted losers are left out: deleting a branch is how a conflict is
    /// resolved.
    fn conflicts(&self) -> Vec<&str> {
        let live = self.leaves.iter().filter(|l| !l.deleted);
        live.skip(1).map(|l| l.rev.as_str()).collect()
    }
}

/// One database of a CouchDB-protocol server, in memory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CouchModel {
    docs: BTreeMap<String, Doc>,
    /// The changes feed: each doc once, under the seq of its latest write.
    by_seq: BTreeMap<u64, String>,
    update_seq: u64,
    /// `_local/…` documents: never replicated, not in the changes feed.
    local: BTreeMap<String, Value>,
}

/// One doc of a `_bulk_docs` request, checked before anything is applied
/// because CouchDB refuses the whole request when one doc is malformed.
struct Edit {
    id: String,
    /// `(rev number, rev)` newest first: the doc's own `_rev`, or the ancestry
    /// a replicator sends in `_revisions`. Empty for a new doc.
    path: Vec<(u64, String)>,
    deleted: bool,
    body: Map<String, Value>,
}

impl CouchModel {
    pub fn new() -> Self {
        Self::default()
    }

    /// `POST /db/_bulk_docs`. With `new_edits` true (the default) each doc is
    /// an edit: no `_rev` creates (or revives a deleted doc), `_rev` must name
    /// a current leaf, `_deleted: true` deletes; the answer is one result per
    /// doc, `{"ok","id","rev"}` or a `conflict` error. With `new_edits: false`
    /// each doc is a revision made elsewhere, stored as is, and the answer is
    /// `[]` like CouchDB's. A malformed request gets CouchDB's 400 body (an
    /// object, not an array) and changes nothing.
    pub fn bulk_docs(&mut self, body: &Value) -> Value {
        let Some(docs) = body.get("docs").and_then(Value::as_array) else {
            return error("bad_request", "POST body must include `docs` parameter.");
        };
        let new_edits = body
            .get("new_edits")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let edits = match docs
            .iter()
            .map(|d| parse_edit(d, new_edits))
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(edits) => edits,
            Err(error) => return error,
        };
        if new_edits {
            Value::Array(edits.into_iter().map(|e| self.edit(e)).collect())
        } else {
            edits.into_iter().for_each(|e| self.replicate(e));
            json!([])
        }
    }

    /// One `new_edits: true` edit: it must extend a current leaf, or create
    /// the doc, or revive it on top of its deletion.
    fn edit(&mut self, edit: Edit) -> Value {
        let conflict =
            json!({"id": edit.id, "error": "conflict", "reason": "Document update conflict."});
        let doc = self.docs.get(&edit.id);
        let parent = match (doc, edit.path.first()) {
            (None, None) => None,
            (Some(doc), None) if doc.winner().deleted => Some(doc.winner()),
            (Some(doc), Some((_, rev))) => match doc.leaves.iter().find(|l| &l.rev == rev) {
                Some(leaf) => Some(leaf),
                None => return conflict,
            },
            _ => return conflict,
        };
        let pos = parent.map_or(1, |p| p.pos + 1);
        let ancestors: Vec<String> = parent.map(|p| [&[p.rev.clone()][..], &p.history].concat()).unwrap_or_default();
        let parent_rev = ancestors.first().map_or("", String::as_str);
        let rev = format!("{pos}-{}", digest(parent_rev, edit.deleted, &edit.body));
        // The rev is already in the tree, replicated in without its ancestry:
        // CouchDB would graft the branches together; the model refuses, which
        // is rarer than any test needs and never loses a leaf.
        if doc.is_some_and(|d| d.known.contains(&rev)) {
            return conflict;
        }
        let leaf = Leaf {
            pos,
            rev: rev.clone(),
            body: edit.body,
            deleted: edit.deleted,
            history: ancestors.clone(),
        };
        self.store(&edit.id, leaf, &ancestors);
        json!({"ok": true, "id": edit.id, "rev": rev})
    }

    /// One `new_edits: false` revision, never refused: a known rev changes
    /// nothing; otherwise it replaces the leaves it descends from (per its
    /// `_revisions`), or else stands beside them as a conflict.
    fn replicate(&mut self, edit: Edit) {
        let (pos, rev) = edit.path[0].clone();
        if self
            .docs
            .get(&edit.id)
            .is_some_and(|d| d.known.contains(&rev))
        {
            return;
        }
        let ancestors: Vec<String> = edit.path[1..].iter().map(|(_, r)| r.clone()).collect();
        let leaf = Leaf {
            pos,
            rev,
            body: edit.body,
            deleted: edit.deleted,
            history: ancestors.clone(),
        };
        self.store(&edit.id, leaf, &ancestors);
    }

    /// Adds `leaf` to doc `id` in place of any current leaf among its
    /// `ancestors`, and moves the doc to a new seq in the changes feed.
    fn store(&mut self, id: &str, leaf: Leaf, ancestors: &[String]) {
        self.update_seq += 1;
        let doc = self.docs.entry(id.to_owned()).or_insert_with(|| Doc {
            leaves: Vec::new(),
            known: BTreeSet::new(),
            seq: 0,
            replaced: BTreeMap::new(),
        });
        let (grown, kept): (Vec<Leaf>, Vec<Leaf>) = std::mem::take(&mut doc.leaves).into_iter().partition(|l| ancestors.contains(&l.rev));
        doc.leaves = kept;
        doc.replaced.extend(grown.into_iter().map(|l| (l.rev.clone(), l)));
        doc.known.extend(ancestors.iter().cloned());
        doc.known.insert(leaf.rev.clone());
        doc.leaves.push(leaf);
        doc.leaves.sort_by(|a, b| b.rank().cmp(&a.rank()));
        self.by_seq.remove(&doc.seq);
        doc.seq = self.update_seq;
        self.by_seq.insert(doc.seq, id.to_owned());
    }

    /// `GET /db/{id}` (`?conflicts=true` adds `_conflicts` when there are
    /// any). `None` is CouchDB's 404, for a missing doc and for one whose
    /// winner is a deletion alike.
    pub fn get(&self, id: &str, conflicts: bool) -> Option<Value> {
        let doc = self.docs.get(id)?;
        let winner = doc.winner();
        if winner.deleted {
            return None;
        }
        Some(render(
            id,
            winner,
            if conflicts {
                doc.conflicts()
            } else {
                Vec::new()
            },
        ))
    }

    /// `GET /db/{id}?rev={rev}`, for a leaf or a revision not compacted
    /// away yet; a deletion comes back with `_deleted: true` as in CouchDB.
    pub fn get_rev(&self, id: &str, rev: &str) -> Option<Value> {
        let doc = self.docs.get(id)?;
        let leaf = doc.leaves.iter().find(|l| l.rev == rev).or_else(|| doc.replaced.get(rev))?;
        Some(render(id, leaf, Vec::new()))
    }

    /// `POST /db/_compact`: only the leaves keep their bodies.
    pub fn compact(&mut self) {
        self.docs.values_mut().for_each(|d| d.replaced.clear());
    }

    /// `GET /db/_local/{id}`.
    pub fn get_local(&self, id: &str) -> Option<Value> {
        self.local.get(id).cloned()
    }

    /// `PUT /db/_local/{id}` without a `_rev`: false (CouchDB's conflict)
    /// when the document exists.
    pub fn put_local(&mut self, id: &str, body: Value) -> bool {
        if self.local.contains_key(id) {
            return false;
        }
        self.local.insert(id.to_owned(), body);
        true
    }

    /// `GET /db/{id}?open_revs=all&revs=true` with `Accept: application/json`:
    /// every leaf, deleted ones too, each as `{"ok": doc}` with its
    /// `_revisions`; `[]` for an unknown doc.
    pub fn open_revs(&self, id: &str) -> Value {
        let leaves = self.docs.get(id).map_or(&[][..], |d| &d.leaves[..]);
        Value::Array(
            leaves
                .iter()
                .map(|l| {
                    let mut doc = render(id, l, Vec::new());
                    let ids: Vec<&str> = [&l.rev].into_iter().chain(&l.history).map(|r| r.split_once('-').map_or(r.as_str(), |(_, hash)| hash)).collect();
                    doc["_revisions"] = json!({"start": l.pos, "ids": ids});
                    json!({"ok": doc})
                })
                .collect(),
        )
    }

    /// `GET /db/_changes?since={since}&limit={limit}&include_docs=true&style=main_only&conflicts=true`.
    /// Each doc appears once, at its latest seq, with its winning rev; seqs
    /// look like CouchDB 3's (`"{n}-g1AAAA"`) and `since` may be any of them,
    /// a bare number (`"0"` is the start) or `"now"`. `last_seq` is the last
    /// row's seq (or `since` when there are none) and `pending` counts the
    /// rows after it.
    pub fn changes(&self, since: &str, limit: usize) -> Value {
        let Some(since) = parse_since(since, self.update_seq) else {
            return error(
                "bad_request",
                "Malformed sequence supplied in 'since' parameter.",
            );
        };
        let after = |seq: u64| self.by_seq.range((Bound::Excluded(seq), Bound::Unbounded));
        let page: Vec<(&u64, &String)> = after(since).take(limit).collect();
        let last_seq = page.last().map_or(since, |(&seq, _)| seq);
        let results: Vec<Value> = page
            .into_iter()
            .map(|(&seq, id)| self.change_row(seq, id))
            .collect();
        json!({"results": results, "last_seq": seq_string(last_seq), "pending": after(last_seq).count()})
    }

    fn change_row(&self, seq: u64, id: &str) -> Value {
        let doc = &self.docs[id];
        let winner = doc.winner();
        let mut row = json!({
            "seq": seq_string(seq),
            "id": id,
            "changes": [{"rev": winner.rev}],
            "doc": render(id, winner, doc.conflicts()),
        });
        if winner.deleted {
            row["deleted"] = true.into();
        }
        row
    }

    /// The winning revision of doc `id`: its rev, its body (without `_`
    /// members) and whether it is a deletion.
    pub fn winner(&self, id: &str) -> Option<(String, Value, bool)> {
        let winner = self.docs.get(id)?.winner();
        Some((
            winner.rev.clone(),
            Value::Object(winner.body.clone()),
            winner.deleted,
        ))
    }

    /// Live docs (winner not deleted), as CouchDB's `doc_count`.
    pub fn doc_count(&self) -> usize {
        self.docs.values().filter(|d| !d.winner().deleted).count()
    }

    /// How many revisions have been stored: one per successful write.
    pub fn update_seq(&self) -> u64 {
        self.update_seq
    }
}

/// Checks one doc the way CouchDB parses a `_bulk_docs` body; `Err` is the
/// 400 body for the whole request.
fn parse_edit(doc: &Value, new_edits: bool) -> Result<Edit, Value> {
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

fn parse_since(since: &str, now: u64) -> Option<u64> {
    if since == "now" {
        return Some(now);
    }
    since.split('-').next()?.parse().ok()
}

/// A seq in CouchDB 3's shape: a number, then an opaque part clients must
/// not interpret.
fn seq_string(seq: u64) -> String {
    format!("{seq}-g1AAAA")
}

fn error(error: &str, reason: &str) -> Value {
    json!({"error": error, "reason": reason})
}

/// A leaf as CouchDB sends a document: its body plus `_id`, `_rev` and, when
/// they apply, `_deleted` and `_conflicts`.
fn render(id: &str, leaf: &Leaf, conflicts: Vec<&str>) -> Value {
    let mut doc = leaf.body.clone();
    doc.insert("_id".into(), id.into());
    doc.insert("_rev".into(), leaf.rev.clone().into());
    if leaf.deleted {
        doc.insert("_deleted".into(), true.into());
    }
    if !conflicts.is_empty() {
        doc.insert("_conflicts".into(), conflicts.into());
    }
    Value::Object(doc)
}

/// The hash part of a new rev. Like CouchDB's MD5 of the edit it depends only
/// on the parent, the deletion flag and the body, so the same edit always
/// makes the same rev.
fn digest(parent: &str, deleted: bool, body: &Map<String, Value>) -> String {
    let mut canonical = String::new();
    write_canonical_object(body, &mut canonical);
    let hash = Sha256::new()
        .chain_update(parent)
        .chain_update([0, u8::from(deleted)])
        .chain_update(canonical)
        .finalize();
    hash[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// JSON with object keys sorted, so equal bodies digest equally whatever
/// order serde_json keeps maps in.
fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => write_canonical_object(map, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn write_canonical_object(map: &Map<String, Value>, out: &mut String) {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    out.push('{');
    for (i, key) in keys.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Value::from(key.as_str()).to_string());
        out.push(':');
        write_canonical(&map[key], out);
    }
    out.push('}');
}

/// What the network does to one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    /// Lost before the server saw it: nothing applied, the client sees an error.
    RequestLost,
    /// Lost after the server applied it: the client sees an error anyway.
    ResponseLost,
    /// Delivered twice (a retrying proxy): applied twice, first answer seen.
    Duplicated,
}

/// Faults a test injects around the model, deterministically from a seed: a
/// request lost before the server sees it, a response lost after the server
/// applied it, a request delivered twice, and a changes page that returns
/// fewer results than asked. The sync engine must survive all of them.
#[derive(Clone, Debug)]
pub struct FaultPlan {
    rng: SplitMix64,
    /// Chance in percent (0..=100) that a call suffers a fault; the three
    /// kinds are equally likely, and short pages have the same chance.
    percent: u64,
}

impl FaultPlan {
    pub fn new(seed: u64, percent: u64) -> Self {
        Self {
            rng: SplitMix64(seed),
            percent,
        }
    }

    /// A perfect network.
    pub fn none() -> Self {
        Self::new(0, 0)
    }

    /// The fault for the next request.
    #[expect(
        clippy::should_implement_trait,
        reason = "an endless plan: an Iterator's Option would always be Some"
    )]
    pub fn next(&mut self) -> Fault {
        if !self.rng.chance(self.percent) {
            return Fault::None;
        }
        *self
            .rng
            .pick(&[Fault::RequestLost, Fault::ResponseLost, Fault::Duplicated])
    }

    /// The limit a changes page is actually served with: sometimes fewer rows
    /// than asked (never none), as when a server ends a page early. The
    /// client must page on `pending`, not on a short page.
    pub fn page_limit(&mut self, limit: usize) -> usize {
        if limit > 1 && self.rng.chance(self.percent) {
            1 + self.rng.below(limit as u64 - 1) as usize
        } else {
            limit
        }
    }
}

/// The failed `fetch` a client sees when a request or its response is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkError;

/// A server behind a faulty network: each call consults the plan.
#[derive(Clone, Debug)]
pub struct FaultyServer {
    pub db: CouchModel,
    pub plan: FaultPlan,
}

impl FaultyServer {
    pub fn bulk_docs(&mut self, body: &Value) -> Result<Value, NetworkError> {
        match self.plan.next() {
            Fault::None => Ok(self.db.bulk_docs(body)),
            Fault::RequestLost => Err(NetworkError),
            Fault::ResponseLost => {
                self.db.bulk_docs(body);
                Err(NetworkError)
            }
            Fault::Duplicated => {
                let first = self.db.bulk_docs(body);
                self.db.bulk_docs(body);
                Ok(first)
            }
        }
    }

    /// A read: a duplicate changes nothing, a lost request or response is an
    /// error, and a page may come back short.
    pub fn changes(&mut self, since: &str, limit: usize) -> Result<Value, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => {
                let limit = self.plan.page_limit(limit);
                Ok(self.db.changes(since, limit))
            }
        }
    }

    /// A read, like [`FaultyServer::get`].
    pub fn get_local(&mut self, id: &str) -> Result<Option<Value>, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => Ok(self.db.get_local(id)),
        }
    }

    /// A write, like [`FaultyServer::bulk_docs`].
    pub fn put_local(&mut self, id: &str, body: Value) -> Result<bool, NetworkError> {
        match self.plan.next() {
            Fault::None => Ok(self.db.put_local(id, body)),
            Fault::RequestLost => Err(NetworkError),
            Fault::ResponseLost => {
                self.db.put_local(id, body);
                Err(NetworkError)
            }
            Fault::Duplicated => {
                let first = self.db.put_local(id, body.clone());
                self.db.put_local(id, body);
                Ok(first)
            }
        }
    }

    /// A read, like [`FaultyServer::get`].
    pub fn open_revs(&mut self, id: &str) -> Result<Value, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => Ok(self.db.open_revs(id)),
        }
    }

    /// A read, like [`FaultyServer::get`].
    pub fn get_rev(&mut self, id: &str, rev: &str) -> Result<Option<Value>, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => Ok(self.db.get_rev(id, rev)),
        }
    }

    /// A read: a duplicate changes nothing, a lost request or response is an
    /// error.
    pub fn get(&mut self, id: &str, conflicts: bool) -> Result<Option<Value>, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => Ok(self.db.get(id, conflicts)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok_rev(result: &Value) -> String {
        assert_eq!(result["ok"], true, "{result}");
        result["rev"].as_str().unwrap().to_owned()
    }

    /// Writes one doc with `new_edits: true` and returns its result.
    fn put(db: &mut CouchModel, doc: Value) -> Value {
        let results = db.bulk_docs(&json!({ "docs": [doc] }));
        assert_eq!(results.as_array().map(Vec::len), Some(1), "{results}");
        results[0].clone()
    }

    /// Stores revisions made elsewhere (`new_edits: false`).
    fn replicate(db: &mut CouchModel, docs: Value) {
        assert_eq!(
            db.bulk_docs(&json!({"new_edits": false, "docs": docs})),
            json!([])
        );
    }

    fn assert_rev_shape(rev: &str, n: u64) {
        let (pos, hash) = rev.split_once('-').unwrap();
        assert_eq!(pos, n.to_string(), "{rev}");
        assert_eq!(hash.len(), 32, "{rev}");
        assert!(
            hash.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
            "{rev}"
        );
    }

    fn conflict(id: &str) -> Value {
        json!({"id": id, "error": "conflict", "reason": "Document update conflict."})
    }

    #[test]
    fn create_update_delete_number_revs() {
        let mut db = CouchModel::new();
        let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "name": "Ali"})));
        assert_rev_shape(&r1, 1);
        assert_eq!(
            db.get("a", true),
            Some(json!({"_id": "a", "_rev": r1, "name": "Ali"}))
        );
        assert_eq!(db.doc_count(), 1);

        let r2 = ok_rev(&put(
            &mut db,
            json!({"_id": "a", "_rev": r1, "name": "Reza"}),
        ));
        assert_rev_shape(&r2, 2);
        assert_eq!(
            db.get("a", false),
            Some(json!({"_id": "a", "_rev": r2, "name": "Reza"}))
        );
        assert_eq!(
            db.get_rev("a", &r1),
            Some(json!({"_id": "a", "_rev": r1, "name": "Ali"})),
            "a superseded rev is readable until compaction"
        );
        db.compact();
        assert_eq!(db.get_rev("a", &r1), None, "compaction keeps only the leaves");
        assert_eq!(db.get_rev("a", &r2).unwrap()["name"], "Reza");

        let r3 = ok_rev(&put(
            &mut db,
            json!({"_id": "a", "_rev": r2, "_deleted": true}),
        ));
        assert_rev_shape(&r3, 3);
        assert_eq!(db.get("a", true), None);
        assert_eq!(db.winner("a"), Some((r3.clone(), json!({}), true)));
        assert_eq!(
            db.get_rev("a", &r3),
            Some(json!({"_id": "a", "_rev": r3, "_deleted": true}))
        );
        assert_eq!(db.doc_count(), 0);
        assert_eq!(db.update_seq(), 3);
    }

    #[test]
    fn recreating_a_deleted_doc_extends_its_deletion() {
        let mut db = CouchModel::new();
        let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 1})));
        let r2 = ok_rev(&put(
            &mut db,
            json!({"_id": "a", "_rev": r1, "_deleted": true}),
        ));
        let r3 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 2})));
        assert_rev_shape(&r3, 3);
        assert_eq!(
            db.get("a", true),
            Some(json!({"_id": "a", "_rev": r3, "v": 2}))
        );
        db.compact();
        assert_eq!(
            db.get_rev("a", &r2),
            None,
            "the tombstone is no longer a leaf"
        );
    }

    #[test]
    fn revs_are_digests_of_the_edit() {
        let mut a = CouchModel::new();
        let mut b = CouchModel::new();
        let doc = json!({"_id": "x", "n": [1, {"k": "v"}]});
        let ra = ok_rev(&put(&mut a, doc.clone()));
        assert_eq!(ra, ok_rev(&put(&mut b, doc)), "same edit, same rev");
        let other = ok_rev(&put(&mut b, json!({"_id": "y", "n": [1, {"k": "w"}]})));
        assert_ne!(ra, other, "different body, different rev");

        let update = ok_rev(&put(&mut a, json!({"_id": "x", "_rev": ra, "n": 1})));
        let delete = ok_rev(&put(
            &mut b,
            json!({"_id": "x", "_rev": ra, "_deleted": true, "n": 1}),
        ));
        assert_ne!(update, delete, "a deletion is a different edit");

        let mut canonical = String::new();
        write_canonical(
            &json!({"b": [true, null, 1.5], "a": {"y": "\"", "x": 2}}),
            &mut canonical,
        );
        assert_eq!(canonical, r#"{"a":{"x":2,"y":"\""},"b":[true,null,1.5]}"#);
    }

    #[test]
    fn stale_or_missing_rev_conflicts_and_changes_nothing() {
        let mut db = CouchModel::new();
        let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 1})));
        ok_rev(&put(&mut db, json!({"_id": "a", "_rev": r1, "v": 2})));
        let before = db.clone();

        assert_eq!(
            put(&mut db, json!({"_id": "a", "_rev": r1, "v": 3})),
            conflict("a")
        );
        assert_eq!(
            put(&mut db, json!({"_id": "a", "v": 3})),
            conflict("a"),
            "create over a live doc"
        );
        assert_eq!(
            put(&mut db, json!({"_id": "a", "_rev": "9-abc", "v": 3})),
            conflict("a")
        );
        assert_eq!(
            put(&mut db, json!({"_id": "b", "_rev": r1})),
            conflict("b"),
            "rev on a missing doc"
        );
        assert_eq!(db, before);
    }

    #[test]
    fn an_edit_replayed_after_a_lost_response_conflicts() {
        let mut db = CouchModel::new();
        let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 1})));
        let edit = json!({"docs": [{"_id": "a", "_rev": r1, "v": 2}]});
        db.bulk_docs(&edit); // the response is lost
        let applied = db.clone();
        assert_eq!(db.bulk_docs(&edit), json!([conflict("a")]));
        assert_eq!(db, applied);
        assert_eq!(db.get("a", true).unwrap()["v"], 2);
    }

    #[test]
    fn each_doc_of_a_batch_gets_its_own_result_in_order() {
        let mut db = CouchModel::new();
        let r1 = ok_rev(&put(&mut db, json!({"_id": "a"})));
        let results = db.bulk_docs(&json!({"docs": [
            {"_id": "b"},
            {"_id": "a", "_rev": r1, "v": 2},
            {"_id": "a", "_rev": r1, "v": 3},
        ]}));
        assert_eq!(results.as_array().unwrap().len(), 3);
        assert_eq!(results[0]["id"], "b");
        assert_rev_shape(&ok_rev(&results[1]), 2);
        assert_eq!(
            results[2],
            conflict("a"),
            "the second edit of the same rev loses"
        );
        assert_eq!(db.update_seq(), 3);
    }

    #[test]
    fn malformed_requests_are_refused_whole() {
        let mut db = CouchModel::new();
        let cases = [
            (json!({"doc": []}), "bad_request"),
            (
                json!({"docs": [{"_id": "ok"}, {"_id": "a", "_hlc": 1}]}),
                "doc_validation",
            ),
            (
                json!({"docs": [{"_id": "ok"}, {"_id": "a", "_deleted": "yes"}]}),
                "doc_validation",
            ),
            (
                json!({"docs": [{"_id": "ok"}, {"_id": "_local/x"}]}),
                "illegal_docid",
            ),
            (
                json!({"docs": [{"_id": "ok"}, {"_id": 7}]}),
                "illegal_docid",
            ),
            (json!({"docs": [{"_id": "ok"}, {"v": 1}]}), "bad_request"),
            (
                json!({"docs": [{"_id": "ok"}, {"_id": "a", "_rev": "abc"}]}),
                "bad_request",
            ),
            (
                json!({"docs": [{"_id": "ok"}, {"_id": "a", "_rev": "0-abc"}]}),
                "bad_request",
            ),
            (
                json!({"docs": [{"_id": "ok"}, {"_id": "a", "_revisions": {"start": 1, "ids": ["a", "b"]}}]}),
                "bad_request",
            ),
            (
                json!({"new_edits": false, "docs": [{"_id": "ok", "_rev": "1-a"}, {"_id": "a"}]}),
                "bad_request",
            ),
        ];
        for (request, error) in cases {
            let response = db.bulk_docs(&request);
            assert_eq!(response["error"], error, "{request} → {response}");
            assert!(response["reason"].is_string());
        }
        assert_eq!(db, CouchModel::new());
    }

    #[test]
    fn ignored_special_members_are_not_stored() {
        let mut db = CouchModel::new();
        let rev = ok_rev(&put(
            &mut db,
            json!({"_id": "_design/app", "_conflicts": ["1-x"], "v": 1}),
        ));
        assert_eq!(
            db.get("_design/app", true),
            Some(json!({"_id": "_design/app", "_rev": rev, "v": 1}))
        );
    }

    #[test]
    fn new_edits_false_stores_a_conflicting_leaf_once() {
        let mut db = CouchModel::new();
        let mine = ok_rev(&put(&mut db, json!({"_id": "a", "v": "mine"})));
        let theirs = "1-ffffffffffffffffffffffffffffffff";
        replicate(
            &mut db,
            json!([{"_id": "a", "_rev": theirs, "v": "theirs"}]),
        );
        assert_eq!(db.update_seq(), 2);
        assert_eq!(
            db.get("a", true),
            Some(json!({"_id": "a", "_rev": theirs, "v": "theirs", "_conflicts": [mine]}))
        );
        assert_eq!(
            db.get("a", false),
            Some(json!({"_id": "a", "_rev": theirs, "v": "theirs"}))
        );
        assert_eq!(db.get_rev("a", &mine).unwrap()["v"], "mine");

        let before = db.clone();
        replicate(
            &mut db,
            json!([{"_id": "a", "_rev": theirs, "v": "changed?"}]),
        );
        assert_eq!(db, before, "a known rev is a no-op, not a write");
    }

    #[test]
    fn new_edits_false_with_revisions_extends_the_branch() {
        let mut db = CouchModel::new();
        let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 1})));
        let hash1 = r1.split_once('-').unwrap().1;
        replicate(
            &mut db,
            json!([{"_id": "a", "_rev": "2-b", "_revisions": {"start": 2, "ids": ["b", hash1]}, "v": 2}]),
        );
        assert_eq!(
            db.get("a", true),
            Some(json!({"_id": "a", "_rev": "2-b", "v": 2})),
            "no conflict"
        );

        // An ancestor arriving late is already known.
        let before = db.clone();
        replicate(&mut db, json!([{"_id": "a", "_rev": r1, "v": 1}]));
        assert_eq!(db, before);

        // `_revisions` alone is enough, and creates a doc.
        replicate(
            &mut db,
            json!([{"_id": "n", "_revisions": {"start": 3, "ids": ["c", "b"]}}]),
        );
        assert_eq!(db.winner("n"), Some(("3-c".to_owned(), json!({}), false)));
    }

    #[test]
    fn winner_rule() {
        let mut db = CouchModel::new();
        replicate(
            &mut db,
            json!([
                {"_id": "deleted-loses", "_rev": "5-aaaa", "_deleted": true},
                {"_id": "deleted-loses", "_rev": "2-bbbb", "v": "live"},
                {"_id": "higher-wins", "_rev": "1-zzzz"},
                {"_id": "higher-wins", "_rev": "2-aaaa"},
                {"_id": "tie-by-string", "_rev": "3-abcd"},
                {"_id": "tie-by-string", "_rev": "3-abce"},
                {"_id": "tie-by-string", "_rev": "3-abcc"},
            ]),
        );
        assert_eq!(db.winner("deleted-loses").unwrap().0, "2-bbbb");
        assert_eq!(
            db.get("deleted-loses", true).unwrap(),
            json!({"_id": "deleted-loses", "_rev": "2-bbbb", "v": "live"}),
            "a deleted loser is no conflict"
        );
        assert_eq!(db.winner("higher-wins").unwrap().0, "2-aaaa");
        assert_eq!(
            db.get("higher-wins", true).unwrap()["_conflicts"],
            json!(["1-zzzz"])
        );
        assert_eq!(db.winner("tie-by-string").unwrap().0, "3-abce");
        assert_eq!(
            db.get("tie-by-string", true).unwrap()["_conflicts"],
            json!(["3-abcd", "3-abcc"])
        );
        assert_eq!(db.winner("missing"), None);
        assert_eq!(db.doc_count(), 3);
    }

    #[test]
    fn all_deleted_leaves_mean_a_deleted_doc() {
        let mut db = CouchModel::new();
        replicate(
            &mut db,
            json!([
                {"_id": "a", "_rev": "2-aaaa", "_deleted": true},
                {"_id": "a", "_rev": "3-bbbb", "_deleted": true},
            ]),
        );
        assert_eq!(db.get("a", true), None);
        assert_eq!(
            db.winner("a").unwrap(),
            ("3-bbbb".to_owned(), json!({}), true)
        );
        assert_eq!(db.doc_count(), 0);
    }

    #[test]
    fn deleting_the_losing_leaf_resolves_the_conflict() {
        let mut db = CouchModel::new();
        let mine = ok_rev(&put(&mut db, json!({"_id": "a", "v": "mine"})));
        replicate(
            &mut db,
            json!([{"_id": "a", "_rev": "1-ffffffffffffffffffffffffffffffff", "v": "theirs"}]),
        );
        let winner = db.get("a", true).unwrap();
        assert_eq!(winner["_conflicts"], json!([mine]));

        let tombstone = ok_rev(&put(
            &mut db,
            json!({"_id": "a", "_rev": mine, "_deleted": true}),
        ));
        assert_rev_shape(&tombstone, 2);
        assert_eq!(
            db.get("a", true),
            Some(json!({"_id": "a", "_rev": "1-ffffffffffffffffffffffffffffffff", "v": "theirs"}))
        );
        assert_eq!(db.get_rev("a", &tombstone).unwrap()["_deleted"], true);
        assert_eq!(db.doc_count(), 1);
        assert_eq!(
            db.changes("0", 10)["results"][0]["doc"],
            db.get("a", true).unwrap()
        );
    }

    #[test]
    fn an_update_of_a_losing_leaf_can_win() {
        let mut db = CouchModel::new();
        let mine = ok_rev(&put(&mut db, json!({"_id": "a", "v": "mine"})));
        replicate(
            &mut db,
            json!([{"_id": "a", "_rev": "1-ffffffffffffffffffffffffffffffff", "v": "theirs"}]),
        );
        let merged = ok_rev(&put(
            &mut db,
            json!({"_id": "a", "_rev": mine, "v": "merged"}),
        ));
        let doc = db.get("a", true).unwrap();
        assert_eq!(doc["_rev"], merged);
        assert_eq!(
            doc["_conflicts"],
            json!(["1-ffffffffffffffffffffffffffffffff"])
        );
    }

    #[test]
    fn update_seq_counts_successful_writes() {
        let mut db = CouchModel::new();
        db.bulk_docs(&json!({"docs": [{"_id": "a"}, {"_id": "b"}, {"_id": "c"}]}));
        assert_eq!(db.update_seq(), 3);
        put(&mut db, json!({"_id": "a"})); // conflict
        db.bulk_docs(&json!({"docs": [{"_id": "x", "_bad": 1}]})); // refused
        assert_eq!(db.update_seq(), 3);
        let rev = db.winner("b").unwrap().0;
        put(&mut db, json!({"_id": "b", "_rev": rev, "_deleted": true}));
        assert_eq!(db.update_seq(), 4);
    }

    /// Five docs: a and b updated, c deleted, d in conflict; e untouched.
    fn busy_db() -> CouchModel {
        let mut db = CouchModel::new();
        let created = db.bulk_docs(&json!({"docs": [
            {"_id": "a", "v": 1}, {"_id": "b", "v": 1}, {"_id": "c", "v": 1}, {"_id": "d", "v": 1}, {"_id": "e", "v": 1},
        ]}));
        let rev = |i: usize| created[i]["rev"].clone();
        db.bulk_docs(&json!({"docs": [
            {"_id": "a", "_rev": rev(0), "v": 2},
            {"_id": "c", "_rev": rev(2), "_deleted": true},
            {"_id": "b", "_rev": rev(1), "v": 2},
        ]}));
        replicate(
            &mut db,
            json!([{"_id": "d", "_rev": "1-ffffffffffffffffffffffffffffffff", "v": 9}]),
        );
        db
    }

    #[test]
    fn changes_lists_each_doc_once_at_its_latest_seq() {
        let db = busy_db();
        assert_eq!(db.update_seq(), 9);
        let all = db.changes("0", 100);
        let rows = all["results"].as_array().unwrap();
        let order: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r["id"].as_str().unwrap(), r["seq"].as_str().unwrap()))
            .collect();
        assert_eq!(
            order,
            [
                ("e", "5-g1AAAA"),
                ("a", "6-g1AAAA"),
                ("c", "7-g1AAAA"),
                ("b", "8-g1AAAA"),
                ("d", "9-g1AAAA")
            ]
        );
        assert_eq!(all["last_seq"], "9-g1AAAA");
        assert_eq!(all["pending"], 0);

        for row in rows {
            let id = row["id"].as_str().unwrap();
            let (rev, _, deleted) = db.winner(id).unwrap();
            assert_eq!(row["changes"], json!([{"rev": rev}]));
            assert_eq!(row.get("deleted").is_some(), deleted, "{row}");
            if !deleted {
                assert_eq!(row["doc"], db.get(id, true).unwrap());
            }
        }
        assert_eq!(rows[2]["deleted"], true);
        assert_eq!(
            rows[2]["doc"],
            json!({"_id": "c", "_rev": db.winner("c").unwrap().0, "_deleted": true})
        );
        assert_eq!(
            rows[4]["doc"]["_conflicts"].as_array().map(Vec::len),
            Some(1)
        );
    }

    #[test]
    fn changes_pages_by_since_and_limit() {
        let db = busy_db();
        let mut since = "0".to_owned();
        let mut seen = Vec::new();
        let mut pendings = Vec::new();
        loop {
            let page = db.changes(&since, 2);
            let rows = page["results"].as_array().unwrap();
            seen.extend(rows.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
            match rows.last() {
                Some(last) => assert_eq!(page["last_seq"], last["seq"]),
                None => assert_eq!(page["last_seq"], since, "an empty page stays put"),
            }
            pendings.push(page["pending"].as_u64().unwrap());
            since = page["last_seq"].as_str().unwrap().to_owned();
            if rows.is_empty() {
                break;
            }
        }
        assert_eq!(seen, ["e", "a", "c", "b", "d"]);
        assert_eq!(pendings, [3, 1, 0, 0]);
        assert_eq!(since, "9-g1AAAA");
    }

    #[test]
    fn changes_since_forms_and_limit_zero() {
        let db = busy_db();
        assert_eq!(db.changes("6", 100)["results"].as_array().unwrap().len(), 3);
        assert_eq!(db.changes("6-whatever", 100)["results"][0]["id"], "c");
        assert_eq!(
            db.changes("now", 100),
            json!({"results": [], "last_seq": "9-g1AAAA", "pending": 0})
        );
        assert_eq!(
            db.changes("0", 0),
            json!({"results": [], "last_seq": "0-g1AAAA", "pending": 5})
        );
        assert_eq!(db.changes("soon", 10)["error"], "bad_request");
        assert_eq!(
            CouchModel::new().changes("0", 10),
            json!({"results": [], "last_seq": "0-g1AAAA", "pending": 0})
        );
    }

    #[test]
    fn fault_plan_is_deterministic_per_seed() {
        let draw = |seed| {
            let mut plan = FaultPlan::new(seed, 40);
            (0..200).map(|_| plan.next()).collect::<Vec<_>>()
        };
        assert_eq!(draw(1), draw(1));
        assert_ne!(draw(1), draw(2));
        let mut none = FaultPlan::none();
        assert!((0..1000).all(|_| none.next() == Fault::None && none.page_limit(10) == 10));
        let mut always = FaultPlan::new(3, 100);
        assert!((0..1000).all(|_| always.next() != Fault::None));
    }

    #[test]
    fn fault_plan_roughly_honours_the_percentage() {
        let mut plan = FaultPlan::new(42, 30);
        let draws: Vec<Fault> = (0..30_000).map(|_| plan.next()).collect();
        let share = |fault| draws.iter().filter(|&&f| f == fault).count() * 100 / draws.len();
        assert!(
            (68..=72).contains(&share(Fault::None)),
            "{}",
            share(Fault::None)
        );
        for fault in [Fault::RequestLost, Fault::ResponseLost, Fault::Duplicated] {
            assert!(
                (9..=11).contains(&share(fault)),
                "{fault:?}: {}",
                share(fault)
            );
        }
        let limits: Vec<usize> = (0..10_000).map(|_| plan.page_limit(5)).collect();
        let short = limits.iter().filter(|&&l| l < 5).count();
        assert!((2_700..=3_300).contains(&short), "{short}");
        assert!(limits.iter().all(|l| (1..=5).contains(l)));
        assert_eq!(plan.page_limit(1), 1, "a one-row page cannot be shorter");
    }

    /// A server whose first request suffers `fault`.
    fn server_with_first(fault: Fault, db: CouchModel) -> FaultyServer {
        let plan = (0..)
            .map(|seed| FaultPlan::new(seed, 50))
            .find(|p| p.clone().next() == fault)
            .unwrap();
        FaultyServer { db, plan }
    }

    #[test]
    fn faulty_bulk_docs() {
        let create = json!({"docs": [{"_id": "a", "v": 1}]});

        let mut server = server_with_first(Fault::RequestLost, CouchModel::new());
        assert_eq!(server.bulk_docs(&create), Err(NetworkError));
        assert_eq!(server.db, CouchModel::new(), "not applied");

        let mut server = server_with_first(Fault::ResponseLost, CouchModel::new());
        assert_eq!(server.bulk_docs(&create), Err(NetworkError));
        assert_eq!(server.db.doc_count(), 1, "applied");

        let mut server = server_with_first(Fault::Duplicated, CouchModel::new());
        let mut clean = CouchModel::new();
        let expected = clean.bulk_docs(&create);
        assert_eq!(server.bulk_docs(&create), Ok(expected), "the first answer");
        assert_eq!(
            server.db, clean,
            "the second delivery conflicted and changed nothing"
        );

        let mut server = server_with_first(Fault::None, CouchModel::new());
        assert_eq!(server.bulk_docs(&create).unwrap()[0]["ok"], true);
    }

    #[test]
    fn a_duplicated_request_really_runs_twice() {
        // The first doc names the rev the second creates: it conflicts on the
        // first delivery and succeeds on the second.
        let created = ok_rev(&put(&mut CouchModel::new(), json!({"_id": "a"})));
        let request = json!({"docs": [{"_id": "a", "_rev": created, "v": 2}, {"_id": "a"}]});
        let mut server = server_with_first(Fault::Duplicated, CouchModel::new());
        let first = server.bulk_docs(&request).unwrap();
        assert_eq!(first[0], conflict("a"));
        assert_eq!(first[1]["rev"], created);
        assert_eq!(server.db.update_seq(), 2);
        assert_eq!(server.db.get("a", true).unwrap()["v"], 2);
    }

    #[test]
    fn an_edit_onto_a_rev_already_replicated_is_refused() {
        let mut scratch = CouchModel::new();
        let r1 = ok_rev(&put(&mut scratch, json!({"_id": "a", "v": 1})));
        let r2 = ok_rev(&put(&mut scratch, json!({"_id": "a", "_rev": r1, "v": 2})));

        let mut db = CouchModel::new();
        put(&mut db, json!({"_id": "a", "v": 1}));
        replicate(&mut db, json!([{"_id": "a", "_rev": r2, "v": 2}]));
        let before = db.clone();
        assert_eq!(
            put(&mut db, json!({"_id": "a", "_rev": r1, "v": 2})),
            conflict("a")
        );
        assert_eq!(db, before);
    }

    #[test]
    fn faulty_reads() {
        for fault in [Fault::RequestLost, Fault::ResponseLost] {
            assert_eq!(
                server_with_first(fault, busy_db()).changes("0", 10),
                Err(NetworkError)
            );
            assert_eq!(
                server_with_first(fault, busy_db()).get("a", true),
                Err(NetworkError)
            );
        }
        for fault in [Fault::None, Fault::Duplicated] {
            let db = busy_db();
            assert_eq!(
                server_with_first(fault, busy_db()).get("a", true),
                Ok(db.get("a", true))
            );
            let page = server_with_first(fault, busy_db())
                .changes("0", 10)
                .unwrap();
            assert_eq!(
                page["results"].as_array().unwrap().len() as u64
                    + page["pending"].as_u64().unwrap(),
                5
            );
        }
    }

    #[test]
    fn short_pages_still_cover_every_change_when_paging_on_pending() {
        let mut short_pages = 0;
        for seed in 0..50 {
            let mut server = FaultyServer {
                db: busy_db(),
                plan: FaultPlan::new(seed, 40),
            };
            let mut since = "0".to_owned();
            let mut seen = Vec::new();
            loop {
                let Ok(page) = server.changes(&since, 3) else {
                    continue;
                };
                let rows = page["results"].as_array().unwrap();
                if rows.len() < 3 && page["pending"] != 0 {
                    short_pages += 1;
                }
                seen.extend(rows.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
                since = page["last_seq"].as_str().unwrap().to_owned();
                if page["pending"] == 0 {
                    break;
                }
            }
            assert_eq!(seen, ["e", "a", "c", "b", "d"], "seed {seed}");
        }
        assert!(short_pages > 0, "the plan did shorten some pages");
    }
}
