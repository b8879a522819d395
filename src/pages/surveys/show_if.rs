//! A question's show-if rule in the builder: which earlier question, what
//! rule, and the value — only what that question's kind can answer.

use crate::state::AppState;
use daftar_core::locale::localize_digits;
use daftar_core::surveys::{Kind, Rule, ShowIf, Survey};
use leptos::prelude::*;

/// Rules as the select offers them; the number or choice comes next to it.
#[derive(Clone, Copy, PartialEq)]
enum RuleKind {
    Always,
    AtMost,
    AtLeast,
    Is,
    Answered,
}

#[component]
pub fn ShowIfEditor(qid: String, draft: RwSignal<Survey>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let qid = StoredValue::new(qid);
    let current =
        move || draft.with(|s| s.question(&qid.get_value()).and_then(|q| q.show_if.clone()));
    let set = move |v: Option<ShowIf>| {
        draft.update(|s| {
            if let Some(q) = s.questions.iter_mut().find(|q| q.id == qid.get_value()) {
                q.show_if = v
            }
        })
    };
    // Only earlier, live questions can decide: the respondent answers in order.
    let earlier = move || {
        draft.with(|s| {
            let at = s
                .questions
                .iter()
                .position(|q| q.id == qid.get_value())
                .unwrap_or(0);
            s.questions[..at]
                .iter()
                .filter(|q| {
                    !q.retired
                        && !matches!(q.kind, Kind::ShortText | Kind::LongText | Kind::Servqual)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let rule_kind = move || match current().map(|s| s.rule) {
        None => RuleKind::Always,
        Some(Rule::AtMost(_)) => RuleKind::AtMost,
        Some(Rule::AtLeast(_)) => RuleKind::AtLeast,
        Some(Rule::Is(_)) => RuleKind::Is,
        Some(Rule::Answered) => RuleKind::Answered,
    };
    let on_question = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        set((!id.is_empty()).then_some(ShowIf {
            question: id,
            rule: Rule::Answered,
        }));
    };
    let on_rule = move |ev: leptos::ev::Event| {
        let Some(mut s) = current() else { return };
        let earlier_q = draft
            .with(|d| d.question(&s.question).cloned())
            .unwrap_or_default();
        let low = earlier_q.kind.scale().map_or(0, |r| r.0);
        s.rule = match event_target_value(&ev).as_str() {
            "at_most" => Rule::AtMost(low.max(6).min(earlier_q.kind.scale().map_or(6, |r| r.1))),
            "at_least" => Rule::AtLeast(earlier_q.kind.scale().map_or(9, |r| r.1)),
            "is" if earlier_q.kind == Kind::YesNo => Rule::Is("yes".into()),
            "is" => Rule::Is(
                earlier_q
                    .choices
                    .first()
                    .map(|c| c.id.clone())
                    .unwrap_or_default(),
            ),
            _ => Rule::Answered,
        };
        set(Some(s));
    };
    let on_value = move |ev: leptos::ev::Event| {
        let Some(mut s) = current() else { return };
        let v = event_target_value(&ev);
        s.rule = match s.rule {
            Rule::AtMost(_) => Rule::AtMost(v.parse().unwrap_or(0)),
            Rule::AtLeast(_) => Rule::AtLeast(v.parse().unwrap_or(0)),
            _ => Rule::Is(v),
        };
        set(Some(s));
    };
    let value_select = move || {
        let s = current()?;
        let q = draft.with(|d| d.question(&s.question).cloned())?;
        let options: Vec<(String, String)> = match (&s.rule, q.kind) {
            (Rule::AtMost(_) | Rule::AtLeast(_), kind) => kind
                .scale()
                .map(|(lo, hi)| {
                    (lo..=hi)
                        .map(|v| (v.to_string(), localize_digits(&v.to_string(), lang())))
                        .collect()
                })
                .unwrap_or_default(),
            (Rule::Is(_), Kind::YesNo) => {
                vec![("yes".into(), t().yes.into()), ("no".into(), t().no.into())]
            }
            (Rule::Is(_), _) => q
                .choices
                .iter()
                .filter(|c| !c.retired)
                .map(|c| (c.id.clone(), c.label.get(lang()).to_string()))
                .collect(),
            _ => return None,
        };
        let selected = match &s.rule {
            Rule::AtMost(v) | Rule::AtLeast(v) => v.to_string(),
            Rule::Is(v) => v.clone(),
            Rule::Answered => String::new(),
        };
        Some(view! {
            <select on:change=on_value aria-label=move || t().surveys.show_if_value data-testid="show-if-value">
                {options.into_iter().map(|(v, label)| view! { <option value=v.clone() selected=v == selected>{label}</option> }).collect_view()}
            </select>
        })
    };
    view! {
        <div class="show-if">
            <span class="muted">{move || t().surveys.show_if}</span>
            <select on:change=on_question aria-label=move || t().surveys.show_if data-testid="show-if-question">
                <option value="" selected=move || current().is_none()>{move || t().surveys.show_always}</option>
                {move || earlier().into_iter().enumerate().map(|(i, q)| {
                    let selected = current().is_some_and(|s| s.question == q.id);
                    let label = format!("{}. {}", localize_digits(&(i + 1).to_string(), lang()), q.text.get(lang()));
                    view! { <option value=q.id.clone() selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            {move || current().is_some().then(|| view! {
                <select on:change=on_rule aria-label=move || t().surveys.show_if_rule data-testid="show-if-rule">
                    {[(RuleKind::Answered, "answered", t().surveys.rule_answered), (RuleKind::AtMost, "at_most", t().surveys.rule_at_most), (RuleKind::AtLeast, "at_least", t().surveys.rule_at_least), (RuleKind::Is, "is", t().surveys.rule_is)]
                        .map(|(k, v, label)| view! { <option value=v selected=move || rule_kind() == k>{label}</option> })}
                </select>
            })}
            {value_select}
        </div>
    }
}
