//! The records as the reports read them: only the fields they count, with
//! the reader's local days worked out once, when a record is read (in the
//! browser each is a JS `Date`, too dear to repeat on every recompute).

use crate::activities::ActivityType;
use crate::customers::ValueSegment;
use chrono::NaiveDate;

/// A customer: when the relationship began, whose, and what the tag and
/// segment filters match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerFacts {
    /// The customer's "since" date, else the day the record was entered.
    pub since: NaiveDate,
    pub owner: String,
    pub tags: Vec<String>,
    pub value_segment: Option<ValueSegment>,
}

/// An activity: the day it happened on, whose, with which customer, and
/// what it was (a visit, a call …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityDone {
    pub day: NaiveDate,
    pub owner: String,
    pub customer_id: String,
    /// None for a type this version does not know (written by a newer one):
    /// it still counts as an activity, under no type.
    pub kind: Option<ActivityType>,
}

/// A task: whose, for which customer, the day it is due and the day it
/// was done.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskPlanned {
    pub owner: String,
    pub customer_id: String,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

/// A complaint: who handles it, about which customer, and each day its
/// status changed with whether it was still waiting for a resolution after.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComplaintFacts {
    pub owner: String,
    pub customer_id: String,
    /// Oldest first; the first is the opening.
    pub steps: Vec<(NaiveDate, bool)>,
}

impl ComplaintFacts {
    /// Whether it was open at the end of `day` (not yet opened is not open).
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.steps.iter().rev().find(|(on, _)| *on <= day).is_some_and(|(_, open)| *open)
    }
}

/// A survey response's scale answers: the day it was given, by which
/// customer ("" when anonymous), and each numbered answer by question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answered {
    pub survey_id: String,
    pub day: NaiveDate,
    pub customer_id: String,
    pub numbers: Vec<(String, u8)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complaint_is_open_from_its_opening_until_resolved_and_again_once_reopened() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let c = ComplaintFacts { steps: vec![(day(2), true), (day(5), false), (day(9), true)], ..Default::default() };
        let open: Vec<bool> = [1, 2, 4, 5, 8, 9, 30].iter().map(|d| c.open_on(day(*d))).collect();
        assert_eq!(open, [false, true, true, false, false, true, true]);
    }
}
