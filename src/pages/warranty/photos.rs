//! Up to five photos of a claim, taken with the tablet's camera (or picked
//! from its gallery), downscaled on the device and stored in its database:
//! they are there offline and sync with the claim.

use crate::state::AppState;
use daftar_core::locale::localize_digits;
use daftar_core::warranty::claims::{downscaled_size, ClaimPhoto, MAX_PHOTOS};
use daftar_core::warranty::{CLAIM, CLAIM_PHOTO};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The longer side of a stored photo: enough to read a label or see a crack.
const MAX_SIDE: u32 = 1280;
const JPEG_QUALITY: f64 = 0.8;

#[wasm_bindgen(module = "/src/pages/warranty/photos.js")]
extern "C" {
    #[wasm_bindgen(js_name = openImage, catch)]
    async fn open_image(file: &web_sys::File) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = toJpeg, catch)]
    async fn to_jpeg(bitmap: &JsValue, width: u32, height: u32, quality: f64) -> Result<JsValue, JsValue>;
}

/// The file as a stored photo of the claim, or None if the browser cannot read it as an image.
async fn downscale(file: &web_sys::File, claim_id: &str) -> Option<ClaimPhoto> {
    let bitmap = open_image(file).await.ok()?;
    let size = |name: &str| js_sys::Reflect::get(&bitmap, &JsValue::from_str(name)).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
    let (width, height) = downscaled_size(size("width"), size("height"), MAX_SIDE);
    let data = to_jpeg(&bitmap, width, height, JPEG_QUALITY).await.ok()?.as_string()?;
    Some(ClaimPhoto { warranty_claim_id: claim_id.to_string(), mime: "image/jpeg".into(), data, width, height, taken_ms: js_sys::Date::now() as i64 })
}

#[component]
pub fn ClaimPhotos(claim_id: String, closed: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let claim_id = StoredValue::new(claim_id);
    let photos = LocalResource::new(move || {
        state.track_records();
        async move {
            let linked = state.linked_to(CLAIM, &claim_id.get_value()).await.unwrap_or_default();
            let mut photos: Vec<(daftar_core::store::Record, ClaimPhoto)> =
                linked.into_iter().filter(|r| r.kind == CLAIM_PHOTO).filter_map(|r| { let p = r.decode().ok()?; Some((r, p)) }).collect();
            photos.sort_by_key(|(_, p)| p.taken_ms);
            photos
        }
    });
    let count = move || photos.get().map(|p| p.len()).unwrap_or(0);
    let alert = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let add = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(files) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        input.set_value("");
        busy.set(true);
        alert.set(None);
        // Read now: the page may be left while the photos are still being saved.
        let claim_id = claim_id.get_value();
        leptos::task::spawn_local(async move {
            for file in files {
                let Some(photo) = downscale(&file, &claim_id).await else {
                    let _ = alert.try_set(Some(state.t_untracked().warranty.photo_unreadable.to_string()));
                    continue;
                };
                match state.add_claim_photo(&photo).await {
                    Ok(true) => {}
                    Ok(false) => {
                        let _ = alert.try_set(Some(state.t_untracked().warranty.photo_limit(MAX_PHOTOS as i64)));
                        break;
                    }
                    Err(e) => {
                        let _ = alert.try_set(Some(crate::i18n::store_error_text(&e, state.lang.get_untracked())));
                        break;
                    }
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let remove = move |record: daftar_core::store::Record| {
        leptos::task::spawn_local(async move {
            if let Err(e) = state.delete_record(&record).await {
                state.notify(crate::i18n::store_error_text(&e, state.lang.get_untracked()), None);
            }
        });
    };
    view! {
        <div class="card claim-photos" data-testid="claim-photos">
            <h2>{move || t().warranty.claim_photos}" "<span class="muted" data-testid="photo-count">{move || localize_digits(&format!("{}/{MAX_PHOTOS}", count()), state.lang.get())}</span></h2>
            <div class="photo-grid">
                {move || photos.get().unwrap_or_default().into_iter().map(|(record, p)| {
                    let src = format!("data:{};base64,{}", p.mime, p.data);
                    view! {
                        <figure class="photo" data-testid="claim-photo">
                            <img src=src alt=move || t().warranty.claim_photos width=p.width height=p.height/>
                            <Show when=move || !closed.get()>
                                <button type="button" class="btn ghost" on:click={let record = record.clone(); move |_| remove(record.clone())}>{move || t().delete}</button>
                            </Show>
                        </figure>
                    }
                }).collect_view()}
            </div>
            {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
            {move || (!closed.get() && count() < MAX_PHOTOS).then(|| view! {
                <label class="btn photo-take">
                    {move || if busy.get() { t().warranty.photo_saving } else { t().warranty.photo_take }}
                    <input type="file" accept="image/*" capture="environment" multiple=true class="visually-hidden"
                        disabled=move || busy.get() on:change=add data-testid="photo-input"/>
                </label>
            })}
        </div>
    }
}
