//! Reports (گزارش‌ها): what managers read, computed on this device from
//! everything it holds, offline. The dashboard is the home; each report
//! shares the frame's period and filters.

mod dashboard;
mod frame;
mod lost;
mod period_picker;
mod routes;

pub use routes::{ReportRoutes, TAB};

use crate::areas::kind::KindView;

/// Reports keep no records of their own: they read every other area's.
pub const KINDS: &[KindView] = &[];
