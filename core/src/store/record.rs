use serde::{Deserialize, Serialize};

/// The fields of a record, by name. A map rather than a typed struct so the
/// store, the change log and (later) sync handle every kind of record alike,
/// and diffs are per field.
pub type Fields = serde_json::Map<String, serde_json::Value>;

/// One stored record with the envelope sync needs: a stable id, a local
/// revision, created/updated stamps and a tombstone. `F` is how the fields are
/// held: a [`Fields`] map for writing ([`Record`]), or a typed view of them for
/// reading many records at once (see [`super::RecordStore::all_as`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<F> {
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
    pub fields: F,
}

/// A record of any kind (customer, deal, …) with its fields as a map.
pub type Record = Envelope<Fields>;

impl<F> Envelope<F> {
    /// The key the store, change log and outbox use; also the CouchDB document id.
    pub fn key(&self) -> String {
        key_of(&self.kind, &self.id)
    }
}

impl Record {
    /// The fields as a typed value of the record's kind.
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, super::StoreError> {
        serde_json::from_value(serde_json::Value::Object(self.fields.clone()))
            .map_err(|e| super::StoreError::Corrupt(format!("{}: {e}", self.key())))
    }

    /// The same record with its fields decoded, for rules that take typed records.
    pub fn typed<T: serde::de::DeserializeOwned>(&self) -> Result<Envelope<T>, super::StoreError> {
        let fields = self.decode()?;
        Ok(Envelope { kind: self.kind.clone(), id: self.id.clone(), rev: self.rev, created_at: self.created_at, updated_at: self.updated_at, deleted: self.deleted, fields })
    }
}

/// Records of one kind read with typed fields; those whose fields do not
/// decode as the requested type are counted, not fatal, so one bad record
/// never hides a whole list.
#[derive(Clone, Debug, PartialEq)]
pub struct Scan<T> {
    pub records: Vec<Envelope<T>>,
    pub unreadable: usize,
}

impl<T> Default for Scan<T> {
    fn default() -> Self {
        Self { records: Vec::new(), unreadable: 0 }
    }
}

impl<T> Scan<T> {
    pub fn push(&mut self, decoded: Result<Envelope<T>, impl std::fmt::Display>) {
        match decoded {
            Ok(r) => self.records.push(r),
            Err(_) => self.unreadable += 1,
        }
    }
}

/// A page of a kind's records as stored text, one JSON record per line
/// (see [`super::RecordStore::records_text`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextPage {
    pub text: String,
    /// The id to read on after: the page's last record's when the page was
    /// full, None once the kind is read to its end.
    pub next: Option<String>,
}

pub fn key_of(kind: &str, id: &str) -> String {
    format!("{kind}:{id}")
}
