//! One sync run: pull the server's changes since the checkpoint, merging
//! them into local records page by page, then push what changed here,
//! merging again where the server moved on meanwhile. Every step is stored
//! in one store transaction with what it learnt, so a run cut off anywhere
//! (network lost, tab closed) resumes without loss or duplicate.

use super::doc::{from_doc, to_doc, Pulled, META};
use super::hlc::{Clock, Stamp};
use super::local::{latest_stamp, local_versions, with_arrivals};
use super::merge::{merge, Clash, Versioned};
use super::transport::{DocResult, SyncError, Transport};
use crate::env::Env;
use crate::store::{OutboxEntry, Record, Store, StoreError, SyncBatch, SyncState, Write};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Documents asked for per changes page: one page, one store transaction.
pub const PULL_PAGE: usize = 200;
/// A push request carries at most this many documents, or about this many
/// bytes (claim photos are ~150 KB each).
const PUSH_DOCS: usize = 200;
const PUSH_BYTES: usize = 1_000_000;
/// Rounds of push → conflict → merge → push in one run; a record still in
/// conflict after them (another device writing it just as often) waits for
/// the next run.
const PUSH_ROUNDS: usize = 5;
/// A step refused because the user saved a record while the sync read it is
/// redone this many times.
const STEP_TRIES: usize = 3;

/// A field changed on both sides since they last agreed, for the user to review.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RecordClash {
    pub kind: String,
    pub id: String,
    pub clash: Clash,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Records the server changed and this device stored.
    pub pulled: usize,
    /// Records this device sent and the server accepted.
    pub pushed: usize,
    pub clashes: Vec<RecordClash>,
    /// Records the server refused (by key), in its words; they stay waiting.
    pub refused: Vec<(String, String)>,
}

/// How far a run has come, for "syncing n of m".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

pub struct Engine<'a, S, T> {
    pub store: &'a S,
    pub server: &'a T,
    pub clock: &'a RefCell<Clock>,
    pub env: &'a dyn Env,
}

