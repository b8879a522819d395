use super::{Batch, CacheStore, Change, Envelope, OutboxEntry, Record, RecordStore, Scan, StoreError, TextPage, SyncBatch, SyncState, SyncStore, Write};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

/// An in-memory backend: the reference the conformance suite is written
/// against, and a stand-in for IndexedDB in host tests.
#[derive(Default)]
pub struct MemoryStore {
    inner: RefCell<Inner>,
}

#[derive(Default)]
struct Inner {
    records: HashMap<String, Record>,
    changes: Vec<Change>,
    outbox: BTreeMap<String, OutboxEntry>,
    cache: HashMap<String, String>,
    sync: HashMap<String, SyncState>,
    checkpoint: Option<String>,
}

impl Inner {
    /// Applies writes after checking every one, so a refused batch leaves
    /// nothing behind; local writes also enter the outbox.
    fn write(&mut self, writes: &[Write], to_outbox: bool) -> Result<Vec<u64>, StoreError> {
        let mut pending_revs: HashMap<String, u64> = HashMap::new();
        for w in writes {
            let key = w.record.key();
            let found = pending_revs.get(&key).copied().or_else(|| self.records.get(&key).map(|r| r.rev));
            if found != w.expected_rev {
                return Err(StoreError::Conflict { key, expected: w.expected_rev, found });
            }
            pending_revs.insert(key, w.record.rev);
        }
        let mut seqs = Vec::with_capacity(writes.len());
        for w in writes {
            let key = w.record.key();
            let seq = self.changes.len() as u64 + 1;
            self.changes.push(Change { seq, ..w.change.clone() });
            if to_outbox {
                self.outbox.insert(key.clone(), OutboxEntry { key: key.clone(), rev: w.record.rev, seq });
            }
            self.records.insert(key, w.record.clone());
            seqs.push(seq);
        }
        Ok(seqs)
    }
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl RecordStore for MemoryStore {
    async fn get(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError> {
        Ok(self.inner.borrow().records.get(&super::record::key_of(kind, id)).cloned())
    }

    async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<Record>>, StoreError> {
        let inner = self.inner.borrow();
        Ok(keys.iter().map(|k| inner.records.get(k).cloned()).collect())
    }

    async fn all(&self, kind: &str) -> Result<Vec<Record>, StoreError> {
        Ok(self.inner.borrow().records.values().filter(|r| r.kind == kind).cloned().collect())
    }

    async fn records_text(&self, kind: &str, after: Option<&str>, limit: usize) -> Result<TextPage, StoreError> {
        let inner = self.inner.borrow();
        let mut page: Vec<&Record> = inner.records.values().filter(|r| r.kind == kind && after.is_none_or(|a| r.id.as_str() > a)).collect();
        page.sort_by(|a, b| a.id.cmp(&b.id));
        page.truncate(limit);
        let lines: Vec<String> = page.iter().map(serde_json::to_string).collect::<Result<_, _>>().map_err(|e| StoreError::Backend(e.to_string()))?;
        let next = page.last().filter(|_| page.len() == limit).map(|r| r.id.clone());
        Ok(TextPage { text: lines.join("\n"), next })
    }

    async fn all_as<T: serde::de::DeserializeOwned>(&self, kind: &str) -> Result<Scan<T>, StoreError> {
        let mut scan = Scan::default();
        for r in self.inner.borrow().records.values().filter(|r| r.kind == kind) {
            scan.push(serde_json::from_value(serde_json::Value::Object(r.fields.clone())).map(|fields| Envelope {
                fields,
                kind: r.kind.clone(),
                id: r.id.clone(),
                rev: r.rev,
                created_at: r.created_at,
                updated_at: r.updated_at,
                deleted: r.deleted,
            }));
        }
        Ok(scan)
    }

    async fn linked(&self, key: &str) -> Result<Vec<Record>, StoreError> {
        let inner = self.inner.borrow();
        Ok(inner.records.values().filter(|r| super::links_of(&r.fields).iter().any(|k| k == key)).cloned().collect())
    }

    async fn apply(&self, batch: &Batch) -> Result<Vec<u64>, StoreError> {
        self.inner.borrow_mut().write(&batch.writes, true)
    }

    async fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>, StoreError> {
        let inner = self.inner.borrow();
        Ok(inner.changes.iter().filter(|c| c.seq > after).take(limit).cloned().collect())
    }

    async fn history(&self, key: &str) -> Result<Vec<Change>, StoreError> {
        Ok(self.inner.borrow().changes.iter().filter(|c| c.key == key).cloned().collect())
    }

    async fn last_seq(&self) -> Result<u64, StoreError> {
        Ok(self.inner.borrow().changes.len() as u64)
    }
}

impl SyncStore for MemoryStore {
    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        Ok(self.inner.borrow().outbox.values().cloned().collect())
    }

    async fn sync_states(&self, keys: &[String]) -> Result<Vec<Option<SyncState>>, StoreError> {
        let inner = self.inner.borrow();
        Ok(keys.iter().map(|k| inner.sync.get(k).cloned()).collect())
    }

    async fn apply_synced(&self, batch: &SyncBatch) -> Result<Vec<u64>, StoreError> {
        let mut inner = self.inner.borrow_mut();
        let seqs = inner.write(&batch.writes, false)?;
        let written: HashMap<String, u64> = batch.writes.iter().map(|w| w.record.key()).zip(seqs.iter().copied()).collect();
        for (key, state) in &batch.states {
            let seq = written.get(key).copied().unwrap_or(state.seq);
            inner.sync.insert(key.clone(), SyncState { seq, ..state.clone() });
        }
        if let Some(checkpoint) = &batch.checkpoint {
            inner.checkpoint = Some(checkpoint.clone());
        }
        Ok(seqs)
    }

    async fn sync_checkpoint(&self) -> Result<Option<String>, StoreError> {
        Ok(self.inner.borrow().checkpoint.clone())
    }

    async fn forget_sync(&self) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        let seq = inner.changes.len() as u64;
        let requeued: Vec<OutboxEntry> = inner.sync.iter().map(|(key, state)| OutboxEntry { key: key.clone(), rev: state.rev, seq }).collect();
        for entry in requeued {
            inner.outbox.entry(entry.key.clone()).or_insert(entry);
        }
        inner.sync.clear();
        inner.checkpoint = None;
        Ok(())
    }

    async fn trim_outbox(&self) -> Result<(), StoreError> {
        let inner = &mut *self.inner.borrow_mut();
        inner.outbox.retain(|key, entry| entry.waits(inner.sync.get(key)));
        Ok(())
    }
}

impl CacheStore for MemoryStore {
    async fn cache_get(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(self.inner.borrow().cache.get(name).cloned())
    }

    async fn cache_put(&self, name: &str, value: &str) -> Result<(), StoreError> {
        self.inner.borrow_mut().cache.insert(name.to_string(), value.to_string());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn memory_store_passes_the_conformance_suite() {
        let report = pollster::block_on(super::super::conformance::run_all(|| async {
            super::MemoryStore::new()
        }));
        report.assert_all_passed();
    }
}
