//! The inbox's "ask for feedback" cards: customers who recently won a deal
//! and have not been sent the after-sale survey since, and customers whose
//! warranty claim was recently closed and have not been sent the
//! after-service survey since. One tap opens the survey link dialog for
//! that customer (and deal).

use crate::state::AppState;
use daftar_core::locale::localize_digits;
use daftar_core::surveys::suggest::after_sale;
use daftar_core::warranty::claims::{after_service, Claim};
use daftar_core::warranty::CLAIM;
use daftar_core::surveys::{IssuedLink, Purpose, Response, Survey, LINK, RESPONSE, SURVEY};
use leptos::prelude::*;

/// How long after a win or a closed claim the survey is still suggested.
const DAYS: i64 = 30;

#[component]
pub fn SurveySuggestions() -> impl IntoView {
    view! {
        <SuggestionCard purpose=Purpose::AfterSale/>
        <SuggestionCard purpose=Purpose::AfterService/>
    }
}

/// Whom to ask: (customer, deal) pairs, newest first.
type Asks = Vec<(String, String)>;

#[component]
fn SuggestionCard(purpose: Purpose) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    if purpose == Purpose::AfterSale {
        let _ = crate::pages::pipeline::use_sales();
    }
    // Closed claims, for the after-service survey.
    let claims = LocalResource::new(move || {
        state.track_records();
        async move {
            if purpose != Purpose::AfterService {
                return Vec::new();
            }
            let all = state.all_live(CLAIM).await.unwrap_or_default();
            all.iter().filter_map(|r| r.typed::<Claim>().ok()).collect::<Vec<_>>()
        }
    });
    // The after-sale survey and who was already asked, re-read after writes.
    let asked = LocalResource::new(move || {
        state.track_records();
        async move {
            let surveys = state.all_live(SURVEY).await.ok()?;
            let (id, survey) = surveys
                .into_iter()
                .filter_map(|r| Some((r.id.clone(), r.decode::<Survey>().ok()?)))
                .find(|(_, s)| s.purpose == purpose && !s.archived)?;
            let linked = state.linked_to(SURVEY, &id).await.ok()?;
            let asked: Vec<(String, i64)> = linked
                .iter()
                .filter_map(|r| match r.kind.as_str() {
                    LINK => r
                        .decode::<IssuedLink>()
                        .ok()
                        .map(|l| (l.customer_id, l.issued_ms)),
                    RESPONSE => r
                        .decode::<Response>()
                        .ok()
                        .map(|x| (x.customer_id, x.answered_ms)),
                    _ => None,
                })
                .collect();
            Some((id, survey, asked))
        }
    });
    let suggestions = move || {
        let (id, survey, asked) = asked.get().flatten()?;
        let now = js_sys::Date::now() as i64;
        let list: Asks = match purpose {
            Purpose::AfterService => after_service(claims.get()?.iter(), &asked, now, DAYS).into_iter().map(|s| (s.customer_id, String::new())).collect(),
            _ => state.sales().with(|s| s.as_ref().map(|s| after_sale(s.deals.iter(), &asked, now, DAYS)))?.into_iter().map(|s| (s.customer_id, s.deal_id)).collect(),
        };
        (!list.is_empty()).then_some((id, survey, list))
    };
    move || {
        suggestions().map(|(survey_id, survey, list)| {
            let name = survey.name.clone();
            let count = list.len();
            view! {
                <div class="card inbox-section" data-testid=if purpose == Purpose::AfterService { "service-suggestions" } else { "survey-suggestions" }>
                    <h2>{move || t().surveys.ask_for_feedback}{move || t().part_separator}{move || localize_digits(&count.to_string(), state.lang.get())}</h2>
                    <p class="muted">{move || name.get(state.lang.get()).to_string()}</p>
                    <ul class="plain-list">
                        {list.iter().map(|(customer_id, deal_id)| {
                            let customer = state.customers.with(|c| c.row(customer_id).map(|r| r.name.clone())).unwrap_or_default();
                            let href = format!("/surveys/{survey_id}?link_for={customer_id}&deal={deal_id}");
                            view! {
                                <li class="contact-row">
                                    <span class="row-title"><bdi>{customer}</bdi></span>
                                    <a class="btn" href=href data-testid="suggested-survey">{move || t().surveys.send_survey}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
