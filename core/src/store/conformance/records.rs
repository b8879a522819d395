//! Cases for [`RecordStore`]: records, their log, and what `apply` promises.
//! Three of them also read the outbox `apply` fills, so they ask for
//! [`SyncStore`] too; they stay here because `apply` is what they check.

use super::{env, err, fields, CaseResult};
use crate::env::Env;
use crate::store::{Batch, Op, Record, RecordStore, StoreError, SyncStore, Write};
use serde_json::json;

pub(super) async fn create_then_read_back<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn all_filters_by_kind<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn update_logs_field_changes<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn stale_write_is_refused_and_nothing_written<S: RecordStore>(s: &S) -> CaseResult {
    let e = env();
    let w = Write::create("customer", fields(json!({"name": "a"})), &e);
    s.apply(&Batch::one(w.clone())).await.map_err(err)?;
    let first = Write::update(&w.record, fields(json!({"name": "b"})), &e).ok_or("no diff")?;
    let stale = Write::update(&w.record, fields(json!({"name": "c"})), &e).ok_or("no diff")?;
    s.apply(&Batch::one(first)).await.map_err(err)?;
    let r = s.apply(&Batch::one(stale)).await;
    ensure!(matches!(r, Err(StoreError::Conflict { .. })), "stale write gave {r:?}");
    let got = s.get("customer", &w.record.id).await.map_err(err)?.ok_or("gone")?;
    ensure!(got.fields["name"] == json!("b"), "stale write landed: {got:?}");
    let again = s.apply(&Batch::one(w.clone())).await;
    ensure!(matches!(again, Err(StoreError::Conflict { .. })), "double create gave {again:?}");
    ensure!(s.history(&w.record.key()).await.map_err(err)?.len() == 2, "refused writes were logged");
    Ok(())
}

pub(super) async fn batch_is_all_or_nothing<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
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

pub(super) async fn delete_is_a_tombstone_and_restore_undoes<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn changes_since_pages_in_order<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn unicode_and_markup_round_trip<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn typed_scan_decodes_fields_and_counts_unreadable<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn records_text_holds_one_record_per_line<S: RecordStore>(s: &S) -> CaseResult {
    let e = env();
    let lines = Write::create("customer", fields(json!({"name": "two\nlines", "notes": "«نقل»"})), &e);
    let gone = Write::create("customer", fields(json!({"name": "b"})), &e);
    // A kind whose name starts with another's is not part of it.
    let longer = Write::create("customer_note", fields(json!({"text": "x"})), &e);
    s.apply(&Batch { writes: vec![lines.clone(), gone.clone(), longer] }).await.map_err(err)?;
    s.apply(&Batch::one(Write::delete(&gone.record, &e))).await.map_err(err)?;
    let third = Write::create("customer", fields(json!({"name": "c"})), &e);
    s.apply(&Batch::one(third.clone())).await.map_err(err)?;
    let parse = |text: &str| -> Result<Vec<Record>, String> { text.lines().filter(|l| !l.is_empty()).map(serde_json::from_str).collect::<Result<_, _>>().map_err(err) };
    let mut expected = vec![lines.record, s.get("customer", &gone.record.id).await.map_err(err)?.ok_or("gone")?, third.record];
    expected.sort_by_key(|r| r.id.clone());
    let whole = s.records_text("customer", None, 10).await.map_err(err)?;
    ensure!(parse(&whole.text)? == expected && whole.next.is_none(), "records text {whole:?}");
    // Pages of two: in id order, each going on after the last one's end.
    let first = s.records_text("customer", None, 2).await.map_err(err)?;
    ensure!(parse(&first.text)? == expected[..2] && first.next.as_deref() == Some(expected[1].id.as_str()), "first page {first:?}");
    let rest = s.records_text("customer", first.next.as_deref(), 2).await.map_err(err)?;
    ensure!(parse(&rest.text)? == expected[2..] && rest.next.is_none(), "second page {rest:?}");
    ensure!(s.records_text("survey", None, 10).await.map_err(err)?.text.trim().is_empty(), "unknown kind not empty");
    Ok(())
}

/// Backends may group log and outbox entries (IndexedDB writes them in
/// segments); paging, history and the outbox must not show it.
pub(super) async fn big_batches_page_and_keep_history<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
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

pub(super) async fn a_duplicate_create_sinks_its_whole_batch<S: RecordStore>(s: &S) -> CaseResult {
    let e = env();
    let existing = Write::create("customer", fields(json!({"name": "x"})), &e);
    s.apply(&Batch::one(existing.clone())).await.map_err(err)?;
    let before = Write::create("customer", fields(json!({"name": "before"})), &e);
    let after = Write::create("customer", fields(json!({"name": "after"})), &e);
    let r = s.apply(&Batch { writes: vec![before.clone(), existing.clone(), after.clone()] }).await;
    ensure!(matches!(r, Err(StoreError::Conflict { .. })), "duplicate create gave {r:?}");
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
pub(super) async fn a_duplicate_deep_in_a_big_batch_sinks_all_of_it<S: RecordStore>(s: &S) -> CaseResult {
    let e = env();
    let existing = Write::create("customer", fields(json!({"name": "x"})), &e);
    s.apply(&Batch::one(existing.clone())).await.map_err(err)?;
    let mut writes: Vec<Write> = (0..2_500).map(|i| Write::create("customer", fields(json!({"name": format!("c{i}")})), &e)).collect();
    writes[1_700] = existing.clone();
    let first = writes[0].record.id.clone();
    let r = s.apply(&Batch { writes }).await;
    ensure!(matches!(r, Err(StoreError::Conflict { .. })), "duplicate create gave {r:?}");
    ensure!(s.get("customer", &first).await.map_err(err)?.is_none(), "the first slice landed");
    ensure!(s.all("customer").await.map_err(err)?.len() == 1, "records of the refused batch landed");
    ensure!(s.last_seq().await.map_err(err)? == 1, "the refused batch moved the log");
    Ok(())
}

pub(super) async fn one_record_written_twice_in_a_batch<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
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

pub(super) async fn linked_finds_what_points_at_a_record<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn linked_follows_edits_and_keeps_tombstones<S: RecordStore>(s: &S) -> CaseResult {
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

pub(super) async fn get_many_reads_in_the_order_asked<S: RecordStore>(s: &S) -> CaseResult {
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
