//! A customer complaint (شکایت): what went wrong, for whom, how bad, who
//! handles it, and every status it passed through with when — so the time
//! to resolve can be measured, and a poor survey answer can open one.

mod dashboard;

pub use dashboard::{complaint_rate_per_100, dashboard, median_resolution_ms, open_by_severity, Dashboard, MonthRate};

use crate::check::{self, Field, FieldError, Problem};
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Order, Searchable};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::{Envelope, Record, RecordKind};

pub const COMPLAINT: &str = "complaint";

const MAX_SHORT: usize = 200;
const MAX_TEXT: usize = 10_000;

/// How the complaint reached the business.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Phone,
    Email,
    Visit,
    Survey,
    Website,
    Social,
    #[default]
    Other,
}

impl Channel {
    pub const ALL: [Channel; 7] =
        [Channel::Phone, Channel::Email, Channel::Visit, Channel::Survey, Channel::Website, Channel::Social, Channel::Other];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    ProductQuality,
    Delivery,
    Service,
    Billing,
    Staff,
    #[default]
    Other,
}

impl Category {
    pub const ALL: [Category; 6] =
        [Category::ProductQuality, Category::Delivery, Category::Service, Category::Billing, Category::Staff, Category::Other];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    #[default]
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Low, Severity::Medium, Severity::High, Severity::Critical];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    New,
    InProgress,
    Resolved,
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::New, Status::InProgress, Status::Resolved, Status::Closed];

    /// Still waiting for a resolution: what the open counts count.
    pub fn is_open(self) -> bool {
        matches!(self, Status::New | Status::InProgress)
    }
}

/// What one step of a complaint means on the customer's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComplaintEvent {
    Opened,
    /// Work started on it.
    Started,
    /// Back in progress after it was resolved or closed.
    Reopened,
    Resolved,
    Closed,
}

impl Complaint {
    /// Each step with what it meant: the first (or a step back to new)
    /// opened it; later ones started, resolved, closed or reopened it.
    pub fn events(&self) -> Vec<(&ComplaintStep, ComplaintEvent)> {
        let mut previous: Option<Status> = None;
        self.steps
            .iter()
            .map(|step| {
                let event = match (previous, step.status) {
                    (None, _) | (_, Status::New) => ComplaintEvent::Opened,
                    (Some(p), Status::InProgress) if !p.is_open() => ComplaintEvent::Reopened,
                    (Some(_), Status::InProgress) => ComplaintEvent::Started,
                    (Some(_), Status::Resolved) => ComplaintEvent::Resolved,
                    (Some(_), Status::Closed) => ComplaintEvent::Closed,
                };
                previous = Some(step.status);
                (step, event)
            })
            .collect()
    }
}

/// The statuses a complaint in `status` may move to, for the UI's buttons.
/// Moving to the same status is never a move.
pub fn allowed_next(status: Status) -> &'static [Status] {
    match status {
        Status::New => &[Status::InProgress, Status::Resolved],
        Status::InProgress => &[Status::Resolved],
        Status::Resolved => &[Status::Closed, Status::InProgress],
        Status::Closed => &[Status::InProgress],
    }
}

/// One step of the history: the status the complaint had from `at` on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplaintStep {
    pub at: i64,
    pub status: Status,
    /// The resolution for a step into resolved; otherwise optional words.
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Complaint {
    pub title: String,
    pub description: String,
    /// Empty for an anonymous complaint.
    pub customer_id: String,
    pub deal_id: String,
    pub product_id: String,
    /// The survey response that opened it; empty when logged by hand.
    pub survey_response_id: String,
    pub channel: Channel,
    pub category: Category,
    pub severity: Severity,
    /// Who handles it.
    pub owner: String,
    pub status: Status,
    /// How it was resolved; empty until resolved and again once reopened
    /// (earlier resolutions stay in `steps`).
    pub resolution: String,
    pub opened_ms: i64,
    /// Every status change; the first is the opening, as new.
    pub steps: Vec<ComplaintStep>,
}

