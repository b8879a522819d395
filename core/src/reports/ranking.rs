//! Customers ranked by what they bought: each customer's won amount in the
//! period and all time, the Pareto curve (the share of revenue the top x %
//! of customers bring) and the A/B/C classes read off it. One currency at a
//! time: a Rial deal and a dollar deal are never added.

use super::filter::Filter;
use super::period::Period;
use crate::customers::ValueSegment;
use crate::locale::Currency;
use crate::pipeline::{Deal, Status, Totals};
use crate::store::Envelope;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The cumulative revenue share (percent) reached before a customer that
/// still puts them in class A, then B; the rest are C. The usual 80/15/5.
const CLASS_A_UP_TO: f64 = 80.0;
const CLASS_B_UP_TO: f64 = 95.0;

/// One customer's purchases in the ranking's currency.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerValue {
    pub customer_id: String,
    /// Won in the period, and how many deals that was.
    pub in_period: i64,
    pub deals_in_period: usize,
    /// Won ever, after the period too (the filter still applies).
    pub all_time: i64,
    pub last_won: NaiveDate,
    /// Their class by their place on the Pareto curve.
    pub class: ValueSegment,
}

/// A point of the Pareto curve: the top `customers` percent of buyers bring
/// `revenue` percent of the period's revenue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParetoPoint {
    pub customers: f64,
    pub revenue: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    /// The currency ranked, and every currency won in the period, most
    /// revenue first (the ones the reader may switch to).
    pub currency: Option<Currency>,
    pub currencies: Vec<Currency>,
    pub total: i64,
    /// Customers who bought in the period, most first (ties: most all-time,
    /// then by id, so the order never flickers).
    pub customers: Vec<CustomerValue>,
    /// From (0, 0) to (100, 100), one point per buyer.
    pub pareto: Vec<ParetoPoint>,
}

impl Ranking {
    /// The share of revenue (percent) from the top `percent` of buyers,
    /// read off the curve (the next point up when it falls between two).
    pub fn share_of_top(&self, percent: f64) -> Option<f64> {
        self.pareto.iter().find(|p| p.customers >= percent - 1e-9).map(|p| p.revenue)
    }

    /// How many customers, and how much revenue, each class holds.
    pub fn classes(&self) -> [(ValueSegment, usize, i64); 3] {
        [ValueSegment::A, ValueSegment::B, ValueSegment::C].map(|class| {
            let members = self.customers.iter().filter(|c| c.class == class);
            members.fold((class, 0, 0), |(class, n, sum), c| (class, n + 1, sum + c.in_period))
        })
    }
}

/// Ranks the customers of the deals won in `period` that `filter` keeps, in
/// `currency` (None: the currency with the most revenue in the period).
pub fn ranking(deals: &[&Envelope<Deal>], period: Period, filter: &Filter, currency: Option<Currency>) -> Ranking {
    let won: Vec<(&Deal, NaiveDate)> = deals
        .iter()
        .map(|e| &e.fields)
        .filter(|d| d.status == Status::Won && !d.customer_id.is_empty() && filter.deal(d))
        .filter_map(|d| Some((d, d.closed_on?)))
        .collect();
    let mut by_currency = Totals::default();
    for (deal, _) in won.iter().filter(|(_, on)| period.contains(*on)) {
        by_currency.add(deal.currency, deal.amount, 0);
    }
    let currencies: Vec<Currency> = by_currency.by_currency().into_iter().map(|(c, _)| c).collect();
    // A currency picked earlier that this period or filter no longer has gives way.
    let Some(currency) = currency.filter(|c| currencies.contains(c)).or_else(|| currencies.first().copied()) else {
        return Ranking::default();
    };
    let mut values: HashMap<&str, CustomerValue> = HashMap::new();
    for (deal, on) in won.into_iter().filter(|(d, _)| d.currency == currency) {
        let value = values.entry(&deal.customer_id).or_insert_with(|| CustomerValue {
            customer_id: deal.customer_id.clone(),
            in_period: 0,
            deals_in_period: 0,
            all_time: 0,
            last_won: on,
            class: ValueSegment::C,
        });
        value.all_time = value.all_time.saturating_add(deal.amount);
        value.last_won = value.last_won.max(on);
        if period.contains(on) {
            value.in_period = value.in_period.saturating_add(deal.amount);
            value.deals_in_period += 1;
        }
    }
    let mut customers: Vec<CustomerValue> = values.into_values().filter(|c| c.deals_in_period > 0).collect();
    customers.sort_by(|a, b| b.in_period.cmp(&a.in_period).then_with(|| b.all_time.cmp(&a.all_time)).then_with(|| a.customer_id.cmp(&b.customer_id)));
    let total = customers.iter().fold(0i64, |sum, c| sum.saturating_add(c.in_period));
    let pareto = classify(&mut customers, total);
    Ranking { currency: Some(currency), currencies, total, customers, pareto }
}

