//! Customers who went quiet: no won deal, and/or no activity, for a number
//! of days, with when they last bought and for how much — and the win-back
//! tasks a manager plans for them, each for the customer's own rep.

use super::facts::{Activities, CustomerFacts, TaskPlanned};
use super::filter::Filter;
use crate::locale::Currency;
use crate::pipeline::{Deal, Status};
use crate::store::Envelope;
use crate::tasks::{Priority, TaskInput};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

/// What counts as quiet; a rule left out is not applied, and with both,
/// both must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quiet {
    /// Bought before, but not in this many days.
    pub no_purchase_days: Option<u32>,
    /// No visit, call or other activity in this many days (a customer with
    /// none at all counts from when the relationship began).
    pub no_activity_days: Option<u32>,
}

/// A customer's last won deal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastPurchase {
    pub day: NaiveDate,
    pub amount: i64,
    pub currency: Currency,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DormantCustomer {
    pub customer_id: String,
    pub owner: String,
    pub last_purchase: Option<LastPurchase>,
    pub last_activity: Option<NaiveDate>,
    /// Days since the last purchase, else since the relationship began.
    pub days_quiet: i64,
    /// Tasks about the customer not yet done (a win-back planned already).
    pub open_tasks: usize,
}

/// The customers `filter`'s owner holds (deals limited to its pipeline)
/// who are quiet by `rule` on `today`, the longest quiet first. An activity
/// dated after today (a meeting planned ahead) does not count yet.
pub fn dormant<'a>(
    customers: impl IntoIterator<Item = (&'a str, &'a CustomerFacts)>,
    deals: &[&Envelope<Deal>],
    activities: &Activities,
    tasks: &[&TaskPlanned],
    today: NaiveDate,
    rule: Quiet,
    filter: &Filter,
) -> Vec<DormantCustomer> {
    if rule.no_purchase_days.is_none() && rule.no_activity_days.is_none() {
        return Vec::new();
    }
    let mut last_purchase: HashMap<&str, LastPurchase> = HashMap::new();
    for deal in deals.iter().map(|e| &e.fields).filter(|d| d.status == Status::Won && filter.pipeline(d)) {
        let Some(day) = deal.closed_on.filter(|on| *on <= today) else { continue };
        // Deals won the same day in the same currency are one purchase.
        match last_purchase.get_mut(deal.customer_id.as_str()) {
            Some(p) if p.day == day && p.currency == deal.currency => p.amount = p.amount.saturating_add(deal.amount),
            Some(p) if p.day >= day => {}
            _ => {
                last_purchase.insert(&deal.customer_id, LastPurchase { day, amount: deal.amount, currency: deal.currency });
            }
        }
    }
    let mut open_tasks: HashMap<&str, usize> = HashMap::new();
    for task in tasks.iter().filter(|t| t.done_on.is_none()) {
        *open_tasks.entry(&task.customer_id).or_default() += 1;
    }
    let quiet_for = |since: NaiveDate, days: u32| (today - since).num_days() >= i64::from(days);
    let mut out: Vec<DormantCustomer> = customers
        .into_iter()
        .filter(|(id, c)| filter.owner(&c.owner) && filter.customer(id))
        .filter_map(|(id, customer)| {
            let purchase = last_purchase.get(id);
            let activity = activities.latest_by(id, today);
            if let Some(days) = rule.no_purchase_days {
                if !purchase.is_some_and(|p| quiet_for(p.day, days)) {
                    return None;
                }
            }
            if let Some(days) = rule.no_activity_days {
                if !quiet_for(activity.unwrap_or(customer.since), days) {
                    return None;
                }
            }
            Some(DormantCustomer {
                customer_id: id.to_string(),
                owner: customer.owner.clone(),
                days_quiet: (today - purchase.map_or(customer.since, |p| p.day)).num_days(),
                last_purchase: purchase.cloned(),
                last_activity: activity,
                open_tasks: open_tasks.get(id).copied().unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| b.days_quiet.cmp(&a.days_quiet).then_with(|| a.customer_id.cmp(&b.customer_id)));
    out
}

/// A win-back task for each customer, for the customer's own rep (an
/// unowned customer's task is everyone's), due `due`, titled `title`.
pub fn win_back_tasks<'a>(customers: impl IntoIterator<Item = &'a DormantCustomer>, title: impl Fn(&DormantCustomer) -> String, due: NaiveDateTime) -> Vec<TaskInput> {
    customers
        .into_iter()
        .map(|c| TaskInput { title: title(c), due: Some(due), priority: Priority::High, owner: c.owner.clone(), customer_id: c.customer_id.clone(), ..Default::default() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::{day, stored};

    fn won(customer: &str, amount: i64, on: NaiveDate, pipeline: &str) -> Envelope<Deal> {
        let fields = Deal { customer_id: customer.into(), amount, currency: Currency::Irt, status: Status::Won, closed_on: Some(on), pipeline_id: pipeline.into(), ..Default::default() };
        stored(format!("{customer}-{on}"), fields)
    }

    fn customer(owner: &str, since: NaiveDate) -> CustomerFacts {
        CustomerFacts { since, owner: owner.into(), ..Default::default() }
    }

    fn activity(customer: &str, on: NaiveDate) -> (String, super::super::ActivityDone) {
        let id = format!("{customer}-{on}");
        (id, super::super::ActivityDone { day: on, owner: "sara".into(), customer_id: customer.into(), kind: Some(crate::activities::ActivityType::Visit) })
    }

    struct Case {
        customers: Vec<(&'static str, CustomerFacts)>,
        deals: Vec<Envelope<Deal>>,
        activities: Activities,
    }

    /// Today is 1 July 2026.
    fn case() -> Case {
        Case {
            customers: vec![
                // Bought 1 March (122 days ago), visited 20 June.
                ("a", customer("sara", day(1, 1))),
                // Bought 1 June: not quiet on purchases.
                ("b", customer("reza", day(1, 1))),
                // Never bought, nothing done since 1 February.
                ("c", customer("sara", day(2, 1))),
                // Bought twice on 1 January (one purchase of 1,000), nothing since.
                ("d", customer("reza", day(1, 1))),
            ],
            deals: vec![won("a", 500, day(3, 1), "p"), won("b", 300, day(6, 1), "p"), won("d", 100, day(1, 1), "p"), won("d", 900, day(1, 1), "p"), won("a", 50, day(7, 9), "p")],
            activities: [activity("a", day(6, 20)), activity("b", day(1, 2))].into_iter().collect(),
        }
    }

    fn run(c: &Case, rule: Quiet, filter: &Filter) -> Vec<(String, i64, Option<i64>)> {
        let deals: Vec<&Envelope<Deal>> = c.deals.iter().collect();
        let found = dormant(c.customers.iter().map(|(id, c)| (*id, c)), &deals, &c.activities, &[], day(7, 1), rule, filter);
        found.into_iter().map(|d| (d.customer_id, d.days_quiet, d.last_purchase.map(|p| p.amount))).collect()
    }

    #[test]
    fn no_purchase_in_90_days_means_bought_before_and_not_since() {
        let rule = Quiet { no_purchase_days: Some(90), no_activity_days: None };
        // d: 181 days since 1 January; a: 122 days
        // (a deal dated after today does not count).
        assert_eq!(run(&case(), rule, &Filter::default()), vec![("d".into(), 181, Some(1_000)), ("a".into(), 122, Some(500))]);
    }

    #[test]
    fn no_activity_in_60_days_counts_from_the_start_when_there_was_none() {
        let rule = Quiet { no_purchase_days: None, no_activity_days: Some(60) };
        assert_eq!(run(&case(), rule, &Filter::default()), vec![("d".into(), 181, Some(1_000)), ("c".into(), 150, None), ("b".into(), 30, Some(300))]);
        let both = Quiet { no_purchase_days: Some(90), no_activity_days: Some(60) };
        assert_eq!(run(&case(), both, &Filter::default()), vec![("d".into(), 181, Some(1_000))]);
    }

    #[test]
    fn a_meeting_logged_ahead_does_not_count_until_its_day() {
        let mut c = case();
        let (id, ahead) = activity("c", day(7, 9));
        c.activities.insert(id, ahead);
        let rule = Quiet { no_purchase_days: None, no_activity_days: Some(60) };
        assert_eq!(run(&c, rule, &Filter::default()), vec![("d".into(), 181, Some(1_000)), ("c".into(), 150, None), ("b".into(), 30, Some(300))]);
    }

    #[test]
    fn filters_and_no_rule() {
        let rule = Quiet { no_purchase_days: Some(90), no_activity_days: None };
        let sara = Filter { owner: "sara".into(), ..Default::default() };
        assert_eq!(run(&case(), rule, &sara), vec![("a".into(), 122, Some(500))]);
        let other = Filter { pipeline_id: "other".into(), ..Default::default() };
        assert_eq!(run(&case(), rule, &other), vec![]);
        assert_eq!(run(&case(), Quiet { no_purchase_days: None, no_activity_days: None }, &Filter::default()), vec![]);
    }

    #[test]
    fn win_back_tasks_go_to_each_customers_rep() {
        let c = case();
        let deals: Vec<&Envelope<Deal>> = c.deals.iter().collect();
        // d has a task open already, a a task done.
        let task = |customer: &str, done_on| TaskPlanned { customer_id: customer.into(), done_on, ..Default::default() };
        let (open, done) = (task("d", None), task("a", Some(day(6, 1))));
        let found = dormant(c.customers.iter().map(|(id, c)| (*id, c)), &deals, &c.activities, &[&open, &done], day(7, 1), Quiet { no_purchase_days: Some(90), no_activity_days: None }, &Filter::default());
        assert_eq!(found.iter().map(|d| d.open_tasks).collect::<Vec<_>>(), [1, 0]);
        let due = day(7, 2).and_hms_opt(9, 0, 0).unwrap();
        let tasks = win_back_tasks(&found, |d| format!("Win back {}", d.customer_id), due);
        let got: Vec<(&str, &str, &str)> = tasks.iter().map(|t| (t.title.as_str(), t.owner.as_str(), t.customer_id.as_str())).collect();
        assert_eq!(got, vec![("Win back d", "reza", "d"), ("Win back a", "sara", "a")]);
        assert!(tasks.iter().all(|t| t.due == Some(due) && t.priority == Priority::High));
    }
}
