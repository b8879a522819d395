//! The records as the reports read them: only the fields they count, with
//! the reader's local days worked out once, when a record is read (in the
//! browser each is a JS `Date`, too dear to repeat on every recompute).

use crate::activities::ActivityType;
use crate::customers::ValueSegment;
use chrono::NaiveDate;
use std::collections::HashMap;

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

/// Every activity by id, with each customer's latest day kept as they
/// change: "quiet since" then needs no walk over 200,000 activities.
#[derive(Clone, Debug, Default)]
pub struct Activities {
    by_id: HashMap<String, ActivityDone>,
    latest: HashMap<String, NaiveDate>,
}

impl Activities {
    /// Adds or replaces the activity `id`.
    pub fn insert(&mut self, id: String, activity: ActivityDone) {
        let day = activity.day;
        let latest = self.latest.entry(activity.customer_id.clone()).or_insert(day);
        *latest = (*latest).max(day);
        let customer = activity.customer_id.clone();
        // Moved to another customer or an earlier day: its old customer's
        // latest may have been this one.
        if let Some(old) = self.by_id.insert(id, activity) {
            if old.customer_id != customer || old.day > day {
                self.forget(&old);
            }
        }
    }

    pub fn remove(&mut self, id: &str) {
        if let Some(old) = self.by_id.remove(id) {
            self.forget(&old);
        }
    }

    /// After `old` left: when it was its customer's latest, the latest is
    /// looked for again (rare: an activity deleted or moved back).
    fn forget(&mut self, old: &ActivityDone) {
        if self.latest.get(&old.customer_id) != Some(&old.day) {
            return;
        }
        match self.by_id.values().filter(|a| a.customer_id == old.customer_id).map(|a| a.day).max() {
            Some(day) => self.latest.insert(old.customer_id.clone(), day),
            None => self.latest.remove(&old.customer_id),
        };
    }

    /// The day of the customer's latest activity.
    pub fn latest(&self, customer_id: &str) -> Option<NaiveDate> {
        self.latest.get(customer_id).copied()
    }

    pub fn values(&self) -> impl Iterator<Item = &ActivityDone> {
        self.by_id.values()
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

impl FromIterator<(String, ActivityDone)> for Activities {
    fn from_iter<I: IntoIterator<Item = (String, ActivityDone)>>(all: I) -> Self {
        let mut activities = Activities::default();
        all.into_iter().for_each(|(id, a)| activities.insert(id, a));
        activities
    }
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
    fn each_customers_latest_activity_follows_adds_moves_and_deletes() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let on = |customer: &str, d| ActivityDone { day: day(d), owner: String::new(), customer_id: customer.into(), kind: None };
        let mut all: Activities = [("1".to_string(), on("a", 5)), ("2".to_string(), on("a", 9)), ("3".to_string(), on("b", 7))].into_iter().collect();
        assert_eq!((all.latest("a"), all.latest("b"), all.latest("c")), (Some(day(9)), Some(day(7)), None));
        // The latest moved back a day, then to another customer.
        all.insert("2".into(), on("a", 8));
        assert_eq!(all.latest("a"), Some(day(8)));
        all.insert("2".into(), on("b", 8));
        assert_eq!((all.latest("a"), all.latest("b")), (Some(day(5)), Some(day(8))));
        // Edited without moving back: the latest stays.
        all.insert("3".into(), on("b", 7));
        assert_eq!(all.latest("b"), Some(day(8)));
        all.remove("1");
        all.remove("unknown");
        assert_eq!((all.latest("a"), all.len()), (None, 2));
    }

    #[test]
    fn a_complaint_is_open_from_its_opening_until_resolved_and_again_once_reopened() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let c = ComplaintFacts { steps: vec![(day(2), true), (day(5), false), (day(9), true)], ..Default::default() };
        let open: Vec<bool> = [1, 2, 4, 5, 8, 9, 30].iter().map(|d| c.open_on(day(*d))).collect();
        assert_eq!(open, [false, true, true, false, false, true, true]);
    }
}
