//! A big kind read from the store a page at a time, the browser free
//! between pages: neither the read nor the decoding of one page holds the
//! main thread long (6,000 deals read at once held it for 75 ms).

use crate::storage::IdbStore;
use daftar_core::store::{RecordStore, StoreError};

const PAGE: usize = 1_000;

/// Hands each page of `kind`'s stored text (one record's JSON per line) to
/// `take`, in id order.
pub(super) async fn each_page(store: &IdbStore, kind: &str, mut take: impl FnMut(&str)) -> Result<(), StoreError> {
    let mut after: Option<String> = None;
    loop {
        let page = store.records_text(kind, after.as_deref(), PAGE).await?;
        take(&page.text);
        let Some(next) = page.next else { return Ok(()) };
        after = Some(next);
        crate::browser_env::yield_now().await;
    }
}
