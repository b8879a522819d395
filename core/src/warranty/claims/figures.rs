//! Per-product claim figures for the after-sales screen: claims per 100
//! units sold, median repair time and what the warranty paid.

use super::Claim;
use crate::locale::Currency;
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// Per-product figures for the after-sales screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductFigures {
    pub product_id: String,
    pub units: usize,
    pub claims: usize,
    /// Claims per 100 units sold, one decimal as tenths (125 = 12.5); None
    /// when no units are on record to divide by.
    pub claims_per_100_tenths: Option<u64>,
    /// Median of resolved − opened over claims that reached Resolved.
    pub median_repair_ms: Option<i64>,
    /// Covered cost of claims not rejected, summed per currency; currencies
    /// with nothing covered are left out.
    pub warranty_cost: Vec<(Currency, i64)>,
}

/// `units`: the product id of every installed item not deleted; `claims`:
/// every claim not deleted. Sorted by claims per 100 units, highest first
/// (products without units last), then product id. Items and claims
/// without a product have no row to go in and are left out.
pub fn product_figures<'a>(
    units: impl Iterator<Item = &'a str>,
    claims: impl Iterator<Item = &'a Claim>,
) -> Vec<ProductFigures> {
    let mut by_product: BTreeMap<&str, (usize, Vec<&Claim>)> = BTreeMap::new();
    for product in units.filter(|p| !p.is_empty()) {
        by_product.entry(product).or_default().0 += 1;
    }
    for claim in claims.filter(|c| !c.product_id.is_empty()) {
        by_product
            .entry(claim.product_id.as_str())
            .or_default()
            .1
            .push(claim);
    }
    let mut rows: Vec<ProductFigures> = by_product
        .into_iter()
        .map(|(product_id, (units, claims))| figures(product_id, units, &claims))
        .collect();
    // Stable, so equal rates stay in product id order.
    rows.sort_by_key(|r| Reverse(r.claims_per_100_tenths));
    rows
}

fn figures(product_id: &str, units: usize, claims: &[&Claim]) -> ProductFigures {
    let claims_per_100_tenths = (units > 0).then(|| {
        let (claims, units) = (claims.len() as u64, units as u64);
        (claims * 2_000 + units) / (2 * units)
    });
    let mut repairs: Vec<i64> = claims
        .iter()
        .filter_map(|c| Some((c.resolved_ms()? - c.opened_ms).max(0)))
        .collect();
    repairs.sort_unstable();
    let mid = repairs.len() / 2;
    let median_repair_ms = match repairs.len() {
        0 => None,
        n if n % 2 == 1 => Some(repairs[mid]),
        _ => Some(repairs[mid - 1].midpoint(repairs[mid])),
    };
    let warranty_cost = Currency::ALL
        .into_iter()
        .filter_map(|currency| {
            let sum: i64 = claims
                .iter()
                .filter(|c| c.currency == currency)
                .map(|c| c.cost().covered())
                .sum();
            (sum != 0).then_some((currency, sum))
        })
        .collect();
    ProductFigures {
        product_id: product_id.to_string(),
        units,
        claims: claims.len(),
        claims_per_100_tenths,
        median_repair_ms,
        warranty_cost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warranty::claims::test_support::*;
    use crate::warranty::claims::{validate, ClaimInput, ClaimStatus::*};

    /// A claim on `product` opened at 0, resolved at `repaired` when given.
    fn product_claim(
        product: &str,
        currency: Currency,
        covered_parts: i64,
        repaired: Option<i64>,
    ) -> Claim {
        let input = ClaimInput {
            product_id: product.into(),
            ..input()
        };
        let c = validate(&input, Some(FULL), currency, 0).unwrap();
        let c = c
            .moved(Diagnosed, "", 0)
            .unwrap()
            .moved(Approved, "", 0)
            .unwrap()
            .moved(InRepair, "", 0)
            .unwrap();
        let c = c.with_work(vec![part(1, covered_parts)], "", "").unwrap();
        match repaired {
            Some(at) => c.moved(Resolved, "", at).unwrap(),
            None => c,
        }
    }

    #[test]
    fn product_figures_rate_claims_per_100_units_with_repair_time_and_cost() {
        let units: Vec<&str> = [
            ["p1"; 40].as_slice(),
            &["p2"; 3],
            &["p3"; 10],
            &["p5"; 8],
            &[""; 2],
        ]
        .concat();
        let rejected = in_status(Rejected)
            .with_work(vec![part(1, 999)], "", "")
            .unwrap();
        let rejected = Claim {
            product_id: "p1".into(),
            ..rejected
        };
        let claims = [
            product_claim("p1", Currency::Irt, 1_000, Some(300)),
            product_claim("p1", Currency::Irt, 2_000, Some(100)),
            product_claim("p1", Currency::Usd, 50, Some(200)),
            product_claim("p1", Currency::Irt, 4_000, None),
            rejected,
            product_claim("p2", Currency::Irt, 10, Some(400)),
            product_claim("p2", Currency::Irt, 20, Some(100)),
            product_claim("p4", Currency::Irt, 7, None),
            product_claim("p5", Currency::Irt, 0, Some(60)),
            product_claim("", Currency::Irt, 1, None),
        ];
        let got = product_figures(units.iter().copied(), claims.iter());
        let expected = [
            ProductFigures {
                product_id: "p2".into(),
                units: 3,
                claims: 2,
                claims_per_100_tenths: Some(667),
                median_repair_ms: Some(250),
                warranty_cost: vec![(Currency::Irt, 30)],
            },
            ProductFigures {
                product_id: "p1".into(),
                units: 40,
                claims: 5,
                claims_per_100_tenths: Some(125),
                median_repair_ms: Some(200),
                warranty_cost: vec![(Currency::Irt, 7_000), (Currency::Usd, 50)],
            },
            ProductFigures {
                product_id: "p5".into(),
                units: 8,
                claims: 1,
                claims_per_100_tenths: Some(125),
                median_repair_ms: Some(60),
                warranty_cost: vec![],
            },
            ProductFigures {
                product_id: "p3".into(),
                units: 10,
                claims: 0,
                claims_per_100_tenths: Some(0),
                median_repair_ms: None,
                warranty_cost: vec![],
            },
            ProductFigures {
                product_id: "p4".into(),
                units: 0,
                claims: 1,
                claims_per_100_tenths: None,
                median_repair_ms: None,
                warranty_cost: vec![(Currency::Irt, 7)],
            },
        ];
        assert_eq!(got, expected);
        assert!(product_figures(std::iter::empty(), std::iter::empty()).is_empty());
    }

    #[test]
    fn claims_per_100_round_half_up_to_one_decimal() {
        let rate = |units: usize, claims: usize| {
            let units = vec!["p"; units];
            let claims = vec![product_claim("p", Currency::Irt, 0, None); claims];
            product_figures(units.into_iter(), claims.iter())[0].claims_per_100_tenths
        };
        assert_eq!(rate(3, 1), Some(333));
        assert_eq!(rate(16, 1), Some(63), "6.25 rounds up to 6.3");
        assert_eq!(rate(1, 2), Some(2_000));
    }
}
