//! Field-by-field merge of two versions of one record. Each field keeps the
//! value set last by [`Stamp`], which makes the merge commutative,
//! associative and idempotent: devices converge whatever order changes reach
//! them in, and a retried sync changes nothing. The last synced base only
//! decides which fields the user is asked to review.

use super::hlc::Stamp;
use crate::store::Fields;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// What a field missing from a version reads as: absent, set at the dawn of
/// time, so any stamped value is later.
static NULL: Value = Value::Null;
static UNSET: Stamp = Stamp {
    wall_ms: 0,
    counter: 0,
    device: String::new(),
};

/// A record as sync sees it: its fields, when each field was last set, and
/// whether it is deleted. The delete is stamped on its own, like a field, so
/// a delete and an edit of another field both survive, and a later undelete
/// wins over an earlier delete.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Versioned {
    /// A Null value means absent: merged and edited versions leave it out.
    pub fields: Fields,
    /// When each field was last set or removed. A removed field keeps its
    /// stamp so the removal wins over older values; a field set before stamps
    /// existed has none and reads as the default (earliest) stamp.
    pub stamps: BTreeMap<String, Stamp>,
    pub deleted: bool,
    pub deleted_stamp: Stamp,
}

impl Versioned {
    fn value(&self, field: &str) -> &Value {
        self.fields.get(field).unwrap_or(&NULL)
    }

    fn side(&self, field: &str) -> Side<'_> {
        Side {
            value: self.value(field),
            stamp: self.stamps.get(field).unwrap_or(&UNSET),
        }
    }
}

/// A field set on both sides since the base to different values: the value
/// kept (the later stamp) and the one set aside, both shown to the user.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Clash {
    pub field: String,
    pub kept: Value,
    pub kept_stamp: Stamp,
    pub set_aside: Value,
    pub set_aside_stamp: Stamp,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub record: Versioned,
    /// In field order.
    pub clashes: Vec<Clash>,
}

/// One version's value of a field and when it was set.
#[derive(Clone, Copy)]
struct Side<'a> {
    value: &'a Value,
    stamp: &'a Stamp,
}

/// The winner and the loser of one field. The later stamp wins; equal stamps
/// with different values come only from bad data or from values set before
/// stamps existed, and are settled by the values alone (a value over absence,
/// so an unstamped field is never dropped, then the greater canonical JSON),
/// never by which side is which, so the merge stays commutative.
fn pick<'a>(a: Side<'a>, b: Side<'a>) -> (Side<'a>, Side<'a>) {
    let a_wins = a
        .stamp
        .cmp(b.stamp)
        .then_with(|| (!a.value.is_null()).cmp(&!b.value.is_null()))
        // Canonical: without serde_json's "preserve_order" feature (not
        // enabled in this workspace) objects print with sorted keys.
        .then_with(|| a.value.to_string().cmp(&b.value.to_string()))
        .is_ge();
    if a_wins {
        (a, b)
    } else {
        (b, a)
    }
}

/// Merges two versions of one record field by field. Each field takes the
/// value with the later stamp (a missing field is Null with the default
/// stamp; a Null value means absent and is left out of the merged fields), so
/// the merge is commutative, associative and idempotent whatever the base.
///
/// The base (the version both sides last synced, `None` if never) only
/// decides what is reported as a clash: a field whose local and remote values
/// differ and both differ from the base's. Deleting is never a clash: with
/// two values, one of the sides always agrees with the base.
pub fn merge(base: Option<&Versioned>, local: &Versioned, remote: &Versioned) -> Merged {
    let names: BTreeSet<&String> = local
        .fields
        .keys()
        .chain(remote.fields.keys())
        .chain(local.stamps.keys())
        .chain(remote.stamps.keys())
        .collect();
    let mut record = Versioned::default();
    let mut clashes = Vec::new();
    for name in names {
        let (kept, set_aside) = pick(local.side(name), remote.side(name));
        if local.stamps.contains_key(name) || remote.stamps.contains_key(name) {
            record.stamps.insert(name.clone(), kept.stamp.clone());
        }
        if !kept.value.is_null() {
            record.fields.insert(name.clone(), kept.value.clone());
        }
        let was = base.map_or(&NULL, |b| b.value(name));
        if kept.value != set_aside.value && kept.value != was && set_aside.value != was {
            clashes.push(Clash {
                field: name.clone(),
                kept: kept.value.clone(),
                kept_stamp: kept.stamp.clone(),
                set_aside: set_aside.value.clone(),
                set_aside_stamp: set_aside.stamp.clone(),
            });
        }
    }
    // At equal stamps the delete wins (true > false), like any tie: by value.
    let (deleted_stamp, deleted) =
        (&local.deleted_stamp, local.deleted).max((&remote.deleted_stamp, remote.deleted));
    record.deleted = deleted;
    record.deleted_stamp = deleted_stamp.clone();
    Merged { record, clashes }
}

