//! The two sides of a merge as the engine sees them: this device's version
//! of a record (its fields, stamped by the log of local changes) and the
//! server's (stamped by its writer, or on arrival when another client wrote
//! it without stamps).

use super::hlc::Stamp;
use super::merge::Versioned;
use crate::store::{Change, Record, RecordStore, StoreError, SyncState};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// Below this many records, each one's history is read by key; above, the
/// log is read once from the earliest position needed.
const BY_KEY: usize = 16;
const LOG_PAGE: usize = 5_000;

/// The stamps local changes set since a record's sync state: they overlay
/// the state's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    pub stamps: BTreeMap<String, Stamp>,
    pub deleted_stamp: Option<Stamp>,
    /// The newest local revision folded in: a record read later at a newer
    /// revision was changed since, and needs its overlay read again.
    pub through_rev: u64,
}

/// For each record key (with its sync state, None if never synced), the
/// stamps of the local changes after that state, in one pass over the log
/// (or one history read per record, for a few). Only names and stamps are
/// kept, so a first push of a big import holds no copy of its changes.
pub async fn local_overlays<S: RecordStore>(store: &S, wanted: &[(String, Option<&SyncState>)]) -> Result<HashMap<String, Overlay>, StoreError> {
    let since: HashMap<&str, u64> = wanted.iter().map(|(k, s)| (k.as_str(), s.map_or(0, |s| s.rev))).collect();
    let mut overlays: HashMap<String, Overlay> = HashMap::new();
    let mut take = |change: Change| {
        let (Some(&after), Some(stamp)) = (since.get(change.key.as_str()), change.stamp) else { return };
        if change.rev <= after {
            return;
        }
        let overlay = overlays.entry(change.key).or_default();
        overlay.through_rev = overlay.through_rev.max(change.rev);
        for field in change.fields {
            if field.field == "_deleted" {
                overlay.deleted_stamp = Some(stamp.clone());
            } else {
                overlay.stamps.insert(field.field, stamp.clone());
            }
        }
    };
    if wanted.len() <= BY_KEY {
        for (key, _) in wanted {
            store.history(key).await?.into_iter().for_each(&mut take);
        }
    } else {
        let mut after = wanted.iter().map(|(_, s)| s.map_or(0, |s| s.seq)).min().unwrap_or(0).saturating_sub(1);
        loop {
            let page = store.changes_since(after, LOG_PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            page.into_iter().for_each(&mut take);
        }
    }
    Ok(overlays)
}

/// A record's version as this device holds it: its fields, stamped by its
/// sync state's stamps under the overlay of local changes since.
pub fn local_version(record: &Record, state: Option<&SyncState>, overlay: Option<&Overlay>) -> Versioned {
    let mut stamps = state.map(|s| s.stamps.clone()).unwrap_or_default();
    let mut deleted_stamp = state.map(|s| s.deleted_stamp.clone()).unwrap_or_default();
    if let Some(overlay) = overlay {
        stamps.extend(overlay.stamps.iter().map(|(k, v)| (k.clone(), v.clone())));
        if let Some(stamp) = &overlay.deleted_stamp {
            deleted_stamp = stamp.clone();
        }
    }
    Versioned {
        fields: record.fields.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), v.clone())).collect(),
        stamps,
        deleted: record.deleted,
        deleted_stamp,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn stamp(wall_ms: i64, device: &str) -> Stamp {
        Stamp { wall_ms, counter: 0, device: device.into() }
    }

    fn version(fields: serde_json::Value, stamps: &[(&str, Stamp)]) -> Versioned {
        Versioned { fields: fields.as_object().cloned().unwrap(), stamps: stamps.iter().map(|(f, s)| (f.to_string(), s.clone())).collect(), ..Versioned::default() }
    }

    #[test]
    fn another_clients_edits_are_stamped_on_arrival_and_ours_keep_their_stamps() {
        let base = version(json!({"name": "A", "city": "Qom", "phone": "1"}), &[("name", stamp(5, "x")), ("city", stamp(5, "x")), ("phone", stamp(5, "x"))]);
        let arrival = stamp(100, "me");
        // curl changed the city keeping our stamps, removed the phone, and
        // another Daftar device set the name with a later stamp.
        let remote = version(json!({"name": "B", "city": "Karaj"}), &[("name", stamp(50, "y")), ("city", stamp(5, "x")), ("phone", stamp(5, "x"))]);
        let ready = with_arrivals(remote, true, Some(&base), &arrival);
        assert_eq!(ready.stamps["name"], stamp(50, "y"));
        assert_eq!(ready.stamps["city"], arrival);
        assert_eq!(ready.stamps["phone"], arrival);
        // A document never seen, without stamps: every field arrives now.
        let foreign = version(json!({"name": "C"}), &[]);
        assert_eq!(with_arrivals(foreign, false, None, &arrival).stamps["name"], arrival);
    }

    #[test]
    fn a_bare_deletion_by_another_client_keeps_the_fields_held() {
        let base = version(json!({"name": "A"}), &[("name", stamp(5, "x"))]);
        let deleted = Versioned { deleted: true, ..Versioned::default() };
        let ready = with_arrivals(deleted, false, Some(&base), &stamp(100, "me"));
        assert!(ready.deleted);
        assert_eq!(ready.fields, base.fields);
        assert_eq!(ready.deleted_stamp, stamp(100, "me"));
    }
}