impl<S: Store, T: Transport> Engine<'_, S, T> {
    pub async fn run(&self, progress: &dyn Fn(Progress)) -> Result<Report, SyncError> {
        let mut report = Report::default();
        let mut at = Progress { done: 0, total: self.waiting().await?.len() };
        progress(at);
        self.pull(&mut report, &mut at, progress).await?;
        self.push(&mut report, &mut at, progress).await?;
        Ok(report)
    }

    /// Local changes not on the server yet, one per record.
    pub async fn waiting(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let outbox = self.store.outbox().await?;
        let keys: Vec<String> = outbox.iter().map(|e| e.key.clone()).collect();
        let states = self.store.sync_states(&keys).await?;
        Ok(outbox.into_iter().zip(states).filter(|(e, s)| s.as_ref().is_none_or(|s| s.unpushed || e.seq > s.seq)).map(|(e, _)| e).collect())
    }

    fn arrival(&self) -> Stamp {
        self.clock.borrow_mut().now(self.env.now_ms())
    }

    async fn pull(&self, report: &mut Report, at: &mut Progress, progress: &dyn Fn(Progress)) -> Result<(), SyncError> {
        let mut since = self.store.sync_checkpoint().await?.unwrap_or_else(|| "0".into());
        let mut first = true;
        loop {
            let page = self.server.changes(&since, PULL_PAGE).await?;
            if first {
                at.total += page.docs.len() + page.pending.unwrap_or(0) as usize;
                first = false;
            }
            let mut pulled = Vec::with_capacity(page.docs.len());
            for doc in &page.docs {
                let resolved = if doc.get("_conflicts").and_then(Value::as_array).is_some_and(|c| !c.is_empty()) {
                    let id = doc.get("_id").and_then(Value::as_str).unwrap_or_default();
                    self.resolve(id).await?
                } else {
                    Incoming::read(doc)
                };
                pulled.extend(resolved);
            }
            let count = pulled.len();
            report.pulled += self.store_incoming(pulled, Some(page.last_seq.clone()), report).await?;
            at.done += count;
            progress(*at);
            if page.docs.is_empty() || page.pending == Some(0) || page.last_seq == since {
                return Ok(());
            }
            since = page.last_seq;
        }
    }

    /// Stores documents from the server (with the checkpoint, if any) in one
    /// step, merging each with local changes not pushed yet; returns how many
    /// records changed here.
    async fn store_incoming(&self, incoming: Vec<Incoming>, checkpoint: Option<String>, report: &mut Report) -> Result<usize, SyncError> {
        for attempt in 1..=STEP_TRIES {
            let (step, clashes) = self.incoming_step(&incoming, checkpoint.clone()).await?;
            match self.store.apply_synced(&step).await {
                Ok(_) => {
                    report.clashes.extend(clashes);
                    return Ok(step.writes.len());
                }
                Err(StoreError::Conflict { .. }) if attempt < STEP_TRIES => continue,
                Err(e) => return Err(e.into()),
            }
        }
        unreachable!("the last attempt returns")
    }

    async fn incoming_step(&self, incoming: &[Incoming], checkpoint: Option<String>) -> Result<(SyncBatch, Vec<RecordClash>), SyncError> {
        let keys: Vec<String> = incoming.iter().map(|i| i.pulled.record.key()).collect();
        // Every local change read below is at or before this position; one
        // made later is newer than what the step stores and stays waiting.
        let seq = self.store.last_seq().await?;
        let states = self.store.sync_states(&keys).await?;
        let mut locals = Vec::with_capacity(incoming.len());
        for i in incoming {
            locals.push(self.store.get(&i.pulled.record.kind, &i.pulled.record.id).await?);
        }
        // Records with local changes the server has not seen need a merge.
        let to_merge: Vec<(&Record, Option<&SyncState>)> = locals
            .iter()
            .zip(&states)
            .filter_map(|(local, state)| {
                let local = local.as_ref()?;
                state.as_ref().is_none_or(|s| s.unpushed || local.rev > s.rev).then_some((local, state.as_ref()))
            })
            .collect();
        let mut versions: HashMap<String, Versioned> = to_merge.iter().map(|(r, _)| r.key()).zip(local_versions(self.store, &to_merge).await?).collect();
        let mut step = SyncBatch { checkpoint, ..SyncBatch::default() };
        let mut clashes = Vec::new();
        for ((i, local), state) in incoming.iter().zip(&locals).zip(&states) {
            let key = i.pulled.record.key();
            if state.as_ref().is_some_and(|s| s.couch_rev == i.pulled.couch_rev) {
                continue; // our own write coming back
            }
            let base = state.as_ref().map(|s| &s.base);
            let remote = with_arrivals(i.pulled.versioned.clone(), i.stamped_by_us, base, &self.arrival());
            if let Some(latest) = latest_stamp(&remote) {
                self.clock.borrow_mut().observe(latest);
            }
            let (target, unpushed) = match versions.remove(&key) {
                Some(local_version) => {
                    let merged = merge(base, &local_version, &remote);
                    clashes.extend(merged.clashes.iter().map(|clash| RecordClash { kind: i.pulled.record.kind.clone(), id: i.pulled.record.id.clone(), clash: clash.clone() }));
                    let unpushed = merged.record.fields != remote.fields || merged.record.deleted != remote.deleted;
                    (merged.record, unpushed)
                }
                None => (remote.clone(), false),
            };
            let write = Write::synced(local.as_ref(), &i.pulled.record, target.fields.clone(), target.deleted, self.env);
            let rev = write.as_ref().map_or_else(|| local.as_ref().map_or(0, |l| l.rev), |w| w.record.rev);
            step.states.push((
                key,
                SyncState { couch_rev: i.pulled.couch_rev.clone(), base: remote, rev, seq, stamps: target.stamps, deleted_stamp: target.deleted_stamp, unpushed },
            ));
            step.writes.extend(write);
        }
        Ok((step, clashes))
    }

    async fn push(&self, report: &mut Report, at: &mut Progress, progress: &dyn Fn(Progress)) -> Result<(), SyncError> {
        let mut refused: HashSet<String> = HashSet::new();
        for round in 0..PUSH_ROUNDS {
            let waiting: Vec<OutboxEntry> = self.waiting().await?.into_iter().filter(|e| !refused.contains(&e.key)).collect();
            if waiting.is_empty() {
                return Ok(());
            }
            if round > 0 {
                at.total += waiting.len();
            }
            let keys: Vec<String> = waiting.iter().map(|e| e.key.clone()).collect();
            let states = self.store.sync_states(&keys).await?;
            let mut records = Vec::with_capacity(waiting.len());
            for e in &waiting {
                let (kind, id) = e.key.split_once(':').unwrap_or_default();
                records.push(self.store.get(kind, id).await?);
            }
            let mut start = 0;
            while start < waiting.len() {
                let end = chunk_end(&records, start);
                let pushed = self.push_chunk(&waiting[start..end], &records[start..end], &states[start..end], report, &mut refused).await?;
                at.done += pushed;
                progress(*at);
                start = end;
            }
        }
        Ok(())
    }

    /// Pushes one request's worth; conflicts are merged with the server's
    /// document and left waiting for the next round. Returns how many were
    /// dealt with.
    async fn push_chunk(&self, waiting: &[OutboxEntry], records: &[Option<Record>], states: &[Option<SyncState>], report: &mut Report, refused: &mut HashSet<String>) -> Result<usize, SyncError> {
        let present: Vec<(&Record, Option<&SyncState>)> = records.iter().zip(states).filter_map(|(r, s)| Some((r.as_ref()?, s.as_ref()))).collect();
        let versions = local_versions(self.store, &present).await?;
        let docs: Vec<Value> = present.iter().zip(&versions).map(|((r, s), v)| to_doc(r, v, s.map(|s| s.couch_rev.as_str()))).collect();
        let results = self.server.bulk_docs(&docs).await?;
        let mut step = SyncBatch::default();
        let mut conflicts = Vec::new();
        let by_key: HashMap<String, &OutboxEntry> = waiting.iter().map(|e| (e.key.clone(), e)).collect();
        for (((record, _), version), result) in present.iter().zip(versions).zip(results) {
            let key = record.key();
            match result {
                DocResult::Saved { rev, .. } => {
                    report.pushed += 1;
                    let seq = by_key.get(&key).map_or(0, |e| e.seq);
                    let state = SyncState { couch_rev: rev, rev: record.rev, seq, stamps: version.stamps.clone(), deleted_stamp: version.deleted_stamp.clone(), unpushed: false, base: version };
                    step.states.push((key, state));
                }
                DocResult::Conflict { .. } => conflicts.push(key),
                DocResult::Refused { reason, .. } => {
                    refused.insert(key.clone());
                    report.refused.push((key, reason));
                }
            }
        }
        self.store.apply_synced(&step).await?;
        // The server moved on: take its document in as if pulled (merged with
        // what is waiting here), and the next round pushes the merge.
        let mut incoming = Vec::new();
        for key in &conflicts {
            incoming.extend(self.resolve(key).await?);
        }
        self.store_incoming(incoming, None, report).await?;
        Ok(waiting.len())
    }

    /// The server's document with its conflicting revisions merged, the
    /// merge written back over the winner and the losers deleted, so every
    /// device reads one revision again. None when the server has no such
    /// document, or none of Daftar's.
    async fn resolve(&self, id: &str) -> Result<Option<Incoming>, SyncError> {
        let leaves = self.server.leaves(id).await?;
        let mut live: Vec<Incoming> = leaves.iter().filter(|d| !is_deleted(d)).filter_map(Incoming::read).collect();
        if live.len() <= 1 {
            return Ok(live.pop().or_else(|| leaves.iter().filter_map(Incoming::read).max_by(|a, b| rev_order(&a.pulled.couch_rev, &b.pulled.couch_rev))));
        }
        live.sort_by(|a, b| rev_order(&b.pulled.couch_rev, &a.pulled.couch_rev));
        let mut merged = live[0].pulled.versioned.clone();
        for other in &live[1..] {
            merged = merge(None, &merged, &other.pulled.versioned).record;
        }
        let winner = &live[0].pulled;
        let record = Record { fields: merged.fields.clone(), deleted: merged.deleted, ..winner.record.clone() };
        let mut docs = vec![to_doc(&record, &merged, Some(&winner.couch_rev))];
        docs.extend(live[1..].iter().map(|l| json!({"_id": id, "_rev": l.pulled.couch_rev, "_deleted": true})));
        let results = self.server.bulk_docs(&docs).await?;
        Ok(Some(match results.first() {
            Some(DocResult::Saved { rev, .. }) => Incoming { pulled: Pulled { record, versioned: merged, couch_rev: rev.clone() }, stamped_by_us: true },
            // Someone wrote it meanwhile: it comes round again in the feed.
            _ => live.swap_remove(0),
        }))
    }
}

