//! The survey builder: texts in both languages, questions of every kind with
//! their choices, SERVQUAL dimension and show-if rule, alert thresholds.
//! A question removed after the survey was answered or sent is retired,
//! not deleted, so old answers keep their question.

use super::show_if::ShowIfEditor;
use super::{dimension_label, kind_label, purpose_label};
use crate::i18n::survey_problem_text;
use crate::state::{AppState, SurveySaveError};
use daftar_core::locale::{localize_digits, Lang};
use daftar_core::store::Record;
use daftar_core::surveys::{
    template, Choice, Dimension, Kind, Purpose, Question, Survey, Template, Text, SURVEY,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

#[component]
pub fn SurveyEdit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id"));
    let loaded = LocalResource::new(move || {
        state.store_status.track();
        async move {
            match id() {
                Some(id) => {
                    let record = state.record(SURVEY, &id).await.ok().flatten();
                    let in_use = !state
                        .linked_to(SURVEY, &id)
                        .await
                        .unwrap_or_default()
                        .is_empty();
                    (record, in_use)
                }
                None => (None, false),
            }
        }
    });
    let from_template = move || {
        let name = query
            .with_untracked(|q| q.get("template"))
            .unwrap_or_default();
        Template::ALL
            .into_iter()
            .find(|t| super::template_key(*t) == name)
            .map(template)
            .unwrap_or_else(blank)
    };
    view! {
        <Suspense fallback=move || view! { <p class="muted">{move || state.t().loading}</p> }>
            {move || loaded.get().map(|(record, in_use)| {
                let survey = record.as_ref().and_then(|r| r.decode::<Survey>().ok()).unwrap_or_else(from_template);
                view! { <Builder record survey in_use/> }
            })}
        </Suspense>
    }
}

