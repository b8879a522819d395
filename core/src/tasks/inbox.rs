//! The inbox: open tasks of the current user in the sections a salesperson
//! plans by — overdue, today, the next seven days, later, and undated.

use super::Task;
use chrono::{Duration, NaiveDateTime};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    Overdue,
    Today,
    NextSevenDays,
    Later,
    Undated,
}

impl Bucket {
    pub const ALL: [Bucket; 5] = [Bucket::Overdue, Bucket::Today, Bucket::NextSevenDays, Bucket::Later, Bucket::Undated];

    /// Where a task due at `due` belongs at local time `now`. A task due
    /// earlier today is overdue: its time has passed.
    pub fn of(due: Option<NaiveDateTime>, now: NaiveDateTime) -> Bucket {
        let Some(due) = due else { return Bucket::Undated };
        let today = now.date();
        if due < now {
            Bucket::Overdue
        } else if due.date() == today {
            Bucket::Today
        } else if due.date() <= today + Duration::days(7) {
            Bucket::NextSevenDays
        } else {
            Bucket::Later
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InboxSort {
    /// Soonest first (within a section), then by priority.
    #[default]
    Due,
    /// Most urgent first, then soonest.
    Priority,
}

/// One section of the inbox with its tasks, as `(id, task)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Section<T> {
    pub bucket: Bucket,
    pub tasks: Vec<T>,
}

/// The open tasks of `me` (and unassigned ones, which are everyone's),
/// grouped into non-empty sections in [`Bucket::ALL`] order.
pub fn arrange<T>(tasks: Vec<T>, task_of: impl Fn(&T) -> &Task, me: &str, now: NaiveDateTime, sort: InboxSort) -> Vec<Section<T>> {
    let mut sections: Vec<Section<T>> = Bucket::ALL.iter().map(|&bucket| Section { bucket, tasks: Vec::new() }).collect();
    for item in tasks {
        let t = task_of(&item);
        if t.is_done() || !(t.owner.is_empty() || t.owner == me) {
            continue;
        }
        let bucket = Bucket::of(t.due, now);
        sections[bucket as usize].tasks.push(item);
    }
    for s in &mut sections {
        let key = |t: &Task| (t.due.is_none(), t.due, std::cmp::Reverse(t.priority));
        match sort {
            InboxSort::Due => s.tasks.sort_by_key(|t| key(task_of(t))),
            InboxSort::Priority => s.tasks.sort_by(|a, b| {
                let (a, b) = (task_of(a), task_of(b));
                b.priority.cmp(&a.priority).then_with(|| key(a).cmp(&key(b)))
            }),
        }
    }
    sections.retain(|s| !s.tasks.is_empty());
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tasks::Priority;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    fn task(title: &str, due: Option<NaiveDateTime>, priority: Priority, owner: &str) -> Task {
        Task { title: title.into(), due, priority, owner: owner.into(), ..Default::default() }
    }

    #[test]
    fn buckets_at_their_edges() {
        let now = at(23, 10);
        assert_eq!(Bucket::of(Some(at(23, 9)), now), Bucket::Overdue);
        assert_eq!(Bucket::of(Some(at(22, 23)), now), Bucket::Overdue);
        assert_eq!(Bucket::of(Some(now), now), Bucket::Today);
        assert_eq!(Bucket::of(Some(at(23, 23)), now), Bucket::Today);
        assert_eq!(Bucket::of(Some(at(24, 0)), now), Bucket::NextSevenDays);
        assert_eq!(Bucket::of(Some(at(30, 23)), now), Bucket::NextSevenDays);
        assert_eq!(Bucket::of(Some(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(0, 0, 0).unwrap()), now), Bucket::Later);
        assert_eq!(Bucket::of(None, now), Bucket::Undated);
    }

    #[test]
    fn only_my_open_tasks_in_sections_sorted_either_way() {
        let now = at(23, 10);
        let tasks = vec![
            task("later-low", Some(at(28, 9)), Priority::Low, "me"),
            task("soon-urgent", Some(at(29, 9)), Priority::Urgent, ""),
            task("late", Some(at(20, 9)), Priority::Normal, "me"),
            task("someone else's", Some(at(23, 12)), Priority::Urgent, "other"),
            task("done", Some(at(23, 12)), Priority::Urgent, "me").with_done(Some(1)),
            task("undated", None, Priority::High, "me"),
        ];
        let by_due = arrange(tasks.clone(), |t| t, "me", now, InboxSort::Due);
        let shape: Vec<(Bucket, Vec<&str>)> = by_due.iter().map(|s| (s.bucket, s.tasks.iter().map(|t| t.title.as_str()).collect())).collect();
        assert_eq!(
            shape,
            vec![
                (Bucket::Overdue, vec!["late"]),
                (Bucket::NextSevenDays, vec!["later-low", "soon-urgent"]),
                (Bucket::Undated, vec!["undated"]),
            ]
        );
        let by_priority = arrange(tasks, |t| t, "me", now, InboxSort::Priority);
        let week: Vec<&str> = by_priority[1].tasks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(week, vec!["soon-urgent", "later-low"]);
    }

    #[test]
    fn only_urgent_is_pressing() {
        assert!(Priority::Urgent.is_pressing() && !Priority::Normal.is_pressing());
    }
}
