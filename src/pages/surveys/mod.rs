//! Surveys: the list with ready templates, the builder, results, the kiosk,
//! survey links and the import of response codes.

mod routes;
mod builder;
mod export;
mod import;
mod kiosk;
mod link;
mod results;
mod show_if;
mod suggest;
mod timeline;

pub use routes::{SurveyRoutes, TAB};

pub use builder::SurveyEdit;
pub use import::ImportCode;
pub use kiosk::{KioskGuard, SurveyKiosk};
pub use results::SurveyResults;
pub use suggest::SurveySuggestions;
pub use timeline::timeline_items;

use crate::i18n::Texts;
use crate::areas::kind::KindView;
use daftar_core::surveys;
use crate::state::AppState;
use daftar_core::surveys::{Channel, Dimension, Kind, Purpose, Response, Survey, Template, RESPONSE, SURVEY};
use leptos::prelude::*;

fn channel_label(c: Channel, t: &Texts) -> &'static str {
    match c {
        Channel::Kiosk => t.surveys.kiosk_mode,
        Channel::Link => t.surveys.survey_link,
    }
}

pub fn template_key(t: Template) -> &'static str {
    match t {
        Template::RelationshipNps => "nps",
        Template::AfterSaleCsat => "csat",
        Template::AfterService => "service",
        Template::Servqual => "servqual",
    }
}

fn template_label(tpl: Template, t: &Texts) -> &'static str {
    match tpl {
        Template::RelationshipNps => t.surveys.template_nps,
        Template::AfterSaleCsat => t.surveys.template_csat,
        Template::AfterService => t.surveys.template_service,
        Template::Servqual => t.surveys.template_servqual,
    }
}

pub fn kind_label(k: Kind, t: &Texts) -> &'static str {
    match k {
        Kind::Nps => t.surveys.kind_nps,
        Kind::Csat => t.surveys.kind_csat,
        Kind::Ces => t.surveys.kind_ces,
        Kind::Stars => t.surveys.kind_stars,
        Kind::Single => t.surveys.kind_single,
        Kind::Multiple => t.surveys.kind_multiple,
        Kind::YesNo => t.surveys.kind_yes_no,
        Kind::ShortText => t.surveys.kind_short_text,
        Kind::LongText => t.surveys.kind_long_text,
        Kind::Servqual => t.surveys.kind_servqual,
    }
}

pub fn purpose_label(p: Purpose, t: &Texts) -> &'static str {
    match p {
        Purpose::General => t.surveys.purpose_general,
        Purpose::Relationship => t.surveys.purpose_relationship,
        Purpose::AfterSale => t.surveys.purpose_after_sale,
        Purpose::AfterService => t.surveys.purpose_after_service,
    }
}

pub fn dimension_label(d: Dimension, t: &Texts) -> &'static str {
    match d {
        Dimension::Tangibles => t.surveys.dim_tangibles,
        Dimension::Reliability => t.surveys.dim_reliability,
        Dimension::Responsiveness => t.surveys.dim_responsiveness,
        Dimension::Assurance => t.surveys.dim_assurance,
        Dimension::Empathy => t.surveys.dim_empathy,
    }
}

#[component]
pub fn SurveyList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let list = LocalResource::new(move || {
        state.track_records();
        async move {
            let surveys = state.all_live(SURVEY).await.unwrap_or_default();
            let mut answered_by_survey = std::collections::HashMap::<String, usize>::new();
            for response in state.all_live(RESPONSE).await.unwrap_or_default() {
                if let Ok(response) = response.read::<Response>() {
                    *answered_by_survey.entry(response.survey_id).or_default() += 1;
                }
            }
            let mut list = surveys
                .into_iter()
                .filter_map(|r| {
                    let survey: Survey = r.decode().ok()?;
                    let answered = answered_by_survey.get(&r.id).copied().unwrap_or(0);
                    Some((r.id, survey, answered))
                })
                .collect::<Vec<_>>();
            // Archived ones last: kept for their answers, no longer offered.
            list.sort_by_key(|(_, s, _)| s.archived);
            list
        }
    });
    view! {
        <section class="page">
            <div class="list-head">
                <h1>{move || t().nav_surveys}</h1>
                <a class="btn" href="/surveys/import" data-testid="import-code-link">{move || t().surveys.import_response_code}</a>
                <a class="btn" href="/complaints">{move || t().surveys.complaints}</a>
            </div>
            <Suspense fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                {move || list.get().map(|all| view! {
                    <ul class="plain-list card" data-testid="survey-list">
                        {all.is_empty().then(|| view! { <li class="muted">{move || t().surveys.no_surveys_yet}</li> })}
                        {all.into_iter().map(|(id, survey, n)| view! {
                            <li class="contact-row">
                                <a class="row-title" href=format!("/surveys/{id}")><bdi>{move || survey.name.get(lang()).to_string()}</bdi></a>
                                <span class="muted">
                                    {move || t().surveys.response_count(n as i64)}
                                    {survey.archived.then(|| view! { {move || t().part_separator}{move || t().surveys.archived}})}
                                </span>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </Suspense>
            <h2>{move || t().surveys.start_from_template}</h2>
            <div class="template-grid">
                {Template::ALL.map(|tpl| view! {
                    <a class="btn template" href=format!("/surveys/new?template={}", template_key(tpl)) data-testid=format!("template-{}", template_key(tpl))>{move || template_label(tpl, t())}</a>
                })}
                <a class="btn template" href="/surveys/new" data-testid="template-blank">{move || t().surveys.blank_survey}</a>
            </div>
        </section>
    }
}

pub const KINDS: &[KindView] = &[
    KindView { kind: SURVEY, heading: |t| t.nav_surveys, opens: |hit| format!("/surveys/{}/edit", hit.id), timeline: None, field: |_, _| "" },
    KindView {
        kind: surveys::RESPONSE,
        heading: |t| t.surveys.survey_responses,
        // Read on its customer's timeline; an anonymous one among its survey's results.
        opens: |hit| if hit.customer_id.is_empty() { format!("/surveys/{}", hit.within) } else { format!("/customers/{}", hit.customer_id) },
        timeline: Some(timeline_items),
        field: |_, _| "",
    },
    KindView { kind: surveys::LINK, heading: |t| t.surveys.survey_links, opens: |hit| format!("/surveys/{}", hit.within), timeline: Some(timeline_items), field: |_, _| "" },
];
