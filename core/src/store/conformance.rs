//! The one conformance suite every [`Store`] backend must pass. Written once,
//! run on the host against [`super::MemoryStore`] and in headless Chromium
//! against the IndexedDB backend.

use super::{Batch, Op, Store, StoreError, SyncBatch, SyncState, Write};
use crate::env::{Env, SeededEnv};
use serde_json::json;
use std::future::Future;

/// Result of one run: which cases passed, and why the others failed.
#[derive(Debug, Default)]
pub struct Report {
    pub passed: Vec<&'static str>,
    pub failed: Vec<(&'static str, String)>,
}

impl Report {
    pub fn assert_all_passed(&self) {
        assert!(self.failed.is_empty(), "conformance failures: {:#?}", self.failed);
        assert!(self.passed.len() == CASE_COUNT, "ran {} of {CASE_COUNT} cases", self.passed.len());
    }
}

const CASE_COUNT: usize = 23;

type CaseResult = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// Runs every case, each on a fresh store from `fresh`.
pub async fn run_all<S, F, Fut>(mut fresh: F) -> Report
where
    S: Store,
    F: FnMut() -> Fut,
    Fut: Future<Output = S>,
{
    let mut report = Report::default();
    macro_rules! case {
        ($name:ident) => {{
            let store = fresh().await;
            match $name(&store).await {
                Ok(()) => report.passed.push(stringify!($name)),
                Err(e) => report.failed.push((stringify!($name), e)),
            }
        }};
    }
    case!(create_then_read_back);
    case!(all_filters_by_kind);
    case!(update_logs_field_changes);
    case!(stale_write_is_refused_and_nothing_written);
    case!(batch_is_all_or_nothing);
    case!(delete_is_a_tombstone_and_restore_undoes);
    case!(outbox_keeps_latest_change_per_record);
    case!(changes_since_pages_in_order);
    case!(unicode_and_markup_round_trip);
    case!(typed_scan_decodes_fields_and_counts_unreadable);
    case!(records_text_holds_one_record_per_line);
    case!(big_batches_page_and_keep_history);
    case!(cache_is_kept_apart_from_records_and_log);
    case!(a_duplicate_create_sinks_its_whole_batch);
    case!(one_record_written_twice_in_a_batch);
    case!(a_duplicate_deep_in_a_big_batch_sinks_all_of_it);
    case!(linked_finds_what_points_at_a_record);
    case!(linked_follows_edits_and_keeps_tombstones);
    case!(sync_states_round_trip_with_the_checkpoint);
    case!(synced_writes_are_logged_but_never_queued);
    case!(a_stale_synced_write_stores_nothing_of_its_step);
    case!(forgetting_sync_keeps_records_and_stamps);
    case!(get_many_reads_in_the_order_asked);
    report
}

fn env() -> SeededEnv {
    SeededEnv::new(42, 1_700_000_000_000)
}

fn fields(v: serde_json::Value) -> super::Fields {
    v.as_object().cloned().unwrap_or_default()
}

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

async fn create_then_read_back<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let w = Write::create("customer", fields(json!({"name": "Ali", "phones": ["09121234567"]})), &e);
    let seqs = s.apply(&Batch::one(w.clone())).await.map_err(err)?;
    ensure!(seqs.len() == 1 && seqs[0] >= 1, "seqs {seqs:?}");
    let got = s.get("customer", &w.record.id).await.map_err(err)?;
    ensure!(got.as_ref() == Some(&w.record), "read back {got:?}");
    let missing = s.get("customer", "no-such-id").await.map_err(err)?;
    ensure!(missing.is_none(), "missing id returned {missing:?}");
    Ok(())
}

async fn all_filters_by_kind<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let batch = Batch {
        writes: vec![
            Write::create("customer", fields(json!({"name": "a"})), &e),
            Write::create("customer", fields(json!({"name": "b"})), &e),
            Write::create("deal", fields(json!({"title": "c"})), &e),
        ],
    };
    s.apply(&batch).await.map_err(err)?;
    let customers = s.all("customer").await.map_err(err)?;
    ensure!(customers.len() == 2, "customers {}", customers.len());
    ensure!(customers.iter().all(|r| r.kind == "customer"), "wrong kind in all()");
    ensure!(s.all("survey").await.map_err(err)?.is_empty(), "unknown kind not empty");
    Ok(())
}

