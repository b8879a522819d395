//! The in-memory list behind the customer screen: one row per live customer,
//! kept sorted by name, with a pre-normalised text to search. Searching is a
//! scan of these strings, which stays well under a frame for 50,000 customers
//! (see BENCHMARKS.md) and needs no index to maintain.

use super::model::PartyKind;
use crate::locale::{collation_key, normalize_for_search, SearchQuery, SearchText};
use crate::store::{Envelope, Scan};
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
    pub(super) sort_key: String,
    pub(super) haystack: String,
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
    pub(super) rows: Vec<CustomerRow>,
    /// The rows' haystacks in row order, kept in step with them.
    pub(super) text: SearchText,
    /// New on every change, and unique across all indexes, so a search result
    /// of another state (whose positions no longer fit) is never refined.
    pub(super) generation: u64,
    /// Row position by id, built on the first lookup after a change: a board
    /// names the customer of each card it draws, and a scan of 50,000 rows
    /// per card held a stage move for tens of milliseconds.
    pub(super) positions: std::sync::OnceLock<std::collections::HashMap<String, u32>>,
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

/// A new generation, unique across all indexes.
pub(super) fn next_generation() -> u64 {
    static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A name folded for comparing and sorting: Persian/Arabic letters,
/// digits, spacing and case alike, in Persian alphabet order.
pub(crate) fn name_key(name: &str) -> String {
    collation_key(&normalize_for_search(name))
}

pub(super) fn row_of(r: Envelope<CustomerSummary>) -> CustomerRow {
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
pub(super) mod tests {
    use super::*;
    use crate::customers::{Customer, KIND};
    use crate::env::SeededEnv;
    use crate::store::{to_fields, Batch, MemoryStore, Record, RecordStore, Write};

    /// Builds the index the way the app does: from a typed scan of a store.
    pub(in crate::customers) fn index_of(records: Vec<Record>) -> CustomerIndex {
        pollster::block_on(async {
            let store = MemoryStore::new();
            let writes = records.into_iter().map(|record| Write { expected_rev: None, change: Write::create(KIND, Default::default(), &SeededEnv::new(0, 0)).change, record }).collect();
            store.apply(&Batch { writes }).await.unwrap();
            CustomerIndex::build(store.all_as(KIND).await.unwrap())
        })
    }

    pub(in crate::customers) fn rec(env: &SeededEnv, name: &str, city: &str, phone: &str) -> Record {
        let c = Customer { name: name.into(), city: city.into(), phones: vec![phone.into()], ..Default::default() };
        Write::create(KIND, to_fields(&c), env).record
    }

    pub(in crate::customers) fn names(ix: &CustomerIndex, hits: &[u32]) -> Vec<String> {
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
}
