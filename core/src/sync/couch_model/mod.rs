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

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

mod faults;
mod request;
#[cfg(test)]
mod tests;

pub use faults::{Fault, FaultPlan, FaultyServer, NetworkError};
use request::{parse_edit, Edit};

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
