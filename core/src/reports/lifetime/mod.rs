//! Customer-lifetime models, checked against the Python library `lifetimes`
//! on the CDNOW data set (testdata/make_reference.py):
//! purchases → per-customer summary (summary.rs) → BG/NBD for how many more
//! purchases and whether the customer is still alive (bgnbd.rs, its
//! likelihood in bgnbd_likelihood.rs) → Gamma–Gamma for the spend per
//! purchase (gamma_gamma.rs) → lifetime value over a horizon (clv.rs).
//! Both fits share one minimiser (optimize.rs) and the special functions
//! (special.rs); why a fit fails is a typed [`FitError`].

mod bgnbd;
mod bgnbd_likelihood;
mod clv;
mod error;
mod gamma_gamma;
mod optimize;
#[cfg(test)]
mod reference_tests;
mod special;
mod summary;

pub use bgnbd::{BgNbd, RUNAWAY};
pub use clv::{customer_lifetime_value, periods_per_month, Horizon};
pub use error::{FitError, MIN_REPEAT_CUSTOMERS};
pub use gamma_gamma::GammaGamma;
pub use summary::{summarize, summarize_twice, CustomerSummary, Purchase};
pub(in crate::reports) use summary::customer_days;
