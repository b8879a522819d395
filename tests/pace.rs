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

/// How long one breath of `pace` takes, in ms.
async fn one_breath(pace: &MainThread) -> f64 {
    let before = js_sys::Date::now();
    pace.breathe().await;
    js_sys::Date::now() - before
}

/// Starts typing `keys` keys, then takes a breath of background work: the
/// ms from the first key to the end of that breath.
async fn background_breath_while_typing(pace: &MainThread, keys: u32) -> f64 {
    wasm_bindgen_futures::spawn_local(type_keys(keys));
    sleep_ms(50).await;
    50.0 + one_breath(pace).await
}

#[wasm_bindgen_test]
async fn background_work_waits_until_the_user_pauses() {
    let pace = MainThread::background();
    let waited = background_breath_while_typing(&pace, 10).await;
    // The last key comes at about 900 ms; the work goes on half a second
    // after it, not between the keys.
    assert!(waited >= 1_350.0, "went on {waited} ms after typing started");

    // Once the user has paused, it does not wait again.
    sleep_ms(600).await;
    assert!(one_breath(&pace).await < 400.0, "waited although the user had paused");
}

#[wasm_bindgen_test]
async fn work_the_user_waits_for_goes_on_while_they_type() {
    press_a_key();
    assert!(one_breath(&MainThread::new()).await < 400.0, "the user's own work held back by their typing");
}

#[wasm_bindgen_test]
async fn background_work_waits_five_seconds_at_most() {
    // Seven seconds of keys: a user who never pauses for half a second.
    let waited = background_breath_while_typing(&MainThread::background(), 70).await;
    assert!((4_900.0..6_500.0).contains(&waited), "went on after {waited} ms");
    // Let the typing end before the next test.
    sleep_ms(2_500).await;
}
