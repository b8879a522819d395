//! The in-memory list behind the customer screen: one row per live customer,
//! kept sorted by name, with a pre-normalised text to search. Searching is a
//! scan of these strings, which stays well under a frame for 50,000 customers
//! (see BENCHMARKS.md) and needs no index to maintain.

use super::model::{PartyKind, KIND};
use crate::locale::{collation_key, normalize_for_search, SearchQuery, SearchText};
use crate::store::{Envelope, Record, Scan};
use serde::{Deserialize, Serialize};

/// The fields a list row and its search need; the rest of a stored customer
/// (notes, address, …) is skipped while parsing, which keeps loading 50,000
/// customers quick.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CustomerSummary {
    pub name: String,
    pub kind: PartyKind,
    pub city: String,
    pub province: String,
    pub email: String,
    pub owner: String,
    pub category: String,
    pub national_id: String,
    pub economic_code: String,
    pub phones: Vec<String>,
    pub tags: Vec<String>,
}

/// Stored in snapshots as an array, not an object: field names repeated
/// 50,000 times were a quarter of the snapshot.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(from = "RowTuple")]
pub struct CustomerRow {
    pub id: String,
    /// The record's revision: a list row is redrawn when it changes.
    pub rev: u64,
    pub name: String,
    pub kind: PartyKind,
    pub city: String,
    pub phone: String,
    pub owner: String,
    sort_key: String,
    haystack: String,
    /// Phones after the first, and the email: what duplicate checks compare.
    more_phones: Vec<String>,
    email: String,
}

type RowTuple = (String, u64, String, PartyKind, String, String, String, String, String, Vec<String>, String);

impl Serialize for CustomerRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self;
        (&r.id, r.rev, &r.name, r.kind, &r.city, &r.phone, &r.owner, &r.sort_key, &r.haystack, &r.more_phones, &r.email).serialize(s)
    }
}

impl From<RowTuple> for CustomerRow {
    fn from((id, rev, name, kind, city, phone, owner, sort_key, haystack, more_phones, email): RowTuple) -> Self {
        Self { id, rev, name, kind, city, phone, owner, sort_key, haystack, more_phones, email }
    }
}

impl CustomerRow {
    pub fn phones(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.phone.as_str()).chain(self.more_phones.iter().map(String::as_str)).filter(|p| !p.is_empty())
    }

    pub fn email(&self) -> &str {
        &self.email
    }

    /// The name folded for comparison (Persian/Arabic letters, digits, spacing, case).
    pub fn name_key(&self) -> &str {
        &self.sort_key
    }
}

/// Bump when [`CustomerRow`] or its normalisation changes: older snapshots
/// are then ignored and the list is rebuilt from the records.
const SNAPSHOT_FORMAT: u32 = 4;

#[derive(Serialize, Deserialize)]
struct Snapshot<R> {
    format: u32,
    seq: u64,
    rows: R,
}

#[derive(Clone, Debug, Default)]
pub struct CustomerIndex {
    rows: Vec<CustomerRow>,
    /// The rows' haystacks in row order, rebuilt after every change.
    text: SearchText,
    /// New on every change, and unique across all indexes, so a search result
    /// of another state (whose positions no longer fit) is never refined.
    generation: u64,
    /// Row position by id, built on the first lookup after a change: a board
    /// names the customer of each card it draws, and a scan of 50,000 rows
    /// per card held a stage move for tens of milliseconds.
    positions: std::sync::OnceLock<std::collections::HashMap<String, u32>>,
}

/// The rows matching a query, by position in the index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResult {
    pub hits: Vec<u32>,
    query: String,
    generation: u64,
}

impl CustomerIndex {
    /// Builds from a scan of stored customers, skipping tombstones.
    pub fn build(scan: Scan<CustomerSummary>) -> Self {
        let mut rows: Vec<CustomerRow> = scan.records.into_iter().filter(|r| !r.deleted).map(row_of).collect();
        rows.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
        let mut index = Self { rows, text: SearchText::default(), generation: 0, positions: Default::default() };
        index.reindex();
        index
    }

    fn reindex(&mut self) {
        self.text = SearchText::new(self.rows.iter().map(|r| r.haystack.as_str()));
        self.generation = next_generation();
        self.positions = Default::default();
    }

