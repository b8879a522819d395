//! The minimiser both models fit with: BFGS on the mean negative
//! log-likelihood over log-parameters, with the models' own exact gradients.
//!
//! Why BFGS with exact gradients: lifetimes minimises the same function with
//! scipy's BFGS, and an exact gradient takes ~30 iterations where Nelder–Mead
//! takes hundreds of evaluations; each evaluation walks every customer, which
//! is what costs time over 50,000 of them in the browser. `argmin` would do
//! it too, but it is a large crate for one small loop.
//!
//! Settings, shared by both models:
//! * start: every log-parameter at 0.1 (lifetimes' default), after the data
//!   are scaled so the numbers are of order one (each model says how);
//! * converged: every partial derivative below [`GRADIENT_TOLERANCE`];
//! * at most [`MAX_ITERATIONS`] iterations;
//! * if it stalls before that (the line search finds no acceptable step, or
//!   [`MAX_FLAT_STEPS`] steps in a row fail to lower the value), the fit
//!   counts as converged only when the gradient is below
//!   [`STALLED_TOLERANCE`]: rounding, not a wrong direction, stopped it;
//! * a model may name a ceiling for its log-parameters: a step past it means
//!   the fit is running off toward infinity, and it stops there as not
//!   converged instead of walking on for thousands of evaluations.

use super::FitError;
use crate::pace::Pace;

/// Largest partial derivative of the mean negative log-likelihood at which a
/// fit has converged. Below scipy's 1e-7 that lifetimes asks: on CDNOW the
/// parameters then agree with lifetimes' to within 4e-7 relative.
const GRADIENT_TOLERANCE: f64 = 1e-9;
/// See the module doc: a fit stopped by rounding is accepted below this.
const STALLED_TOLERANCE: f64 = 1e-6;
/// Iterations before a fit is reported as not converged.
const MAX_ITERATIONS: u32 = 400;
/// Where every log-parameter starts (lifetimes' default).
pub(super) const START: f64 = 0.1;
/// Longest first try of a line search in any one log-parameter: e^2 is
/// already a large change of a parameter, and a longer step overflows.
const MAX_STEP: f64 = 2.0;
/// Armijo's sufficient-decrease constant.
const ARMIJO: f64 = 1e-4;
/// Halvings of the step before the line search gives up.
const MAX_HALVINGS: u32 = 40;
/// The approximate Wolfe conditions' constants (Hager & Zhang's δ and σ),
/// and how far above the start a value may be and still count as equal to
/// it: the rounding of a sum over many customers, relative.
const WOLFE_DELTA: f64 = 0.1;
const WOLFE_SIGMA: f64 = 0.9;
const ROUNDING: f64 = 1e-12;
/// Steps in a row that do not lower the value before the minimiser counts
/// itself stalled.
const MAX_FLAT_STEPS: u32 = 5;

/// Where the minimiser stopped.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Minimum {
    pub x: Vec<f64>,
    pub iterations: u32,
}

/// Minimises `f`, which returns the value at x and writes the gradient into
/// its second argument. A non-finite value counts as +∞ (outside the region
/// where the model makes sense), so the line search steps back from it. A
/// step taking any coordinate past `ceiling` ends the fit, not converged.
/// Each evaluation walks every customer, so `pace` may pause after each.
pub(super) async fn minimize(x0: &[f64], ceiling: f64, pace: &impl Pace, f: impl Fn(&[f64], &mut [f64]) -> f64) -> Result<Minimum, FitError> {
    let n = x0.len();
    let mut x = x0.to_vec();
    let mut g = vec![0.0; n];
    let mut fx = f(&x, &mut g);
    pace.breathe().await;
    if !fx.is_finite() || g.iter().any(|v| !v.is_finite()) {
        return Err(FitError::NotConverged { iterations: 0, gradient: f64::INFINITY });
    }
    // The inverse Hessian estimate, row-major.
    let mut h = identity(n);
    let mut first_update = true;
    let mut flat_steps = 0;
    let (mut x_new, mut g_new) = (vec![0.0; n], vec![0.0; n]);
    for iteration in 0..MAX_ITERATIONS {
        let gradient = max_abs(&g);
        if gradient <= GRADIENT_TOLERANCE {
            return Ok(Minimum { x, iterations: iteration });
        }
        let mut p: Vec<f64> = (0..n).map(|i| -dot(&h[i * n..(i + 1) * n], &g)).collect();
        let mut slope = dot(&g, &p);
        if slope >= 0.0 {
            // The estimate lost positive definiteness: start again downhill.
            h = identity(n);
            p = g.iter().map(|v| -v).collect();
            slope = -dot(&g, &g);
        }
        let mut step = (MAX_STEP / max_abs(&p)).min(1.0);
        let mut accepted = None;
        for _ in 0..MAX_HALVINGS {
            for i in 0..n {
                x_new[i] = x[i] + step * p[i];
            }
            let f_new = f(&x_new, &mut g_new);
            pace.breathe().await;
            if f_new.is_finite() && g_new.iter().all(|v| v.is_finite()) && (f_new <= fx + ARMIJO * step * slope || approximately_wolfe(fx, f_new, slope, dot(&g_new, &p))) {
                accepted = Some(f_new);
                break;
            }
            step *= 0.5;
        }
        // Near the optimum a step may leave the value unchanged, to rounding,
        // and still shrink the gradient, so it is taken; only a run of them
        // (or no acceptable step at all) means rounding has the last word.
        flat_steps = match accepted {
            Some(f_new) if f_new < fx => 0,
            Some(_) => flat_steps + 1,
            None => MAX_FLAT_STEPS,
        };
        let Some(f_new) = accepted.filter(|_| flat_steps < MAX_FLAT_STEPS) else {
            return if gradient <= STALLED_TOLERANCE {
                Ok(Minimum { x, iterations: iteration })
            } else {
                Err(FitError::NotConverged { iterations: iteration, gradient })
            };
        };
        if x_new.iter().any(|v| *v > ceiling) {
            return Err(FitError::NotConverged { iterations: iteration + 1, gradient: max_abs(&g_new) });
        }
        let s: Vec<f64> = (0..n).map(|i| x_new[i] - x[i]).collect();
        let y: Vec<f64> = (0..n).map(|i| g_new[i] - g[i]).collect();
        let sy = dot(&s, &y);
        // Only a step along which the slope grew keeps the estimate positive
        // definite; otherwise keep the old one.
        if sy > 1e-12 * dot(&s, &s).sqrt() * dot(&y, &y).sqrt() {
            if first_update {
                // Nocedal & Wright (6.20): scale the identity to the curvature seen.
                let scale = sy / dot(&y, &y);
                h.iter_mut().for_each(|v| *v *= scale);
                first_update = false;
            }
            bfgs_update(&mut h, &s, &y, sy);
        }
        std::mem::swap(&mut x, &mut x_new);
        std::mem::swap(&mut g, &mut g_new);
        fx = f_new;
    }
    Err(FitError::NotConverged { iterations: MAX_ITERATIONS, gradient: max_abs(&g) })
}

