//! Settings of the sales process: pipelines with their stages (name, win
//! probability, rotting limit, order) and the list of lost reasons.
//! Stages are moved, renamed or added without touching a single deal: deals
//! name their stage by id. A stage that still holds deals cannot be removed.

use crate::state::{AppState, SaveError};
use daftar_core::check::{self, Field};
use daftar_core::pipeline::{open_deals_in, LostReasons, Pipeline, Stage};
use daftar_core::env::Env;
use daftar_core::locale::format_number;
use leptos::prelude::*;

#[component]
pub fn PipelineSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let (_, ready) = super::use_sales();
    let pipelines = move || state.sales().with(|s| s.as_ref().map(|s| s.pipelines.clone()).unwrap_or_default());
    let adding = RwSignal::new(false);
    view! {
        <section class="page settings">
            <h1>{move || t().pipeline.pipeline_settings}</h1>
            <Show when=move || ready.get() fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                <For each=pipelines key=|(id, p)| format!("{id}{p:?}") children=move |(id, p)| view! { <PipelineEditor id=Some(id) pipeline=p on_saved=|| ()/> }/>
                <Show when=move || adding.get() fallback=move || view! {
                    <button class="btn" on:click=move |_| adding.set(true) data-testid="add-pipeline">{move || t().pipeline.add_pipeline}</button>
                }>
                    <PipelineEditor id=None on_saved=move || adding.set(false) pipeline=Pipeline { position: 100, stages: vec![Stage { id: crate::browser_env::BrowserEnv.new_id(), probability: 10, ..Default::default() }], ..Default::default() }/>
                </Show>
                <LostReasonsEditor/>
            </Show>
        </section>
    }
}

#[component]
fn PipelineEditor(id: Option<String>, pipeline: Pipeline, on_saved: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let draft = RwSignal::new(pipeline);
    let problem = RwSignal::new(None::<String>);
    let deals_in = {
        let id = id.clone();
        move |stage: &str| match &id {
            Some(id) => state.sales().with(|s| s.as_ref().map_or(0, |s| open_deals_in(id, stage, s.deals.iter().map(|e| &e.fields)))),
            None => 0,
        }
    };
    let save = move |_| {
        let (id, on_saved) = (id.clone(), on_saved.clone());
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            match state.save_pipeline(id.as_deref(), &draft.get_untracked()).await {
                Ok(_) => {
                    problem.set(None);
                    state.notify(state.t_untracked().pipeline.pipeline_saved.to_string(), None);
                    on_saved();
                }
                Err(SaveError::Invalid(errors)) => problem.set(Some(errors.iter().map(|e| format!("{}: {}", crate::i18n::labels::field(e.field, state.t_untracked()), crate::i18n::problem_text(e.problem, lang))).collect::<Vec<_>>().join(" "))),
                Err(e) => problem.set(Some(crate::i18n::save_error_text(&e, lang))),
            }
        });
    };
    let swap = move |i: usize, j: usize| draft.update(|p| if let Some(moved) = p.with_stage_moved(i, j) { *p = moved });
    view! {
        <div class="card pipeline-editor" data-testid="pipeline-editor">
            <div class="field">
                <label>{move || t().pipeline.pipeline_name}
                    <input prop:value=move || draft.with(|p| p.name.clone()) on:change=move |ev| draft.update(|p| p.name = event_target_value(&ev)) data-testid="pipeline-name"/>
                </label>
            </div>
            <ol class="stage-list">
                {move || draft.with(|p| p.stages.clone()).into_iter().enumerate().map(|(i, s)| {
                    let holds = deals_in(&s.id);
                    let n = draft.with_untracked(|p| p.stages.len());
                    let number = move |raw: String, max: i64| {
                        let mut errors = Vec::new();
                        let v = check::whole_number(&raw, Field::Probability, 0, max, &mut errors);
                        problem.set(errors.first().map(|e| crate::i18n::problem_text(e.problem, state.lang.get_untracked())));
                        errors.is_empty().then_some(v)
                    };
                    view! {
                        <li class="stage-row" data-testid="stage-row">
                            <input aria-label=move || t().pipeline.field_stage prop:value=s.name.clone() on:change=move |ev| draft.update(|p| p.stages[i].name = event_target_value(&ev)) data-testid="stage-name"/>
                            <label>{move || t().pipeline.field_probability}
                                <input inputmode="numeric" prop:value=move || format_number(i64::from(s.probability), state.lang.get()) on:change=move |ev| if let Some(v) = number(event_target_value(&ev), 100) { draft.update(|p| p.stages[i].probability = v as u8) }/>
                            </label>
                            <label>{move || t().pipeline.rot_days}
                                <input inputmode="numeric" prop:value=move || format_number(i64::from(s.rot_days), state.lang.get()) on:change=move |ev| if let Some(v) = number(event_target_value(&ev), 3650) { draft.update(|p| p.stages[i].rot_days = v as u32) }/>
                            </label>
                            <span class="muted">{move || t().pipeline.open_deals(holds as i64)}</span>
                            <button type="button" class="btn ghost" disabled=i == 0 on:click=move |_| swap(i, i - 1) aria-label=move || t().pipeline.move_earlier data-testid="stage-up">"↑"</button>
                            <button type="button" class="btn ghost" disabled=i + 1 == n on:click=move |_| swap(i, i + 1) aria-label=move || t().pipeline.move_later data-testid="stage-down">"↓"</button>
                            // Braced: a bare `>` in an attribute ends the tag for the view macro,
                            // which showed this code as the button's text.
                            <button type="button" class="btn ghost" disabled={holds > 0} title={move || if holds > 0 { t().pipeline.stage_has_deals } else { "" }}
                                on:click=move |_| draft.update(|p| { p.stages.remove(i); }) data-testid="stage-remove">{move || t().remove}</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            <div class="segmented">
                <button type="button" class="btn" on:click=move |_| draft.update(|p| p.stages.push(Stage { id: crate::browser_env::BrowserEnv.new_id(), probability: 50, ..Default::default() }))>{move || t().pipeline.add_stage}</button>
                <button type="button" class="btn primary" on:click=save data-testid="pipeline-save">{move || t().save}</button>
            </div>
        </div>
    }
}

#[component]
fn LostReasonsEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let text = RwSignal::new(state.sales().with_untracked(|s| s.as_ref().map(|s| s.lost_reasons.join("\n")).unwrap_or_default()));
    let save = move |_| {
        leptos::task::spawn_local(async move {
            match state.save_lost_reasons(LostReasons::from_lines(&text.get_untracked())).await {
                Ok(()) => state.notify(state.t_untracked().pipeline.lost_reasons_saved.to_string(), None),
                Err(e) => state.notify(crate::i18n::store_error_text(&e, state.lang.get_untracked()), None),
            }
        });
    };
    view! {
        <div class="card">
            <h2><label for="lost-reasons">{move || t().pipeline.lost_reasons}</label></h2>
            <p class="hint muted">{move || t().pipeline.lost_reasons_hint}</p>
            <textarea id="lost-reasons" rows="8" bind:value=text data-testid="lost-reasons"></textarea>
            <button type="button" class="btn primary" on:click=save data-testid="lost-reasons-save">{move || t().save}</button>
        </div>
    }
}
