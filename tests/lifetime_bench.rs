//! A benchmark, not a test (scripts/bench.sh runs it): the segments page's
//! work for 50,000 buyers in headless Chromium — RFM, then the lifetime fit
//! and outlooks — paced on the main thread as the page paces it, with the
//! longest task the browser saw.
//! Run: `cargo test -p daftar --target wasm32-unknown-unknown --release --test lifetime_bench -- --nocapture`
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use daftar::{sleep_ms, MainThread};
use daftar_core::demo::buyer_history;
use daftar_core::pace::Unpaced;
use daftar_core::reports::{outlook, segmentation, won_purchases, Filter};
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
async fn segments_for_50000_buyers() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let deals = buyer_history(50_000, today);
    let refs: Vec<_> = deals.iter().collect();
    let (mut reading, mut scoring, mut fitting, mut longest) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        // The building of the history ends its task before the watch starts.
        sleep_ms(50).await;
        let stop = watch_long_tasks();
        sleep_ms(0).await;
        // As the page does: the won deals read at once, the rest paced.
        let started = js_sys::Date::now();
        let pace = MainThread::new();
        let won = won_purchases(&refs, &Filter::default(), today, None);
        reading.push(js_sys::Date::now() - started);
        let segments = segmentation(won, today, &pace).await;
        scoring.push(js_sys::Date::now() - started);
        let outlooks = outlook(&segments, today, &pace).await.expect("a history of 50,000 buyers fits");
        fitting.push(js_sys::Date::now() - started);
        // Long-task entries arrive after their task: give them time.
        sleep_ms(200).await;
        longest.push(stop.call0(&JsValue::NULL).ok().and_then(|v| v.as_f64()).unwrap_or(f64::NAN));
        assert_eq!(outlooks.len(), 50_000);
    }
    // The baseline, and proof the watch sees long tasks: the same scoring
    // and fit unpaced, one task.
    sleep_ms(50).await;
    let stop = watch_long_tasks();
    sleep_ms(0).await;
    let started = js_sys::Date::now();
    let segments = segmentation(won_purchases(&refs, &Filter::default(), today, None), today, &Unpaced).await;
    let unpaced_outlooks = outlook(&segments, today, &Unpaced).await.expect("a history of 50,000 buyers fits");
    let unpaced = js_sys::Date::now() - started;
    sleep_ms(200).await;
    let unpaced_task = stop.call0(&JsValue::NULL).ok().and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    assert_eq!(unpaced_outlooks.len(), 50_000);
    let rounded = |v: &[f64]| v.iter().map(|x| x.round()).collect::<Vec<_>>();
    console_log!(
        "segments in the browser, 50,000 buyers, {} won deals, medians of {RUNS}: won deals read {:.0} ms {:?}, RFM (from the start) {:.0} ms {:?}, RFM + lifetime fit + outlooks {:.0} ms {:?}, longest task {:.0} ms {:?} (0: none over 50 ms); unpaced, once: {:.0} ms, its longest task {:.0} ms",
        deals.len(),
        median(reading.clone()),
        rounded(&reading),
        median(scoring.clone()),
        rounded(&scoring),
        median(fitting.clone()),
        rounded(&fitting),
        median(longest.clone()),
        rounded(&longest),
        unpaced,
        unpaced_task,
    );
}
