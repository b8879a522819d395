//! User Timing marks (`performance.measure`) around the work users wait for.
//! They show in the browser's performance panel and the benchmark reads them;
//! each costs a few microseconds.

pub struct Span(&'static str);

pub fn start(name: &'static str) -> Span {
    if let Some(perf) = performance() {
        let _ = perf.mark(&start_mark(name));
    }
    Span(name)
}

impl Span {
    pub fn end(self) {
        if let Some(perf) = performance() {
            let _ = perf.measure_with_start_mark(self.0, &start_mark(self.0));
        }
    }
}

fn start_mark(name: &str) -> String {
    format!("{name}:start")
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}
