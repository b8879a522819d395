//! Reports (گزارش‌ها): what managers read, computed on this device from
//! everything it holds, offline. The dashboard is the home; each report
//! shares the frame's period and filters.

mod acquisition;
mod bars;
mod dashboard;
mod dormant;
mod frame;
mod lost;
mod open_sales;
mod period_picker;
mod pickers;
mod products;
mod ranking;
mod routes;
mod segments;
mod table;
mod team;
mod win_rates;

pub use routes::{ReportRoutes, TAB};

use crate::areas::kind::KindView;
use crate::i18n::TextOf;
use daftar_core::locale::{format_money, format_number, Lang};
use crate::state::AppState;
use daftar_core::pipeline::{Deal, Sums, Totals};
use daftar_core::store::{Envelope, RecordKind};
use leptos::prelude::*;
use std::collections::HashMap;

/// A sum per currency in the reader's digits, the largest first (a Rial
/// sum and a dollar sum are never added); `0` when there is none.
fn money_text(totals: &Totals, pick: fn(&Sums) -> i64, lang: Lang) -> String {
    let lines: Vec<String> = totals.by_currency().iter().filter(|(_, s)| pick(s) != 0).map(|(c, s)| format_money(pick(s), *c, lang)).collect();
    if lines.is_empty() { format_number(0, lang) } else { lines.join(crate::i18n::texts(lang).part_separator) }
}

fn amount(sums: &Sums) -> i64 {
    sums.amount
}

/// A customer's name, tracked: after a reload the deals may be in memory
/// before the customer list, and the names fill in when it arrives. A
/// customer no longer on the list (deleted) shows by id.
fn customer_name(state: AppState, id: &str) -> String {
    state.customers.with(|c| c.row(id).map(|r| r.name.clone())).unwrap_or_else(|| if state.customers_loaded.get() { id.to_string() } else { String::new() })
}

/// A report over the deals in memory, timed as `name` and tracked (worked
/// out again when any deal changes); None while they load.
fn over_deals<T>(state: AppState, name: &'static str, report: impl FnOnce(&[&Envelope<Deal>]) -> T) -> Option<T> {
    crate::perf::timed(name, || {
        state.sales().with(|s| {
            s.as_ref().map(|s| {
                let deals: Vec<&Envelope<Deal>> = s.deals.iter().collect();
                report(&deals)
            })
        })
    })
}

/// When nothing counts in a report: how to tell, the words that say so and
/// their test id.
struct Empty<T> {
    when: fn(&T) -> bool,
    text: TextOf,
    testid: &'static str,
}

/// A report below its pickers: "loading" until it is worked out, its
/// `empty` words when nothing counts in it, else what `show` draws. Worded
/// again when the language changes.
fn report_body<T, V>(report: Signal<Option<T>>, empty: Option<Empty<T>>, show: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = expect_context::<AppState>();
    move || {
        let t = state.t();
        match report.get() {
            None => view! { <p class="muted">{t.reports.loading_reports}</p> }.into_any(),
            Some(r) => match &empty {
                Some(empty) if (empty.when)(&r) => view! { <p class="empty" data-testid=empty.testid>{(empty.text)(t)}</p> }.into_any(),
                _ => show(r).into_any(),
            },
        }
    }
}

/// What a report shows of each record of kind `T` (a competitor's name, a
/// product's name and category) by id, read again after any write: deals
/// keep ids, reports show names.
fn use_names<T, V>(pick: fn(T) -> V) -> Signal<HashMap<String, V>>
where
    T: RecordKind + serde::de::DeserializeOwned + 'static,
    V: Clone + Send + Sync + 'static,
{
    let state = expect_context::<AppState>();
    let names = LocalResource::new(move || {
        state.track_records();
        async move {
            let all = state.all_live(T::KIND).await.unwrap_or_default();
            all.iter().filter_map(|r| Some((r.id.clone(), pick(r.read::<T>().ok()?)))).collect::<HashMap<_, _>>()
        }
    });
    Signal::derive(move || names.get().unwrap_or_default())
}

/// Reports keep no records of their own: they read every other area's.
pub const KINDS: &[KindView] = &[];
