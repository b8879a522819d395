//! The browser's clock and randomness, for core commands and the UI.

use daftar_core::env::Env;
use daftar_core::pace::Pace;
use std::cell::Cell;

pub struct BrowserEnv;

impl Env for BrowserEnv {
    fn now_ms(&self) -> i64 {
        js_sys::Date::now() as i64
    }

    fn random_bytes(&self) -> [u8; 16] {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok());
        if filled.is_none() {
            // Every browser that runs wasm has crypto; this only guards odd embeddings.
            for b in bytes.iter_mut() {
                *b = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        bytes
    }
}

/// Today on the device's clock and in its time zone.
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// Waits `ms` milliseconds on the browser's timer; `sleep_ms(0)` lets the
/// browser paint and handle input before work goes on.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the browser has painted the next frame: what must show at
/// once is on screen before slower work (a database write) starts.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    sleep_ms(0).await;
}

/// Now on the device's clock, as local wall-clock time to the minute (what
/// tasks are due in). One reading of the clock, so midnight cannot split it.
pub fn now_local() -> chrono::NaiveDateTime {
    ms_to_local(js_sys::Date::now() as i64)
}

/// A local wall-clock time as milliseconds since the epoch (the device's zone).
pub fn local_to_ms(at: chrono::NaiveDateTime) -> i64 {
    use chrono::{Datelike, Timelike};
    let d = js_sys::Date::new_with_year_month_day_hr_min_sec(at.year() as u32, at.month0() as i32, at.day() as i32, at.hour() as i32, at.minute() as i32, 0);
    d.get_time() as i64
}

/// Milliseconds since the epoch as local wall-clock time (the device's zone).
pub fn ms_to_local(ms: i64) -> chrono::NaiveDateTime {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), 0))
        .unwrap_or_default()
}

/// Fires a plain event named `name` on `window` (how the app tells the
/// page's own scripts, and itself, that something happened).
pub fn dispatch(name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = window.dispatch_event(&event);
    }
}

/// The page's origin (`https://host:port`): links the app hands out start here.
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Puts `text` on the clipboard; false when the browser refused (no
/// permission, or a page not served over https).
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else { return false };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Paces long work on the main thread: it is given back once a slice of
/// [`SLICE_MS`] is used, so taps and paints wait little and no task reaches
/// the 50 ms of a long task.
pub struct MainThread {
    since: Cell<f64>,
    /// Work nobody is waiting for: at each breath it also waits while the
    /// user is typing, tapping, dragging or scrolling.
    background: bool,
}

/// Leaves room under 50 ms for the stretch of work between two breaths
/// (up to 20 ms in Chromium for 50,000 buyers) that ends a slice late.
const SLICE_MS: f64 = 20.0;

impl MainThread {
    pub fn new() -> Self {
        Self { since: Cell::new(monotonic_ms()), background: false }
    }

    /// For reading what waits to be synced: it goes on once the user has
    /// paused for [`QUIET_MS`]. Slices of it between keystrokes held the
    /// customer search's p95 at 22 ms with sync set up, against 12 ms
    /// without (BENCHMARKS.md). A sync run reading a long outbox waits too;
    /// a short one (a few hundred saves) is read straight through.
    pub fn background() -> Self {
        watch_the_user();
        Self { since: Cell::new(monotonic_ms()), background: true }
    }
}

impl Pace for MainThread {
    async fn breathe(&self) {
        if self.background && until_the_user_pauses().await {
            self.since.set(monotonic_ms());
        }
        if monotonic_ms() - self.since.get() >= SLICE_MS {
            yield_now().await;
            self.since.set(monotonic_ms());
        }
    }
}

/// Milliseconds on a clock that never goes back (the wall clock may, when
/// the device sets its time, and a wait measured on it would stretch).
pub(crate) fn monotonic_ms() -> f64 {
    crate::perf::performance().map_or_else(js_sys::Date::now, |p| p.now())
}

/// The user counts as busy this long after their last keystroke, tap, drag
/// or scroll: longer than the gaps between keys when typing.
const QUIET_MS: f64 = 500.0;

thread_local! {
    /// When the user last did something ([`monotonic_ms`]).
    static LAST_INPUT: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Notes the user's input from now on, once per page: passive listeners in
/// the capture phase, so no handler can hide an event from them.
fn watch_the_user() {
    if WATCHING.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let note = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| LAST_INPUT.set(monotonic_ms()));
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(true);
    for event in ["keydown", "input", "pointerdown", "pointermove", "wheel", "scroll"] {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(event, wasm_bindgen::JsCast::unchecked_ref(note.as_ref()), &options);
    }
    note.forget();
}

/// Background work goes on for a slice after this long even if the user
/// never pauses (a mouse kept moving, a scroll that does not stop).
const LONGEST_WAIT_MS: f64 = 5_000.0;

/// Waits until the user has been still for [`QUIET_MS`], or for
/// [`LONGEST_WAIT_MS`]; true if it waited.
async fn until_the_user_pauses() -> bool {
    let started = monotonic_ms();
    let mut waited = false;
    loop {
        let now = monotonic_ms();
        let still = now - LAST_INPUT.get();
        if still >= QUIET_MS || now - started >= LONGEST_WAIT_MS {
            return waited;
        }
        waited = true;
        sleep_ms((QUIET_MS - still).ceil() as i32).await;
    }
}

/// Gives the thread back for one turn of the event loop (input and paint
/// may run), then goes on at once: a message, not a zero timeout, which
/// browsers stretch to 4 ms after a few in a row: 450 ms over 50,000
/// buyers' segments (BENCHMARKS.md).
pub(crate) async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            if channel.port2().post_message(&wasm_bindgen::JsValue::NULL).is_err() {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        }
        Err(_) => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