/// What the complaint form sends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComplaintInput {
    pub title: String,
    pub description: String,
    pub customer_id: String,
    pub deal_id: String,
    pub product_id: String,
    pub channel: Channel,
    pub category: Category,
    pub severity: Severity,
    pub owner: String,
}

impl ComplaintInput {
    pub fn from_complaint(c: &Complaint) -> Self {
        Self {
            title: c.title.clone(),
            description: c.description.clone(),
            customer_id: c.customer_id.clone(),
            deal_id: c.deal_id.clone(),
            product_id: c.product_id.clone(),
            channel: c.channel,
            category: c.category,
            severity: c.severity,
            owner: c.owner.clone(),
        }
    }
}

/// Why a status change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusError {
    /// Not a move the status machine has (see [`allowed_next`]).
    NotAllowed { from: Status, to: Status },
    /// The move is allowed but its note is missing or too long.
    Fields(Vec<FieldError>),
}

impl From<StatusError> for SaveError {
    /// A move the stored status does not allow was made from a page that
    /// showed an older status (another tab moved it meanwhile).
    fn from(e: StatusError) -> Self {
        match e {
            StatusError::NotAllowed { .. } => SaveError::NotAllowed,
            StatusError::Fields(errors) => SaveError::Invalid(errors),
        }
    }
}

/// The form's fields of a complaint, before status and history are added or kept.
fn checked(input: &ComplaintInput) -> Result<Complaint, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = check::required(&input.title, Field::Subject, MAX_SHORT, &mut errors);
    let description = check::long_text(&input.description, Field::Notes, MAX_TEXT, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Complaint {
        title,
        description,
        customer_id: input.customer_id.clone(),
        deal_id: input.deal_id.clone(),
        product_id: input.product_id.clone(),
        channel: input.channel,
        category: input.category,
        severity: input.severity,
        owner: check::clean(&input.owner),
        ..Complaint::default()
    })
}

/// Opens a complaint now, or saves its form over `existing` (see [`Complaint::edited`]).
pub fn save(existing: Option<&Record>, input: &ComplaintInput, env: &dyn Env) -> Result<Saved, SaveError> {
    let complaint = match save::current::<Complaint>(existing)? {
        Some(old) => old.edited(input)?,
        None => validate(input, env.now_ms())?,
    };
    Ok(save::save(existing, &complaint, env)?)
}

/// A new complaint, opened `now_ms`.
pub fn validate(input: &ComplaintInput, now_ms: i64) -> Result<Complaint, Vec<FieldError>> {
    Ok(checked(input)?.opened(now_ms))
}

impl Complaint {
    /// A complaint opened by a poor survey answer (the closed loop): it is
    /// about service until someone reads it and says otherwise.
    pub fn from_survey(customer_id: &str, survey_response_id: &str, title: &str, severity: Severity, now_ms: i64) -> Complaint {
        // The title is generated, not typed: cut rather than refuse, so no
        // complaint is lost to a long survey name.
        let title: String = check::clean(title).chars().take(MAX_SHORT).collect();
        Complaint {
            title,
            customer_id: customer_id.to_string(),
            survey_response_id: survey_response_id.to_string(),
            channel: Channel::Survey,
            category: Category::Service,
            severity,
            ..Complaint::default()
        }
        .opened(now_ms)
    }

    fn opened(self, now_ms: i64) -> Complaint {
        Complaint { status: Status::New, opened_ms: now_ms, steps: vec![ComplaintStep { at: now_ms, status: Status::New, note: String::new() }], ..self }
    }

    /// The complaint as edited in its form: status, resolution, history and
    /// the survey behind it stay.
    pub fn edited(&self, input: &ComplaintInput) -> Result<Complaint, Vec<FieldError>> {
        Ok(Complaint {
            survey_response_id: self.survey_response_id.clone(),
            status: self.status,
            resolution: self.resolution.clone(),
            opened_ms: self.opened_ms,
            steps: self.steps.clone(),
            ..checked(input)?
        })
    }

