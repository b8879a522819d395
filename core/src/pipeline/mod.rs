//! The sales pipeline: pipelines with ordered stages, deals moving through
//! them, the board's and forecast's figures, and line items with margins.

mod board;
mod deal;
mod events;
mod forecast;
mod lines;
mod pipelines;
mod stage_use;

pub use board::{Column, DealBook, Filter, Sums, Totals};
pub use deal::{save as save_deal, validate, Deal, DealInput, MoveError, Status, Step, KIND as DEAL_KIND};
pub use events::DealEvent;
pub use stage_use::open_deals_in;
pub use forecast::{by_month, Month, MonthKey};
pub use lines::{totals as line_totals, LineItem, LineTotals};
pub use pipelines::{defaults, LostReasons, Pipeline, LOST_REASONS_ID, LOST_REASONS_KIND, Stage, KIND as PIPELINE_KIND, NEW_SALES, RENEWALS, SERVICE_UPSELL};
