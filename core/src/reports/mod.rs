//! What managers read, computed on the device from everything it holds:
//! each report a pure function from records, a period and a filter to
//! figures — how the pipeline stands, how much customers are worth and
//! who is slipping away — with no words (the app says them in the
//! reader's language).

pub mod dashboard;
mod filter;
pub mod lifetime;
pub mod lost;
pub mod period;
pub mod rfm;

pub use dashboard::{change_percent, dashboard, ActivityDone, CustomerSince, Dashboard, Figures, Inputs};
pub use filter::Filter;
pub use lost::{lost_deals, LostBy, LostDeals, LostGroup};
pub use period::{Period, Preset};
