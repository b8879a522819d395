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

/// Every activity by id, with each customer's activity days kept sorted as
/// they change: "quiet since" then needs no walk over 200,000 activities,
/// and an activity logged ahead (a meeting planned for next week) waits for
/// its day, as the customer page's last contact does.
#[derive(Clone, Debug, Default)]
pub struct Activities {
    by_id: HashMap<String, ActivityDone>,
    /// Each customer's activity days, oldest first, one entry per activity.
    days: HashMap<String, Vec<NaiveDate>>,
}

impl Activities {
    /// Adds or replaces the activity `id`.
    pub fn insert(&mut self, id: String, activity: ActivityDone) {
        let days = self.days.entry(activity.customer_id.clone()).or_default();
        days.insert(days.partition_point(|d| *d <= activity.day), activity.day);
        if let Some(old) = self.by_id.insert(id, activity) {
            self.forget(&old);
        }
    }

    pub fn remove(&mut self, id: &str) {
        if let Some(old) = self.by_id.remove(id) {
            self.forget(&old);
        }
    }

    /// Takes one of `old`'s day off its customer's days.
    fn forget(&mut self, old: &ActivityDone) {
        let Some(days) = self.days.get_mut(&old.customer_id) else { return };
        if let Ok(at) = days.binary_search(&old.day) {
            days.remove(at);
        }
        if days.is_empty() {
            self.days.remove(&old.customer_id);
        }
    }

    /// The day of the customer's latest activity on or before `day`.
    pub fn latest_by(&self, customer_id: &str, day: NaiveDate) -> Option<NaiveDate> {
        let days = self.days.get(customer_id)?;
        days[..days.partition_point(|d| *d <= day)].last().copied()
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
        let mut all: Activities = [("1".to_string(), on("a", 5)), ("2".to_string(), on("a", 9)), ("3".to_string(), on("b", 7)), ("4".to_string(), on("b", 7))].into_iter().collect();
        let latest = |all: &Activities, customer| all.latest_by(customer, day(31));
        assert_eq!((latest(&all, "a"), latest(&all, "b"), latest(&all, "c")), (Some(day(9)), Some(day(7)), None));
        // Logged ahead: not yet, until its day.
        assert_eq!((all.latest_by("a", day(8)), all.latest_by("a", day(4))), (Some(day(5)), None));
        // The latest moved back a day, then to another customer.
        all.insert("2".into(), on("a", 8));
        assert_eq!(latest(&all, "a"), Some(day(8)));
        all.insert("2".into(), on("b", 8));
        assert_eq!((latest(&all, "a"), latest(&all, "b")), (Some(day(5)), Some(day(8))));
        // Two on the same day: one gone, the other still counts.
        all.remove("2");
        all.remove("3");
        assert_eq!(latest(&all, "b"), Some(day(7)));
        all.remove("1");
        all.remove("unknown");
        assert_eq!((latest(&all, "a"), all.len()), (None, 1));
    }

    #[test]
    fn a_complaint_is_open_from_its_opening_until_resolved_and_again_once_reopened() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let c = ComplaintFacts { steps: vec![(day(2), true), (day(5), false), (day(9), true)], ..Default::default() };
        let open: Vec<bool> = [1, 2, 4, 5, 8, 9, 30].iter().map(|d| c.open_on(day(*d))).collect();
        assert_eq!(open, [false, true, true, false, false, true, true]);
    }
}
