//! The installed base: each sold item by serial, who owns it now, and the
//! warranty it carries — a base term, extensions bought later, changes of
//! owner, a void — with the coverage check a technician runs on site.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::TermCalendar;
use super::Coverage;
use crate::check::{Field, FieldError, Problem};
use crate::global_search::{Entry, Order, Searchable};
use crate::store::{Envelope, RecordKind};

mod changes;
mod coverage;
mod form;
#[cfg(test)]
mod test_support;

pub use changes::TransferError;
pub use coverage::{CoverageCheck, CoverageStatus, Reason, SOON_DAYS};
pub use form::{save_item, validate_item, ItemInput};

const MAX_TEXT: usize = 5_000;

/// When the warranty clock starts, by product policy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartPolicy {
    #[default]
    Sale,
    /// For equipment that waits in a warehouse before it is installed, so
    /// the customer does not lose months of warranty to the wait.
    Installation,
}

impl StartPolicy {
    pub const ALL: [StartPolicy; 2] = [StartPolicy::Sale, StartPolicy::Installation];
}

/// An extended warranty bought later; its months follow the base term's and
/// every earlier extension's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Extension {
    pub months: u32,
    pub coverage: Coverage,
    pub bought_on: Option<NaiveDate>,
    /// What the customer paid, in minor units.
    pub price: i64,
    pub note: String,
}

/// A change of owner; the warranty keeps its dates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Transfer {
    pub on: NaiveDate,
    pub from_customer: String,
    pub to_customer: String,
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Voided {
    pub on: NaiveDate,
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstalledItem {
    pub product_id: String,
    /// Copied for lists and the certificate, which then need not load the
    /// catalog and keep the name it was sold under.
    pub product_name: String,
    /// As typed, cleaned; compared in its normalized form (see
    /// [`normalize_serial`](super::lookup::normalize_serial)).
    pub serial: String,
    /// The owner now; earlier owners are in `transfers`.
    pub customer_id: String,
    /// The deal it was sold on; empty when entered by hand.
    pub deal_id: String,
    pub sold_on: Option<NaiveDate>,
    pub installed_on: Option<NaiveDate>,
    pub start_policy: StartPolicy,
    /// The base term (0 = sold without warranty).
    pub term_months: u32,
    pub calendar: TermCalendar,
    /// What the base term pays for.
    pub coverage: Coverage,
    /// What the warranty does not cover, printed on the certificate.
    pub exclusions: Vec<String>,
    pub transferable: bool,
    /// Oldest first.
    pub extensions: Vec<Extension>,
    /// Oldest first.
    pub transfers: Vec<Transfer>,
    pub voided: Option<Voided>,
    /// Where it is installed, for the technician who goes there.
    pub location: String,
    pub notes: String,
}

/// The number printed on an item's warranty certificate: the first twelve
/// hex digits of its id in groups of four, upper case ("3F2A-9C1B-77D0").
/// Short enough to read out on the phone and 48 bits, unique enough for any
/// one business's installed base. Not in the search text: a few typed digits
/// would find items by it at random.
pub fn certificate_number(item_id: &str) -> String {
    let digits: Vec<char> = item_id.chars().filter(char::is_ascii_hexdigit).take(12).map(|c| c.to_ascii_uppercase()).collect();
    digits.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

fn error(field: Field, problem: Problem) -> FieldError {
    FieldError { field, problem }
}

impl RecordKind for InstalledItem {
    const KIND: &'static str = super::ITEM;
}

impl Searchable for InstalledItem {
    /// Found by its serial as written or as the lookup compares it
    /// ("bx20240001" finds "BX-2024-0001"), and by its product.
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let i = &r.fields;
        let title = if i.product_name.is_empty() { i.serial.clone() } else { format!("{} — {}", i.serial, i.product_name) };
        Entry {
            title,
            text: format!("{} {} {} {} {}", i.serial, super::lookup::normalize_serial(&i.serial), i.product_name, i.location, i.notes),
            customer_id: i.customer_id.clone(),
            within: String::new(),
            order: Order::by_name(&i.serial),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn a_certificate_number_is_the_ids_first_twelve_hex_digits_grouped() {
        assert_eq!(certificate_number("3f2a9c1b-77d0-4e5f-8a9b-0123456789ab"), "3F2A-9C1B-77D0");
    }

    #[test]
    fn items_are_stored_with_readable_names() {
        let installed = InstalledItem {
            start_policy: StartPolicy::Installation,
            calendar: TermCalendar::Gregorian,
            installed_on: Some(j(1403, 1, 1)),
            ..item()
        };
        let json = serde_json::to_value(&installed).unwrap();
        assert_eq!(json["start_policy"], "installation");
        assert_eq!(json["calendar"], "gregorian");
        assert_eq!(json["installed_on"], "2024-03-20");
        assert_eq!(json["coverage"]["parts_percent"], 100);
        assert_eq!(
            serde_json::from_value::<InstalledItem>(json).unwrap(),
            installed
        );
        let sparse: InstalledItem = serde_json::from_str(r#"{"serial":"X1"}"#).unwrap();
        assert_eq!(
            (sparse.serial.as_str(), sparse.coverage, sparse.term_months),
            ("X1", Coverage::default(), 0)
        );
        assert_eq!(
            StartPolicy::ALL,
            [StartPolicy::Sale, StartPolicy::Installation]
        );
    }
}
