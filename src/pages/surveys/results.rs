//! A survey's results: headline scores, response rate, each question's
//! distribution as bars, SERVQUAL gaps, the trend by month, breakdowns by
//! segment, owner or product, free-text answers and a CSV export; plus the
//! actions that gather answers (kiosk, link).

use super::dimension_label;
use super::export::responses_csv;
use super::kiosk::KioskStart;
use super::link::LinkDialog;
use crate::components::asked;
use crate::i18n::labels;
use crate::state::AppState;
use daftar_core::customers::{Customer, ValueSegment};
use daftar_core::locale::{format_decimal, format_percent, localize_digits, Lang};
use daftar_core::surveys::{
    breakdown, by_month, Distribution, IssuedLink, Kind, Response, Scores, Summary, Survey, LINK,
    RESPONSE, SURVEY,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;

#[derive(Clone)]
struct Loaded {
    survey: Survey,
    responses: Vec<Response>,
    links: Vec<IssuedLink>,
    /// The value segment of each responding customer (not in the list's rows).
    segments: HashMap<String, Option<ValueSegment>>,
}

#[component]
pub fn SurveyResults() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    // The header and its dialogs read the survey once: a write (a link
    // issued) re-reads the figures below without closing the open dialog.
    let head = LocalResource::new(move || {
        let id = id();
        state.store_status.track();
        async move {
            state
                .record(SURVEY, &id)
                .await
                .ok()
                .flatten()
                .filter(|r| !r.deleted)
                .and_then(|r| Some((r.id.clone(), r.decode::<Survey>().ok()?)))
        }
    });
    let data = LocalResource::new(move || {
        let id = id();
        state.track_records();
        async move {
            let record = state
                .record(SURVEY, &id)
                .await
                .ok()
                .flatten()
                .filter(|r| !r.deleted)?;
            let survey = record.decode::<Survey>().ok()?;
            let linked = state.linked_to(SURVEY, &id).await.unwrap_or_default();
            let responses: Vec<Response> = linked
                .iter()
                .filter(|r| r.kind == RESPONSE)
                .filter_map(|r| r.decode().ok())
                .collect();
            let links = linked
                .iter()
                .filter(|r| r.kind == LINK)
                .filter_map(|r| r.decode().ok())
                .collect();
            let mut segments = HashMap::new();
            for r in &responses {
                if !r.customer_id.is_empty() && !segments.contains_key(&r.customer_id) {
                    let customer = state
                        .customer(&r.customer_id)
                        .await
                        .ok()
                        .flatten()
                        .and_then(|c| c.decode::<Customer>().ok());
                    segments.insert(
                        r.customer_id.clone(),
                        customer.and_then(|c| c.value_segment),
                    );
                }
            }
            Some(Loaded {
                survey,
                responses,
                links,
                segments,
            })
        }
    });
    view! {
        <section class="page survey-results">
            <Suspense fallback=move || view! { <p class="muted">{move || state.t().loading}</p> }>
                {move || head.get().map(|h| match h {
                    Some((id, survey)) => view! { <Head id survey/> }.into_any(),
                    None => view! { <p class="alert">{move || state.t().surveys.survey_gone}</p> }.into_any(),
                })}
                {move || data.get().flatten().map(|d| view! { <Results d/> })}
            </Suspense>
        </section>
    }
}

#[component]
fn Head(id: String, survey: Survey) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let survey = StoredValue::new(survey);
    // The inbox's suggestion opens the link dialog for its customer and deal.
    let link_for = asked("link_for");
    let deal = asked("deal");
    let showing = RwSignal::new((!link_for.is_empty()).then_some("link"));
    let edit = format!("/surveys/{id}/edit");
    view! {
        <div class="list-head">
            <h1>{move || survey.with_value(|s| s.name.get(lang()).to_string())}</h1>
            <a class="btn" href=edit data-testid="edit-survey">{move || t().edit}</a>
        </div>
        <div class="survey-actions" class:hidden=survey.with_value(|s| s.archived)>
            <button type="button" class="btn primary" on:click=move |_| showing.set(Some("kiosk")) data-testid="start-kiosk">{move || t().surveys.kiosk_mode}</button>
            <button type="button" class="btn" on:click=move |_| showing.set(Some("link")) data-testid="make-link">{move || t().surveys.make_survey_link}</button>
        </div>
        {move || match showing.get() {
            Some("kiosk") => view! { <KioskStart survey_id=id.clone() on_cancel=move || showing.set(None)/> }.into_any(),
            Some(_) => view! { <LinkDialog survey_id=id.clone() survey=survey.get_value() customer_id=link_for.clone() deal_id=deal.clone() on_close=move || showing.set(None)/> }.into_any(),
            None => ().into_any(),
        }}
    }
}