async fn update_logs_field_changes<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let w = Write::create("customer", fields(json!({"name": "a", "city": "Tehran"})), &e);
    s.apply(&Batch::one(w.clone())).await.map_err(err)?;
    let u = Write::update(&w.record, fields(json!({"name": "b", "city": "Tehran"})), &e).ok_or("no diff")?;
    s.apply(&Batch::one(u.clone())).await.map_err(err)?;
    let got = s.get("customer", &w.record.id).await.map_err(err)?.ok_or("gone")?;
    ensure!(got.rev == 2 && got.fields["name"] == json!("b"), "got {got:?}");
    let hist = s.history(&w.record.key()).await.map_err(err)?;
    ensure!(hist.len() == 2, "history len {}", hist.len());
    ensure!(hist[0].op == Op::Create && hist[1].op == Op::Update, "ops {:?}", hist.iter().map(|c| c.op).collect::<Vec<_>>());
    ensure!(hist[1].fields.len() == 1 && hist[1].fields[0].field == "name", "fields {:?}", hist[1].fields);
    ensure!(hist[0].seq < hist[1].seq, "seq order");
    Ok(())
}

async fn stale_write_is_refused_and_nothing_written<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let w = Write::create("customer", fields(json!({"name": "a"})), &e);
    s.apply(&Batch::one(w.clone())).await.map_err(err)?;
    let first = Write::update(&w.record, fields(json!({"name": "b"})), &e).ok_or("no diff")?;
    let stale = Write::update(&w.record, fields(json!({"name": "c"})), &e).ok_or("no diff")?;
    s.apply(&Batch::one(first)).await.map_err(err)?;
    let r = s.apply(&Batch::one(stale)).await;
    ensure!(matches!(r, Err(super::StoreError::Conflict { .. })), "stale write gave {r:?}");
    let got = s.get("customer", &w.record.id).await.map_err(err)?.ok_or("gone")?;
    ensure!(got.fields["name"] == json!("b"), "stale write landed: {got:?}");
    let again = s.apply(&Batch::one(w.clone())).await;
    ensure!(matches!(again, Err(super::StoreError::Conflict { .. })), "double create gave {again:?}");
    ensure!(s.history(&w.record.key()).await.map_err(err)?.len() == 2, "refused writes were logged");
    Ok(())
}

async fn batch_is_all_or_nothing<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let existing = Write::create("customer", fields(json!({"name": "x"})), &e);
    s.apply(&Batch::one(existing.clone())).await.map_err(err)?;
    let fresh = Write::create("customer", fields(json!({"name": "new"})), &e);
    let mut bad = Write::update(&existing.record, fields(json!({"name": "y"})), &e).ok_or("no diff")?;
    bad.expected_rev = Some(99);
    let r = s.apply(&Batch { writes: vec![fresh.clone(), bad] }).await;
    ensure!(r.is_err(), "batch with a stale write was accepted");
    ensure!(s.get("customer", &fresh.record.id).await.map_err(err)?.is_none(), "half a batch was written");
    let log = s.changes_since(0, 100).await.map_err(err)?;
    ensure!(log.len() == 1, "change log has {} entries, want 1", log.len());
    let outbox = s.outbox().await.map_err(err)?;
    ensure!(outbox.len() == 1, "outbox has {} entries, want 1", outbox.len());
    Ok(())
}

async fn delete_is_a_tombstone_and_restore_undoes<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let w = Write::create("customer", fields(json!({"name": "a"})), &e);
    s.apply(&Batch::one(w.clone())).await.map_err(err)?;
    let d = Write::delete(&w.record, &e);
    s.apply(&Batch::one(d.clone())).await.map_err(err)?;
    let got = s.get("customer", &w.record.id).await.map_err(err)?.ok_or("tombstone missing")?;
    ensure!(got.deleted && got.fields == w.record.fields, "tombstone {got:?}");
    s.apply(&Batch::one(Write::restore(&d.record, &e))).await.map_err(err)?;
    let back = s.get("customer", &w.record.id).await.map_err(err)?.ok_or("gone")?;
    ensure!(!back.deleted && back.rev == 3, "restored {back:?}");
    Ok(())
}

