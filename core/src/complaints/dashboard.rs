//! The complaints dashboard: complaints per 100 active customers month by
//! month in the reader's calendar, what is open now by severity, and how
//! long resolving takes.

use super::{Complaint, Severity};
use crate::locale::{Lang, Month};
use chrono::NaiveDate;

/// One month of the rate chart.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthRate {
    /// The month in the reader's calendar; `month.title()` labels it.
    pub month: Month,
    /// Complaints opened in it.
    pub opened: usize,
    /// See [`complaint_rate_per_100`].
    pub per_100: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    /// The last months, oldest first, the current one last.
    pub months: Vec<MonthRate>,
    pub open_by_severity: [(Severity, usize); 4],
    pub median_resolution_ms: Option<i64>,
}

/// The dashboard over the last `months` months up to the one holding
/// `now_ms`. `local_date` gives the reader's local date of a moment, so
/// months are cut at their midnight, not UTC's. Every month's rate is
/// measured against today's `active_customers`: past counts are not kept.
pub fn dashboard<'a>(
    complaints: impl IntoIterator<Item = &'a Complaint>,
    active_customers: usize,
    months: usize,
    now_ms: i64,
    lang: Lang,
    local_date: &dyn Fn(i64) -> NaiveDate,
) -> Dashboard {
    let complaints: Vec<&Complaint> = complaints.into_iter().collect();
    let current = Month::of(local_date(now_ms), lang);
    Dashboard {
        months: monthly(&complaints, active_customers, current, months, local_date),
        open_by_severity: open_by_severity(complaints.iter().copied()),
        median_resolution_ms: median_resolution_ms(complaints.iter().copied()),
    }
}

fn monthly(complaints: &[&Complaint], active_customers: usize, current: Month, months: usize, local_date: &dyn Fn(i64) -> NaiveDate) -> Vec<MonthRate> {
    let mut rows: Vec<MonthRate> = std::iter::successors(Some(current), |m| Some(m.previous()))
        .take(months)
        .map(|month| MonthRate { month, opened: 0, per_100: None })
        .collect();
    rows.reverse();
    let Some(first) = rows.first().map(|r| ordinal(r.month)) else { return rows };
    for c in complaints {
        let at = ordinal(Month::of(local_date(c.opened_ms), current.lang)) - first;
        if let Some(row) = usize::try_from(at).ok().and_then(|i| rows.get_mut(i)) {
            row.opened += 1;
        }
    }
    for row in &mut rows {
        row.per_100 = complaint_rate_per_100(row.opened, active_customers);
    }
    rows
}

/// Months counted from year 0, so a month's place in the window is a subtraction.
fn ordinal(m: Month) -> i64 {
    i64::from(m.year) * 12 + i64::from(m.month)
}

/// Complaints per 100 customers in hundredths, rounded to the nearest
/// (3 among 200 customers is 150, read 1.50): an integer, like the basis
/// points of percentages elsewhere. None without customers to divide by.
pub fn complaint_rate_per_100(opened: usize, active_customers: usize) -> Option<u64> {
    let customers = active_customers as u64;
    (customers > 0).then(|| (opened as u64 * 10_000 + customers / 2) / customers)
}

/// Open complaints (new or in progress) by severity, lowest first, zeros included.
pub fn open_by_severity<'a>(complaints: impl IntoIterator<Item = &'a Complaint>) -> [(Severity, usize); 4] {
    let mut counts = Severity::ALL.map(|s| (s, 0));
    for c in complaints.into_iter().filter(|c| c.status.is_open()) {
        if let Some((_, n)) = counts.iter_mut().find(|(s, _)| *s == c.severity) {
            *n += 1;
        }
    }
    counts
}

