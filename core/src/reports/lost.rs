//! Why deals are lost: the period's lost deals grouped by the reason given,
//! by the competitor named, by the stage they were lost at or by owner,
//! each group with its count, its amounts (per currency) and the deals
//! behind it, so a bar opens to its deals; and the count month by month in
//! the reader's calendar.

use super::filter::Filter;
use super::period::Period;
use crate::locale::{Lang, Month};
use crate::pipeline::{Deal, Status, Totals};
use crate::store::Envelope;

/// What the lost deals are grouped by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LostBy {
    #[default]
    Reason,
    Competitor,
    /// The stage the deal stood in when lost, by the name it had then.
    Stage,
    Owner,
}

impl LostBy {
    pub const ALL: [LostBy; 4] = [LostBy::Reason, LostBy::Competitor, LostBy::Stage, LostBy::Owner];
}

/// One bar: the deals sharing a reason (competitor id, stage name, owner).
/// An empty key is a deal that names none (no competitor named).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LostGroup {
    pub key: String,
    pub count: usize,
    pub amounts: Totals,
    /// The deals' ids, largest amount first.
    pub deals: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LostDeals {
    pub count: usize,
    pub amounts: Totals,
    /// Most deals first; a deal naming two competitors is in both groups.
    pub groups: Vec<LostGroup>,
    /// Every month the period touches, oldest first, with the deals lost in it.
    pub months: Vec<(Month, usize)>,
}

/// The deals lost in `period` (by the day they closed) that `filter` keeps.
pub fn lost_deals(deals: &[&Envelope<Deal>], period: Period, filter: &Filter, by: LostBy, lang: Lang) -> LostDeals {
    let mut lost: Vec<&Envelope<Deal>> = deals
        .iter()
        .copied()
        .filter(|e| e.fields.status == Status::Lost && filter.deal(&e.fields) && e.fields.closed_on.is_some_and(|on| period.contains(on)))
        .collect();
    lost.sort_by(|a, b| b.fields.amount.cmp(&a.fields.amount).then_with(|| a.id.cmp(&b.id)));
    let mut out = LostDeals { months: period.months(lang).into_iter().map(|m| (m, 0)).collect(), ..Default::default() };
    for e in &lost {
        let deal = &e.fields;
        out.count += 1;
        out.amounts.add(deal.currency, deal.amount, 0);
        for key in keys(deal, by) {
            let at = match out.groups.iter().position(|g| g.key == key) {
                Some(at) => at,
                None => {
                    out.groups.push(LostGroup { key, ..Default::default() });
                    out.groups.len() - 1
                }
            };
            let group = &mut out.groups[at];
            group.count += 1;
            group.amounts.add(deal.currency, deal.amount, 0);
            group.deals.push(e.id.clone());
        }
        if let Some(month) = deal.closed_on.map(|on| Month::of(on, lang)) {
            if let Some(row) = out.months.iter_mut().find(|(m, _)| *m == month) {
                row.1 += 1;
            }
        }
    }
    out.groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    out
}

