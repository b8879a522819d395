//! The survey as a respondent answers it: every question kind with big
//! touch targets, show-if applied as they answer, required answers checked
//! on send. One component serves the kiosk in the app and the survey link
//! page, so a survey looks and behaves the same in both.

mod texts;

pub use texts::{answer_problem_text, form_texts, page_texts};

use daftar_core::locale::{localize_digits, Lang};
use daftar_core::surveys::{
    check_answers, visible, Answer, AnswerError, Answers, Kind, Question, Survey,
};
use leptos::prelude::*;

/// The language switch the respondent uses (the survey's texts exist in both).
#[component]
pub fn LanguagePicker(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <div class="survey-langs" role="group" aria-label=move || form_texts(lang.get()).language>
            <button type="button" lang="fa" aria-pressed=move || (lang.get() == Lang::Fa).to_string() on:click=move |_| lang.set(Lang::Fa)>"فارسی"</button>
            <button type="button" lang="en" aria-pressed=move || (lang.get() == Lang::En).to_string() on:click=move |_| lang.set(Lang::En)>"English"</button>
        </div>
    }
}

/// Calls `on_submit` with the checked answers (those of visible questions).
#[component]
pub fn SurveyForm(
    survey: Survey,
    lang: RwSignal<Lang>,
    answers: RwSignal<Answers>,
    on_submit: Callback<Answers>,
    /// While true the send button is off (the answers are being saved).
    #[prop(optional)]
    busy: Option<Signal<bool>>,
) -> impl IntoView {
    let survey = StoredValue::new(survey);
    let errors: RwSignal<Vec<AnswerError>> = RwSignal::new(Vec::new());
    let shown = Memo::new(move |_| {
        answers.with(|a| {
            survey.with_value(|s| {
                visible(s, a)
                    .into_iter()
                    .map(|q| q.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match survey.with_value(|s| answers.with_untracked(|a| check_answers(s, a))) {
            Ok(kept) => {
                errors.set(Vec::new());
                on_submit.run(kept);
            }
            Err(e) => errors.set(e),
        }
    };
    let intro = move || survey.with_value(|s| s.intro.get(lang.get()).to_string());
    view! {
        <form class="survey-form" novalidate on:submit=submit data-testid="survey-form">
            <h1>{move || survey.with_value(|s| s.name.get(lang.get()).to_string())}</h1>
            {move || (!intro().is_empty()).then(|| view! { <p class="survey-intro">{intro}</p> })}
            <For each=move || shown.get() key=|id| id.clone() let:id>
                {survey.with_value(|s| s.question(&id).cloned()).map(|q| view! { <QuestionView q lang answers errors/> })}
            </For>
            {move || (!errors.with(Vec::is_empty)).then(|| view! { <p class="field-error" role="alert">{move || form_texts(lang.get()).fix_above}</p> })}
            <button type="submit" class="btn primary survey-submit" disabled=move || busy.is_some_and(|b| b.get()) data-testid="survey-submit">{move || form_texts(lang.get()).submit}</button>
        </form>
    }
}

#[component]
fn QuestionView(
    q: Question,
    lang: RwSignal<Lang>,
    answers: RwSignal<Answers>,
    errors: RwSignal<Vec<AnswerError>>,
) -> impl IntoView {
    let id = q.id.clone();
    let error = {
        let id = StoredValue::new(id.clone());
        move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| id.with_value(|id| &e.question == id))
                    .map(|e| e.problem)
            })
        }
    };
    let text = q.text.clone();
    let required = q.required;
    let body = match q.kind {
        Kind::Servqual => view! { <PairInput id=id.clone() lang answers/> }.into_any(),
        kind if kind.scale().is_some() => {
            view! { <ScaleInput id=id.clone() kind lang answers/> }.into_any()
        }
        Kind::Single | Kind::Multiple => {
            view! { <ChoiceInput q=q.clone() lang answers/> }.into_any()
        }
        Kind::YesNo => view! { <YesNoInput id=id.clone() lang answers/> }.into_any(),
        _ => {
            view! { <TextInput id=id.clone() long={q.kind == Kind::LongText} answers/> }.into_any()
        }
    };
    view! {
        <fieldset class="survey-question" class:invalid=move || error().is_some() data-testid=format!("question-{id}")>
            <legend>
                {move || text.get(lang.get()).to_string()}
                {required.then(|| view! { <span class="muted">" "{move || form_texts(lang.get()).required_mark}</span> })}
            </legend>
            {body}
            {move || error().map(|p| view! { <p class="field-error">{move || answer_problem_text(p, lang.get())}</p> })}
        </fieldset>
    }
}

fn set_answer(answers: RwSignal<Answers>, id: &str, answer: Option<Answer>) {
    answers.update(|a| {
        match answer {
            Some(v) => a.insert(id.to_string(), v),
            None => a.remove(id),
        };
    });
}

#[component]
fn ScaleInput(
    id: String,
    kind: Kind,
    lang: RwSignal<Lang>,
    answers: RwSignal<Answers>,
) -> impl IntoView {
    let (lo, hi) = kind.scale().unwrap_or((1, 5));
    let id = StoredValue::new(id);
    let current = move || {
        answers.with(|a| match a.get(&id.get_value()) {
            Some(Answer::Number(v)) => Some(*v),
            _ => None,
        })
    };
    let stars = kind == Kind::Stars;
    let buttons = (lo..=hi)
        .map(|v| {
            let label = move || if stars { "★".to_string() } else { localize_digits(&v.to_string(), lang.get()) };
            let pressed = move || if stars { current().is_some_and(|c| v <= c) } else { current() == Some(v) };
            view! {
                <button type="button" class="scale-choice" class:star=stars aria-pressed=move || pressed().to_string()
                    aria-label=move || localize_digits(&v.to_string(), lang.get())
                    data-value=v on:click=move |_| set_answer(answers, &id.get_value(), Some(Answer::Number(v)))>{label}</button>
            }
        })
        .collect_view();
    view! {
        <div class="scale" class:wide={hi - lo >= 10} role="group">{buttons}</div>
        {(kind == Kind::Nps).then(|| view! {
            <div class="scale-ends muted"><span>{move || form_texts(lang.get()).not_likely}</span><span>{move || form_texts(lang.get()).very_likely}</span></div>
        })}
    }
}

#[component]
fn PairInput(id: String, lang: RwSignal<Lang>, answers: RwSignal<Answers>) -> impl IntoView {
    let id = StoredValue::new(id);
    // One half may be chosen before the other; the answer exists once both are.
    let (expect, found) = match answers.with_untracked(|a| a.get(&id.get_value()).cloned()) {
        Some(Answer::Pair(e, p)) => (RwSignal::new(Some(e)), RwSignal::new(Some(p))),
        _ => (RwSignal::new(None), RwSignal::new(None)),
    };
    Effect::new(move || {
        let pair = expect
            .get()
            .zip(found.get())
            .map(|(e, p)| Answer::Pair(e, p));
        set_answer(answers, &id.get_value(), pair);
    });
    let row = move |half: RwSignal<Option<u8>>,
                    label: fn(Lang) -> &'static str,
                    testid: &'static str| {
        view! {
            <div class="pair-row">
                <span class="pair-label">{move || label(lang.get())}</span>
                <div class="scale" role="group" data-testid=testid>
                    {(1..=7u8).map(|v| view! {
                        <button type="button" class="scale-choice" data-value=v aria-pressed=move || (half.get() == Some(v)).to_string()
                            on:click=move |_| half.set(Some(v))>{move || localize_digits(&v.to_string(), lang.get())}</button>
                    }).collect_view()}
                </div>
            </div>
        }
    };
    view! {
        {row(expect, |l| form_texts(l).expectation, "expectation")}
        {row(found, |l| form_texts(l).perception, "perception")}
    }
}

#[component]
fn ChoiceInput(q: Question, lang: RwSignal<Lang>, answers: RwSignal<Answers>) -> impl IntoView {
    let multiple = q.kind == Kind::Multiple;
    let id = StoredValue::new(q.id.clone());
    let chosen = move || {
        answers.with(|a| match a.get(&id.get_value()) {
            Some(Answer::Choices(ids)) => ids.clone(),
            _ => Vec::new(),
        })
    };
    q.choices
        .into_iter()
        .filter(|c| !c.retired)
        .map(|c| {
            let cid = StoredValue::new(c.id.clone());
            let toggle = move |_| {
                let cid = cid.get_value();
                let mut now = chosen();
                if multiple {
                    if let Some(i) = now.iter().position(|x| *x == cid) {
                        now.remove(i);
                    } else {
                        now.push(cid);
                    }
                } else {
                    now = vec![cid];
                }
                set_answer(answers, &id.get_value(), (!now.is_empty()).then_some(Answer::Choices(now)));
            };
            view! {
                <button type="button" class="choice" role=if multiple { "checkbox" } else { "radio" }
                    aria-checked=move || chosen().contains(&cid.get_value()).to_string() on:click=toggle>
                    {move || c.label.get(lang.get()).to_string()}
                </button>
            }
        })
        .collect_view()
}

#[component]
fn YesNoInput(id: String, lang: RwSignal<Lang>, answers: RwSignal<Answers>) -> impl IntoView {
    let id = StoredValue::new(id);
    let current = move || {
        answers.with(|a| match a.get(&id.get_value()) {
            Some(Answer::YesNo(v)) => Some(*v),
            _ => None,
        })
    };
    let button = move |value: bool| {
        view! {
            <button type="button" class="choice" role="radio" aria-checked=move || (current() == Some(value)).to_string()
                on:click=move |_| set_answer(answers, &id.get_value(), Some(Answer::YesNo(value)))>
                {move || if value { form_texts(lang.get()).yes } else { form_texts(lang.get()).no }}
            </button>
        }
    };
    view! { <div class="choices-row">{button(true)}{button(false)}</div> }
}

#[component]
fn TextInput(id: String, long: bool, answers: RwSignal<Answers>) -> impl IntoView {
    let id = StoredValue::new(id);
    let value = move || {
        answers.with(|a| match a.get(&id.get_value()) {
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        })
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        set_answer(
            answers,
            &id.get_value(),
            (!text.trim().is_empty()).then_some(Answer::Text(text)),
        );
    };
    if long {
        view! { <textarea rows="4" prop:value=value on:input=on_input></textarea> }.into_any()
    } else {
        view! { <input type="text" prop:value=value on:input=on_input/> }.into_any()
    }
}
