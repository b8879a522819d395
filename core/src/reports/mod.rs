//! What managers read, computed on the device from everything it holds:
//! each report a pure function from records, a period and a filter to
//! figures — how the pipeline stands, how much customers are worth and
//! who is slipping away — with no words (the app says them in the
//! reader's language).

pub mod dashboard;
mod dormant;
mod filter;
pub mod lifetime;
pub mod lost;
mod open_sales;
pub mod period;
mod ranking;
pub mod rfm;
mod segments;
mod stats;
mod team;
mod win_rates;

pub use dashboard::{change_percent, dashboard, ActivityDone, CustomerSince, Dashboard, Figures, Inputs};
pub use dormant::{dormant, win_back_tasks, DormantCustomer, LastPurchase, Quiet};
pub use filter::Filter;
pub use lost::{lost_deals, LostBy, LostDeals, LostGroup};
pub use open_sales::{open_sales, FunnelStep, OpenGroup, OpenSales, StageRow};
pub use period::{Period, Preset};
pub use ranking::{ranking, CustomerValue, ParetoPoint, Ranking};
pub use segments::{churn_risk, outlook, segmentation, Outlook, Segmentation};
pub use team::{team_activity, TaskPlanned, WeekRow};
pub use win_rates::{win_rates, WinBy, WinGroup};
