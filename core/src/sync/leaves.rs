//! A document the server holds in several branches (another client, or a
//! replicated database, wrote it beside us): where the branches forked, and
//! their versions merged as two devices' are, so every field both changed
//! is listed for review instead of one branch silently winning.

use super::hlc::Stamp;
use super::local::with_arrivals;
use super::merge::{merge, Clash, Versioned};
use serde_json::Value;

/// A document's own rev and the revs it grew from, newest first, from the
/// `_revisions` an `open_revs` read carries (just its own rev without it).
pub fn lineage(doc: &Value) -> Vec<String> {
    let own = doc.get("_rev").and_then(Value::as_str).unwrap_or_default().to_string();
    let Some(revisions) = doc.get("_revisions") else { return vec![own] };
    let start = revisions.get("start").and_then(Value::as_u64).unwrap_or(0);
    let ids = revisions.get("ids").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    let revs: Vec<String> = ids.iter().zip((1..=start).rev()).filter_map(|(hash, n)| Some(format!("{n}-{}", hash.as_str()?))).collect();
    if revs.first() == Some(&own) {
        revs
    } else {
        vec![own]
    }
}

/// The newest revision every branch grew from, if the server still knows one.
pub fn fork_point(lineages: &[Vec<String>]) -> Option<&str> {
    let (first, rest) = lineages.split_first()?;
    first.iter().find(|rev| rest.iter().all(|l| l.contains(rev))).map(String::as_str)
}

/// Merges the branches' versions (best first). With the fork's version, a
/// change another client made without stamping it (it copied Daftar's
/// stamps along) is stamped as it arrives, so no older Daftar edit beats
/// it, and a field is a clash only when two branches changed it. Without
/// it, which side changed a field is unknown: the stamps decide, and every
/// difference is listed.
pub fn merge_branches(branches: &[(Versioned, bool)], fork: Option<&Versioned>, arrival: &Stamp) -> (Versioned, Vec<Clash>) {
    let mut versions = branches.iter().map(|(v, stamped_by_us)| match fork {
        Some(fork) => with_arrivals(v.clone(), *stamped_by_us, Some(fork), arrival),
        None => v.clone(),
    });
    let mut merged = versions.next().unwrap_or_default();
    let mut clashes = Vec::new();
    for version in versions {
        let step = merge(fork, &merged, &version);
        clashes.extend(step.clashes);
        merged = step.record;
    }
    (merged, clashes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn stamp(wall_ms: i64, device: &str) -> Stamp {
        Stamp { wall_ms, counter: 0, device: device.into() }
    }

    fn version(fields: Value, stamps: &[(&str, Stamp)]) -> Versioned {
        Versioned {
            fields: fields.as_object().unwrap().clone(),
            stamps: stamps.iter().map(|(f, s)| (f.to_string(), s.clone())).collect(),
            ..Versioned::default()
        }
    }

    #[test]
    fn lineage_reads_revisions_and_the_fork_is_the_newest_shared_rev() {
        let a = json!({"_rev": "3-c", "_revisions": {"start": 3, "ids": ["c", "b", "a"]}});
        let b = json!({"_rev": "2-x", "_revisions": {"start": 2, "ids": ["x", "a"]}});
        assert_eq!(lineage(&a), vec!["3-c", "2-b", "1-a"]);
        assert_eq!(fork_point(&[lineage(&a), lineage(&b)]), Some("1-a"));
        // Replicated in without history: no shared rev.
        assert_eq!(fork_point(&[lineage(&a), lineage(&json!({"_rev": "2-y"}))]), None);
        // A `_revisions` that does not end in the document's own rev is not trusted.
        assert_eq!(lineage(&json!({"_rev": "2-y", "_revisions": {"start": 2, "ids": ["z", "a"]}})), vec!["2-y"]);
    }

    #[test]
    fn another_clients_edit_with_copied_stamps_is_stamped_on_arrival_and_listed() {
        let fork = version(json!({"name": "Pars", "city": "Tehran"}), &[("name", stamp(100, "dev-a")), ("city", stamp(100, "dev-a"))]);
        // This device renamed it at 200; another client renamed it too and
        // moved it to Shiraz, keeping the stamps it had read.
        let ours = version(json!({"name": "Pars Co", "city": "Tehran"}), &[("name", stamp(200, "dev-a")), ("city", stamp(100, "dev-a"))]);
        let theirs = version(json!({"name": "Pars Group", "city": "Shiraz"}), &[("name", stamp(100, "dev-a")), ("city", stamp(100, "dev-a"))]);
        let arrival = stamp(300, "dev-a");
        let (merged, clashes) = merge_branches(&[(ours, true), (theirs, true)], Some(&fork), &arrival);
        assert_eq!(Value::Object(merged.fields), json!({"name": "Pars Group", "city": "Shiraz"}));
        assert_eq!(clashes.len(), 1, "only the name was changed by both: {clashes:?}");
        assert_eq!((clashes[0].field.as_str(), &clashes[0].set_aside), ("name", &json!("Pars Co")));
    }

    #[test]
    fn without_the_fork_every_difference_is_listed_and_decided_by_stamps() {
        let ours = version(json!({"name": "Pars Co", "city": "Tehran"}), &[("name", stamp(200, "dev-a")), ("city", stamp(100, "dev-a"))]);
        let theirs = version(json!({"name": "Pars", "city": "Shiraz"}), &[("name", stamp(100, "dev-a")), ("city", stamp(250, "dev-b"))]);
        let (merged, clashes) = merge_branches(&[(ours, true), (theirs, true)], None, &stamp(300, "dev-a"));
        assert_eq!(Value::Object(merged.fields), json!({"name": "Pars Co", "city": "Shiraz"}));
        let fields: Vec<&str> = clashes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, vec!["city", "name"]);
    }
}