async fn outbox_keeps_latest_change_per_record<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let a = Write::create("customer", fields(json!({"name": "a"})), &e);
    let b = Write::create("customer", fields(json!({"name": "b"})), &e);
    s.apply(&Batch { writes: vec![a.clone(), b.clone()] }).await.map_err(err)?;
    let u = Write::update(&a.record, fields(json!({"name": "a2"})), &e).ok_or("no diff")?;
    let seqs = s.apply(&Batch::one(u)).await.map_err(err)?;
    let outbox = s.outbox().await.map_err(err)?;
    ensure!(outbox.len() == 2, "outbox {outbox:?}");
    let entry = outbox.iter().find(|o| o.key == a.record.key()).ok_or("a not in outbox")?;
    ensure!(entry.rev == 2 && entry.seq == seqs[0], "outbox entry {entry:?}, seq {seqs:?}");
    Ok(())
}

async fn changes_since_pages_in_order<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let writes: Vec<Write> = (0..25).map(|i| Write::create("customer", fields(json!({"n": i})), &e)).collect();
    let seqs = s.apply(&Batch { writes }).await.map_err(err)?;
    ensure!(seqs.windows(2).all(|p| p[0] < p[1]), "seqs not increasing {seqs:?}");
    let mut after = 0;
    let mut seen = 0;
    loop {
        let page = s.changes_since(after, 10).await.map_err(err)?;
        if page.is_empty() {
            break;
        }
        ensure!(page.len() <= 10, "page of {}", page.len());
        ensure!(page.iter().all(|c| c.seq > after), "page went backwards");
        after = page.last().map(|c| c.seq).unwrap_or(after);
        seen += page.len();
    }
    ensure!(seen == 25, "saw {seen} changes");
    Ok(())
}

async fn unicode_and_markup_round_trip<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let tricky = json!({
        "name": "شرکت پارس‌نگار «آریا» <img src=x onerror=alert(1)>",
        "notes": "line1\nline2\t\"quoted\" \\ \u{0000} 😀 ي ك ۱۲۳",
        "n": 1.5, "big": 9_007_199_254_740_991_i64, "list": [], "nested": {"a": null}
    });
    let w = Write::create("customer", fields(tricky), &e);
    s.apply(&Batch::one(w.clone())).await.map_err(err)?;
    let got = s.get("customer", &w.record.id).await.map_err(err)?.ok_or("gone")?;
    ensure!(got == w.record, "round trip changed the record:\n{got:?}\n{:?}", w.record);
    Ok(())
}

async fn typed_scan_decodes_fields_and_counts_unreadable<S: Store>(s: &S) -> CaseResult {
    #[derive(serde::Deserialize, PartialEq, Debug)]
    struct Named {
        name: String,
    }
    let e = env();
    let good = Write::create("customer", fields(json!({"name": "نام", "extra": [1, 2]})), &e);
    let bad = Write::create("customer", fields(json!({"name": 42})), &e);
    let other = Write::create("deal", fields(json!({"name": "x"})), &e);
    s.apply(&Batch { writes: vec![good.clone(), bad, other] }).await.map_err(err)?;
    s.apply(&Batch::one(Write::delete(&good.record, &e))).await.map_err(err)?;
    let scan = s.all_as::<Named>("customer").await.map_err(err)?;
    ensure!(scan.unreadable == 1, "unreadable {}", scan.unreadable);
    ensure!(scan.records.len() == 1, "records {}", scan.records.len());
    let r = &scan.records[0];
    ensure!(r.id == good.record.id && r.deleted && r.rev == 2, "envelope {:?}", (r.id.clone(), r.deleted, r.rev));
    ensure!(r.fields == Named { name: "نام".into() }, "fields {:?}", r.fields);
    Ok(())
}

