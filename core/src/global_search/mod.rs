//! Search across every kind of record a user looks for (customers have their
//! own list index): one row per live record with a pre-normalised text, laid
//! end to end in one [`SearchText`] so a keystroke is one sequential scan, and
//! a longer query only re-checks the previous hits.
//!
//! The extension point: a record type becomes searchable by implementing
//! [`Searchable`] beside its rules and taking one line in [`SEARCHED`].

mod kinds;

pub use kinds::{hit_of, is_searched, SearchedKind, SEARCHED};

use crate::locale::{normalize_for_search, SearchQuery, SearchText};
use crate::store::{Envelope, Record, RecordKind};
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};

/// A record type global search finds.
pub trait Searchable: RecordKind + Sized {
    /// How the record shows among the results and what finds it.
    fn search_entry(record: &Envelope<Self>) -> Entry;
}

/// One record as search knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The line shown (may be empty: the app then names the customer).
    pub title: String,
    /// Every text worth finding it by, as written (normalised here).
    pub text: String,
    /// The customer it belongs to, "" for none (the first, for a contact of several).
    pub customer_id: String,
    /// The record it is part of, for a record without a page of its own
    /// (a survey response opens its survey when it names no customer).
    pub within: String,
    pub order: Order,
}

/// How the hits of one kind are ordered when more match than are shown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Order {
    Newest(std::cmp::Reverse<i64>),
    Soonest(Option<chrono::NaiveDateTime>),
    Name(String),
}

impl Entry {
    /// A record known by its name alone, belonging to no customer.
    pub fn named(name: &str) -> Self {
        Entry { title: name.to_string(), text: name.to_string(), customer_id: String::new(), within: String::new(), order: Order::by_name(name) }
    }
}

impl Order {
    pub fn newest(at_ms: i64) -> Self {
        Order::Newest(std::cmp::Reverse(at_ms))
    }

    pub fn by_name(name: &str) -> Self {
        Order::Name(normalize_for_search(name))
    }

    /// A number ordered as the orders of one kind are whenever two differ
    /// (equal numbers say nothing): names by their first eight bytes.
    fn rank(&self) -> i64 {
        match self {
            Order::Newest(std::cmp::Reverse(at)) => at.saturating_neg(),
            Order::Soonest(None) => i64::MIN,
            Order::Soonest(Some(at)) => at.and_utc().timestamp_millis(),
            Order::Name(name) => {
                let mut prefix = [0u8; 8];
                let n = name.len().min(8);
                prefix[..n].copy_from_slice(&name.as_bytes()[..n]);
                (u64::from_be_bytes(prefix) ^ 1 << 63) as i64
            }
        }
    }
}

/// The first line of the first non-blank text, cut at 120 characters: what a
/// result or a timeline line shows of a long free text.
pub fn headline<'a>(candidates: impl IntoIterator<Item = &'a str>) -> String {
    let text = candidates.into_iter().find(|t| !t.trim().is_empty()).unwrap_or("");
    let line = text.lines().next().unwrap_or("");
    match line.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    pub customer_id: String,
    pub within: String,
    order: Order,
}

/// One group of results: the best `hits` and how many matched in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub kind: &'static str,
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// Rows are only ever added: a record edited or deleted blanks its old row
/// (its text becomes spaces, which match no term) and an edit adds a new
/// one, so a save costs its own records, not a new layout of every text.
/// Once blanked rows are a quarter of all, the index is laid out afresh.
#[derive(Clone, Debug, Default)]
pub struct GlobalIndex {
    rows: Vec<Hit>,
    /// What a search reads of each row, apart from the rows: a first
    /// keystroke passes most rows, and touches 16 bytes of each, not the row.
    places: Vec<Place>,
    blanked: usize,
    text: SearchText,
    /// New on every change (unique across indexes), so a previous result is
    /// reused only on the very same rows.
    generation: u64,
}

#[derive(Clone, Copy, Debug)]
struct Place {
    /// The row's place in [`SEARCHED`].
    group: u8,
    live: bool,
    rank: i64,
}

impl Place {
    fn of(row: &Hit) -> Place {
        Place { group: group_of(row.kind), live: true, rank: row.order.rank() }
    }
}

fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What a search found, kept to make the next keystroke cheaper.
#[derive(Clone, Debug, Default)]
pub struct Found {
    hits: Vec<u32>,
    query: String,
    generation: u64,
}

/// Builds an index from the stored text of each searched kind, a slice at a
/// time, laying the search text out once at the end (re-laying it after
/// every slice made loading quadratic in the number of records).
#[derive(Debug, Default)]
pub struct IndexBuilder {
    rows: Vec<Hit>,
    haystacks: Vec<String>,
    /// Lines that could not be read as their kind.
    pub unreadable: usize,
}

