//! Global search's index of every record kind beyond customers: read the
//! first time someone searches, then kept in step with every write.

use super::customers::unavailable;
use super::{AppState, Written};
use daftar_core::global_search::{is_searched, GlobalIndex, IndexBuilder, SEARCHED};
use daftar_core::store::StoreError;
use leptos::prelude::*;

/// Takes in what concerns the index once it is loaded (until then, the
/// first search reads everything anyway). Thousands of searched records at
/// once (demo items) are read again at the next search instead: taking them
/// in would hold the page for seconds.
fn on_written(state: &AppState, written: &Written) {
    if state.everything().with_untracked(Option::is_none) {
        return;
    }
    let records = match written {
        Written::Reset => return state.everything().set(None),
        Written::Bulk(records) if records.iter().any(|r| is_searched(&r.kind)) => return state.everything().set(None),
        Written::Records(records) | Written::Bulk(records) => records,
    };
    if records.iter().any(|r| is_searched(&r.kind)) {
        state.everything().update(|ix| {
            if let Some(ix) = ix {
                ix.upsert(records);
            }
        });
    }
}

impl AppState {
    /// Every record global search covers beyond customers; loaded the first
    /// time someone searches, then kept in step with every write.
    pub fn everything(&self) -> RwSignal<Option<GlobalIndex>> {
        self.cache()
    }

    /// Loads the global search index the first time it is needed.
    pub async fn load_everything(&self) -> Result<(), StoreError> {
        self.listen("search", on_written);
        if self.everything().with_untracked(Option::is_some) {
            return Ok(());
        }
        let store = self.store().ok_or_else(unavailable)?;
        let span = crate::perf::start("daftar:load-everything");
        // A write during the read would be missing from the index: read again
        // rather than search a stale one (a few tries; writes are rare).
        for _ in 0..3 {
            let changes_before = self.changes.get_untracked();
            let index = read_search_index(&store).await?;
            if self.changes.get_untracked() == changes_before {
                self.everything().set(Some(index));
                break;
            }
        }
        span.end();
        Ok(())
    }
}

/// Every searched kind read from its stored text and indexed a page at a
/// time, the browser free in between: 70,000 activities at once held the
/// page for over a second.
async fn read_search_index(store: &crate::storage::IdbStore) -> Result<GlobalIndex, StoreError> {
    let mut builder = IndexBuilder::default();
    for searched in &SEARCHED {
        super::paged::each_page(store, searched.kind, |text| builder.add_texts(searched.kind, text.lines().filter(|l| !l.is_empty()))).await?;
    }
    if builder.unreadable > 0 {
        leptos::logging::warn!("{} records could not be read for search", builder.unreadable);
    }
    Ok(builder.build())
}
