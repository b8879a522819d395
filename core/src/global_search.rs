//! Search across contacts, activities and tasks (customers have their own
//! list index): one row per live record with a pre-normalised text, laid end
//! to end in one [`SearchText`] so a keystroke is one sequential scan, and a
//! longer query only re-checks the previous hits.

use crate::activities::{self, Activity};
use crate::contacts::{self, Contact};
use crate::locale::{normalize_for_search, SearchQuery, SearchText};
use crate::store::Record;
use crate::tasks::{self, Task};
use std::collections::HashSet;

/// The kinds searched here, in the order their groups are shown.
pub const KINDS: [&str; 3] = [contacts::KIND, activities::KIND, tasks::KIND];

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    /// The customer it belongs to (the first, for a contact of several).
    pub customer_id: String,
    /// Newest activity first; soonest task first; contacts by name.
    order: Order,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Order {
    Newest(std::cmp::Reverse<i64>),
    Soonest(Option<chrono::NaiveDateTime>),
    Name(String),
}

/// One group of results: the best `hits` and how many matched in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub kind: &'static str,
    pub hits: Vec<Hit>,
    pub total: usize,
}

#[derive(Clone, Debug, Default)]
pub struct GlobalIndex {
    rows: Vec<Hit>,
    haystacks: Vec<String>,
    text: SearchText,
    /// Bumped on every change, so a previous result is reused only on the same rows.
    generation: u64,
}

/// What a search found, kept to make the next keystroke cheaper.
#[derive(Clone, Debug, Default)]
pub struct Found {
    hits: Vec<u32>,
    query: String,
    generation: u64,
}

impl GlobalIndex {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Takes records' new states (other kinds are ignored; deleted ones leave).
    pub fn upsert(&mut self, records: impl IntoIterator<Item = Record>) {
        let mut gone = HashSet::new();
        let mut fresh = Vec::new();
        for r in records.into_iter().filter(|r| KINDS.contains(&r.kind.as_str())) {
            if !gone.insert((r.kind.clone(), r.id.clone())) {
                // Written twice in one batch: the last state wins.
                fresh.retain(|(hit, _): &(Hit, String)| !(hit.kind == r.kind && hit.id == r.id));
            }
            if !r.deleted {
                fresh.extend(row_of(&r));
            }
        }
        if gone.is_empty() {
            return;
        }
        let mut kept_rows = Vec::with_capacity(self.rows.len());
        let mut kept_text = Vec::with_capacity(self.rows.len());
        for (row, text) in std::mem::take(&mut self.rows).into_iter().zip(std::mem::take(&mut self.haystacks)) {
            if !gone.contains(&(row.kind.to_string(), row.id.clone())) {
                kept_rows.push(row);
                kept_text.push(text);
            }
        }
        for (row, text) in fresh {
            kept_rows.push(row);
            kept_text.push(text);
        }
        self.rows = kept_rows;
        self.haystacks = kept_text;
        self.text = SearchText::new(self.haystacks.iter().map(String::as_str));
        self.generation += 1;
    }

    /// The records matching every term of `query`, grouped by kind in
    /// [`KINDS`] order, at most `per_group` hits each. An empty query finds
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
        let mut groups: Vec<Group> = KINDS.iter().map(|&kind| Group { kind, hits: Vec::new(), total: 0 }).collect();
        let mut best: Vec<Vec<&Hit>> = vec![Vec::new(); KINDS.len()];
        for &i in &hits {
            let row = &self.rows[i as usize];
            let g = KINDS.iter().position(|k| *k == row.kind).unwrap_or(0);
            groups[g].total += 1;
            best[g].push(row);
        }
        for (group, mut rows) in groups.iter_mut().zip(best) {
            // Only the few shown need ordering: partial selection, then sort.
            if rows.len() > per_group && per_group > 0 {
                rows.select_nth_unstable_by(per_group - 1, |a, b| a.order.cmp(&b.order));
                rows.truncate(per_group);
            }
            rows.sort_by(|a, b| a.order.cmp(&b.order));
            rows.truncate(per_group);
            group.hits = rows.into_iter().cloned().collect();
        }
        groups.retain(|g| g.total > 0);
        (groups, Found { hits, query: normalized, generation: self.generation })
    }
}

