//! Complaints (شکایت‌ها): the list with its small dashboard, the form with
//! the status buttons and the history, and the complaint's lines on the
//! customer timeline.

mod routes;
mod dashboard;
mod edit;
mod list;
mod status;

pub use routes::ComplaintRoutes;

pub use edit::ComplaintEdit;
pub use list::ComplaintList;

use crate::i18n::{labels, local_datetime, Lang, Texts};
use crate::areas::kind::{page, KindView};
use crate::timeline::item::Item;
use daftar_core::complaints::{Complaint, ComplaintEvent, Severity, COMPLAINT};
use daftar_core::store::Record;

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

/// "3 days, 5 hours" as the reader writes it; under an hour says so.
pub(crate) fn duration_text(ms: i64, t: &Texts) -> String {
    match (ms / DAY_MS, ms % DAY_MS / HOUR_MS) {
        (0, 0) => t.complaints.complaint_under_an_hour.to_string(),
        (0, h) => t.complaints.hours(h),
        (d, 0) => t.days(d),
        (d, h) => format!("{}{}{}", t.days(d), t.list_separator, t.complaints.hours(h)),
    }
}

/// The badge class of a severity (its colour).
pub(crate) fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Low => "badge sev-low",
        Severity::Medium => "badge sev-medium",
        Severity::High => "badge sev-high",
        Severity::Critical => "badge sev-critical",
    }
}

/// The complaint's steps on the customer timeline: opened (with its title
/// and severity), taken up, resolved (with the resolution), closed, reopened.
pub fn timeline_item(record: &Record, t: &Texts, lang: Lang) -> Vec<Item> {
    let Ok(complaint) = record.decode::<Complaint>() else { return Vec::new() };
    let href = Some(format!("/complaints/{}", record.id));
    complaint
        .events()
        .into_iter()
        .map(|(step, event)| {
            let (label, kind, detail) = match event {
                ComplaintEvent::Opened => (t.complaints.complaint_tl_opened, "complaint", format!("{}: {}", t.complaints.complaint_severity, labels::complaint_severity(complaint.severity, t))),
                ComplaintEvent::Reopened => (t.complaints.complaint_tl_reopened, "complaint", step.note.clone()),
                ComplaintEvent::Started => (t.complaints.complaint_tl_in_progress, "complaint", step.note.clone()),
                ComplaintEvent::Resolved => (t.complaints.complaint_tl_resolved, "complaint-resolved", step.note.clone()),
                ComplaintEvent::Closed => (t.complaints.complaint_tl_closed, "complaint-resolved", step.note.clone()),
            };
            Item { at: step.at, kind, label: label.to_string(), title: complaint.title.clone(), detail, when: local_datetime(step.at, lang), href: href.clone() }
        })
        .collect()
}

pub const KINDS: &[KindView] = &[KindView { kind: COMPLAINT, heading: |t| t.surveys.complaints, opens: |hit| page("/complaints", hit), timeline: Some(timeline_item), field: complaint_field }];

fn complaint_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "description" => t.complaints.complaint_description,
        "channel" => t.complaints.complaint_channel,
        "category" => t.complaints.complaint_category,
        "severity" => t.complaints.complaint_severity,
        "owner" => t.complaints.complaint_owner,
        "resolution" => t.complaints.complaint_resolution,
        "steps" => t.complaints.complaint_history,
        _ => "",
    }
}
