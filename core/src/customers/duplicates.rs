//! Likely duplicates: the same phone, the same email, or the same name once
//! Persian/Arabic letters, digits, spacing and case are folded. One rule,
//! two speeds: the customer form compares one customer with every row of
//! the list; an import puts every customer's keys into hash maps once, so
//! each of 50,000 rows is a few lookups — and is checked against the rows
//! of the same file before it too.

use super::model::Customer;
use super::search::{name_key, CustomerIndex};
use std::collections::HashMap;

/// Why an existing customer looks like the one being entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicateReason {
    SamePhone,
    SameEmail,
    SameName,
}

/// An existing customer that is probably the same as a new one.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub id: String,
    pub name: String,
    pub reasons: Vec<DuplicateReason>,
}

impl CustomerIndex {
    /// Customers that look like `c`, strongest first (phone, then email,
    /// then name, more reasons before fewer), at most five. `except` leaves
    /// out the customer being edited.
    pub fn likely_duplicates(&self, c: &Customer, except: Option<&str>) -> Vec<Duplicate> {
        let key = name_key(&c.name);
        let mut out: Vec<Duplicate> = self
            .rows()
            .iter()
            .filter(|r| except != Some(r.id.as_str()))
            .filter_map(|r| {
                let mut reasons = Vec::new();
                if r.phones().any(|p| c.phones.iter().any(|q| q == p)) {
                    reasons.push(DuplicateReason::SamePhone);
                }
                if !c.email.is_empty() && r.email() == c.email {
                    reasons.push(DuplicateReason::SameEmail);
                }
                if !key.is_empty() && r.name_key() == key {
                    reasons.push(DuplicateReason::SameName);
                }
                (!reasons.is_empty()).then(|| Duplicate { id: r.id.clone(), name: r.name.clone(), reasons })
            })
            .collect();
        out.sort_by_key(|d| (d.reasons.first().map(|r| *r as u8), std::cmp::Reverse(d.reasons.len())));
        out.truncate(5);
        out
    }
}

/// Who an imported row looks like.
#[derive(Clone, Debug, PartialEq)]
pub enum LookAlike {
    /// A customer already stored.
    Stored { id: String, name: String },
    /// An earlier row of the same file (its line).
    Row { line: usize, name: String },
}

#[derive(Default)]
pub struct DuplicateKeys {
    phones: HashMap<String, usize>,
    emails: HashMap<String, usize>,
    names: HashMap<String, usize>,
    who: Vec<LookAlike>,
}

impl DuplicateKeys {
    /// The keys of every customer in the list.
    pub fn of_index(ix: &CustomerIndex) -> Self {
        let mut keys = Self::default();
        for row in ix.rows() {
            let at = keys.who.len();
            keys.who.push(LookAlike::Stored { id: row.id.clone(), name: row.name.clone() });
            for phone in row.phones() {
                keys.phones.entry(phone.to_string()).or_insert(at);
            }
            if !row.email().is_empty() {
                keys.emails.entry(row.email().to_string()).or_insert(at);
            }
            if !row.name_key().is_empty() {
                keys.names.entry(row.name_key().to_string()).or_insert(at);
            }
        }
        keys
    }

    /// The strongest reason `c` looks like someone known (phone, then email,
    /// then name), and who.
    pub fn check(&self, c: &Customer) -> Option<(DuplicateReason, &LookAlike)> {
        let phone = c.phones.iter().find_map(|p| self.phones.get(p)).map(|&i| (DuplicateReason::SamePhone, i));
        let email = || (!c.email.is_empty()).then(|| self.emails.get(&c.email)).flatten().map(|&i| (DuplicateReason::SameEmail, i));
        let name = || self.names.get(&name_key(&c.name)).map(|&i| (DuplicateReason::SameName, i));
        phone.or_else(email).or_else(name).map(|(reason, i)| (reason, &self.who[i]))
    }

    /// Remembers `c` (a row of the file at `line`) for the rows after it.
    pub fn add(&mut self, c: &Customer, line: usize) {
        let at = self.who.len();
        self.who.push(LookAlike::Row { line, name: c.name.clone() });
        for phone in &c.phones {
            self.phones.entry(phone.clone()).or_insert(at);
        }
        if !c.email.is_empty() {
            self.emails.entry(c.email.clone()).or_insert(at);
        }
        let key = name_key(&c.name);
        if !key.is_empty() {
            self.names.entry(key).or_insert(at);
        }
    }
}
