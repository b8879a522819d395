//! After-sales service: visits a technician makes (بازدید سرویس), service
//! contracts (قرارداد خدمات پس از فروش) with their included visits, and the
//! renewals (تمدید) of warranties and contracts that come due.

use super::{CONTRACT, ITEM};
use crate::check::{self, Field, FieldError, Problem};
use crate::env::Env;
use crate::locale::{Currency, Lang};
use crate::pipeline::{Deal, Pipeline, DEAL_KIND, RENEWALS};
use crate::store::{to_fields, Batch, Write};
use crate::tasks::{Priority, Task, KIND as TASK};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

const MAX_SHORT: usize = 200;
const MAX_NOTES: usize = 10_000;
/// A visit booked without a length takes an hour.
const DEFAULT_DURATION: u32 = 60;
const MIN_DURATION: i64 = 5;
/// A visit longer than a day is several visits.
const MAX_DURATION: i64 = 24 * 60;
/// One visit a day at most.
const MAX_VISITS_INCLUDED: i64 = 365;
/// A month: longer promises are not response times.
const MAX_RESPONSE_HOURS: i64 = 30 * 24;

// ---- Service visits ----

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitKind {
    #[default]
    Maintenance,
    Repair,
    Inspection,
    Installation,
}

impl VisitKind {
    pub const ALL: [VisitKind; 4] = [
        VisitKind::Maintenance,
        VisitKind::Repair,
        VisitKind::Inspection,
        VisitKind::Installation,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitStatus {
    #[default]
    Scheduled,
    Done,
    Missed,
    Cancelled,
}

impl VisitStatus {
    pub const ALL: [VisitStatus; 4] = [
        VisitStatus::Scheduled,
        VisitStatus::Done,
        VisitStatus::Missed,
        VisitStatus::Cancelled,
    ];
}

/// A technician's visit to a customer's site, about an installed item, under
/// a contract or for a claim when it is one (each id empty otherwise).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceVisit {
    pub customer_id: String,
    pub installed_item_id: String,
    pub service_contract_id: String,
    pub warranty_claim_id: String,
    pub technician: String,
    /// Local wall-clock time, like a task's due time: a 10:00 visit stays
    /// 10:00 wherever the tablet travels.
    pub scheduled: Option<NaiveDateTime>,
    pub duration_minutes: u32,
    pub kind: VisitKind,
    pub status: VisitStatus,
    /// What the technician found and did, written when the visit is done.
    pub report: String,
    /// When it was marked done (ms since the epoch).
    pub done_ms: Option<i64>,
}

/// What the visit form sends; the duration as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VisitInput {
    pub customer_id: String,
    pub installed_item_id: String,
    pub service_contract_id: String,
    pub warranty_claim_id: String,
    pub technician: String,
    pub scheduled: Option<NaiveDateTime>,
    pub duration_minutes: String,
    pub kind: VisitKind,
}

impl VisitInput {
    pub fn from_visit(v: &ServiceVisit) -> Self {
        Self {
            customer_id: v.customer_id.clone(),
            installed_item_id: v.installed_item_id.clone(),
            service_contract_id: v.service_contract_id.clone(),
            warranty_claim_id: v.warranty_claim_id.clone(),
            technician: v.technician.clone(),
            scheduled: v.scheduled,
            duration_minutes: v.duration_minutes.to_string(),
            kind: v.kind,
        }
    }
}

/// A new scheduled visit: it needs a customer and a time; an empty duration
/// is an hour.
pub fn validate_visit(input: &VisitInput) -> Result<ServiceVisit, Vec<FieldError>> {
    let mut errors = Vec::new();
    if input.customer_id.is_empty() {
        errors.push(FieldError {
            field: Field::Customer,
            problem: Problem::Required,
        });
    }
    if input.scheduled.is_none() {
        errors.push(FieldError {
            field: Field::Date,
            problem: Problem::Required,
        });
    }
    let duration_minutes = if check::clean(&input.duration_minutes).is_empty() {
        DEFAULT_DURATION
    } else {
        check::whole_number(
            &input.duration_minutes,
            Field::Duration,
            MIN_DURATION,
            MAX_DURATION,
            &mut errors,
        ) as u32
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ServiceVisit {
        customer_id: input.customer_id.clone(),
        installed_item_id: input.installed_item_id.clone(),
        service_contract_id: input.service_contract_id.clone(),
        warranty_claim_id: input.warranty_claim_id.clone(),
        technician: check::clean(&input.technician),
        scheduled: input.scheduled,
        duration_minutes,
        kind: input.kind,
        ..ServiceVisit::default()
    })
}