async fn records_text_holds_one_record_per_line<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let lines = Write::create("customer", fields(json!({"name": "two\nlines", "notes": "«نقل»"})), &e);
    let gone = Write::create("customer", fields(json!({"name": "b"})), &e);
    // A kind whose name starts with another's is not part of it.
    let longer = Write::create("customer_note", fields(json!({"text": "x"})), &e);
    s.apply(&Batch { writes: vec![lines.clone(), gone.clone(), longer] }).await.map_err(err)?;
    s.apply(&Batch::one(Write::delete(&gone.record, &e))).await.map_err(err)?;
    let text = s.records_text("customer").await.map_err(err)?;
    let mut read: Vec<super::Record> = text.lines().filter(|l| !l.is_empty()).map(serde_json::from_str).collect::<Result<_, _>>().map_err(err)?;
    read.sort_by_key(|r| r.id.clone());
    let mut expected = vec![lines.record, s.get("customer", &gone.record.id).await.map_err(err)?.ok_or("gone")?];
    expected.sort_by_key(|r| r.id.clone());
    ensure!(read == expected, "records text {text:?}");
    ensure!(s.records_text("survey").await.map_err(err)?.trim().is_empty(), "unknown kind not empty");
    Ok(())
}

/// Backends may group log and outbox entries (IndexedDB writes them in
/// segments); paging, history and the outbox must not show it.
async fn big_batches_page_and_keep_history<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let writes: Vec<Write> = (0..1201).map(|i| Write::create("customer", fields(json!({"n": i})), &e)).collect();
    let target = writes[700].record.clone();
    s.apply(&Batch { writes }).await.map_err(err)?;
    let edit = Write::update(&target, fields(json!({"n": "edited"})), &e).ok_or("no diff")?;
    s.apply(&Batch::one(edit)).await.map_err(err)?;
    let first = s.changes_since(0, 1000).await.map_err(err)?;
    ensure!(first.len() == 1000, "first page {}", first.len());
    ensure!(first.iter().enumerate().all(|(i, c)| c.seq == i as u64 + 1), "first page seqs not 1..=1000");
    let rest = s.changes_since(1000, 1000).await.map_err(err)?;
    ensure!(rest.len() == 202 && rest.last().map(|c| c.seq) == Some(1202), "rest {} ending {:?}", rest.len(), rest.last().map(|c| c.seq));
    let hist = s.history(&target.key()).await.map_err(err)?;
    ensure!(hist.len() == 2 && hist[0].seq == 701 && hist[1].seq == 1202, "history {:?}", hist.iter().map(|c| c.seq).collect::<Vec<_>>());
    let outbox = s.outbox().await.map_err(err)?;
    ensure!(outbox.len() == 1201, "outbox {}", outbox.len());
    let entry = outbox.iter().find(|o| o.key == target.key()).ok_or("edited record not in outbox")?;
    ensure!(entry.rev == 2 && entry.seq == 1202, "outbox entry {entry:?}");
    Ok(())
}

async fn cache_is_kept_apart_from_records_and_log<S: Store>(s: &S) -> CaseResult {
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

async fn a_duplicate_create_sinks_its_whole_batch<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let existing = Write::create("customer", fields(json!({"name": "x"})), &e);
    s.apply(&Batch::one(existing.clone())).await.map_err(err)?;
    let before = Write::create("customer", fields(json!({"name": "before"})), &e);
    let after = Write::create("customer", fields(json!({"name": "after"})), &e);
    let r = s.apply(&Batch { writes: vec![before.clone(), existing.clone(), after.clone()] }).await;
    ensure!(matches!(r, Err(super::StoreError::Conflict { .. })), "duplicate create gave {r:?}");
    for w in [&before, &after] {
        ensure!(s.get("customer", &w.record.id).await.map_err(err)?.is_none(), "a write of the refused batch landed");
    }
    ensure!(s.last_seq().await.map_err(err)? == 1, "the refused batch moved the log");
    let r = s.apply(&Batch::one(Write::create("customer", fields(json!({"name": "next"})), &e))).await.map_err(err)?;
    ensure!(r == vec![2], "the next write got seq {r:?}");
    Ok(())
}

