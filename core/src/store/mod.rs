//! The storage contract. A command validates input and yields a [`Batch`]; a
//! [`Store`] applies the batch's records, change-log entries and outbox entries
//! all together or not at all. Backends: [`MemoryStore`] here, IndexedDB in the app.

mod batch;
pub mod conformance;
mod fields;
mod kind;
mod links;
mod memory;
mod record;
mod sync_state;

pub use batch::{Batch, Change, FieldChange, Op, OutboxEntry, Write};
pub use fields::{create, to_fields, update};
pub use kind::RecordKind;
pub use links::{links_of, relink};
pub use memory::MemoryStore;
pub use record::{key_of, Envelope, Fields, Record, Scan};
pub use sync_state::{SyncBatch, SyncState};

/// Schema version of the persistent layout. Bump it together with a migration
/// in every backend and a fixture of the previous version in its tests.
pub const SCHEMA_VERSION: u32 = 4;

/// Why a store refused or failed an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The record changed since the caller read it (another tab or a sync wrote it).
    Conflict { key: String, expected: Option<u64>, found: Option<u64> },
    /// The device is out of space for this origin.
    QuotaExceeded,
    /// A stored value could not be read back (written by a newer or broken version).
    Corrupt(String),
    /// Anything else the backend reported, in its own words (for logs, not users).
    Backend(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Conflict { key, expected, found } => {
                write!(f, "conflict on {key}: expected rev {expected:?}, found {found:?}")
            }
            StoreError::QuotaExceeded => f.write_str("storage quota exceeded"),
            StoreError::Corrupt(m) => write!(f, "corrupt record: {m}"),
            StoreError::Backend(m) => write!(f, "storage backend: {m}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// What every backend offers. Futures are not `Send`: IndexedDB handles live
/// on the browser's one thread, and the memory backend mirrors that.
#[allow(async_fn_in_trait)]
pub trait Store {
    /// One record by kind and id, tombstones included.
    async fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError>;
    /// Several records by key (`kind:id`), in the order of `keys`: one read
    /// for many, where asking one by one would cost a request each.
    async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<Record>>, StoreError>;
    /// Every record of a kind, tombstones included, in no promised order.
    async fn all(&self, kind: &str) -> Result<Vec<Record>, StoreError>;
    /// Like [`Store::all`] but with the fields decoded straight into `T`
    /// (usually a few fields a list needs): the fast path for big lists.
    async fn all_as<T: serde::de::DeserializeOwned>(&self, kind: &str) -> Result<Scan<T>, StoreError>;
    /// Every record of a kind as stored text, one JSON record per line,
    /// tombstones included: a caller decodes a big kind a slice at a time
    /// between frames, straight into its type (see [`Envelope::from_text`]).
    async fn records_text(&self, kind: &str) -> Result<String, StoreError>;
    /// Applies the whole batch atomically: each write's `expected_rev` must match
    /// the stored revision (None = must not exist), else nothing is written and
    /// `Conflict` is returned. Returns the change-log sequence numbers assigned,
    /// in the order of the batch's writes.
    async fn apply(&self, batch: &Batch) -> Result<Vec<u64>, StoreError>;
    /// Every record, of any kind and tombstones included, whose fields link
    /// to the record `key` (see [`links_of`]): a customer's activities,
    /// contacts, tasks and whatever later areas attach to it.
    async fn linked(&self, key: &str) -> Result<Vec<Record>, StoreError>;
    /// Change-log entries with `seq > after`, oldest first, at most `limit`.
    async fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>, StoreError>;
    /// Every change-log entry of one record (by key), oldest first.
    async fn history(&self, key: &str) -> Result<Vec<Change>, StoreError>;
    /// Records waiting to be pushed to a sync server, one entry per record.
    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError>;
    /// The sequence number of the newest change-log entry (0 when empty).
    async fn last_seq(&self) -> Result<u64, StoreError>;
    /// A derived value kept to speed things up (e.g. the customer list at a
    /// known log position). Not a record: no log entry, no outbox, no sync.
    async fn cache_get(&self, name: &str) -> Result<Option<String>, StoreError>;
    async fn cache_put(&self, name: &str, value: &str) -> Result<(), StoreError>;
    /// What is known of each record's server document, in the order of `keys`
    /// (None: never synced).
    async fn sync_states(&self, keys: &[String]) -> Result<Vec<Option<SyncState>>, StoreError>;
    /// Stores one step of a sync atomically (see [`SyncBatch`]); returns the
    /// log positions of its writes, in order.
    async fn apply_synced(&self, batch: &SyncBatch) -> Result<Vec<u64>, StoreError>;
    /// How far the server's changes feed has been stored (None: not yet).
    async fn sync_checkpoint(&self) -> Result<Option<String>, StoreError>;
    /// Forgets every sync state and the checkpoint (another server): every
    /// record ever synced, pulled ones too, is queued again, so the next
    /// sync offers everything to the new server.
    async fn forget_sync(&self) -> Result<(), StoreError>;
}
