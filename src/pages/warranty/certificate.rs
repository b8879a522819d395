//! `/warranty/items/ID/certificate`: the warranty certificate to print and
//! hand over, in Persian or English whatever the screen's language, with a
//! QR code of the serial that the coverage check scans.

use super::{coverage_text, customer_name};
use crate::components::read_routed;
use crate::i18n::{labels, texts, Lang};
use crate::state::AppState;
use daftar_core::locale::{format_date, localize_digits};
use daftar_core::warranty::item::{certificate_number, InstalledItem};
use leptos::prelude::*;

#[component]
pub fn Certificate() -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = read_routed(|state, id| async move { state.stored::<InstalledItem>(&id).await.ok().map(|(record, item)| (record.id, item)) });
    let lang = RwSignal::new(state.lang.get_untracked());
    view! {
        <section class="page certificate-page" data-testid="certificate-page">
            <div class="actions no-print">
                {[Lang::Fa, Lang::En].map(|l| view! {
                    <button type="button" class="btn" aria-pressed=move || (lang.get() == l).to_string()
                        on:click=move |_| lang.set(l) data-testid=format!("certificate-{}", l.code())>{if l == Lang::Fa { "فارسی" } else { "English" }}</button>
                })}
                <button type="button" class="btn primary" data-testid="certificate-print"
                    on:click=move |_| { let _ = window().print(); }>{move || state.t().print}</button>
            </div>
            <Suspense fallback=move || view! { <p class="muted">{move || state.t().loading}</p> }>
                {move || loaded.get().map(|found| match found {
                    Some((id, item)) => view! { <CertificateSheet id item lang=lang.into()/> }.into_any(),
                    None => view! { <p class="muted">{move || state.t().warranty.item_gone}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn CertificateSheet(id: String, item: InstalledItem, lang: Signal<Lang>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(lang.get());
    let qr = crate::survey_page::qr_svg(&item.serial);
    let customer_id = item.customer_id.clone();
    let item = StoredValue::new(item);
    let date = move |d: Option<chrono::NaiveDate>| d.map(|d| format_date(d, lang.get())).unwrap_or_else(|| "—".into());
    let row = move |label: fn(&crate::i18n::Texts) -> &'static str, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! { <dt>{move || label(t())}</dt><dd>{value}</dd> }
    };
    let term = move || item.with_value(|i| localize_digits(&format!("{} ({})", i.term_months, labels::term_calendar(i.calendar, t())), lang.get()));
    view! {
        <article class="certificate" dir=move || lang.get().dir() lang=move || lang.get().code() data-testid="certificate">
            <header>
                <h1>{move || t().warranty.certificate_title}</h1>
                <p class="muted">{move || t().warranty.certificate_number}" "<span dir="ltr" data-testid="certificate-number">{certificate_number(&id)}</span></p>
            </header>
            <div class="certificate-body">
                <dl class="facts">
                    {row(|t| t.product, Box::new(move || item.with_value(|i| i.product_name.clone())))}
                    {row(|t| t.warranty.field_serial, Box::new(move || item.with_value(|i| i.serial.clone())))}
                    // Read as the list arrives: a certificate opened by its address may come first.
                    {row(|t| t.pipeline.field_customer, Box::new(move || customer_name(state, &customer_id)))}
                    {row(|t| t.warranty.item_sold_on, Box::new(move || date(item.with_value(|i| i.sold_on))))}
                    {row(|t| t.warranty.certificate_start, Box::new(move || date(item.with_value(InstalledItem::warranty_start))))}
                    {row(|t| t.warranty.certificate_until, Box::new(move || date(item.with_value(InstalledItem::covered_until))))}
                    {row(|t| t.warranty.item_term_months, Box::new(term))}
                    {row(|t| t.warranty.certificate_coverage, Box::new(move || coverage_text(item.with_value(|i| i.coverage), t())))}
                    {row(|t| t.warranty.item_transferable, Box::new(move || (if item.with_value(|i| i.transferable) { t().yes } else { t().no }).to_string()))}
                </dl>
                <div class="qr certificate-qr" role="img" aria-label=move || t().warranty.field_serial inner_html=qr data-testid="certificate-qr"></div>
            </div>
            {move || {
                let extensions = item.with_value(|i| i.extensions.clone());
                (!extensions.is_empty()).then(|| view! {
                    <h2>{move || t().warranty.item_extensions}</h2>
                    <ul>{extensions.into_iter().map(|e| view! {
                        <li>{move || t().warranty.item_extension_line(e.months as i64)}{move || t().part_separator}{move || coverage_text(e.coverage, t())}</li>
                    }).collect_view()}</ul>
                })
            }}
            {move || {
                let exclusions = item.with_value(|i| i.exclusions.clone());
                (!exclusions.is_empty()).then(|| view! {
                    <h2>{move || t().warranty.item_exclusions}</h2>
                    <ul>{exclusions.into_iter().map(|e| view! { <li><bdi>{e}</bdi></li> }).collect_view()}</ul>
                })
            }}
            <p class="certificate-terms">{move || t().warranty.certificate_terms}</p>
            <footer class="certificate-sign">
                <span>{move || t().warranty.certificate_seller_sign}</span>
                <span>{move || t().warranty.certificate_issued}" "{move || date(Some(crate::browser_env::today()))}</span>
            </footer>
        </article>
    }
}
