//! Browser tests: how long work on the main thread gives way to the user.
//! Run with `cargo test -p daftar --target wasm32-unknown-unknown --test pace`.
#![cfg(target_arch = "wasm32")]

use daftar::{sleep_ms, MainThread};
use daftar_core::pace::Pace;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn press_a_key() {
    let key = web_sys::KeyboardEvent::new("keydown").expect("a keyboard event");
    web_sys::window().expect("a window").dispatch_event(&key).expect("dispatched");
}

/// `keys` keys 100 ms apart, as a user typing.
async fn type_keys(keys: u32) {
    for _ in 0..keys {
        press_a_key();
        sleep_ms(100).await;
    }
}

#[wasm_bindgen_test]
async fn background_work_waits_until_the_user_pauses() {
    let pace = MainThread::background();
    let started = js_sys::Date::now();
    wasm_bindgen_futures::spawn_local(type_keys(10));
    sleep_ms(50).await;
    pace.breathe().await;
    let resumed = js_sys::Date::now();
    // The last key comes at about 900 ms; the work goes on half a second
    // after it, not between the keys.
    assert!(resumed - started >= 1_350.0, "went on {} ms after typing started", resumed - started);

    // Once the user has paused, it does not wait again.
    sleep_ms(600).await;
    let before = js_sys::Date::now();
    pace.breathe().await;
    assert!(js_sys::Date::now() - before < 400.0, "waited although the user had paused");
}

#[wasm_bindgen_test]
async fn work_the_user_waits_for_goes_on_while_they_type() {
    let pace = MainThread::new();
    press_a_key();
    let before = js_sys::Date::now();
    pace.breathe().await;
    assert!(js_sys::Date::now() - before < 400.0, "the user's own work held back by their typing");
}

#[wasm_bindgen_test]
async fn background_work_waits_five_seconds_at_most() {
    let pace = MainThread::background();
    let started = js_sys::Date::now();
    // Seven seconds of keys: a user who never pauses for half a second.
    wasm_bindgen_futures::spawn_local(type_keys(70));
    sleep_ms(50).await;
    pace.breathe().await;
    let waited = js_sys::Date::now() - started;
    assert!((4_900.0..6_500.0).contains(&waited), "went on after {waited} ms");
    // Let the typing end before the next test.
    sleep_ms(2_500).await;
}