impl ServiceVisit {
    /// The visit as edited in its form: the edit never changes its outcome.
    pub fn edited(&self, input: &VisitInput) -> Result<ServiceVisit, Vec<FieldError>> {
        Ok(ServiceVisit {
            status: self.status,
            report: self.report.clone(),
            done_ms: self.done_ms,
            ..validate_visit(input)?
        })
    }

    /// Done with its visit report: a visit without one tells the next
    /// technician nothing.
    pub fn done(&self, report: &str, now_ms: i64) -> Result<ServiceVisit, Vec<FieldError>> {
        let mut errors = Vec::new();
        let report = check::long_text(report, Field::Notes, MAX_NOTES, &mut errors);
        if report.is_empty() {
            errors.push(FieldError {
                field: Field::Notes,
                problem: Problem::Required,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ServiceVisit {
            status: VisitStatus::Done,
            report,
            done_ms: Some(now_ms),
            ..self.clone()
        })
    }

    /// Missed, cancelled, or scheduled again (reopened). Done only comes
    /// through [`ServiceVisit::done`], with a report, so asking for it here
    /// changes nothing. A reopened visit keeps its report, so a mistaken tap
    /// loses no typing.
    pub fn with_status(&self, status: VisitStatus) -> ServiceVisit {
        if status == VisitStatus::Done {
            return self.clone();
        }
        ServiceVisit {
            status,
            done_ms: None,
            ..self.clone()
        }
    }
}

/// A technician's visits on `day`, by time ("" technician = everyone's), in
/// any status. Returns indices into `visits`.
pub fn day_list(visits: &[ServiceVisit], technician: &str, day: NaiveDate) -> Vec<usize> {
    let mut out: Vec<usize> = (0..visits.len())
        .filter(|&i| {
            let v = &visits[i];
            v.scheduled.is_some_and(|at| at.date() == day)
                && (technician.is_empty() || v.technician == technician)
        })
        .collect();
    out.sort_by_key(|&i| visits[i].scheduled);
    out
}

/// The seven days from `week_start` with each day's visits (indices, by time).
pub fn week_list(
    visits: &[ServiceVisit],
    technician: &str,
    week_start: NaiveDate,
) -> Vec<(NaiveDate, Vec<usize>)> {
    week_start
        .iter_days()
        .take(7)
        .map(|day| (day, day_list(visits, technician, day)))
        .collect()
}

/// The first day of the week holding `date`: Saturday in Persian, Monday in
/// English, as the date picker lays weeks out.
pub fn week_start(date: NaiveDate, lang: Lang) -> NaiveDate {
    let from_monday = date.weekday().num_days_from_monday();
    let back = match lang {
        Lang::Fa => (from_monday + 2) % 7,
        Lang::En => from_monday,
    };
    date - Days::new(u64::from(back))
}

// ---- Service contracts ----

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceContract {
    pub customer_id: String,
    pub title: String,
    /// The items it covers (none: whatever the customer has).
    pub installed_item_ids: Vec<String>,
    pub starts_on: Option<NaiveDate>,
    /// The last covered day.
    pub ends_on: Option<NaiveDate>,
    /// Minor units of `currency`.
    pub price: i64,
    pub currency: Currency,
    /// Maintenance visits the price includes over the whole period.
    pub visits_included: u32,
    /// The promised response time; 0 = none promised.
    pub response_hours: u32,
    pub notes: String,
}

/// What the contract form sends; numbers as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContractInput {
    pub customer_id: String,
    pub title: String,
    pub installed_item_ids: Vec<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub price: String,
    pub currency: Currency,
    pub visits_included: String,
    pub response_hours: String,
    pub notes: String,
}

impl ContractInput {
    pub fn from_contract(c: &ServiceContract) -> Self {
        Self {
            customer_id: c.customer_id.clone(),
            title: c.title.clone(),
            installed_item_ids: c.installed_item_ids.clone(),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            price: if c.price == 0 {
                String::new()
            } else {
                crate::locale::plain_money(c.price, c.currency)
            },
            currency: c.currency,
            visits_included: c.visits_included.to_string(),
            response_hours: c.response_hours.to_string(),
            notes: c.notes.clone(),
        }
    }
}

pub fn validate_contract(input: &ContractInput) -> Result<ServiceContract, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = check::required(&input.title, Field::Subject, MAX_SHORT, &mut errors);
    if input.customer_id.is_empty() {
        errors.push(FieldError {
            field: Field::Customer,
            problem: Problem::Required,
        });
    }
    match (input.starts_on, input.ends_on) {
        (Some(starts), Some(ends)) if ends < starts => errors.push(FieldError {
            field: Field::Date,
            problem: Problem::BeforeStart,
        }),
        (Some(_), Some(_)) => {}
        // Without both ends there is no period to cover or renew.
        _ => errors.push(FieldError {
            field: Field::Date,
            problem: Problem::Required,
        }),
    }
    let price = check::money(&input.price, Field::Price, input.currency, &mut errors);
    let visits_included = check::whole_number(
        &input.visits_included,
        Field::Quantity,
        0,
        MAX_VISITS_INCLUDED,
        &mut errors,
    ) as u32;
    let response_hours = check::whole_number(
        &input.response_hours,
        Field::Duration,
        0,
        MAX_RESPONSE_HOURS,
        &mut errors,
    ) as u32;
    let notes = check::long_text(&input.notes, Field::Notes, MAX_NOTES, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut installed_item_ids: Vec<String> = Vec::new();
    for id in input.installed_item_ids.iter().filter(|id| !id.is_empty()) {
        if !installed_item_ids.contains(id) {
            installed_item_ids.push(id.clone());
        }
    }
    Ok(ServiceContract {
        customer_id: input.customer_id.clone(),
        title,
        installed_item_ids,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        price,
        currency: input.currency,
        visits_included,
        response_hours,
        notes,
    })
}

impl ServiceContract {
    /// Whether `date` is within the contract's period, both ends included.
    /// A contract without dates covers nothing.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.starts_on.is_some_and(|s| s <= date) && self.ends_on.is_some_and(|e| date <= e)
    }
}