/// Classes each customer (sorted, most first) by the revenue share of those
/// above them, so the largest buyer is always A; equal buyers share the
/// class of the first of them. Returns the curve.
fn classify(customers: &mut [CustomerValue], total: i64) -> Vec<ParetoPoint> {
    let n = customers.len();
    let share = |sum: i64| if total > 0 { sum as f64 * 100.0 / total as f64 } else { 0.0 };
    let mut pareto = Vec::with_capacity(n + 1);
    pareto.push(ParetoPoint { customers: 0.0, revenue: 0.0 });
    let (mut above, mut class) = (0i64, ValueSegment::C);
    for i in 0..n {
        if i == 0 || customers[i].in_period != customers[i - 1].in_period {
            class = match share(above) {
                _ if total <= 0 => ValueSegment::C,
                s if s < CLASS_A_UP_TO => ValueSegment::A,
                s if s < CLASS_B_UP_TO => ValueSegment::B,
                _ => ValueSegment::C,
            };
        }
        customers[i].class = class;
        above = above.saturating_add(customers[i].in_period);
        pareto.push(ParetoPoint { customers: (i + 1) as f64 * 100.0 / n as f64, revenue: share(above) });
    }
    pareto
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::{day, stored};

    fn won(customer: &str, amount: i64, currency: Currency, on: NaiveDate) -> Envelope<Deal> {
        let fields = Deal { customer_id: customer.into(), owner: "sara".into(), amount, currency, status: Status::Won, closed_on: Some(on), ..Default::default() };
        stored(format!("{customer}-{amount}"), fields)
    }

    fn rank(deals: &[Envelope<Deal>], currency: Option<Currency>) -> Ranking {
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        ranking(&refs, Period::new(day(3, 1), day(3, 31)).unwrap(), &Filter::default(), currency)
    }

    fn shape(r: &Ranking) -> Vec<(&str, i64, i64, ValueSegment)> {
        r.customers.iter().map(|c| (c.customer_id.as_str(), c.in_period, c.all_time, c.class)).collect()
    }

    /// Ten buyers in March: 500 + 200 + 100 + 50 + 50 + 40 + 30 + 20 + 5 + 5 = 1,000.
    fn march() -> Vec<Envelope<Deal>> {
        let mut deals: Vec<Envelope<Deal>> = [("a", 300), ("b", 200), ("c", 100), ("d", 50), ("e", 50), ("f", 40), ("g", 30), ("h", 20), ("i", 5), ("j", 5)]
            .into_iter()
            .map(|(c, amount)| won(c, amount, Currency::Irt, day(3, 10)))
            .collect();
        // a bought twice in March, and once before: all time 700.
        deals.push(won("a", 200, Currency::Irt, day(3, 20)));
        deals.push(won("a", 200, Currency::Irt, day(1, 5)));
        // Bought only in April (after the period) or in dollars: not ranked in rials.
        deals.push(won("k", 999, Currency::Irt, day(4, 2)));
        // j bought again in April: all time counts it.
        deals.push(won("j", 60, Currency::Irt, day(4, 3)));
        deals.push(won("z", 7, Currency::Usd, day(3, 3)));
        deals
    }

    #[test]
    fn classes_by_hand_with_ties_sharing_a_class() {
        let r = rank(&march(), None);
        assert_eq!((r.currency, r.total), (Some(Currency::Irt), 1_000));
        assert_eq!(r.currencies, vec![Currency::Irt, Currency::Usd]);
        use ValueSegment::*;
        // Shares above each: a 0, b 50, c 70, d 80, e (tied with d), f 90, g 94, h 97, j 99, i (tied with j).
        assert_eq!(
            shape(&r),
            vec![
                ("a", 500, 700, A),
                ("b", 200, 200, A),
                ("c", 100, 100, A),
                ("d", 50, 50, B),
                ("e", 50, 50, B),
                ("f", 40, 40, B),
                ("g", 30, 30, B),
                ("h", 20, 20, C),
                // Tied in the period: the larger all-time buyer first.
                ("j", 5, 65, C),
                ("i", 5, 5, C)
            ]
        );
        assert_eq!(r.customers[0].deals_in_period, 2);
        assert_eq!(r.customers[0].last_won, day(3, 20));
        assert_eq!(r.classes(), [(A, 3, 800), (B, 4, 170), (C, 3, 30)]);
        // The top 20 % (a and b) bring 70 %; the top 10 %, half.
        assert_eq!(r.share_of_top(20.0), Some(70.0));
        assert_eq!(r.share_of_top(10.0), Some(50.0));
        assert_eq!((r.pareto.first().copied(), r.pareto.last().copied()), (Some(ParetoPoint { customers: 0.0, revenue: 0.0 }), Some(ParetoPoint { customers: 100.0, revenue: 100.0 })));
    }

    #[test]
    fn another_currency_is_ranked_on_its_own() {
        let r = rank(&march(), Some(Currency::Usd));
        assert_eq!(shape(&r), vec![("z", 7, 7, ValueSegment::A)]);
        assert_eq!(r.total, 7);
        // A currency with no deal in the period gives way to one that has.
        assert_eq!(rank(&march(), Some(Currency::Eur)).currency, Some(Currency::Irt));
    }

    #[test]
    fn nothing_won_nothing_ranked_and_free_deals_are_class_c() {
        let r = rank(&[], None);
        assert_eq!((r.currency, r.customers.len(), r.share_of_top(20.0)), (None, 0, None));
        let free = rank(&[won("a", 0, Currency::Irt, day(3, 1))], None);
        assert_eq!(shape(&free), vec![("a", 0, 0, ValueSegment::C)]);
    }

    #[test]
    fn the_owner_filter_keeps_their_deals() {
        let mut deals = march();
        deals[0].fields.owner = "reza".into();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let reza = Filter { owner: "reza".into(), ..Default::default() };
        let r = ranking(&refs, Period::new(day(3, 1), day(3, 31)).unwrap(), &reza, None);
        assert_eq!(shape(&r), vec![("a", 300, 300, ValueSegment::A)]);
    }
}