    /// The rows, to be dropped a slice at a time: freeing 50,000 rows at
    /// once is a long task of its own.
    pub fn into_rows(self) -> Vec<CustomerRow> {
        self.rows
    }

    /// The whole list as one value, valid at change-log position `seq`, so the
    /// next start reads one value instead of every customer record.
    pub fn to_snapshot(&self, seq: u64) -> String {
        Self::snapshot_of_pieces(seq, &[self.snapshot_piece(0..self.rows.len())])
    }

    /// The rows in `range` as snapshot text: a big list is written a piece
    /// at a time (see the app's snapshot saving), each piece a short task.
    pub fn snapshot_piece(&self, range: std::ops::Range<usize>) -> String {
        let rows = &self.rows[range.start.min(self.rows.len())..range.end.min(self.rows.len())];
        // Rows are strings and an enum: serialising cannot fail.
        let json = serde_json::to_string(rows).unwrap_or_default();
        json[1..json.len() - 1].to_string()
    }

    /// A snapshot made of [`Self::snapshot_piece`]s, in order.
    pub fn snapshot_of_pieces(seq: u64, pieces: &[String]) -> String {
        let rows: Vec<&str> = pieces.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
        format!("{{\"format\":{SNAPSHOT_FORMAT},\"seq\":{seq},\"rows\":[{}]}}", rows.join(","))
    }

    /// Changes whenever the rows do: a snapshot written in pieces is only
    /// whole if this stayed the same throughout.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The list and its log position, or None for a snapshot of another format.
    pub fn from_snapshot(json: &str) -> Option<(Self, u64)> {
        let snapshot: Snapshot<Vec<CustomerRow>> = serde_json::from_str(json).ok()?;
        if snapshot.format != SNAPSHOT_FORMAT {
            return None;
        }
        let mut index = Self { rows: snapshot.rows, text: SearchText::default(), generation: 0, positions: Default::default() };
        index.reindex();
        Some((index, snapshot.seq))
    }

    pub fn rows(&self) -> &[CustomerRow] {
        &self.rows
    }

