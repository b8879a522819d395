//! A benchmark, not a test (scripts/bench.sh runs it): the segments page's
//! lifetime fit for 50,000 buyers in headless Chromium, paced on the main
//! thread as the page paces it, with the longest task the browser saw.
//! Run: `cargo test -p daftar --target wasm32-unknown-unknown --release --test lifetime_bench -- --nocapture`
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use daftar::browser_env::{sleep_ms, MainThread};
use daftar_core::demo::buyer_history;
use daftar_core::reports::{outlook, segmentation, Filter};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function watch_long_tasks() {
  const seen = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration)));
  observer.observe({ type: 'longtask' });
  return () => { observer.disconnect(); return seen.length ? Math.max(...seen) : 0; };
}")]
extern "C" {
    /// Starts watching; the function returned stops and gives the longest
    /// task seen in milliseconds (0: none over 50 ms).
    fn watch_long_tasks() -> js_sys::Function;
}

const RUNS: usize = 5;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[wasm_bindgen_test]
async fn lifetime_fit_for_50000_buyers() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let deals = buyer_history(50_000, today);
    let refs: Vec<_> = deals.iter().collect();
    let (mut scoring, mut fitting, mut longest) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let started = js_sys::Date::now();
        let segments = segmentation(&refs, &Filter::default(), today, None);
        scoring.push(js_sys::Date::now() - started);
        // The scoring's own task ends before the watch starts.
        sleep_ms(50).await;
        let stop = watch_long_tasks();
        let started = js_sys::Date::now();
        let outlooks = outlook(&segments, today, &MainThread::new()).await.expect("a history of 50,000 buyers fits");
        fitting.push(js_sys::Date::now() - started);
        // Long-task entries arrive after their task: give them time.
        sleep_ms(200).await;
        longest.push(stop.call0(&JsValue::NULL).ok().and_then(|v| v.as_f64()).unwrap_or(f64::NAN));
        assert_eq!(outlooks.len(), 50_000);
    }
    console_log!(
        "lifetime in the browser, 50,000 buyers, {} won deals, {RUNS} runs: RFM median {:.0} ms (one task), paced fit + outlooks median {:.0} ms {:?}, longest task during the fit median {:.0} ms {:?} (0: none over 50 ms)",
        deals.len(),
        median(scoring.clone()),
        median(fitting.clone()),
        fitting.iter().map(|v| v.round()).collect::<Vec<_>>(),
        median(longest.clone()),
        longest.iter().map(|v| v.round()).collect::<Vec<_>>(),
    );
}
