use super::record::{key_of, Fields, Record};
use crate::env::Env;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Create,
    Update,
    Delete,
    Restore,
}

/// One field's value before and after a change (`Null` where absent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    // Null is left out when stored: a create's `before` is always null, and
    // the log holds one entry per field of every record ever created.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub before: Value,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub after: Value,
}

/// An entry of the append-only change log: what happened to one record.
/// Updates carry each changed field's value before and after; a create lists
/// the fields it set (their values are the record's first revision); a delete
/// or restore carries the `_deleted` flag.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The entry's position in the log, assigned by the store when applied
    /// (0 until then). Not serialised: backends keep it as the position,
    /// so writing a log entry never needs a copy with the number filled in.
    #[serde(skip)]
    pub seq: u64,
    pub key: String,
    pub kind: String,
    pub id: String,
    pub op: Op,
    pub at: i64,
    /// The record's revision after this change.
    pub rev: u64,
    pub fields: Vec<FieldChange>,
    /// When a local edit was made, by the device's sync clock: the changed
    /// fields compete with other devices' edits by it. None for changes a
    /// sync brought in and for changes made before stamps existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp: Option<crate::sync::hlc::Stamp>,
}

/// A record waiting to be pushed: the latest change of that record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub key: String,
    pub rev: u64,
    pub seq: u64,
}

impl OutboxEntry {
    /// Still to be pushed, given what is known of the record's server
    /// document: never synced, holding values the server lacks, or changed
    /// after the state's log position.
    pub fn waits(&self, state: Option<&super::SyncState>) -> bool {
        state.is_none_or(|s| s.unpushed || self.seq > s.seq)
    }
}

/// One record's new state plus the log entry explaining it.
#[derive(Clone, Debug, PartialEq)]
pub struct Write {
    pub record: Record,
    /// The revision the command read (None: the record must not exist yet).
    pub expected_rev: Option<u64>,
    pub change: Change,
}

/// Everything one command changes; applied all together or not at all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub writes: Vec<Write>,
}

impl Batch {
    pub fn one(write: Write) -> Self {
        Self { writes: vec![write] }
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// Marks every change of the batch as made at `stamp` (one command, one
    /// moment), so sync can tell which edit of a field came last.
    pub fn stamped(mut self, stamp: &crate::sync::hlc::Stamp) -> Self {
        for w in &mut self.writes {
            w.change.stamp = Some(stamp.clone());
        }
        self
    }
}

impl Write {
    /// A new record of `kind` with fresh id and stamps.
    pub fn create(kind: &str, fields: Fields, env: &dyn Env) -> Self {
        Self::create_with_id(kind, &env.new_id(), fields, env)
    }

    /// A new record under a fixed id: records every device starts with (the
    /// default pipelines), so two devices storing them store the same record.
    pub fn create_with_id(kind: &str, id: &str, fields: Fields, env: &dyn Env) -> Self {
        let now = env.now_ms();
        let record = Record {
            kind: kind.to_string(),
            id: id.to_string(),
            rev: 1,
            created_at: now,
            updated_at: now,
            deleted: false,
            fields,
        };
        // A create names the fields it set but does not repeat their values:
        // they are the record's first revision, which the current record and
        // the `before` values of later updates rebuild exactly. Repeating
        // them doubled the bytes an import writes.
        let names = record.fields.keys().map(|field| FieldChange { field: field.clone(), before: Value::Null, after: Value::Null }).collect();
        Self::new(record, None, Op::Create, names)
    }

    /// The record with new field values; None when nothing would change.
    pub fn update(prev: &Record, fields: Fields, env: &dyn Env) -> Option<Self> {
        let diff = diff(&prev.fields, &fields);
        if diff.is_empty() {
            return None;
        }
        let record = Record { fields, ..next_rev(prev, env) };
        Some(Self::new(record, Some(prev.rev), Op::Update, diff))
    }

    /// Marks the record deleted, keeping its fields so the delete can be undone.
    pub fn delete(prev: &Record, env: &dyn Env) -> Self {
        Self::tombstone(prev, true, env)
    }

    /// Undoes a delete.
    pub fn restore(prev: &Record, env: &dyn Env) -> Self {
        Self::tombstone(prev, false, env)
    }

    /// Puts `current` back to the fields and deleted flag of `earlier` (an
    /// older revision of the same record), as a new revision: undo never
    /// rewrites history, it adds to it. None when they already agree.
    pub fn revert(current: &Record, earlier: &Record, env: &dyn Env) -> Option<Self> {
        Self::settle(current, earlier.fields.clone(), earlier.deleted, env)
    }

    /// `prev` (None: not on this device yet) brought to the fields and
    /// deleted flag a sync settled on, as a new local revision logged like
    /// any change; None when they already agree. `template` gives the kind,
    /// id and creation time.
    pub fn synced(prev: Option<&Record>, template: &Record, fields: Fields, deleted: bool, env: &dyn Env) -> Option<Self> {
        let Some(prev) = prev else {
            let mut write = Self::create_with_id(&template.kind, &template.id, fields, env);
            write.record.deleted = deleted;
            if template.created_at > 0 {
                write.record.created_at = template.created_at;
            }
            return Some(write);
        };
        Self::settle(prev, fields, deleted, env)
    }

