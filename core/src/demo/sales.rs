//! The sales side of the demo data: a small catalog, suppliers, competitors,
//! and deals across the pipelines' stages — at size L, 5,000 open deals over
//! the eight stages of "new sales" (what the board benchmark opens).

use super::Size;
use crate::catalog::{self, Competitor, Product, ProductKind, Supplier};
use crate::env::{Env, SplitMix64};
use crate::locale::{Currency, Lang};
use crate::pipeline::{self, Deal, Pipeline};
use crate::store::{self, Write};
use chrono::NaiveDate;

const PRODUCTS: &[(&str, ProductKind, &str, i64, u32)] = &[
    ("چاپگر لیزری P200", ProductKind::Good, "چاپگر", 18_500_000, 12),
    ("چاپگر رنگی C450", ProductKind::Good, "چاپگر", 42_000_000, 18),
    ("دستگاه کپی MF700", ProductKind::Good, "کپی", 96_000_000, 24),
    ("اسکنر اسناد S10", ProductKind::Good, "اسکنر", 23_000_000, 12),
    ("کارتریج تونر T1", ProductKind::Good, "مصرفی", 2_400_000, 0),
    ("Label printer L3", ProductKind::Good, "Printers", 9_800_000, 12),
    ("نصب و راه‌اندازی", ProductKind::Service, "خدمات", 3_500_000, 0),
    ("قرارداد سرویس سالانه", ProductKind::Service, "خدمات", 28_000_000, 0),
    ("آموزش کاربران", ProductKind::Service, "خدمات", 6_000_000, 0),
    ("Annual support plan", ProductKind::Service, "Services", 15_000_000, 0),
];
const SUPPLIERS: &[(&str, &str)] = &[
    ("بازرگانی آریا", "چاپگر و دستگاه کپی"),
    ("پخش مصرفی نوین", "کارتریج و کاغذ"),
    ("Gulf Office Supply", "Scanners and label printers"),
];
const COMPETITORS: &[(&str, &str, &str)] = &[
    ("اداری‌پارس", "قیمت پایین‌تر", "خدمات پس از فروش ضعیف"),
    ("فن‌آوران دفتر", "شبکه فروش گسترده", "تحویل دیر"),
    ("OfficeMax Dubai", "Brand-name stock", "No local service"),
];
const DEAL_TITLES: &[&str] = &["خرید چاپگر برای شعبه", "تجهیز دفتر جدید", "Office refit", "تمدید سرویس", "دستگاه کپی طبقه دوم", "Scanner rollout", "خرید عمده کارتریج", "ارتقای تجهیزات"];
const SOURCES: &[&str] = &["نمایشگاه", "تبلیغات پیامکی", "معرفی مشتری", "website", "تماس ورودی"];
const NEXT: &[&str] = &["ارسال پیش‌فاکتور", "جلسه با مدیر خرید", "Send the contract", "نمایش دستگاه", "تماس پیگیری"];
const DAY_MS: i64 = 86_400_000;

/// (open, closed) deals of a dataset.
pub fn deal_counts(size: Size) -> (usize, usize) {
    match size {
        Size::S => (40, 20),
        Size::M => (600, 200),
        Size::L => (5_000, 1_000),
    }
}

