//! Segmentation as of today: the RFM grid (recency rows, frequency columns)
//! with a count in each cell and the segments as chips, either opening to
//! its customers; below, the lifetime models' churn-risk list, fitted after
//! the grid is drawn so the page never waits for it.

use super::{customer_name, over_deals, report_body, Empty};
use super::frame::Scope;
use super::pickers::CurrencySwitch;
use super::table::ReportTable;
use crate::browser_env::{today, MainThread};
use crate::i18n::{labels, Texts};
use crate::state::AppState;
use daftar_core::locale::{format_money, format_number, format_percent, Currency};
use daftar_core::reports::lifetime::FitError;
use daftar_core::reports::rfm::{RfmScore, Segment};
use daftar_core::reports::{churn_risk, outlook, segmentation, won_purchases, Outlook, Segmentation};
use leptos::prelude::*;
use std::sync::Arc;

const SEGMENTS: [Segment; 10] = [
    Segment::Champion,
    Segment::Loyal,
    Segment::PotentialLoyalist,
    Segment::New,
    Segment::Promising,
    Segment::NeedAttention,
    Segment::AboutToSleep,
    Segment::AtRisk,
    Segment::CantLose,
    Segment::Hibernating,
];
/// Rows of a list shown at once.
const SHOWN: usize = 100;

/// Whose customers the list below the grid shows.
#[derive(Clone, Copy, PartialEq)]
enum Pick {
    Segment(Segment),
    Cell(u8, u8),
}

impl Pick {
    fn holds(self, s: &RfmScore) -> bool {
        match self {
            Pick::Segment(segment) => s.segment == segment,
            Pick::Cell(r, f) => (s.recency, s.frequency) == (r, f),
        }
    }
}

#[component]
pub fn SegmentsReport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scope = expect_context::<Scope>();
    let currency = RwSignal::new(None::<Currency>);
    // The won deals are read at once; scoring them pauses as it goes (50,000
    // buyers would hold the thread for a long task) and the grid on screen
    // stays meanwhile. A new ask cancels the scoring under way: the task
    // belongs to the effect's run.
    let report = RwSignal::new(None::<Arc<Segmentation>>);
    Effect::new(move |_| {
        let (filter, currency, today) = (scope.filter(), currency.get(), today());
        let span = crate::perf::start("daftar:report-segments");
        // The read counts against the first slice: both run in this task.
        let pace = MainThread::new();
        let Some(won) = over_deals(state, "daftar:report-segments-read", |deals| won_purchases(deals, &filter, today, currency)) else {
            report.set(None);
            return;
        };
        // Untracked: a read in the task must not rerun the effect, which
        // would cancel the task it is in.
        untrack(|| leptos::task::spawn_local_scoped_with_cancellation(async move {
            let scored = segmentation(won, today, &pace).await;
            span.end();
            // As a memo would: the same scores again (an unrelated deal
            // saved) leave the grid, its open list and the fit alone.
            if report.with_untracked(|shown| shown.as_deref() != Some(&scored)) {
                report.set(Some(Arc::new(scored)));
            }
        }));
    });
    let none = Empty { when: |r: &Arc<Segmentation>| r.scores.is_empty(), text: |t| t.reports.segments_none, testid: "segments-none" };
    report_body(report.into(), Some(none), move |report| view! { <SegmentsView report currency/> })
}

