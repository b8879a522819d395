//! Activities: what happened with a customer — calls, meetings, site visits
//! with their visit report, emails, notes, negotiations. Each belongs to a
//! customer and optionally to one of its contacts and (later areas) a deal,
//! warranty claim or survey, all through `<kind>_id` links.

use crate::check::{self, Field, FieldError, Problem};
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Order, Searchable};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::{Envelope, Record, RecordKind};

pub const KIND: &str = "activity";

const MAX_SHORT: usize = 200;
const MAX_TEXT: usize = 10_000;
/// A visit longer than a working day is a typo.
const MAX_VISIT_MINUTES: u32 = 16 * 60;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityType {
    #[default]
    Call,
    Meeting,
    Visit,
    Email,
    Note,
    Negotiation,
}

impl ActivityType {
    pub const ALL: [ActivityType; 6] =
        [ActivityType::Call, ActivityType::Visit, ActivityType::Meeting, ActivityType::Negotiation, ActivityType::Email, ActivityType::Note];

    /// Whether it counts as contact with the customer (a note is written
    /// about them, not with them).
    pub fn is_contact(self) -> bool {
        self != ActivityType::Note
    }
}

/// What a site visit adds: why the rep went, what came of it, what next.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitReport {
    pub purpose: String,
    pub outcome: String,
    pub next_step: String,
    pub duration_minutes: u32,
    pub location: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    #[serde(rename = "type")]
    pub activity_type: ActivityType,
    /// When it happened, milliseconds since the epoch (UTC).
    pub at: i64,
    pub subject: String,
    pub notes: String,
    pub customer_id: String,
    pub contact_id: String,
    /// Who logged it (the device's user).
    pub owner: String,
    /// Only for visits.
    pub visit: Option<VisitReport>,
}

/// What the activity form sends. `at` is already converted from the
/// user's local date and time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityInput {
    pub activity_type: ActivityType,
    pub at: i64,
    pub subject: String,
    pub notes: String,
    pub customer_id: String,
    pub contact_id: String,
    pub owner: String,
    pub purpose: String,
    pub outcome: String,
    pub next_step: String,
    /// As typed (any digits); empty for unknown.
    pub duration_minutes: String,
    pub location: String,
}

/// Logs an activity or saves a correction of `existing` (see [`Activity::edited`]).
pub fn save(existing: Option<&Record>, input: &ActivityInput, env: &dyn Env) -> Result<Saved, SaveError> {
    let activity = match save::current::<Activity>(existing)? {
        Some(old) => old.edited(input)?,
        None => validate(input)?,
    };
    Ok(save::save(existing, &activity, env)?)
}

