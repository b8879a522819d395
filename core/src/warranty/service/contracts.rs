//! Service contracts: who, which items, for how long, at what price, with
//! how many visits and what response time.

use super::{MAX_NOTES, MAX_SHORT};
use crate::check::{self, Field, FieldError, Problem};
use crate::locale::{format_number, Currency, Lang};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Order, Searchable};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::{Envelope, Record, RecordKind};
/// One visit a day at most.
const MAX_VISITS_INCLUDED: i64 = 365;
/// A month: longer promises are not response times.
const MAX_RESPONSE_HOURS: i64 = 30 * 24;

use super::visits::{ServiceVisit, VisitStatus};

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
    /// The form for `c`, its numbers in `lang`'s digits and marks.
    pub fn from_contract(c: &ServiceContract, lang: Lang) -> Self {
        Self {
            customer_id: c.customer_id.clone(),
            title: c.title.clone(),
            installed_item_ids: c.installed_item_ids.clone(),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            price: if c.price == 0 {
                String::new()
            } else {
                crate::locale::format_amount(c.price, c.currency, lang)
            },
            currency: c.currency,
            visits_included: format_number(i64::from(c.visits_included), lang),
            response_hours: format_number(i64::from(c.response_hours), lang),
            notes: c.notes.clone(),
        }
    }
}

pub fn save_contract(existing: Option<&Record>, input: &ContractInput, env: &dyn Env) -> Result<Saved, SaveError> {
    Ok(save::save(existing, &validate_contract(input)?, env)?)
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

impl RecordKind for ServiceContract {
    const KIND: &'static str = crate::warranty::CONTRACT;
}

impl Searchable for ServiceContract {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let c = &r.fields;
        Entry { title: c.title.clone(), text: format!("{} {}", c.title, c.notes), customer_id: c.customer_id.clone(), within: String::new(), order: Order::by_name(&c.title) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(date: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
        date.and_hms_opt(h, min, 0).unwrap()
    }

    fn problems(errors: &[FieldError]) -> Vec<(Field, Problem)> {
        errors.iter().map(|e| (e.field, e.problem)).collect()
    }

    use super::super::visits::*;


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
        for lang in [Lang::En, Lang::Fa] {
            assert_eq!(validate_contract(&ContractInput::from_contract(&c, lang)), Ok(c.clone()));
        }
        assert_eq!(ContractInput::from_contract(&c, Lang::Fa).price, "۱۲٬۰۰۰٬۰۰۰");
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
            validate_contract(&ContractInput::from_contract(&free, Lang::Fa)),
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
}
