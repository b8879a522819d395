//! What the reports' hand-made test cases are written with.

use crate::pipeline::{Deal, DEAL_KIND};
use crate::store::Envelope;
use chrono::{DateTime, NaiveDate};

/// A day of 2026.
pub fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

/// The UTC day of a moment: the tests' reader lives at Greenwich.
pub fn utc(ms: i64) -> NaiveDate {
    DateTime::from_timestamp_millis(ms).unwrap().date_naive()
}

/// A deal as the store hands it to a report.
pub fn stored(id: impl Into<String>, fields: Deal) -> Envelope<Deal> {
    Envelope { kind: DEAL_KIND.into(), id: id.into(), rev: 1, created_at: 0, updated_at: 0, deleted: false, fields }
}