/// Hager & Zhang's approximate Wolfe conditions (2005): once the value is
/// within rounding of where it started, a step whose slope along the search
/// direction has shrunk is taken on the gradient's word. Without them a fit
/// over many customers stalls where the decrease BFGS predicts is smaller
/// than the rounding of a sum over all of them, with the gradient still
/// above the tolerance.
fn approximately_wolfe(fx: f64, f_new: f64, slope: f64, new_slope: f64) -> bool {
    f_new <= fx + ROUNDING * fx.abs().max(1.0) && WOLFE_SIGMA * slope <= new_slope && new_slope <= (2.0 * WOLFE_DELTA - 1.0) * slope
}

/// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / sᵀy, expanded so
/// it needs only H y.
fn bfgs_update(h: &mut [f64], s: &[f64], y: &[f64], sy: f64) {
    let n = s.len();
    let rho = 1.0 / sy;
    let hy: Vec<f64> = (0..n).map(|i| dot(&h[i * n..(i + 1) * n], y)).collect();
    let yhy = dot(y, &hy);
    for i in 0..n {
        for j in 0..n {
            h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }
    }
}

fn identity(n: usize) -> Vec<f64> {
    (0..n * n).map(|k| if k % (n + 1) == 0 { 1.0 } else { 0.0 }).collect()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pace::Unpaced;
    use pollster::block_on;

    /// Rosenbrock's valley, the classic hard case for a minimiser.
    fn rosenbrock(x: &[f64], g: &mut [f64]) -> f64 {
        let (a, b) = (x[0], x[1]);
        g[0] = -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
        g[1] = 200.0 * (b - a * a);
        (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
    }

    #[test]
    fn finds_the_minimum_of_rosenbrock() {
        let m = block_on(minimize(&[-1.2, 1.0], f64::INFINITY, &Unpaced, rosenbrock)).unwrap();
        assert!((m.x[0] - 1.0).abs() < 1e-8 && (m.x[1] - 1.0).abs() < 1e-8, "{m:?}");
        assert!(m.iterations < 100, "{m:?}");
    }

    #[test]
    fn a_step_within_rounding_is_judged_by_its_slope() {
        // Slope −1e-14 along the direction at the start, value 0.6.
        let slope = -1e-14;
        // Value up by rounding only, slope shrunk: taken.
        assert!(approximately_wolfe(0.6, 0.6 + 1e-14, slope, -1e-16));
        // Overshot a little, still taken; far past the minimum, not.
        assert!(approximately_wolfe(0.6, 0.6, slope, 0.5e-14));
        assert!(!approximately_wolfe(0.6, 0.6, slope, 0.9e-14));
        // The slope hardly shrank: not far enough along.
        assert!(!approximately_wolfe(0.6, 0.6, slope, -0.95e-14));
        // The value rose by more than rounding.
        assert!(!approximately_wolfe(0.6, 0.6 + 1e-9, slope, -1e-16));
    }

    #[test]
    fn a_function_with_no_minimum_is_reported_not_converged() {
        let downhill = |x: &[f64], g: &mut [f64]| {
            g[0] = -1.0;
            -x[0]
        };
        let err = block_on(minimize(&[0.0], f64::INFINITY, &Unpaced, downhill)).unwrap_err();
        assert_eq!(err, FitError::NotConverged { iterations: MAX_ITERATIONS, gradient: 1.0 });
    }

    #[test]
    fn a_start_outside_the_model_is_an_error_not_nan() {
        let undefined = |_: &[f64], g: &mut [f64]| {
            g[0] = 0.0;
            f64::NAN
        };
        assert!(matches!(block_on(minimize(&[0.0], f64::INFINITY, &Unpaced, undefined)), Err(FitError::NotConverged { iterations: 0, .. })));
    }
}
