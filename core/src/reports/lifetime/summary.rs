//! Each customer's purchases boiled down to what the lifetime models read:
//! frequency, recency, age and mean repeat spend, as lifetimes'
//! `summary_data_from_transaction_data` gives them with `freq='D'`.

use chrono::NaiveDate;
use crate::pace::Pace;
use std::collections::HashMap;

/// One purchase. `amount` is in minor units of one currency: the caller
/// never mixes currencies in one call (sums and means of rials and euros
/// mean nothing), and converts or splits by currency first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    pub customer_id: String,
    pub day: NaiveDate,
    pub amount: i64,
}

/// A customer's history as the models read it. Times are in periods of the
/// `period_days` given to [`summarize`] (CDNOW's are weeks).
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerSummary {
    pub customer_id: String,
    /// Repeat purchase days: days with a purchase, less the first (x in the
    /// literature).
    pub frequency: u32,
    /// Periods from the first purchase day to the last (tₓ).
    pub recency: f64,
    /// Periods from the first purchase day to the end of observation (T).
    pub age: f64,
    /// Mean of the repeat purchase days' totals, 0 with no repeat purchase.
    /// The first day is left out, as the spend model expects.
    pub monetary_value: f64,
}

impl CustomerSummary {
    /// Whether some purchase history gives this summary (lifetimes'
    /// `_check_inputs`): recency from 0 to the age, 0 with no repeat purchase.
    pub fn is_possible(&self) -> bool {
        self.recency.is_finite()
            && self.age.is_finite()
            && (0.0..=self.age).contains(&self.recency)
            && (self.frequency > 0 || self.recency == 0.0)
    }
}

/// One customer's purchase days, oldest first, each with the day's total.
pub(in crate::reports) struct CustomerDays<'a> {
    pub customer_id: &'a str,
    pub days: Vec<(NaiveDate, i64)>,
}

/// Purchases up to `observed_until` (later ones are not yet history, as
/// lifetimes drops them) grouped by customer, by customer id; several
/// purchases on one day make one purchase day with their total. `pace`
/// may pause it every [`PURCHASES_PER_BREATH`] purchases.
pub(in crate::reports) async fn customer_days<'a>(purchases: &'a [Purchase], observed_until: NaiveDate, pace: &impl Pace) -> Vec<CustomerDays<'a>> {
    let mut grouping = Grouping::new(observed_until);
    for slice in purchases.chunks(PURCHASES_PER_BREATH) {
        grouping.add(slice);
        pace.breathe().await;
    }
    let customers = grouping.finish();
    pace.breathe().await;
    customers
}

/// Purchases grouped as [`customer_days`] gives them, a slice at a time.
/// Grouped by a hash, then each customer's few days sorted: sorting all
/// purchases by (customer id, day) took 40 ms of 150,000 on a laptop.
struct Grouping<'a> {
    observed_until: NaiveDate,
    index: HashMap<&'a str, usize>,
    customers: Vec<CustomerDays<'a>>,
}

impl<'a> Grouping<'a> {
    fn new(observed_until: NaiveDate) -> Self {
        Self { observed_until, index: HashMap::new(), customers: Vec::new() }
    }

    fn add(&mut self, purchases: &'a [Purchase]) {
        for p in purchases.iter().filter(|p| p.day <= self.observed_until) {
            let customers = &mut self.customers;
            let at = *self.index.entry(&p.customer_id).or_insert_with(|| {
                customers.push(CustomerDays { customer_id: &p.customer_id, days: Vec::new() });
                customers.len() - 1
            });
            customers[at].days.push((p.day, p.amount));
        }
    }

    fn finish(mut self) -> Vec<CustomerDays<'a>> {
        for c in &mut self.customers {
            c.days.sort_unstable_by_key(|&(day, _)| day);
            c.days.dedup_by(|later, kept| {
                later.0 == kept.0 && {
                    kept.1 = kept.1.saturating_add(later.1);
                    true
                }
            });
        }
        self.customers.sort_unstable_by(|a, b| a.customer_id.cmp(b.customer_id));
        self.customers
    }
}

/// Every customer with a purchase up to `observed_until`, by customer id.
/// Purchases are grouped by day whatever the period; `period_days` is only
/// the unit recency and age are given in (7 for weeks, as CDNOW's
/// fractional weeks are days / 7); 0 is read as 1.
pub fn summarize(purchases: &[Purchase], observed_until: NaiveDate, period_days: u32) -> Vec<CustomerSummary> {
    let mut grouping = Grouping::new(observed_until);
    grouping.add(purchases);
    grouping.finish().iter().filter_map(|c| summary(c, observed_until, period_days)).collect()
}