/// Backends may write a big batch in slices (IndexedDB does, to keep the
/// page responsive): a refusal in a later slice must still undo the earlier ones.
async fn a_duplicate_deep_in_a_big_batch_sinks_all_of_it<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let existing = Write::create("customer", fields(json!({"name": "x"})), &e);
    s.apply(&Batch::one(existing.clone())).await.map_err(err)?;
    let mut writes: Vec<Write> = (0..2_500).map(|i| Write::create("customer", fields(json!({"name": format!("c{i}")})), &e)).collect();
    writes[1_700] = existing.clone();
    let first = writes[0].record.id.clone();
    let r = s.apply(&Batch { writes }).await;
    ensure!(matches!(r, Err(super::StoreError::Conflict { .. })), "duplicate create gave {r:?}");
    ensure!(s.get("customer", &first).await.map_err(err)?.is_none(), "the first slice landed");
    ensure!(s.all("customer").await.map_err(err)?.len() == 1, "records of the refused batch landed");
    ensure!(s.last_seq().await.map_err(err)? == 1, "the refused batch moved the log");
    Ok(())
}

async fn one_record_written_twice_in_a_batch<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let created = Write::create("customer", fields(json!({"name": "a"})), &e);
    let edited = Write::update(&created.record, fields(json!({"name": "b"})), &e).ok_or("no diff")?;
    let seqs = s.apply(&Batch { writes: vec![created.clone(), edited] }).await.map_err(err)?;
    ensure!(seqs == vec![1, 2], "seqs {seqs:?}");
    let got = s.get("customer", &created.record.id).await.map_err(err)?.ok_or("gone")?;
    ensure!(got.rev == 2 && got.fields["name"] == json!("b"), "got {got:?}");
    ensure!(s.history(&created.record.key()).await.map_err(err)?.len() == 2, "history");
    let outbox = s.outbox().await.map_err(err)?;
    ensure!(outbox.len() == 1 && outbox[0].rev == 2, "outbox {outbox:?}");
    Ok(())
}

async fn linked_finds_what_points_at_a_record<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let acme = Write::create("customer", fields(json!({"name": "Acme"})), &e);
    let other = Write::create("customer", fields(json!({"name": "Other"})), &e);
    let (a, o) = (acme.record.id.clone(), other.record.id.clone());
    let call = Write::create("activity", fields(json!({"subject": "call", "customer_id": a})), &e);
    let person = Write::create("contact", fields(json!({"name": "Sara", "customer_ids": [o, a]})), &e);
    let elsewhere = Write::create("activity", fields(json!({"subject": "x", "customer_id": o})), &e);
    s.apply(&Batch { writes: vec![acme.clone(), other, call.clone(), person.clone(), elsewhere] }).await.map_err(err)?;
    let mut got: Vec<String> = s.linked(&acme.record.key()).await.map_err(err)?.iter().map(|r| r.key()).collect();
    got.sort();
    let mut want = vec![call.record.key(), person.record.key()];
    want.sort();
    ensure!(got == want, "linked to acme: {got:?}, want {want:?}");
    ensure!(s.linked(&format!("customer:{}", e.new_id())).await.map_err(err)?.is_empty(), "linked to a missing record");
    let linked_records = s.linked(&acme.record.key()).await.map_err(err)?;
    ensure!(linked_records.iter().any(|r| r == &person.record), "records come back whole");
    Ok(())
}

async fn linked_follows_edits_and_keeps_tombstones<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let (a, b) = (e.new_id(), e.new_id());
    let call = Write::create("activity", fields(json!({"subject": "call", "customer_id": a})), &e);
    let note = Write::create("activity", fields(json!({"subject": "note", "customer_id": a})), &e);
    s.apply(&Batch { writes: vec![call.clone(), note.clone()] }).await.map_err(err)?;
    let moved = Write::update(&call.record, fields(json!({"subject": "call", "customer_id": b})), &e).ok_or("no diff")?;
    let deleted = Write::delete(&note.record, &e);
    s.apply(&Batch { writes: vec![moved.clone(), deleted] }).await.map_err(err)?;
    let on_a = s.linked(&format!("customer:{a}")).await.map_err(err)?;
    ensure!(on_a.len() == 1 && on_a[0].deleted && on_a[0].id == note.record.id, "left on a: {on_a:?}");
    let on_b = s.linked(&format!("customer:{b}")).await.map_err(err)?;
    ensure!(on_b == vec![moved.record], "on b: {on_b:?}");
    Ok(())
}

fn state(rev: &str, seq: u64) -> SyncState {
    SyncState { couch_rev: rev.into(), seq, ..SyncState::default() }
}

