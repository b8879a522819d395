//! Duplicate checks for many rows at once (an import): every customer's
//! phones, email and folded name go into hash maps once, so each imported
//! row is a few lookups instead of a search through the whole list — and
//! rows of the same file are checked against each other too.

use super::model::Customer;
use super::search::{name_key, CustomerIndex, DuplicateReason};
use std::collections::HashMap;

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
