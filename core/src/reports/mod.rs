//! What managers read, computed on the device from everything it holds:
//! each report a pure function from records, a period and a filter to
//! figures, with no words (the app says them in the reader's language).

pub mod dashboard;
pub mod period;

pub use dashboard::{change_percent, dashboard, ActivityDone, CustomerSince, Dashboard, Figures, Filter, Inputs};
pub use period::{Period, Preset};
