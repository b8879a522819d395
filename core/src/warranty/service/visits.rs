//! Service visits: planned per item or contract, reported when done, listed
//! by day or week for a technician.

use super::MAX_NOTES;
use crate::check::{self, Field, FieldError, Problem};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Order, Searchable};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::{Envelope, Record, RecordKind};
/// A visit booked without a length takes an hour.
const DEFAULT_DURATION: u32 = 60;
const MIN_DURATION: i64 = 5;
/// A visit longer than a day is several visits.
const MAX_DURATION: i64 = 24 * 60;

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

/// Plans a visit, or saves its form over `existing` as stored now (see
/// [`ServiceVisit::edited`]).
pub fn save_visit(existing: Option<&Record>, input: &VisitInput, env: &dyn Env) -> Result<Saved, SaveError> {
    let visit = match save::current::<ServiceVisit>(existing)? {
        Some(stored) => stored.edited(input)?,
        None => validate_visit(input)?,
    };
    Ok(save::save(existing, &visit, env)?)
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

impl RecordKind for ServiceVisit {
    const KIND: &'static str = crate::warranty::VISIT;
}

impl Searchable for ServiceVisit {
    /// Found by its technician and report; the latest scheduled first.
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let v = &r.fields;
        Entry {
            title: crate::global_search::headline([v.report.as_str(), &v.technician]),
            text: format!("{} {}", v.technician, v.report),
            customer_id: v.customer_id.clone(),
            within: String::new(),
            order: Order::newest(v.scheduled.map_or(r.created_at, |at| at.and_utc().timestamp_millis())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{week_start, Lang};
    use chrono::{Datelike, Weekday};

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
}
