//! Why a lifetime model could not be fitted. No strings: the Reports area
//! words each case for the reader ("not enough repeat customers yet").

/// Why a fit gave no parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FitError {
    /// Fewer customers with a repeat purchase than a fit needs
    /// ([`MIN_REPEAT_CUSTOMERS`](super::MIN_REPEAT_CUSTOMERS)).
    TooLittleData { repeat_customers: usize, needed: usize },
    /// The summary at `index` is one no purchase history gives: recency
    /// negative, above the age or not finite, or a recency with no repeat
    /// purchase.
    InvalidSummary { index: usize },
    /// The repeat customer at `index` (of the summaries given) has a mean
    /// spend that is not positive; the spend model needs positive spends.
    NonPositiveSpend { index: usize },
    /// The spend model's q came out at or below 1: spends this spread have no
    /// finite mean, so no expected profit can be given.
    SpendMeanUnbounded { q: f64 },
    /// The optimiser stopped with the likelihood's slope still at `gradient`
    /// (the largest partial derivative, in log-parameters) after `iterations`.
    NotConverged { iterations: u32, gradient: f64 },
}

impl std::fmt::Display for FitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs only; users see the UI's translation of the variant.
        write!(f, "{self:?}")
    }
}

impl std::error::Error for FitError {}

/// Fewest customers with a repeat purchase a fit accepts. With fewer, the
/// estimates swing with each customer added, and the Reports area says there
/// is not enough history yet rather than show them.
pub const MIN_REPEAT_CUSTOMERS: usize = 10;