/// Evenly spaced maintenance dates for the contract's included visits, for
/// "plan the visits" in one tap: the period is split into `visits_included`
/// equal parts and each visit falls in the middle of its part (rounded down
/// to a whole day), so none crowds the start or the end of the contract.
pub fn maintenance_dates(c: &ServiceContract) -> Vec<NaiveDate> {
    let (Some(starts), Some(ends)) = (c.starts_on, c.ends_on) else {
        return Vec::new();
    };
    let days = (ends - starts).num_days() + 1;
    if days <= 0 {
        return Vec::new();
    }
    let parts = i64::from(c.visits_included);
    (0..parts)
        .map(|i| starts + Days::new((days * (2 * i + 1) / (2 * parts)) as u64))
        .collect()
}

/// Visits done under the contract within its period: what is left of the
/// included visits is `visits_included` minus this.
pub fn visits_used(contract_id: &str, c: &ServiceContract, visits: &[ServiceVisit]) -> usize {
    visits
        .iter()
        .filter(|v| {
            v.status == VisitStatus::Done
                && v.service_contract_id == contract_id
                && v.scheduled.is_some_and(|at| c.covers(at.date()))
        })
        .count()
}

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
    use crate::pipeline::{defaults, Status};
    use crate::store::links_of;
    use chrono::Weekday;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(date: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
        date.and_hms_opt(h, min, 0).unwrap()
    }

    fn problems(errors: &[FieldError]) -> Vec<(Field, Problem)> {
        errors.iter().map(|e| (e.field, e.problem)).collect()
    }

    fn visit_input() -> VisitInput {
        VisitInput {
            customer_id: "c1".into(),
            technician: " رضا  کریمی ".into(),
            scheduled: Some(at(d(2026, 3, 4), 10, 0)),
            ..Default::default()
        }
    }

    fn visit(technician: &str, when: NaiveDateTime) -> ServiceVisit {
        ServiceVisit {
            customer_id: "c1".into(),
            technician: technician.into(),
            scheduled: Some(when),
            ..Default::default()
        }
    }

    fn year_contract(visits: u32) -> ServiceContract {
        ServiceContract {
            customer_id: "c1".into(),
            title: "AMC".into(),
            starts_on: Some(d(2026, 1, 1)),
            ends_on: Some(d(2026, 12, 31)),
            visits_included: visits,
            ..Default::default()
        }
    }

    #[test]
    fn a_visit_needs_a_customer_and_a_time() {
        let errors = validate_visit(&VisitInput::default()).unwrap_err();
        assert_eq!(
            problems(&errors),
            [
                (Field::Customer, Problem::Required),
                (Field::Date, Problem::Required)
            ]
        );
        let v = validate_visit(&visit_input()).unwrap();
        assert_eq!(
            (v.technician.as_str(), v.duration_minutes, v.status, v.kind),
            (
                "رضا کریمی",
                60,
                VisitStatus::Scheduled,
                VisitKind::Maintenance
            )
        );
    }

    #[test]
    fn visit_duration_is_five_minutes_to_a_day() {
        let minutes = |typed: &str| {
            validate_visit(&VisitInput {
                duration_minutes: typed.into(),
                ..visit_input()
            })
            .map(|v| v.duration_minutes)
        };
        assert_eq!(minutes("  "), Ok(60));
        assert_eq!(minutes("۹۰"), Ok(90));
        assert_eq!(minutes("5"), Ok(5));
        assert_eq!(minutes("1440"), Ok(1440));
        let out_of_range = [FieldError {
            field: Field::Duration,
            problem: Problem::OutOfRange { min: 5, max: 1440 },
        }];
        assert_eq!(minutes("4").unwrap_err(), out_of_range);
        assert_eq!(minutes("1441").unwrap_err(), out_of_range);
        assert_eq!(
            minutes("an hour").unwrap_err(),
            [FieldError {
                field: Field::Duration,
                problem: Problem::Number
            }]
        );
    }

    #[test]
    fn done_needs_a_report_and_edits_keep_the_outcome() {
        let v = validate_visit(&visit_input()).unwrap();
        assert_eq!(
            problems(&v.done(" \n ", 9).unwrap_err()),
            [(Field::Notes, Problem::Required)]
        );
        assert_eq!(
            problems(&v.done(&"x".repeat(10_001), 9).unwrap_err()),
            [(Field::Notes, Problem::TooLong { max: 10_000 })]
        );
        let done = v.done("  Filter replaced.\nPressure OK.  ", 9).unwrap();
        assert_eq!(
            (done.status, done.report.as_str(), done.done_ms),
            (VisitStatus::Done, "Filter replaced.\nPressure OK.", Some(9))
        );
        let input = VisitInput {
            technician: "Sara".into(),
            duration_minutes: "30".into(),
            ..VisitInput::from_visit(&done)
        };
        let edited = done.edited(&input).unwrap();
        assert_eq!(
            (edited.technician.as_str(), edited.duration_minutes),
            ("Sara", 30)
        );
        assert_eq!(
            (edited.status, edited.report.as_str(), edited.done_ms),
            (VisitStatus::Done, done.report.as_str(), Some(9))
        );
        assert!(done
            .edited(&VisitInput {
                customer_id: String::new(),
                ..input
            })
            .is_err());
    }

    #[test]
    fn statuses_other_than_done_clear_the_done_time() {
        let v = validate_visit(&visit_input()).unwrap();
        assert_eq!(v.with_status(VisitStatus::Done), v);
        assert_eq!(
            v.with_status(VisitStatus::Missed).status,
            VisitStatus::Missed
        );
        let done = v.done("ok", 5).unwrap();
        let reopened = done.with_status(VisitStatus::Scheduled);
        assert_eq!(
            (reopened.status, reopened.done_ms, reopened.report.as_str()),
            (VisitStatus::Scheduled, None, "ok")
        );
        assert_eq!(done.with_status(VisitStatus::Cancelled).done_ms, None);
        assert_eq!(VisitStatus::ALL.len(), 4);
        assert_eq!(VisitKind::ALL.len(), 4);
    }

    #[test]
    fn day_list_filters_by_technician_and_day_and_sorts_by_time() {
        let day = d(2026, 3, 4);
        let visits = [
            visit("Ali", at(day, 14, 0)),
            visit("Sara", at(day, 9, 0)),
            visit("Ali", at(day, 8, 30)),
            visit("Ali", at(d(2026, 3, 5), 7, 0)),
            ServiceVisit {
                technician: "Ali".into(),
                scheduled: None,
                ..Default::default()
            },
            visit("Ali", at(day, 23, 59)),
        ];
        assert_eq!(day_list(&visits, "Ali", day), [2, 0, 5]);
        assert_eq!(day_list(&visits, "", day), [2, 1, 0, 5]);
        assert_eq!(
            day_list(&visits, "Sara", d(2026, 3, 5)),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn weeks_start_on_saturday_in_persian_and_monday_in_english() {
        let wednesday = d(2026, 3, 4);
        assert_eq!(wednesday.weekday(), Weekday::Wed);
        assert_eq!(week_start(wednesday, Lang::Fa), d(2026, 2, 28));
        assert_eq!(week_start(wednesday, Lang::En), d(2026, 3, 2));
        let saturday = d(2026, 2, 28);
        assert_eq!(week_start(saturday, Lang::Fa), saturday);
        assert_eq!(week_start(saturday, Lang::En), d(2026, 2, 23));
        let friday = d(2026, 3, 6);
        assert_eq!(week_start(friday, Lang::Fa), saturday);
        let sunday = d(2026, 3, 8);
        assert_eq!(week_start(sunday, Lang::En), d(2026, 3, 2));
        assert_eq!(week_start(sunday, Lang::Fa), d(2026, 3, 7));
        for lang in Lang::ALL {
            let first = week_start(wednesday, lang);
            assert!(first <= wednesday && (wednesday - first).num_days() < 7);
        }
    }

    #[test]
    fn week_list_is_seven_days_each_with_its_visits_by_time() {
        let start = week_start(d(2026, 3, 4), Lang::Fa);
        let visits = [
            visit("Ali", at(d(2026, 3, 6), 11, 0)),
            visit("Ali", at(d(2026, 3, 6), 9, 0)),
            visit("Ali", at(start, 9, 0)),
            visit("Sara", at(start, 8, 0)),
            visit("Ali", at(d(2026, 3, 7), 9, 0)),
        ];
        let week = week_list(&visits, "Ali", start);
        let days: Vec<NaiveDate> = week.iter().map(|(day, _)| *day).collect();
        assert_eq!(days, start.iter_days().take(7).collect::<Vec<_>>());
        assert_eq!(days[0].weekday(), Weekday::Sat);
        assert_eq!(days[6], d(2026, 3, 6));
        assert_eq!(week[0].1, [2]);
        assert_eq!(week[6].1, [1, 0]);
        assert!(
            week[1..6].iter().all(|(_, v)| v.is_empty()),
            "the next Saturday is another week"
        );
        assert_eq!(week_list(&visits, "", start)[0].1, [3, 2]);
    }

    fn contract_input() -> ContractInput {
        ContractInput {
            customer_id: "c1".into(),
            title: "  Chiller  upkeep ".into(),
            installed_item_ids: vec!["i1".into(), String::new(), "i2".into(), "i1".into()],
            starts_on: Some(d(2026, 1, 1)),
            ends_on: Some(d(2026, 12, 31)),
            price: "۱۲٬۰۰۰٬۰۰۰".into(),
            currency: Currency::Irt,
            visits_included: "4".into(),
            response_hours: "۴۸".into(),
            notes: " quarterly ".into(),
        }
    }

    #[test]
    fn a_contract_is_checked_and_round_trips_through_its_form() {
        let c = validate_contract(&contract_input()).unwrap();
        assert_eq!(
            (
                c.title.as_str(),
                c.price,
                c.visits_included,
                c.response_hours,
                c.notes.as_str()
            ),
            ("Chiller upkeep", 12_000_000, 4, 48, "quarterly")
        );
        assert_eq!(c.installed_item_ids, ["i1", "i2"]);
        assert_eq!(
            validate_contract(&ContractInput::from_contract(&c)),
            Ok(c.clone())
        );
        let free = validate_contract(&ContractInput {
            price: String::new(),
            visits_included: String::new(),
            response_hours: String::new(),
            ..contract_input()
        })
        .unwrap();
        assert_eq!(
            (free.price, free.visits_included, free.response_hours),
            (0, 0, 0)
        );
        assert_eq!(
            validate_contract(&ContractInput::from_contract(&free)),
            Ok(free)
        );
        let one_day = ContractInput {
            ends_on: Some(d(2026, 1, 1)),
            ..contract_input()
        };
        assert!(validate_contract(&one_day).is_ok());
    }

    #[test]
    fn a_contract_names_each_problem() {
        let errors = validate_contract(&ContractInput::default()).unwrap_err();
        assert_eq!(
            problems(&errors),
            [
                (Field::Subject, Problem::Required),
                (Field::Customer, Problem::Required),
                (Field::Date, Problem::Required)
            ]
        );
        let only_start = ContractInput {
            ends_on: None,
            ..contract_input()
        };
        assert_eq!(
            problems(&validate_contract(&only_start).unwrap_err()),
            [(Field::Date, Problem::Required)]
        );
        let bad = ContractInput {
            title: "x".repeat(201),
            ends_on: Some(d(2025, 12, 31)),
            price: "lots".into(),
            visits_included: "366".into(),
            response_hours: "721".into(),
            notes: "x".repeat(10_001),
            ..contract_input()
        };
        assert_eq!(
            problems(&validate_contract(&bad).unwrap_err()),
            [
                (Field::Subject, Problem::TooLong { max: 200 }),
                (Field::Date, Problem::BeforeStart),
                (Field::Price, Problem::Number),
                (Field::Quantity, Problem::OutOfRange { min: 0, max: 365 }),
                (Field::Duration, Problem::OutOfRange { min: 0, max: 720 }),
                (Field::Notes, Problem::TooLong { max: 10_000 }),
            ]
        );
        let limits = ContractInput {
            visits_included: "365".into(),
            response_hours: "720".into(),
            ..contract_input()
        };
        assert!(validate_contract(&limits).is_ok());
    }

    #[test]
    fn maintenance_visits_fall_in_the_middle_of_equal_parts() {
        // 365 days in four parts of 91¼: middles on days 45, 136, 228 and 319.
        assert_eq!(
            maintenance_dates(&year_contract(4)),
            [
                d(2026, 2, 15),
                d(2026, 5, 17),
                d(2026, 8, 17),
                d(2026, 11, 16)
            ]
        );
        assert_eq!(maintenance_dates(&year_contract(1)), [d(2026, 7, 2)]);
        assert_eq!(
            maintenance_dates(&year_contract(0)),
            Vec::<NaiveDate>::new()
        );
        let monthly = maintenance_dates(&year_contract(12));
        assert_eq!(
            (monthly.len(), monthly[0], monthly[11]),
            (12, d(2026, 1, 16), d(2026, 12, 16))
        );
        assert!(monthly.windows(2).all(|w| w[0] < w[1]));
        let one_day = ServiceContract {
            ends_on: Some(d(2026, 1, 1)),
            ..year_contract(2)
        };
        assert_eq!(maintenance_dates(&one_day), [d(2026, 1, 1), d(2026, 1, 1)]);
        assert!(maintenance_dates(&ServiceContract {
            starts_on: None,
            ..year_contract(4)
        })
        .is_empty());
    }

    #[test]
    fn visits_used_counts_done_visits_of_that_contract_in_its_period() {
        let c = year_contract(4);
        let done = |contract: &str, date: NaiveDate| ServiceVisit {
            service_contract_id: contract.into(),
            ..visit("Ali", at(date, 10, 0)).done("ok", 1).unwrap()
        };
        let visits = [
            done("k1", d(2026, 1, 1)),
            done("k1", d(2026, 12, 31)),
            done("k1", d(2025, 12, 31)),
            done("k1", d(2027, 1, 1)),
            done("k2", d(2026, 6, 1)),
            ServiceVisit {
                service_contract_id: "k1".into(),
                ..visit("Ali", at(d(2026, 6, 1), 10, 0))
            },
            done("k1", d(2026, 6, 1)).with_status(VisitStatus::Missed),
            ServiceVisit {
                scheduled: None,
                ..done("k1", d(2026, 6, 1))
            },
        ];
        assert_eq!(visits_used("k1", &c, &visits), 2);
        assert_eq!(visits_used("k2", &c, &visits), 1);
        assert_eq!(visits_used("k3", &c, &visits), 0);
        assert_eq!(
            visits_used("k1", &ServiceContract { ends_on: None, ..c }, &visits),
            0
        );
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
}
