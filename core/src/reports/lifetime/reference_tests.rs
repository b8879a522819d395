//! The models against lifetimes on CDNOW: the figures in testdata/ were
//! written by make_reference.py with the library itself.

use super::bgnbd_likelihood::Patterns;
use super::gamma_gamma::{negative_log_likelihood, spenders};
use super::special::{digamma, hyp2f1, ln_gamma};
use super::*;
use crate::pace::Unpaced;
use pollster::block_on;
use std::collections::HashMap;

/// A reference CSV: `#` lines skipped, cells found by column name.
struct Table {
    columns: Vec<&'static str>,
    rows: Vec<Vec<&'static str>>,
}

impl Table {
    fn new(text: &'static str) -> Self {
        let mut lines = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let columns = lines.next().expect("a header").split(',').collect();
        Table { columns, rows: lines.map(|l| l.split(',').collect()).collect() }
    }

    fn text(&self, row: &[&'static str], column: &str) -> &'static str {
        let i = self.columns.iter().position(|c| *c == column).unwrap_or_else(|| panic!("no column {column}"));
        row[i]
    }

    fn num(&self, row: &[&'static str], column: &str) -> f64 {
        self.text(row, column).parse().unwrap_or_else(|_| panic!("{column} is not a number in {row:?}"))
    }

    fn summary(&self, row: &[&'static str]) -> CustomerSummary {
        CustomerSummary {
            customer_id: self.text(row, "customer_id").to_string(),
            frequency: self.num(row, "frequency") as u32,
            recency: self.num(row, "recency"),
            age: self.num(row, "T"),
            monetary_value: self.num(row, "monetary_value"),
        }
    }
}

fn cdnow() -> Vec<CustomerSummary> {
    let table = Table::new(include_str!("testdata/cdnow_summary.csv"));
    table.rows.iter().map(|row| table.summary(row)).collect()
}

/// lifetimes' fitted parameters of `model`, by name.
fn reference(model: &str) -> HashMap<&'static str, f64> {
    let table = Table::new(include_str!("testdata/cdnow_params.csv"));
    table.rows.iter().filter(|row| table.text(row, "model") == model).map(|row| (table.text(row, "name"), table.num(row, "value"))).collect()
}

/// Relative error; absolute where the reference is 0 (ln Γ(1), for one).
fn relative_error(got: f64, want: f64) -> f64 {
    if want == 0.0 {
        got.abs()
    } else {
        ((got - want) / want).abs()
    }
}

/// Asserts every pair is within `tolerance` relative and returns the worst.
fn check(what: &str, pairs: &[(&str, f64, f64)], tolerance: f64) -> f64 {
    let mut worst: f64 = 0.0;
    for &(name, got, want) in pairs {
        let e = relative_error(got, want);
        assert!(e <= tolerance, "{what} {name}: got {got}, lifetimes {want}, relative error {e:e}");
        worst = worst.max(e);
    }
    println!("{what}: worst relative error {worst:e}");
    worst
}

fn bgnbd_of(p: &HashMap<&str, f64>) -> BgNbd {
    BgNbd { r: p["r"], alpha: p["alpha"], a: p["a"], b: p["b"] }
}

fn gamma_gamma_of(p: &HashMap<&str, f64>) -> GammaGamma {
    GammaGamma { p: p["p"], q: p["q"], v: p["v"] }
}

#[test]
fn bgnbd_fit_matches_lifetimes() {
    for (model, penalizer_coef) in [("bgnbd", 0.0), ("bgnbd_penalized_0.1", 0.1)] {
        let want = bgnbd_of(&reference(model));
        let got = block_on(BgNbd::fit(&cdnow(), penalizer_coef, &Unpaced)).unwrap();
        let pairs = [("r", got.r, want.r), ("alpha", got.alpha, want.alpha), ("a", got.a, want.a), ("b", got.b, want.b)];
        check(model, &pairs, 1e-3);
    }
}

#[test]
fn gamma_gamma_fit_matches_lifetimes() {
    let want = gamma_gamma_of(&reference("gamma_gamma"));
    let got = block_on(GammaGamma::fit(&cdnow(), &Unpaced)).unwrap();
    check("gamma_gamma", &[("p", got.p, want.p), ("q", got.q, want.q), ("v", got.v, want.v)], 1e-3);
}

#[test]
fn the_likelihoods_are_lifetimes_own() {
    let customers = cdnow();
    let p = reference("bgnbd");
    let scale = 1.0 / customers.iter().fold(0.0, |m: f64, c| m.max(c.age));
    let theta = [p["r"].ln(), (p["alpha"] * scale).ln(), p["a"].ln(), p["b"].ln()];
    let got = Patterns::new(&customers, scale).negative_log_likelihood(&theta, 0.0, &mut [0.0; 4]);
    check("BG/NBD objective", &[("value", got, p["negative_log_likelihood"])], 1e-12);

    let p = reference("gamma_gamma");
    let mut repeat: Vec<(u32, f64)> = customers.iter().filter(|c| c.frequency > 0).map(|c| (c.frequency, c.monetary_value)).collect();
    repeat.sort_unstable_by_key(|&(x, _)| x);
    let (x_values, spenders) = spenders(&repeat);
    let theta = [p["p"].ln(), p["q"].ln(), p["v"].ln()];
    let got = negative_log_likelihood(&x_values, &spenders, &theta, &mut [0.0; 3]);
    check("Gamma-Gamma objective", &[("value", got, p["negative_log_likelihood"])], 1e-12);
}

/// Each sampled customer's figures from `purchases` and `spend`, against
/// lifetimes' (computed with its own fitted parameters).
fn check_customers(what: &str, purchases: &BgNbd, spend: &GammaGamma, tolerance: f64) -> f64 {
    let table = Table::new(include_str!("testdata/cdnow_customers.csv"));
    assert!(table.rows.len() >= 50);
    let mut pairs = Vec::new();
    for row in &table.rows {
        let c = table.summary(row);
        pairs.push(("expected_purchases_39", purchases.conditional_expected_number_of_purchases_up_to_time(39.0, &c), table.num(row, "expected_purchases_39")));
        pairs.push(("probability_alive", purchases.conditional_probability_alive(&c), table.num(row, "probability_alive")));
        pairs.push(("expected_average_profit", spend.conditional_expected_average_profit(&c), table.num(row, "expected_average_profit")));
        let weeks = customer_lifetime_value(purchases, spend, &c, Horizon::year(7));
        pairs.push(("clv_12m_weeks", weeks, table.num(row, "clv_12m_weeks")));
        let days = customer_lifetime_value(purchases, spend, &c, Horizon::year(1));
        pairs.push(("clv_12m_days", days, table.num(row, "clv_12m_days")));
    }
    check(what, &pairs, tolerance)
}

#[test]
fn per_customer_figures_match_lifetimes_with_its_parameters() {
    // Same parameters, so only the formulas differ: agreement to rounding.
    let purchases = bgnbd_of(&reference("bgnbd"));
    let spend = gamma_gamma_of(&reference("gamma_gamma"));
    check_customers("per customer, lifetimes' parameters", &purchases, &spend, 1e-10);
}

#[test]
fn per_customer_figures_match_lifetimes_with_our_fit() {
    let customers = cdnow();
    let purchases = block_on(BgNbd::fit(&customers, 0.0, &Unpaced)).unwrap();
    let spend = block_on(GammaGamma::fit(&customers, &Unpaced)).unwrap();
    check_customers("per customer, our fit", &purchases, &spend, 1e-3);
}

#[test]
fn summary_from_cdnow_purchases_matches_lifetimes() {
    let table = Table::new(include_str!("testdata/cdnow_transactions.csv"));
    let purchases: Vec<Purchase> = table
        .rows
        .iter()
        .map(|row| Purchase { customer_id: table.text(row, "customer_id").to_string(), day: table.text(row, "day").parse().unwrap(), amount: table.num(row, "cents") as i64 })
        .collect();
    let end = chrono::NaiveDate::from_ymd_opt(1997, 9, 30).unwrap();
    let got: HashMap<String, CustomerSummary> = summarize(&purchases, end, 1).into_iter().map(|c| (c.customer_id.clone(), c)).collect();
    let in_weeks: HashMap<String, CustomerSummary> = summarize(&purchases, end, 7).into_iter().map(|c| (c.customer_id.clone(), c)).collect();

    let table = Table::new(include_str!("testdata/cdnow_tx_summary.csv"));
    assert_eq!(got.len(), table.rows.len());
    for row in &table.rows {
        let want = table.summary(row);
        let c = &got[&want.customer_id];
        assert_eq!((c.frequency, c.recency, c.age), (want.frequency, want.recency, want.age), "customer {}", want.customer_id);
        // lifetimes averages dollars as floats; ours are cents as integers.
        assert!((c.monetary_value / 100.0 - want.monetary_value).abs() <= 1e-12 * want.monetary_value.max(1.0), "customer {}", want.customer_id);
        let w = &in_weeks[&want.customer_id];
        assert_eq!((w.recency, w.age), (want.recency / 7.0, want.age / 7.0));
    }
}

#[test]
fn special_functions_match_scipy() {
    let table = Table::new(include_str!("testdata/special.csv"));
    let mut pairs = Vec::new();
    for row in &table.rows {
        let [a, b, c, z] = ["a", "b", "c", "z"].map(|k| table.num(row, k));
        let got = match table.text(row, "function") {
            "gammaln" => ln_gamma(a),
            "digamma" => digamma(a),
            "hyp2f1" => hyp2f1(a, b, c, z),
            other => panic!("unknown function {other}"),
        };
        pairs.push((table.text(row, "function"), got, table.num(row, "value")));
    }
    check("special functions", &pairs, 1e-12);
}