/// Catalog, suppliers, competitors, and deals on `customer_ids`.
pub fn writes(size: Size, seed: u64, customer_ids: &[String], now: i64, env: &dyn Env) -> Vec<Write> {
    let mut rng = SplitMix64(seed ^ 0xDEA1);
    let mut out = Vec::new();
    let mut create = |kind: &str, fields| {
        let w = Write::create(kind, fields, env);
        let id = w.record.id.clone();
        out.push(w);
        id
    };
    let supplier_ids: Vec<String> = SUPPLIERS
        .iter()
        .map(|(name, supplies)| create(catalog::SUPPLIER, store::to_fields(&Supplier { name: name.to_string(), supplies: supplies.to_string(), ..Default::default() })))
        .collect();
    let products: Vec<(String, Product)> = PRODUCTS
        .iter()
        .enumerate()
        .map(|(i, (name, kind, category, price, warranty_months))| {
            let p = Product {
                name: name.to_string(),
                kind: *kind,
                category: category.to_string(),
                price: *price,
                cost: price * 7 / 10,
                currency: Currency::Irt,
                marketer_bp: 300,
                agency_bp: if i % 3 == 0 { 500 } else { 0 },
                warranty_months: *warranty_months,
                warranty_starts: Default::default(),
                supplier_ids: vec![supplier_ids[i % supplier_ids.len()].clone()],
            };
            (create(catalog::PRODUCT, store::to_fields(&p)), p)
        })
        .collect();
    let competitor_ids: Vec<String> = COMPETITORS
        .iter()
        .map(|(name, strengths, weaknesses)| {
            let buyers = (0..3).filter_map(|_| customer_ids.get(rng.below(customer_ids.len().max(1) as u64) as usize).cloned()).collect();
            let c = Competitor { name: name.to_string(), strengths: strengths.to_string(), weaknesses: weaknesses.to_string(), customer_ids: buyers, ..Default::default() };
            create(catalog::COMPETITOR, store::to_fields(&catalog::validate_competitor(&c).unwrap_or(c)))
        })
        .collect();
    let pipelines = pipeline::defaults(Lang::Fa);
    let reasons = pipeline::LostReasons::defaults(Lang::Fa).reasons;
    let (open, closed) = deal_counts(size);
    for i in 0..open + closed {
        // At size L every open deal is in "new sales"; smaller sets spread some to the others.
        let (pipeline_id, pipeline) = if size != Size::L && i % 10 == 9 { &pipelines[1 + i % 2] } else { &pipelines[0] };
        let Some(customer_id) = customer_ids.get(rng.below(customer_ids.len().max(1) as u64) as usize) else { break };
        // An open deal was entered in the last 40 days; a closed one closed
        // in the last 300, after 1 to 90 days open, so the reports' sales
        // cycles and past pipelines read like a real year.
        let closed_at = (i >= open).then(|| now - rng.below(300) as i64 * DAY_MS);
        let entered = match closed_at {
            Some(closed_at) => closed_at - (1 + rng.below(90) as i64) * DAY_MS,
            None => now - rng.below(40) as i64 * DAY_MS,
        } - rng.below(DAY_MS as u64) as i64;
        let mut deal = deal(&mut rng, pipeline_id, pipeline, customer_id, &products, &competitor_ids, now, entered);
        if let Some(at) = closed_at {
            let on = day_of(at);
            deal = if rng.chance(50) { deal.won(pipeline, on, at) } else { { let reason = rng.pick(&reasons).clone(); deal.lost(pipeline, &reason, "", on, at).unwrap_or(deal) } };
        }
        create(pipeline::DEAL_KIND, store::to_fields(&deal));
    }
    out
}

fn day_of(ms: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp_millis(ms).map(|d| d.date_naive()).unwrap_or_default()
}

fn deal(rng: &mut SplitMix64, pipeline_id: &str, pipeline: &Pipeline, customer_id: &str, products: &[(String, Product)], competitor_ids: &[String], now: i64, entered: i64) -> Deal {
    let stage = rng.pick(&pipeline.stages).id.clone();
    let lines = if rng.chance(30) {
        (0..1 + rng.below(2)).map(|_| {
            let (id, p) = rng.pick(products);
            let mut line = p.line(id, 1 + rng.below(5) as u32);
            line.discount_bp = [0, 0, 500, 1000][rng.below(4) as usize];
            line
        }).collect()
    } else {
        Vec::new()
    };
    let amount = if lines.is_empty() { (1 + rng.below(400) as i64) * 5_000_000 } else { pipeline::line_totals(&lines).net };
    let mut deal = Deal {
        title: rng.pick(DEAL_TITLES).to_string(),
        customer_id: customer_id.to_string(),
        owner: rng.pick(super::OWNERS).to_string(),
        amount,
        currency: Currency::Irt,
        expected_close: rng.chance(90).then(|| day_of(now + (rng.below(150) as i64 - 15) * DAY_MS)),
        source: rng.pick(SOURCES).to_string(),
        pipeline_id: pipeline_id.to_string(),
        stage,
        competitor_ids: if rng.chance(20) { vec![rng.pick(competitor_ids).clone()] } else { Vec::new() },
        next_step: if rng.chance(70) { rng.pick(NEXT).to_string() } else { String::new() },
        next_step_on: rng.chance(60).then(|| day_of(now + (rng.below(20) as i64 - 5) * DAY_MS)),
        lines,
        ..Default::default()
    };
    let first = deal.step(pipeline, entered);
    deal.steps.push(first);
    deal
}
