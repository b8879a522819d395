//! One deal: its form (customer, stage, amount or line items, dates, next
//! step, competitors), its history with the time spent in each stage, and
//! won / lost / reopen. Also the deals card on the customer page and the
//! deal's lines on the customer timeline.

use super::close::{CloseDialog, Closing};
use super::lines::LinesEditor;
use crate::components::{asked, date_text, delete_with_undo, read_date, record_route, CustomerPicker, DateField, FormAlert, FormStatus, SaveButton, TextField};
use crate::i18n::{local_datetime, Lang, Texts};
use crate::state::AppState;
use crate::timeline::item::Item;
use daftar_core::check::Field;
use daftar_core::locale::{format_money, Currency};
use daftar_core::pipeline::{Deal, DealEvent, DealInput, Status};
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// New deal: `/deals/new?p=PIPELINE&customer=ID`; edit: `/deals/ID`.
#[component]
pub fn DealEdit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (_, ready) = super::use_sales();
    // Once shown, the form stays: deals reloaded after another tab's big
    // write must not wipe what is being typed.
    let shown = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || ready.get());
    move || match shown.get() {
        true => record_route::<Deal, _>(|t| t.not_found, ("/pipeline", |t| t.nav_pipeline), |existing| view! { <DealForm existing/> }).into_any(),
        false => view! { <p class="muted">{move || state.t().loading}</p> }.into_any(),
    }
}

