//! RFM: each customer scored 1–5 on recency, frequency and monetary value
//! against the other customers given, and placed in a segment by the R and F
//! scores. Segments are an enum; the app's i18n words them.

use super::lifetime::{customer_days, Purchase};
use crate::pace::Pace;
use chrono::NaiveDate;

/// What a customer is scored on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RfmValues {
    pub customer_id: String,
    /// Days from the last purchase to the end of observation (fewer is better).
    pub days_since_last: i64,
    /// Days with a purchase: several purchases on one day count once, as in
    /// the lifetime summary, so an order split over invoices is one visit.
    pub purchase_days: u32,
    /// Total spent, in minor units of the one currency of the purchases.
    pub spend: i64,
}

/// A customer's scores (5 best) and segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RfmScore {
    pub customer_id: String,
    pub recency: u8,
    pub frequency: u8,
    pub monetary: u8,
    pub segment: Segment,
}

/// The usual segments of the R × F grid, from each score 1–5 (R rows, F
/// columns; 5 is the most recent and the most frequent):
///
/// ```text
///        F=1            F=2                  F=3                  F=4        F=5
/// R=5    New            PotentialLoyalist    PotentialLoyalist    Champion   Champion
/// R=4    Promising      PotentialLoyalist    PotentialLoyalist    Loyal      Loyal
/// R=3    AboutToSleep   AboutToSleep         NeedAttention        Loyal      Loyal
/// R=2    Hibernating    Hibernating          AtRisk               AtRisk     CantLose
/// R=1    Hibernating    Hibernating          AtRisk               AtRisk     CantLose
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    Champion,
    Loyal,
    PotentialLoyalist,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLose,
    Hibernating,
}

impl Segment {
    /// The grid's cell for scores `recency` and `frequency`, each 1–5
    /// (outside that, clamped).
    pub fn of(recency: u8, frequency: u8) -> Segment {
        use Segment::*;
        match (recency.clamp(1, 5), frequency.clamp(1, 5)) {
            (5, 1) => New,
            (4, 1) => Promising,
            (4 | 5, 2 | 3) => PotentialLoyalist,
            (5, _) => Champion,
            (3, 1 | 2) => AboutToSleep,
            (3, 3) => NeedAttention,
            (3 | 4, _) => Loyal,
            (_, 1 | 2) => Hibernating,
            (_, 5) => CantLose,
            _ => AtRisk,
        }
    }
}

/// Each customer's values from their purchases up to `observed_until`, by
/// customer id; `pace` may pause the grouping.
pub async fn values_from_purchases(purchases: &[Purchase], observed_until: NaiveDate, pace: &impl Pace) -> Vec<RfmValues> {
    customer_days(purchases, observed_until, pace)
        .await
        .into_iter()
        .map(|c| RfmValues {
            customer_id: c.customer_id.to_string(),
            days_since_last: (observed_until - c.days[c.days.len() - 1].0).num_days(),
            purchase_days: c.days.len() as u32,
            spend: c.days.iter().fold(0i64, |sum, &(_, amount)| sum.saturating_add(amount)),
        })
        .collect()
}

/// Scores every customer against the others given, in the order given.
pub fn score(customers: &[RfmValues]) -> Vec<RfmScore> {
    // Recency: fewer days is better, so the key is the negated count.
    let recency = quintile_scores(customers, |c| c.days_since_last.saturating_neg());
    let frequency = quintile_scores(customers, |c| i64::from(c.purchase_days));
    let monetary = quintile_scores(customers, |c| c.spend);
    customers
        .iter()
        .enumerate()
        .map(|(i, c)| RfmScore {
            customer_id: c.customer_id.clone(),
            recency: recency[i],
            frequency: frequency[i],
            monetary: monetary[i],
            segment: Segment::of(recency[i], frequency[i]),
        })
        .collect()
}

