//! One sync run: pull the server's changes since the checkpoint, merging
//! them into local records page by page, then push what changed here,
//! merging again where the server moved on meanwhile. Every step is stored
//! in one store transaction with what it learnt, so a run cut off anywhere
//! (network lost, tab closed) resumes without loss or duplicate.

use super::doc::{from_doc, to_doc, Pulled, META};
use super::hlc::{Clock, Stamp};
use super::leaves::{fork_point, lineage, merge_branches};
use super::local::{latest_stamp, local_overlays, local_version, with_arrivals};
use super::merge::{merge, Clash, Versioned};
use super::transport::{ChangesPage, DocResult, SyncError, Transport};
use crate::env::Env;
use crate::pace::{Pace, Unpaced};
use crate::store::{OutboxEntry, Record, Store, StoreError, SyncBatch, SyncState, SyncStore, Write};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Documents asked for per changes page: one page, one store transaction.
pub const PULL_PAGE: usize = 500;
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

/// Where the mark of the database last synced with is kept (see `same_database`).
const DATABASE_MARK: &str = "sync:database";

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
    /// Another database than last time: every record was queued again.
    pub requeued: bool,
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
    /// One run. `report` is filled as steps are stored, so what a run that
    /// then fails did store (pulled records, clashes found) is still told.
    pub async fn run(&self, report: &mut Report, progress: &dyn Fn(Progress)) -> Result<(), SyncError> {
        report.requeued = self.same_database().await?;
        let mut at = Progress { done: 0, total: waiting(self.store).await?.len() };
        progress(at);
        self.pull(report, &mut at, progress).await?;
        self.push(report, &mut at, progress).await?;
        // Housekeeping: what it fails to drop is still filtered out by
        // `waits`, and the next run tries again; the run itself succeeded.
        let _ = self.store.trim_outbox().await;
        Ok(())
    }

    /// Checks the database is the one this device last synced with, by the
    /// mark the first device to sync left in it (a `_local` document: never
    /// replicated, gone with the database). Another database — another
    /// server, or this one deleted and made anew under the same address —
    /// is offered everything again, from the start of its changes feed.
    /// True when it was.
    async fn same_database(&self) -> Result<bool, SyncError> {
        let mark = match self.server.database_mark().await? {
            Some(mark) => mark,
            None => {
                let fresh = self.env.new_id();
                if self.server.mark_database(&fresh).await? {
                    fresh
                } else {
                    self.server.database_mark().await?.ok_or_else(|| SyncError::Server("the database's mark vanished".into()))?
                }
            }
        };
        let known = self.store.cache_get(DATABASE_MARK).await?;
        if known.as_deref() == Some(mark.as_str()) {
            return Ok(false);
        }
        // Never synced: nothing to forget.
        let forgot = known.is_some();
        if forgot {
            self.store.forget_sync().await?;
        }
        self.store.cache_put(DATABASE_MARK, &mark).await?;
        Ok(forgot)
    }

    fn arrival(&self) -> Stamp {
        self.clock.borrow_mut().now(self.env.now_ms())
    }

    async fn pull(&self, report: &mut Report, at: &mut Progress, progress: &dyn Fn(Progress)) -> Result<(), SyncError> {
        let mut since = self.store.sync_checkpoint().await?.unwrap_or_else(|| "0".into());
        let mut page = self.server.changes(&since, PULL_PAGE).await?;
        let mut first = true;
        loop {
            // Servers that do not say what is pending (pouchdb-server) make
            // the total grow page by page.
            match (first, page.pending) {
                (true, Some(pending)) => at.total += page.docs.len() + pending as usize,
                (_, None) => at.total += page.docs.len(),
                (false, Some(_)) => {}
            }
            first = false;
            let last = page.docs.is_empty() || page.pending == Some(0) || page.last_seq == since;
            let count = page.docs.len();
            let stored = self.store_page(&page, report);
            if last {
                stored.await?;
                at.done += count;
                progress(*at);
                return Ok(());
            }
            // The next page comes over the network while this one is stored;
            // the checkpoint still moves only with what is stored.
            let (stored, next) = futures_util::future::join(stored, self.server.changes(&page.last_seq, PULL_PAGE)).await;
            stored?;
            at.done += count;
            progress(*at);
            since = std::mem::take(&mut page.last_seq);
            page = next?;
        }
    }

    /// One changes page: its documents (server conflicts resolved first)
    /// stored with its checkpoint.
    async fn store_page(&self, page: &ChangesPage, report: &mut Report) -> Result<(), SyncError> {
        // A document listed twice in a page (a server may) is taken once, as
        // last listed: two writes of one record in a step would refuse it.
        let mut seen = HashSet::new();
        let mut docs: Vec<&Value> = page.docs.iter().rev().filter(|d| seen.insert(d.get("_id").and_then(Value::as_str).unwrap_or_default())).collect();
        docs.reverse();
        let mut pulled = Vec::with_capacity(docs.len());
        for doc in docs {
            let resolved = if doc.get("_conflicts").and_then(Value::as_array).is_some_and(|c| !c.is_empty()) {
                let id = doc.get("_id").and_then(Value::as_str).unwrap_or_default();
                let (resolved, clashes) = self.resolve(id).await?;
                // Reported at once: the merge is on the server now, and a
                // run that fails later still keeps what it found.
                report.clashes.extend(clashes);
                resolved
            } else {
                Incoming::read(doc)
            };
            pulled.extend(resolved);
        }
        report.pulled += self.store_incoming(pulled, Some(page.last_seq.clone()), report).await?;
        Ok(())
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
        let locals = self.store.get_many(&keys).await?;
        // Records with local changes the server has not seen need a merge.
        let to_merge: Vec<(&Record, Option<&SyncState>)> = locals
            .iter()
            .zip(&states)
            .filter_map(|(local, state)| {
                let local = local.as_ref()?;
                state.as_ref().is_none_or(|s| s.unpushed || local.rev > s.rev).then_some((local, state.as_ref()))
            })
            .collect();
        let wanted: Vec<(String, Option<&SyncState>)> = to_merge.iter().map(|(r, s)| (r.key(), *s)).collect();
        let overlays = local_overlays(self.store, &wanted).await?;
        let mut versions: HashMap<String, Versioned> = to_merge.iter().map(|(r, s)| (r.key(), local_version(r, *s, overlays.get(&r.key())))).collect();
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
            let (waiting, states): (Vec<OutboxEntry>, Vec<Option<SyncState>>) =
                waiting_with_states(self.store).await?.into_iter().filter(|(e, _)| !refused.contains(&e.key)).unzip();
            if waiting.is_empty() {
                return Ok(());
            }
            if round > 0 {
                at.total += waiting.len();
            }
            let keys: Vec<String> = waiting.iter().map(|e| e.key.clone()).collect();
            let wanted: Vec<(String, Option<&SyncState>)> = keys.iter().cloned().zip(states.iter().map(Option::as_ref)).collect();
            let overlays = local_overlays(self.store, &wanted).await?;
            let mut start = 0;
            while start < waiting.len() {
                // Records are read a request's worth at a time: a first push
                // of a big import never holds them all.
                let ahead = (start + PUSH_DOCS).min(waiting.len());
                let mut records = self.store.get_many(&keys[start..ahead]).await?;
                // At most about PUSH_BYTES per request, and never nothing.
                let mut bytes = 0;
                let fits = records
                    .iter()
                    .take_while(|r| {
                        let before = bytes;
                        bytes += r.as_ref().map_or(0, size_of);
                        before <= PUSH_BYTES
                    })
                    .count()
                    .max(1);
                records.truncate(fits);
                let end = start + records.len();
                // Saved since the overlays were read: read those again.
                let stale: Vec<(String, Option<&SyncState>)> = records
                    .iter()
                    .zip(start..end)
                    .filter(|(r, i)| r.as_ref().is_some_and(|r| r.rev > overlays.get(&keys[*i]).map_or(0, |o| o.through_rev).max(states[*i].as_ref().map_or(0, |s| s.rev))))
                    .map(|(_, i)| (keys[i].clone(), states[i].as_ref()))
                    .collect();
                let fresh = local_overlays(self.store, &stale).await?;
                let chunk = records
                    .into_iter()
                    .zip(start..end)
                    .map(|(record, i)| {
                        let overlay = fresh.get(&keys[i]).or_else(|| overlays.get(&keys[i]));
                        let version = record.as_ref().map(|r| local_version(r, states[i].as_ref(), overlay));
                        (record, version)
                    })
                    .collect();
                let pushed = self.push_chunk(&waiting[start..end], chunk, &states[start..end], report, &mut refused).await?;
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
    async fn push_chunk(&self, waiting: &[OutboxEntry], chunk: Vec<(Option<Record>, Option<Versioned>)>, states: &[Option<SyncState>], report: &mut Report, refused: &mut HashSet<String>) -> Result<usize, SyncError> {
        let present: Vec<(Record, Versioned, Option<&SyncState>)> = chunk.into_iter().zip(states).filter_map(|((r, v), s)| Some((r?, v?, s.as_ref()))).collect();
        let docs: Vec<Value> = present.iter().map(|(r, v, s)| to_doc(r, v, s.map(|s| s.couch_rev.as_str()).filter(|rev| !rev.is_empty()))).collect();
        // Matched by id, not position: pouchdb-server lists refused
        // documents first.
        let mut results: HashMap<String, DocResult> = self.server.bulk_docs(&docs).await?.into_iter().map(|r| (r.id().to_string(), r)).collect();
        let mut step = SyncBatch::default();
        let mut conflicts = Vec::new();
        let by_key: HashMap<String, &OutboxEntry> = waiting.iter().map(|e| (e.key.clone(), e)).collect();
        for (record, version, state) in present {
            let key = record.key();
            // No answer for a document: it stays waiting for the next round.
            match results.remove(&key) {
                Some(DocResult::Saved { rev, .. }) => {
                    report.pushed += 1;
                    let seq = by_key.get(&key).map_or(0, |e| e.seq);
                    let state = SyncState { couch_rev: rev, rev: record.rev, seq, stamps: version.stamps.clone(), deleted_stamp: version.deleted_stamp.clone(), unpushed: false, base: version };
                    step.states.push((key, state));
                }
                Some(DocResult::Conflict { .. }) => conflicts.push((key, state)),
                Some(DocResult::Refused { reason, .. }) => {
                    refused.insert(key.clone());
                    report.refused.push((key, reason));
                }
                None => {}
            }
        }
        self.store.apply_synced(&step).await?;
        // The server moved on: take its document in as if pulled (merged with
        // what is waiting here), and the next round pushes the merge.
        let mut incoming = Vec::new();
        let mut gone = SyncBatch::default();
        for (key, state) in conflicts {
            let (resolved, clashes) = self.resolve(&key).await?;
            report.clashes.extend(clashes);
            match resolved {
                Some(doc) => incoming.push(doc),
                // The revision we hold is not on the server at all (the
                // database was made anew, or the document purged): the next
                // round creates the document afresh.
                None => gone.states.extend(state.map(|s| (key, SyncState { couch_rev: String::new(), unpushed: true, ..s.clone() }))),
            }
        }
        self.store.apply_synced(&gone).await?;
        self.store_incoming(incoming, None, report).await?;
        Ok(waiting.len())
    }

    /// A document the server holds in several live branches: merged (see
    /// `leaves`), written back as one revision and the other branches
    /// deleted; the fields two branches changed come back for review.
    async fn resolve(&self, id: &str) -> Result<(Option<Incoming>, Vec<RecordClash>), SyncError> {
        let leaves = self.server.leaves(id).await?;
        let mut live: Vec<(Incoming, Vec<String>)> = leaves.iter().filter(|d| !is_deleted(d)).filter_map(|d| Some((Incoming::read(d)?, lineage(d)))).collect();
        if live.len() <= 1 {
            let only = live.pop().map(|(one, _)| one).or_else(|| leaves.iter().filter_map(Incoming::read).max_by(|a, b| rev_order(&a.pulled.couch_rev, &b.pulled.couch_rev)));
            return Ok((only, Vec::new()));
        }
        live.sort_by(|a, b| rev_order(&b.0.pulled.couch_rev, &a.0.pulled.couch_rev));
        let lineages: Vec<Vec<String>> = live.iter().map(|(_, l)| l.clone()).collect();
        let fork = match fork_point(&lineages) {
            Some(rev) => self.fork_version(id, rev).await?,
            None => None,
        };
        let branches: Vec<(Versioned, bool)> = live.iter().map(|(i, _)| (i.pulled.versioned.clone(), i.stamped_by_us)).collect();
        // Arrival is after every stamp already there, or an edit stamped on
        // arrival would lose to an older one.
        for version in branches.iter().map(|(v, _)| v).chain(fork.as_ref()) {
            if let Some(latest) = latest_stamp(version) {
                self.clock.borrow_mut().observe(latest);
            }
        }
        let (merged, clashes) = merge_branches(&branches, fork.as_ref(), &self.arrival());
        let winner = &live[0].0.pulled;
        let record = Record { fields: merged.fields.clone(), deleted: merged.deleted, ..winner.record.clone() };
        // The merge first, on its own: results of one request are matched
        // by id, and here every document has the same one.
        let written = self.server.bulk_docs(&[to_doc(&record, &merged, Some(&winner.couch_rev))]).await?;
        let Some(DocResult::Saved { rev, .. }) = written.first() else {
            // Someone wrote it meanwhile: it comes round again in the feed.
            return Ok((Some(live.swap_remove(0).0), Vec::new()));
        };
        let losers: Vec<Value> = live[1..].iter().map(|(l, _)| json!({"_id": id, "_rev": l.pulled.couch_rev, "_deleted": true})).collect();
        // A loser left standing (its deletion lost) is merged again next
        // time, to the same values: not worth failing the run for.
        let _ = self.server.bulk_docs(&losers).await;
        let clashes = clashes.into_iter().map(|clash| RecordClash { kind: record.kind.clone(), id: record.id.clone(), clash }).collect();
        Ok((Some(Incoming { pulled: Pulled { record, versioned: merged, couch_rev: rev.clone() }, stamped_by_us: true }), clashes))
    }

    /// The version the branches forked from: this device's own copy when it
    /// last synced that very revision, else the server's (None once
    /// compaction dropped it).
    async fn fork_version(&self, id: &str, rev: &str) -> Result<Option<Versioned>, SyncError> {
        let state = self.store.sync_states(&[id.to_string()]).await?.pop().flatten();
        if let Some(state) = state.filter(|s| s.couch_rev == rev) {
            return Ok(Some(state.base));
        }
        match self.server.revision(id, rev).await {
            Ok(doc) => Ok(doc.as_ref().and_then(Incoming::read).map(|i| i.pulled.versioned)),
            // Offline: the next run tries again rather than merge with less.
            Err(SyncError::Unreachable) => Err(SyncError::Unreachable),
            // A server or proxy that will not give old revisions: merged without.
            Err(_) => Ok(None),
        }
    }
}

/// Local changes not on the server yet, one per record.
pub async fn waiting<S: SyncStore>(store: &S) -> Result<Vec<OutboxEntry>, StoreError> {
    Ok(waiting_with_states(store).await?.into_iter().map(|(e, _)| e).collect())
}

async fn waiting_with_states<S: SyncStore>(store: &S) -> Result<Vec<(OutboxEntry, Option<SyncState>)>, StoreError> {
    let mut all = Vec::new();
    each_waiting(store, &Unpaced, |entry, state| all.push((entry, state))).await?;
    Ok(all)
}

/// Outbox entries whose states one slice of [`each_waiting`] reads.
const WAITING_SLICE: usize = 5_000;

/// Hands each local change not on the server yet to `each`, with its
/// record's sync state, a slice of the outbox at a time with `pace` between
/// slices: counting 378,000 records waiting in one piece held the page for
/// most of a second.
pub async fn each_waiting<S: SyncStore>(store: &S, pace: &impl Pace, mut each: impl FnMut(OutboxEntry, Option<SyncState>)) -> Result<(), StoreError> {
    let mut outbox = store.outbox().await?.into_iter().peekable();
    while outbox.peek().is_some() {
        let slice: Vec<OutboxEntry> = outbox.by_ref().take(WAITING_SLICE).collect();
        let keys: Vec<String> = slice.iter().map(|e| e.key.clone()).collect();
        let states = store.sync_states(&keys).await?;
        slice.into_iter().zip(states).filter(|(e, s)| e.waits(s.as_ref())).for_each(|(e, s)| each(e, s));
        // Between slices only: a pace that waits for the user holds back
        // no short read.
        if outbox.peek().is_some() {
            pace.breathe().await;
        }
    }
    Ok(())
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

/// About how many bytes a record's document takes (its text fields; 16
/// for anything else): enough to keep a request of photos small.
fn size_of(record: &Record) -> usize {
    record.fields.values().map(|v| v.as_str().map_or(16, str::len)).sum()
}
