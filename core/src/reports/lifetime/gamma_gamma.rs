//! The Gamma–Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV";
//! Hardie's note 025): a customer's purchase amounts are Gamma(p, ν) with
//! ν drawn from Gamma(q, v) across customers, independent of how often they
//! buy. Fitted as lifetimes' `GammaGammaFitter`, it shrinks each customer's
//! mean spend toward the population's the less history it rests on.

use super::optimize::{minimize, START};
use super::special::{digamma, ln_gamma};
use super::{CustomerSummary, FitError, MIN_REPEAT_CUSTOMERS};
use crate::pace::Pace;

/// Fitted Gamma–Gamma parameters; v is in the amounts' minor units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

/// A repeat customer as the likelihood reads them: x repeat purchases of
/// mean m (scaled), with the logarithms that do not change during the fit.
pub(super) struct Spender {
    x_index: usize,
    x: f64,
    m: f64,
    ln_m: f64,
    ln_x: f64,
}

impl GammaGamma {
    /// Maximum-likelihood fit over the customers with a repeat purchase (the
    /// others are skipped: their `monetary_value` is 0 by convention), as
    /// lifetimes' `GammaGammaFitter(penalizer_coef=0).fit` on
    /// `frequency > 0`. Spends are divided by their mean for the fit and v
    /// multiplied back: the model is a scale family in (m, v), so the optimum
    /// is the same, and rials or cents alike start near it. The minimiser
    /// (see `optimize`) starts from every log-parameter at 0.1.
    ///
    /// When customers' mean spends differ no more than chance would make
    /// them, q and v run off together toward infinity and the fit stops where
    /// the likelihood is flat, with q in the millions: every customer's
    /// expected spend is then the population's, which is the right limit.
    ///
    /// `pace` may pause it between evaluations.
    pub async fn fit(customers: &[CustomerSummary], pace: &impl Pace) -> Result<Self, FitError> {
        let repeat: Vec<(usize, &CustomerSummary)> = customers.iter().enumerate().filter(|(_, c)| c.frequency > 0).collect();
        if let Some(&(index, _)) = repeat.iter().find(|(_, c)| !(c.monetary_value.is_finite() && c.monetary_value > 0.0)) {
            return Err(FitError::NonPositiveSpend { index });
        }
        if repeat.len() < MIN_REPEAT_CUSTOMERS {
            return Err(FitError::TooLittleData { repeat_customers: repeat.len(), needed: MIN_REPEAT_CUSTOMERS });
        }
        let scale = repeat.iter().map(|(_, c)| c.monetary_value).sum::<f64>() / repeat.len() as f64;
        let mut scaled: Vec<(u32, f64)> = repeat.iter().map(|(_, c)| (c.frequency, c.monetary_value / scale)).collect();
        scaled.sort_unstable_by_key(|&(x, _)| x);
        let (x_values, spenders) = spenders(&scaled);
        let found = minimize(&[START; 3], f64::INFINITY, pace, |theta, grad| negative_log_likelihood(&x_values, &spenders, theta, grad)).await?;
        let [p, q, v] = [0, 1, 2].map(|i| found.x[i].exp());
        let model = GammaGamma { p, q, v: v * scale };
        if ![model.p, model.q, model.v].iter().all(|p| p.is_finite() && *p > 0.0) {
            return Err(FitError::NotConverged { iterations: found.iterations, gradient: f64::INFINITY });
        }
        if model.q <= 1.0 {
            return Err(FitError::SpendMeanUnbounded { q: model.q });
        }
        Ok(model)
    }

    /// The customer's expected mean spend per purchase (Hardie's note 025,
    /// equation 5, as lifetimes' `conditional_expected_average_profit`): their
    /// own mean weighted by p x / (p x + q − 1), the population's mean
    /// v p / (q − 1) by the rest. With no repeat purchase, the population's.
    pub fn conditional_expected_average_profit(&self, customer: &CustomerSummary) -> f64 {
        let px = self.p * f64::from(customer.frequency);
        let own_weight = px / (px + self.q - 1.0);
        let population_mean = self.v * self.p / (self.q - 1.0);
        (1.0 - own_weight) * population_mean + own_weight * customer.monetary_value
    }
}