#[component]
fn DealForm(existing: Option<(Record, Deal)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let navigate = use_navigate();
    let deal = existing.as_ref().map(|(_, deal)| deal.clone());
    let input = deal.as_ref().map(|d| DealInput::from_deal(d, lang)).unwrap_or_else(|| {
        let asked_pipeline = asked("p");
        let (pipeline_id, stage) = state.sales().with_untracked(|s| {
            let s = s.as_ref()?;
            let (id, p) = s.pipelines.iter().find(|(id, _)| *id == asked_pipeline).or_else(|| s.pipelines.first())?;
            Some((id.clone(), p.first_stage()?.id.clone()))
        }).unwrap_or_default();
        DealInput {
            customer_id: asked("customer"),
            owner: state.my_name_untracked(),
            currency: state.currency.get_untracked(),
            pipeline_id,
            stage,
            ..Default::default()
        }
    });
    let title = RwSignal::new(input.title);
    let customer = RwSignal::new(input.customer_id);
    let contact = RwSignal::new(input.contact_id);
    // The chosen customer's contacts, to name who the deal is with.
    let contacts = LocalResource::new(move || {
        let customer_id = customer.get();
        async move {
            if customer_id.is_empty() {
                return Vec::new();
            }
            let linked = state.linked_to(daftar_core::customers::KIND, &customer_id).await.unwrap_or_default();
            linked.iter().filter(|r| r.kind == daftar_core::contacts::KIND).filter_map(|r| Some((r.id.clone(), r.decode::<daftar_core::contacts::Contact>().ok()?.name))).collect::<Vec<_>>()
        }
    });
    let owner = RwSignal::new(input.owner);
    let amount = RwSignal::new(input.amount);
    let currency = RwSignal::new(input.currency);
    let close = RwSignal::new(date_text(input.expected_close, lang));
    let close_bad = RwSignal::new(false);
    let source = RwSignal::new(input.source);
    let pipeline_id = RwSignal::new(input.pipeline_id);
    let stage = RwSignal::new(input.stage);
    let next_step = RwSignal::new(input.next_step);
    let next_on = RwSignal::new(date_text(input.next_step_on, lang));
    let next_bad = RwSignal::new(false);
    let notes = RwSignal::new(input.notes);
    let lines = RwSignal::new(input.lines);
    let competitors = RwSignal::new(input.competitor_ids);
    let form = FormStatus::new();
    let errors = form.errors;
    let closing = RwSignal::new(None::<Closing>);
    let is_new = existing.is_none();
    let id = existing.as_ref().map(|(r, _)| r.id.clone()).unwrap_or_default();
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let back = move || format!("/pipeline?p={}", pipeline_id.get_untracked());
    let stages = move || state.sales().with(|s| s.as_ref().and_then(|s| s.pipeline(&pipeline_id.get())).map(|p| p.stages.iter().map(|s| (s.id.clone(), s.name.clone())).collect::<Vec<_>>()).unwrap_or_default());
    let pipelines = move || state.sales().with(|s| s.as_ref().map(|s| s.pipelines.iter().map(|(id, p)| (id.clone(), p.name.clone())).collect::<Vec<_>>()).unwrap_or_default());
    let competitor_list = LocalResource::new(move || async move {
        state.all_live(daftar_core::catalog::COMPETITOR).await.unwrap_or_default().iter().filter_map(|r| Some((r.id.clone(), r.decode::<daftar_core::catalog::Competitor>().ok()?.name))).collect::<Vec<_>>()
    });
    let submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lang = state.lang.get_untracked();
            let (Ok(expected_close), Ok(next_step_on)) = (read_date(close, close_bad, lang), read_date(next_on, next_bad, lang)) else { return };
            let input = DealInput {
                title: title.get_untracked(),
                customer_id: customer.get_untracked(),
                contact_id: contact.get_untracked(),
                owner: owner.get_untracked(),
                amount: amount.get_untracked(),
                currency: currency.get_untracked(),
                expected_close,
                source: source.get_untracked(),
                pipeline_id: pipeline_id.get_untracked(),
                stage: stage.get_untracked(),
                competitor_ids: competitors.get_untracked(),
                next_step: next_step.get_untracked(),
                next_step_on,
                notes: notes.get_untracked(),
                lines: lines.get_untracked(),
            };
            let navigate = navigate.clone();
            // Read now: after the save the page, and its signals, may be gone.
            let to = back();
            form.save(state, |t| t.pipeline.deal_saved, async move { state.save_deal(existing.get_value().as_ref(), &input).await }, move |_| navigate(&to, Default::default()));
        }
    };
    let delete = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            if let Some(prev) = existing.get_value() {
                let to = back();
                delete_with_undo(state, prev, |t| t.pipeline.deal_deleted, move || navigate(&to, Default::default()));
            }
        }
    };
    let status = deal.as_ref().map(|d| d.status);
    // Back on the board, open again in its stage (the form would hold the
    // closed deal's revision, so it is left rather than kept open).
    let reopen = {
        let (id, navigate) = (id.clone(), navigate.clone());
        move |_| {
            let (id, navigate) = (id.clone(), navigate.clone());
            let to = back();
            leptos::task::spawn_local(async move {
                match state.move_deal(&id, &stage.get_untracked()).await {
                    Ok(()) => {
                        state.notify(state.t_untracked().pipeline.deal_reopened.to_string(), None);
                        navigate(&to, Default::default());
                    }
                    Err(e) => state.notify(super::move_failure_text(&e, state), None),
                }
            });
        }
    };
    let closing_id = id.clone();
    view! {
        <section class="page form-page">
            <h1>{move || if is_new { t().pipeline.new_deal } else { t().pipeline.edit_deal }}</h1>
            {status.filter(|s| *s != Status::Open).map(|s| view! {
                <p class="warning" data-testid="deal-status">{move || if s == Status::Won { t().pipeline.deal_won } else { t().pipeline.deal_lost }}
                    <button type="button" class="btn" on:click=reopen.clone() data-testid="reopen">{move || t().reopen}</button>
                </p>
            })}
            <form on:submit=submit novalidate data-testid="deal-form">
                <FormAlert status=form/>
                <TextField errors=errors id="deal-title" label=|t| t.field_title value=title field=Field::Subject required=true/>
                <CustomerPicker id="deal-customer" chosen=customer errors=errors/>
                {move || contacts.get().filter(|c| !c.is_empty()).map(|list| view! {
                    <div class="field">
                        <label for="deal-contact">{move || t().field_contact}</label>
                        <select id="deal-contact" on:change=move |ev| contact.set(event_target_value(&ev))>
                            <option value="">{move || t().no_contact}</option>
                            {list.into_iter().map(|(id, name)| view! { <option value=id.clone() selected=contact.get_untracked() == id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="row2">
                    <div class="field">
                        <label for="deal-pipeline">{move || t().nav_pipeline}</label>
                        <select id="deal-pipeline" prop:value=move || pipeline_id.get() on:change=move |ev| {
                            pipeline_id.set(event_target_value(&ev));
                            stage.set(stages().first().map(|s| s.0.clone()).unwrap_or_default());
                        }>
                            {move || pipelines().into_iter().map(|(id, name)| view! { <option value=id.clone() selected=pipeline_id.get_untracked() == id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="deal-stage">{move || t().pipeline.field_stage}</label>
                        <select id="deal-stage" prop:value=move || stage.get() on:change=move |ev| stage.set(event_target_value(&ev)) data-testid="deal-stage">
                            {move || stages().into_iter().map(|(id, name)| view! { <option value=id.clone() selected=stage.get_untracked() == id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="row2">
                    <Show when=move || lines.with(Vec::is_empty) fallback=move || view! {
                        <p class="field muted">{move || t().pipeline.amount_from_lines}</p>
                    }>
                        <TextField errors=errors id="deal-amount" label=|t| t.pipeline.field_amount value=amount field=Field::Amount inputmode="decimal" ltr=true/>
                    </Show>
                    <div class="field">
                        <label for="deal-currency">{move || t().currency}</label>
                        <select id="deal-currency" disabled=move || lines.with(|l| !l.is_empty()) on:change=move |ev| if let Some(c) = Currency::from_code(&event_target_value(&ev)) { currency.set(c) }>
                            {Currency::ALL.into_iter().map(|c| view! { <option value=c.code() selected=currency.get_untracked() == c>{move || c.name(state.lang.get())}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="row2">
                    <DateField id="deal-close" label=|t| t.pipeline.field_expected_close value=close invalid=close_bad/>
                    <TextField errors=errors id="deal-owner" label=|t| t.field_owner value=owner field=Field::Other/>
                </div>
                <div class="row2">
                    <TextField errors=errors id="deal-next" label=|t| t.activities.field_next_step value=next_step field=Field::Other/>
                    <DateField id="deal-next-on" label=|t| t.pipeline.field_next_step_on value=next_on invalid=next_bad/>
                </div>
                <TextField errors=errors id="deal-source" label=|t| t.pipeline.field_deal_source value=source field=Field::Other/>
                <LinesEditor lines=lines currency=currency/>
                {move || competitor_list.get().filter(|c| !c.is_empty()).map(|list| view! {
                    <fieldset class="field">
                        <legend>{move || t().pipeline.competitors}</legend>
                        {list.into_iter().map(|(cid, name)| {
                            let (a, b) = (cid.clone(), cid.clone());
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || competitors.with(|c| c.contains(&a))
                                        on:change=move |ev| { let on = event_target_checked(&ev); competitors.update(|c| { c.retain(|x| *x != b); if on { c.push(b.clone()) } }) }/>
                                    <bdi>{name}</bdi>
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                })}
                <TextField errors=errors id="deal-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
                <div class="actions">
                    <SaveButton status=form testid="deal-save"/>
                    <Show when=move || !is_new && status == Some(Status::Open)>
                        <button type="button" class="btn" on:click={let id = closing_id.clone(); move |_| closing.set(Some(Closing::won(id.clone())))} data-testid="deal-won">{move || t().pipeline.mark_won}</button>
                        <button type="button" class="btn danger" on:click={let id = closing_id.clone(); move |_| closing.set(Some(Closing::lost(id.clone())))} data-testid="deal-lost">{move || t().pipeline.mark_lost}</button>
                    </Show>
                    <Show when=move || !is_new>
                        <button type="button" class="btn danger" on:click=delete.clone() data-testid="deal-delete">{move || t().delete}</button>
                    </Show>
                    <a class="btn ghost" href=back>{move || t().cancel}</a>
                </div>
            </form>
            {deal.map(|d| view! { <StageHistory deal=d/> })}
            {move || closing.get().map(|c| {
                let navigate = navigate.clone();
                view! { <CloseDialog closing=c on_close=move || closing.set(None) on_done=move || { closing.set(None); navigate(&back(), Default::default()); }/> }
            })}
        </section>
    }
}

/// Each step the deal took, and how long it spent in each stage.
#[component]
fn StageHistory(deal: Deal) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let now = js_sys::Date::now() as i64;
    let spent = deal.time_in_stages(now);
    let names: Vec<(String, String)> = deal.steps.iter().map(|s| (s.stage.clone(), s.stage_name.clone())).collect();
    let name_of = move |id: &str| names.iter().rev().find(|(s, _)| s == id).map(|(_, n)| n.clone()).unwrap_or_default();
    view! {
        <div class="card" data-testid="stage-history">
            <h2>{move || t().pipeline.stage_history}</h2>
            <ul class="plain-list">
                {spent.into_iter().map(|(stage, ms)| {
                    let days = ms / 86_400_000;
                    let name = name_of(&stage);
                    view! { <li><bdi>{name}</bdi>": "{move || t().days(days)}</li> }
                }).collect_view()}
            </ul>
            <ol class="history">
                {deal.steps.iter().rev().map(|s| {
                    let s = s.clone();
                    view! { <li>{move || local_datetime(s.at, state.lang.get())}" — "<bdi>{step_text(&s, t())}</bdi></li> }
                }).collect_view()}
            </ol>
        </div>
    }
}

fn step_text(s: &daftar_core::pipeline::Step, t: &Texts) -> String {
    match s.status {
        Status::Open => s.stage_name.clone(),
        Status::Won => t.pipeline.deal_won.to_string(),
        Status::Lost => format!("{}: {}", t.pipeline.deal_lost, s.reason),
    }
}

/// The customer's deals on their page, with a link to a new one.
#[component]
pub fn DealsCard(customer_id: String, deals: Vec<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let mut rows: Vec<(String, Deal)> = deals.iter().filter_map(|r| Some((r.id.clone(), r.decode::<Deal>().ok()?))).collect();
    rows.sort_by_key(|(_, d)| (d.status != Status::Open, std::cmp::Reverse(d.steps.last().map(|s| s.at))));
    view! {
        <div class="card" data-testid="deals-card">
            <div class="card-head">
                <h2>{move || t().pipeline.deals}</h2>
                <a class="btn" href=format!("/pipeline?customer={customer_id}")>{move || t().pipeline.view_board}</a>
                <a class="btn primary" href=format!("/deals/new?customer={customer_id}") data-testid="add-deal">{move || t().pipeline.new_deal}</a>
            </div>
            <ul class="plain-list">
                {rows.into_iter().map(|(id, d)| {
                    let status = d.status;
                    view! {
                        <li class="contact-row">
                            <a class="row-title" href=format!("/deals/{id}")>{d.title.clone()}</a>
                            <span>{move || format_money(d.amount, d.currency, state.lang.get())}</span>
                            <span class="badge">{move || match status { Status::Open => d.steps.last().map(|s| s.stage_name.clone()).unwrap_or_default(), Status::Won => t().pipeline.deal_won.to_string(), Status::Lost => t().pipeline.deal_lost.to_string() }}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The deal's steps on the customer timeline: created, each stage move,
/// won, lost (with why) and reopened.
pub fn timeline_items(record: &Record, t: &Texts, lang: Lang) -> Vec<Item> {
    let Ok(deal) = record.decode::<Deal>() else { return Vec::new() };
    deal.events()
        .into_iter()
        .map(|(step, event)| {
            let (label, kind, detail) = match event {
                DealEvent::Created => (t.pipeline.timeline_deal_created, "deal", format!("{}{}{}", format_money(deal.amount, deal.currency, lang), t.part_separator, step.stage_name)),
                DealEvent::Won => (t.pipeline.deal_won, "deal-won", format_money(deal.amount, deal.currency, lang)),
                DealEvent::Lost => (t.pipeline.deal_lost, "deal-lost", step.reason.clone()),
                DealEvent::Reopened => (t.pipeline.timeline_deal_reopened, "deal", step.stage_name.clone()),
                DealEvent::Moved => (t.pipeline.timeline_deal_moved, "deal", step.stage_name.clone()),
            };
            Item { at: step.at, kind, label: label.to_string(), title: deal.title.clone(), detail, when: local_datetime(step.at, lang), href: Some(format!("/deals/{}", record.id)) }
        })
        .collect()
}