    /// `prev` with these fields and deleted flag as its next revision.
    fn settle(prev: &Record, fields: Fields, deleted: bool, env: &dyn Env) -> Option<Self> {
        let mut changes = diff(&prev.fields, &fields);
        if prev.deleted != deleted {
            changes.push(FieldChange { field: "_deleted".into(), before: Value::Bool(prev.deleted), after: Value::Bool(deleted) });
        }
        if changes.is_empty() {
            return None;
        }
        let op = match (prev.deleted, deleted) {
            (true, false) => Op::Restore,
            (false, true) => Op::Delete,
            _ => Op::Update,
        };
        let record = Record { fields, deleted, ..next_rev(prev, env) };
        Some(Self::new(record, Some(prev.rev), op, changes))
    }

    fn tombstone(prev: &Record, deleted: bool, env: &dyn Env) -> Self {
        let record = Record { deleted, ..next_rev(prev, env) };
        let op = if deleted { Op::Delete } else { Op::Restore };
        let flag = FieldChange {
            field: "_deleted".into(),
            before: Value::Bool(prev.deleted),
            after: Value::Bool(deleted),
        };
        Self::new(record, Some(prev.rev), op, vec![flag])
    }

    fn new(record: Record, expected_rev: Option<u64>, op: Op, fields: Vec<FieldChange>) -> Self {
        let change = Change {
            seq: 0,
            key: key_of(&record.kind, &record.id),
            kind: record.kind.clone(),
            id: record.id.clone(),
            op,
            at: record.updated_at,
            rev: record.rev,
            fields,
            stamp: None,
        };
        Self { record, expected_rev, change }
    }
}

fn next_rev(prev: &Record, env: &dyn Env) -> Record {
    Record { rev: prev.rev + 1, updated_at: env.now_ms(), ..prev.clone() }
}

/// Field-level difference, in a stable (sorted) order.
pub fn diff(before: &Fields, after: &Fields) -> Vec<FieldChange> {
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter_map(|name| {
            let b = before.get(name).cloned().unwrap_or(Value::Null);
            let a = after.get(name).cloned().unwrap_or(Value::Null);
            (a != b).then(|| FieldChange { field: name.clone(), before: b, after: a })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use serde_json::json;

    fn fields(v: Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn update_records_only_changed_fields_and_bumps_rev() {
        let env = SeededEnv::new(1, 100);
        let w = Write::create("customer", fields(json!({"name": "a", "city": "x"})), &env);
        assert_eq!(w.change.op, Op::Create);
        assert_eq!(w.change.fields.len(), 2);
        let u = Write::update(&w.record, fields(json!({"name": "b", "city": "x"})), &env).unwrap();
        assert_eq!(u.record.rev, 2);
        assert_eq!(u.expected_rev, Some(1));
        assert_eq!(u.change.fields, vec![FieldChange { field: "name".into(), before: json!("a"), after: json!("b") }]);
        assert!(u.record.updated_at > w.record.updated_at);
        assert_eq!(u.record.created_at, w.record.created_at);
    }

    #[test]
    fn first_revision_is_rebuilt_from_record_and_later_befores() {
        let env = SeededEnv::new(1, 100);
        let w = Write::create("customer", fields(json!({"name": "a", "city": "x", "tags": ["t"]})), &env);
        assert!(w.change.fields.iter().all(|f| f.before.is_null() && f.after.is_null()));
        let u1 = Write::update(&w.record, fields(json!({"name": "b", "city": "x", "tags": ["t"]})), &env).unwrap();
        let u2 = Write::update(&u1.record, fields(json!({"name": "c", "city": "y", "tags": ["t"]})), &env).unwrap();
        let mut rebuilt = u2.record.fields.clone();
        for change in [&u2.change, &u1.change] {
            for f in &change.fields {
                rebuilt.insert(f.field.clone(), f.before.clone());
            }
        }
        assert_eq!(rebuilt, w.record.fields);
    }

    #[test]
    fn unchanged_update_is_none() {
        let env = SeededEnv::new(1, 100);
        let w = Write::create("customer", fields(json!({"name": "a"})), &env);
        assert!(Write::update(&w.record, w.record.fields.clone(), &env).is_none());
    }

    #[test]
    fn delete_keeps_fields_and_restore_undoes() {
        let env = SeededEnv::new(1, 100);
        let w = Write::create("customer", fields(json!({"name": "a"})), &env);
        let d = Write::delete(&w.record, &env);
        assert!(d.record.deleted);
        assert_eq!(d.record.fields, w.record.fields);
        let r = Write::restore(&d.record, &env);
        assert!(!r.record.deleted);
        assert_eq!(r.record.rev, 3);
        assert_eq!(r.change.op, Op::Restore);
    }

    #[test]
    fn revert_restores_fields_and_flag_as_a_new_revision() {
        let env = SeededEnv::new(1, 100);
        let w = Write::create("customer", fields(json!({"name": "a"})), &env);
        let u = Write::update(&w.record, fields(json!({"name": "b", "merged_into": "x"})), &env).unwrap();
        let d = Write::delete(&u.record, &env);
        let back = Write::revert(&d.record, &w.record, &env).unwrap();
        assert_eq!(back.record.fields, w.record.fields);
        assert!(!back.record.deleted);
        assert_eq!((back.record.rev, back.expected_rev, back.change.op), (4, Some(3), Op::Restore));
        let names: Vec<&str> = back.change.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, vec!["merged_into", "name", "_deleted"]);
        assert!(Write::revert(&w.record, &w.record, &env).is_none());
    }

    #[test]
    fn removed_field_shows_as_null_after() {
        let d = diff(&fields(json!({"a": 1})), &Fields::new());
        assert_eq!(d, vec![FieldChange { field: "a".into(), before: json!(1), after: Value::Null }]);
    }
}
