//! Measures the segments page's work for 50,000 buyers on the host (a
//! benchmark, not a test): RFM scores, then the BG/NBD + Gamma–Gamma fit and
//! every buyer's outlook, with the longest stretch of work between two of
//! its breaths (where the browser may yield the main thread), over
//! `demo::buyer_history`.
//! Run: `cargo run --release -p daftar-core --example lifetime_speed`
use chrono::NaiveDate;
use daftar_core::demo::buyer_history;
use daftar_core::pace::Pace;
use daftar_core::pipeline::Deal;
use daftar_core::reports::{outlook, segmentation, Filter};
use daftar_core::store::Envelope;
use std::cell::Cell;
use std::time::{Duration, Instant};

/// Never pauses; keeps the longest time between two breaths.
struct Stretches {
    last: Cell<Instant>,
    longest: Cell<Duration>,
}

impl Pace for Stretches {
    async fn breathe(&self) {
        let now = Instant::now();
        self.longest.set(self.longest.get().max(now - self.last.get()));
        self.last.set(now);
    }
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let deals = buyer_history(50_000, today);
    let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
    let (mut scoring, mut fitting, mut stretches) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        let started = Instant::now();
        let segments = segmentation(&refs, &Filter::default(), today, None);
        scoring.push(started.elapsed());
        let started = Instant::now();
        let pace = Stretches { last: Cell::new(started), longest: Cell::new(Duration::ZERO) };
        let outlooks = pollster::block_on(outlook(&segments, today, &pace)).expect("a history of 50,000 buyers fits");
        fitting.push(started.elapsed());
        stretches.push(pace.longest.get());
        assert_eq!(outlooks.len(), 50_000);
    }
    scoring.sort();
    fitting.sort();
    stretches.sort();
    println!(
        "50,000 buyers, {} won deals: RFM median {:?}, lifetime fit + outlooks median {:?} (of {:?}), longest stretch between breaths median {:?} (of {:?})",
        deals.len(),
        scoring[2],
        fitting[2],
        fitting,
        stretches[2],
        stretches
    );
}
