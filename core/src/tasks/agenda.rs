//! What may still ring while the app is open: the open tasks whose due time
//! is ahead. Kept apart from the tasks themselves so a check every half
//! minute looks at a few entries, not at every task ever written.

use super::Task;
use chrono::NaiveDateTime;
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct Agenda {
    upcoming: HashMap<String, Upcoming>,
}

#[derive(Debug)]
struct Upcoming {
    due: NaiveDateTime,
    owner: String,
    title: String,
}

impl Agenda {
    /// Takes in a task's latest state (None once deleted): kept while it is
    /// open and due after `since`, the last check. One due by then is past:
    /// already overdue when the app opened (the inbox shows it), or rung.
    pub fn take_in(&mut self, id: &str, task: Option<&Task>, since: NaiveDateTime) {
        match task.filter(|t| !t.is_done()).and_then(|t| t.due.filter(|due| *due > since).map(|due| (t, due))) {
            Some((t, due)) => {
                self.upcoming.insert(id.to_string(), Upcoming { due, owner: t.owner.clone(), title: t.title.clone() });
            }
            None => {
                self.upcoming.remove(id);
            }
        }
    }

    /// The titles of the tasks whose time has come by `now` that are `me`'s
    /// or nobody's, in due order. Every task due by then leaves the agenda,
    /// so each rings once.
    pub fn ring(&mut self, now: NaiveDateTime, me: &str) -> Vec<String> {
        let mut due: Vec<(NaiveDateTime, String)> = Vec::new();
        self.upcoming.retain(|_, u| {
            if u.due > now {
                return true;
            }
            if u.owner.is_empty() || u.owner == me {
                due.push((u.due, std::mem::take(&mut u.title)));
            }
            false
        });
        due.sort();
        due.into_iter().map(|(_, title)| title).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    fn task(title: &str, due: Option<NaiveDateTime>, owner: &str) -> Task {
        Task { title: title.into(), due, owner: owner.into(), ..Default::default() }
    }

    #[test]
    fn a_task_rings_once_when_its_time_comes() {
        let mut agenda = Agenda::default();
        agenda.take_in("1", Some(&task("call", Some(at(23, 10)), "me")), at(23, 8));
        assert!(agenda.ring(at(23, 9), "me").is_empty());
        assert_eq!(agenda.ring(at(23, 10), "me"), vec!["call"]);
        assert!(agenda.ring(at(23, 11), "me").is_empty(), "not again");
    }

    #[test]
    fn only_open_tasks_due_after_the_last_check_are_kept() {
        let mut agenda = Agenda::default();
        let since = at(23, 9);
        agenda.take_in("overdue", Some(&task("overdue", Some(at(23, 8)), "me")), since);
        agenda.take_in("undated", Some(&task("undated", None, "me")), since);
        agenda.take_in("done", Some(&task("done", Some(at(23, 10)), "me").with_done(Some(1))), since);
        agenda.take_in("ahead", Some(&task("ahead", Some(at(23, 10)), "me")), since);
        assert_eq!(agenda.ring(at(24, 0), "me"), vec!["ahead"]);
    }

    #[test]
    fn an_edit_or_a_deletion_replaces_what_was_kept() {
        let mut agenda = Agenda::default();
        let since = at(23, 9);
        agenda.take_in("1", Some(&task("call", Some(at(23, 10)), "me")), since);
        agenda.take_in("2", Some(&task("visit", Some(at(23, 10)), "me")), since);
        // Moved to tomorrow, and the other deleted.
        agenda.take_in("1", Some(&task("call back", Some(at(24, 10)), "me")), since);
        agenda.take_in("2", None, since);
        assert!(agenda.ring(at(23, 12), "me").is_empty());
        // Done before its time: it never rings.
        agenda.take_in("1", Some(&task("call back", Some(at(24, 10)), "me").with_done(Some(1))), at(23, 12));
        assert!(agenda.ring(at(25, 0), "me").is_empty());
    }

    #[test]
    fn others_tasks_never_ring_and_leave_with_their_time() {
        let mut agenda = Agenda::default();
        let since = at(23, 9);
        agenda.take_in("a", Some(&task("theirs", Some(at(23, 10)), "sara")), since);
        agenda.take_in("b", Some(&task("nobody's", Some(at(23, 11)), "")), since);
        agenda.take_in("c", Some(&task("mine", Some(at(23, 10)), "me")), since);
        assert_eq!(agenda.ring(at(23, 12), "me"), vec!["mine", "nobody's"]);
        assert!(agenda.upcoming.is_empty(), "sara's task stayed to ring later");
    }
}