/// The median time from opening to resolution over resolved and closed
/// complaints; of an even count, the mean of the middle two (rounded toward
/// zero). None when nothing is resolved.
pub fn median_resolution_ms<'a>(complaints: impl IntoIterator<Item = &'a Complaint>) -> Option<i64> {
    let mut times: Vec<i64> = complaints.into_iter().filter_map(Complaint::time_to_resolve_ms).collect();
    times.sort_unstable();
    let mid = times.len() / 2;
    match times.len() {
        0 => None,
        n if n % 2 == 1 => Some(times[mid]),
        _ => Some(times[mid - 1].midpoint(times[mid])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complaints::{validate, ComplaintInput, Status};
    use crate::locale::from_jalali;
    use chrono::DateTime;

    fn utc(ms: i64) -> NaiveDate {
        DateTime::from_timestamp_millis(ms).unwrap().date_naive()
    }

    fn at(date: NaiveDate, h: u32, m: u32) -> i64 {
        date.and_hms_opt(h, m, 0).unwrap().and_utc().timestamp_millis()
    }

    fn opened(ms: i64, severity: Severity) -> Complaint {
        validate(&ComplaintInput { title: "t".into(), severity, ..Default::default() }, ms).unwrap()
    }

    fn resolved_after(ms: i64) -> Complaint {
        opened(1_000, Severity::Low).moved(Status::Resolved, "done", 1_000 + ms).unwrap()
    }

    #[test]
    fn rate_is_in_hundredths_per_100_customers_and_none_without_customers() {
        assert_eq!(complaint_rate_per_100(3, 200), Some(150));
        assert_eq!(complaint_rate_per_100(1, 3), Some(3_333));
        assert_eq!(complaint_rate_per_100(2, 3), Some(6_667));
        assert_eq!(complaint_rate_per_100(0, 10), Some(0));
        assert_eq!(complaint_rate_per_100(5, 0), None);
        assert_eq!(complaint_rate_per_100(0, 0), None);
    }

    #[test]
    fn median_of_odd_even_and_no_resolutions() {
        let odd = [resolved_after(300), resolved_after(100), resolved_after(200)];
        assert_eq!(median_resolution_ms(&odd), Some(200));
        let even = [resolved_after(400), resolved_after(100), resolved_after(300), resolved_after(200)];
        assert_eq!(median_resolution_ms(&even), Some(250));
        assert_eq!(median_resolution_ms(&[resolved_after(1), resolved_after(2)]), Some(1));
        let closed = resolved_after(500).moved(Status::Closed, "", 9_000).unwrap();
        let still_open = [opened(0, Severity::Low), resolved_after(9).moved(Status::InProgress, "", 9_000).unwrap()];
        assert_eq!(median_resolution_ms(still_open.iter().chain([&closed])), Some(500));
        assert_eq!(median_resolution_ms(&still_open), None);
        assert_eq!(median_resolution_ms(&[]), None);
    }

    #[test]
    fn open_counts_by_severity_leave_out_the_resolved() {
        let complaints = [opened(0, Severity::High), opened(0, Severity::High).moved(Status::InProgress, "", 1).unwrap(), opened(0, Severity::Critical), resolved_after(5)];
        assert_eq!(open_by_severity(&complaints), [(Severity::Low, 0), (Severity::Medium, 0), (Severity::High, 2), (Severity::Critical, 1)]);
    }

    #[test]
    fn months_follow_the_readers_calendar_across_the_jalali_new_year() {
        // 1403 is a leap year: Esfand has 30 days and 1404 begins the next day.
        let last_of_1403 = from_jalali(1403, 12, 30).unwrap();
        let first_of_1404 = from_jalali(1404, 1, 1).unwrap();
        assert_eq!((last_of_1403, first_of_1404), (NaiveDate::from_ymd_opt(2025, 3, 20).unwrap(), NaiveDate::from_ymd_opt(2025, 3, 21).unwrap()));
        let complaints = [
            opened(at(last_of_1403, 23, 59), Severity::Low),
            opened(at(first_of_1404, 0, 0), Severity::Low),
            opened(at(first_of_1404, 12, 0), Severity::Low),
            // Before the window: not counted anywhere.
            opened(at(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(), 0, 0), Severity::Low),
        ];
        let now = at(NaiveDate::from_ymd_opt(2025, 4, 5).unwrap(), 8, 0);
        let fa = dashboard(&complaints, 200, 3, now, Lang::Fa, &utc);
        let rows: Vec<(String, usize, Option<u64>)> = fa.months.iter().map(|r| (r.month.title(), r.opened, r.per_100)).collect();
        assert_eq!(rows, [("بهمن ۱۴۰۳".to_string(), 0, Some(0)), ("اسفند ۱۴۰۳".to_string(), 1, Some(50)), ("فروردین ۱۴۰۴".to_string(), 2, Some(100))]);
        let en = dashboard(&complaints, 200, 3, now, Lang::En, &utc);
        let rows: Vec<(String, usize)> = en.months.iter().map(|r| (r.month.title(), r.opened)).collect();
        assert_eq!(rows, [("February 2025".to_string(), 0), ("March 2025".to_string(), 3), ("April 2025".to_string(), 0)]);
        assert!(dashboard(&complaints, 200, 0, now, Lang::En, &utc).months.is_empty());
    }

    #[test]
    fn months_are_cut_at_the_readers_midnight() {
        // 21:00 UTC on 20 March is 00:30 on 1 Farvardin in Tehran (+3:30).
        let tehran = |ms: i64| utc(ms + 210 * 60_000);
        let complaints = [opened(at(NaiveDate::from_ymd_opt(2025, 3, 20).unwrap(), 21, 0), Severity::Low)];
        let now = at(NaiveDate::from_ymd_opt(2025, 3, 25).unwrap(), 0, 0);
        let d = dashboard(&complaints, 0, 2, now, Lang::Fa, &tehran);
        let rows: Vec<(u32, usize, Option<u64>)> = d.months.iter().map(|r| (r.month.month, r.opened, r.per_100)).collect();
        assert_eq!(rows, [(12, 0, None), (1, 1, None)]);
        assert_eq!(d.open_by_severity[0], (Severity::Low, 1));
        assert_eq!(d.median_resolution_ms, None);
        assert_eq!(dashboard(&complaints, 0, 2, now, Lang::Fa, &utc).months[0].opened, 1);
    }
}