async fn sync_states_round_trip_with_the_checkpoint<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let w = Write::create("customer", fields(json!({"name": "Ali"})), &e);
    s.apply(&Batch::one(w.clone())).await.map_err(|e| e.to_string())?;
    let key = w.record.key();
    ensure!(s.sync_checkpoint().await.map_err(|e| e.to_string())?.is_none(), "a fresh store has a checkpoint");
    let mut st = state("1-abc", 1);
    st.base.fields = fields(json!({"name": "Ali"}));
    st.unpushed = true;
    let step = SyncBatch { writes: vec![], states: vec![(key.clone(), st.clone())], checkpoint: Some("7-g1AAAA".into()) };
    s.apply_synced(&step).await.map_err(|e| e.to_string())?;
    let got = s.sync_states(&[key, "customer:none".into()]).await.map_err(|e| e.to_string())?;
    ensure!(got == vec![Some(st), None], "states read back as {got:?}");
    let cp = s.sync_checkpoint().await.map_err(|e| e.to_string())?;
    ensure!(cp.as_deref() == Some("7-g1AAAA"), "checkpoint {cp:?}");
    // A step without a checkpoint leaves the stored one alone.
    s.apply_synced(&SyncBatch::default()).await.map_err(|e| e.to_string())?;
    let cp = s.sync_checkpoint().await.map_err(|e| e.to_string())?;
    ensure!(cp.as_deref() == Some("7-g1AAAA"), "checkpoint lost: {cp:?}");
    Ok(())
}

async fn synced_writes_are_logged_but_never_queued<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let local = Write::create("customer", fields(json!({"name": "Local"})), &e);
    s.apply(&Batch::one(local)).await.map_err(|e| e.to_string())?;
    let template = Write::create("customer", fields(json!({})), &e).record;
    let pulled = Write::synced(None, &template, fields(json!({"name": "From server"})), false, &e).ok_or("no write")?;
    let key = pulled.record.key();
    let step = SyncBatch { writes: vec![pulled], states: vec![(key.clone(), state("1-x", 0))], checkpoint: Some("1".into()) };
    let seqs = s.apply_synced(&step).await.map_err(|e| e.to_string())?;
    ensure!(seqs == vec![2], "seqs {seqs:?}");
    let got = s.get("customer", &template.id).await.map_err(|e| e.to_string())?.ok_or("pulled record missing")?;
    ensure!(got.fields["name"] == json!("From server"), "fields {:?}", got.fields);
    let history = s.history(&key).await.map_err(|e| e.to_string())?;
    ensure!(history.len() == 1 && history[0].op == Op::Create, "history {history:?}");
    let outbox = s.outbox().await.map_err(|e| e.to_string())?;
    ensure!(outbox.len() == 1 && outbox[0].key != key, "a pulled record was queued: {outbox:?}");
    let states = s.sync_states(std::slice::from_ref(&key)).await.map_err(|e| e.to_string())?;
    ensure!(states[0].as_ref().map(|st| st.seq) == Some(2), "state's seq is not its write's: {states:?}");
    // A stamped local change keeps its stamp in the log.
    let stamp = crate::sync::hlc::Stamp { wall_ms: 5, counter: 1, device: "tab-a".into() };
    let edit = Write::update(&got, fields(json!({"name": "Edited"})), &e).ok_or("no edit")?;
    s.apply(&Batch::one(edit).stamped(&stamp)).await.map_err(|e| e.to_string())?;
    let history = s.history(&key).await.map_err(|e| e.to_string())?;
    ensure!(history.last().and_then(|c| c.stamp.as_ref()) == Some(&stamp), "stamp lost: {history:?}");
    Ok(())
}