impl IndexBuilder {
    /// Takes stored records of `kind`, one JSON text each; tombstones are skipped.
    pub fn add_texts<'a>(&mut self, kind: &str, texts: impl IntoIterator<Item = &'a str>) {
        let Some(searched) = SEARCHED.iter().find(|s| s.kind == kind) else { return };
        for text in texts {
            match (searched.from_text)(text) {
                Ok(Some((hit, haystack))) => {
                    self.rows.push(hit);
                    self.haystacks.push(haystack);
                }
                Ok(None) => {}
                Err(_) => self.unreadable += 1,
            }
        }
    }

    pub fn build(self) -> GlobalIndex {
        let text = SearchText::new(self.haystacks.iter().map(String::as_str));
        let places = self.rows.iter().map(Place::of).collect();
        GlobalIndex { places, rows: self.rows, blanked: 0, text, generation: next_generation() }
    }
}

impl GlobalIndex {
    /// How many records it holds.
    pub fn len(&self) -> usize {
        self.rows.len() - self.blanked
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes records' new states (other kinds are ignored; deleted ones leave).
    pub fn upsert(&mut self, records: &[Record]) {
        let records: Vec<&Record> = records.iter().filter(|r| is_searched(&r.kind)).collect();
        if records.is_empty() {
            return;
        }
        let touched: HashSet<(&str, &str)> = records.iter().map(|r| (r.kind.as_str(), r.id.as_str())).collect();
        // Most rows are of other kinds than a save's: a string compare rules
        // them out before any hashing (a board move saves one deal).
        let mut kinds: Vec<&str> = records.iter().map(|r| r.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for i in 0..self.rows.len() {
            let row = &self.rows[i];
            if self.places[i].live && kinds.contains(&row.kind) && touched.contains(&(row.kind, row.id.as_str())) {
                self.places[i].live = false;
                self.text.blank(i);
                self.blanked += 1;
            }
        }
        // Written twice in one batch: the last state wins.
        let mut taken = HashSet::new();
        for r in records.iter().rev().filter(|r| taken.insert((r.kind.as_str(), r.id.as_str()))) {
            let Some(kind) = SEARCHED.iter().find(|s| s.kind == r.kind) else { continue };
            if let Some((hit, haystack)) = (!r.deleted).then(|| (kind.from_record)(r)).flatten() {
                self.places.push(Place::of(&hit));
                self.rows.push(hit);
                self.text.push(&haystack);
            }
        }
        if self.blanked > 1_000 && self.blanked * 4 > self.rows.len() {
            self.lay_out_afresh();
        }
        self.generation = next_generation();
    }

    fn lay_out_afresh(&mut self) {
        self.text = self.text.retain(|i| self.places[i].live);
        let rows = std::mem::take(&mut self.rows);
        self.rows = rows.into_iter().zip(&self.places).filter(|(_, place)| place.live).map(|(row, _)| row).collect();
        self.places.retain(|place| place.live);
        self.blanked = 0;
    }

    /// The records matching every term of `query`, grouped by kind in
    /// [`SEARCHED`] order, at most `per_group` hits each. An empty query finds
    /// nothing (the whole database is not a search result).
    pub fn search(&self, query: &str, per_group: usize, previous: Option<&Found>) -> (Vec<Group>, Found) {
        let q = SearchQuery::new(query);
        let normalized = q.terms().join(" ");
        let hits = if q.is_empty() {
            Vec::new()
        } else {
            match previous.filter(|p| p.generation == self.generation && !p.query.is_empty() && normalized.starts_with(&p.query)) {
                Some(p) => self.text.refine(&q, &p.hits),
                None => self.text.find_all(&q),
            }
        };
        let mut groups: Vec<Group> = SEARCHED.iter().map(|s| Group { kind: s.kind, hits: Vec::new(), total: 0 }).collect();
        // The best few of each group kept sorted as the hits go by: a first
        // keystroke matches most rows, and sorting them all cost a frame.
        let mut best: Vec<Vec<u32>> = vec![Vec::new(); SEARCHED.len()];
        let order = |i: u32, j: u32| {
            let (a, b) = (&self.places[i as usize], &self.places[j as usize]);
            a.rank.cmp(&b.rank).then_with(|| self.rows[i as usize].order.cmp(&self.rows[j as usize].order))
        };
        for &i in hits.iter() {
            let place = self.places[i as usize];
            if !place.live {
                continue;
            }
            let g = place.group as usize;
            groups[g].total += 1;
            let kept = &mut best[g];
            if kept.len() == per_group && kept.last().is_none_or(|&worst| order(i, worst).is_ge()) {
                continue;
            }
            let at = kept.partition_point(|&j| order(j, i).is_le());
            kept.insert(at, i);
            kept.truncate(per_group);
        }
        for (group, kept) in groups.iter_mut().zip(best) {
            group.hits = kept.into_iter().map(|i| self.rows[i as usize].clone()).collect();
        }
        groups.retain(|g| g.total > 0);
        (groups, Found { hits, query: normalized, generation: self.generation })
    }
}

fn group_of(kind: &str) -> u8 {
    SEARCHED.iter().position(|s| s.kind == kind).unwrap_or(0) as u8
}

/// A live record's row and its normalised text.
fn row_of<T: Searchable>(kind: &'static str, record: &Envelope<T>) -> (Hit, String) {
    let Entry { title, text, customer_id, within, order } = T::search_entry(record);
    (Hit { kind, id: record.id.clone(), title, customer_id, within, order }, normalize_for_search(&text))
}

#[cfg(test)]
mod tests;
