//! After-sales service (خدمات پس از فروش): the coverage check a technician
//! runs at the customer's site, the installed base, claims, service visits,
//! service contracts and the renewals coming due. Everything reads the
//! device's own database: none of it needs the network.

mod routes;
mod certificate;
mod check;
mod claim_list;
mod claim_new;
mod claim_show;
mod claim_work;
mod contract_edit;
mod contracts;
mod item_actions;
mod item_edit;
mod item_list;
mod item_show;
mod photos;
mod renewals;
pub mod timeline;
mod visit_edit;
mod visits;

pub use routes::{WarrantyRoutes, TAB};

pub use certificate::Certificate;
pub use check::CoverageCheckPage;
pub use claim_list::ClaimList;
pub use claim_new::ClaimNew;
pub use claim_show::ClaimShow;
pub use contract_edit::ContractEdit;
pub use contracts::ContractList;
pub use item_edit::ItemEdit;
pub use item_list::ItemList;
pub use item_show::ItemShow;
pub use renewals::{RenewalsPage, RenewalsReminder};
pub use visit_edit::VisitEdit;
pub use visits::VisitList;

use crate::i18n::{Lang, TextOf, Texts};
use crate::areas::kind::{page, KindView};
use daftar_core::warranty;
use crate::state::AppState;
use daftar_core::locale::format_date;
use daftar_core::warranty::item::{CoverageCheck, CoverageStatus, InstalledItem, Reason};
use daftar_core::warranty::Coverage;
use leptos::prelude::*;

/// The after-sales screens' tabs.
#[component]
pub fn WarrantyTabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let path = leptos_router::hooks::use_location().pathname;
    let tabs: [(&str, TextOf); 6] = [
        ("/warranty", |t| t.warranty.warranty_check),
        ("/warranty/items", |t| t.warranty.warranty_items),
        ("/warranty/claims", |t| t.warranty.warranty_claims),
        ("/warranty/visits", |t| t.warranty.warranty_visits),
        ("/warranty/contracts", |t| t.warranty.warranty_contracts),
        ("/warranty/renewals", |t| t.warranty.warranty_renewals),
    ];
    view! {
        <nav class="pipeline-tabs warranty-tabs" aria-label=move || t().nav_warranty>
            {tabs.map(|(href, label)| {
                let current = move || {
                    let p = path.get();
                    (if href == "/warranty" { p == href } else { p.starts_with(href) }).then_some("page")
                };
                view! { <a class="tab" href=href aria-current=current>{move || label(t())}</a> }
            })}
        </nav>
    }
}

/// The badge class of a coverage status (its colour).
fn status_class(s: CoverageStatus) -> &'static str {
    match s {
        CoverageStatus::Covered => "badge cov-covered",
        CoverageStatus::ExpiringSoon => "badge cov-soon",
        CoverageStatus::Expired | CoverageStatus::Void => "badge cov-ended",
        CoverageStatus::NotStarted | CoverageStatus::NoWarranty => "badge cov-none",
    }
}

fn status_label(s: CoverageStatus, t: &Texts) -> &'static str {
    match s {
        CoverageStatus::Covered => t.warranty.cov_covered,
        CoverageStatus::ExpiringSoon => t.warranty.cov_soon,
        CoverageStatus::Expired => t.warranty.cov_expired,
        CoverageStatus::Void => t.warranty.cov_void,
        CoverageStatus::NotStarted => t.warranty.cov_not_started,
        CoverageStatus::NoWarranty => t.warranty.cov_none,
    }
}

/// Why the status is what it is, in a sentence: until when and how many
/// days are left, when it ended, why it is void.
fn reason_text(c: &CoverageCheck, item: &InstalledItem, t: &Texts, lang: Lang) -> String {
    let date = |d| format_date(d, lang);
    let until = c.until.map(date).unwrap_or_default();
    match &c.reason {
        Reason::InTerm | Reason::InExtension { .. } => {
            let left = t.warranty.cov_until_left(&until, c.days_left.unwrap_or(0) as i64);
            match c.reason {
                Reason::InExtension { .. } => format!("{left} {}", t.warranty.cov_in_extension),
                _ => left,
            }
        }
        Reason::Ended { on } => t.warranty.cov_ended_on(&date(*on)),
        Reason::Voided { on, reason } => t.warranty.cov_void_since(&date(*on), reason),
        Reason::AwaitingInstallation => t.warranty.cov_awaiting_installation(item.term_months as i64),
        Reason::NotYetStarted { on } => t.warranty.cov_starts_on(&date(*on)),
        Reason::NoTerm => t.warranty.cov_no_term.to_string(),
    }
}

