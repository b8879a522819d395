//! What each rep planned and did, week by week: tasks due in the week, done
//! in it and overdue, and activities by type — visits, calls, meetings.
//! Weeks start on Saturday in Persian and Monday in English.

use super::facts::{ActivityDone, TaskPlanned};
use super::filter::Filter;
use super::period::Period;
use crate::activities::ActivityType;
use crate::locale::{week_start, Lang};
use chrono::NaiveDate;

/// One rep's week.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeekRow {
    pub owner: String,
    /// Its first day.
    pub week: NaiveDate,
    /// Tasks due in the week.
    pub planned: usize,
    /// Tasks done in the week, whenever due.
    pub done: usize,
    /// Tasks due in the week not done by their day (done later, or still
    /// open and their day gone by `today`).
    pub overdue: usize,
    /// Activities logged in the week, by type in `ActivityType::ALL` order.
    pub activities: [usize; ActivityType::ALL.len()],
}

/// Every rep's weeks that touch `period`, by rep then week; a week with
/// nothing planned, done or logged is left out.
pub fn team_activity(tasks: &[&TaskPlanned], activities: &[&ActivityDone], period: Period, filter: &Filter, today: NaiveDate, lang: Lang) -> Vec<WeekRow> {
    let mut rows: Vec<WeekRow> = Vec::new();
    let mut row = |owner: &str, day: NaiveDate| -> Option<usize> {
        if !period.contains(day) || !filter.owner(owner) {
            return None;
        }
        let week = week_start(day, lang);
        Some(match rows.iter().position(|r| r.owner == owner && r.week == week) {
            Some(at) => at,
            None => {
                rows.push(WeekRow { owner: owner.to_string(), week, ..Default::default() });
                rows.len() - 1
            }
        })
    };
    let mut counts: Vec<(usize, fn(&mut WeekRow))> = Vec::new();
    for task in tasks.iter().filter(|t| filter.customer(&t.customer_id)) {
        if let Some(due) = task.due {
            if let Some(at) = row(&task.owner, due) {
                counts.push((at, |r| r.planned += 1));
                let late = match task.done_on {
                    Some(done) => done > due,
                    None => due < today,
                };
                if late {
                    counts.push((at, |r| r.overdue += 1));
                }
            }
        }
        if let Some(at) = task.done_on.and_then(|done| row(&task.owner, done)) {
            counts.push((at, |r| r.done += 1));
        }
    }
    let mut logged: Vec<(usize, usize)> = Vec::new();
    for activity in activities.iter().filter(|a| filter.customer(&a.customer_id)) {
        if let (Some(at), Some(kind)) = (row(&activity.owner, activity.day), activity.kind.and_then(|kind| ActivityType::ALL.iter().position(|t| *t == kind))) {
            logged.push((at, kind));
        }
    }
    for (at, count) in counts {
        count(&mut rows[at]);
    }
    for (at, kind) in logged {
        rows[at].activities[kind] += 1;
    }
    rows.sort_by(|a, b| a.owner.cmp(&b.owner).then(a.week.cmp(&b.week)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::day;

    fn task(owner: &str, due: Option<NaiveDate>, done_on: Option<NaiveDate>) -> TaskPlanned {
        TaskPlanned { owner: owner.into(), due, done_on, ..Default::default() }
    }

    fn activity(owner: &str, on: NaiveDate, kind: ActivityType) -> ActivityDone {
        ActivityDone { day: on, owner: owner.into(), customer_id: String::new(), kind: Some(kind) }
    }

    /// March 2026: Monday 2, 9, 16 …; Saturday 7, 14 …
    fn run(lang: Lang, filter: &Filter) -> Vec<(String, NaiveDate, usize, usize, usize, [usize; 6])> {
        let tasks = [
            // Due Tue 3, done Wed 4: late.
            task("sara", Some(day(3, 3)), Some(day(3, 4))),
            // Due Thu 5, done that day.
            task("sara", Some(day(3, 5)), Some(day(3, 5))),
            // Due Fri 6, still open on the 20th: overdue.
            task("sara", Some(day(3, 6)), None),
            // Due Mon 23, open, not yet due on the 20th.
            task("sara", Some(day(3, 23)), None),
            // No due date, done Tue 10.
            task("reza", None, Some(day(3, 10))),
            // Due in April: outside the period.
            task("reza", Some(day(4, 2)), None),
        ];
        let activities = [activity("sara", day(3, 3), ActivityType::Visit), activity("sara", day(3, 7), ActivityType::Call), activity("reza", day(3, 10), ActivityType::Call)];
        let tasks: Vec<&TaskPlanned> = tasks.iter().collect();
        let activities: Vec<&ActivityDone> = activities.iter().collect();
        let period = Period::new(day(3, 1), day(3, 31)).unwrap();
        team_activity(&tasks, &activities, period, filter, day(3, 20), lang).into_iter().map(|r| (r.owner, r.week, r.planned, r.done, r.overdue, r.activities)).collect()
    }

    #[test]
    fn weeks_from_monday_in_english() {
        // ActivityType::ALL: call, visit, meeting, negotiation, email, note.
        assert_eq!(
            run(Lang::En, &Filter::default()),
            vec![
                ("reza".into(), day(3, 9), 0, 1, 0, [1, 0, 0, 0, 0, 0]),
                ("sara".into(), day(3, 2), 3, 2, 2, [1, 1, 0, 0, 0, 0]),
                ("sara".into(), day(3, 23), 1, 0, 0, [0; 6]),
            ]
        );
    }

    #[test]
    fn weeks_from_saturday_in_persian_and_one_rep() {
        // Saturday 28 Feb – Friday 6 March, then from Saturday 7 (the call).
        let sara = Filter { owner: "sara".into(), ..Default::default() };
        assert_eq!(
            run(Lang::Fa, &sara),
            vec![
                ("sara".into(), day(2, 28), 3, 2, 2, [0, 1, 0, 0, 0, 0]),
                ("sara".into(), day(3, 7), 0, 0, 0, [1, 0, 0, 0, 0, 0]),
                ("sara".into(), day(3, 21), 1, 0, 0, [0; 6]),
            ]
        );
    }
}
