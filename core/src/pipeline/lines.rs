//! A deal's line items (products and services sold) and what they leave
//! the business: net after discount, cost, commissions and margin.

use serde::{Deserialize, Serialize};

/// Percentages are basis points (1250 = 12.5 %) and money is minor units,
/// so every total is an exact integer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineItem {
    pub product_id: String,
    /// The product's name when added: the line reads the same if the
    /// catalog is renamed later.
    pub name: String,
    pub quantity: u32,
    pub unit_price: i64,
    pub discount_bp: u32,
    /// Cost and commission rates copied from the catalog when the line was
    /// added, so a later price change does not rewrite a closed deal.
    pub unit_cost: i64,
    pub marketer_bp: u32,
    pub agency_bp: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineTotals {
    /// Quantity × unit price.
    pub gross: i64,
    pub discount: i64,
    /// What the customer pays: gross − discount.
    pub net: i64,
    pub cost: i64,
    /// Commissions are paid on the net, after discount.
    pub marketer: i64,
    pub agency: i64,
}

impl LineTotals {
    /// Net − cost.
    pub fn gross_margin(&self) -> i64 {
        self.net - self.cost
    }

    /// What stays after cost and both commissions.
    pub fn margin(&self) -> i64 {
        self.net - self.cost - self.marketer - self.agency
    }

    /// Margin as basis points of the net (None when the net is zero).
    pub fn margin_bp(&self) -> Option<i64> {
        (self.net != 0).then(|| (i128::from(self.margin()) * 10_000 / i128::from(self.net)) as i64)
    }

    pub(crate) fn add(self, o: LineTotals) -> LineTotals {
        LineTotals {
            gross: self.gross + o.gross,
            discount: self.discount + o.discount,
            net: self.net + o.net,
            cost: self.cost + o.cost,
            marketer: self.marketer + o.marketer,
            agency: self.agency + o.agency,
        }
    }
}

/// `amount` × `bp` / 10,000, rounded half away from zero.
fn share(amount: i64, bp: u32) -> i64 {
    let x = i128::from(amount) * i128::from(bp);
    let rounded = if x >= 0 { (x + 5_000) / 10_000 } else { (x - 5_000) / 10_000 };
    rounded as i64
}

impl LineItem {
    pub fn totals(&self) -> LineTotals {
        let gross = self.unit_price.saturating_mul(i64::from(self.quantity));
        let discount = share(gross, self.discount_bp);
        let net = gross - discount;
        LineTotals {
            gross,
            discount,
            net,
            cost: self.unit_cost.saturating_mul(i64::from(self.quantity)),
            marketer: share(net, self.marketer_bp),
            agency: share(net, self.agency_bp),
        }
    }
}

/// The totals of every line together.
pub fn totals(lines: &[LineItem]) -> LineTotals {
    lines.iter().map(LineItem::totals).fold(LineTotals::default(), LineTotals::add)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(quantity: u32, unit_price: i64, discount_bp: u32, unit_cost: i64) -> LineItem {
        LineItem { quantity, unit_price, discount_bp, unit_cost, marketer_bp: 500, agency_bp: 250, ..Default::default() }
    }

    #[test]
    fn commissions_are_on_the_net_after_discount() {
        // 3 × 1,000,000 = 3,000,000; 10 % off → 2,700,000; cost 3 × 600,000.
        let t = line(3, 1_000_000, 1_000, 600_000).totals();
        assert_eq!((t.gross, t.discount, t.net, t.cost), (3_000_000, 300_000, 2_700_000, 1_800_000));
        assert_eq!((t.marketer, t.agency), (135_000, 67_500));
        assert_eq!(t.gross_margin(), 900_000);
        assert_eq!(t.margin(), 900_000 - 135_000 - 67_500);
        assert_eq!(t.margin_bp(), Some(2_583));
    }

    #[test]
    fn rounding_is_half_away_from_zero_per_line() {
        // 12.5 % of 999 = 124.875 → 125; 5 % of 874 = 43.7 → 44.
        let t = LineItem { quantity: 1, unit_price: 999, discount_bp: 1_250, marketer_bp: 500, ..Default::default() }.totals();
        assert_eq!((t.discount, t.net, t.marketer), (125, 874, 44));
    }

    #[test]
    fn full_discount_and_loss_making_lines() {
        let free = line(2, 500, 10_000, 100).totals();
        assert_eq!((free.net, free.marketer, free.margin()), (0, 0, -200));
        assert_eq!(free.margin_bp(), None);
        let sum = totals(&[line(3, 1_000_000, 1_000, 600_000), line(2, 500, 10_000, 100)]);
        assert_eq!(sum.net, 2_700_000);
        assert_eq!(sum.cost, 1_800_200);
        assert_eq!(totals(&[]), LineTotals::default());
    }
}