fn keys(deal: &Deal, by: LostBy) -> Vec<String> {
    match by {
        LostBy::Reason => vec![deal.lost_reason.clone()],
        LostBy::Competitor if deal.competitor_ids.is_empty() => vec![String::new()],
        LostBy::Competitor => deal.competitor_ids.clone(),
        LostBy::Stage => {
            // The step that lost it names the stage as it was called then.
            let step = deal.steps.iter().rev().find(|s| s.status == Status::Lost);
            vec![step.map_or_else(|| deal.stage.clone(), |s| if s.stage_name.is_empty() { s.stage.clone() } else { s.stage_name.clone() })]
        }
        LostBy::Owner => vec![deal.owner.clone()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::{day, stored};
    use crate::locale::{from_jalali, Currency};
    use crate::pipeline::Step;
    use chrono::NaiveDate;

    fn lost(id: &str, owner: &str, amount: i64, currency: Currency, reason: &str, stage_name: &str, competitors: &[&str], on: NaiveDate) -> Envelope<Deal> {
        let steps = vec![
            Step { at: 1, stage: "lead".into(), stage_name: "Lead".into(), status: Status::Open, ..Default::default() },
            Step { at: 2, stage: "s".into(), stage_name: stage_name.into(), status: Status::Lost, reason: reason.into() },
        ];
        let fields = Deal {
            owner: owner.into(),
            amount,
            currency,
            status: Status::Lost,
            lost_reason: reason.into(),
            closed_on: Some(on),
            competitor_ids: competitors.iter().map(|c| c.to_string()).collect(),
            steps,
            pipeline_id: "p".into(),
            ..Default::default()
        };
        stored(id, fields)
    }

    fn sample() -> Vec<Envelope<Deal>> {
        let mut won = lost("e", "sara", 1, Currency::Irt, "", "", &[], day(2, 1));
        won.fields.status = Status::Won;
        vec![
            lost("a", "sara", 500, Currency::Irt, "Price", "Quote sent", &["rival"], day(1, 10)),
            lost("b", "reza", 900, Currency::Irt, "Price", "Negotiation", &[], day(2, 3)),
            lost("c", "sara", 100, Currency::Usd, "Timing", "Quote sent", &["rival", "other"], day(2, 20)),
            // Lost the year before, and won: neither counts.
            lost("d", "sara", 700, Currency::Irt, "Price", "Lead", &[], NaiveDate::from_ymd_opt(2025, 2, 1).unwrap()),
            won,
        ]
    }

    fn report(by: LostBy, filter: &Filter) -> LostDeals {
        let deals = sample();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        lost_deals(&refs, Period::new(day(1, 1), day(2, 28)).unwrap(), filter, by, Lang::En)
    }

    fn shape(r: &LostDeals) -> Vec<(&str, usize, Vec<&str>)> {
        r.groups.iter().map(|g| (g.key.as_str(), g.count, g.deals.iter().map(String::as_str).collect())).collect()
    }

    #[test]
    fn grouped_by_reason_largest_deal_first_currencies_apart() {
        let r = report(LostBy::Reason, &Filter::default());
        assert_eq!(r.count, 3);
        assert_eq!((r.amounts.of(Currency::Irt).amount, r.amounts.of(Currency::Usd).amount), (1_400, 100));
        assert_eq!(shape(&r), vec![("Price", 2, vec!["b", "a"]), ("Timing", 1, vec!["c"])]);
        assert_eq!(r.groups[0].amounts.of(Currency::Irt).amount, 1_400);
        assert_eq!(r.months.iter().map(|(m, n)| (m.month, *n)).collect::<Vec<_>>(), vec![(1, 1), (2, 2)]);
    }

    #[test]
    fn by_competitor_stage_and_owner() {
        // A deal naming two competitors counts for each; none named is its own bar.
        assert_eq!(shape(&report(LostBy::Competitor, &Filter::default())), vec![("rival", 2, vec!["a", "c"]), ("", 1, vec!["b"]), ("other", 1, vec!["c"])]);
        assert_eq!(shape(&report(LostBy::Stage, &Filter::default())), vec![("Quote sent", 2, vec!["a", "c"]), ("Negotiation", 1, vec!["b"])]);
        let sara = Filter { owner: "sara".into(), ..Default::default() };
        assert_eq!(shape(&report(LostBy::Owner, &sara)), vec![("sara", 2, vec!["a", "c"])]);
    }

    #[test]
    fn months_follow_the_readers_calendar_and_an_empty_period_has_every_month_at_zero() {
        let deals = sample();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        // 11 Dey – 9 Esfand 1404: three Jalali months.
        let fa = lost_deals(&refs, Period::new(day(1, 1), day(2, 28)).unwrap(), &Filter::default(), LostBy::Reason, Lang::Fa);
        assert_eq!(fa.months.iter().map(|(m, n)| (m.month, *n)).collect::<Vec<_>>(), vec![(10, 1), (11, 1), (12, 1)]);
        let quiet = Period::new(from_jalali(1405, 1, 1).unwrap(), from_jalali(1405, 3, 31).unwrap()).unwrap();
        let none = lost_deals(&refs, quiet, &Filter::default(), LostBy::Reason, Lang::Fa);
        assert_eq!((none.count, none.groups.len()), (0, 0));
        assert_eq!(none.months.iter().map(|(m, n)| (m.month, *n)).collect::<Vec<_>>(), vec![(1, 0), (2, 0), (3, 0)]);
    }
}
