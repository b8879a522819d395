//! Each customer's purchases boiled down to what the lifetime models read:
//! frequency, recency, age and mean repeat spend, as lifetimes'
//! `summary_data_from_transaction_data` gives them with `freq='D'`.

use chrono::NaiveDate;

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
/// purchases on one day make one purchase day with their total.
pub(in crate::reports) fn customer_days(purchases: &[Purchase], observed_until: NaiveDate) -> Vec<CustomerDays<'_>> {
    let mut sorted: Vec<&Purchase> = purchases.iter().filter(|p| p.day <= observed_until).collect();
    sorted.sort_unstable_by(|a, b| (a.customer_id.as_str(), a.day).cmp(&(b.customer_id.as_str(), b.day)));
    let mut customers: Vec<CustomerDays> = Vec::new();
    for p in sorted {
        match customers.last_mut() {
            Some(c) if c.customer_id == p.customer_id => match c.days.last_mut() {
                Some((day, total)) if *day == p.day => *total = total.saturating_add(p.amount),
                _ => c.days.push((p.day, p.amount)),
            },
            _ => customers.push(CustomerDays { customer_id: &p.customer_id, days: vec![(p.day, p.amount)] }),
        }
    }
    customers
}

/// Every customer with a purchase up to `observed_until`, by customer id.
/// Purchases are grouped by day whatever the period; `period_days` is only
/// the unit recency and age are given in (7 for weeks, as CDNOW's
/// fractional weeks are days / 7); 0 is read as 1.
pub fn summarize(purchases: &[Purchase], observed_until: NaiveDate, period_days: u32) -> Vec<CustomerSummary> {
    let period = f64::from(period_days.max(1));
    let periods = |from: NaiveDate, to: NaiveDate| (to - from).num_days() as f64 / period;
    customer_days(purchases, observed_until)
        .into_iter()
        .map(|c| {
            let first = c.days[0].0;
            let last = c.days[c.days.len() - 1].0;
            let repeat = &c.days[1..];
            let monetary_value = if repeat.is_empty() {
                0.0
            } else {
                // i128: a sum of many large minor-unit amounts cannot overflow.
                repeat.iter().map(|&(_, a)| i128::from(a)).sum::<i128>() as f64 / repeat.len() as f64
            };
            CustomerSummary {
                customer_id: c.customer_id.to_string(),
                frequency: repeat.len() as u32,
                recency: periods(first, last),
                age: periods(first, observed_until),
                monetary_value,
            }
        })
        .collect()
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
