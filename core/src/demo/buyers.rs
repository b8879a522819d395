//! A won-deal history that follows the lifetime models' own story — each
//! buyer buys at their own pace until they drop out — so a fit over it has
//! the spread a real history has. The segments' benchmarks fit it for
//! 50,000 buyers on the host and in the browser.

use crate::env::SplitMix64;
use crate::pipeline::{Deal, Status};
use crate::store::Envelope;
use chrono::{Days, NaiveDate};

/// `buyers` buyers' won deals from 2025-01-01 up to `until`, about three
/// each; the same arguments give the same deals.
pub fn buyer_history(buyers: usize, until: NaiveDate) -> Vec<Envelope<Deal>> {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let mut rng = SplitMix64(0x5EED_B0B5);
    let mut unit = move || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let mut deals = Vec::new();
    for customer in 0..buyers {
        // Their own pace, one purchase every 30 to 300 days, and their own
        // chance to drop out after each, 2 to 42 %.
        let gap = 30.0 + unit() * 270.0;
        let drop_out = 0.02 + 0.4 * unit().powi(2);
        let mut day = start + Days::new((unit() * 600.0) as u64);
        while day <= until {
            let amount = (1_000_000.0 * (0.5 + unit() * 2.0)) as i64;
            let fields = Deal { customer_id: format!("c{customer}"), status: Status::Won, closed_on: Some(day), amount, ..Default::default() };
            deals.push(Envelope { kind: "deal".into(), id: format!("d{}", deals.len()), rev: 1, created_at: 0, updated_at: 0, deleted: false, fields });
            if unit() < drop_out {
                break;
            }
            day = day + Days::new((gap * (0.5 + unit())) as u64);
        }
    }
    deals
}
