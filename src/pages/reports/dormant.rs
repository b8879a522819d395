//! Customers who went quiet: no purchase and/or no activity for a number of
//! days, counted back from today, with when they last bought and for how
//! much. Pick some or all and plan a win-back task for each, in one write,
//! each in the inbox of the customer's own rep.

use super::customer_name;
use super::frame::Scope;
use super::table::ReportTable;
use crate::browser_env::today;
use crate::i18n::save_error_text;
use crate::state::AppState;
use daftar_core::locale::{format_date, format_money, format_number, localize_digits, to_ascii_digits, Lang};
use daftar_core::reports::{dormant, win_back_tasks, DormantCustomer, Quiet, TaskPlanned};
use leptos::prelude::*;
use std::collections::HashSet;

/// Rows added to the list per "show more".
const PAGE: usize = 50;

/// One rule: on or off, and its days as typed (in either digits).
#[derive(Clone, Copy)]
struct Rule {
    on: RwSignal<bool>,
    days: RwSignal<String>,
}

impl Rule {
    /// The days shown in the reader's digits.
    fn new(on: bool, days: u32, lang: Lang) -> Self {
        Rule { on: RwSignal::new(on), days: RwSignal::new(localize_digits(&days.to_string(), lang)) }
    }

    /// None when off or when the days are not a number.
    fn days(&self) -> Option<u32> {
        self.on.get().then(|| to_ascii_digits(self.days.get().trim()).parse().ok()).flatten()
    }
}

#[component]
pub fn DormantReport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let scope = expect_context::<Scope>();
    let lang = state.lang.get_untracked();
    let purchase = Rule::new(true, 90, lang);
    let activity = Rule::new(false, 60, lang);
    let found = Memo::new(move |_| {
        let rule = Quiet { no_purchase_days: purchase.days(), no_activity_days: activity.days() };
        let filter = scope.filter();
        crate::perf::timed("daftar:report-dormant", || {
            state.sales().with(|sales| {
                state.reports().with(|data| {
                    let (sales, data) = (sales.as_ref()?, data.as_ref()?);
                    let deals: Vec<_> = sales.deals.iter().collect();
                    let tasks: Vec<&TaskPlanned> = data.tasks.values().collect();
                    Some(dormant(data.customers.iter().map(|(id, c)| (id.as_str(), c)), &deals, &data.activities, &tasks, today(), rule, &filter))
                })
            })
        })
    });
    view! {
        <p class="muted" data-testid="dormant-from-today">{move || t().reports.counted_from_today}</p>
        <div class="report-filters dormant-rules">
            <RuleField rule=purchase id="dormant-purchase" label=|t| t.reports.no_purchase_for/>
            <RuleField rule=activity id="dormant-activity" label=|t| t.reports.no_activity_for/>
        </div>
        {move || {
            state.lang.track();
            match found.get() {
                _ if !purchase.on.get() && !activity.on.get() => view! { <p class="empty">{t().reports.rule_needed}</p> }.into_any(),
                None => view! { <p class="muted">{t().reports.loading_reports}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="empty" data-testid="dormant-none">{t().reports.dormant_none}</p> }.into_any(),
                Some(list) => view! { <DormantList list/> }.into_any(),
            }
        }}
    }
}

#[component]
fn RuleField(rule: Rule, id: &'static str, label: fn(&crate::i18n::Texts) -> &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="field rule-field">
            <label class="check">
                <input type="checkbox" prop:checked=move || rule.on.get() on:change=move |ev| rule.on.set(event_target_checked(&ev)) data-testid=format!("{id}-on")/>
                <span>{move || label(state.t())}</span>
            </label>
            <input id=id type="text" inputmode="numeric" dir="ltr" class="days-input" prop:value=move || rule.days.get()
                on:input=move |ev| rule.days.set(event_target_value(&ev)) disabled=move || !rule.on.get() aria-label=move || label(state.t()) data-testid=id/>
        </div>
    }
}

