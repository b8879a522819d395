//! The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the
//! Easy Way"): while alive, a customer buys at a Poisson rate drawn from
//! Gamma(r, α); after each purchase they leave with a probability drawn from
//! Beta(a, b). Fitted by maximum likelihood as lifetimes' `BetaGeoFitter`,
//! and answering its two questions: how many purchases next, and is this
//! customer still alive.

use super::bgnbd_likelihood::Patterns;
use super::optimize::{minimize, START};
use super::special::hyp2f1;
use super::{CustomerSummary, FitError, MIN_REPEAT_CUSTOMERS};
use crate::pace::Pace;

/// A parameter — r, a, b, or α with times scaled as in [`BgNbd::fit`] —
/// past this has run off toward infinity: a history whose buyers' paces or
/// drop-out chances are all alike, where the predictions' series no longer
/// converge. The fit stops there as not converged (lifetimes walks on; its
/// advice then is a small penalty, which `reports::outlook` retries with).
pub const RUNAWAY: f64 = 1e3;

/// Fitted BG/NBD parameters; α is in the summaries' periods.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

impl BgNbd {
    /// Maximum-likelihood fit over `customers`, as lifetimes'
    /// `BetaGeoFitter(penalizer_coef).fit` (0 there by default; a small
    /// positive value pulls the parameters toward 0 when the data are thin).
    /// Times are scaled so the oldest customer's age is 1, as lifetimes does,
    /// and the minimiser (see `optimize`) starts from every log-parameter at
    /// 0.1 of that scale. A fit running off past [`RUNAWAY`] stops there,
    /// not converged. `pace` may pause it between evaluations.
    pub async fn fit(customers: &[CustomerSummary], penalizer_coef: f64, pace: &impl Pace) -> Result<Self, FitError> {
        if let Some(index) = customers.iter().position(|c| !c.is_possible()) {
            return Err(FitError::InvalidSummary { index });
        }
        let repeat_customers = customers.iter().filter(|c| c.frequency > 0).count();
        if repeat_customers < MIN_REPEAT_CUSTOMERS {
            return Err(FitError::TooLittleData { repeat_customers, needed: MIN_REPEAT_CUSTOMERS });
        }
        // A repeat customer has an age above 0, so the scale is finite.
        let scale = 1.0 / customers.iter().fold(0.0, |m: f64, c| m.max(c.age));
        let data = Patterns::new(customers, scale);
        let found = minimize(&[START; 4], RUNAWAY.ln(), pace, |theta, grad| data.negative_log_likelihood(theta, penalizer_coef, grad)).await?;
        let [r, alpha, a, b] = [0, 1, 2, 3].map(|i| found.x[i].exp());
        let model = BgNbd { r, alpha: alpha / scale, a, b };
        if [model.r, model.alpha, model.a, model.b].iter().all(|p| p.is_finite() && *p > 0.0) {
            Ok(model)
        } else {
            Err(FitError::NotConverged { iterations: found.iterations, gradient: f64::INFINITY })
        }
    }

    /// Expected repeat purchases in the next `t` periods of a customer with
    /// this history: equation (10) of the paper, as lifetimes'
    /// `conditional_expected_number_of_purchases_up_to_time`.
    ///
    /// The ₂F₁(r + x, b + x; a + b + x − 1; z) in it grows past f64 for
    /// frequent buyers (lifetimes then switches formula); Euler's
    /// transformation ₂F₁(A, B; C; z) = (1 − z)^(C−A−B) ₂F₁(C − A, C − B; C; z)
    /// is used throughout instead. It folds with the factor beside it into
    /// ₂F₁(a + b − 1 − r, a − 1; a + b + x − 1; z) (1 − z)^(a − 1), whose
    /// series stays near 1, so one formula serves every customer. That
    /// series slows as t outgrows α + T and gives NaN past t ≈ 25,000 (α + T).
    pub fn conditional_expected_number_of_purchases_up_to_time(&self, t: f64, customer: &CustomerSummary) -> f64 {
        let Self { r, alpha, a, b } = *self;
        let x = f64::from(customer.frequency);
        let z = t / (alpha + customer.age + t);
        let hyp = hyp2f1(a + b - 1.0 - r, a - 1.0, a + b + x - 1.0, z);
        let bought = (a + b + x - 1.0) / (a - 1.0) * (1.0 - hyp * ((a - 1.0) * (-z).ln_1p()).exp());
        if customer.frequency == 0 {
            return bought;
        }
        let dead_odds = a / (b + x - 1.0) * ((alpha + customer.age) / (alpha + customer.recency)).powf(r + x);
        bought / (1.0 + dead_odds)
    }