/// The stamps of a local edit: fields whose values differ between `before`
/// and `after_fields` (a missing field and Null alike) get `stamp`, and so
/// does the delete if it changed; the rest keep theirs. Used when the user
/// saves, so only what they changed competes with other devices' edits.
pub fn stamp_edit(
    before: &Versioned,
    after_fields: &Fields,
    after_deleted: bool,
    stamp: &Stamp,
) -> Versioned {
    let mut stamps = before.stamps.clone();
    for name in before.fields.keys().chain(after_fields.keys()) {
        if before.value(name) != after_fields.get(name).unwrap_or(&NULL) {
            stamps.insert(name.clone(), stamp.clone());
        }
    }
    let fields = after_fields
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let deleted_stamp = if after_deleted == before.deleted {
        before.deleted_stamp.clone()
    } else {
        stamp.clone()
    };
    Versioned {
        fields,
        stamps,
        deleted: after_deleted,
        deleted_stamp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    const NAMES: [&str; 5] = ["name", "phone", "city", "stage", "note"];

    fn stamp(wall_ms: i64, device: &str) -> Stamp {
        Stamp {
            wall_ms,
            counter: 0,
            device: device.into(),
        }
    }

    fn fields(pairs: &[(&str, Value)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    /// Few walls, counters and devices, so equal stamps with different values
    /// (bad data) come up too and the tie-break is exercised.
    fn any_stamp() -> impl Strategy<Value = Stamp> {
        (
            0i64..4,
            0u32..2,
            prop::sample::select(vec!["d1", "d2", "d3"]),
        )
            .prop_map(|(wall_ms, counter, device)| Stamp {
                wall_ms,
                counter,
                device: device.into(),
            })
    }

    fn any_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            prop::sample::select(vec!["a", "b", "c"]).prop_map(Value::from),
            (0i64..3).prop_map(Value::from),
            any::<bool>().prop_map(Value::from),
        ]
    }

    /// Any version, including Null values, unstamped values and stamps of
    /// removed fields.
    fn any_versioned() -> impl Strategy<Value = Versioned> {
        let field =
            prop::option::of((prop::option::of(any_value()), prop::option::of(any_stamp())));
        (
            prop::collection::vec(field, NAMES.len()),
            any::<bool>(),
            any_stamp(),
        )
            .prop_map(|(entries, deleted, deleted_stamp)| {
                let mut v = Versioned {
                    deleted,
                    deleted_stamp,
                    ..Versioned::default()
                };
                for (name, (value, stamp)) in NAMES
                    .iter()
                    .zip(entries)
                    .filter_map(|(n, e)| Some((n.to_string(), e?)))
                {
                    if let Some(value) = value {
                        v.fields.insert(name.clone(), value);
                    }
                    if let Some(stamp) = stamp {
                        v.stamps.insert(name, stamp);
                    }
                }
                v
            })
    }

    /// `v` as a merge returns it: Null fields left out.
    fn normalized(v: &Versioned) -> Versioned {
        let mut v = v.clone();
        v.fields.retain(|_, value| !value.is_null());
        v
    }

    /// Stamps later than any [`any_stamp`], as a device editing now would issue.
    fn fresh_stamp() -> impl Strategy<Value = Stamp> {
        (10i64..20, prop::sample::select(vec!["d1", "d2", "d3"]))
            .prop_map(|(wall_ms, device)| stamp(wall_ms, device))
    }

    fn edited(base: &Versioned, field: &str, value: Value, stamp: &Stamp) -> Versioned {
        let mut after = base.fields.clone();
        after.insert(field.into(), value);
        stamp_edit(base, &after, base.deleted, stamp)
    }

    proptest! {
        #[test]
        fn merging_is_commutative(base in prop::option::of(any_versioned()), l in any_versioned(), r in any_versioned()) {
            prop_assert_eq!(merge(base.as_ref(), &l, &r), merge(base.as_ref(), &r, &l));
        }

        #[test]
        fn merging_is_idempotent(base in prop::option::of(any_versioned()), x in any_versioned(), y in any_versioned()) {
            prop_assert_eq!(merge(base.as_ref(), &x, &x).record, normalized(&x));
            let m = merge(base.as_ref(), &x, &y).record;
            prop_assert_eq!(&merge(base.as_ref(), &m, &x).record, &m);
            prop_assert_eq!(&merge(base.as_ref(), &m, &y).record, &m);
        }

        #[test]
        fn any_order_of_merges_converges(a in any_versioned(), b in any_versioned(), c in any_versioned()) {
            let m = |x: &Versioned, y: &Versioned| merge(None, x, y).record;
            let expected = m(&m(&a, &b), &c);
            for got in [m(&a, &m(&b, &c)), m(&m(&a, &c), &b), m(&m(&b, &c), &a), m(&c, &m(&b, &a)), m(&m(&c, &a), &b)] {
                prop_assert_eq!(&got, &expected);
            }
        }

        #[test]
        fn edits_of_different_fields_both_survive(
            base in any_versioned(),
            (f, g) in (0..NAMES.len(), 1..NAMES.len()).prop_map(|(f, d)| (NAMES[f], NAMES[(f + d) % NAMES.len()])),
            (x, y) in (any_value(), any_value()),
            (ls, rs) in (fresh_stamp(), fresh_stamp()),
        ) {
            let local = edited(&base, f, x.clone(), &ls);
            let remote = edited(&base, g, y.clone(), &rs);
            let merged = merge(Some(&base), &local, &remote);
            prop_assert_eq!(merged.record.value(f), &x);
            prop_assert_eq!(merged.record.value(g), &y);
            prop_assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
        }

        #[test]
        fn the_same_field_edited_on_both_sides_keeps_the_later_and_is_a_clash(
            base in any_versioned(),
            f in prop::sample::select(NAMES.to_vec()),
            (ls, rs) in (fresh_stamp(), fresh_stamp()).prop_filter("two edits", |(l, r)| l != r),
        ) {
            // Values no version has, so both sides differ from the base and each other.
            let (x, y) = (json!("local edit"), json!("remote edit"));
            let local = edited(&base, f, x.clone(), &ls);
            let remote = edited(&base, f, y.clone(), &rs);
            let merged = merge(Some(&base), &local, &remote);
            let ((kept, kept_stamp), (set_aside, set_aside_stamp)) = if ls > rs { ((x, ls), (y, rs)) } else { ((y, rs), (x, ls)) };
            prop_assert_eq!(merged.record.value(f), &kept);
            let clash = Clash { field: f.into(), kept, kept_stamp, set_aside, set_aside_stamp };
            prop_assert_eq!(merged.clashes, vec![clash]);
        }
    }

    #[test]
    fn a_delete_and_an_edit_of_another_field_both_survive() {
        let base = stamp_edit(
            &Versioned::default(),
            &fields(&[("name", json!("Sara"))]),
            false,
            &stamp(1, "a"),
        );
        let local = stamp_edit(&base, &base.fields, true, &stamp(2, "a"));
        let remote = edited(&base, "phone", json!("0912"), &stamp(3, "b"));
        let merged = merge(Some(&base), &local, &remote);
        assert!(merged.record.deleted);
        assert_eq!(
            merged.record.fields,
            fields(&[("name", json!("Sara")), ("phone", json!("0912"))])
        );
        assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
    }

    #[test]
    fn a_later_undelete_wins_over_an_earlier_delete() {
        let base = Versioned {
            fields: fields(&[("name", json!("Sara"))]),
            ..Versioned::default()
        };
        let deleted = stamp_edit(&base, &base.fields, true, &stamp(2, "a"));
        let undeleted = stamp_edit(&deleted, &deleted.fields, false, &stamp(3, "b"));
        for merged in [
            merge(Some(&base), &deleted, &undeleted),
            merge(Some(&base), &undeleted, &deleted),
        ] {
            assert!(!merged.record.deleted);
            assert_eq!(merged.record.deleted_stamp, stamp(3, "b"));
        }
    }

    #[test]
    fn a_later_removal_wins_over_an_earlier_value_and_keeps_its_stamp() {
        let base = stamp_edit(
            &Versioned::default(),
            &fields(&[("note", json!("call back"))]),
            false,
            &stamp(1, "a"),
        );
        let removed = stamp_edit(&base, &Fields::new(), false, &stamp(3, "a"));
        let changed = edited(&base, "note", json!("called"), &stamp(2, "b"));
        let merged = merge(Some(&base), &removed, &changed);
        assert_eq!(merged.record.fields, Fields::new());
        assert_eq!(merged.record.stamps["note"], stamp(3, "a"));
        assert_eq!(merged.clashes[0].set_aside, json!("called"));
    }

    #[test]
    fn stamp_edit_stamps_only_the_fields_that_changed() {
        let old = stamp(1, "a");
        let before = Versioned {
            fields: fields(&[
                ("name", json!("Sara")),
                ("phone", json!("0912")),
                ("note", json!("x")),
                ("city", Value::Null),
            ]),
            stamps: [("name", &old), ("phone", &old), ("note", &old)]
                .map(|(k, s)| (k.to_string(), s.clone()))
                .into(),
            ..Versioned::default()
        };
        let after = fields(&[
            ("name", json!("Sara")),
            ("phone", json!("0935")),
            ("stage", json!("won")),
        ]);
        let new = stamp(2, "a");
        let edited = stamp_edit(&before, &after, false, &new);
        assert_eq!(edited.fields, after);
        let stamps: Vec<(&str, &Stamp)> =
            edited.stamps.iter().map(|(k, s)| (k.as_str(), s)).collect();
        assert_eq!(
            stamps,
            [
                ("name", &old),
                ("note", &new),
                ("phone", &new),
                ("stage", &new)
            ]
        );
        assert_eq!(
            (edited.deleted, &edited.deleted_stamp),
            (false, &Stamp::default())
        );
    }
}
