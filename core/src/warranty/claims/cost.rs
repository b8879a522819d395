//! What a claim's parts and labour cost, and how that splits between what
//! the warranty covers and what the customer is billed.

use super::{Claim, ClaimStatus, PartLine};
use crate::warranty::Coverage;

/// A claim's cost in minor units: parts and labour, each split into what
/// the warranty covers and what the customer is billed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostSplit {
    pub parts_total: i64,
    pub parts_covered: i64,
    pub parts_billable: i64,
    pub labour_total: i64,
    pub labour_covered: i64,
    pub labour_billable: i64,
}

impl CostSplit {
    pub fn covered(&self) -> i64 {
        self.parts_covered + self.labour_covered
    }

    pub fn billable(&self) -> i64 {
        self.parts_billable + self.labour_billable
    }

    pub fn total(&self) -> i64 {
        self.parts_total + self.labour_total
    }
}

/// Parts and labour priced and split by coverage: covered = total × percent
/// / 100 rounded half up to the minor unit, billable = total − covered (so
/// the two always add up). Labour is tenths × rate / 10, rounded the same way.
pub fn split(
    parts: &[PartLine],
    labour_tenths: u32,
    labour_rate: i64,
    coverage: Option<Coverage>,
) -> CostSplit {
    let coverage = coverage.unwrap_or(Coverage::NONE);
    let parts_total = parts
        .iter()
        .map(|p| i64::from(p.quantity).saturating_mul(p.unit_price))
        .fold(0, i64::saturating_add);
    let labour_total = share(labour_rate, i64::from(labour_tenths), 10);
    let parts_covered = share(parts_total, i64::from(coverage.parts_percent.min(100)), 100);
    let labour_covered = share(
        labour_total,
        i64::from(coverage.labour_percent.min(100)),
        100,
    );
    CostSplit {
        parts_total,
        parts_covered,
        parts_billable: parts_total - parts_covered,
        labour_total,
        labour_covered,
        labour_billable: labour_total - labour_covered,
    }
}

/// `amount × num / den` rounded half up, without overflowing on the way.
fn share(amount: i64, num: i64, den: i64) -> i64 {
    let (exact, den) = (i128::from(amount) * i128::from(num), i128::from(den));
    (2 * exact + den)
        .div_euclid(2 * den)
        .clamp(i64::MIN.into(), i64::MAX.into()) as i64
}

impl Claim {
    /// What the work costs and who pays it; a rejected claim (closed or
    /// not) has nothing covered.
    pub fn cost(&self) -> CostSplit {
        let coverage = if self.rejected() { None } else { self.coverage };
        split(&self.parts, self.labour_tenths, self.labour_rate, coverage)
    }

    /// Rejected, or closed straight after a rejection.
    fn rejected(&self) -> bool {
        match self.status {
            ClaimStatus::Rejected => true,
            ClaimStatus::Closed => self
                .steps
                .iter()
                .rev()
                .find(|s| s.status != ClaimStatus::Closed)
                .is_some_and(|s| s.status == ClaimStatus::Rejected),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Currency;
    use crate::warranty::claims::test_support::*;
    use crate::warranty::claims::validate;
    use ClaimStatus::*;

    #[test]
    fn full_and_partial_coverage_split_parts_and_labour() {
        let parts = [part(2, 250_000), part(1, 100_000)];
        let full = split(&parts, 15, 120_000, Some(FULL));
        assert_eq!(
            full,
            CostSplit {
                parts_total: 600_000,
                parts_covered: 600_000,
                parts_billable: 0,
                labour_total: 180_000,
                labour_covered: 180_000,
                labour_billable: 0,
            }
        );
        assert_eq!(
            (full.total(), full.covered(), full.billable()),
            (780_000, 780_000, 0)
        );

        let half = split(&parts, 15, 120_000, Some(PARTS_HALF));
        assert_eq!(
            (
                half.parts_covered,
                half.parts_billable,
                half.labour_covered,
                half.labour_billable
            ),
            (300_000, 300_000, 0, 180_000)
        );
        assert_eq!(
            (half.total(), half.covered(), half.billable()),
            (780_000, 300_000, 480_000)
        );

        let none = split(&parts, 15, 120_000, None);
        assert_eq!(
            (none.covered(), none.billable(), none.total()),
            (0, 780_000, 780_000)
        );
        assert_eq!(split(&[], 0, 120_000, Some(FULL)), CostSplit::default());
    }

    #[test]
    fn shares_round_half_up_and_always_add_up() {
        let odd = split(&[part(3, 333)], 0, 0, Some(PARTS_HALF));
        assert_eq!(
            (odd.parts_total, odd.parts_covered, odd.parts_billable),
            (999, 500, 499)
        );
        let third = split(
            &[part(1, 1_000)],
            0,
            0,
            Some(Coverage {
                parts_percent: 33,
                labour_percent: 0,
            }),
        );
        assert_eq!((third.parts_covered, third.parts_billable), (330, 670));
        // 0.1 h at 5 per hour is 0.5: rounds up to 1, and 1 at 50 % to 1 again.
        let tiny = split(
            &[],
            1,
            5,
            Some(Coverage {
                parts_percent: 0,
                labour_percent: 50,
            }),
        );
        assert_eq!(
            (tiny.labour_total, tiny.labour_covered, tiny.labour_billable),
            (1, 1, 0)
        );
        let more = split(
            &[],
            3,
            5,
            Some(Coverage {
                parts_percent: 0,
                labour_percent: 50,
            }),
        );
        assert_eq!(
            (more.labour_total, more.labour_covered, more.labour_billable),
            (2, 1, 1)
        );
        let over = split(
            &[part(1, 10)],
            0,
            0,
            Some(Coverage {
                parts_percent: 200,
                labour_percent: 0,
            }),
        );
        assert_eq!(
            (over.parts_covered, over.parts_billable),
            (10, 0),
            "a bad percent covers at most everything"
        );
    }

    #[test]
    fn a_claim_costs_by_its_coverage_unless_rejected() {
        let work = |c: Claim| c.with_work(vec![part(3, 333)], "1.5", "120000").unwrap();
        let approved = work(in_status(Approved)).moved(InRepair, "", 9).unwrap();
        assert_eq!(
            (approved.cost().covered(), approved.cost().billable()),
            (180_999, 0)
        );
        let half = work(validate(&input(), Some(PARTS_HALF), Currency::Irt, 0).unwrap());
        assert_eq!(
            (half.cost().parts_covered, half.cost().billable()),
            (500, 499 + 180_000)
        );
        let rejected = work(in_status(Rejected));
        assert_eq!(
            (rejected.cost().covered(), rejected.cost().billable()),
            (0, 180_999)
        );
        let rejected_closed = rejected.moved(Closed, "", 9).unwrap();
        assert_eq!(rejected_closed.cost().covered(), 0);
        let reconsidered = rejected.moved(Diagnosed, "", 9).unwrap();
        assert_eq!(reconsidered.cost().covered(), 180_999);
        let uncovered = work(opened(None));
        assert_eq!(
            (uncovered.cost().covered(), uncovered.cost().billable()),
            (0, 180_999)
        );
    }
}