    /// Moved to `to` with an optional `note`; resolving needs one, as the
    /// resolution. Reopening clears the resolution (the old one stays in the history).
    pub fn moved(&self, to: Status, note: &str, now_ms: i64) -> Result<Complaint, StatusError> {
        if !allowed_next(self.status).contains(&to) {
            return Err(StatusError::NotAllowed { from: self.status, to });
        }
        let mut errors = Vec::new();
        let note = check::long_text(note, Field::Notes, MAX_TEXT, &mut errors);
        if to == Status::Resolved && note.is_empty() {
            errors.push(FieldError { field: Field::Notes, problem: Problem::Required });
        }
        if !errors.is_empty() {
            return Err(StatusError::Fields(errors));
        }
        let resolution = match to {
            Status::Resolved => note.clone(),
            Status::Closed => self.resolution.clone(),
            Status::New | Status::InProgress => String::new(),
        };
        let mut complaint = Complaint { status: to, resolution, ..self.clone() };
        complaint.steps.push(ComplaintStep { at: now_ms, status: to, note });
        Ok(complaint)
    }

    /// When the current resolution was reached; None while open.
    pub fn resolved_at(&self) -> Option<i64> {
        if self.status.is_open() {
            return None;
        }
        // Back through the closing steps only: a resolution before the
        // latest reopening was undone by it.
        self.steps.iter().rev().take_while(|s| !s.status.is_open()).find(|s| s.status == Status::Resolved).map(|s| s.at)
    }

    /// From opening to the current resolution, reopenings included; None while open.
    pub fn time_to_resolve_ms(&self) -> Option<i64> {
        self.resolved_at().map(|at| (at - self.opened_ms).max(0))
    }
}


impl RecordKind for Complaint {
    const KIND: &'static str = COMPLAINT;
}

