//! Acquisition and loyalty: month by month, the customers who bought for
//! the first time and those who came back, each with what they spent. A
//! customer's first purchase is their first won deal on any pipeline, by
//! any rep — the filter picks which purchases are shown, not who is new.

use super::filter::Filter;
use super::period::Period;
use crate::locale::{Lang, Month};
use crate::pipeline::{Deal, Status, Totals};
use crate::store::Envelope;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Customers who bought in a month, and what they spent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Buyers {
    /// Their ids, each once.
    pub customers: Vec<String>,
    pub revenue: Totals,
    /// The won deals behind the figures.
    pub deals: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MonthBuyers {
    pub month: Month,
    /// First purchase ever in this month (a second purchase in the same
    /// month is still theirs as new).
    pub new: Buyers,
    /// Had bought before the month began.
    pub repeat: Buyers,
}

/// Every month the period touches, oldest first; only deals won within the
/// period count. A deal of no customer is left out: it can be neither. A
/// won deal always has its close day (the close dialog sets it).
pub fn acquisition(deals: &[&Envelope<Deal>], period: Period, filter: &Filter, lang: Lang) -> Vec<MonthBuyers> {
    let won = |d: &Deal| d.status == Status::Won && !d.customer_id.is_empty();
    let mut first: HashMap<&str, NaiveDate> = HashMap::new();
    for deal in deals.iter().map(|e| &e.fields).filter(|d| won(d)) {
        if let Some(on) = deal.closed_on {
            let day = first.entry(&deal.customer_id).or_insert(on);
            *day = (*day).min(on);
        }
    }
    let mut months: Vec<MonthBuyers> = period.months(lang).into_iter().map(|month| MonthBuyers { month, new: Buyers::default(), repeat: Buyers::default() }).collect();
    let mut shown: Vec<&Envelope<Deal>> = deals.iter().copied().filter(|e| won(&e.fields) && filter.deal(&e.fields) && e.fields.closed_on.is_some_and(|on| period.contains(on))).collect();
    shown.sort_by(|a, b| b.fields.amount.cmp(&a.fields.amount).then_with(|| a.id.cmp(&b.id)));
    let mut counted: HashSet<(Month, bool, &str)> = HashSet::new();
    for e in shown {
        let (deal, Some(on)) = (&e.fields, e.fields.closed_on) else { continue };
        let month = Month::of(on, lang);
        let Some(row) = months.iter_mut().find(|m| m.month == month) else { continue };
        let new = first.get(deal.customer_id.as_str()).map(|day| Month::of(*day, lang)) == Some(month);
        let buyers = if new { &mut row.new } else { &mut row.repeat };
        if counted.insert((month, new, &deal.customer_id)) {
            buyers.customers.push(deal.customer_id.clone());
        }
        buyers.revenue.add(deal.currency, deal.amount, 0);
        buyers.deals.push(e.id.clone());
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::{day, stored};
    use crate::locale::Currency;

    fn won(id: &str, customer: &str, owner: &str, on: NaiveDate, amount: i64, currency: Currency) -> Envelope<Deal> {
        let deal = Deal { customer_id: customer.into(), owner: owner.into(), status: Status::Won, closed_on: Some(on), amount, currency, ..Default::default() };
        stored(id, deal)
    }

    fn shape(rows: &[MonthBuyers]) -> Vec<(u32, Vec<&str>, i64, Vec<&str>, i64)> {
        rows.iter()
            .map(|m| {
                let (new, repeat) = (m.new.customers.iter().map(String::as_str).collect(), m.repeat.customers.iter().map(String::as_str).collect());
                (m.month.month, new, m.new.revenue.of(Currency::Irr).amount, repeat, m.repeat.revenue.of(Currency::Irr).amount)
            })
            .collect()
    }

    fn deals() -> Vec<Envelope<Deal>> {
        vec![
            // a: first bought in January (before the period), again in February.
            won("1", "a", "sara", day(1, 20), 100, Currency::Irr),
            won("2", "a", "sara", day(2, 3), 200, Currency::Irr),
            // b: first in February, twice — new both times — then in March.
            won("3", "b", "reza", day(2, 5), 300, Currency::Irr),
            won("4", "b", "reza", day(2, 25), 50, Currency::Irr),
            won("5", "b", "reza", day(3, 1), 70, Currency::Irr),
            // c: first in March, in dollars: its revenue is not in the rial figures.
            won("6", "c", "sara", day(3, 9), 9, Currency::Usd),
            // No customer: neither new nor repeat.
            won("7", "", "sara", day(2, 9), 999, Currency::Irr),
            // Lost: not a purchase.
            stored("8", Deal { customer_id: "d".into(), status: Status::Lost, closed_on: Some(day(2, 9)), amount: 5, ..Default::default() }),
        ]
    }

    #[test]
    fn first_purchases_and_returns_month_by_month() {
        let deals = deals();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let period = Period::new(day(2, 1), day(4, 30)).unwrap();
        let rows = acquisition(&refs, period, &Filter::default(), Lang::En);
        assert_eq!(shape(&rows), vec![(2, vec!["b"], 350, vec!["a"], 200), (3, vec!["c"], 0, vec!["b"], 70), (4, vec![], 0, vec![], 0)]);
        assert_eq!(rows[1].new.revenue.of(Currency::Usd).amount, 9);
        assert_eq!(rows[0].new.deals, vec!["3", "4"]);
    }

    #[test]
    fn a_reps_filter_shows_their_purchases_but_new_is_new_to_the_business() {
        let mut deals = deals();
        // a's first purchase was Reza's; in February a buys from Sara.
        deals[0].fields.owner = "reza".into();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let sara = Filter { owner: "sara".into(), ..Default::default() };
        let rows = acquisition(&refs, Period::new(day(2, 1), day(2, 28)).unwrap(), &sara, Lang::En);
        assert_eq!(shape(&rows), vec![(2, vec![], 0, vec!["a"], 200)]);
    }

    #[test]
    fn persian_months_cut_on_the_jalali_calendar() {
        let deals = deals();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        // 20 February 2026 is 1 Esfand 1404: b's second deal (25 Feb) is in
        // Esfand, a month after b's first, so b comes back there.
        let rows = acquisition(&refs, Period::new(day(2, 1), day(2, 28)).unwrap(), &Filter::default(), Lang::Fa);
        assert_eq!(shape(&rows), vec![(11, vec!["b"], 300, vec!["a"], 200), (12, vec![], 0, vec!["b"], 50)]);
    }
}
