use serde::{Deserialize, Serialize};

/// The fields of a record, by name. A map rather than a typed struct so the
/// store, the change log and (later) sync handle every kind of record alike,
/// and diffs are per field.
pub type Fields = serde_json::Map<String, serde_json::Value>;

/// One stored record of any kind (customer, deal, …) with the envelope sync needs:
/// a stable id, a local revision, created/updated stamps and a tombstone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub kind: String,
    /// A UUID; never reused, never changed.
    pub id: String,
    /// Local revision: 1 when created, +1 on every write.
    pub rev: u64,
    pub created_at: i64,
    pub updated_at: i64,
    /// A deleted record stays as a tombstone so a delete can be undone and synced.
    #[serde(default)]
    pub deleted: bool,
    pub fields: Fields,
}

impl Record {
    /// The key the store, change log and outbox use; also the CouchDB document id.
    pub fn key(&self) -> String {
        key_of(&self.kind, &self.id)
    }

    /// The fields as a typed value of the record's kind.
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, super::StoreError> {
        serde_json::from_value(serde_json::Value::Object(self.fields.clone()))
            .map_err(|e| super::StoreError::Corrupt(format!("{}: {e}", self.key())))
    }
}

pub fn key_of(kind: &str, id: &str) -> String {
    format!("{kind}:{id}")
}
