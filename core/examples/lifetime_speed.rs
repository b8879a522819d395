//! Measures the segments page's work for 50,000 buyers on the host (a
//! benchmark, not a test): the won deals read, RFM scores, then the BG/NBD +
//! Gamma–Gamma fit and every buyer's outlook, with the longest stretch of
//! work between two breaths (where the browser may yield the main thread),
//! over `demo::buyer_history`.
//! Run: `cargo run --release -p daftar-core --example lifetime_speed`
use chrono::NaiveDate;
use daftar_core::demo::buyer_history;
use daftar_core::pace::Pace;
use daftar_core::pipeline::Deal;
use daftar_core::reports::{outlook, segmentation, won_purchases, Filter};
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
    let (mut reading, mut scoring, mut fitting, mut stretches) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        let started = Instant::now();
        let won = won_purchases(&refs, &Filter::default(), today, None);
        reading.push(started.elapsed());
        let started = Instant::now();
        let pace = Stretches { last: Cell::new(started), longest: Cell::new(Duration::ZERO) };
        let segments = pollster::block_on(segmentation(won, today, &pace));
        scoring.push(started.elapsed());
        let outlooks = pollster::block_on(outlook(&segments, today, &pace)).expect("a history of 50,000 buyers fits");
        fitting.push(pace.last.get() - started);
        stretches.push(pace.longest.get());
        assert_eq!(outlooks.len(), 50_000);
    }
    for figures in [&mut reading, &mut scoring, &mut fitting, &mut stretches] {
        figures.sort();
    }
    println!(
        "50,000 buyers, {} won deals, medians of 5: won deals read (one pass) {:?}, RFM {:?}, RFM + lifetime fit + outlooks {:?} (of {:?}), longest stretch between breaths {:?} (of {:?})",
        deals.len(),
        reading[2],
        scoring[2],
        fitting[2],
        fitting,
        stretches[2],
        stretches
    );
}
