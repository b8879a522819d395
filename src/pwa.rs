//! Service-worker registration and the update prompt. The few lines of glue
//! are JavaScript because the service-worker API is promise- and event-heavy
//! and reads far more clearly there than through web-sys.

use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function register_sw(on_update) {
  if (!("serviceWorker" in navigator)) return;
  const watch = (reg) => {
    const announce = () => { if (reg.waiting && navigator.serviceWorker.controller) on_update(); };
    const follow = (w) => { if (w) w.addEventListener("statechange", () => { if (w.state === "installed") announce(); }); };
    announce();
    // A worker may already be installing when registration resolves.
    follow(reg.installing);
    reg.addEventListener("updatefound", () => follow(reg.installing));
    // A tablet can stay open for days: look for a new version whenever the
    // app comes back to the foreground.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") reg.update().catch(() => {});
    });
  };
  navigator.serviceWorker.register("/sw.js").then(watch).catch((e) => console.warn("service worker:", e));
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (window.__daftarUpdating && !reloading) { reloading = true; location.reload(); }
  });
}
export function apply_update() {
  window.__daftarUpdating = true;
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg && reg.waiting) reg.waiting.postMessage("daftar:skip-waiting"); else location.reload();
  });
}
"#)]
extern "C" {
    fn register_sw(on_update: &Closure<dyn Fn()>);
    fn apply_update();
}

pub fn register(state: AppState) {
    let on_update = Closure::<dyn Fn()>::new(move || state.update_ready.set(true));
    register_sw(&on_update);
    // Lives as long as the page: the worker may announce an update at any time.
    on_update.forget();
}

/// Activates the waiting version; the page reloads once it has taken over.
pub fn reload_into_update() {
    apply_update();
}
