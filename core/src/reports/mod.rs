//! What managers read, computed on the device from everything it holds:
//! each report a pure function from records, a period and a filter to
//! figures — how the pipeline stands, how much customers are worth and
//! who is slipping away — with no words (the app says them in the
//! reader's language).

mod acquisition;
pub mod dashboard;
mod dormant;
mod facts;
mod filter;
pub mod lifetime;
pub mod lost;
mod open_sales;
pub mod period;
mod products;
mod ranking;
pub mod rfm;
mod segments;
mod stats;
mod team;
#[cfg(test)]
mod test_data;
mod win_rates;

pub use acquisition::{acquisition, Buyers, MonthBuyers};
pub use dashboard::{change_percent, dashboard, Dashboard, Figures, Inputs};
pub use facts::{Activities, ActivityDone, Answered, ComplaintFacts, CustomerFacts, TaskPlanned};
pub use dormant::{dormant, win_back_tasks, DormantCustomer, LastPurchase, Quiet};
pub use filter::Filter;
pub use lost::{lost_deals, LostBy, LostDeals, LostGroup};
pub use open_sales::{open_sales, FunnelStep, OpenGroup, OpenSales, StageRow};
pub use period::{Period, Preset};
pub use products::{products, ProductBy, ProductRow};
pub use ranking::{ranking, CustomerValue, ParetoPoint, Ranking};
pub use segments::{churn_risk, outlook, segmentation, won_purchases, Outlook, Segmentation, WonPurchases};
pub use team::{team_activity, WeekRow};
pub use win_rates::{win_rates, WinBy, WinGroup};