fn blank() -> Survey {
    Survey {
        questions: vec![Question {
            id: "q1".into(),
            kind: Kind::Csat,
            required: true,
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[component]
fn Builder(record: Option<Record>, survey: Survey, in_use: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let draft = RwSignal::new(survey);
    let problems = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let record = StoredValue::new(record);
    let navigate = use_navigate();
    let saving = RwSignal::new(false);
    let save = move |_| {
        // A second tap while saving a new survey would create it twice.
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let existing = record.get_value();
            let saved = state
                .save_survey(existing.as_ref(), &draft.get_untracked())
                .await;
            saving.set(false);
            match saved {
                Ok(id) => {
                    state.notify(state.t_untracked().surveys.survey_saved.to_string(), None);
                    navigate(&format!("/surveys/{id}"), Default::default());
                }
                Err(SurveySaveError::Invalid(p)) => problems.set(p),
                Err(SurveySaveError::Store(e)) => failure.set(Some(crate::i18n::store_error_text(
                    &e,
                    state.lang.get_untracked(),
                ))),
            }
        });
    };
    let ids = move || {
        draft.with(|s| {
            s.questions
                .iter()
                .filter(|q| !q.retired)
                .map(|q| q.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let add = move |kind: Kind| {
        draft.update(|s| {
            let id = s.next_question_id();
            let choices = if kind.has_choices() {
                vec![new_choice(1), new_choice(2)]
            } else {
                Vec::new()
            };
            let dimension = (kind == Kind::Servqual).then_some(Dimension::Reliability);
            s.questions.push(Question {
                id,
                kind,
                choices,
                dimension,
                ..Default::default()
            });
        })
    };
    let new_kind = RwSignal::new(Kind::Nps);
    view! {
        <section class="page survey-builder">
            <h1>{move || if record.with_value(Option::is_some) { t().surveys.edit_survey } else { t().surveys.new_survey }}</h1>
            {in_use.then(|| view! { <p class="muted">{move || t().surveys.survey_in_use}</p> })}
            <div class="card">
                <BilingualField label=|t| t.surveys.survey_name testid="survey-name" get=|s| &s.name set=|s, v| s.name = v draft/>
                <BilingualField label=|t| t.surveys.survey_intro testid="survey-intro" get=|s| &s.intro set=|s, v| s.intro = v draft long=true/>
                <BilingualField label=|t| t.surveys.survey_thanks testid="survey-thanks" get=|s| &s.thanks set=|s, v| s.thanks = v draft long=true/>
                <div class="row2">
                    <div class="field">
                        <label for="survey-purpose">{move || t().surveys.survey_purpose}</label>
                        <select id="survey-purpose" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|s| s.purpose = Purpose::ALL.into_iter().find(|p| format!("{p:?}") == v).unwrap_or_default());
                        }>
                            {Purpose::ALL.map(|p| view! {
                                <option value=format!("{p:?}") selected=move || draft.with(|s| s.purpose == p)>{move || purpose_label(p, t())}</option>
                            })}
                        </select>
                    </div>
                    <Threshold label=|t| t.surveys.alert_nps_at_most max=10 get=|s| s.alerts.nps_at_most set=|s, v| s.alerts.nps_at_most = v draft testid="alert-nps"/>
                    <Threshold label=|t| t.surveys.alert_csat_at_most max=5 get=|s| s.alerts.csat_at_most set=|s, v| s.alerts.csat_at_most = v draft testid="alert-csat"/>
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=move || draft.with(|s| s.archived) on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|s| s.archived = on) } data-testid="survey-archived"/>
                    {move || t().surveys.survey_archived}
                </label>
            </div>
            <For each=ids key=|id| id.clone() let:qid>
                <QuestionEditor qid draft in_use/>
            </For>
            <div class="card add-question">
                <select aria-label=move || t().surveys.question_kind on:change=move |ev| {
                    let v = event_target_value(&ev);
                    new_kind.set(Kind::ALL.into_iter().find(|k| format!("{k:?}") == v).unwrap_or_default());
                } data-testid="new-question-kind">
                    {Kind::ALL.map(|k| view! { <option value=format!("{k:?}") selected=move || new_kind.get() == k>{move || kind_label(k, t())}</option> })}
                </select>
                <button type="button" class="btn" on:click=move |_| add(new_kind.get_untracked()) data-testid="add-question">{move || t().surveys.add_question}</button>
            </div>
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <ul class="alert" role="alert" data-testid="survey-problems">
                    {problems.get().into_iter().map(|p| view! { <li>{move || draft.with(|s| survey_problem_text(&p, s, state.lang.get()))}</li> }).collect_view()}
                </ul>
            })}
            {move || failure.get().map(|f| view! { <p class="alert" role="alert">{f}</p> })}
            <div class="actions">
                <button type="button" class="btn primary" on:click=save disabled=move || saving.get() data-testid="save-survey">{move || t().save}</button>
            </div>
        </section>
    }
}

fn new_choice(n: usize) -> Choice {
    Choice {
        id: format!("c{n}"),
        ..Default::default()
    }
}

#[component]
fn BilingualField(
    label: crate::i18n::TextOf,
    testid: &'static str,
    get: fn(&Survey) -> &Text,
    set: fn(&mut Survey, Text),
    draft: RwSignal<Survey>,
    #[prop(optional)] long: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <fieldset class="field bilingual">
            <legend>{move || label(state.t())}</legend>
            <TextPair value=Signal::derive(move || draft.with(|s| get(s).clone())) on_change=Callback::new(move |v| draft.update(|s| set(s, v))) testid long/>
        </fieldset>
    }
}

