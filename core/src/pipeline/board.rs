//! The board (one column per stage) and the figures above each column,
//! computed from every deal held on the device.

use super::deal::{weigh, Deal, Status};
use super::pipelines::Pipeline;
use crate::locale::Currency;
use crate::store::{Envelope, Record, Scan};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Sums of amounts, per currency: deals in rials and in dollars are never
/// added together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals(Vec<(Currency, Sums)>);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    pub amount: i64,
    /// Amount × the stage's win probability.
    pub weighted: i64,
}

impl Totals {
    pub fn add(&mut self, currency: Currency, amount: i64, weighted: i64) {
        let at = match self.0.iter().position(|(c, _)| *c == currency) {
            Some(at) => at,
            None => {
                self.0.push((currency, Sums::default()));
                self.0.len() - 1
            }
        };
        let sums = &mut self.0[at].1;
        sums.amount = sums.amount.saturating_add(amount);
        sums.weighted = sums.weighted.saturating_add(weighted);
    }

    /// Largest amount first.
    pub fn by_currency(&self) -> Vec<(Currency, Sums)> {
        let mut out = self.0.clone();
        out.sort_by_key(|(_, s)| std::cmp::Reverse(s.amount));
        out
    }

    pub fn of(&self, currency: Currency) -> Sums {
        self.0.iter().find(|(c, _)| *c == currency).map(|(_, s)| *s).unwrap_or_default()
    }
}

/// What the board shows; empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub owner: String,
    pub customer_id: String,
    /// A tag of the deal's customer.
    pub tag: String,
    pub close_from: Option<NaiveDate>,
    pub close_to: Option<NaiveDate>,
    pub rotting_only: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// `has_tag(customer_id, tag)` answers from the customer list.
    pub fn matches(&self, deal: &Deal, pipeline: &Pipeline, now: i64, has_tag: &dyn Fn(&str, &str) -> bool) -> bool {
        (self.owner.is_empty() || deal.owner == self.owner)
            && (self.customer_id.is_empty() || deal.customer_id == self.customer_id)
            && (self.tag.is_empty() || has_tag(&deal.customer_id, &self.tag))
            && self.close_from.is_none_or(|from| deal.expected_close.is_some_and(|d| d >= from))
            && self.close_to.is_none_or(|to| deal.expected_close.is_some_and(|d| d <= to))
            && (!self.rotting_only || deal.is_rotting(pipeline, now))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub stage: String,
    /// Ids of the open deals in this stage, in board order.
    pub deals: Vec<String>,
    pub totals: Totals,
}

/// Every deal held on the device, by id: the board, forecast and table
/// read it without touching the database.
#[derive(Clone, Debug, Default)]
pub struct DealBook {
    deals: HashMap<String, Envelope<Deal>>,
    /// Records whose fields could not be read as a deal.
    pub unreadable: usize,
    /// Counts the changes that alter what a board shows; with
    /// `last_changed`, a board one change behind redoes only those deals.
    version: u64,
    last_changed: Vec<String>,
    /// Unique per book built, so a board drawn from an earlier book (before
    /// a reload) is never taken as current.
    id: u64,
}

impl DealBook {
    pub fn build(scan: Scan<Deal>) -> Self {
        static BOOKS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = BOOKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut book = DealBook { unreadable: scan.unreadable, id, ..Default::default() };
        for r in scan.records {
            if !r.deleted {
                book.deals.insert(r.id.clone(), r);
            }
        }
        book
    }

    /// Takes in written records (deals only; deleted ones leave). True when
    /// what the board shows changed: a write that confirms a move already
    /// shown changes only the revision, and nothing needs drawing again.
    pub fn upsert(&mut self, records: &[Record]) -> bool {
        let mut changed = Vec::new();
        for r in records.iter().filter(|r| r.kind == super::deal::KIND) {
            if r.deleted {
                if self.deals.remove(&r.id).is_some() {
                    changed.push(r.id.clone());
                }
                continue;
            }
            match r.decode::<Deal>() {
                Ok(fields) => {
                    if self.deals.get(&r.id).is_none_or(|old| old.fields != fields) {
                        changed.push(r.id.clone());
                    }
                    let e = Envelope { kind: r.kind.clone(), id: r.id.clone(), rev: r.rev, created_at: r.created_at, updated_at: r.updated_at, deleted: false, fields };
                    self.deals.insert(r.id.clone(), e);
                }
                Err(_) => self.unreadable += 1,
            }
        }
        let any = !changed.is_empty();
        if any {
            self.changed(changed);
        }
        any
    }