/// The spenders of (frequency, mean spend) pairs sorted by frequency, with
/// the distinct frequencies they index.
pub(super) fn spenders(sorted: &[(u32, f64)]) -> (Vec<f64>, Vec<Spender>) {
    let mut x_values: Vec<f64> = Vec::new();
    let spenders = sorted
        .iter()
        .map(|&(x, m)| {
            let x = f64::from(x);
            if x_values.last() != Some(&x) {
                x_values.push(x);
            }
            Spender { x_index: x_values.len() - 1, x, m, ln_m: m.ln(), ln_x: x.ln() }
        })
        .collect();
    (x_values, spenders)
}

/// lifetimes' objective at log-parameters `theta` = ln(p, q, v), with no
/// penalty: the mean over spenders of −ℓ, where
/// ℓ = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln m + px ln x − (px + q) ln(xm + v).
/// Its gradient with respect to `theta` goes into `grad`.
pub(super) fn negative_log_likelihood(x_values: &[f64], spenders: &[Spender], theta: &[f64], grad: &mut [f64]) -> f64 {
    let [p, q, v] = [theta[0].exp(), theta[1].exp(), theta[2].exp()];
    // (ln Γ(px + q) − ln Γ(px), ψ(px + q), ψ(px)) for each distinct x.
    let by_x: Vec<(f64, f64, f64)> = x_values.iter().map(|&x| (ln_gamma(p * x + q) - ln_gamma(p * x), digamma(p * x + q), digamma(p * x))).collect();
    let (ln_v, ln_gamma_q, digamma_q) = (v.ln(), ln_gamma(q), digamma(q));
    let (mut ll, mut d_p, mut d_q, mut d_v) = (0.0, 0.0, 0.0, 0.0);
    for s in spenders {
        let (gamma_terms, psi_pxq, psi_px) = by_x[s.x_index];
        let px = p * s.x;
        let xm_v = s.x * s.m + v;
        let ln_xm_v = xm_v.ln();
        ll += gamma_terms - ln_gamma_q + q * ln_v + (px - 1.0) * s.ln_m + px * s.ln_x - (px + q) * ln_xm_v;
        d_p += s.x * (psi_pxq - psi_px + s.ln_m + s.ln_x - ln_xm_v);
        d_q += psi_pxq - digamma_q + ln_v - ln_xm_v;
        d_v += q / v - (px + q) / xm_v;
    }
    let n = spenders.len() as f64;
    grad[0] = -d_p * p / n;
    grad[1] = -d_q * q / n;
    grad[2] = -d_v * v / n;
    -ll / n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(frequency: u32, monetary_value: f64) -> CustomerSummary {
        CustomerSummary { customer_id: String::new(), frequency, recency: 1.0, age: 2.0, monetary_value }
    }

    #[test]
    fn gradient_matches_central_differences() {
        let (x_values, spenders) = spenders(&[(1, 2.0), (1, 0.5), (3, 1.2), (8, 0.9)]);
        let theta = [1.5, 1.2, 0.4];
        let mut grad = [0.0; 3];
        negative_log_likelihood(&x_values, &spenders, &theta, &mut grad);
        for i in 0..3 {
            let h = 1e-6;
            let (mut up, mut down) = (theta, theta);
            up[i] += h;
            down[i] -= h;
            let at = |t: &[f64]| negative_log_likelihood(&x_values, &spenders, t, &mut [0.0; 3]);
            let numeric = (at(&up) - at(&down)) / (2.0 * h);
            assert!((grad[i] - numeric).abs() < 1e-7, "parameter {i}: {} vs {numeric}", grad[i]);
        }
    }

    #[test]
    fn spends_must_be_positive_and_enough() {
        let mut customers: Vec<_> = (0..12).map(|i| customer(1 + i % 3, 10.0 + f64::from(i))).collect();
        customers.push(customer(0, 0.0));
        customers.push(customer(2, 0.0));
        assert_eq!(pollster::block_on(GammaGamma::fit(&customers, &crate::pace::Unpaced)), Err(FitError::NonPositiveSpend { index: 13 }));
        assert_eq!(pollster::block_on(GammaGamma::fit(&customers[..9], &crate::pace::Unpaced)), Err(FitError::TooLittleData { repeat_customers: 9, needed: 10 }));
    }

    #[test]
    fn no_history_gets_the_population_mean() {
        let model = GammaGamma { p: 6.0, q: 4.0, v: 15.0 };
        assert_eq!(model.conditional_expected_average_profit(&customer(0, 0.0)), 15.0 * 6.0 / 3.0);
        let many = model.conditional_expected_average_profit(&customer(100, 50.0));
        assert!((many - 50.0).abs() < 1.0, "{many}");
    }
}
