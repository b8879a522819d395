use super::record::{Envelope, Record};
use super::StoreError;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A record type, naming once the kind its records are stored under. Rules
/// and screens read a record as its type through this rather than by field
/// name (links another area adds beside the type's own fields, such as a
/// renewal deal's `service_contract_id`, are the exception), and a record of
/// another kind is refused rather than misread.
pub trait RecordKind: Serialize + DeserializeOwned {
    /// The stored kind ("deal", "installed_item"): part of every record's
    /// key and CouchDB document id, so it never changes.
    const KIND: &'static str;
}

impl Record {
    /// The fields as `T`, or `Corrupt` when this record is of another kind or
    /// its fields do not fit `T`.
    pub fn read<T: RecordKind>(&self) -> Result<T, StoreError> {
        if self.kind != T::KIND {
            return Err(StoreError::Corrupt(format!("{} read as a {}", self.key(), T::KIND)));
        }
        self.decode()
    }
}

impl<T: RecordKind> Envelope<T> {
    /// A stored record's text (one line of a kind's scan) decoded straight
    /// into its type, without a map in between: the fast path for indexes.
    pub fn from_text(text: &str) -> Result<Self, StoreError> {
        let record: Self = serde_json::from_str(text).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        if record.kind != T::KIND {
            return Err(StoreError::Corrupt(format!("{} read as a {}", record.key(), T::KIND)));
        }
        Ok(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::tasks::{self, Task, TaskInput};

    #[test]
    fn reads_its_own_kind_and_refuses_another() {
        let env = SeededEnv::new(1, 0);
        let task = tasks::validate(&TaskInput { title: "Call back".into(), ..Default::default() }).unwrap();
        let record = crate::store::create(Task::KIND, &task, &env).writes.remove(0).record;
        assert_eq!(record.read::<Task>().unwrap(), task);
        let text = serde_json::to_string(&record).unwrap();
        assert_eq!(Envelope::<Task>::from_text(&text).unwrap().fields, task);

        let contact = Record { kind: "contact".into(), ..record.clone() };
        assert!(matches!(contact.read::<Task>(), Err(StoreError::Corrupt(m)) if m.contains("read as a task")));
        let text = serde_json::to_string(&contact).unwrap();
        assert!(Envelope::<Task>::from_text(&text).is_err());
        assert!(Envelope::<Task>::from_text("{not json").is_err());
    }
}
