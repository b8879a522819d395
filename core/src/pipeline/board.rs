//! The board (one column per stage) and the figures above each column,
//! computed from every deal held on the device.

use super::deal::{Deal, Status};
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
}

impl DealBook {
    pub fn build(scan: Scan<Deal>) -> Self {
        let mut book = DealBook { unreadable: scan.unreadable, ..Default::default() };
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
        let mut changed = false;
        for r in records.iter().filter(|r| r.kind == super::deal::KIND) {
            if r.deleted {
                changed |= self.deals.remove(&r.id).is_some();
                continue;
            }
            match r.decode::<Deal>() {
                Ok(fields) => {
                    changed |= self.deals.get(&r.id).is_none_or(|old| old.fields != fields);
                    let e = Envelope { kind: r.kind.clone(), id: r.id.clone(), rev: r.rev, created_at: r.created_at, updated_at: r.updated_at, deleted: false, fields };
                    self.deals.insert(r.id.clone(), e);
                }
                Err(_) => self.unreadable += 1,
            }
        }
        changed
    }

    /// Puts a deal as it will be once written (a card moved on the board
    /// shows at once; the write's own record replaces it when stored).
    pub fn put(&mut self, deal: Envelope<Deal>) {
        self.deals.insert(deal.id.clone(), deal);
    }

    /// Drops a deal shown before it was stored, when storing it failed.
    pub fn forget(&mut self, id: &str) {
        self.deals.remove(id);
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
                column.totals.add(e.fields.currency, e.fields.amount, (i128::from(e.fields.amount) * i128::from(p) / 100) as i64);
            }
            column.deals = deals.into_iter().map(|e| e.id.clone()).collect();
        }
        columns
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