async fn a_stale_synced_write_stores_nothing_of_its_step<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let w = Write::create("customer", fields(json!({"name": "A"})), &e);
    s.apply(&Batch::one(w.clone())).await.map_err(|e| e.to_string())?;
    let edited = Write::update(&w.record, fields(json!({"name": "B"})), &e).ok_or("no edit")?;
    s.apply(&Batch::one(edited)).await.map_err(|e| e.to_string())?;
    // The sync read revision 1; the user saved revision 2 meanwhile.
    let stale = Write::synced(Some(&w.record), &w.record, fields(json!({"name": "Server"})), false, &e).ok_or("no write")?;
    let key = w.record.key();
    let step = SyncBatch { writes: vec![stale], states: vec![(key.clone(), state("2-y", 0))], checkpoint: Some("9".into()) };
    match s.apply_synced(&step).await {
        Err(StoreError::Conflict { .. }) => {}
        other => return Err(format!("a stale synced write gave {other:?}")),
    }
    let got = s.get("customer", &w.record.id).await.map_err(|e| e.to_string())?.ok_or("record gone")?;
    ensure!(got.fields["name"] == json!("B") && got.rev == 2, "the user's save was overwritten: {got:?}");
    ensure!(s.sync_states(&[key]).await.map_err(|e| e.to_string())?[0].is_none(), "state stored by a refused step");
    ensure!(s.sync_checkpoint().await.map_err(|e| e.to_string())?.is_none(), "checkpoint stored by a refused step");
    Ok(())
}

async fn forgetting_sync_keeps_records_and_stamps<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let w = Write::create("customer", fields(json!({"name": "A"})), &e);
    s.apply(&Batch::one(w.clone())).await.map_err(|e| e.to_string())?;
    let key = w.record.key();
    let step = SyncBatch { writes: vec![], states: vec![(key.clone(), state("1-a", 1))], checkpoint: Some("3".into()) };
    s.apply_synced(&step).await.map_err(|e| e.to_string())?;
    s.forget_sync().await.map_err(|e| e.to_string())?;
    ensure!(s.sync_states(&[key]).await.map_err(|e| e.to_string())?[0].is_none(), "state kept");
    ensure!(s.sync_checkpoint().await.map_err(|e| e.to_string())?.is_none(), "checkpoint kept");
    ensure!(s.get("customer", &w.record.id).await.map_err(|e| e.to_string())?.is_some(), "record lost");
    ensure!(s.outbox().await.map_err(|e| e.to_string())?.len() == 1, "outbox lost");
    // A record that only ever came from the server is queued for the next one.
    let pulled = Write::synced(None, &Write::create("task", fields(json!({})), &e).record, fields(json!({"title": "T"})), false, &e).ok_or("no write")?;
    let pulled_key = pulled.record.key();
    s.apply_synced(&SyncBatch { writes: vec![pulled], states: vec![(pulled_key.clone(), state("1-t", 0))], checkpoint: None }).await.map_err(|e| e.to_string())?;
    ensure!(s.outbox().await.map_err(|e| e.to_string())?.iter().all(|o| o.key != pulled_key), "pulled record queued");
    s.forget_sync().await.map_err(|e| e.to_string())?;
    let outbox = s.outbox().await.map_err(|e| e.to_string())?;
    ensure!(outbox.len() == 2 && outbox.iter().any(|o| o.key == pulled_key), "pulled record not offered again: {outbox:?}");
    // Later changes still number after the queued entry.
    let before = outbox.iter().map(|o| o.seq).max().unwrap_or(0);
    let more = Write::create("customer", fields(json!({"name": "B"})), &e);
    let seqs = s.apply(&Batch::one(more)).await.map_err(|e| e.to_string())?;
    ensure!(seqs[0] > before, "seq {} not after the queued entry's {before}", seqs[0]);
    ensure!(s.outbox().await.map_err(|e| e.to_string())?.len() == 3, "queued entry overwritten by a later segment");
    Ok(())
}

async fn get_many_reads_in_the_order_asked<S: Store>(s: &S) -> CaseResult {
    let e = env();
    let a = Write::create("customer", fields(json!({"name": "A"})), &e);
    let b = Write::create("task", fields(json!({"title": "B"})), &e);
    s.apply(&Batch { writes: vec![a.clone(), b.clone()] }).await.map_err(|e| e.to_string())?;
    let keys = vec![b.record.key(), "customer:missing".to_string(), a.record.key()];
    let got = s.get_many(&keys).await.map_err(|e| e.to_string())?;
    ensure!(got == vec![Some(b.record), None, Some(a.record)], "got {got:?}");
    ensure!(s.get_many(&[]).await.map_err(|e| e.to_string())?.is_empty(), "nothing asked, something read");
    Ok(())
}