fn row_of(r: &Record) -> Option<(Hit, String)> {
    let (title, customer_id, order, text) = match r.kind.as_str() {
        contacts::KIND => {
            let c: Contact = r.decode().ok()?;
            let text = format!("{} {} {} {} {}", c.name, c.role, c.email, c.phones.join(" "), c.notes);
            let customer = c.customer_ids.first().cloned().unwrap_or_default();
            (c.name.clone(), customer, Order::Name(normalize_for_search(&c.name)), text)
        }
        activities::KIND => {
            let a: Activity = r.decode().ok()?;
            (a.headline(), a.customer_id.clone(), Order::Newest(std::cmp::Reverse(a.at)), a.search_text())
        }
        tasks::KIND => {
            let t: Task = r.decode().ok()?;
            let text = format!("{} {}", t.title, t.notes);
            (t.title.clone(), t.customer_id.clone(), Order::Soonest(t.due), text)
        }
        _ => return None,
    };
    let kind = KINDS.into_iter().find(|k| *k == r.kind)?;
    Some((Hit { kind, id: r.id.clone(), title, customer_id, order }, normalize_for_search(&text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::{ActivityInput, ActivityType};
    use crate::contacts::ContactInput;
    use crate::env::SeededEnv;
    use crate::store::{self, Write};
    use crate::tasks::TaskInput;

    fn index_of(records: Vec<Record>) -> GlobalIndex {
        let mut ix = GlobalIndex::default();
        ix.upsert(records);
        ix
    }

    fn records() -> Vec<Record> {
        let env = SeededEnv::new(5, 0);
        let contact = contacts::validate(&ContactInput { name: "سارا کریمی".into(), role: "مدیر خرید".into(), customer_ids: vec!["c1".into()], ..Default::default() }).unwrap();
        let old = activities::validate(&ActivityInput { subject: "تماس با كريمي".into(), at: 1, customer_id: "c1".into(), ..Default::default() }).unwrap();
        let new = activities::validate(&ActivityInput {
            activity_type: ActivityType::Visit,
            outcome: "کریمی سفارش داد".into(),
            at: 2,
            customer_id: "c2".into(),
            ..Default::default()
        })
        .unwrap();
        let task = tasks::validate(&TaskInput { title: "Send Karimi the quote".into(), customer_id: "c1".into(), ..Default::default() }).unwrap();
        let mut out = vec![store::create(contacts::KIND, &contact, &env), store::create(activities::KIND, &old, &env), store::create(activities::KIND, &new, &env), store::create(tasks::KIND, &task, &env)];
        out.push(store::create("customer", &serde_json::json!({"name": "کریمی"}), &env));
        out.into_iter().map(|b| b.writes[0].record.clone()).collect()
    }

    #[test]
    fn groups_by_kind_with_persian_folding_and_newest_activity_first() {
        let ix = index_of(records());
        assert_eq!(ix.len(), 4, "customers are not indexed here");
        let (groups, _) = ix.search("كريمي", 5, None);
        let shape: Vec<(&str, Vec<&str>, usize)> = groups.iter().map(|g| (g.kind, g.hits.iter().map(|h| h.title.as_str()).collect(), g.total)).collect();
        assert_eq!(shape, vec![("contact", vec!["سارا کریمی"], 1), ("activity", vec!["کریمی سفارش داد", "تماس با كريمي"], 2)]);
        assert_eq!(groups[1].hits[0].customer_id, "c2");
        let (groups, _) = ix.search("KARIMI quote", 5, None);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].kind, "task");
        assert!(ix.search("  ", 5, None).0.is_empty());
    }

    #[test]
    fn limits_each_group_but_counts_all_and_refines_on_longer_queries() {
        let env = SeededEnv::new(6, 0);
        let many: Vec<Record> = (0..50)
            .map(|i| {
                let a = activities::validate(&ActivityInput { subject: format!("call {i}"), at: i, customer_id: "c".into(), ..Default::default() }).unwrap();
                store::create(activities::KIND, &a, &env).writes.remove(0).record
            })
            .collect();
        let ix = index_of(many);
        let (groups, found) = ix.search("cal", 3, None);
        assert_eq!(groups[0].total, 50);
        let titles: Vec<&str> = groups[0].hits.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, vec!["call 49", "call 48", "call 47"]);
        let (refined, _) = ix.search("call 4", 3, Some(&found));
        let (fresh, _) = ix.search("call 4", 3, None);
        assert_eq!(refined, fresh);
        assert_eq!(refined[0].total, 14, "terms match anywhere: 4, 14, 24, 34, 40–49");
    }

    #[test]
    fn edits_and_deletes_update_the_index() {
        let env = SeededEnv::new(7, 0);
        let mut recs = records();
        let mut ix = index_of(recs.clone());
        let contact = recs.remove(0);
        let mut fields = contact.fields.clone();
        fields.insert("name".into(), serde_json::json!("Sara Ahmadi"));
        let renamed = Write::update(&contact, fields, &env).unwrap().record;
        ix.upsert([renamed.clone()]);
        assert!(ix.search("سارا", 5, None).0.is_empty());
        assert_eq!(ix.search("ahmadi", 5, None).0[0].hits[0].id, contact.id);
        let renamed_again = Write::update(&renamed, { let mut f = renamed.fields.clone(); f.insert("name".into(), serde_json::json!("Sara A.")); f }, &env).unwrap().record;
        ix.upsert([renamed_again.clone(), Write::delete(&renamed_again, &env).record]);
        assert!(ix.search("ahmadi", 5, None).0.is_empty());
        assert!(ix.search("sara", 5, None).0.is_empty(), "an edit and a delete in one batch: gone");
        assert_eq!(ix.len(), 3);
    }
}
