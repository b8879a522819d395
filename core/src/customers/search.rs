//! The in-memory list behind the customer screen: one row per live customer,
//! kept sorted by name, with a pre-normalised text to search. Searching is a
//! scan of these strings, which stays well under a frame for 50,000 customers
//! (see BENCHMARKS.md) and needs no index to maintain.

use super::model::{Customer, PartyKind, KIND};
use crate::locale::{normalize_for_search, SearchQuery};
use crate::store::Record;

#[derive(Clone, Debug, PartialEq)]
pub struct CustomerRow {
    pub id: String,
    pub name: String,
    pub kind: PartyKind,
    pub city: String,
    pub phone: String,
    pub owner: String,
    sort_key: String,
    haystack: String,
}

#[derive(Clone, Debug, Default)]
pub struct CustomerIndex {
    rows: Vec<CustomerRow>,
}

impl CustomerIndex {
    /// Builds from stored records, skipping tombstones and other kinds.
    /// Records that fail to decode are skipped and counted.
    pub fn build(records: Vec<Record>) -> (Self, usize) {
        let mut skipped = 0;
        let mut rows: Vec<CustomerRow> = Vec::with_capacity(records.len());
        for r in records {
            if r.kind != KIND || r.deleted {
                continue;
            }
            match row_of(r) {
                Some(row) => rows.push(row),
                None => skipped += 1,
            }
        }
        rows.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
        (Self { rows }, skipped)
    }

    pub fn rows(&self) -> &[CustomerRow] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Applies one record's new state: inserted, moved or (when deleted) removed.
    pub fn upsert(&mut self, record: Record) {
        self.rows.retain(|r| r.id != record.id);
        if record.kind != KIND || record.deleted {
            return;
        }
        if let Some(row) = row_of(record) {
            let at = self.rows.partition_point(|r| r.sort_key <= row.sort_key);
            self.rows.insert(at, row);
        }
    }

    /// Positions of the rows matching every term of the query, in list order.
    /// Persian/Arabic letter variants, digits of any script, ZWNJ and Latin
    /// case are all ignored.
    pub fn search(&self, query: &str) -> Vec<u32> {
        let q = SearchQuery::new(query);
        if q.is_empty() {
            return (0..self.rows.len() as u32).collect();
        }
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| q.matches(&r.haystack))
            .map(|(i, _)| i as u32)
            .collect()
    }
}

fn row_of(r: Record) -> Option<CustomerRow> {
    let id = r.id;
    let c: Customer = serde_json::from_value(serde_json::Value::Object(r.fields)).ok()?;
    let mut text = String::with_capacity(128);
    for part in [&c.name, &c.city, &c.province, &c.email, &c.owner, &c.category, &c.national_id, &c.economic_code] {
        text.push_str(part);
        text.push(' ');
    }
    for part in c.phones.iter().chain(&c.tags) {
        text.push_str(part);
        text.push(' ');
    }
    Some(CustomerRow {
        id,
        sort_key: normalize_for_search(&c.name),
        haystack: normalize_for_search(&text),
        phone: c.phones.first().cloned().unwrap_or_default(),
        name: c.name,
        kind: c.kind,
        city: c.city,
        owner: c.owner,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::commands::to_fields;
    use crate::env::SeededEnv;
    use crate::store::Write;

    fn rec(env: &SeededEnv, name: &str, city: &str, phone: &str) -> Record {
        let c = Customer { name: name.into(), city: city.into(), phones: vec![phone.into()], ..Default::default() };
        Write::create(KIND, to_fields(&c), env).record
    }

    fn names(ix: &CustomerIndex, hits: &[u32]) -> Vec<String> {
        hits.iter().map(|&i| ix.rows()[i as usize].name.clone()).collect()
    }

    #[test]
    fn persian_aware_search() {
        let env = SeededEnv::new(1, 0);
        let (ix, skipped) = CustomerIndex::build(vec![
            rec(&env, "علی کریمی", "تهران", "09121234567"),
            rec(&env, "Acme Trading", "Shiraz", "02188881234"),
            rec(&env, "فروشگاه می‌گل", "کرج", "09351112233"),
        ]);
        assert_eq!(skipped, 0);
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
    fn upsert_keeps_order_and_drops_tombstones() {
        let env = SeededEnv::new(1, 0);
        let b = rec(&env, "b", "", "09121234567");
        let (mut ix, _) = CustomerIndex::build(vec![b.clone(), rec(&env, "d", "", "09121234567")]);
        ix.upsert(rec(&env, "c", "", "09121234567"));
        ix.upsert(rec(&env, "a", "", "09121234567"));
        assert_eq!(names(&ix, &ix.search("")), vec!["a", "b", "c", "d"]);
        let deleted = Write::delete(&b, &env).record;
        ix.upsert(deleted.clone());
        assert_eq!(names(&ix, &ix.search("")), vec!["a", "c", "d"]);
        let (ix2, _) = CustomerIndex::build(vec![deleted]);
        assert!(ix2.is_empty());
    }
}
