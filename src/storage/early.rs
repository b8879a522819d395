//! What index.html read from the database while the app was still loading:
//! the customer list's snapshot, the first thing every start needs. Reading
//! 13 MB (dataset L) then overlaps the wasm download and compile.

use super::{cache_key, cache_text};
use daftar_core::store::SCHEMA_VERSION;
use wasm_bindgen::{JsCast, JsValue};

/// Set on `window` by index.html: a promise of `{ version, key, value }`,
/// or of nothing when there was no database or the read failed.
const EARLY_READ: &str = "daftarEarlyRead";

/// The cache value `name` as index.html read it, taken once. None when it
/// read nothing (a first start, another key) or a database of another
/// schema version (this start upgrades it): then read it from the store.
pub async fn early_cache(name: &str) -> Option<Option<String>> {
    let window = web_sys::window()?;
    let slot = JsValue::from_str(EARLY_READ);
    let promise = js_sys::Reflect::get(&window, &slot).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &slot);
    let early = wasm_bindgen_futures::JsFuture::from(promise).await.ok().filter(JsValue::is_object)?;
    let field = |name: &str| js_sys::Reflect::get(&early, &JsValue::from_str(name)).ok();
    let same_schema = field("version")?.as_f64() == Some(f64::from(SCHEMA_VERSION));
    if !same_schema || field("key")?.as_string()? != cache_key(name) {
        return None;
    }
    Some(cache_text(field("value")?))
}