    /// Probability the customer is still alive (Fader, Hardie & Lee's note
    /// 021, as lifetimes' `conditional_probability_alive`): 1 with no repeat
    /// purchase, since the model lets a customer leave only after a purchase.
    pub fn conditional_probability_alive(&self, customer: &CustomerSummary) -> f64 {
        if customer.frequency == 0 {
            return 1.0;
        }
        let x = f64::from(customer.frequency);
        let log_odds = (self.r + x) * ((self.alpha + customer.age) / (self.alpha + customer.recency)).ln() + (self.a / (self.b + x - 1.0)).ln();
        1.0 / (1.0 + log_odds.exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(customers: &[CustomerSummary]) -> Result<BgNbd, FitError> {
        pollster::block_on(BgNbd::fit(customers, 0.0, &crate::pace::Unpaced))
    }

    fn customer(frequency: u32, recency: f64, age: f64) -> CustomerSummary {
        CustomerSummary { customer_id: String::new(), frequency, recency, age, monetary_value: 0.0 }
    }

    const MODEL: BgNbd = BgNbd { r: 0.25, alpha: 4.4, a: 0.8, b: 2.4 };

    #[test]
    fn too_few_repeat_customers_is_an_error() {
        let mut customers: Vec<_> = (0..100).map(|_| customer(0, 0.0, 20.0)).collect();
        customers.extend((0..MIN_REPEAT_CUSTOMERS - 1).map(|_| customer(1, 5.0, 20.0)));
        assert_eq!(fit(&customers), Err(FitError::TooLittleData { repeat_customers: 9, needed: 10 }));
        assert_eq!(fit(&[]), Err(FitError::TooLittleData { repeat_customers: 0, needed: 10 }));
    }

    #[test]
    fn an_impossible_summary_is_named() {
        let customers = [customer(1, 5.0, 20.0), customer(2, 25.0, 20.0)];
        assert_eq!(fit(&customers), Err(FitError::InvalidSummary { index: 1 }));
        let customers = [customer(0, 3.0, 20.0)];
        assert_eq!(fit(&customers), Err(FitError::InvalidSummary { index: 0 }));
    }

    #[test]
    fn a_fit_running_off_stops_early() {
        // Buyers at their own pace who all leave after a purchase with the
        // same 10 % chance: no spread in drop-out, so a and b run off (to
        // 4e4 and 3e6 when let go).
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut unit = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let customers: Vec<_> = (0..20_000)
            .map(|_| {
                let (first, gap) = (unit() * 80.0, 4.0 + unit() * 36.0);
                let (mut at, mut frequency) = (first, 0);
                while unit() >= 0.1 && at + gap < 100.0 {
                    at += gap * (0.5 + unit());
                    frequency += 1;
                }
                customer(frequency, at.min(100.0) - first, 100.0 - first)
            })
            .collect();
        match fit(&customers) {
            Err(FitError::NotConverged { iterations, .. }) => assert!(iterations < 100, "{iterations} iterations"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn customers_who_never_leave_give_an_answer_or_an_error_never_nan() {
        // Every repeat buyer bought on the last day: nothing says anyone left,
        // so b runs off toward infinity.
        let customers: Vec<_> = (1..=40).map(|i| customer(i % 5 + 1, 30.0, 30.0)).collect();
        match fit(&customers) {
            Ok(m) => assert!([m.r, m.alpha, m.a, m.b].iter().all(|p| p.is_finite()), "{m:?}"),
            Err(e) => assert!(matches!(e, FitError::NotConverged { .. }), "{e:?}"),
        }
    }

    #[test]
    fn nothing_expected_in_no_time_and_more_the_longer() {
        let c = customer(3, 20.0, 30.0);
        assert_eq!(MODEL.conditional_expected_number_of_purchases_up_to_time(0.0, &c), 0.0);
        let week = MODEL.conditional_expected_number_of_purchases_up_to_time(1.0, &c);
        let year = MODEL.conditional_expected_number_of_purchases_up_to_time(52.0, &c);
        assert!(0.0 < week && week < year, "{week} {year}");
    }

    #[test]
    fn alive_is_certain_without_repeats_and_fades_with_silence() {
        assert_eq!(MODEL.conditional_probability_alive(&customer(0, 0.0, 30.0)), 1.0);
        let recent = MODEL.conditional_probability_alive(&customer(3, 29.0, 30.0));
        let silent = MODEL.conditional_probability_alive(&customer(3, 5.0, 30.0));
        assert!(silent < recent && recent < 1.0, "{silent} {recent}");
    }
}