/// The Persian and English boxes of one text.
#[component]
fn TextPair(
    value: Signal<Text>,
    on_change: Callback<Text>,
    testid: &'static str,
    #[prop(optional)] long: bool,
) -> impl IntoView {
    let boxes = [(Lang::Fa, "فارسی"), (Lang::En, "English")].map(|(lang, name)| {
        let get = move || value.with(|v| if lang == Lang::Fa { v.fa.clone() } else { v.en.clone() });
        // Every keystroke goes into the draft: a box that waited for its
        // `change` lost what was typed when another control redrew the question.
        let change = move |ev: leptos::ev::Event| {
            let mut text = value.get_untracked();
            let v = event_target_value(&ev);
            if lang == Lang::Fa { text.fa = v } else { text.en = v }
            on_change.run(text);
        };
        let id = format!("{testid}-{}", lang.code());
        let control = if long {
            view! { <textarea rows="2" lang=lang.code() dir=lang.dir() prop:value=get on:input=change aria-label=name data-testid=id></textarea> }.into_any()
        } else {
            view! { <input lang=lang.code() dir=lang.dir() prop:value=get on:input=change aria-label=name data-testid=id/> }.into_any()
        };
        view! { <div class="text-pair-box"><span class="muted lang-tag">{name}</span>{control}</div> }
    });
    view! { <div class="text-pair">{boxes}</div> }
}

#[component]
fn Threshold(
    label: crate::i18n::TextOf,
    max: u8,
    get: fn(&Survey) -> Option<u8>,
    set: fn(&mut Survey, Option<u8>),
    draft: RwSignal<Survey>,
    testid: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = move || {
        draft
            .with(get)
            .map(|v| localize_digits(&v.to_string(), state.lang.get()))
            .unwrap_or_default()
    };
    let out_of_range = RwSignal::new(false);
    let change = move |ev: leptos::ev::Event| {
        let raw = daftar_core::locale::to_ascii_digits(event_target_value(&ev).trim());
        // Empty switches the alert off; anything else must be on the scale,
        // or the alert would go off without the rep meaning it to.
        match raw.parse::<u8>().ok().filter(|v| *v <= max) {
            Some(v) => draft.update(|s| set(s, Some(v))),
            None if raw.is_empty() => draft.update(|s| set(s, None)),
            None => {
                out_of_range.set(true);
                return;
            }
        }
        out_of_range.set(false);
    };
    let range = move || {
        crate::i18n::problem_text(
            daftar_core::check::Problem::OutOfRange {
                min: 0,
                max: i64::from(max),
            },
            state.lang.get(),
        )
    };
    view! {
        <div class="field" class:invalid=move || out_of_range.get()>
            <label for=testid>{move || label(state.t())}</label>
            <input id=testid inputmode="numeric" prop:value=shown on:change=change data-testid=testid/>
            {move || out_of_range.get().then(|| view! { <p class="field-error">{range}</p> })}
            <p class="hint muted">{move || state.t().surveys.alert_off_when_empty}</p>
        </div>
    }
}

