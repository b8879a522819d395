//! Contacts: the people at company customers. A person may be a contact of
//! several companies (`customer_ids`), so moving jobs or serving two
//! branches never means typing them twice.

use crate::check::{self, phone_list, Field, FieldError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Order, Searchable};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::{Envelope, Record, RecordKind};

pub const KIND: &str = "contact";

const MAX_SHORT: usize = 200;
const MAX_NOTES: usize = 10_000;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    /// Job title or role at the companies (e.g. «مدیر خرید»).
    pub role: String,
    pub phones: Vec<String>,
    pub email: String,
    /// A decision maker or the person to call first.
    pub key_person: bool,
    pub birthday: Option<NaiveDate>,
    /// The companies (customer ids) this person is a contact of.
    pub customer_ids: Vec<String>,
    pub notes: String,
}

/// What the contact form sends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContactInput {
    pub name: String,
    pub role: String,
    pub phones: String,
    pub email: String,
    pub key_person: bool,
    pub birthday: Option<NaiveDate>,
    pub customer_ids: Vec<String>,
    pub notes: String,
}

/// Creates a contact or saves its form over `existing`.
pub fn save(existing: Option<&Record>, input: &ContactInput, env: &dyn Env) -> Result<Saved, SaveError> {
    Ok(save::save(existing, &validate(input)?, env)?)
}

pub fn validate(input: &ContactInput) -> Result<Contact, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = check::required(&input.name, Field::Name, MAX_SHORT, &mut errors);
    let phones = phone_list(&input.phones, &mut errors);
    let email = check::email(&input.email, &mut errors);
    let role = check::long_text(&input.role, Field::Other, MAX_SHORT, &mut errors);
    let notes = check::long_text(&input.notes, Field::Notes, MAX_NOTES, &mut errors);
    let mut customer_ids: Vec<String> = Vec::new();
    for id in input.customer_ids.iter().filter(|id| !id.is_empty()) {
        if !customer_ids.contains(id) {
            customer_ids.push(id.clone());
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Contact { name, role, phones, email, key_person: input.key_person, birthday: input.birthday, customer_ids, notes })
}

impl ContactInput {
    pub fn from_contact(c: &Contact) -> Self {
        Self {
            name: c.name.clone(),
            role: c.role.clone(),
            phones: c.phones.join(", "),
            email: c.email.clone(),
            key_person: c.key_person,
            birthday: c.birthday,
            customer_ids: c.customer_ids.clone(),
            notes: c.notes.clone(),
        }
    }
}

impl Contact {
    /// Whether the birthday falls within the next `days` days of `today`
    /// (a reason to call; 29 February counts on 28 February in other years).
    pub fn birthday_within(&self, today: NaiveDate, days: i64) -> bool {
        use chrono::Datelike;
        let Some(born) = self.birthday else { return false };
        (0..=days).any(|d| {
            let day = today + chrono::Duration::days(d);
            let feb29_in_common_year = born.month() == 2 && born.day() == 29 && NaiveDate::from_ymd_opt(day.year(), 2, 29).is_none();
            (day.month(), day.day()) == (born.month(), born.day()) || (feb29_in_common_year && (day.month(), day.day()) == (2, 28))
        })
    }
}

impl RecordKind for Contact {
    const KIND: &'static str = KIND;
}

impl Searchable for Contact {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let c = &r.fields;
        Entry {
            title: c.name.clone(),
            text: format!("{} {} {} {} {}", c.name, c.role, c.email, c.phones.join(" "), c.notes),
            customer_id: c.customer_ids.first().cloned().unwrap_or_default(),
            within: String::new(),
            order: Order::by_name(&c.name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Problem;
    use crate::env::{Env, SeededEnv};
    use crate::store::{self, links_of};

    fn input(name: &str) -> ContactInput {
        ContactInput { name: name.into(), ..Default::default() }
    }

    #[test]
    fn name_required_phones_and_email_checked() {
        let problems: Vec<_> = validate(&ContactInput { email: "nope".into(), phones: "12".into(), ..input(" ") })
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(problems, vec![(Field::Name, Problem::Required), (Field::Phones, Problem::PhoneLength), (Field::Email, Problem::EmailFormat)]);
        let c = validate(&ContactInput { phones: "۰۹۱۲ ۱۲۳ ۴۵۶۷".into(), email: "Sara@Acme.ir".into(), ..input(" سارا  احمدی ") }).unwrap();
        assert_eq!((c.name.as_str(), c.phones[0].as_str(), c.email.as_str()), ("سارا احمدی", "09121234567", "sara@acme.ir"));
    }

    #[test]
    fn one_person_at_several_companies_links_to_each_once() {
        let env = SeededEnv::new(1, 0);
        let (a, b) = (env.new_id(), env.new_id());
        let c = validate(&ContactInput { customer_ids: vec![a.clone(), b.clone(), a.clone(), "".into()], ..input("Sara") }).unwrap();
        assert_eq!(c.customer_ids, vec![a.clone(), b.clone()]);
        let batch = store::create(KIND, &c, &env);
        let mut want = vec![format!("customer:{a}"), format!("customer:{b}")];
        want.sort();
        assert_eq!(links_of(&batch.writes[0].record.fields), want);
        assert_eq!(validate(&ContactInput::from_contact(&c)).unwrap(), c);
    }

    #[test]
    fn birthdays_coming_up() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let c = Contact { birthday: Some(d(1990, 3, 21)), ..Default::default() };
        assert!(c.birthday_within(d(2026, 3, 15), 7));
        assert!(!c.birthday_within(d(2026, 3, 22), 7));
        assert!(c.birthday_within(d(2026, 3, 21), 0));
        let leap = Contact { birthday: Some(d(1992, 2, 29)), ..Default::default() };
        assert!(leap.birthday_within(d(2027, 2, 28), 0));
        assert!(!leap.birthday_within(d(2028, 2, 28), 0));
        assert!(!Contact::default().birthday_within(d(2026, 1, 1), 365));
    }
}
