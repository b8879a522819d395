//! The forecast: open deals by the month they are expected to close, in the
//! reader's calendar (Jalali months in Persian), with weighted totals.

use super::board::Totals;
use super::deal::{Deal, Status};
use super::pipelines::Pipeline;
use crate::locale::{to_jalali, Lang};
use chrono::Datelike;
use std::collections::BTreeMap;

/// A calendar month as (year, month) in the reader's calendar; None holds
/// the deals with no expected close date.
pub type MonthKey = Option<(i32, u32)>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Month {
    pub month: MonthKey,
    pub deals: usize,
    pub totals: Totals,
}

/// Every open deal of any pipeline, by expected close month, earliest first
/// and undated last. `pipeline_of` finds a deal's pipeline (for its
/// stage's probability).
pub fn by_month<'a>(deals: impl Iterator<Item = &'a Deal>, pipeline_of: &dyn Fn(&str) -> Option<&'a Pipeline>, lang: Lang) -> Vec<Month> {
    let mut months: BTreeMap<(bool, i32, u32), Month> = BTreeMap::new();
    for deal in deals.filter(|d| d.status == Status::Open) {
        let month = deal.expected_close.map(|d| match lang {
            Lang::Fa => {
                let j = to_jalali(d);
                (j.year, j.month)
            }
            Lang::En => (d.year(), d.month()),
        });
        let key = month.map_or((true, 0, 0), |(y, m)| (false, y, m));
        let weighted = pipeline_of(&deal.pipeline_id).map_or(0, |p| deal.weighted(p));
        let row = months.entry(key).or_insert_with(|| Month { month, ..Default::default() });
        row.deals += 1;
        row.totals.add(deal.currency, deal.amount, weighted);
    }
    months.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Currency;
    use crate::pipeline::deal::{validate, DealInput};
    use crate::pipeline::pipelines::defaults;
    use chrono::NaiveDate;

    #[test]
    fn months_follow_the_readers_calendar() {
        let p = defaults(Lang::En).remove(0).1;
        let mk = |amount: &str, close: Option<NaiveDate>| validate(&DealInput { title: "t".into(), customer_id: "c".into(), amount: amount.into(), stage: "quote".into(), expected_close: close, ..Default::default() }, &p, 0).unwrap();
        // 21 March 2026 is 1 Farvardin 1405; 20 March is still Esfand 1404.
        let deals = [
            mk("100", NaiveDate::from_ymd_opt(2026, 3, 21)),
            mk("300", NaiveDate::from_ymd_opt(2026, 3, 20)),
            mk("500", None),
            mk("700", NaiveDate::from_ymd_opt(2026, 3, 1)),
        ];
        let lost = deals[0].lost(&p, "price", "", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), 1).unwrap();
        let pipeline_of = |_: &str| Some(&p);
        let fa = by_month(deals.iter().chain([&lost]), &pipeline_of, Lang::Fa);
        assert_eq!(fa.iter().map(|m| m.month).collect::<Vec<_>>(), [Some((1404, 12)), Some((1405, 1)), None]);
        assert_eq!((fa[0].deals, fa[0].totals.of(Currency::Irt).amount, fa[0].totals.of(Currency::Irt).weighted), (2, 1000, 500));
        let en = by_month(deals.iter(), &pipeline_of, Lang::En);
        assert_eq!(en.iter().map(|m| m.month).collect::<Vec<_>>(), [Some((2026, 3)), None]);
        assert_eq!(en[0].deals, 3);
        assert!(by_month([].iter(), &pipeline_of, Lang::En).is_empty());
    }
}
