use super::Write;
use crate::sync::hlc::Stamp;
use crate::sync::merge::Versioned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What this device knows of one record's document on the sync server. A
/// record never synced has none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// The server's revision of the document `base` is.
    pub couch_rev: String,
    /// The document as the server had it at `couch_rev`: the base of the next
    /// three-way merge, so only fields changed on both sides since count as
    /// clashes.
    pub base: Versioned,
    /// The local revision `stamps` describes: the record's changes with a
    /// later revision were made on this device since, and stamp the fields
    /// they touch with their own stamp.
    pub rev: u64,
    /// The change-log position of that revision, or an earlier one: where to
    /// start reading the log for those later changes.
    pub seq: u64,
    /// When each field of the local record was last set, as of `seq`.
    pub stamps: BTreeMap<String, Stamp>,
    pub deleted_stamp: Stamp,
    /// The local record holds values the server lacks though no local change
    /// came after `seq` (a merge kept some local values): push it anyway.
    pub unpushed: bool,
}

/// What one step of a sync stores, all together or not at all: records the
/// server changed (logged like any change, so lists, timelines and other
/// tabs follow, but never queued to be pushed back), what is now known of
/// records' server documents, and how far the server's changes feed has been
/// read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncBatch {
    /// Checked like [`super::Batch`]'s: a record changed on this device since
    /// the sync read it refuses the whole step with `Conflict`.
    pub writes: Vec<Write>,
    /// By record key. A state whose record is also written in this step gets
    /// that write's log position as its `seq`.
    pub states: Vec<(String, SyncState)>,
    /// The server's changes-feed position read up to; None leaves it as is.
    pub checkpoint: Option<String>,
}