#[component]
fn DormantList(list: Vec<DormantCustomer>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.t_untracked();
    let lang = state.lang.get_untracked();
    let total = list.len();
    let list = StoredValue::new(list);
    let picked = RwSignal::new(HashSet::<String>::new());
    let shown = RwSignal::new(PAGE);
    let busy = RwSignal::new(false);
    let name = move |id: &str| customer_name(state, id);
    let plan = move |_| {
        let chosen: Vec<DormantCustomer> = picked.with_untracked(|p| list.with_value(|l| l.iter().filter(|c| p.contains(&c.customer_id)).cloned().collect()));
        let due = (today() + chrono::Days::new(1)).and_hms_opt(9, 0, 0).unwrap_or_default();
        let tasks = win_back_tasks(&chosen, |c| state.t_untracked().reports.win_back_title(&name(&c.customer_id)), due);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match state.create_tasks(&tasks).await {
                Ok(n) => {
                    picked.set(HashSet::new());
                    state.notify(state.t_untracked().reports.win_back_planned(n as i64), None);
                }
                Err(e) => state.notify(save_error_text(&e, state.lang.get_untracked()), None),
            }
            busy.set(false);
        });
    };
    let count = move || picked.with(HashSet::len);
    let purchase_text = move |c: &DormantCustomer| {
        c.last_purchase.as_ref().map_or_else(
            || t.reports.never_bought.to_string(),
            |p| format!("{}{}{}{}{}", format_date(p.day, lang), t.part_separator, format_money(p.amount, p.currency, lang), t.part_separator, t.customers.days_ago(c.days_quiet)),
        )
    };
    let activity_text = move |c: &DormantCustomer| c.last_activity.map_or_else(|| t.reports.no_activity_yet.to_string(), |d| format_date(d, lang));
    expect_context::<Scope>().publish(move || ReportTable {
        name: "dormant-customers",
        headers: [t.reports.customer, t.reports.owner, t.reports.last_purchase, t.reports.last_activity, t.reports.open_plan].map(String::from).to_vec(),
        rows: list.with_value(|l| l.iter().map(|c| vec![name(&c.customer_id), c.owner.clone(), purchase_text(c), activity_text(c), format_number(c.open_tasks as i64, lang)]).collect()),
    });
    view! {
        <p data-testid="dormant-count"><strong>{t.reports.dormant_count(total as i64)}</strong></p>
        <div class="report-action">
            // A customer with a task open already is someone's to follow up: not picked twice.
            <button type="button" class="btn" on:click=move |_| picked.set(list.with_value(|l| l.iter().filter(|c| c.open_tasks == 0).map(|c| c.customer_id.clone()).collect())) data-testid="dormant-select-all">{t.reports.select_without_task}</button>
            <button type="button" class="btn" on:click=move |_| picked.set(HashSet::new()) disabled=move || count() == 0>{t.reports.select_none}</button>
            <button type="button" class="btn primary" on:click=plan disabled=move || busy.get() || count() == 0 data-testid="plan-win-back">
                {move || state.t().reports.plan_win_back(count() as i64)}
            </button>
        </div>
        <table class="data-table report-table" data-testid="dormant-table">
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{t.reports.select_all}</span></th>
                <th scope="col">{t.reports.customer}</th>
                <th scope="col">{t.reports.owner}</th>
                <th scope="col">{t.reports.last_purchase}</th>
                <th scope="col">{t.reports.last_activity}</th>
                <th scope="col" class="num">{t.reports.open_plan}</th>
            </tr></thead>
            <tbody>
                {move || list.with_value(|l| l.iter().take(shown.get()).cloned().collect::<Vec<_>>()).into_iter().map(|c| {
                    let id = c.customer_id.clone();
                    let toggle = { let id = id.clone(); move |ev| { let on = event_target_checked(&ev); picked.update(|p| { if on { p.insert(id.clone()); } else { p.remove(&id); } }) } };
                    view! {
                        <tr data-testid="dormant-customer">
                            <td><label class="row-pick"><input type="checkbox" prop:checked={ let id = id.clone(); move || picked.with(|p| p.contains(&id)) } on:change=toggle aria-label=name(&id) data-testid="dormant-pick"/></label></td>
                            <td><a href=format!("/customers/{id}")><bdi>{name(&id)}</bdi></a></td>
                            <td><bdi>{c.owner.clone()}</bdi></td>
                            <td><bdi>{purchase_text(&c)}</bdi></td>
                            <td>{activity_text(&c)}</td>
                            <td class="num" data-testid="dormant-open-tasks">{format_number(c.open_tasks as i64, lang)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Show when=move || shown.get() < total>
            <button type="button" class="btn" on:click=move |_| shown.update(|n| *n += PAGE) data-testid="dormant-more">{t.reports.show_more}</button>
        </Show>
    }
}
