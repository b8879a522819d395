//! Measures global search's own work per keystroke on dataset L on the host
//! (a benchmark, not a test): the customers' list index and the index of
//! every other searched kind, each query typed a character at a time, each
//! keystroke refining the previous one's hits as the app does. The
//! browser figure (`tests/bench/search.mjs`) adds the drawing.
//! Run: `cargo run --release -p daftar-core --example search_speed`
use daftar_core::customers::{self, CustomerIndex};
use daftar_core::demo::{self, Size};
use daftar_core::env::SeededEnv;
use daftar_core::global_search::GlobalIndex;
use std::time::{Duration, Instant};

/// `tests/bench/search.mjs`'s queries.
const QUERIES: [&str; 9] = ["کریمی", "acme", "0912", "تهران vip", "sara", "پیگیری", "نصب دستگاه", "چاپگر", "DF1-0001"];

fn main() {
    let env = SeededEnv::new(42, 1_764_000_000_000);
    let records: Vec<_> = demo::batch(Size::L, 42, &env).writes.into_iter().map(|w| w.record).collect();
    let mut customers_ix = CustomerIndex::default();
    customers_ix.upsert(records.iter().filter(|r| r.kind == customers::KIND).cloned());
    let mut everything = GlobalIndex::default();
    everything.upsert(&records);
    println!("{} customers, {} other records", customers_ix.len(), everything.len());
    let mut per_key: Vec<Duration> = Vec::new();
    let mut first_keys: Vec<Duration> = Vec::new();
    for _ in 0..5 {
        for query in QUERIES {
            let (mut prev_customers, mut prev_other) = (None, None);
            for (n, (end, _)) in query.char_indices().skip(1).map(|(i, c)| (i, c)).chain([(query.len(), ' ')]).enumerate() {
                let typed = &query[..end];
                let started = Instant::now();
                let found_customers = customers_ix.search_from(typed, prev_customers.as_ref());
                let (groups, found) = everything.search(typed, 5, prev_other.as_ref());
                let took = started.elapsed();
                std::hint::black_box(groups);
                prev_customers = Some(found_customers);
                prev_other = Some(found);
                per_key.push(took);
                if n == 0 {
                    first_keys.push(took);
                }
            }
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let pct = |xs: &mut Vec<Duration>, p: f64| {
        xs.sort();
        ms(xs[((p / 100.0) * xs.len() as f64).ceil() as usize - 1])
    };
    println!("per keystroke (5 × {} keystrokes): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms", per_key.len() / 5, pct(&mut per_key, 50.0), pct(&mut per_key, 95.0), pct(&mut per_key, 100.0));
    println!("first keystroke of a query: median {:.2} ms, max {:.2} ms", pct(&mut first_keys, 50.0), pct(&mut first_keys, 100.0));
}
