//! Renewals: warranties and contracts ending within 30, 60 or 90 days, and
//! the renewal deal with its task that one tap makes.

use super::super::{CONTRACT, ITEM};
use crate::check::{self};
use crate::env::Env;
use crate::locale::Currency;
use super::ServiceContract;
use crate::pipeline::{Deal, Pipeline, Status, DEAL_KIND, RENEWALS};
use crate::store::{to_fields, Batch, Record, Write};
use crate::warranty::item::{CoverageStatus, InstalledItem};
use std::collections::HashMap;
use crate::tasks::{Priority, Task, KIND as TASK};
use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

// ---- Renewals ----

/// What kind of thing comes due: its link field on the renewal deal follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenewalSource {
    /// An installed item's warranty.
    Warranty,
    Contract,
}

/// Something that ends and can be renewed, as the caller found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renewable {
    pub source: RenewalSource,
    /// The installed item's id for a warranty, the contract's for a contract.
    pub id: String,
    pub customer_id: String,
    /// Serial and product, or the contract's title.
    pub title: String,
    /// The last covered day.
    pub ends_on: NaiveDate,
    /// The renewal deal already open for it, if any.
    pub deal_id: Option<String>,
}

/// Everything that ends and can be renewed: warranties still covering on
/// `today` (covered or ending soon; not expired, void or not yet started)
/// and contracts with an end date, of customers `known` (one merged away or
/// deleted has no one to call), each with the open renewal deal already made
/// for it. Only an open deal stands for a renewal: once won or lost, the
/// next end date can be offered again.
pub fn renewables<'a>(
    items: impl IntoIterator<Item = (&'a String, &'a InstalledItem)>,
    contracts: impl IntoIterator<Item = (&'a String, &'a ServiceContract)>,
    deals: &[Record],
    today: NaiveDate,
    known: impl Fn(&str) -> bool,
) -> Vec<Renewable> {
    let renewing: HashMap<&str, &str> = deals.iter().filter(|r| !r.deleted).filter_map(|r| Some((renewed_by(r)?, r.id.as_str()))).collect();
    let deal_of = |id: &str| renewing.get(id).map(|deal| deal.to_string());
    let mut out = Vec::new();
    for (id, item) in items.into_iter().filter(|(_, i)| known(&i.customer_id)) {
        let check = item.check(today, 0);
        let (CoverageStatus::Covered | CoverageStatus::ExpiringSoon, Some(ends_on)) = (check.status, check.until) else { continue };
        out.push(Renewable { source: RenewalSource::Warranty, id: id.clone(), customer_id: item.customer_id.clone(), title: format!("{} {}", item.product_name, item.serial), ends_on, deal_id: deal_of(id) });
    }
    for (id, c) in contracts.into_iter().filter(|(_, c)| known(&c.customer_id)) {
        let Some(ends_on) = c.ends_on else { continue };
        out.push(Renewable { source: RenewalSource::Contract, id: id.clone(), customer_id: c.customer_id.clone(), title: c.title.clone(), ends_on, deal_id: deal_of(id) });
    }
    out
}

/// What an open renewal deal renews (the item or contract id
/// [`renewal_batch`] linked it to); None for any other deal.
fn renewed_by(deal: &Record) -> Option<&str> {
    let open = deal.read::<Deal>().is_ok_and(|d| d.status == Status::Open);
    let link = [ITEM, CONTRACT].into_iter().find_map(|kind| deal.fields.get(&format!("{kind}_id"))?.as_str());
    link.filter(|_| open)
}

/// How far ahead renewals are grouped, in days: call in 30, 60 or 90 days.
/// Nothing further than the largest is coming due.
pub const WINDOWS: [i64; 3] = [30, 60, 90];

/// Items ending within `within_days` of today (inclusive, not already
/// ended), soonest first, each with days left and its window (the smallest
/// of [`WINDOWS`] holding it). Ties keep the order given.
pub fn coming_due(
    all: impl IntoIterator<Item = Renewable>,
    today: NaiveDate,
    within_days: i64,
) -> Vec<(Renewable, i64, i64)> {
    let mut out: Vec<(Renewable, i64, i64)> = all
        .into_iter()
        .filter_map(|r| {
            let left = (r.ends_on - today).num_days();
            let window = WINDOWS.into_iter().find(|&w| left <= w)?;
            (0..=within_days)
                .contains(&left)
                .then_some((r, left, window))
        })
        .collect();
    out.sort_by_key(|(_, left, _)| *left);
    out
}

/// Words for the renewal deal and task, in the user's language, written by the caller.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RenewalTexts {
    pub deal_title: String,
    pub task_title: String,
}