    fn changed(&mut self, ids: Vec<String>) {
        self.version += 1;
        self.last_changed = ids;
    }

    /// Puts a deal as it will be once written (a card moved on the board
    /// shows at once; the write's own record replaces it when stored).
    pub fn put(&mut self, deal: Envelope<Deal>) {
        let id = deal.id.clone();
        self.deals.insert(id.clone(), deal);
        self.changed(vec![id]);
    }

    /// Drops a deal shown before it was stored, when storing it failed.
    pub fn forget(&mut self, id: &str) {
        if self.deals.remove(id).is_some() {
            self.changed(vec![id.to_string()]);
        }
    }

    /// The book and its version: a board drawn at (id, version − 1) can be
    /// brought up to date with [`DealBook::board_after`].
    pub fn version(&self) -> (u64, u64) {
        (self.id, self.version)
    }

    pub fn get(&self, id: &str) -> Option<&Envelope<Deal>> {
        self.deals.get(id)
    }

    pub fn len(&self) -> usize {
        self.deals.len()
    }

    pub fn is_empty(&self) -> bool {
        self.deals.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Envelope<Deal>> {
        self.deals.values()
    }

    /// The board of one pipeline: a column per stage with the open deals
    /// the filter lets through, soonest expected close first (undated last),
    /// then by title. Deals in a stage the pipeline no longer has go to the
    /// first column rather than vanish.
    pub fn board(&self, pipeline_id: &str, pipeline: &Pipeline, filter: &Filter, now: i64, has_tag: &dyn Fn(&str, &str) -> bool) -> Vec<Column> {
        let mut columns: Vec<Column> = pipeline.stages.iter().map(|s| Column { stage: s.id.clone(), deals: Vec::new(), totals: Totals::default() }).collect();
        if columns.is_empty() {
            return columns;
        }
        let mut placed: Vec<Vec<&Envelope<Deal>>> = vec![Vec::new(); columns.len()];
        for e in self.deals.values() {
            let d = &e.fields;
            if d.pipeline_id != pipeline_id || d.status != Status::Open || !filter.matches(d, pipeline, now, has_tag) {
                continue;
            }
            let at = pipeline.stages.iter().position(|s| s.id == d.stage).unwrap_or(0);
            placed[at].push(e);
        }
        for (column, mut deals) in columns.iter_mut().zip(placed) {
            // Unstable (no scratch buffer) but total: the id breaks ties.
            deals.sort_unstable_by(|a, b| sort_key(a).cmp(&sort_key(b)));
            for e in &deals {
                let p = pipeline.stage(&column.stage).map_or(0, |s| s.probability);
                column.totals.add(e.fields.currency, e.fields.amount, weigh(e.fields.amount, p));
            }
            column.deals = deals.into_iter().map(|e| e.id.clone()).collect();
        }
        columns
    }

    /// Brings `columns` — this pipeline's board as it was at version
    /// `version() - 1`, same filter — up to date by moving only the deals of
    /// the last change, and summing again only the columns they left or
    /// joined. A stage move then costs a few lookups instead of sorting every
    /// column. True when anything moved.
    pub fn board_after(&self, columns: &mut [Column], pipeline_id: &str, pipeline: &Pipeline, filter: &Filter, now: i64, has_tag: &dyn Fn(&str, &str) -> bool) -> bool {
        if columns.is_empty() {
            return false;
        }
        let mut touched = vec![false; columns.len()];
        for id in &self.last_changed {
            for (i, column) in columns.iter_mut().enumerate() {
                if let Some(at) = column.deals.iter().position(|d| d == id) {
                    column.deals.remove(at);
                    touched[i] = true;
                }
            }
            let Some(e) = self.deals.get(id) else { continue };
            let d = &e.fields;
            if d.pipeline_id != pipeline_id || d.status != Status::Open || !filter.matches(d, pipeline, now, has_tag) {
                continue;
            }
            let at = pipeline.stages.iter().position(|s| s.id == d.stage).unwrap_or(0);
            let key = sort_key(e);
            let column = &mut columns[at];
            let pos = column.deals.partition_point(|other| self.deals.get(other).is_some_and(|o| sort_key(o) < key));
            column.deals.insert(pos, id.clone());
            touched[at] = true;
        }
        for (column, _) in columns.iter_mut().zip(&touched).filter(|(_, t)| **t) {
            let p = pipeline.stage(&column.stage).map_or(0, |s| s.probability);
            column.totals = Totals::default();
            for e in column.deals.iter().filter_map(|id| self.deals.get(id)) {
                column.totals.add(e.fields.currency, e.fields.amount, weigh(e.fields.amount, p));
            }
        }
        touched.contains(&true)
    }
}

/// Board order: soonest expected close first, undated last, then title.
fn sort_key(e: &Envelope<Deal>) -> (bool, Option<NaiveDate>, &str, &str) {
    (e.fields.expected_close.is_none(), e.fields.expected_close, &e.fields.title, &e.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;
    use crate::pipeline::deal::{validate, DealInput};
    use crate::pipeline::pipelines::{defaults, NEW_SALES};

    fn sales() -> Pipeline {
        defaults(Lang::En).remove(0).1
    }

    fn deal(id: &str, stage: &str, amount: &str, close: Option<(i32, u32, u32)>) -> Envelope<Deal> {
        let input = DealInput {
            title: format!("deal {id}"),
            customer_id: format!("cust-{id}"),
            amount: amount.into(),
            stage: stage.into(),
            pipeline_id: NEW_SALES.into(),
            expected_close: close.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            ..Default::default()
        };
        let fields = validate(&input, &sales(), 0).unwrap();
        Envelope { kind: "deal".into(), id: id.into(), rev: 1, created_at: 0, updated_at: 0, deleted: false, fields }
    }

    fn book(deals: Vec<Envelope<Deal>>) -> DealBook {
        DealBook::build(Scan { records: deals, unreadable: 0 })
    }

    const NO_TAGS: &dyn Fn(&str, &str) -> bool = &|_, _| false;

    #[test]
    fn columns_count_sum_and_weigh_their_deals() {
        let b = book(vec![deal("a", "quote", "1000", None), deal("b", "quote", "3000", None), deal("c", "lead", "100", None)]);
        let cols = b.board(NEW_SALES, &sales(), &Filter::default(), 0, NO_TAGS);
        assert_eq!(cols.len(), 8);
        let quote = cols.iter().find(|c| c.stage == "quote").unwrap();
        assert_eq!(quote.deals.len(), 2);
        assert_eq!(quote.totals.of(Currency::Irt), Sums { amount: 4000, weighted: 2000 });
        let lead = &cols[0];
        // 5 % of 100.
        assert_eq!(lead.totals.of(Currency::Irt), Sums { amount: 100, weighted: 5 });
        assert_eq!(cols[1].totals, Totals::default());
    }

    #[test]
    fn currencies_are_summed_apart() {
        let mut usd = deal("u", "quote", "1", None);
        usd.fields.currency = Currency::Usd;
        usd.fields.amount = 1050;
        let b = book(vec![usd, deal("a", "quote", "1000", None)]);
        let cols = b.board(NEW_SALES, &sales(), &Filter::default(), 0, NO_TAGS);
        let t = &cols[4].totals;
        assert_eq!(t.of(Currency::Usd).amount, 1050);
        assert_eq!(t.of(Currency::Irt).amount, 1000);
        assert_eq!(t.by_currency()[0].0, Currency::Usd);
    }

    #[test]
    fn order_is_soonest_close_first_then_undated() {
        let b = book(vec![deal("late", "lead", "1", Some((2027, 1, 1))), deal("none", "lead", "1", None), deal("soon", "lead", "1", Some((2026, 12, 1)))]);
        let cols = b.board(NEW_SALES, &sales(), &Filter::default(), 0, NO_TAGS);
        assert_eq!(cols[0].deals, ["soon", "late", "none"]);
    }

    #[test]
    fn closed_other_pipeline_and_unknown_stage() {
        let p = sales();
        let mut won = deal("w", "lead", "1", None);
        won.fields = won.fields.won(&p, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), 1);
        let mut other = deal("o", "lead", "1", None);
        other.fields.pipeline_id = "other".into();
        let mut orphan = deal("x", "lead", "1", None);
        orphan.fields.stage = "removed-stage".into();
        let cols = book(vec![won, other, orphan]).board(NEW_SALES, &p, &Filter::default(), 0, NO_TAGS);
        assert_eq!(cols[0].deals, ["x"]);
        assert_eq!(cols.iter().map(|c| c.deals.len()).sum::<usize>(), 1);
    }

    #[test]
    fn filters_combine() {
        let p = sales();
        let mut mine = deal("m", "lead", "1", Some((2026, 12, 10)));
        mine.fields.owner = "Sara".into();
        let b = book(vec![mine, deal("n", "lead", "1", Some((2027, 3, 1))), deal("old", "quote", "1", None)]);
        let only = |f: Filter, now: i64| -> Vec<String> { b.board(NEW_SALES, &p, &f, now, &|c, t| c == "cust-n" && t == "vip").into_iter().flat_map(|c| c.deals).collect() };
        assert_eq!(only(Filter { owner: "Sara".into(), ..Default::default() }, 0), ["m"]);
        assert_eq!(only(Filter { tag: "vip".into(), ..Default::default() }, 0), ["n"]);
        assert_eq!(only(Filter { customer_id: "cust-old".into(), ..Default::default() }, 0), ["old"]);
        let december = Filter { close_from: NaiveDate::from_ymd_opt(2026, 12, 1), close_to: NaiveDate::from_ymd_opt(2026, 12, 31), ..Default::default() };
        assert_eq!(only(december, 0), ["m"]);
        // Lead allows 14 days, quote 14: at day 15 every deal rots.
        let rotting = Filter { rotting_only: true, ..Default::default() };
        assert!(only(rotting.clone(), 0).is_empty());
        assert_eq!(only(rotting, 15 * 86_400_000).len(), 3);
    }

    #[test]
    fn a_board_brought_up_to_date_equals_one_built_afresh() {
        let p = sales();
        let stages: Vec<String> = p.stages.iter().map(|s| s.id.clone()).collect();
        let mut rng = crate::env::SplitMix64(7);
        let deals: Vec<Envelope<Deal>> = (0..300)
            .map(|i| deal(&format!("d{i}"), &stages[rng.below(8) as usize], "1000", (i % 3 != 0).then(|| (2026, 1 + (i % 12) as u32, 1 + (i % 28) as u32))))
            .collect();
        let mut b = book(deals);
        let filter = Filter::default();
        let mut columns = b.board(NEW_SALES, &p, &filter, 0, NO_TAGS);
        for step in 0..400_i64 {
            let id = format!("d{}", rng.below(320));
            match (rng.below(10), b.get(&id).cloned()) {
                // Moves, wins and edits of known deals; new deals; deletes.
                (0, Some(e)) => b.put(Envelope { fields: e.fields.won(&p, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), step), ..e }),
                (1, Some(_)) => b.forget(&id),
                (2, Some(mut e)) => {
                    e.fields.expected_close = None;
                    e.fields.amount += 7;
                    b.put(e);
                }
                (_, Some(e)) => {
                    let stage = &stages[rng.below(8) as usize];
                    if let Ok(Some(moved)) = e.fields.moved(&p, stage, step) {
                        b.put(Envelope { fields: moved, ..e });
                    }
                }
                (_, None) => b.put(deal(&id, &stages[rng.below(8) as usize], "500", Some((2026, 6, 6)))),
            }
            b.board_after(&mut columns, NEW_SALES, &p, &filter, 0, NO_TAGS);
            assert_eq!(columns, b.board(NEW_SALES, &p, &filter, 0, NO_TAGS), "after step {step}");
        }
    }

    #[test]
    fn the_book_follows_writes() {
        let mut b = DealBook::default();
        let d = deal("a", "lead", "1", None);
        let rec = Record { kind: "deal".into(), id: "a".into(), rev: 1, created_at: 0, updated_at: 0, deleted: false, fields: crate::store::to_fields(&d.fields) };
        assert!(b.upsert(std::slice::from_ref(&rec)));
        assert_eq!(b.get("a").unwrap().fields.stage, "lead");
        // The same fields at a new revision: nothing to draw again.
        assert!(!b.upsert(&[Record { rev: 2, ..rec.clone() }]));
        assert_eq!(b.get("a").unwrap().rev, 2);
        let other_kind = Record { kind: "task".into(), ..rec.clone() };
        assert!(!b.upsert(&[other_kind]));
        assert_eq!(b.len(), 1);
        assert!(b.upsert(&[Record { deleted: true, ..rec.clone() }]));
        assert!(b.is_empty());
        assert!(!b.upsert(&[Record { deleted: true, ..rec }]));
    }
}
