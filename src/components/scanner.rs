//! Reading a QR code or barcode with the tablet's camera, where the browser
//! has a BarcodeDetector (Android Chrome, Safari); elsewhere no button shows
//! and the code is typed or pasted. Used for response codes and for serial
//! numbers (labels and warranty certificates).

use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/components/scanner.js")]
extern "C" {
    #[wasm_bindgen(js_name = canScan)]
    fn can_scan() -> bool;
    #[wasm_bindgen(js_name = scanOnce, catch)]
    async fn scan_once(video: &web_sys::HtmlElement, formats: js_sys::Array) -> Result<JsValue, JsValue>;
}

#[component]
pub fn ScanButton(formats: &'static [&'static str], on_code: Callback<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let scanning = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let start = move |_| {
        failed.set(false);
        scanning.set(true);
    };
    // Once the video element is on the page, the camera starts on it.
    Effect::new(move || {
        let Some(el) = video.get() else { return };
        let formats: js_sys::Array = formats.iter().map(|f| JsValue::from_str(f)).collect();
        leptos::task::spawn_local(async move {
            let result = scan_once(&el, formats).await;
            // The scanner may have been closed meanwhile.
            if scanning.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(v) => {
                    if let Some(code) = v.as_string() {
                        on_code.run(code);
                    }
                }
                Err(_) => failed.set(true),
            }
        });
    });
    let stop = move |_| {
        if let Some(el) = video.get_untracked() {
            let _ = el.set_attribute("data-stop", "1");
        }
        scanning.set(false);
    };
    can_scan().then(|| {
        view! {
            <div class="scanner">
                <Show when=move || scanning.get() fallback=move || view! {
                    <button type="button" class="btn" on:click=start data-testid="scan">{move || t().scan_with_camera}</button>
                }>
                    <video node_ref=video class="scanner-video" muted=true playsinline=true></video>
                    <p class="muted">{move || t().scan_hint}</p>
                    <button type="button" class="btn" on:click=stop>{move || t().cancel}</button>
                </Show>
                {move || failed.get().then(|| view! { <p class="field-error" role="alert">{move || t().camera_unavailable}</p> })}
            </div>
        }
    })
}
