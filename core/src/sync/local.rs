//! The two sides of a merge as the engine sees them: this device's version
//! of a record (its fields, stamped by the log of local changes) and the
//! server's (stamped by its writer, or on arrival when another client wrote
//! it without stamps).

use super::hlc::Stamp;
use super::merge::Versioned;
use crate::store::{Change, Record, Store, StoreError, SyncState};
use serde_json::Value;
use std::collections::HashMap;

/// Below this many records, each one's history is read by key; above, the
/// log is read once from the earliest position needed.
const BY_KEY: usize = 16;
const LOG_PAGE: usize = 5_000;

/// Each record's version as this device holds it: its fields, with the
/// stamps its sync state knew, overlaid by the stamps of every local change
/// since (`state` None: every change the log holds).
pub async fn local_versions<S: Store>(store: &S, records: &[(&Record, Option<&SyncState>)]) -> Result<Vec<Versioned>, StoreError> {
    let mut by_key: HashMap<String, Vec<Change>> = HashMap::new();
    if records.len() <= BY_KEY {
        for (record, _) in records {
            by_key.insert(record.key(), store.history(&record.key()).await?);
        }
    } else {
        let wanted: HashMap<String, ()> = records.iter().map(|(r, _)| (r.key(), ())).collect();
        let mut after = records.iter().map(|(_, s)| s.map_or(0, |s| s.seq)).min().unwrap_or(0).saturating_sub(1);
        loop {
            let page = store.changes_since(after, LOG_PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            for change in page.into_iter().filter(|c| wanted.contains_key(&c.key)) {
                by_key.entry(change.key.clone()).or_default().push(change);
            }
        }
    }
    Ok(records.iter().map(|(record, state)| local_version(record, *state, by_key.get(&record.key()).map_or(&[], Vec::as_slice))).collect())
}

fn local_version(record: &Record, state: Option<&SyncState>, history: &[Change]) -> Versioned {
    let mut version = Versioned {
        fields: record.fields.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), v.clone())).collect(),
        stamps: state.map(|s| s.stamps.clone()).unwrap_or_default(),
        deleted: record.deleted,
        deleted_stamp: state.map(|s| s.deleted_stamp.clone()).unwrap_or_default(),
    };
    let since = state.map_or(0, |s| s.rev);
    for change in history.iter().filter(|c| c.rev > since && c.rev <= record.rev) {
        let Some(stamp) = &change.stamp else { continue };
        for field in &change.fields {
            if field.field == "_deleted" {
                version.deleted_stamp = stamp.clone();
            } else {
                version.stamps.insert(field.field.clone(), stamp.clone());
            }
        }
    }
    version
}

/// The server's version made ready to merge. A field another client changed
/// carries no new stamp of ours: where its value differs from the base but
/// its stamp is no later than the base's (missing, or copied along
/// unchanged), the change is stamped with its arrival, so it wins over what
/// this device held before. (Daftar's own writers always merge before they
/// write, so they never send an older stamp with a different value.)
/// A deletion another client made carries no fields: the ones held are kept,
/// so an undo can bring them back.
pub fn with_arrivals(mut remote: Versioned, stamped_by_us: bool, base: Option<&Versioned>, arrival: &Stamp) -> Versioned {
    let empty = Versioned::default();
    let base = base.unwrap_or(&empty);
    if remote.deleted && !stamped_by_us && remote.fields.is_empty() {
        remote.fields = base.fields.clone();
        remote.stamps = base.stamps.clone();
    }
    let names: Vec<String> = remote.fields.keys().chain(base.fields.keys()).cloned().collect();
    for name in names {
        let value = |v: &Versioned| v.fields.get(&name).cloned().unwrap_or(Value::Null);
        if value(&remote) != value(base) && remote.stamps.get(&name) <= base.stamps.get(&name) {
            remote.stamps.insert(name, arrival.clone());
        }
    }
    if remote.deleted != base.deleted && remote.deleted_stamp <= base.deleted_stamp {
        remote.deleted_stamp = arrival.clone();
    }
    remote
}

/// The latest stamp in a version: the clock must move past it.
pub fn latest_stamp(version: &Versioned) -> Option<&Stamp> {
    version.stamps.values().chain([&version.deleted_stamp]).max()
}