fn percent(v: f64, lang: Lang) -> String {
    format_percent(v.round(), 0, lang)
}

fn one_decimal(v: f64, lang: Lang) -> String {
    format_decimal(v, 1, lang)
}

#[component]
fn Results(d: Loaded) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let survey = StoredValue::new(d.survey.clone());
    let responses = StoredValue::new(d.responses.clone());
    let refs: Vec<&Response> = d.responses.iter().collect();
    let summary = Summary::of(&d.survey, &refs);
    let issued = d.links.len();
    let answered_links = d.links.iter().filter(|l| l.used_ms.is_some()).count();
    let scores = summary.scores;
    let export = move |_| {
        let bytes = survey.with_value(|s| {
            responses.with_value(|rs| {
                responses_csv(
                    s,
                    rs,
                    state.t_untracked(),
                    state.lang.get_untracked(),
                    &|id| customer_name(state, id),
                )
            })
        });
        let name = survey.with_value(|s| s.name.get(Lang::En).replace(['/', '\\', ' '], "-"));
        let _ = crate::state::export::download(&bytes, &format!("survey-{name}.csv"));
    };
    view! {
        <div class="survey-actions">
            <button type="button" class="btn" on:click=export data-testid="export-responses">{move || t().export_csv}</button>
        </div>
            <div class="figures" data-testid="survey-figures">
                <Figure label=|t| t.surveys.responses_count value=Signal::derive(move || localize_digits(&scores.responses.to_string(), lang())) testid="figure-responses"/>
                <Figure label=|t| t.surveys.response_rate testid="figure-rate" value=Signal::derive(move || if issued == 0 { "—".into() } else {
                    format!("{} ({}/{})", percent(answered_links as f64 * 100.0 / issued as f64, lang()), localize_digits(&answered_links.to_string(), lang()), localize_digits(&issued.to_string(), lang()))
                })/>
                {scores.nps.score().map(|nps| view! {
                    <Figure label=|t| t.surveys.nps testid="figure-nps" value=Signal::derive(move || localize_digits(&nps.to_string(), lang()))/>
                })}
                {scores.csat_percent.map(|c| view! { <Figure label=|t| t.surveys.csat testid="figure-csat" value=Signal::derive(move || percent(c, lang()))/> })}
                {scores.ces_mean.map(|c| view! { <Figure label=|t| t.surveys.ces testid="figure-ces" value=Signal::derive(move || one_decimal(c, lang()))/> })}
            </div>
            {(scores.nps.total() > 0).then(|| view! { <NpsSplit scores/> })}
            {(!summary.servqual.is_empty()).then(|| {
                let gaps = summary.servqual.clone();
                view! {
                    <div class="card">
                        <h2>{move || t().surveys.servqual_gap}</h2>
                        <table class="data-table" data-testid="servqual-gaps">
                            <thead><tr><th>{move || t().surveys.servqual_dimension}</th><th>{move || t().surveys.expectation}</th><th>{move || t().surveys.perception}</th><th>{move || t().surveys.gap}</th></tr></thead>
                            <tbody>
                                {gaps.into_iter().map(|g| view! {
                                    <tr class:negative={g.gap < 0.0}>
                                        <td>{move || dimension_label(g.dimension, t())}</td>
                                        <td>{move || one_decimal(g.expectation, lang())}</td>
                                        <td>{move || one_decimal(g.perception, lang())}</td>
                                        <td>{move || one_decimal(g.gap, lang())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
            <Trend survey=d.survey.clone() responses=d.responses.clone()/>
            <Breakdowns survey=d.survey.clone() responses=d.responses.clone() segments=d.segments.clone()/>
            {summary.questions.into_iter().filter_map(|r| {
                let q = d.survey.question(&r.question)?.clone();
                (r.answers > 0 || !q.retired).then(|| view! { <QuestionChart q r/> })
            }).collect_view()}
    }
}

#[component]
fn Figure(
    label: crate::i18n::TextOf,
    value: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="figure card" data-testid=testid>
            <span class="muted">{move || label(state.t())}</span>
            <strong class="figure-value">{move || value.get()}</strong>
        </div>
    }
}

#[component]
fn NpsSplit(scores: Scores) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let n = scores.nps.total().max(1) as f64;
    let parts = [
        (scores.nps.promoters, "promoters"),
        (scores.nps.passives, "passives"),
        (scores.nps.detractors, "detractors"),
    ];
    let label = move |k: &str| match k {
        "promoters" => t().surveys.promoters,
        "passives" => t().surveys.passives,
        _ => t().surveys.detractors,
    };
    view! {
        <div class="card nps-split" data-testid="nps-split">
            <div class="split-bar">
                {parts.map(|(count, k)| view! { <span class=format!("split {k}") style=format!("inline-size: {}%", count as f64 * 100.0 / n)></span> })}
            </div>
            <ul class="split-legend">
                {parts.map(|(count, k)| view! {
                    <li class=format!("legend {k}") data-testid=format!("nps-{k}")>{move || label(k)}": "{move || localize_digits(&count.to_string(), lang())}</li>
                })}
            </ul>
        </div>
    }
}

#[component]
fn QuestionChart(
    q: daftar_core::surveys::Question,
    r: daftar_core::surveys::QuestionResult,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let text = q.text.clone();
    let bars = |rows: Vec<(String, usize)>| {
        let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
        view! {
            <ul class="bars">
                {rows.into_iter().map(|(label, count)| view! {
                    <li class="bar-row">
                        <span class="bar-label">{label}</span>
                        <span class="bar"><span class="bar-fill" style=format!("inline-size: {}%", count * 100 / max)></span></span>
                        <span class="bar-count">{move || localize_digits(&count.to_string(), lang())}</span>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let body = match r.distribution {
        Distribution::Scale { counts, mean } => {
            let star = q.kind == Kind::Stars;
            let rows = counts.into_iter().map(|(v, n)| (if star { "★".repeat(v as usize) } else { localize_digits(&v.to_string(), lang()) }, n)).collect();
            view! { {bars(rows)}{mean.map(|m| view! { <p class="muted">{move || t().surveys.mean}": "{move || one_decimal(m, lang())}</p> })} }.into_any()
        }
        Distribution::Choices(counts) => bars(counts.into_iter().map(|(id, n)| (q.choices.iter().find(|c| c.id == id).map(|c| c.label.get(lang()).to_string()).unwrap_or(id), n)).collect()),
        Distribution::YesNo { yes, no } => bars(vec![(t().yes.to_string(), yes), (t().no.to_string(), no)]),
        Distribution::Pair { expectation, perception, .. } => view! {
            <p>{move || t().surveys.expectation}": "{move || expectation.map(|v| one_decimal(v, lang())).unwrap_or_default()}
               {move || t().part_separator}{move || t().surveys.perception}": "{move || perception.map(|v| one_decimal(v, lang())).unwrap_or_default()}</p>
        }.into_any(),
        Distribution::Texts(texts) => view! {
            <ul class="text-answers">{texts.into_iter().take(50).map(|(_, s)| view! { <li><bdi>{s}</bdi></li> }).collect_view()}</ul>
        }.into_any(),
    };
    view! {
        <div class="card question-result" data-testid=format!("result-{}", q.id)>
            <h3>{move || text.get(lang()).to_string()}{q.retired.then(|| view! { <span class="muted">" ("{move || t().surveys.retired_question}")"</span> })}</h3>
            <p class="muted">{move || t().surveys.answer_count(r.answers as i64)}</p>
            {body}
        </div>
    }
}

#[component]
fn Trend(survey: Survey, responses: Vec<Response>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    move || {
        let lang = state.lang.get();
        let months = by_month(&survey, &responses, lang, &|ms| {
            crate::browser_env::ms_to_local(ms).date()
        });
        (months.len() > 1).then(|| {
            view! {
                <div class="card">
                    <h2>{move || t().surveys.trend_by_month}</h2>
                    <ScoresTable rows=months.into_iter().map(|(m, s)| (m.title(), s)).collect()/>
                </div>
            }
        })
    }
}

#[component]
fn ScoresTable(rows: Vec<(String, Scores)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    view! {
        <table class="data-table">
            <thead><tr><th></th><th>{move || t().surveys.responses_count}</th><th>{move || t().surveys.nps}</th><th>{move || t().surveys.csat}</th><th>{move || t().surveys.ces}</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(label, s)| view! {
                    <tr>
                        <td><bdi>{label}</bdi></td>
                        <td>{move || localize_digits(&s.responses.to_string(), lang())}</td>
                        <td>{move || s.nps.score().map(|v| localize_digits(&v.to_string(), lang())).unwrap_or_else(|| "—".into())}</td>
                        <td>{move || s.csat_percent.map(|v| percent(v, lang())).unwrap_or_else(|| "—".into())}</td>
                        <td>{move || s.ces_mean.map(|v| one_decimal(v, lang())).unwrap_or_else(|| "—".into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Breakdowns(
    survey: Survey,
    responses: Vec<Response>,
    segments: HashMap<String, Option<ValueSegment>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    // The product breakdown reads the deals' lines.
    let _ = crate::pages::pipeline::use_sales();
    let by = RwSignal::new("segment");
    let rows = move || {
        let t = t();
        let (survey, responses) = (&survey, &responses);
        let groups = match by.get() {
            "owner" => breakdown(survey, responses, |r| {
                customer_field(state, &r.customer_id, |row| row.owner.clone())
            }),
            "product" => breakdown(survey, responses, |r| deal_products(state, r)),
            _ => breakdown(survey, responses, |r| {
                segments
                    .get(&r.customer_id)
                    .copied()
                    .flatten()
                    .map(|s| labels::value_segment(Some(s), t).to_string())
                    .into_iter()
                    .collect()
            }),
        };
        groups
            .into_iter()
            .map(|(k, s)| {
                (
                    if k.is_empty() {
                        t.not_set.to_string()
                    } else {
                        k
                    },
                    s,
                )
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="card">
            <h2>{move || t().surveys.breakdown}</h2>
            <div class="segmented" role="group">
                {[("segment", t().customers.field_value_segment), ("owner", t().field_owner), ("product", t().product)].map(|(k, label)| view! {
                    <button type="button" class="btn" aria-pressed=move || (by.get() == k).to_string() on:click=move |_| by.set(k)>{label}</button>
                })}
            </div>
            {move || view! { <ScoresTable rows=rows()/> }}
        </div>
    }
}

fn customer_field(
    state: AppState,
    id: &str,
    f: impl Fn(&daftar_core::customers::CustomerRow) -> String,
) -> Vec<String> {
    state
        .customers
        .with(|c| c.row(id).map(&f))
        .filter(|v| !v.is_empty())
        .into_iter()
        .collect()
}

/// The products a response is about: its own, or the lines of its deal.
fn deal_products(state: AppState, r: &Response) -> Vec<String> {
    if !r.product_id.is_empty() {
        return vec![r.product_id.clone()];
    }
    state.sales().with(|s| {
        s.as_ref()
            .and_then(|s| s.deals.iter().find(|d| d.id == r.deal_id))
            .map(|d| d.fields.lines.iter().map(|l| l.name.clone()).collect())
            .unwrap_or_default()
    })
}

fn customer_name(state: AppState, id: &str) -> String {
    state
        .customers
        .with_untracked(|c| c.row(id).map(|r| r.name.clone()))
        .unwrap_or_default()
}