#[component]
fn QuestionEditor(qid: String, draft: RwSignal<Survey>, in_use: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let qid = StoredValue::new(qid);
    let q = move || draft.with(|s| s.question(&qid.get_value()).cloned().unwrap_or_default());
    let edit = move |f: &dyn Fn(&mut Question)| {
        draft.update(|s| {
            if let Some(q) = s.questions.iter_mut().find(|q| q.id == qid.get_value()) {
                f(q)
            }
        })
    };
    let position = move || {
        draft.with(|s| {
            s.questions
                .iter()
                .filter(|q| !q.retired)
                .position(|q| q.id == qid.get_value())
                .map_or(0, |i| i + 1)
        })
    };
    let shift = move |down: bool| {
        draft.update(|s| {
            let Some(i) = s.questions.iter().position(|q| q.id == qid.get_value()) else {
                return;
            };
            // Only past live questions: a retired one keeps its place.
            let step = |j: usize| {
                if down {
                    j.checked_add(1).filter(|j| *j < s.questions.len())
                } else {
                    j.checked_sub(1)
                }
            };
            let mut j = step(i);
            while let Some(k) = j.filter(|k| s.questions[*k].retired) {
                j = step(k);
            }
            if let Some(j) = j {
                s.questions.swap(i, j)
            }
        })
    };
    let remove = move |_| draft.update(|s| s.remove_question(&qid.get_value(), in_use));
    // A question's kind never changes once added: read once, so the parts
    // below are not rebuilt (losing the focus) at every keystroke.
    let kind = draft
        .with_untracked(|s| s.question(&qid.get_value()).map(|q| q.kind))
        .unwrap_or_default();
    let kind = move || kind;
    view! {
        <div class="card question-editor" data-testid="question-editor">
            <div class="question-head">
                <strong>{move || localize_digits(&position().to_string(), state.lang.get())}". "{move || kind_label(kind(), t())}</strong>
                <span class="question-tools">
                    <button type="button" class="btn ghost" on:click=move |_| shift(false) aria-label=move || t().surveys.move_up>"↑"</button>
                    <button type="button" class="btn ghost" on:click=move |_| shift(true) aria-label=move || t().surveys.move_down>"↓"</button>
                    <button type="button" class="btn ghost danger" on:click=remove data-testid="remove-question">{move || t().remove}</button>
                </span>
            </div>
            <TextPair value=Signal::derive(move || q().text) on_change=Callback::new(move |v: Text| edit(&|q| q.text = v.clone())) testid="question-text" long=true/>
            <label class="check">
                <input type="checkbox" prop:checked=move || q().required on:change=move |ev| { let on = event_target_checked(&ev); edit(&|q| q.required = on) } data-testid="question-required"/>
                {move || t().surveys.required_answer}
            </label>
            {move || (kind() == Kind::Servqual).then(|| view! {
                <div class="field">
                    <label>{move || t().surveys.servqual_dimension}
                        <select on:change=move |ev| { let v = event_target_value(&ev); edit(&|q| q.dimension = Dimension::ALL.into_iter().find(|d| format!("{d:?}") == v)) }>
                            {Dimension::ALL.map(|d| view! { <option value=format!("{d:?}") selected=move || q().dimension == Some(d)>{move || dimension_label(d, t())}</option> })}
                        </select>
                    </label>
                </div>
            })}
            {move || kind().has_choices().then(|| view! { <ChoicesEditor qid=qid.get_value() draft in_use/> })}
            <ShowIfEditor qid=qid.get_value() draft/>
        </div>
    }
}

#[component]
fn ChoicesEditor(qid: String, draft: RwSignal<Survey>, in_use: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let qid = StoredValue::new(qid);
    let edit = move |f: &dyn Fn(&mut Question)| {
        draft.update(|s| {
            if let Some(q) = s.questions.iter_mut().find(|q| q.id == qid.get_value()) {
                f(q)
            }
        })
    };
    let choice_ids = move || {
        draft.with(|s| {
            s.question(&qid.get_value())
                .map(|q| {
                    q.choices
                        .iter()
                        .filter(|c| !c.retired)
                        .map(|c| c.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let add = move |_| {
        edit(&|q| {
            let n = q
                .choices
                .iter()
                .filter_map(|c| c.id.strip_prefix('c')?.parse::<usize>().ok())
                .max()
                .unwrap_or(0)
                + 1;
            q.choices.push(new_choice(n));
        })
    };
    view! {
        <div class="choices-editor">
            <For each=choice_ids key=|id| id.clone() let:cid>
                {
                    let cid = StoredValue::new(cid);
                    let label = Signal::derive(move || draft.with(|s| s.question(&qid.get_value()).and_then(|q| q.choices.iter().find(|c| c.id == cid.get_value()).map(|c| c.label.clone())).unwrap_or_default()));
                    view! {
                        <div class="choice-row">
                            <TextPair value=label on_change=Callback::new(move |v: Text| edit(&|q| if let Some(c) = q.choices.iter_mut().find(|c| c.id == cid.get_value()) { c.label = v.clone() })) testid="choice-text"/>
                            <button type="button" class="btn ghost danger" aria-label=move || t().remove on:click=move |_| edit(&|q| {
                                let id = cid.get_value();
                                if in_use {
                                    if let Some(c) = q.choices.iter_mut().find(|c| c.id == id) { c.retired = true }
                                } else {
                                    q.choices.retain(|c| c.id != id);
                                }
                            })>"×"</button>
                        </div>
                    }
                }
            </For>
            <button type="button" class="btn" on:click=add data-testid="add-choice">{move || t().surveys.add_choice}</button>
        </div>
    }
}