/// [`summarize`] at two ends of observation from one grouping, `pace`
/// pausing it every [`PURCHASES_PER_BREATH`] purchases.
pub async fn summarize_twice(purchases: &[Purchase], observed_until: [NaiveDate; 2], period_days: u32, pace: &impl Pace) -> [Vec<CustomerSummary>; 2] {
    let customers = customer_days(purchases, observed_until[0].max(observed_until[1]), pace).await;
    let mut summaries = [Vec::with_capacity(customers.len()), Vec::with_capacity(customers.len())];
    for (summaries, until) in summaries.iter_mut().zip(observed_until) {
        for slice in customers.chunks(PURCHASES_PER_BREATH) {
            summaries.extend(slice.iter().filter_map(|c| summary(c, until, period_days)));
            pace.breathe().await;
        }
    }
    summaries
}

/// Purchases (or customers) dealt with between two breaths: about 2 ms on a
/// laptop.
const PURCHASES_PER_BREATH: usize = 10_000;

/// A customer's summary from their purchase days up to `observed_until`;
/// None when they had not bought yet then.
fn summary(c: &CustomerDays, observed_until: NaiveDate, period_days: u32) -> Option<CustomerSummary> {
    let period = f64::from(period_days.max(1));
    let periods = |from: NaiveDate, to: NaiveDate| (to - from).num_days() as f64 / period;
    let days = &c.days[..c.days.partition_point(|&(day, _)| day <= observed_until)];
    let (&(first, _), &(last, _)) = (days.first()?, days.last()?);
    let repeat = &days[1..];
    let monetary_value = if repeat.is_empty() {
        0.0
    } else {
        // i128: a sum of many large minor-unit amounts cannot overflow.
        repeat.iter().map(|&(_, a)| i128::from(a)).sum::<i128>() as f64 / repeat.len() as f64
    };
    Some(CustomerSummary {
        customer_id: c.customer_id.to_string(),
        frequency: repeat.len() as u32,
        recency: periods(first, last),
        age: periods(first, observed_until),
        monetary_value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn buy(customer: &str, d: &str, amount: i64) -> Purchase {
        Purchase { customer_id: customer.into(), day: day(d), amount }
    }

    #[test]
    fn summarizes_repeat_days_like_lifetimes() {
        let purchases = [
            buy("b", "2024-01-10", 500),
            buy("a", "2024-01-01", 100),
            // Two purchases on one day are one purchase day of 300.
            buy("a", "2024-01-05", 200),
            buy("a", "2024-01-05", 100),
            buy("a", "2024-01-15", 600),
            // After the end of observation: not history yet.
            buy("a", "2024-02-01", 9_999),
            buy("c", "2024-02-01", 50),
        ];
        let got = summarize(&purchases, day("2024-01-31"), 1);
        let want = [
            CustomerSummary { customer_id: "a".into(), frequency: 2, recency: 14.0, age: 30.0, monetary_value: 450.0 },
            CustomerSummary { customer_id: "b".into(), frequency: 0, recency: 0.0, age: 21.0, monetary_value: 0.0 },
        ];
        assert_eq!(got, want);

        let weeks = summarize(&purchases, day("2024-01-31"), 7);
        assert_eq!((weeks[0].recency, weeks[0].age), (2.0, 30.0 / 7.0));
        assert_eq!(weeks[0].monetary_value, 450.0);
    }

    #[test]
    fn summarized_twice_from_one_grouping_as_each_alone() {
        // Customers c6000 to c6999 buy only from July.
        let month = |i: usize| if i % 7_000 >= 6_000 { 7 + i % 6 } else { 1 + i % 12 };
        let purchases: Vec<Purchase> = (0..25_000).map(|i| buy(&format!("c{}", i % 7_000), &format!("2024-{:02}-{:02}", month(i), 1 + i % 28), i as i64)).collect();
        let (early, late) = (day("2024-06-15"), day("2024-12-31"));
        let both = pollster::block_on(summarize_twice(&purchases, [late, early], 7, &crate::pace::Unpaced));
        assert_eq!(both, [summarize(&purchases, late, 7), summarize(&purchases, early, 7)]);
        assert_eq!((both[0].len(), both[1].len()), (7_000, 6_000));
    }

    #[test]
    fn possible_summaries_are_those_purchases_give() {
        let c = |frequency, recency, age| CustomerSummary { customer_id: String::new(), frequency, recency, age, monetary_value: 0.0 };
        assert!(c(0, 0.0, 5.0).is_possible() && c(2, 5.0, 5.0).is_possible());
        assert!(!c(0, 1.0, 5.0).is_possible());
        assert!(!c(2, 6.0, 5.0).is_possible() && !c(2, -1.0, 5.0).is_possible());
        assert!(!c(2, f64::NAN, 5.0).is_possible() && !c(2, 1.0, f64::INFINITY).is_possible());
    }

    #[test]
    fn a_period_of_zero_days_is_a_day_and_no_purchases_no_customers() {
        let purchases = [buy("a", "2024-01-01", 1), buy("a", "2024-01-03", 1)];
        assert_eq!(summarize(&purchases, day("2024-01-04"), 0), summarize(&purchases, day("2024-01-04"), 1));
        assert!(summarize(&[], day("2024-01-04"), 1).is_empty());
    }
}
