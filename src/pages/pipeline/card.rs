//! One deal on the board: customer, amount, next step and a rotting warning.
//! It re-renders only when its own deal changes.

use super::drag::Dnd;
use crate::browser_env::today;
use crate::state::AppState;
use daftar_core::locale::{format_date, format_money};
use daftar_core::pipeline::Deal;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Height of a card's row on the board (the virtual list's row height).
pub const CARD_ROW_PX: f64 = 140.0;

#[derive(Clone, Debug, PartialEq)]
struct Shown {
    title: String,
    customer: String,
    amount: String,
    next: Option<(String, bool)>,
    rotting_days: Option<i64>,
    stage: String,
}

fn shown(state: &AppState, deal: &Deal, rotting: bool, now: i64) -> Shown {
    let lang = state.lang.get_untracked();
    let customer = state.customers.with_untracked(|ix| ix.row(&deal.customer_id).map(|r| r.name.clone())).unwrap_or_default();
    let next = (!deal.next_step.is_empty() || deal.next_step_on.is_some()).then(|| {
        let when = deal.next_step_on.map(|d| format_date(d, lang)).unwrap_or_default();
        let overdue = deal.next_step_on.is_some_and(|d| d < today());
        (format!("{} {}", deal.next_step, when).trim().to_string(), overdue)
    });
    Shown {
        title: deal.title.clone(),
        customer,
        amount: if deal.amount == 0 { String::new() } else { format_money(deal.amount, deal.currency, lang) },
        next,
        rotting_days: rotting.then(|| deal.days_in_stage(now)),
        stage: deal.stage.clone(),
    }
}

#[component]
pub fn DealCard(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dnd = expect_context::<Dnd>();
    let navigate = use_navigate();
    let t = move || state.t();
    let sales = state.sales();
    // Every change to any deal reaches every card: a cheap check first (a
    // stored write bumps the revision, a move shown before it is stored adds
    // a step), and the card's texts are built again only when its deal changed.
    let version = Memo::new({
        let id = id.clone();
        move |_| sales.with(|s| s.as_ref().and_then(|s| s.deals.get(&id)).map(|e| (e.rev, e.fields.steps.len())))
    });
    let card = Memo::new({
        let id = id.clone();
        move |_| {
            version.track();
            state.lang.track();
            let now = js_sys::Date::now() as i64;
            sales.with_untracked(|s| {
                let s = s.as_ref()?;
                let e = s.deals.get(&id)?;
                let rotting = s.pipeline(&e.fields.pipeline_id).is_some_and(|p| e.fields.is_rotting(p, now));
                Some(shown(&state, &e.fields, rotting, now))
            })
        }
    });
    let stage = move || card.with(|c| c.as_ref().map(|c| c.stage.clone()).unwrap_or_default());
    let lifted = {
        let id = id.clone();
        move || dnd.carrying(&id)
    };
    let on_down = {
        let id = id.clone();
        move |ev: web_sys::PointerEvent| dnd.pointer_down(&ev, &id, &stage())
    };
    let href = format!("/deals/{id}");
    let on_click = {
        let href = href.clone();
        move |ev: web_sys::MouseEvent| {
            ev.prevent_default();
            if !dnd.take_swallowed_click() {
                navigate(&href, Default::default());
            }
        }
    };
    let on_key = {
        let id = id.clone();
        move |ev: web_sys::KeyboardEvent| {
            let rtl = state.lang.get_untracked().is_rtl();
            if dnd.key(&ev, &id, &stage(), rtl) {
                ev.prevent_default();
            }
        }
    };
    view! {
        <a class="deal-card" class:lifted=lifted href=href data-deal-id=id.clone() data-testid="deal-card"
            aria-roledescription=move || t().pipeline.card_role_description
            on:pointerdown=on_down on:click=on_click on:keydown=on_key on:blur={let id = id.clone(); move |_| dnd.blurred(&id)}
            on:contextmenu=|ev| ev.prevent_default() draggable="false">
            {move || card.get().map(|c| view! {
                <span class="deal-title">{c.title}</span>
                <span class="deal-customer muted"><bdi>{c.customer}</bdi></span>
                <span class="deal-amount">{c.amount}</span>
                <span class="deal-foot">
                    {c.next.map(|(text, overdue)| view! { <span class="deal-next" class:overdue=overdue>{text}</span> })}
                    {c.rotting_days.map(|days| view! {
                        <span class="badge rot" data-testid="rotting">{move || t().pipeline.rotting_days(days as i64)}</span>
                    })}
                </span>
            })}
        </a>
    }
}