/// The batch for one tap on "renew": a deal in the renewals pipeline's first
/// stage, expected to close on the end date, for `amount`, linked to what it
/// renews (a top-level `service_contract_id` or `installed_item_id` the deal
/// form keeps on edit); and a task for `owner` due `task_due`, linked to the
/// customer and the deal, so the follow-up is never forgotten. Returns the
/// batch and the new deal's id.
#[allow(
    clippy::too_many_arguments,
    reason = "one tap gathers each of these from a different place"
)]
pub fn renewal_batch(
    r: &Renewable,
    texts: &RenewalTexts,
    renewals: &Pipeline,
    owner: &str,
    amount: i64,
    currency: Currency,
    task_due: NaiveDateTime,
    env: &dyn Env,
) -> (Batch, String) {
    let owner = check::clean(owner);
    let mut deal = Deal {
        title: check::clean(&texts.deal_title),
        customer_id: r.customer_id.clone(),
        owner: owner.clone(),
        amount,
        currency,
        expected_close: Some(r.ends_on),
        pipeline_id: RENEWALS.to_string(),
        stage: renewals
            .first_stage()
            .map(|s| s.id.clone())
            .unwrap_or_default(),
        ..Deal::default()
    };
    deal.steps.push(deal.step(renewals, env.now_ms()));
    let mut deal_fields = to_fields(&deal);
    let renewed_kind = match r.source {
        RenewalSource::Warranty => ITEM,
        RenewalSource::Contract => CONTRACT,
    };
    deal_fields.insert(format!("{renewed_kind}_id"), Value::String(r.id.clone()));
    let deal_write = Write::create(DEAL_KIND, deal_fields, env);
    let deal_id = deal_write.record.id.clone();

    let task = Task {
        title: check::clean(&texts.task_title),
        due: Some(task_due),
        priority: Priority::High,
        owner,
        customer_id: r.customer_id.clone(),
        ..Task::default()
    };
    let mut task_fields = to_fields(&task);
    task_fields.insert(format!("{DEAL_KIND}_id"), Value::String(deal_id.clone()));
    let task_write = Write::create(TASK, task_fields, env);
    (
        Batch {
            writes: vec![deal_write, task_write],
        },
        deal_id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::locale::Lang;
    use crate::pipeline::{defaults, Status};
    use crate::store::links_of;
    use chrono::Days;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(date: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
        date.and_hms_opt(h, min, 0).unwrap()
    }

    fn renewable(id: &str, ends_on: NaiveDate) -> Renewable {
        Renewable {
            source: RenewalSource::Contract,
            id: id.into(),
            customer_id: "c1".into(),
            title: id.into(),
            ends_on,
            deal_id: None,
        }
    }

    #[test]
    fn coming_due_puts_each_item_in_its_smallest_window_soonest_first() {
        let today = d(2026, 3, 1);
        let in_days = |n: u64| today + Days::new(n);
        let all = vec![
            renewable("d45", in_days(45)),
            renewable("d90", in_days(90)),
            renewable("d20", in_days(20)),
            renewable("d91", in_days(91)),
            renewable("yesterday", today - Days::new(1)),
            renewable("today", today),
            renewable("d30", in_days(30)),
            renewable("d31", in_days(31)),
            renewable("d60", in_days(60)),
            renewable("also20", in_days(20)),
        ];
        let due = coming_due(all.clone(), today, 90);
        let got: Vec<(&str, i64, i64)> = due
            .iter()
            .map(|(r, left, window)| (r.id.as_str(), *left, *window))
            .collect();
        assert_eq!(
            got,
            [
                ("today", 0, 30),
                ("d20", 20, 30),
                ("also20", 20, 30),
                ("d30", 30, 30),
                ("d31", 31, 60),
                ("d45", 45, 60),
                ("d60", 60, 60),
                ("d90", 90, 90)
            ]
        );
        let soon: Vec<String> = coming_due(all.clone(), today, 30)
            .into_iter()
            .map(|(r, ..)| r.id)
            .collect();
        assert_eq!(soon, ["today", "d20", "also20", "d30"]);
        assert!(
            coming_due(all.clone(), today, 365)
                .iter()
                .all(|(r, ..)| r.id != "d91"),
            "nothing beyond the largest window"
        );
        assert!(coming_due(all, today, -1).is_empty());
    }

    #[test]
    fn renewing_a_contract_opens_a_linked_deal_and_a_task_in_one_batch() {
        let env = SeededEnv::new(3, 1_000);
        let (customer, contract) = (env.new_id(), env.new_id());
        let r = Renewable {
            customer_id: customer.clone(),
            ..renewable(&contract, d(2026, 5, 31))
        };
        let texts = RenewalTexts {
            deal_title: " Renew  AMC ".into(),
            task_title: "Call about the AMC renewal".into(),
        };
        let pipelines = defaults(Lang::En);
        let (_, renewals) = pipelines.iter().find(|(id, _)| id == RENEWALS).unwrap();
        let due = at(d(2026, 4, 1), 10, 0);
        let (batch, deal_id) = renewal_batch(
            &r,
            &texts,
            renewals,
            " ali ",
            12_000_000,
            Currency::Irt,
            due,
            &env,
        );

        assert_eq!(batch.writes.len(), 2);
        let deal_record = &batch.writes[0].record;
        assert_eq!(
            (deal_record.kind.as_str(), &deal_record.id),
            (DEAL_KIND, &deal_id)
        );
        assert_eq!(deal_record.fields["pipeline_id"], RENEWALS);
        assert_eq!(deal_record.fields["service_contract_id"], contract.as_str());
        assert!(!deal_record.fields.contains_key("installed_item_id"));
        let deal: Deal = deal_record.decode().unwrap();
        assert_eq!(
            (
                deal.title.as_str(),
                deal.owner.as_str(),
                deal.customer_id.as_str()
            ),
            ("Renew AMC", "ali", customer.as_str())
        );
        assert_eq!(
            (deal.stage.as_str(), deal.status, deal.amount, deal.currency),
            ("due", Status::Open, 12_000_000, Currency::Irt)
        );
        assert_eq!(deal.expected_close, Some(d(2026, 5, 31)));
        assert_eq!(
            (
                deal.steps.len(),
                deal.steps[0].stage.as_str(),
                deal.steps[0].stage_name.as_str()
            ),
            (1, "due", "Coming due")
        );
        assert_eq!(
            links_of(&deal_record.fields),
            [
                format!("customer:{customer}"),
                format!("pipeline:{RENEWALS}"),
                format!("service_contract:{contract}")
            ]
        );

        let task_record = &batch.writes[1].record;
        assert_eq!(task_record.kind, TASK);
        let task: Task = task_record.decode().unwrap();
        assert_eq!(
            (
                task.title.as_str(),
                task.due,
                task.priority,
                task.owner.as_str()
            ),
            (
                "Call about the AMC renewal",
                Some(due),
                Priority::High,
                "ali"
            )
        );
        assert_eq!(task_record.fields["customer_id"], customer.as_str());
        assert_eq!(
            links_of(&task_record.fields),
            [format!("customer:{customer}"), format!("deal:{deal_id}")]
        );
        assert!(batch.writes.iter().all(|w| w.expected_rev.is_none()));
    }

    #[test]
    fn renewing_a_warranty_links_the_installed_item() {
        let env = SeededEnv::new(4, 0);
        let item = env.new_id();
        let r = Renewable {
            source: RenewalSource::Warranty,
            ..renewable(&item, d(2026, 5, 31))
        };
        let renewals = &defaults(Lang::Fa)[1].1;
        let (batch, _) = renewal_batch(
            &r,
            &RenewalTexts::default(),
            renewals,
            "",
            0,
            Currency::Irr,
            at(d(2026, 5, 1), 9, 0),
            &env,
        );
        let fields = &batch.writes[0].record.fields;
        assert_eq!(fields["installed_item_id"], item.as_str());
        assert!(!fields.contains_key("service_contract_id"));
        assert_eq!(fields["stage"], "due");
    }

    #[test]
    fn renewable_are_live_warranties_and_dated_contracts_of_known_customers_with_their_open_deal() {
        use crate::warranty::item::Voided;
        let env = SeededEnv::new(11, 0);
        let today = d(2026, 6, 1);
        let item = |customer: &str, sold: NaiveDate, months: u32| InstalledItem { customer_id: customer.into(), sold_on: Some(sold), term_months: months, product_name: "P".into(), serial: "S".into(), ..Default::default() };
        let items: Vec<(String, InstalledItem)> = vec![
            ("live".into(), item("c1", d(2025, 1, 1), 24)),
            ("ending".into(), item("c1", d(2024, 6, 20), 24)),
            ("expired".into(), item("c1", d(2020, 1, 1), 12)),
            ("void".into(), InstalledItem { voided: Some(Voided { on: d(2026, 1, 1), reason: "misuse".into() }), ..item("c1", d(2025, 1, 1), 24) }),
            ("stranger".into(), item("gone", d(2025, 1, 1), 24)),
        ];
        let contract = |ends_on| ServiceContract { customer_id: "c1".into(), title: "care".into(), ends_on, ..Default::default() };
        let contracts: Vec<(String, ServiceContract)> = vec![("dated".into(), contract(Some(d(2026, 8, 1)))), ("open-ended".into(), contract(None))];
        let deal = |renews: &str, status, deleted| {
            let mut fields = to_fields(&Deal { status, ..Default::default() });
            let kind = if renews == "dated" { CONTRACT } else { ITEM };
            fields.insert(format!("{kind}_id"), Value::String(renews.into()));
            Record { deleted, ..Write::create(DEAL_KIND, fields, &env).record }
        };
        let deals = vec![
            deal("live", Status::Open, false),
            deal("ending", Status::Won, false),
            deal("dated", Status::Open, true),
            Write::create(DEAL_KIND, to_fields(&Deal::default()), &env).record,
        ];
        let found = renewables(items.iter().map(|(id, i)| (id, i)), contracts.iter().map(|(id, c)| (id, c)), &deals, today, |c| c == "c1");
        let shape: Vec<(&str, RenewalSource, bool)> = found.iter().map(|r| (r.id.as_str(), r.source, r.deal_id.is_some())).collect();
        assert_eq!(shape, vec![("live", RenewalSource::Warranty, true), ("ending", RenewalSource::Warranty, false), ("dated", RenewalSource::Contract, false)]);
        assert_eq!(found[0].deal_id.as_deref(), Some(deals[0].id.as_str()));
        assert_eq!(found[2].ends_on, d(2026, 8, 1));
    }
}