pub fn validate(input: &ActivityInput) -> Result<Activity, Vec<FieldError>> {
    let mut errors = Vec::new();
    if input.customer_id.is_empty() {
        errors.push(FieldError { field: Field::Customer, problem: Problem::Required });
    }
    let subject = check::long_text(&input.subject, Field::Subject, MAX_SHORT, &mut errors);
    let notes = check::long_text(&input.notes, Field::Notes, MAX_TEXT, &mut errors);
    let visit = (input.activity_type == ActivityType::Visit).then(|| VisitReport {
        purpose: check::long_text(&input.purpose, Field::Other, MAX_TEXT, &mut errors),
        outcome: check::long_text(&input.outcome, Field::Other, MAX_TEXT, &mut errors),
        next_step: check::long_text(&input.next_step, Field::Other, MAX_TEXT, &mut errors),
        duration_minutes: minutes(&input.duration_minutes, &mut errors),
        location: check::long_text(&input.location, Field::Other, MAX_SHORT, &mut errors),
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Activity {
        activity_type: input.activity_type,
        at: input.at,
        subject,
        notes,
        customer_id: input.customer_id.clone(),
        contact_id: input.contact_id.clone(),
        owner: check::clean(&input.owner),
        visit,
    })
}

fn minutes(raw: &str, errors: &mut Vec<FieldError>) -> u32 {
    let digits = crate::locale::to_ascii_digits(raw.trim());
    if digits.is_empty() {
        return 0;
    }
    match digits.parse::<u32>() {
        Ok(m) if m <= MAX_VISIT_MINUTES => m,
        _ => {
            errors.push(FieldError { field: Field::Duration, problem: Problem::TooLong { max: MAX_VISIT_MINUTES as usize } });
            0
        }
    }
}

impl ActivityInput {
    pub fn from_activity(a: &Activity) -> Self {
        let v = a.visit.clone().unwrap_or_default();
        Self {
            activity_type: a.activity_type,
            at: a.at,
            subject: a.subject.clone(),
            notes: a.notes.clone(),
            customer_id: a.customer_id.clone(),
            contact_id: a.contact_id.clone(),
            owner: a.owner.clone(),
            purpose: v.purpose,
            outcome: v.outcome,
            next_step: v.next_step,
            duration_minutes: if v.duration_minutes == 0 { String::new() } else { v.duration_minutes.to_string() },
            location: v.location,
        }
    }
}

impl Activity {
    /// The activity as corrected: who logged it stays its owner, whoever
    /// corrects it.
    pub fn edited(&self, input: &ActivityInput) -> Result<Activity, Vec<FieldError>> {
        Ok(Activity { owner: self.owner.clone(), ..validate(input)? })
    }

    /// One line for lists and search results: the subject, else the visit's
    /// outcome or purpose, else the start of the notes.
    pub fn headline(&self) -> String {
        let visit = self.visit.as_ref();
        let candidates = [Some(&self.subject), visit.map(|v| &v.outcome), visit.map(|v| &v.purpose), Some(&self.notes)];
        crate::global_search::headline(candidates.into_iter().flatten().map(String::as_str))
    }

    /// Every text worth finding it by, for search.
    pub fn search_text(&self) -> String {
        let mut text = format!("{} {}", self.subject, self.notes);
        if let Some(v) = &self.visit {
            for part in [&v.purpose, &v.outcome, &v.next_step, &v.location] {
                text.push(' ');
                text.push_str(part);
            }
        }
        text
    }
}

impl RecordKind for Activity {
    const KIND: &'static str = KIND;
}

impl Searchable for Activity {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let a = &r.fields;
        Entry { title: a.headline(), text: a.search_text(), customer_id: a.customer_id.clone(), within: String::new(), order: Order::newest(a.at) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::store::{self, links_of};

    const C1: &str = "7f1e2d3c-4b5a-4968-8776-655443322110";
    const P1: &str = "7f1e2d3c-4b5a-4968-8776-655443322111";

    fn visit() -> ActivityInput {
        ActivityInput {
            activity_type: ActivityType::Visit,
            at: 1_700_000_000_000,
            customer_id: C1.into(),
            contact_id: P1.into(),
            purpose: " نصب دستگاه ".into(),
            outcome: "راضی بودند\nسفارش دوم".into(),
            next_step: "تماس هفته بعد".into(),
            duration_minutes: "۴۵".into(),
            location: "تهران، انبار".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_visit_keeps_its_report_and_links_to_customer_and_contact() {
        let a = validate(&visit()).unwrap();
        let v = a.visit.clone().unwrap();
        assert_eq!((v.purpose.as_str(), v.duration_minutes), ("نصب دستگاه", 45));
        let record = store::create(KIND, &a, &SeededEnv::new(1, 0)).writes.remove(0).record;
        assert_eq!(links_of(&record.fields), vec![format!("contact:{P1}"), format!("customer:{C1}")]);
        assert_eq!(record.fields["type"], serde_json::json!("visit"));
        assert_eq!(validate(&ActivityInput::from_activity(&a)).unwrap(), a);
        assert_eq!(a.headline(), "راضی بودند");
    }

    #[test]
    fn only_visits_carry_a_report() {
        let call = validate(&ActivityInput { activity_type: ActivityType::Call, ..visit() }).unwrap();
        assert!(call.visit.is_none());
        assert_eq!(call.headline(), "");
    }

    #[test]
    fn customer_required_and_duration_checked() {
        let errs = validate(&ActivityInput { customer_id: String::new(), duration_minutes: "2000".into(), ..visit() }).unwrap_err();
        let fields: Vec<Field> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Customer, Field::Duration]);
        assert!(validate(&ActivityInput { duration_minutes: "abc".into(), ..visit() }).is_err());
        assert_eq!(validate(&ActivityInput { duration_minutes: " ".into(), ..visit() }).unwrap().visit.unwrap().duration_minutes, 0);
    }

    #[test]
    fn headline_is_one_short_line() {
        let a = Activity { notes: format!("{}\nsecond", "ب".repeat(300)), ..Default::default() };
        let h = a.headline();
        assert_eq!(h.chars().count(), 121);
        assert!(h.ends_with('…'));
        assert!(!ActivityType::Note.is_contact() && ActivityType::Visit.is_contact());
    }

    #[test]
    fn a_correction_keeps_who_logged_it() {
        let logged = validate(&ActivityInput { subject: "Call".into(), customer_id: "c1".into(), owner: "Sara".into(), ..Default::default() }).unwrap();
        let corrected = logged.edited(&ActivityInput { subject: "Call about prices".into(), customer_id: "c1".into(), owner: "Reza".into(), ..Default::default() }).unwrap();
        assert_eq!((corrected.subject.as_str(), corrected.owner.as_str()), ("Call about prices", "Sara"));
        assert!(logged.edited(&ActivityInput { owner: "Reza".into(), ..Default::default() }).is_err(), "a correction is validated like a new one");
    }
}
