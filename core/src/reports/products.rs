//! What each product and category brought in over the period: from the
//! lines of the deals won, quantity, net sales, cost, commissions (marketer
//! and agency) and the margin left, per currency — a Rial line and a dollar
//! line are never added.

use super::filter::Filter;
use super::period::Period;
use crate::locale::Currency;
use crate::pipeline::{Deal, LineTotals, Status};
use crate::store::Envelope;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProductBy {
    #[default]
    Product,
    Category,
}

impl ProductBy {
    pub const ALL: [ProductBy; 2] = [ProductBy::Product, ProductBy::Category];
}

/// One row: a product (its catalog id, else the line's name) or a category
/// ("" for a product in none, or no longer in the catalog), in one currency.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProductRow {
    pub key: String,
    /// The product's name on its first line: what to call it once it is no
    /// longer in the catalog (empty for a category).
    pub name: String,
    pub currency: Currency,
    pub quantity: u64,
    pub totals: LineTotals,
    /// The won deals behind the row, each once.
    pub deals: Vec<String>,
}

/// Rows by currency, the largest net sales first (ties by key), each row's
/// deals the largest first. A deal won without lines sold no product and
/// is left out.
pub fn products(deals: &[&Envelope<Deal>], period: Period, filter: &Filter, by: ProductBy, category_of: &dyn Fn(&str) -> Option<String>) -> Vec<ProductRow> {
    let mut won: Vec<&Envelope<Deal>> =
        deals.iter().copied().filter(|e| e.fields.status == Status::Won && !e.fields.lines.is_empty() && filter.deal(&e.fields) && e.fields.closed_on.is_some_and(|on| period.contains(on))).collect();
    won.sort_by(|a, b| b.fields.amount.cmp(&a.fields.amount).then_with(|| a.id.cmp(&b.id)));
    let mut rows: Vec<ProductRow> = Vec::new();
    let mut row_of: HashMap<(String, Currency), usize> = HashMap::new();
    for e in won {
        for line in &e.fields.lines {
            let (key, name) = match by {
                ProductBy::Product if line.product_id.is_empty() => (line.name.clone(), line.name.clone()),
                ProductBy::Product => (line.product_id.clone(), line.name.clone()),
                ProductBy::Category => (category_of(&line.product_id).unwrap_or_default(), String::new()),
            };
            let currency = e.fields.currency;
            let at = *row_of.entry((key.clone(), currency)).or_insert_with(|| {
                rows.push(ProductRow { key, name, currency, ..Default::default() });
                rows.len() - 1
            });
            let row = &mut rows[at];
            row.quantity += u64::from(line.quantity);
            row.totals = row.totals.add(line.totals());
            if row.deals.last() != Some(&e.id) {
                row.deals.push(e.id.clone());
            }
        }
    }
    rows.sort_by(|a, b| a.currency.cmp(&b.currency).then(b.totals.net.cmp(&a.totals.net)).then_with(|| a.key.cmp(&b.key)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::{day, stored};
    use crate::pipeline::LineItem;
    use chrono::NaiveDate;

    fn line(product_id: &str, quantity: u32, unit_price: i64, unit_cost: i64) -> LineItem {
        LineItem { product_id: product_id.into(), name: format!("{product_id} name"), quantity, unit_price, unit_cost, discount_bp: 1_000, marketer_bp: 500, agency_bp: 200 }
    }

    fn won(id: &str, on: NaiveDate, currency: Currency, lines: Vec<LineItem>) -> Envelope<Deal> {
        stored(id, Deal { status: Status::Won, closed_on: Some(on), currency, lines, owner: "sara".into(), ..Default::default() })
    }

    fn deals() -> Vec<Envelope<Deal>> {
        vec![
            // Two lines of the pump on one deal: one deal behind the row.
            won("d1", day(3, 2), Currency::Irr, vec![line("pump", 2, 1_000, 600), line("pump", 1, 1_000, 600), line("filter", 10, 100, 20)]),
            won("d2", day(3, 9), Currency::Irr, vec![line("filter", 5, 100, 20), LineItem { name: "Installation".into(), quantity: 1, unit_price: 500, ..Default::default() }]),
            // In dollars: its own row, never added to the rials.
            won("d3", day(3, 9), Currency::Usd, vec![line("pump", 1, 40, 25)]),
            // Won in February: outside the period.
            won("d4", day(2, 9), Currency::Irr, vec![line("pump", 9, 1_000, 600)]),
        ]
    }

    fn run(by: ProductBy) -> Vec<ProductRow> {
        let deals = deals();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let category_of = |id: &str| match id {
            "pump" | "filter" => Some("water".to_string()),
            _ => None,
        };
        products(&refs, Period::new(day(3, 1), day(3, 31)).unwrap(), &Filter::default(), by, &category_of)
    }

    #[test]
    fn each_product_by_hand() {
        let rows = run(ProductBy::Product);
        let shape: Vec<(&str, Currency, u64, i64, i64, i64, i64, Vec<&str>)> =
            rows.iter().map(|r| (r.key.as_str(), r.currency, r.quantity, r.totals.net, r.totals.cost, r.totals.marketer + r.totals.agency, r.totals.margin(), r.deals.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            shape,
            vec![
                // 3 × 1,000 = 3,000, 10 % off → 2,700 (1,800 + 900 per line); cost 1,800;
                // commissions 7 % per line: 90 + 36 and 45 + 18 = 189.
                ("pump", Currency::Irr, 3, 2_700, 1_800, 189, 711, vec!["d1"]),
                // 15 × 100 = 1,500 → 1,350; cost 300; 45 + 18 and 23 + 9 → 95 (each line rounded).
                ("filter", Currency::Irr, 15, 1_350, 300, 95, 955, vec!["d1", "d2"]),
                // A line without a catalog product goes by its name.
                ("Installation", Currency::Irr, 1, 500, 0, 0, 500, vec!["d2"]),
                // 40 → 36; cost 25; 1.8 → 2 and 0.72 → 1.
                ("pump", Currency::Usd, 1, 36, 25, 3, 8, vec!["d3"]),
            ]
        );
    }

    #[test]
    fn a_product_keeps_its_line_name_and_its_deals_go_largest_first() {
        let mut deals = deals();
        deals[1].fields.amount = 9_000;
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let rows = products(&refs, Period::new(day(3, 1), day(3, 31)).unwrap(), &Filter::default(), ProductBy::Product, &|_| None);
        assert_eq!((rows[1].key.as_str(), rows[1].name.as_str()), ("filter", "filter name"));
        assert_eq!(rows[1].deals, vec!["d2", "d1"]);
    }

    #[test]
    fn categories_gather_their_products() {
        let rows = run(ProductBy::Category);
        let shape: Vec<(&str, Currency, i64)> = rows.iter().map(|r| (r.key.as_str(), r.currency, r.totals.net)).collect();
        assert_eq!(shape, vec![("water", Currency::Irr, 4_050), ("", Currency::Irr, 500), ("water", Currency::Usd, 36)]);
    }
}