/// Scores 1–5 by quintile of `key` (higher is better). A customer's place is
/// their percentile rank (customers below + half of those equal) / n, so
/// equal values always get the same score, distinct values split into five
/// equal groups, and a set of all-equal values (or one customer) scores 3.
fn quintile_scores(customers: &[RfmValues], key: impl Fn(&RfmValues) -> i64) -> Vec<u8> {
    let n = customers.len();
    let mut order: Vec<(i64, usize)> = customers.iter().enumerate().map(|(i, c)| (key(c), i)).collect();
    order.sort_unstable();
    let mut scores = vec![0; n];
    let mut start = 0;
    while start < n {
        let equal = order[start..].iter().take_while(|(k, _)| *k == order[start].0).count();
        // floor(5 (below + equal / 2) / n) + 1, in integers; below and equal
        // add up to at most n, so it is at most 5.
        let score = (5 * (2 * start + equal) / (2 * n) + 1) as u8;
        for &(_, i) in &order[start..start + equal] {
            scores[i] = score;
        }
        start += equal;
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(customer_id: &str, days_since_last: i64, purchase_days: u32, spend: i64) -> RfmValues {
        RfmValues { customer_id: customer_id.into(), days_since_last, purchase_days, spend }
    }

    #[test]
    fn ten_customers_with_ties() {
        let customers = [
            values("a", 1, 9, 900),
            values("b", 2, 8, 800),
            // c and d tie on every value, so they score alike.
            values("c", 5, 5, 500),
            values("d", 5, 5, 500),
            values("e", 10, 1, 100),
            values("f", 30, 2, 100),
            values("g", 60, 12, 5_000),
            values("h", 90, 1, 50),
            values("i", 120, 3, 300),
            values("j", 400, 1, 10),
        ];
        let scores = score(&customers);
        let got: Vec<(&str, u8, u8, u8, Segment)> = scores.iter().map(|s| (&s.customer_id[..], s.recency, s.frequency, s.monetary, s.segment)).collect();
        use Segment::*;
        assert_eq!(
            got,
            [
                ("a", 5, 5, 5, Champion),
                ("b", 5, 4, 4, Champion),
                ("c", 4, 4, 4, Loyal),
                ("d", 4, 4, 4, Loyal),
                // Three customers tied at one purchase day: below 0, equal 3,
                // rank 1.5 of 10 → 0.15, the first fifth.
                ("e", 3, 1, 2, AboutToSleep),
                ("f", 3, 2, 2, AboutToSleep),
                ("g", 2, 5, 5, CantLose),
                ("h", 2, 1, 1, Hibernating),
                ("i", 1, 3, 3, AtRisk),
                ("j", 1, 1, 1, Hibernating),
            ]
        );
    }

    #[test]
    fn nobody_no_scores_and_all_alike_in_the_middle() {
        assert!(score(&[]).is_empty());
        let same = [values("a", 3, 2, 10), values("b", 3, 2, 10)];
        assert!(score(&same).iter().all(|s| (s.recency, s.frequency, s.monetary) == (3, 3, 3) && s.segment == Segment::NeedAttention));
        let one = score(&[values("a", 3, 2, 10)]);
        assert_eq!((one[0].recency, one[0].frequency, one[0].monetary), (3, 3, 3));
    }

    #[test]
    fn every_cell_of_the_grid() {
        use Segment::*;
        let grid = [
            [New, PotentialLoyalist, PotentialLoyalist, Champion, Champion],
            [Promising, PotentialLoyalist, PotentialLoyalist, Loyal, Loyal],
            [AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
            [Hibernating, Hibernating, AtRisk, AtRisk, CantLose],
            [Hibernating, Hibernating, AtRisk, AtRisk, CantLose],
        ];
        for (row, r) in grid.iter().zip([5, 4, 3, 2, 1]) {
            for (&want, f) in row.iter().zip(1..=5) {
                assert_eq!(Segment::of(r, f), want, "R={r} F={f}");
            }
        }
    }

    #[test]
    fn values_come_from_purchase_days() {
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        let buy = |c: &str, d: &str, amount| Purchase { customer_id: c.into(), day: day(d), amount };
        let purchases = [buy("a", "2024-01-01", 100), buy("a", "2024-01-20", 50), buy("a", "2024-01-20", 25), buy("b", "2024-01-30", 10), buy("b", "2024-02-05", 99)];
        assert_eq!(pollster::block_on(values_from_purchases(&purchases, day("2024-01-31"), &crate::pace::Unpaced)), [values("a", 11, 2, 175), values("b", 1, 1, 10)]);
    }
}
