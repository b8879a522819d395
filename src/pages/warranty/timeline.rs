//! Warranty facts on the customer timeline: an item sold with its warranty,
//! extended, transferred or voided; every step of a claim; visits done; a
//! service contract signed.

use crate::i18n::{labels, local_datetime, Lang, Texts};
use crate::timeline::item::Item;
use daftar_core::locale::{format_date, localize_digits};
use daftar_core::store::Record;
use daftar_core::warranty::claims::Claim;
use daftar_core::warranty::item::InstalledItem;
use daftar_core::warranty::service::{ServiceContract, ServiceVisit, VisitStatus};
use chrono::NaiveDate;

/// A day's facts sort at its noon (the day is what was recorded, not the hour).
fn at_noon(d: NaiveDate) -> i64 {
    d.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp_millis()).unwrap_or_default()
}

fn on_day(d: NaiveDate, kind: &'static str, label: &str, title: &str, detail: String, href: &str, lang: Lang) -> Item {
    Item { at: at_noon(d), kind, label: label.to_string(), title: title.to_string(), detail, when: format_date(d, lang), href: Some(href.to_string()) }
}

pub fn item_items(record: &Record, t: &Texts, lang: Lang) -> Vec<Item> {
    let Ok(item) = record.decode::<InstalledItem>() else { return Vec::new() };
    let href = format!("/warranty/items/{}", record.id);
    let title = format!("{} {}", item.product_name, item.serial);
    let mut out = Vec::new();
    if let Some(sold) = item.sold_on {
        let until = item.covered_until().map(|d| t.warranty.tl_warranty_until(&format_date(d, lang))).unwrap_or_default();
        out.push(on_day(sold, "warranty", t.warranty.tl_item_sold, &title, localize_digits(&until, lang), &href, lang));
    }
    for e in item.extensions.iter().filter_map(|e| Some((e.bought_on?, e))) {
        out.push(on_day(e.0, "warranty", t.warranty.tl_item_extended, &title, t.warranty.item_extension_line(e.1.months as i64), &href, lang));
    }
    for tr in &item.transfers {
        out.push(on_day(tr.on, "warranty", t.warranty.tl_item_transferred, &title, tr.note.clone(), &href, lang));
    }
    if let Some(v) = &item.voided {
        out.push(on_day(v.on, "complaint", t.warranty.tl_item_voided, &title, v.reason.clone(), &href, lang));
    }
    out
}

pub fn claim_items(record: &Record, t: &Texts, lang: Lang) -> Vec<Item> {
    let Ok(claim) = record.decode::<Claim>() else { return Vec::new() };
    let href = Some(format!("/warranty/claims/{}", record.id));
    claim
        .steps
        .iter()
        .map(|s| Item {
            at: s.at,
            kind: "claim",
            label: format!("{}: {}", t.warranty.tl_claim, labels::claim_status(s.status, t)),
            title: claim.problem.clone(),
            detail: s.note.clone(),
            when: local_datetime(s.at, lang),
            href: href.clone(),
        })
        .collect()
}

pub fn visit_items(record: &Record, t: &Texts, lang: Lang) -> Vec<Item> {
    let Ok(visit) = record.decode::<ServiceVisit>() else { return Vec::new() };
    let Some(at) = visit.done_ms.filter(|_| visit.status == VisitStatus::Done) else { return Vec::new() };
    vec![Item {
        at,
        kind: "service-visit",
        label: t.warranty.tl_service_visit.to_string(),
        title: labels::visit_kind(visit.kind, t).to_string(),
        detail: visit.report,
        when: local_datetime(at, lang),
        href: Some(format!("/warranty/visits/{}", record.id)),
    }]
}

pub fn contract_items(record: &Record, t: &Texts, lang: Lang) -> Vec<Item> {
    let Ok(c) = record.decode::<ServiceContract>() else { return Vec::new() };
    let Some(starts) = c.starts_on else { return Vec::new() };
    let until = c.ends_on.map(|d| t.warranty.tl_warranty_until(&format_date(d, lang))).unwrap_or_default();
    vec![on_day(starts, "warranty", t.warranty.tl_contract, &c.title, localize_digits(&until, lang), &format!("/warranty/contracts/{}", record.id), lang)]
}
