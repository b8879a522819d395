//! The BG/NBD log-likelihood exactly as lifetimes' `BetaGeoFitter` writes it
//! (Fader, Hardie & Lee 2005, section 7, in `gammaln` terms), with its exact
//! gradient for the minimiser. Per customer with x repeat purchases, recency
//! tₓ and age T:
//!
//! ```text
//! A₁ = ln Γ(r + x) − ln Γ(r) + r ln α
//! A₂ = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x)
//! A₃ = −(r + x) ln(α + T)
//! A₄ = ln a − ln(b + max(x, 1) − 1) − (r + x) ln(α + tₓ)
//! ℓ  = A₁ + A₂ + ln(e^A₃ + [x > 0] e^A₄)
//! ```
//!
//! What depends on x alone (the ln Γ and ψ terms) is worked out once per
//! distinct frequency, so a customer costs a few logarithms and one
//! exponential per evaluation.

use super::special::{digamma, ln_gamma};
use super::CustomerSummary;

/// The customers, grouped by equal (frequency, recency, age): lifetimes
/// takes such weights from its caller; here they are found, as one-time
/// customers who first bought on the same day are all alike.
pub(super) struct Patterns {
    /// The distinct frequencies, ascending.
    x_values: Vec<f64>,
    rows: Vec<Row>,
    customers: f64,
}

struct Row {
    x_index: usize,
    recency: f64,
    age: f64,
    weight: f64,
}

/// The terms of ℓ and of its derivatives that depend only on the frequency.
struct ByFrequency {
    gamma_terms: f64,
    d_r: f64,
    d_a: f64,
    d_b: f64,
    ln_a_over_b: f64,
    inv_b: f64,
}

impl ByFrequency {
    fn new(x: f64, r: f64, a: f64, b: f64) -> Self {
        let b_x = b + x.max(1.0) - 1.0;
        Self {
            gamma_terms: ln_gamma(r + x) - ln_gamma(r) + ln_gamma(a + b) + ln_gamma(b + x) - ln_gamma(b) - ln_gamma(a + b + x),
            d_r: digamma(r + x) - digamma(r),
            d_a: digamma(a + b) - digamma(a + b + x),
            d_b: digamma(a + b) + digamma(b + x) - digamma(b) - digamma(a + b + x),
            ln_a_over_b: a.ln() - b_x.ln(),
            inv_b: 1.0 / b_x,
        }
    }
}

impl Patterns {
    /// Groups `customers` with their times multiplied by `scale` (lifetimes
    /// fits with the oldest customer's age scaled to 1).
    pub(super) fn new(customers: &[CustomerSummary], scale: f64) -> Self {
        let mut keyed: Vec<(u32, f64, f64)> = customers.iter().map(|c| (c.frequency, c.recency * scale, c.age * scale)).collect();
        keyed.sort_unstable_by(|p, q| p.0.cmp(&q.0).then(p.1.total_cmp(&q.1)).then(p.2.total_cmp(&q.2)));
        let mut x_values: Vec<f64> = Vec::new();
        let mut rows: Vec<Row> = Vec::new();
        for (x, recency, age) in keyed {
            let x = f64::from(x);
            match rows.last_mut() {
                Some(row) if x_values[row.x_index] == x && row.recency == recency && row.age == age => row.weight += 1.0,
                _ => {
                    if x_values.last() != Some(&x) {
                        x_values.push(x);
                    }
                    rows.push(Row { x_index: x_values.len() - 1, recency, age, weight: 1.0 });
                }
            }
        }
        Self { x_values, rows, customers: customers.len() as f64 }
    }

    /// lifetimes' objective at log-parameters `theta` = ln(r, α, a, b): the
    /// mean of −ℓ plus `penalizer_coef` · (r² + α² + a² + b²). Its gradient
    /// with respect to `theta` is written into `grad`.
    pub(super) fn negative_log_likelihood(&self, theta: &[f64], penalizer_coef: f64, grad: &mut [f64]) -> f64 {
        let params = [theta[0].exp(), theta[1].exp(), theta[2].exp(), theta[3].exp()];
        let [r, alpha, a, b] = params;
        let by_x: Vec<ByFrequency> = self.x_values.iter().map(|&x| ByFrequency::new(x, r, a, b)).collect();
        let ln_alpha = alpha.ln();
        let (mut ll, mut d_r, mut d_alpha, mut d_a, mut d_b) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for row in &self.rows {
            let x = self.x_values[row.x_index];
            let k = &by_x[row.x_index];
            let rx = r + x;
            let ln_age = (alpha + row.age).ln();
            let ln_recency = (alpha + row.recency).ln();
            let a3 = -rx * ln_age;
            // ln(e^A₃ + e^A₄) without overflow, and e^A₄ / (e^A₃ + e^A₄),
            // the share of A₄ in the derivatives.
            let (a34, share4) = if x > 0.0 {
                let gap = k.ln_a_over_b - rx * ln_recency - a3;
                if gap > 0.0 {
                    let e = (-gap).exp();
                    (a3 + gap + e.ln_1p(), 1.0 / (1.0 + e))
                } else {
                    let e = gap.exp();
                    (a3 + e.ln_1p(), e / (1.0 + e))
                }
            } else {
                (a3, 0.0)
            };
            let share3 = 1.0 - share4;
            let w = row.weight;
            ll += w * (k.gamma_terms + r * ln_alpha + a34);
            d_r += w * (k.d_r + ln_alpha - share3 * ln_age - share4 * ln_recency);
            d_alpha += w * (r / alpha - rx * (share3 / (alpha + row.age) + share4 / (alpha + row.recency)));
            d_a += w * (k.d_a + share4 / a);
            d_b += w * (k.d_b - share4 * k.inv_b);
        }
        // d/dθ = p d/dp for each parameter p = e^θ.
        for (i, d) in [d_r, d_alpha, d_a, d_b].into_iter().enumerate() {
            grad[i] = -d * params[i] / self.customers + 2.0 * penalizer_coef * params[i] * params[i];
        }
        -ll / self.customers + penalizer_coef * params.iter().map(|p| p * p).sum::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(frequency: u32, recency: f64, age: f64) -> CustomerSummary {
        CustomerSummary { customer_id: String::new(), frequency, recency, age, monetary_value: 0.0 }
    }

    #[test]
    fn gradient_matches_central_differences() {
        let customers = [customer(0, 0.0, 30.0), customer(0, 0.0, 30.0), customer(2, 20.0, 38.0), customer(7, 35.5, 36.0), customer(1, 0.5, 12.0)];
        let data = Patterns::new(&customers, 1.0 / 38.0);
        assert_eq!(data.rows.len(), 4, "the two alike one-time customers make one row");
        let theta = [-1.2, 0.3, -0.25, 0.9];
        let mut grad = [0.0; 4];
        data.negative_log_likelihood(&theta, 0.1, &mut grad);
        for i in 0..4 {
            let h = 1e-6;
            let (mut up, mut down) = (theta, theta);
            up[i] += h;
            down[i] -= h;
            let numeric = (data.negative_log_likelihood(&up, 0.1, &mut [0.0; 4]) - data.negative_log_likelihood(&down, 0.1, &mut [0.0; 4])) / (2.0 * h);
            assert!((grad[i] - numeric).abs() < 1e-7, "parameter {i}: {} vs {numeric}", grad[i]);
        }
    }
}