    /// One customer's row by id (a scan: for a few look-ups, not per row).
    pub fn row(&self, id: &str) -> Option<&CustomerRow> {
        let positions = self.positions.get_or_init(|| self.rows.iter().enumerate().map(|(i, r)| (r.id.clone(), i as u32)).collect());
        positions.get(id).map(|&i| &self.rows[i as usize])
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Applies records' new states: inserted, moved or (when deleted) removed.
    pub fn upsert(&mut self, records: impl IntoIterator<Item = Record>) {
        let mut update = Update::default();
        update.add(records);
        self.apply_update(update);
    }

    /// Takes in an [`Update`] at once (see [`Rebuild`] for a big one).
    fn apply_update(&mut self, update: Update) {
        self.remove_and_insert(&update.ids, update.rows);
    }

    /// Drops the rows of records that no longer exist at all.
    pub fn remove(&mut self, ids: impl IntoIterator<Item = String>) {
        self.remove_and_insert(&ids.into_iter().collect(), Vec::new());
    }

    fn remove_and_insert(&mut self, ids: &std::collections::HashSet<String>, fresh: Vec<CustomerRow>) {
        if ids.is_empty() && fresh.is_empty() {
            return;
        }
        if ids.len() <= FEW && fresh.len() <= FEW {
            self.edit_in_place(ids, fresh);
        } else {
            self.merge(ids, fresh);
        }
        self.generation = next_generation();
        self.positions = Default::default();
    }

    /// A save's few rows: the removed ones dropped in one pass, the new ones
    /// inserted in place, rows and text alike. Re-laying every customer's
    /// text took a save 27 ms at 50,000 customers in Node.
    fn edit_in_place(&mut self, ids: &std::collections::HashSet<String>, fresh: Vec<CustomerRow>) {
        // A few ids compared directly: hashing 50,000 ids cost more.
        let gone: Vec<bool> = self.rows.iter().map(|r| ids.iter().any(|id| *id == r.id)).collect();
        if gone.contains(&true) {
            self.text = self.text.retain(|at| !gone[at]);
            let mut at = 0;
            self.rows.retain(|_| {
                at += 1;
                !gone[at - 1]
            });
        }
        // Each insert shifts the rows after it: few enough to beat a merge.
        for row in fresh {
            // After rows of the same name, as a merge places them.
            let at = self.rows.partition_point(|r| r.sort_key <= row.sort_key);
            self.text.insert(at, &row.haystack);
            self.rows.insert(at, row);
        }
    }

    /// Many rows (an import): one pass over the list, the kept rows moved
    /// and their text copied as laid out (letters too), the new ones merged in.
    fn merge(&mut self, ids: &std::collections::HashSet<String>, mut fresh: Vec<CustomerRow>) {
        fresh.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
        let old_text = std::mem::take(&mut self.text);
        let mut kept = std::mem::take(&mut self.rows).into_iter().enumerate().filter(|(_, r)| !ids.contains(&r.id)).peekable();
        let mut fresh = fresh.into_iter().peekable();
        let mut rows = Vec::with_capacity(kept.size_hint().1.unwrap_or(0) + fresh.len());
        let mut text = SearchText::default();
        while let Some(from_update) = update_first(kept.peek().map(|(_, r)| r), fresh.peek()) {
            if from_update {
                let Some(row) = fresh.next() else { break };
                text.push(&row.haystack);
                rows.push(row);
            } else {
                let Some((at, row)) = kept.next() else { break };
                text.push_from(&old_text, at);
                rows.push(row);
            }
        }
        self.rows = rows;
        self.text = text;
    }

    /// Positions of the rows matching every term of the query, in list order.
    /// Persian/Arabic letter variants, digits of any script, ZWNJ and Latin
    /// case are all ignored.
    pub fn search(&self, query: &str) -> Vec<u32> {
        self.search_from(query, None).hits
    }

    /// Like [`Self::search`], but when the query only extends the previous
    /// one (the usual keystroke), only the previous hits are scanned: every
    /// row matching "کریمی" also matches "کریم".
    pub fn search_from(&self, query: &str, previous: Option<&SearchResult>) -> SearchResult {
        let q = SearchQuery::new(query);
        let normalized = q.terms().join(" ");
        let hits = if q.is_empty() {
            (0..self.rows.len() as u32).collect()
        } else {
            match previous.filter(|p| p.generation == self.generation && !p.query.is_empty() && normalized.starts_with(&p.query)) {
                Some(p) => self.text.refine(&q, &p.hits),
                None => self.text.find_all(&q),
            }
        };
        SearchResult { hits, query: normalized, generation: self.generation }
    }
}

/// Whether the next row of a merge is the update's (`fresh`) rather than the
/// list's own; None when both are done. On equal names the list's row comes
/// first, and the update's keep their order.
fn update_first(own: Option<&CustomerRow>, fresh: Option<&CustomerRow>) -> Option<bool> {
    match (own, fresh) {
        (Some(own), Some(fresh)) => Some(fresh.sort_key < own.sort_key),
        (Some(_), None) => Some(false),
        (None, Some(_)) => Some(true),
        (None, None) => None,
    }
}

/// Up to this many rows changed, the list is edited in place; more are
/// merged in one pass (each insert shifts half the list on average).
const FEW: usize = 8;

fn next_generation() -> u64 {
    static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// [`CustomerIndex::apply_update`] for a big update (an import), done in
/// steps the app runs between frames: merging 50,000 rows and laying out
/// their search text in one go was a task of over 100 ms. The index being
/// replaced is passed to every step; if it changed in between (a save, a
/// write in another tab), the merge starts over from it, so nothing written
/// meanwhile is lost.
pub struct Rebuild {
    update: Update,
    base_generation: Option<u64>,
    restarts: u32,
    base_at: usize,
    /// The update's rows before this one have been moved into `rows`.
    fresh_at: usize,
    rows: Vec<CustomerRow>,
    text: SearchText,
}

/// Saves landing faster than a merge ends would restart it for ever: after
/// this many restarts the merge is finished in one step.
const RESTARTS_BEFORE_ONE_STEP: u32 = 2;

impl Rebuild {
    pub fn new(update: Update) -> Self {
        Self { update, base_generation: None, restarts: 0, base_at: 0, fresh_at: 0, rows: Vec::new(), text: SearchText::default() }
    }

    /// Merges up to `rows` more rows of `base` and the update, in list
    /// order; the new index once every row is in.
    pub fn step(&mut self, base: &CustomerIndex, rows: usize) -> Option<CustomerIndex> {
        if self.base_generation != Some(base.generation) {
            self.start_over(base);
        }
        let rows = if self.restarts >= RESTARTS_BEFORE_ONE_STEP { usize::MAX } else { rows };
        for _ in 0..rows {
            // Rows the update replaces or removes leave the base.
            while base.rows.get(self.base_at).is_some_and(|r| self.update.ids.contains(&r.id)) {
                self.base_at += 1;
            }
            let Some(from_update) = update_first(base.rows.get(self.base_at), self.update.rows.get(self.fresh_at)) else { break };
            // The update's rows are moved, not copied: three copies of 50,000
            // rows at once (shown, update, new) is memory a tablet lacks.
            if from_update {
                let row = std::mem::take(&mut self.update.rows[self.fresh_at]);
                self.fresh_at += 1;
                self.text.push(&row.haystack);
                self.rows.push(row);
            } else {
                self.text.push_from(&base.text, self.base_at);
                self.rows.push(base.rows[self.base_at].clone());
                self.base_at += 1;
            }
        }
        if self.base_at < base.rows.len() || self.fresh_at < self.update.rows.len() {
            return None;
        }
        let (rows, text) = (std::mem::take(&mut self.rows), std::mem::take(&mut self.text));
        Some(CustomerIndex { rows, text, generation: next_generation(), positions: Default::default() })
    }

    fn start_over(&mut self, base: &CustomerIndex) {
        if self.base_generation.is_some() {
            self.restarts += 1;
        }
        // The update's rows moved so far go back to their places: they are
        // the merged rows with the update's ids (the base's were skipped),
        // in the order they were taken.
        let ids = &self.update.ids;
        let moved = self.rows.drain(..).filter(|r| ids.contains(&r.id));
        for (place, row) in self.update.rows.iter_mut().zip(moved) {
            *place = row;
        }
        self.rows.reserve(base.rows.len() + self.update.rows.len());
        self.text = SearchText::default();
        self.base_generation = Some(base.generation);
        self.base_at = 0;
        self.fresh_at = 0;
    }
}

/// New states of customers turned into list rows, the costly part of taking
/// in a batch. Built apart from the index so the app can build it for a big
/// import a slice at a time between frames, then swap it in at once.
#[derive(Default)]
pub struct Update {
    ids: std::collections::HashSet<String>,
    rows: Vec<CustomerRow>,
}

impl Update {
    /// No customer was written.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds records' new states (other kinds are ignored).
    pub fn add(&mut self, records: impl IntoIterator<Item = Record>) {
        for record in records.into_iter().filter(|r| r.kind == KIND) {
            if !self.ids.insert(record.id.clone()) {
                // Written twice in one batch (a merge marks, then deletes): the last state wins.
                self.rows.retain(|r| r.id != record.id);
            }
            if record.deleted {
                continue;
            }
            let Envelope { kind, id, rev, created_at, updated_at, deleted, fields } = record;
            if let Ok(fields) = serde_json::from_value::<CustomerSummary>(serde_json::Value::Object(fields)) {
                self.rows.push(row_of(Envelope { kind, id, rev, created_at, updated_at, deleted, fields }));
            }
        }
        // The rows before this slice are in order: sorting finds that run,
        // sorts the slice and merges the two, which costs little more than
        // sorting the slice alone.
        self.rows.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
    }
}

/// A name folded for comparing and sorting: Persian/Arabic letters,
/// digits, spacing and case alike, in Persian alphabet order.
pub(crate) fn name_key(name: &str) -> String {
    collation_key(&normalize_for_search(name))
}

fn row_of(r: Envelope<CustomerSummary>) -> CustomerRow {
    let c = r.fields;
    let mut text = String::with_capacity(128);
    for part in [&c.name, &c.city, &c.province, &c.email, &c.owner, &c.category, &c.national_id, &c.economic_code] {
        text.push_str(part);
        text.push(' ');
    }
    for part in c.phones.iter().chain(&c.tags) {
        text.push_str(part);
        text.push(' ');
    }
    let mut phones = c.phones.into_iter();
    CustomerRow {
        id: r.id,
        rev: r.rev,
        sort_key: name_key(&c.name),
        haystack: normalize_for_search(&text),
        phone: phones.next().unwrap_or_default(),
        more_phones: phones.collect(),
        email: c.email,
        name: c.name,
        kind: c.kind,
        city: c.city,
        owner: c.owner,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::to_fields;
    use crate::customers::Customer;
    use crate::env::SeededEnv;
    use crate::store::{Batch, MemoryStore, RecordStore, Write};

    /// Builds the index the way the app does: from a typed scan of a store.
    fn index_of(records: Vec<Record>) -> CustomerIndex {
        pollster::block_on(async {
            let store = MemoryStore::new();
            let writes = records.into_iter().map(|record| Write { expected_rev: None, change: Write::create(KIND, Default::default(), &SeededEnv::new(0, 0)).change, record }).collect();
            store.apply(&Batch { writes }).await.unwrap();
            CustomerIndex::build(store.all_as(KIND).await.unwrap())
        })
    }

    fn rec(env: &SeededEnv, name: &str, city: &str, phone: &str) -> Record {
        let c = Customer { name: name.into(), city: city.into(), phones: vec![phone.into()], ..Default::default() };
        Write::create(KIND, to_fields(&c), env).record
    }

    fn names(ix: &CustomerIndex, hits: &[u32]) -> Vec<String> {
        hits.iter().map(|&i| ix.rows()[i as usize].name.clone()).collect()
    }

    #[test]
    fn rows_are_found_by_id_after_every_change() {
        let env = SeededEnv::new(1, 0);
        let zed = rec(&env, "Zed", "", "09120000001");
        let mut ix = index_of(vec![zed.clone()]);
        assert_eq!(ix.row(&zed.id).unwrap().name, "Zed");
        // A row sorted before it shifts its position.
        let abe = rec(&env, "Abe", "", "09120000002");
        ix.upsert([abe.clone()]);
        assert_eq!(ix.row(&zed.id).unwrap().name, "Zed");
        assert_eq!(ix.row(&abe.id).unwrap().name, "Abe");
        ix.remove([abe.id.clone()]);
        assert!(ix.row(&abe.id).is_none());
        assert_eq!(ix.row(&zed.id).unwrap().name, "Zed");
    }

    #[test]
    fn persian_aware_search() {
        let env = SeededEnv::new(1, 0);
        let ix = index_of(vec![
            rec(&env, "علی کریمی", "تهران", "09121234567"),
            rec(&env, "Acme Trading", "Shiraz", "02188881234"),
            rec(&env, "فروشگاه می‌گل", "کرج", "09351112233"),
        ]);
        let find = |q: &str| names(&ix, &ix.search(q));
        assert_eq!(find("علي كريمي"), vec!["علی کریمی"], "Arabic yeh and kaf");
        assert_eq!(find("ACME"), vec!["Acme Trading"]);
        assert_eq!(find("۰۹۱۲"), vec!["علی کریمی"], "Persian digits match ASCII phone");
        assert_eq!(find("میگل"), vec!["فروشگاه می‌گل"], "ZWNJ ignored");
        assert_eq!(find("shiraz acme"), vec!["Acme Trading"], "all terms, any order");
        assert!(find("nothing-like-this").is_empty());
        assert_eq!(ix.search("").len(), 3);
    }

    #[test]
    fn refined_search_equals_a_fresh_one_and_ignores_stale_results() {
        let env = SeededEnv::new(1, 0);
        let mut ix = index_of(crate::demo::customers(crate::demo::Size::M, 3).iter().map(|c| Write::create(KIND, to_fields(c), &env).record).collect());
        let mut prev = None;
        for q in ["ک", "کر", "کری", "کریمی", "کریمی ت", "کریمی ته", "کری", "a", "ac", "0", "09", "۰۹۱"] {
            let refined = ix.search_from(q, prev.as_ref());
            assert_eq!(refined.hits, ix.search(q), "query {q}");
            prev = Some(refined);
        }
        // After a change the old positions are void: a full scan is done.
        let before = ix.search_from("کریمی", None);
        ix.upsert([rec(&env, "آ کریمی", "", "09121234567")]);
        let after = ix.search_from("کریمی ا", Some(&before));
        assert_eq!(after.hits, ix.search("کریمی ا"));
        let new_pos = ix.rows().iter().position(|r| r.name == "آ کریمی").unwrap() as u32;
        assert!(after.hits.contains(&new_pos), "the new row is found");
    }

    #[test]
    fn snapshot_round_trips_and_refuses_other_formats() {
        let env = SeededEnv::new(1, 0);
        let ix = index_of(crate::demo::customers(crate::demo::Size::S, 3).iter().map(|c| Write::create(KIND, to_fields(c), &env).record).collect());
        let (back, seq) = CustomerIndex::from_snapshot(&ix.to_snapshot(42)).unwrap();
        assert_eq!(seq, 42);
        assert_eq!(back.rows(), ix.rows());
        assert_eq!(back.search("کریمی"), ix.search("کریمی"));
        let other = ix.to_snapshot(1).replacen(&format!("\"format\":{SNAPSHOT_FORMAT}"), "\"format\":999", 1);
        assert!(CustomerIndex::from_snapshot(&other).is_none());
        assert!(CustomerIndex::from_snapshot("{not json").is_none());
        let pieces: Vec<String> = (0..ix.len() + 30).step_by(30).map(|at| ix.snapshot_piece(at..at + 30)).collect();
        assert_eq!(CustomerIndex::snapshot_of_pieces(42, &pieces), ix.to_snapshot(42), "pieces make the same snapshot");
        assert!(CustomerIndex::from_snapshot(&CustomerIndex::default().to_snapshot(1)).is_some_and(|(ix, _)| ix.is_empty()));
    }

    #[test]
    fn a_result_of_another_index_is_never_refined() {
        let env = SeededEnv::new(1, 0);
        let small = index_of(vec![rec(&env, "کریم", "", "09121234567")]);
        let big = index_of((0..100).map(|i| rec(&env, &format!("کریم {i}"), "", "09121234567")).collect());
        let from_small = small.search_from("کری", None);
        assert_eq!(big.search_from("کریم", Some(&from_small)).hits.len(), 100);
    }

    #[test]
    fn bulk_upsert_and_remove() {
        let env = SeededEnv::new(1, 0);
        let mut ix = index_of(vec![rec(&env, "z", "", "09121234567")]);
        let many: Vec<Record> = (0..500).map(|i| rec(&env, &format!("n{i:03}"), "", "09121234567")).collect();
        let first_id = many[0].id.clone();
        ix.upsert(many);
        assert_eq!(ix.len(), 501);
        assert!(ix.rows().windows(2).all(|w| w[0].sort_key <= w[1].sort_key));
        ix.remove([first_id]);
        assert_eq!(ix.len(), 500);
        assert_eq!(ix.rows()[0].name, "n001");
    }

    #[test]
    fn likely_duplicates_by_phone_email_and_folded_name() {
        let env = SeededEnv::new(1, 0);
        let mut with_email = rec(&env, "Acme Trading", "Shiraz", "02188881234");
        with_email.fields.insert("email".into(), serde_json::json!("sales@acme.example"));
        let ix = index_of(vec![rec(&env, "علی کریمی", "تهران", "09121234567"), with_email, rec(&env, "رضا", "", "09351112233")]);
        let probe = |name: &str, phones: &[&str], email: &str| {
            let c = Customer { name: name.into(), phones: phones.iter().map(|p| p.to_string()).collect(), email: email.into(), ..Default::default() };
            ix.likely_duplicates(&c, None).into_iter().map(|d| (d.name, d.reasons)).collect::<Vec<_>>()
        };
        use crate::customers::DuplicateReason::*;
        assert_eq!(probe("someone else", &["09121234567"], ""), vec![("علی کریمی".to_string(), vec![SamePhone])]);
        assert_eq!(probe("علي  كريمي", &[], ""), vec![("علی کریمی".to_string(), vec![SameName])], "Arabic letters and spacing fold");
        assert_eq!(probe("ACME trading", &["02188881234"], "sales@acme.example"), vec![("Acme Trading".to_string(), vec![SamePhone, SameEmail, SameName])]);
        assert!(probe("علی", &["09120000000"], "other@x.example").is_empty(), "a part of a name is not the same name");
        let c = Customer { name: "رضا".into(), ..Default::default() };
        let id = ix.rows().iter().find(|r| r.name == "رضا").unwrap().id.clone();
        assert!(ix.likely_duplicates(&c, Some(&id)).is_empty(), "the customer being edited is not its own duplicate");
    }

    /// New, changed and deleted customers, in the slices the app adds them in.
    fn mixed_slices(env: &SeededEnv, base: &[Record]) -> Vec<Vec<Record>> {
        let fresh: Vec<Record> = (0..40).map(|i| rec(env, &format!("n{:02}", (i * 7) % 40), "", "09121234567")).collect();
        let renamed = Write::update(&base[3], to_fields(&Customer { name: "a renamed".into(), ..Default::default() }), env).unwrap().record;
        let deleted = Write::delete(&base[5], env).record;
        let mut slices: Vec<Vec<Record>> = fresh.chunks(15).map(<[Record]>::to_vec).collect();
        slices.push(vec![renamed, deleted]);
        slices
    }

    fn update_of(slices: &[Vec<Record>]) -> Update {
        let mut update = Update::default();
        for slice in slices {
            update.add(slice.clone());
        }
        update
    }

    fn finish(rebuild: &mut Rebuild, base: &CustomerIndex, rows_per_step: usize) -> CustomerIndex {
        loop {
            if let Some(done) = rebuild.step(base, rows_per_step) {
                return done;
            }
        }
    }

    /// Thirty customers, n00 to n29, and a rebuild of them with [`mixed_slices`].
    fn thirty_and_a_rebuild(env: &SeededEnv) -> (CustomerIndex, Vec<Vec<Record>>, Rebuild) {
        let base_records: Vec<Record> = (0..30).map(|i| rec(env, &format!("n{i:02}"), "", "09121234567")).collect();
        let slices = mixed_slices(env, &base_records);
        let rebuild = Rebuild::new(update_of(&slices));
        (index_of(base_records), slices, rebuild)
    }

    #[test]
    fn a_rebuild_in_steps_gives_what_applying_at_once_does() {
        let env = SeededEnv::new(1, 0);
        let base_records: Vec<Record> = (0..30).map(|i| rec(&env, &format!("n{:02}", i % 25), "", "09121234567")).collect();
        let base = index_of(base_records.clone());
        let slices = mixed_slices(&env, &base_records);
        for rows_per_step in [1, 7, 1000] {
            let mut at_once = base.clone();
            at_once.apply_update(update_of(&slices));
            let stepped = finish(&mut Rebuild::new(update_of(&slices)), &base, rows_per_step);
            assert_eq!(stepped.rows(), at_once.rows(), "{rows_per_step} rows a step");
            assert_eq!(stepped.search("n1"), at_once.search("n1"));
            assert_eq!(stepped.row(&base_records[3].id).map(|r| r.name.as_str()), Some("a renamed"));
            assert!(stepped.row(&base_records[5].id).is_none(), "the deleted customer left");
            assert_ne!(stepped.generation(), base.generation(), "earlier results are not refined");
        }
        assert!(finish(&mut Rebuild::new(Update::default()), &CustomerIndex::default(), 10).is_empty());
    }

    #[test]
    fn a_rebuild_starts_over_when_the_list_changes_between_steps() {
        let env = SeededEnv::new(1, 0);
        let (mut base, slices, mut rebuild) = thirty_and_a_rebuild(&env);
        assert!(rebuild.step(&base, 20).is_none());
        // Saved meanwhile: the rebuilt list must keep it.
        let saved = rec(&env, "saved meanwhile", "", "09121234567");
        base.upsert([saved.clone()]);
        let done = finish(&mut rebuild, &base, 20);
        let mut at_once = base.clone();
        at_once.apply_update(update_of(&slices));
        assert_eq!(done.rows(), at_once.rows());
        assert!(done.row(&saved.id).is_some());
    }

    #[test]
    fn a_rebuild_restarted_again_and_again_finishes_in_one_step() {
        let env = SeededEnv::new(1, 0);
        let (mut base, slices, mut rebuild) = thirty_and_a_rebuild(&env);
        for i in 0..RESTARTS_BEFORE_ONE_STEP {
            assert!(rebuild.step(&base, 5).is_none(), "restart {i}");
            base.upsert([rec(&env, &format!("saved {i}"), "", "09121234567")]);
        }
        let done = rebuild.step(&base, 5).expect("finished in one step");
        let mut at_once = base.clone();
        at_once.apply_update(update_of(&slices));
        assert_eq!(done.rows(), at_once.rows());
    }

    #[test]
    fn saves_edited_in_place_and_imports_merged_agree_with_a_list_built_afresh() {
        let env = SeededEnv::new(5, 0);
        let mut live: Vec<Record> = (0..60).map(|i| rec(&env, &format!("c{} کریم", i % 17), "تهران", "09121234567")).collect();
        let mut ix = index_of(live.clone());
        for round in 0..6usize {
            // Even rounds are a save's few rows (edited in place), odd ones an import's many (merged).
            let n = if round % 2 == 0 { 3 } else { FEW + 10 };
            let mut batch = Vec::new();
            for k in 0..n {
                let at = (round * 7 + k * 5) % live.len();
                let changed = Write::update(&live[at], to_fields(&Customer { name: format!("c{} r{round}", k % 5), city: "شیراز".into(), ..Default::default() }), &env).unwrap().record;
                live[at] = changed.clone();
                batch.push(changed);
            }
            let gone = live.remove((round * 11) % live.len());
            batch.push(Write::delete(&gone, &env).record);
            let added: Vec<Record> = (0..n).map(|k| rec(&env, &format!("c{} new{round}", k % 4), "", "09351112233")).collect();
            live.extend(added.iter().cloned());
            batch.extend(added);
            ix.upsert(batch);
            let afresh = index_of(live.clone());
            let keys = |ix: &CustomerIndex| ix.rows().iter().map(|r| r.sort_key.clone()).collect::<Vec<_>>();
            assert_eq!(keys(&ix), keys(&afresh), "round {round}");
            for q in ["c1", "ش", "کریم", "r3", "new", "0935", "c2 new"] {
                let ids = |ix: &CustomerIndex| {
                    let mut ids: Vec<String> = ix.search(q).iter().map(|&i| ix.rows()[i as usize].id.clone()).collect();
                    ids.sort();
                    ids
                };
                assert_eq!(ids(&ix), ids(&afresh), "round {round}, query {q}");
            }
            assert!(ix.row(&gone.id).is_none());
        }
    }

    #[test]
    fn a_record_written_twice_in_one_batch_takes_its_last_state() {
        let env = SeededEnv::new(1, 0);
        let c = Customer { name: "Acme".into(), ..Default::default() };
        let created = Write::create(KIND, to_fields(&c), &env).record;
        let mut ix = index_of(vec![created.clone()]);
        let marked = Write::update(&created, to_fields(&Customer { notes: "merged".into(), ..c }), &env).unwrap().record;
        let deleted = Write::delete(&marked, &env).record;
        ix.upsert(vec![marked, deleted]);
        assert!(ix.is_empty(), "the merged-away customer left the list");
    }

    #[test]
    fn upsert_keeps_order_and_drops_tombstones() {
        let env = SeededEnv::new(1, 0);
        let b = rec(&env, "b", "", "09121234567");
        let mut ix = index_of(vec![b.clone(), rec(&env, "d", "", "09121234567")]);
        ix.upsert([rec(&env, "c", "", "09121234567"), rec(&env, "a", "", "09121234567")]);
        assert_eq!(names(&ix, &ix.search("")), vec!["a", "b", "c", "d"]);
        let deleted = Write::delete(&b, &env).record;
        ix.upsert([deleted.clone()]);
        assert_eq!(names(&ix, &ix.search("")), vec!["a", "c", "d"]);
        assert!(index_of(vec![deleted]).is_empty());
    }
}
