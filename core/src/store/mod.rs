//! Storage. A command validates input and yields a [`Batch`]; a
//! [`RecordStore`] applies the batch's records, change-log entries and outbox
//! entries all together or not at all. The contract is three traits, one per
//! concern (see `contract.rs`); [`Store`] is all three. Backends:
//! [`MemoryStore`] here, IndexedDB in the app.

mod batch;
pub mod conformance;
mod contract;
mod fields;
mod kind;
mod links;
mod memory;
mod rebase;
mod record;
mod sync_state;

pub use batch::{Batch, Change, FieldChange, Op, OutboxEntry, Write};
pub use contract::{CacheStore, RecordStore, Store, SyncStore};
pub use fields::{create, to_fields, update};
pub use kind::RecordKind;
pub use links::{links_of, relink};
pub use memory::MemoryStore;
pub use rebase::{rebase, Overwritten};
pub use record::{key_of, Envelope, Fields, Record, Scan, TextPage};
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