fn coverage_text(c: Coverage, t: &Texts) -> String {
    t.warranty.cov_parts_labour(c.parts_percent as i64, c.labour_percent as i64)
}

/// An item's coverage today: the badge, the reason, what is paid for, and
/// what is never covered.
#[component]
fn CoverageCard(item: InstalledItem) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let check = crate::state::coverage_today(&item);
    let status = check.status;
    let covered = matches!(status, CoverageStatus::Covered | CoverageStatus::ExpiringSoon);
    let coverage = check.coverage;
    let exclusions = item.exclusions.clone();
    let reason = {
        let (check, item) = (check.clone(), item.clone());
        move || reason_text(&check, &item, t(), state.lang.get())
    };
    view! {
        <div class="coverage-card" data-testid="coverage-card" data-status=format!("{status:?}")>
            <span class=status_class(status) data-testid="coverage-status">{move || status_label(status, t())}</span>
            <p class="coverage-reason" data-testid="coverage-reason">{reason}</p>
            {covered.then(|| view! { <p class="muted" data-testid="coverage-split">{move || coverage_text(coverage, t())}</p> })}
            {(!exclusions.is_empty()).then(|| view! {
                <p class="muted coverage-exclusions">
                    <strong>{move || t().warranty.item_exclusions}": "</strong>
                    <bdi>{exclusions.join(t().list_separator)}</bdi>
                </p>
            })}
        </div>
    }
}

/// The customer's name from the in-memory list ("" once deleted).
fn customer_name(state: AppState, id: &str) -> String {
    state.customers.with(|c| c.row(id).map(|r| r.name.clone())).unwrap_or_default()
}

pub const KINDS: &[KindView] = &[
    KindView { kind: warranty::ITEM, heading: |t| t.warranty.warranty_items, opens: |hit| page("/warranty/items", hit), timeline: Some(timeline::item_items), field: item_field },
    KindView { kind: warranty::CLAIM, heading: |t| t.warranty.warranty_claims, opens: |hit| page("/warranty/claims", hit), timeline: Some(timeline::claim_items), field: claim_field },
    KindView { kind: warranty::CONTRACT, heading: |t| t.warranty.warranty_contracts, opens: |hit| page("/warranty/contracts", hit), timeline: Some(timeline::contract_items), field: contract_field },
    KindView { kind: warranty::VISIT, heading: |t| t.warranty.warranty_visits, opens: |hit| page("/warranty/visits", hit), timeline: Some(timeline::visit_items), field: visit_field },
];

fn item_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "serial" => t.warranty.field_serial,
        "sold_on" => t.warranty.item_sold_on,
        "installed_on" => t.warranty.item_installed_on,
        "start_policy" => t.warranty.item_start_policy,
        "term_months" => t.warranty.item_term_months,
        "calendar" => t.warranty.item_calendar,
        "coverage" => t.warranty.item_parts_percent,
        "exclusions" => t.warranty.item_exclusions,
        "transferable" => t.warranty.item_transferable,
        "extensions" => t.warranty.item_extensions,
        "transfers" => t.warranty.item_transfers,
        "voided" => t.warranty.item_void,
        "location" => t.warranty.item_location,
        _ => "",
    }
}

fn claim_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "serial" => t.warranty.field_serial,
        "problem" => t.warranty.claim_problem,
        "reported_on" => t.warranty.claim_reported_on,
        "channel" => t.warranty.claim_channel,
        "diagnosis" => t.warranty.claim_diagnosis,
        "reject_reason" => t.warranty.claim_reject_reason,
        "resolution" => t.warranty.claim_resolution,
        "coverage" => t.warranty.claim_covered,
        "parts" => t.warranty.claim_parts,
        "labour_tenths" => t.warranty.claim_labour_hours,
        "labour_rate" => t.warranty.claim_labour_rate,
        _ => "",
    }
}

fn contract_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "installed_item_ids" => t.warranty.contract_items,
        "starts_on" => t.warranty.contract_starts,
        "ends_on" => t.warranty.contract_ends,
        "price" => t.field_price,
        "visits_included" => t.warranty.contract_visits,
        "response_hours" => t.warranty.contract_response_hours,
        _ => "",
    }
}

fn visit_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "scheduled" => t.warranty.visit_when,
        "duration_minutes" => t.warranty.visit_duration,
        "kind" => t.warranty.visit_kind,
        "report" => t.activities.visit_report,
        "done_ms" => t.field_status,
        "warranty_claim_id" => t.warranty.warranty_claims,
        "service_contract_id" => t.warranty.warranty_contracts,
        _ => "",
    }
}
