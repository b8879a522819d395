//! Measures the segments page's work for 50,000 buyers on the host (a
//! benchmark, not a test): RFM scores, then the BG/NBD + Gamma–Gamma fit and
//! every buyer's outlook. Purchases follow the models' own story — each
//! buyer buys at their own pace until they drop out — so the fit has the
//! spread a real history has.
//! Run: `cargo run --release -p daftar-core --example lifetime_speed`
use chrono::{Days, NaiveDate};
use daftar_core::pipeline::{Deal, Status};
use daftar_core::reports::{outlook, segmentation, Filter};
use daftar_core::store::Envelope;
use std::time::Instant;

/// xorshift: enough spread for a benchmark, no crate.
struct Rng(u64);
impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn main() {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut deals = Vec::new();
    for customer in 0..50_000 {
        // Their own pace, one purchase every 30 to 300 days, and their own
        // chance to drop out after each, 2 to 42 %.
        let gap = 30.0 + rng.unit() * 270.0;
        let drop_out = 0.02 + 0.4 * rng.unit().powi(2);
        let mut day = start + Days::new((rng.unit() * 600.0) as u64);
        while day <= today {
            let amount = (1_000_000.0 * (0.5 + rng.unit() * 2.0)) as i64;
            let fields = Deal { customer_id: format!("c{customer}"), status: Status::Won, closed_on: Some(day), amount, ..Default::default() };
            deals.push(Envelope { kind: "deal".into(), id: format!("d{}", deals.len()), rev: 1, created_at: 0, updated_at: 0, deleted: false, fields });
            if rng.unit() < drop_out {
                break;
            }
            day = day + Days::new((gap * (0.5 + rng.unit())) as u64);
        }
    }
    let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
    let (mut scoring, mut fitting) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let started = Instant::now();
        let segments = segmentation(&refs, &Filter::default(), today, None);
        scoring.push(started.elapsed());
        let started = Instant::now();
        let outlooks = outlook(&segments, today).expect("a history of 50,000 buyers fits");
        fitting.push(started.elapsed());
        assert_eq!(outlooks.len(), 50_000);
    }
    scoring.sort();
    fitting.sort();
    println!("50,000 buyers, {} won deals: RFM median {:?}, lifetime fit + outlooks median {:?} (of {:?})", deals.len(), scoring[2], fitting[2], fitting);
}