#[component]
fn SegmentsView(report: Arc<Segmentation>, currency: RwSignal<Option<Currency>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.t_untracked();
    let lang = state.lang.get_untracked();
    let shown_currency = report.currency.unwrap_or_default();
    let pick = RwSignal::new(None::<Pick>);
    let name = move |id: &str| customer_name(state, id);
    let rows = {
        let report = report.clone();
        move |pick: Pick| -> Vec<Vec<String>> {
            let spend = |id: &str| report.spend_of(id);
            let mut picked: Vec<&RfmScore> = report.scores.iter().filter(|s| pick.holds(s)).collect();
            picked.sort_by(|a, b| spend(&b.customer_id).cmp(&spend(&a.customer_id)).then_with(|| a.customer_id.cmp(&b.customer_id)));
            picked
                .into_iter()
                .map(|s| vec![name(&s.customer_id), labels::rfm_segment(s.segment, t).to_string(), format_number(i64::from(s.recency), lang), format_number(i64::from(s.frequency), lang), format_number(i64::from(s.monetary), lang), format_money(spend(&s.customer_id), shown_currency, lang)])
                .collect()
        }
    };
    let headers = [t.reports.customer, t.reports.segment, t.reports.recency_short, t.reports.frequency_short, t.reports.monetary_short, t.reports.spent];
    {
        let rows = rows.clone();
        let all = report.scores.iter().map(|s| s.segment).collect::<Vec<_>>();
        expect_context::<Scope>().publish(move || ReportTable {
            name: "segments",
            headers: headers.map(String::from).to_vec(),
            // The list picked, else every segment in turn.
            rows: match pick.get_untracked() {
                Some(p) => rows(p),
                None => SEGMENTS.iter().filter(|s| all.contains(s)).flat_map(|s| rows(Pick::Segment(*s))).collect(),
            },
        });
    }
    let grid = report.grid;
    let counts: Vec<(Segment, usize)> = SEGMENTS.iter().map(|s| (*s, report.count(*s))).filter(|(_, n)| *n > 0).collect();
    view! {
        <CurrencySwitch currencies=report.currencies.clone() shown=shown_currency chosen=currency/>
        <h2>{t.reports.rfm_grid}</h2>
        <table class="rfm-grid" data-testid="rfm-grid">
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{t.reports.recency_short}</span></th>
                {(1..=5u8).map(|f| view! { <th scope="col">{format!("{} {}", t.reports.frequency_short, format_number(i64::from(f), lang))}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {(1..=5u8).rev().map(|r| view! {
                    <tr>
                        <th scope="row">{format!("{} {}", t.reports.recency_short, format_number(i64::from(r), lang))}</th>
                        {(1..=5u8).map(|f| {
                            let n = grid[usize::from(r) - 1][usize::from(f) - 1];
                            let segment = Segment::of(r, f);
                            view! {
                                <td>
                                    <button type="button" class=format!("rfm-cell segment-{segment:?}") disabled=n == 0 title=labels::rfm_segment(segment, t)
                                        aria-pressed=move || (pick.get() == Some(Pick::Cell(r, f))).to_string()
                                        on:click=move |_| pick.set(Some(Pick::Cell(r, f))) data-testid="rfm-cell">
                                        {format_number(n as i64, lang)}
                                    </button>
                                </td>
                            }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <div class="class-chips" role="group" aria-label=t.reports.segments>
            {counts.into_iter().map(|(segment, n)| view! {
                <button type="button" class=format!("btn class-chip segment-chip segment-{segment:?}") aria-pressed=move || (pick.get() == Some(Pick::Segment(segment))).to_string()
                    on:click=move |_| pick.set(Some(Pick::Segment(segment))) data-testid="segment-chip">
                    <strong>{labels::rfm_segment(segment, t)}</strong>
                    <span>{t.customers.customer_count(n as i64)}</span>
                </button>
            }).collect_view()}
        </div>
        {move || pick.get().map(|p| {
            let rows = rows(p);
            let more = rows.len().saturating_sub(SHOWN);
            view! {
                <div class="table-scroll" tabindex="0">
                    <table class="data-table report-table" data-testid="segment-table">
                        <thead><tr>{headers.into_iter().enumerate().map(|(i, h)| view! { <th scope="col" class:num={i > 1}>{h}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {rows.into_iter().take(SHOWN).map(|row| view! {
                                <tr data-testid="segment-customer">{row.into_iter().enumerate().map(|(i, cell)| view! { <td class:num={i > 1}><bdi>{cell}</bdi></td> }).collect_view()}</tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! { <p class="muted">{state.t().customers.customer_count(more as i64)}" …"</p> })}
            }
        })}
        <ChurnRisk report/>
    }
}

/// The lifetime models fitted a moment after the grid shows, then the
/// valuable customers whose probability alive fell.
#[component]
fn ChurnRisk(report: Arc<Segmentation>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let fitted = RwSignal::new(None::<Result<Vec<Outlook>, FitError>>);
    {
        let report = report.clone();
        // Cancelled with the list when another scoring replaces it.
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            // Let the grid paint first.
            crate::browser_env::sleep_ms(0).await;
            let span = crate::perf::start("daftar:report-lifetime");
            let result = outlook(&report, today(), &MainThread::new()).await;
            span.end();
            fitted.try_set(Some(result));
        });
    }
    let currency = report.currency.unwrap_or_default();
    view! {
        <h2>{move || t().reports.churn_title}</h2>
        <p class="muted">{move || t().reports.churn_note}</p>
        {move || match fitted.get() {
            None => view! { <p class="muted" data-testid="lifetime-fitting">{t().reports.fitting}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="empty" data-testid="lifetime-error">{fit_error_text(e, t())}</p> }.into_any(),
            Some(Ok(outlooks)) => {
                let risky = churn_risk(&report, &outlooks).into_iter().cloned().collect::<Vec<_>>();
                if risky.is_empty() {
                    view! { <p class="empty" data-testid="churn-none">{t().reports.churn_none}</p> }.into_any()
                } else {
                    let name = move |id: &str| customer_name(state, id);
                    let spend = { let report = report.clone(); move |id: &str| report.spend_of(id) };
                    view! {
                        <div class="table-scroll" tabindex="0">
                            <table class="data-table report-table" data-testid="churn-table">
                                <thead><tr>
                                    <th scope="col">{t().reports.customer}</th>
                                    <th scope="col" class="num">{t().reports.spent}</th>
                                    <th scope="col" class="num">{t().reports.three_months_ago}</th>
                                    <th scope="col" class="num">{t().reports.p_alive}</th>
                                    <th scope="col" class="num">{t().reports.value_12_months}</th>
                                </tr></thead>
                                <tbody>
                                    {risky.into_iter().take(SHOWN).map(|o| view! {
                                        <tr data-testid="churn-customer">
                                            <td><a href=format!("/customers/{}", o.customer_id)><bdi>{name(&o.customer_id)}</bdi></a></td>
                                            <td class="num"><bdi>{format_money(spend(&o.customer_id), currency, lang)}</bdi></td>
                                            <td class="num">{o.p_alive_before.map(|p| format_percent(p * 100.0, 0, lang)).unwrap_or_default()}</td>
                                            <td class="num">{format_percent(o.p_alive * 100.0, 0, lang)}</td>
                                            <td class="num"><bdi>{format_money(o.value_12_months.round() as i64, currency, lang)}</bdi></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }
        }}
    }
}

fn fit_error_text(e: FitError, t: &Texts) -> String {
    match e {
        FitError::TooLittleData { repeat_customers, needed } => t.reports.too_little_history(repeat_customers as i64, needed as i64),
        _ => t.reports.fit_failed.to_string(),
    }
}