/// A document from the server read as a record.
struct Incoming {
    pulled: Pulled,
    /// Written by Daftar (it carries stamps), not by another client.
    stamped_by_us: bool,
}

impl Incoming {
    /// None for what is not one of Daftar's records (design documents,
    /// other applications' documents), which sync leaves alone.
    fn read(doc: &Value) -> Option<Incoming> {
        let pulled = from_doc(doc).ok()?;
        Some(Incoming { pulled, stamped_by_us: doc.get(META).is_some() })
    }
}

fn is_deleted(doc: &Value) -> bool {
    doc.get("_deleted").and_then(Value::as_bool).unwrap_or(false)
}

/// CouchDB's order of revisions: by number, then by the hash as text.
fn rev_order(a: &str, b: &str) -> std::cmp::Ordering {
    let split = |r: &str| {
        let (n, hash) = r.split_once('-').unwrap_or(("0", r));
        (n.parse::<u64>().unwrap_or(0), hash.to_string())
    };
    split(a).cmp(&split(b))
}

/// Where the push request starting at `start` ends: at most [`PUSH_DOCS`]
/// documents or about [`PUSH_BYTES`], never empty.
fn chunk_end(records: &[Option<Record>], start: usize) -> usize {
    let mut bytes = 0;
    let mut end = start;
    while end < records.len() && end - start < PUSH_DOCS {
        bytes += records[end].as_ref().map_or(0, |r| r.fields.values().map(|v| v.as_str().map_or(16, str::len)).sum());
        end += 1;
        if bytes > PUSH_BYTES {
            break;
        }
    }
    end
}
