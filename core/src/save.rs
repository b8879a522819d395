//! Saving a typed record: the one way every area's save command turns a
//! validated value into the [`Batch`] that writes it. The kind comes from the
//! type, so a value cannot be stored under another kind's name, and an edit
//! replaces only the fields the type knows: fields a newer version or an
//! import added survive it.

use crate::check::FieldError;
use crate::env::Env;
use crate::store::{self, Batch, Record, RecordKind, StoreError, Write};

/// A save worked out: the record's id, and the batch to apply (none when
/// the value is what is stored already, so an unchanged form writes nothing).
#[derive(Debug)]
pub struct Saved {
    pub id: String,
    pub batch: Option<Batch>,
}

/// Why a save was refused, kept apart by cause: the form shows field
/// errors beside their fields, a record deleted meanwhile says so, and only
/// a real storage failure reads as one.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Invalid(Vec<FieldError>),
    /// The record was deleted (here, in another tab or by a sync) since the
    /// page showing it was opened.
    Gone,
    /// The record's status no longer allows this step: another tab or
    /// device moved it meanwhile, or it is closed.
    NotAllowed,
    Store(StoreError),
}

impl From<Vec<FieldError>> for SaveError {
    fn from(errors: Vec<FieldError>) -> Self {
        SaveError::Invalid(errors)
    }
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

/// Creates a record holding `value` (no `existing`) or updates `existing`
/// to it. A stored record of another kind is refused as corrupt.
pub fn save<T: RecordKind + Default>(existing: Option<&Record>, value: &T, env: &dyn Env) -> Result<Saved, StoreError> {
    match existing {
        None => {
            let batch = store::create(T::KIND, value, env);
            Ok(Saved { id: batch.writes[0].record.id.clone(), batch: Some(batch) })
        }
        Some(prev) => update(prev, value, env),
    }
}

/// [`save`] under a fixed id: records every device starts with (a default
/// pipeline, the lost reasons), so two devices storing them store one record.
pub fn save_at<T: RecordKind + Default>(id: &str, existing: Option<&Record>, value: &T, env: &dyn Env) -> Result<Saved, StoreError> {
    match existing {
        None => Ok(Saved { id: id.to_string(), batch: Some(Batch::one(Write::create_with_id(T::KIND, id, store::to_fields(value), env))) }),
        Some(prev) => update(prev, value, env),
    }
}

fn update<T: RecordKind + Default>(prev: &Record, value: &T, env: &dyn Env) -> Result<Saved, StoreError> {
    if prev.kind != T::KIND {
        return Err(StoreError::Corrupt(format!("{} saved as a {}", prev.key(), T::KIND)));
    }
    Ok(Saved { id: prev.id.clone(), batch: store::update(prev, value, env) })
}

/// The stored record `existing` read as `T`, for commands that edit a
/// record's current value rather than replace it.
pub fn current<T: RecordKind>(existing: Option<&Record>) -> Result<Option<T>, StoreError> {
    existing.map(Record::read::<T>).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::tasks::{self, Task, TaskInput};

    fn task(title: &str) -> Task {
        tasks::validate(&TaskInput { title: title.into(), ..Default::default() }).unwrap()
    }

    #[test]
    fn creates_under_the_types_kind_and_an_unchanged_edit_writes_nothing() {
        let env = SeededEnv::new(4, 0);
        let created = save(None, &task("Call back"), &env).unwrap();
        let record = created.batch.unwrap().writes.remove(0).record;
        assert_eq!((record.kind.as_str(), record.id.as_str()), (Task::KIND, created.id.as_str()));

        let same = save(Some(&record), &task("Call back"), &env).unwrap();
        assert_eq!(same.id, record.id);
        assert!(same.batch.is_none());
        let edited = save(Some(&record), &task("Call again"), &env).unwrap().batch.unwrap();
        assert_eq!(edited.writes[0].change.fields.len(), 1);
        assert_eq!(edited.writes[0].record.read::<Task>().unwrap().title, "Call again");
    }

    #[test]
    fn an_edit_keeps_fields_the_type_does_not_know() {
        let env = SeededEnv::new(4, 0);
        let mut record = save(None, &task("Call back"), &env).unwrap().batch.unwrap().writes.remove(0).record;
        record.fields.insert("added_later".into(), serde_json::json!(7));
        let edited = save(Some(&record), &task("Call again"), &env).unwrap().batch.unwrap();
        assert_eq!(edited.writes[0].record.fields["added_later"], serde_json::json!(7));
    }

    #[test]
    fn a_record_of_another_kind_is_refused() {
        let env = SeededEnv::new(4, 0);
        let record = save(None, &task("Call back"), &env).unwrap().batch.unwrap().writes.remove(0).record;
        let contact = Record { kind: "contact".into(), ..record };
        assert!(matches!(save(Some(&contact), &task("x"), &env), Err(StoreError::Corrupt(m)) if m.contains("saved as a task")));
        assert!(current::<Task>(Some(&contact)).is_err());
    }

    #[test]
    fn a_fixed_id_is_kept_on_create() {
        let env = SeededEnv::new(4, 0);
        let saved = save_at("fixed-1", None, &task("Call back"), &env).unwrap();
        assert_eq!(saved.id, "fixed-1");
        assert_eq!(saved.batch.unwrap().writes[0].record.id, "fixed-1");
    }
}
