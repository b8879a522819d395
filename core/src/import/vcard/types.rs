//! The public types a read gives back: contacts with their parts, and problems.

use chrono::NaiveDate;

/// The `TYPE` labels a CRM can use. Others (`INTERNET`, `X-…`, custom
/// labels) are dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeLabel {
    Home,
    Work,
    /// `CELL`, and Apple's `IPHONE`/`MOBILE`.
    Cell,
    Fax,
    Voice,
    Pager,
    Text,
    Main,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phone {
    /// As written, without a `tel:` prefix.
    pub number: String,
    pub labels: Vec<TypeLabel>,
    /// `TYPE=PREF` (2.1, 3.0) or `PREF=n` (4.0).
    pub preferred: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Email {
    pub address: String,
    pub labels: Vec<TypeLabel>,
    pub preferred: bool,
}

/// `N`: the name in parts. Multiple values in a part stay comma-separated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StructuredName {
    pub family: String,
    pub given: String,
    pub additional: String,
    pub prefixes: String,
    pub suffixes: String,
}

/// `ORG`: the company, then its departments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Organization {
    pub name: String,
    pub units: Vec<String>,
}

/// `ADR` in its seven parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub po_box: String,
    pub extended: String,
    pub street: String,
    pub locality: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub labels: Vec<TypeLabel>,
    pub preferred: bool,
}

/// Phones let people save a birthday without the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Birthday {
    Date(NaiveDate),
    MonthDay { month: u32, day: u32 },
}

/// One card. Empty strings and vectors mean the card did not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VCardContact {
    /// Line of its `BEGIN:VCARD`, to point the user at it later.
    pub line: usize,
    /// `FN`, the name as displayed.
    pub formatted_name: String,
    pub name: Option<StructuredName>,
    pub phones: Vec<Phone>,
    pub emails: Vec<Email>,
    pub organization: Option<Organization>,
    pub title: String,
    pub addresses: Vec<Address>,
    /// Several `NOTE`s are joined with line breaks.
    pub note: String,
    pub birthday: Option<Birthday>,
}

impl VCardContact {
    /// `FN`, else the parts of `N` in reading order (given before family,
    /// as in Persian), else the organisation. 2.1 cards often lack `FN`.
    pub fn display_name(&self) -> String {
        if !self.formatted_name.is_empty() {
            return self.formatted_name.clone();
        }
        if let Some(n) = &self.name {
            let parts = [&n.prefixes, &n.given, &n.additional, &n.family, &n.suffixes];
            let joined = parts.iter().filter(|p| !p.is_empty()).map(|p| p.as_str()).collect::<Vec<_>>().join(" ");
            if !joined.is_empty() {
                return joined;
            }
        }
        self.organization.as_ref().map(|o| o.name.clone()).unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VCardProblem {
    /// The card has no `END:VCARD` before the next `BEGIN` or the end of
    /// the file (a cut-off file). The card is dropped: it may be half a card.
    MissingEnd,
    /// A line in a card that is not `NAME:value`. The line is skipped.
    MalformedLine,
    /// A quoted-printable value with a bad `=XX`. The property is skipped.
    BadQuotedPrintable,
    /// A `BDAY` that is not `19900315`, `1990-03-15`, `--0315` or `--03-15`.
    /// The birthday is left out; the card is kept.
    BadBirthday,
}

/// A problem in the card that begins on `card_line`, found on `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VCardError {
    pub card_line: usize,
    pub line: usize,
    pub problem: VCardProblem,
}

impl std::fmt::Display for VCardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs only; users see the UI's translation of the variant.
        write!(f, "{self:?}")
    }
}

impl std::error::Error for VCardError {}

/// Every card read, and the problems met on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VCards {
    pub contacts: Vec<VCardContact>,
    pub errors: Vec<VCardError>,
}
