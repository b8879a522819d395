//! The storage contract in three parts, so a function asks only for the part
//! it uses and a conformance failure names the part that broke. [`Store`] is
//! all three: a full backend. Futures are not `Send`: IndexedDB handles live
//! on the browser's one thread, and the memory backend mirrors that.

use super::{Batch, Change, OutboxEntry, Record, Scan, StoreError, SyncBatch, SyncState, TextPage};

/// Records and their change log, written together by [`RecordStore::apply`].
/// Apart so a function that only reads or writes records says so.
#[allow(async_fn_in_trait)]
pub trait RecordStore {
    /// One record by kind and id, tombstones included.
    async fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError>;
    /// Several records by key (`kind:id`), in the order of `keys`: one read
    /// for many, where asking one by one would cost a request each.
    async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<Record>>, StoreError>;
    /// Every record of a kind, tombstones included, in no promised order.
    async fn all(&self, kind: &str) -> Result<Vec<Record>, StoreError>;
    /// Like [`RecordStore::all`] but with the fields decoded straight into `T`
    /// (usually a few fields a list needs): the fast path for big lists.
    async fn all_as<T: serde::de::DeserializeOwned>(&self, kind: &str) -> Result<Scan<T>, StoreError>;
    /// Up to `limit` records of a kind with ids after `after`, in id order,
    /// as stored text, one JSON record per line, tombstones included: a
    /// caller reads a big kind a page at a time between frames, decoding
    /// straight into its type (see [`super::Envelope::from_text`]), so no
    /// single read or decode holds the page long.
    async fn records_text(&self, kind: &str, after: Option<&str>, limit: usize) -> Result<TextPage, StoreError>;
    /// Applies the whole batch atomically: each write's `expected_rev` must match
    /// the stored revision (None = must not exist), else nothing is written and
    /// `Conflict` is returned. Each write also queues its record in the outbox
    /// (see [`SyncStore::outbox`]), in the same transaction. Returns the
    /// change-log sequence numbers assigned, in the order of the batch's writes.
    async fn apply(&self, batch: &Batch) -> Result<Vec<u64>, StoreError>;
    /// Every record, of any kind and tombstones included, whose fields link
    /// to the record `key` (see [`super::links_of`]): a customer's activities,
    /// contacts, tasks and whatever later areas attach to it.
    async fn linked(&self, key: &str) -> Result<Vec<Record>, StoreError>;
    /// Change-log entries with `seq > after`, oldest first, at most `limit`.
    async fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>, StoreError>;
    /// Every change-log entry of one record (by key), oldest first.
    async fn history(&self, key: &str) -> Result<Vec<Change>, StoreError>;
    /// The sequence number of the newest change-log entry (0 when empty).
    async fn last_seq(&self) -> Result<u64, StoreError>;
}

/// What sync keeps beside the records: apart because only the sync engine
/// reads it. The outbox is here although [`RecordStore::apply`] fills it:
/// its one reader is sync (`sync::engine::waiting`), and `forget_sync` refills it.
#[allow(async_fn_in_trait)]
pub trait SyncStore {
    /// Records waiting to be pushed to a sync server, one entry per record.
    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError>;
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
    /// Drops from the outbox what its sync state shows pushed (see
    /// [`OutboxEntry::waits`]), so the outbox holds only what still waits
    /// and reading it costs what is waiting, not every change ever made.
    async fn trim_outbox(&self) -> Result<(), StoreError>;
}

/// Small named values kept beside the records: derived ones that speed
/// things up (the customer list at a known log position), which a reader
/// rebuilds when missing, and the device's own (the mark of the database it
/// syncs with, its preferences). Apart because they are not records: no log
/// entry, no outbox, no sync.
#[allow(async_fn_in_trait)]
pub trait CacheStore {
    async fn cache_get(&self, name: &str) -> Result<Option<String>, StoreError>;
    async fn cache_put(&self, name: &str, value: &str) -> Result<(), StoreError>;
}

/// A full backend, for callers that need all three parts (the sync engine).
pub trait Store: RecordStore + SyncStore + CacheStore {}

impl<T: RecordStore + SyncStore + CacheStore> Store for T {}
