//! Customer lifetime value as lifetimes' `GammaGammaFitter.customer_lifetime_value`:
//! expected purchases month by month from the BG/NBD, each month's priced at
//! the Gamma–Gamma's expected spend and discounted monthly.

use super::{BgNbd, CustomerSummary, GammaGamma};

/// How far ahead and at what discount a lifetime value is counted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Horizon {
    pub months: u32,
    /// Per month: 0.01 is about 12.7% a year (lifetimes' default).
    pub monthly_discount_rate: f64,
    /// Model periods in a month; see [`periods_per_month`].
    pub periods_per_month: f64,
}

impl Horizon {
    /// lifetimes' defaults: twelve months at 0.01 a month, for summaries in
    /// periods of `period_days`.
    pub fn year(period_days: u32) -> Self {
        Horizon { months: 12, monthly_discount_rate: 0.01, periods_per_month: periods_per_month(period_days) }
    }
}

/// Periods of `period_days` in a month as lifetimes counts them: 30 days
/// (freq 'D') or 4.345 weeks (freq 'W'); any other length, 30 days' worth.
pub fn periods_per_month(period_days: u32) -> f64 {
    match period_days {
        7 => 4.345,
        n => 30.0 / f64::from(n.max(1)),
    }
}

/// The customer's value over the horizon in the amounts' minor units: for
/// each month k, the purchases expected in it times the expected spend per
/// purchase, divided by (1 + rate)^k. lifetimes asks for each month's
/// cumulative expectation twice (at its end and at the previous month's);
/// once is enough, the sum is the same.
pub fn customer_lifetime_value(purchases: &BgNbd, spend: &GammaGamma, customer: &CustomerSummary, horizon: Horizon) -> f64 {
    let per_purchase = spend.conditional_expected_average_profit(customer);
    let mut value = 0.0;
    let mut bought_before = 0.0;
    for month in 1..=horizon.months {
        let t = f64::from(month) * horizon.periods_per_month;
        let bought = purchases.conditional_expected_number_of_purchases_up_to_time(t, customer);
        value += per_purchase * (bought - bought_before) / (1.0 + horizon.monthly_discount_rate).powf(t / horizon.periods_per_month);
        bought_before = bought;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_a_month_follow_lifetimes() {
        assert_eq!(periods_per_month(1), 30.0);
        assert_eq!(periods_per_month(7), 4.345);
        assert_eq!(periods_per_month(0), 30.0);
        assert_eq!(periods_per_month(3), 10.0);
    }

    #[test]
    fn no_months_no_value_and_a_discount_lowers_it() {
        let purchases = BgNbd { r: 0.25, alpha: 4.4, a: 0.8, b: 2.4 };
        let spend = GammaGamma { p: 6.0, q: 4.0, v: 15.0 };
        let c = CustomerSummary { customer_id: String::new(), frequency: 3, recency: 20.0, age: 30.0, monetary_value: 40.0 };
        let none = Horizon { months: 0, ..Horizon::year(7) };
        assert_eq!(customer_lifetime_value(&purchases, &spend, &c, none), 0.0);
        let undiscounted = Horizon { monthly_discount_rate: 0.0, ..Horizon::year(7) };
        let discounted = customer_lifetime_value(&purchases, &spend, &c, Horizon::year(7));
        assert!(0.0 < discounted && discounted < customer_lifetime_value(&purchases, &spend, &c, undiscounted));
    }
}
