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
mod tests;
