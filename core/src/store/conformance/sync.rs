//! Cases for [`SyncStore`]: the outbox, each record's sync state, the
//! checkpoint, and a sync step stored whole or not at all. Every case writes
//! records first, so each asks for [`RecordStore`] too.

use super::{env, err, fields, CaseResult};
use crate::store::{Batch, Op, RecordStore, StoreError, SyncBatch, SyncState, SyncStore, Write};
use serde_json::json;

fn state(rev: &str, seq: u64) -> SyncState {
    SyncState { couch_rev: rev.into(), seq, ..SyncState::default() }
}

pub(super) async fn outbox_keeps_latest_change_per_record<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
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

pub(super) async fn sync_states_round_trip_with_the_checkpoint<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
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

pub(super) async fn synced_writes_are_logged_but_never_queued<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
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

pub(super) async fn a_stale_synced_write_stores_nothing_of_its_step<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
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

pub(super) async fn forgetting_sync_keeps_records_and_stamps<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
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

pub(super) async fn trimming_drops_only_what_was_pushed<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
    let e = env();
    let a = Write::create("customer", fields(json!({"name": "a"})), &e);
    let b = Write::create("customer", fields(json!({"name": "b"})), &e);
    let c = Write::create("customer", fields(json!({"name": "c"})), &e);
    let seqs = s.apply(&Batch { writes: vec![a.clone(), b.clone(), c.clone()] }).await.map_err(err)?;
    // Saved on its own, so a backend keeping changes in groups has one
    // holding only d.
    let d = Write::create("customer", fields(json!({"name": "d"})), &e);
    let d_seq = s.apply(&Batch::one(d.clone())).await.map_err(err)?[0];
    // a and d pushed as of their writes; b pushed but merged with values
    // the server lacks; c never pushed.
    let mut merged = state("1-b", seqs[1]);
    merged.unpushed = true;
    let states = vec![(a.record.key(), state("1-a", seqs[0])), (b.record.key(), merged), (d.record.key(), state("1-d", d_seq))];
    let step = SyncBatch { writes: vec![], states, checkpoint: None };
    s.apply_synced(&step).await.map_err(err)?;
    s.trim_outbox().await.map_err(err)?;
    let mut left: Vec<String> = s.outbox().await.map_err(err)?.into_iter().map(|o| o.key).collect();
    left.sort();
    let mut want = vec![b.record.key(), c.record.key()];
    want.sort();
    ensure!(left == want, "outbox after trimming: {left:?}, want {want:?}");
    // Changed again after its push: a waits again, and trimming keeps it.
    let edit = Write::update(&a.record, fields(json!({"name": "a2"})), &e).ok_or("no edit")?;
    let again = s.apply(&Batch::one(edit)).await.map_err(err)?;
    s.trim_outbox().await.map_err(err)?;
    let outbox = s.outbox().await.map_err(err)?;
    let entry = outbox.iter().find(|o| o.key == a.record.key()).ok_or("a edited after its push is not waiting")?;
    ensure!(entry.seq == again[0] && outbox.len() == 3, "outbox {outbox:?}");
    // Trimming twice, or with nothing pushed, changes nothing.
    s.trim_outbox().await.map_err(err)?;
    ensure!(s.outbox().await.map_err(err)?.len() == 3, "a second trim dropped waiting entries");
    Ok(())
}

/// Enough saves and states that a backend reading its outbox or the sync
/// states in pieces crosses from one piece to the next.
pub(super) async fn a_long_outbox_reads_back_whole<S: RecordStore + SyncStore>(s: &S) -> CaseResult {
    let e = env();
    let mut keys = Vec::new();
    let mut first = None;
    for i in 0..60 {
        let w = Write::create("customer", fields(json!({"name": format!("c{i}")})), &e);
        keys.push(w.record.key());
        first.get_or_insert(w.record.clone());
        s.apply(&Batch::one(w)).await.map_err(err)?;
    }
    // The first record saved again last: its latest entry wins wherever
    // the two fall.
    let edit = Write::update(&first.ok_or("no record")?, fields(json!({"name": "again"})), &e).ok_or("no edit")?;
    let again = s.apply(&Batch::one(edit)).await.map_err(err)?[0];
    let outbox = s.outbox().await.map_err(err)?;
    ensure!(outbox.len() == 60, "{} entries read back, want 60", outbox.len());
    let entry = outbox.iter().find(|o| o.key == keys[0]).ok_or("the record saved twice is missing")?;
    ensure!(entry.seq == again && entry.rev == 2, "the earlier entry won: {entry:?}");
    // A big import synced, then the server forgotten: all of it queued
    // again, and read back in the order asked.
    let import: Vec<Write> = (0..1_200).map(|i| Write::create("contact", fields(json!({"name": format!("p{i}")})), &e)).collect();
    let seqs = s.apply(&Batch { writes: import.clone() }).await.map_err(err)?;
    let states: Vec<(String, SyncState)> = import.iter().zip(&seqs).map(|(w, seq)| (w.record.key(), state(&format!("1-{seq}"), *seq))).collect();
    s.apply_synced(&SyncBatch { writes: vec![], states, checkpoint: None }).await.map_err(err)?;
    let asked: Vec<String> = import.iter().rev().map(|w| w.record.key()).chain(["contact:none".to_string()]).collect();
    let want: Vec<Option<String>> = seqs.iter().rev().map(|seq| Some(format!("1-{seq}"))).chain([None]).collect();
    let got: Vec<Option<String>> = s.sync_states(&asked).await.map_err(err)?.into_iter().map(|st| st.map(|st| st.couch_rev)).collect();
    let misplaced = got.iter().zip(&want).filter(|(g, w)| g != w).count();
    ensure!(got.len() == want.len() && misplaced == 0, "{misplaced} of {} states misplaced or missing", want.len());
    s.trim_outbox().await.map_err(err)?;
    ensure!(s.outbox().await.map_err(err)?.len() == 60, "the synced import still waits");
    s.forget_sync().await.map_err(err)?;
    let outbox = s.outbox().await.map_err(err)?;
    ensure!(outbox.len() == 1_260, "{} entries after forgetting the server, want 1,260", outbox.len());
    let last = outbox.iter().map(|o| o.seq).max().unwrap_or(0);
    let later = s.apply(&Batch::one(Write::create("task", fields(json!({"title": "T"})), &e))).await.map_err(err)?[0];
    ensure!(later > last, "a later save numbered {later}, not after the queued {last}");
    Ok(())
}
