//! The special functions the lifetime models need: ln Γ, digamma and the Gauss
//! hypergeometric function ₂F₁, on the positive arguments those models give.
//!
//! ln Γ is `libm::lgamma` (the Rust project's port of musl's, already in the
//! dependency tree, no_std and tiny in wasm). `statrs` would also bring
//! digamma, but it is a large crate for two functions and has no ₂F₁ either,
//! so digamma and ₂F₁ are written here; both are checked against scipy.

/// ln Γ(x) for x > 0.
pub(super) fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// Digamma ψ(x) = d/dx ln Γ(x), for x > 0 (NaN otherwise: the models never
/// ask for it there). The recurrence ψ(x) = ψ(x + 1) − 1/x lifts x to 10 or
/// more, where the asymptotic series below is good to about 1e-16 relative.
pub(super) fn digamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    let mut x = x;
    let mut shift = 0.0;
    while x < 10.0 {
        shift -= 1.0 / x;
        x += 1.0;
    }
    let inv2 = 1.0 / (x * x);
    // ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ), Bernoulli numbers B₂ … B₁₄.
    let series = inv2
        * (1.0 / 12.0
            - inv2 * (1.0 / 120.0 - inv2 * (1.0 / 252.0 - inv2 * (1.0 / 240.0 - inv2 * (1.0 / 132.0 - inv2 * (691.0 / 32760.0 - inv2 / 12.0))))));
    shift + x.ln() - 0.5 / x - series
}

/// Most terms the ₂F₁ series may take: it needs about ln(1e-16) / ln(z)
/// terms, so this covers z up to about 0.99996, far past what the expected
/// purchases ask (z = t / (α + T + t) with t a year at most).
const MAX_TERMS: u32 = 1_000_000;

/// ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series, stopped once the
/// tail is below 1e-16 of the sum. NaN if it has not converged within
/// `MAX_TERMS` or z is outside [0, 1).
///
/// Callers pick parameters that keep the terms small (see the BG/NBD's use
/// of Euler's transformation): the plain series loses accuracy when its
/// terms grow large and cancel.
pub(super) fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> f64 {
    if !(0.0..1.0).contains(&z) {
        return f64::NAN;
    }
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 0..MAX_TERMS {
        let k = f64::from(k);
        let ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
        term *= ratio;
        sum += term;
        // Once the ratio of successive terms is below 1 it tends to z, so
        // the rest of the series is at most a geometric tail in the larger
        // of the two.
        let shrink = ratio.abs().max(z);
        if term == 0.0 || (ratio.abs() < 1.0 && term.abs() * shrink <= 1e-16 * (1.0 - shrink) * sum.abs()) {
            return sum;
        }
    }
    f64::NAN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digamma_meets_known_values() {
        // ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2.
        let euler = 0.577_215_664_901_532_9;
        assert!((digamma(1.0) + euler).abs() < 1e-15);
        assert!((digamma(0.5) + euler + 2.0 * 2f64.ln()).abs() < 1e-14);
        assert!(digamma(0.0).is_nan() && digamma(-1.0).is_nan());
    }

    #[test]
    fn hyp2f1_meets_closed_forms() {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z; ₂F₁(a, b; b; z) = (1 − z)^−a.
        for z in [0.1f64, 0.5, 0.9, 0.99] {
            let want = -(-z).ln_1p() / z;
            assert!((hyp2f1(1.0, 1.0, 2.0, z) / want - 1.0).abs() < 1e-13, "z = {z}");
            let want = (1.0 - z).powf(-0.7);
            assert!((hyp2f1(0.7, 2.5, 2.5, z) / want - 1.0).abs() < 1e-13, "z = {z}");
        }
        assert_eq!(hyp2f1(3.0, 4.0, 5.0, 0.0), 1.0);
        assert!(hyp2f1(1.0, 1.0, 2.0, 1.0).is_nan());
    }
}
