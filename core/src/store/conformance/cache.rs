//! The case for [`CacheStore`]. It checks a cache write moves neither the
//! log nor the outbox, so it needs the whole [`Store`].

use super::{env, err, fields, CaseResult};
use crate::store::{Batch, Store, Write};
use serde_json::json;

pub(super) async fn cache_is_kept_apart_from_records_and_log<S: Store>(s: &S) -> CaseResult {
    ensure!(s.last_seq().await.map_err(err)? == 0, "empty store has a last seq");
    ensure!(s.cache_get("list").await.map_err(err)?.is_none(), "cache not empty at start");
    let e = env();
    s.apply(&Batch { writes: (0..3).map(|i| Write::create("customer", fields(json!({"n": i})), &e)).collect() }).await.map_err(err)?;
    ensure!(s.last_seq().await.map_err(err)? == 3, "last seq after three writes");
    let big = "ش".repeat(100_000);
    s.cache_put("list", &big).await.map_err(err)?;
    s.cache_put("list", "v2 «ی»").await.map_err(err)?;
    ensure!(s.cache_get("list").await.map_err(err)?.as_deref() == Some("v2 «ی»"), "cache value not replaced");
    ensure!(s.last_seq().await.map_err(err)? == 3, "a cache write moved the log");
    ensure!(s.outbox().await.map_err(err)?.len() == 3, "a cache write reached the outbox");
    Ok(())
}
