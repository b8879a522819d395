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

/// What `work` returns, its time measured as `name`.
pub fn timed<T>(name: &'static str, work: impl FnOnce() -> T) -> T {
    let span = start(name);
    let out = work();
    span.end();
    out
}

/// A measure from navigation start to now: when a point of the start-up is reached.
pub fn reached(name: &str) {
    if let Some(perf) = performance() {
        let _ = perf.measure(name);
    }
}

fn start_mark(name: &str) -> String {
    format!("{name}:start")
}

pub(crate) fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Records how much memory the wasm module holds (its linear memory), so the
/// benchmark can report it beside the JavaScript heap.
pub fn mark_wasm_memory() {
    #[cfg(target_arch = "wasm32")]
    if let Some(perf) = performance() {
        use wasm_bindgen::JsCast;
        let bytes = core::arch::wasm32::memory_size(0) as f64 * 65_536.0;
        // `mark(name, {detail})` is still "unstable" in web-sys: called by name.
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"detail".into(), &bytes.into());
        if let Ok(mark) = js_sys::Reflect::get(&perf, &"mark".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = mark.call2(&perf, &"daftar:wasm-memory".into(), &options);
        }
    }
}