impl Searchable for Complaint {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let c = &r.fields;
        Entry {
            title: crate::global_search::headline([c.title.as_str(), &c.description]),
            text: format!("{} {} {}", c.title, c.description, c.resolution),
            customer_id: c.customer_id.clone(),
            within: String::new(),
            order: Order::newest(c.opened_ms),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ComplaintInput {
        ComplaintInput { title: " چاپگر  خراب رسید ".into(), customer_id: "c1".into(), severity: Severity::High, ..Default::default() }
    }

    fn in_status(status: Status) -> Complaint {
        let new = validate(&input(), 100).unwrap();
        match status {
            Status::New => new,
            Status::InProgress => new.moved(Status::InProgress, "", 200).unwrap(),
            Status::Resolved => new.moved(Status::Resolved, "replaced", 200).unwrap(),
            Status::Closed => in_status(Status::Resolved).moved(Status::Closed, "", 300).unwrap(),
        }
    }

    #[test]
    fn saving_the_form_opens_once_and_an_edit_keeps_status_and_history() {
        let env = crate::env::SeededEnv::new(9, 0);
        let opened = save(None, &input(), &env).unwrap().batch.unwrap().writes.remove(0).record;
        let mut stored = opened.read::<Complaint>().unwrap();
        assert_eq!((stored.status, stored.steps.len()), (Status::New, 1));
        stored = stored.moved(Status::InProgress, "", 5).unwrap();
        let moved = Record { fields: crate::store::to_fields(&stored), ..opened };
        let edit = ComplaintInput { title: "چاپگر دیر رسید".into(), ..input() };
        let saved = save(Some(&moved), &edit, &env).unwrap().batch.unwrap().writes.remove(0).record.read::<Complaint>().unwrap();
        assert_eq!(saved.title, "چاپگر دیر رسید");
        assert_eq!((saved.status, saved.steps, saved.opened_ms), (Status::InProgress, stored.steps, stored.opened_ms));
        assert!(matches!(save(None, &ComplaintInput::default(), &env), Err(SaveError::Invalid(_))));
    }

    #[test]
    fn a_refused_move_is_a_step_not_allowed_and_a_missing_resolution_a_field_error() {
        assert_eq!(SaveError::from(in_status(Status::New).moved(Status::Closed, "", 1).unwrap_err()), SaveError::NotAllowed);
        assert!(matches!(SaveError::from(in_status(Status::New).moved(Status::Resolved, "", 1).unwrap_err()), SaveError::Invalid(e) if !e.is_empty()));
    }

    #[test]
    fn every_transition_is_allowed_or_refused_by_the_table() {
        use Status::*;
        let table = [
            (New, New, false),
            (New, InProgress, true),
            (New, Resolved, true),
            (New, Closed, false),
            (InProgress, New, false),
            (InProgress, InProgress, false),
            (InProgress, Resolved, true),
            (InProgress, Closed, false),
            (Resolved, New, false),
            (Resolved, InProgress, true),
            (Resolved, Resolved, false),
            (Resolved, Closed, true),
            (Closed, New, false),
            (Closed, InProgress, true),
            (Closed, Resolved, false),
            (Closed, Closed, false),
        ];
        for (from, to, allowed) in table {
            let before = in_status(from);
            assert_eq!(before.status, from);
            assert_eq!(allowed_next(from).contains(&to), allowed, "{from:?} → {to:?}");
            match before.moved(to, "because", 1_000) {
                Ok(after) => {
                    assert!(allowed, "{from:?} → {to:?} should be refused");
                    assert_eq!(after.status, to);
                    assert_eq!(after.steps.len(), before.steps.len() + 1);
                    assert_eq!(after.steps.last(), Some(&ComplaintStep { at: 1_000, status: to, note: "because".into() }));
                }
                Err(e) => {
                    assert!(!allowed, "{from:?} → {to:?} should be allowed");
                    assert_eq!(e, StatusError::NotAllowed { from, to });
                }
            }
        }
    }

    #[test]
    fn resolving_needs_a_note_which_becomes_the_resolution() {
        let c = in_status(Status::InProgress);
        let required = StatusError::Fields(vec![FieldError { field: Field::Notes, problem: Problem::Required }]);
        assert_eq!(c.moved(Status::Resolved, " \n ", 5), Err(required));
        let long = "x".repeat(MAX_TEXT + 1);
        let too_long = StatusError::Fields(vec![FieldError { field: Field::Notes, problem: Problem::TooLong { max: MAX_TEXT } }]);
        assert_eq!(c.moved(Status::Resolved, &long, 5), Err(too_long));
        let resolved = c.moved(Status::Resolved, " Replaced the toner ", 5).unwrap();
        assert_eq!(resolved.resolution, "Replaced the toner");
        assert_eq!(resolved.moved(Status::Closed, "", 6).unwrap().resolution, "Replaced the toner");
        // Other moves need no note.
        assert!(in_status(Status::New).moved(Status::InProgress, "", 5).is_ok());
        assert!(resolved.moved(Status::InProgress, "", 6).is_ok());
    }

    #[test]
    fn a_reopened_complaint_counts_to_its_latest_resolution() {
        let c = validate(&input(), 100).unwrap();
        assert_eq!((c.resolved_at(), c.time_to_resolve_ms()), (None, None));
        let c = c.moved(Status::Resolved, "refunded", 200).unwrap();
        let c = c.moved(Status::Closed, "", 250).unwrap();
        assert_eq!((c.resolved_at(), c.time_to_resolve_ms()), (Some(200), Some(100)));
        let c = c.moved(Status::InProgress, "customer called back", 300).unwrap();
        assert_eq!((c.resolved_at(), c.time_to_resolve_ms(), c.resolution.as_str()), (None, None, ""));
        let c = c.moved(Status::Resolved, "replaced", 500).unwrap();
        assert_eq!((c.resolved_at(), c.time_to_resolve_ms()), (Some(500), Some(400)));
        let c = c.moved(Status::Closed, "", 600).unwrap();
        assert_eq!(c.time_to_resolve_ms(), Some(400));
        let statuses: Vec<Status> = c.steps.iter().map(|s| s.status).collect();
        use Status::*;
        assert_eq!(statuses, [New, Resolved, Closed, InProgress, Resolved, Closed]);
    }

    #[test]
    fn a_new_complaint_needs_a_title_and_starts_as_new() {
        let c = validate(&input(), 100).unwrap();
        assert_eq!((c.title.as_str(), c.status, c.opened_ms), ("چاپگر خراب رسید", Status::New, 100));
        assert_eq!(c.steps, [ComplaintStep { at: 100, status: Status::New, note: String::new() }]);
        assert_eq!((c.channel, c.category, c.survey_response_id.as_str()), (Channel::Other, Category::Other, ""));
        let bad = ComplaintInput { title: "  ".into(), description: "x".repeat(MAX_TEXT + 1), ..input() };
        let got: Vec<(Field, Problem)> = validate(&bad, 0).unwrap_err().iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(got, [(Field::Subject, Problem::Required), (Field::Notes, Problem::TooLong { max: MAX_TEXT })]);
        let long = ComplaintInput { title: "x".repeat(MAX_SHORT + 1), ..input() };
        assert_eq!(validate(&long, 0).unwrap_err(), [FieldError { field: Field::Subject, problem: Problem::TooLong { max: MAX_SHORT } }]);
        // Anonymous: no customer is fine.
        assert!(validate(&ComplaintInput { customer_id: String::new(), ..input() }, 0).is_ok());
    }

    #[test]
    fn edits_keep_status_history_and_the_survey_behind_it() {
        let c = Complaint::from_survey("c1", "r1", "NPS 2", Severity::High, 100).moved(Status::Resolved, "called", 200).unwrap();
        let edit = ComplaintInput { title: "Late delivery".into(), category: Category::Delivery, ..ComplaintInput::from_complaint(&c) };
        let e = c.edited(&edit).unwrap();
        assert_eq!((e.title.as_str(), e.category, e.status, e.resolution.as_str()), ("Late delivery", Category::Delivery, Status::Resolved, "called"));
        assert_eq!((e.survey_response_id.as_str(), e.opened_ms, e.steps.len()), ("r1", 100, 2));
        assert!(c.edited(&ComplaintInput::default()).is_err());
    }

    #[test]
    fn a_survey_opens_a_new_service_complaint() {
        let c = Complaint::from_survey("c1", "r1", &format!(" {} ", "y".repeat(MAX_SHORT + 5)), Severity::Critical, 7);
        assert_eq!((c.channel, c.category, c.severity, c.status, c.opened_ms), (Channel::Survey, Category::Service, Severity::Critical, Status::New, 7));
        assert_eq!((c.customer_id.as_str(), c.survey_response_id.as_str(), c.title.chars().count()), ("c1", "r1", MAX_SHORT));
        assert_eq!(c.steps.len(), 1);
    }

    #[test]
    fn serde_round_trips_and_defaults_what_is_missing() {
        let c = in_status(Status::Resolved);
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!((json["status"].as_str(), json["channel"].as_str()), (Some("resolved"), Some("other")));
        assert_eq!(serde_json::from_value::<Complaint>(json).unwrap(), c);
        let old: Complaint = serde_json::from_str(r#"{"title":"t","status":"in_progress","category":"product_quality","future_field":1,"steps":[{"at":5}]}"#).unwrap();
        assert_eq!((old.status, old.category, old.severity, old.channel), (Status::InProgress, Category::ProductQuality, Severity::Medium, Channel::Other));
        assert_eq!((old.customer_id.as_str(), old.opened_ms), ("", 0));
        assert_eq!(old.steps, [ComplaintStep { at: 5, status: Status::New, note: String::new() }]);
    }

    #[test]
    fn steps_read_as_opened_started_resolved_closed_and_reopened() {
        let step = |status| ComplaintStep { status, ..Default::default() };
        let complaint = Complaint {
            steps: vec![step(Status::New), step(Status::InProgress), step(Status::Resolved), step(Status::InProgress), step(Status::Resolved), step(Status::Closed), step(Status::InProgress)],
            ..Default::default()
        };
        use ComplaintEvent::*;
        let events: Vec<ComplaintEvent> = complaint.events().into_iter().map(|(_, e)| e).collect();
        assert_eq!(events, vec![Opened, Started, Resolved, Reopened, Resolved, Closed, Reopened]);
        let first_in_progress = Complaint { steps: vec![step(Status::InProgress)], ..Default::default() };
        assert_eq!(first_in_progress.events()[0].1, Opened, "the first step opened it");
    }
}
