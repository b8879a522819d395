//! The installed base: each sold item by serial, who owns it now, and the
//! warranty it carries — a base term, extensions bought later, changes of
//! owner, a void — with the coverage check a technician runs on site.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{last_covered_day, TermCalendar};
use super::lookup::normalize_serial;
use super::Coverage;
use crate::check::{self, Field, FieldError, Problem};
use crate::global_search::{Entry, Order, Searchable};
use crate::store::{Envelope, RecordKind};

const MAX_SERIAL: usize = 100;
const MAX_SHORT: usize = 200;
const MAX_TEXT: usize = 5_000;
const MAX_TERM_MONTHS: i64 = 240;
const MAX_EXTENSION_MONTHS: u32 = 120;

/// Days before its end that a warranty counts as expiring soon: a month's
/// notice to offer an extension.
pub const SOON_DAYS: i64 = 30;

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
    /// [`normalize_serial`]).
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

/// What the item form sends; numbers as typed (Persian or Latin digits).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemInput {
    pub product_id: String,
    pub product_name: String,
    pub serial: String,
    pub customer_id: String,
    pub deal_id: String,
    pub sold_on: Option<NaiveDate>,
    pub installed_on: Option<NaiveDate>,
    pub start_policy: StartPolicy,
    pub term_months: String,
    pub calendar: TermCalendar,
    pub parts_percent: String,
    pub labour_percent: String,
    /// One per line.
    pub exclusions: String,
    pub transferable: bool,
    pub location: String,
    pub notes: String,
}

impl ItemInput {
    pub fn from_item(i: &InstalledItem) -> Self {
        Self {
            product_id: i.product_id.clone(),
            product_name: i.product_name.clone(),
            serial: i.serial.clone(),
            customer_id: i.customer_id.clone(),
            deal_id: i.deal_id.clone(),
            sold_on: i.sold_on,
            installed_on: i.installed_on,
            start_policy: i.start_policy,
            term_months: if i.term_months == 0 {
                String::new()
            } else {
                i.term_months.to_string()
            },
            calendar: i.calendar,
            parts_percent: i.coverage.parts_percent.to_string(),
            labour_percent: i.coverage.labour_percent.to_string(),
            exclusions: i.exclusions.join("\n"),
            transferable: i.transferable,
            location: i.location.clone(),
            notes: i.notes.clone(),
        }
    }
}

fn error(field: Field, problem: Problem) -> FieldError {
    FieldError { field, problem }
}

/// A share of the cost in whole percent. Empty means all of it: a form left
/// blank must not register a warranty that pays for nothing.
fn share(raw: &str, errors: &mut Vec<FieldError>) -> u8 {
    if check::clean(raw).is_empty() {
        100
    } else {
        check::whole_number(raw, Field::Percent, 0, 100, errors) as u8
    }
}

/// One exclusion per line, cleaned, without blanks or repeats.
fn exclusion_lines(raw: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in raw.lines().map(check::clean) {
        if !line.is_empty() && !lines.contains(&line) {
            lines.push(line);
        }
    }
    if lines.iter().any(|l| l.chars().count() > MAX_SHORT) {
        errors.push(error(Field::Other, Problem::TooLong { max: MAX_SHORT }));
    }
    lines
}

/// A new or edited item's form fields checked. `taken(product_id,
/// normalized_serial)` says whether another item already has that serial for
/// that product (the caller excludes the item being edited).
pub fn validate_item(
    input: &ItemInput,
    taken: impl Fn(&str, &str) -> bool,
) -> Result<InstalledItem, Vec<FieldError>> {
    let mut errors = Vec::new();
    let product_id = input.product_id.trim().to_string();
    if product_id.is_empty() {
        errors.push(error(Field::Product, Problem::Required));
    }
    let serial = check::clean(&input.serial);
    let normalized = normalize_serial(&serial);
    // Separators alone ("--") identify nothing, so they are no serial either.
    if normalized.is_empty() {
        errors.push(error(Field::Serial, Problem::Required));
    } else if serial.chars().count() > MAX_SERIAL {
        errors.push(error(Field::Serial, Problem::TooLong { max: MAX_SERIAL }));
    } else if !product_id.is_empty() && taken(&product_id, &normalized) {
        errors.push(error(Field::Serial, Problem::SerialTaken));
    }
    let customer_id = input.customer_id.trim().to_string();
    if customer_id.is_empty() {
        errors.push(error(Field::Customer, Problem::Required));
    }
    match (input.sold_on, input.installed_on) {
        (None, _) => errors.push(error(Field::Date, Problem::Required)),
        (Some(sold), Some(installed)) if installed < sold => {
            errors.push(error(Field::Date, Problem::BeforeStart))
        }
        _ => {}
    }
    let term_months = check::whole_number(
        &input.term_months,
        Field::Quantity,
        0,
        MAX_TERM_MONTHS,
        &mut errors,
    );
    let item = InstalledItem {
        product_id,
        product_name: check::clean(&input.product_name),
        serial,
        customer_id,
        deal_id: input.deal_id.trim().to_string(),
        sold_on: input.sold_on,
        installed_on: input.installed_on,
        start_policy: input.start_policy,
        term_months: term_months as u32,
        calendar: input.calendar,
        coverage: Coverage {
            parts_percent: share(&input.parts_percent, &mut errors),
            labour_percent: share(&input.labour_percent, &mut errors),
        },
        exclusions: exclusion_lines(&input.exclusions, &mut errors),
        transferable: input.transferable,
        extensions: Vec::new(),
        transfers: Vec::new(),
        voided: None,
        location: check::long_text(
            &check::clean(&input.location),
            Field::Other,
            MAX_SHORT,
            &mut errors,
        ),
        notes: check::long_text(&input.notes, Field::Notes, MAX_TEXT, &mut errors),
    };
    if errors.is_empty() {
        Ok(item)
    } else {
        Err(errors)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverageStatus {
    Covered,
    ExpiringSoon,
    Expired,
    Void,
    NotStarted,
    NoWarranty,
}

/// Why the status is what it is, for the words the UI shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    InTerm,
    /// Inside `extensions[index]`.
    InExtension {
        index: usize,
    },
    /// The last covered day was `on`.
    Ended {
        on: NaiveDate,
    },
    Voided {
        on: NaiveDate,
        reason: String,
    },
    /// The clock starts at installation, and there has been none yet.
    AwaitingInstallation,
    /// Sold without warranty and none bought since.
    NoTerm,
    /// The warranty starts `on`, after today.
    NotYetStarted {
        on: NaiveDate,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageCheck {
    pub status: CoverageStatus,
    pub reason: Reason,
    pub start: Option<NaiveDate>,
    /// The last covered day, base term and extensions together.
    pub until: Option<NaiveDate>,
    /// Days from today to `until`, 0 on the last day; negative once ended.
    /// `None` when there is no end, or it no longer matters (void).
    pub days_left: Option<i64>,
    /// What is paid for today; [`Coverage::NONE`] when not covered.
    pub coverage: Coverage,
}

/// Why a transfer was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransferError {
    /// The product's warranty stays with the first buyer.
    NotTransferable,
    SameCustomer,
    NoCustomer,
    /// Dated before the item was sold.
    BeforeSale,
}

impl InstalledItem {
    /// An edit of the form's fields; what happened to the item since it was
    /// registered (extensions, transfers, a void) is kept.
    pub fn edited(
        &self,
        input: &ItemInput,
        taken: impl Fn(&str, &str) -> bool,
    ) -> Result<InstalledItem, Vec<FieldError>> {
        Ok(InstalledItem {
            extensions: self.extensions.clone(),
            transfers: self.transfers.clone(),
            voided: self.voided.clone(),
            ..validate_item(input, taken)?
        })
    }

    /// `sold_on`, or `installed_on` under [`StartPolicy::Installation`]
    /// (`None` until installed).
    pub fn warranty_start(&self) -> Option<NaiveDate> {
        match self.start_policy {
            StartPolicy::Sale => self.sold_on,
            StartPolicy::Installation => self.installed_on,
        }
    }

    fn total_months(&self) -> u32 {
        self.extensions
            .iter()
            .fold(self.term_months, |sum, e| sum.saturating_add(e.months))
    }

    /// The last day of the base term plus every extension, counted from the
    /// start as one total of months (see [`super::dates::add_months`] for why). A void
    /// does not move it: [`InstalledItem::check`] reports the void.
    pub fn covered_until(&self) -> Option<NaiveDate> {
        last_covered_day(self.warranty_start()?, self.total_months(), self.calendar)
    }

    /// The period in force on `date` and what it pays for.
    fn period_on(&self, date: NaiveDate) -> Option<(Reason, Coverage)> {
        let start = self.warranty_start()?;
        if date < start || self.voided.as_ref().is_some_and(|v| date >= v.on) {
            return None;
        }
        let extensions = self
            .extensions
            .iter()
            .enumerate()
            .map(|(index, e)| (Reason::InExtension { index }, e));
        let periods = std::iter::once((Reason::InTerm, self.term_months, self.coverage))
            .chain(extensions.map(|(reason, e)| (reason, e.months, e.coverage)));
        let mut months = 0u32;
        for (reason, length, coverage) in periods {
            months = months.saturating_add(length);
            if last_covered_day(start, months, self.calendar).is_some_and(|last| date <= last) {
                return Some((reason, coverage));
            }
        }
        None
    }

    /// The coverage in force on `date` (the base term's inside the base term,
    /// extension i's inside its months); `None` when not covered that day
    /// (before the start, after the end, or on or after a void date).
    pub fn coverage_on(&self, date: NaiveDate) -> Option<Coverage> {
        self.period_on(date).map(|(_, coverage)| coverage)
    }

    /// The check at `today`. A void counts from its date on and outranks
    /// everything; an item sold without warranty has none whatever its
    /// installation; then the warranty may not have started, be running
    /// (expiring soon within `soon_days` of its last day) or have ended.
    pub fn check(&self, today: NaiveDate, soon_days: i64) -> CoverageCheck {
        let start = self.warranty_start();
        let until = self.covered_until();
        let days_left = until.map(|u| (u - today).num_days());
        let not_covered = |status, reason, days_left| CoverageCheck {
            status,
            reason,
            start,
            until,
            days_left,
            coverage: Coverage::NONE,
        };
        if let Some(v) = self.voided.as_ref().filter(|v| today >= v.on) {
            let reason = Reason::Voided {
                on: v.on,
                reason: v.reason.clone(),
            };
            return not_covered(CoverageStatus::Void, reason, None);
        }
        // Without a start or a term there is no last day.
        let (Some(start_day), Some(until_day)) = (start, until) else {
            return if self.total_months() == 0 {
                not_covered(CoverageStatus::NoWarranty, Reason::NoTerm, None)
            } else {
                not_covered(
                    CoverageStatus::NotStarted,
                    Reason::AwaitingInstallation,
                    None,
                )
            };
        };
        if today < start_day {
            let reason = Reason::NotYetStarted { on: start_day };
            return not_covered(CoverageStatus::NotStarted, reason, days_left);
        }
        match self.period_on(today) {
            Some((reason, coverage)) => CoverageCheck {
                status: if days_left.is_some_and(|d| d <= soon_days) {
                    CoverageStatus::ExpiringSoon
                } else {
                    CoverageStatus::Covered
                },
                reason,
                start,
                until,
                days_left,
                coverage,
            },
            None => not_covered(
                CoverageStatus::Expired,
                Reason::Ended { on: until_day },
                days_left,
            ),
        }
    }

    /// With an extended warranty added (pushes the end date).
    pub fn extended(&self, ext: Extension) -> Result<InstalledItem, FieldError> {
        if !(1..=MAX_EXTENSION_MONTHS).contains(&ext.months) {
            let range = Problem::OutOfRange {
                min: 1,
                max: i64::from(MAX_EXTENSION_MONTHS),
            };
            return Err(error(Field::Quantity, range));
        }
        if ext.coverage.parts_percent > 100 || ext.coverage.labour_percent > 100 {
            return Err(error(
                Field::Percent,
                Problem::OutOfRange { min: 0, max: 100 },
            ));
        }
        if ext.price < 0 {
            return Err(error(
                Field::Price,
                Problem::OutOfRange {
                    min: 0,
                    max: i64::MAX,
                },
            ));
        }
        let mut item = self.clone();
        item.extensions.push(ext);
        Ok(item)
    }

    /// Moved to another customer; the warranty keeps its dates.
    pub fn transferred(
        &self,
        to_customer: &str,
        on: NaiveDate,
        note: &str,
    ) -> Result<InstalledItem, TransferError> {
        let to = to_customer.trim();
        if !self.transferable {
            return Err(TransferError::NotTransferable);
        }
        if to.is_empty() {
            return Err(TransferError::NoCustomer);
        }
        if to == self.customer_id {
            return Err(TransferError::SameCustomer);
        }
        if self.sold_on.is_some_and(|sold| on < sold) {
            return Err(TransferError::BeforeSale);
        }
        let mut item = self.clone();
        let from_customer = std::mem::replace(&mut item.customer_id, to.to_string());
        item.transfers.push(Transfer {
            on,
            from_customer,
            to_customer: to.to_string(),
            note: check::clean(note),
        });
        Ok(item)
    }

    /// Warranty voided from `on` (e.g. the seal was broken). The reason is
    /// required: the customer will ask, and whoever answers was not there.
    pub fn voided(&self, on: NaiveDate, reason: &str) -> Result<InstalledItem, FieldError> {
        let mut errors = Vec::new();
        let reason = check::required(reason, Field::Notes, MAX_TEXT, &mut errors);
        if let Some(e) = errors.pop() {
            return Err(e);
        }
        Ok(InstalledItem {
            voided: Some(Voided { on, reason }),
            ..self.clone()
        })
    }
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
    use super::*;
    use crate::locale::from_jalali;
    use std::cell::RefCell;

    fn j(year: i32, month: u32, day: u32) -> NaiveDate {
        from_jalali(year, month, day).unwrap()
    }

    fn free(_: &str, _: &str) -> bool {
        false
    }

    /// Sold 1402/05/10 with a year's full Jalali warranty.
    fn item() -> InstalledItem {
        InstalledItem {
            product_id: "p1".into(),
            serial: "AB-1".into(),
            customer_id: "c1".into(),
            sold_on: Some(j(1402, 5, 10)),
            term_months: 12,
            transferable: true,
            ..Default::default()
        }
    }

    fn input() -> ItemInput {
        ItemInput {
            product_id: "p1".into(),
            product_name: "  Split   AC ".into(),
            serial: " ab-12  ۳۴ ".into(),
            customer_id: "c1".into(),
            sold_on: Some(j(1402, 5, 10)),
            term_months: "۱۸".into(),
            labour_percent: "50".into(),
            exclusions: "\n Physical damage \nPower surge\n\nPhysical   damage\n".into(),
            location: " Roof,  north side ".into(),
            ..Default::default()
        }
    }

    fn problems(errors: &[FieldError]) -> Vec<(Field, Problem)> {
        errors.iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn a_valid_item_is_cleaned_and_its_numbers_read() {
        let item = validate_item(&input(), free).unwrap();
        assert_eq!(item.product_name, "Split AC");
        assert_eq!(item.serial, "ab-12 ۳۴");
        assert_eq!(item.term_months, 18);
        assert_eq!(
            item.coverage,
            Coverage {
                parts_percent: 100,
                labour_percent: 50
            }
        );
        assert_eq!(item.exclusions, ["Physical damage", "Power surge"]);
        assert_eq!(item.location, "Roof, north side");
        assert_eq!(
            (item.calendar, item.start_policy),
            (TermCalendar::Jalali, StartPolicy::Sale)
        );
        assert_eq!(
            validate_item(&ItemInput::from_item(&item), free).unwrap(),
            item
        );
    }

    #[test]
    fn an_empty_term_is_no_warranty_and_empty_shares_are_full() {
        let input = ItemInput {
            term_months: " ".into(),
            labour_percent: String::new(),
            ..input()
        };
        let item = validate_item(&input, free).unwrap();
        assert_eq!((item.term_months, item.coverage), (0, Coverage::default()));
        let zero = ItemInput {
            parts_percent: "۰".into(),
            labour_percent: "0".into(),
            ..input
        };
        assert_eq!(validate_item(&zero, free).unwrap().coverage, Coverage::NONE);
    }

    #[test]
    fn missing_fields_are_each_named() {
        let errors = validate_item(&ItemInput::default(), free).unwrap_err();
        assert_eq!(
            problems(&errors),
            [
                (Field::Product, Problem::Required),
                (Field::Serial, Problem::Required),
                (Field::Customer, Problem::Required),
                (Field::Date, Problem::Required),
            ]
        );
        let separators_only = ItemInput {
            serial: " - / ".into(),
            ..input()
        };
        let errors = validate_item(&separators_only, free).unwrap_err();
        assert_eq!(problems(&errors), [(Field::Serial, Problem::Required)]);
    }

    #[test]
    fn bad_values_are_each_named() {
        let bad = ItemInput {
            serial: "S".repeat(101),
            installed_on: Some(j(1402, 5, 9)),
            term_months: "241".into(),
            parts_percent: "101".into(),
            labour_percent: "half".into(),
            exclusions: format!("ok\n{}", "x".repeat(201)),
            location: "y".repeat(201),
            notes: "z".repeat(5_001),
            ..input()
        };
        let errors = validate_item(&bad, free).unwrap_err();
        assert_eq!(
            problems(&errors),
            [
                (Field::Serial, Problem::TooLong { max: 100 }),
                (Field::Date, Problem::BeforeStart),
                (Field::Quantity, Problem::OutOfRange { min: 0, max: 240 }),
                (Field::Percent, Problem::OutOfRange { min: 0, max: 100 }),
                (Field::Percent, Problem::Number),
                (Field::Other, Problem::TooLong { max: 200 }),
                (Field::Other, Problem::TooLong { max: 200 }),
                (Field::Notes, Problem::TooLong { max: 5_000 }),
            ]
        );
        let limits = ItemInput {
            serial: "S".repeat(100),
            installed_on: Some(j(1402, 5, 10)),
            term_months: "240".into(),
            parts_percent: "100".into(),
            exclusions: "x".repeat(200),
            location: "y".repeat(200),
            notes: "z".repeat(5_000),
            ..input()
        };
        assert!(validate_item(&limits, free).is_ok());
    }

    #[test]
    fn a_taken_serial_is_refused_by_its_normalized_form() {
        let asked = RefCell::new(Vec::new());
        let taken = |product: &str, serial: &str| {
            asked
                .borrow_mut()
                .push((product.to_string(), serial.to_string()));
            product == "p1" && serial == "AB1234"
        };
        let errors = validate_item(&input(), taken).unwrap_err();
        assert_eq!(problems(&errors), [(Field::Serial, Problem::SerialTaken)]);
        assert_eq!(*asked.borrow(), [("p1".to_string(), "AB1234".to_string())]);
        let other_product = ItemInput {
            product_id: "p2".into(),
            ..input()
        };
        assert!(validate_item(&other_product, taken).is_ok());
    }

    #[test]
    fn an_edit_keeps_what_happened_to_the_item() {
        let history = item()
            .extended(Extension {
                months: 6,
                ..Default::default()
            })
            .unwrap()
            .transferred("c2", j(1402, 8, 1), "")
            .unwrap()
            .voided(j(1403, 1, 5), "seal broken")
            .unwrap();
        let input = ItemInput {
            notes: "moved to the roof".into(),
            ..ItemInput::from_item(&history)
        };
        let edited = history.edited(&input, free).unwrap();
        assert_eq!(edited.notes, "moved to the roof");
        assert_eq!(edited.extensions, history.extensions);
        assert_eq!(edited.transfers, history.transfers);
        assert_eq!(edited.voided, history.voided);
        assert_eq!(edited.customer_id, "c2");
        assert!(history.edited(&ItemInput::default(), free).is_err());
    }

    #[test]
    fn the_clock_starts_at_sale_or_at_installation() {
        let sold = InstalledItem {
            installed_on: Some(j(1402, 7, 1)),
            ..item()
        };
        assert_eq!(sold.warranty_start(), Some(j(1402, 5, 10)));
        assert_eq!(sold.covered_until(), Some(j(1403, 5, 9)));
        let installed = InstalledItem {
            start_policy: StartPolicy::Installation,
            ..sold
        };
        assert_eq!(installed.warranty_start(), Some(j(1402, 7, 1)));
        // A year from 1 Mehr ends the day before 1 Mehr: 31 Shahrivar.
        assert_eq!(installed.covered_until(), Some(j(1403, 6, 31)));
        assert_eq!(installed.coverage_on(j(1402, 6, 31)), None);
        assert_eq!(
            installed.coverage_on(j(1402, 7, 1)),
            Some(Coverage::default())
        );
        assert_eq!(
            installed.coverage_on(j(1403, 6, 31)),
            Some(Coverage::default())
        );
        assert_eq!(installed.coverage_on(j(1403, 7, 1)), None);
    }

    #[test]
    fn an_item_not_yet_installed_awaits_installation() {
        let waiting = InstalledItem {
            start_policy: StartPolicy::Installation,
            ..item()
        };
        assert_eq!(
            (waiting.warranty_start(), waiting.covered_until()),
            (None, None)
        );
        assert_eq!(waiting.coverage_on(j(1402, 6, 1)), None);
        assert_eq!(
            waiting.check(j(1402, 6, 1), SOON_DAYS),
            CoverageCheck {
                status: CoverageStatus::NotStarted,
                reason: Reason::AwaitingInstallation,
                start: None,
                until: None,
                days_left: None,
                coverage: Coverage::NONE,
            }
        );
    }

    #[test]
    fn a_warranty_that_starts_later_has_not_started() {
        let later = InstalledItem {
            start_policy: StartPolicy::Installation,
            installed_on: Some(j(1402, 6, 1)),
            ..item()
        };
        // 1402 is a common year: 365 days to the same day of 1403.
        assert_eq!(
            later.check(j(1402, 5, 31), SOON_DAYS),
            CoverageCheck {
                status: CoverageStatus::NotStarted,
                reason: Reason::NotYetStarted { on: j(1402, 6, 1) },
                start: Some(j(1402, 6, 1)),
                until: Some(j(1403, 5, 31)),
                days_left: Some(365),
                coverage: Coverage::NONE,
            }
        );
    }

    #[test]
    fn no_term_is_no_warranty_even_before_installation() {
        let none = InstalledItem {
            term_months: 0,
            ..item()
        };
        let check = none.check(j(1402, 6, 1), SOON_DAYS);
        assert_eq!(
            (check.status, check.reason, check.until),
            (CoverageStatus::NoWarranty, Reason::NoTerm, None)
        );
        assert_eq!(check.coverage, Coverage::NONE);
        let waiting = InstalledItem {
            start_policy: StartPolicy::Installation,
            ..none
        };
        assert_eq!(
            waiting.check(j(1402, 6, 1), SOON_DAYS).status,
            CoverageStatus::NoWarranty
        );
    }

    #[test]
    fn extensions_push_the_end_and_pay_what_they_cover() {
        let labour_only = Coverage {
            parts_percent: 0,
            labour_percent: 100,
        };
        let extended = item()
            .extended(Extension {
                months: 6,
                coverage: labour_only,
                price: 500,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(item().covered_until(), Some(j(1403, 5, 9)));
        assert_eq!(extended.covered_until(), Some(j(1403, 11, 9)));
        assert_eq!(
            extended.coverage_on(j(1403, 5, 9)),
            Some(Coverage::default())
        );
        assert_eq!(extended.coverage_on(j(1403, 5, 10)), Some(labour_only));
        assert_eq!(extended.coverage_on(j(1403, 11, 9)), Some(labour_only));
        assert_eq!(extended.coverage_on(j(1403, 11, 10)), None);
        assert_eq!(extended.coverage_on(j(1402, 5, 9)), None);
        let check = extended.check(j(1403, 8, 1), SOON_DAYS);
        assert_eq!(check.status, CoverageStatus::Covered);
        assert_eq!(check.reason, Reason::InExtension { index: 0 });
        assert_eq!(check.coverage, labour_only);
        assert_eq!(check.days_left, Some(98));
    }

    #[test]
    fn a_second_extension_follows_the_first() {
        let parts_half = Coverage {
            parts_percent: 50,
            labour_percent: 0,
        };
        let twice = item()
            .extended(Extension {
                months: 6,
                ..Default::default()
            })
            .unwrap()
            .extended(Extension {
                months: 12,
                coverage: parts_half,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(twice.covered_until(), Some(j(1404, 11, 9)));
        assert_eq!(
            twice.check(j(1403, 11, 10), SOON_DAYS).reason,
            Reason::InExtension { index: 1 }
        );
        assert_eq!(twice.coverage_on(j(1403, 11, 10)), Some(parts_half));
    }

    #[test]
    fn an_item_sold_without_warranty_is_covered_by_a_bought_extension() {
        let bought = InstalledItem {
            term_months: 0,
            ..item()
        }
        .extended(Extension {
            months: 3,
            ..Default::default()
        })
        .unwrap();
        assert_eq!(bought.covered_until(), Some(j(1402, 8, 9)));
        let check = bought.check(j(1402, 5, 10), SOON_DAYS);
        assert_eq!(
            (check.status, check.reason),
            (CoverageStatus::Covered, Reason::InExtension { index: 0 })
        );
    }

    #[test]
    fn expiring_soon_counts_the_last_thirty_days() {
        let item = item();
        // 1403/04/10 + 30 days = 1403/05/09, the last day (Tir has 31 days).
        let soon = item.check(j(1403, 4, 10), SOON_DAYS);
        assert_eq!(
            (soon.status, soon.days_left),
            (CoverageStatus::ExpiringSoon, Some(30))
        );
        assert_eq!(
            (soon.reason, soon.coverage),
            (Reason::InTerm, Coverage::default())
        );
        let covered = item.check(j(1403, 4, 9), SOON_DAYS);
        assert_eq!(
            (covered.status, covered.days_left),
            (CoverageStatus::Covered, Some(31))
        );
        let last = item.check(j(1403, 5, 9), SOON_DAYS);
        assert_eq!(
            (last.status, last.days_left),
            (CoverageStatus::ExpiringSoon, Some(0))
        );
        assert_eq!(
            item.check(j(1403, 4, 10), 29).status,
            CoverageStatus::Covered
        );
    }

    #[test]
    fn after_the_last_day_it_has_expired() {
        assert_eq!(
            item().check(j(1403, 5, 10), SOON_DAYS),
            CoverageCheck {
                status: CoverageStatus::Expired,
                reason: Reason::Ended { on: j(1403, 5, 9) },
                start: Some(j(1402, 5, 10)),
                until: Some(j(1403, 5, 9)),
                days_left: Some(-1),
                coverage: Coverage::NONE,
            }
        );
    }

    #[test]
    fn a_void_counts_from_its_date() {
        let void = item().voided(j(1402, 9, 1), "  seal   broken ").unwrap();
        assert_eq!(
            void.voided,
            Some(Voided {
                on: j(1402, 9, 1),
                reason: "seal broken".into()
            })
        );
        assert_eq!(void.coverage_on(j(1402, 8, 30)), Some(Coverage::default()));
        assert_eq!(void.coverage_on(j(1402, 9, 1)), None);
        assert_eq!(
            void.check(j(1402, 8, 30), SOON_DAYS).status,
            CoverageStatus::Covered
        );
        assert_eq!(
            void.check(j(1402, 9, 1), SOON_DAYS),
            CoverageCheck {
                status: CoverageStatus::Void,
                reason: Reason::Voided {
                    on: j(1402, 9, 1),
                    reason: "seal broken".into()
                },
                start: Some(j(1402, 5, 10)),
                until: Some(j(1403, 5, 9)),
                days_left: None,
                coverage: Coverage::NONE,
            }
        );
        // Even after the term would have ended, it is the void that is reported.
        assert_eq!(
            void.check(j(1404, 1, 1), SOON_DAYS).status,
            CoverageStatus::Void
        );
        assert_eq!(
            item().voided(j(1402, 9, 1), " "),
            Err(error(Field::Notes, Problem::Required))
        );
    }

    #[test]
    fn extensions_outside_their_limits_are_refused() {
        let ext = |months, parts_percent, price| Extension {
            months,
            coverage: Coverage {
                parts_percent,
                labour_percent: 100,
            },
            price,
            ..Default::default()
        };
        let months = error(Field::Quantity, Problem::OutOfRange { min: 1, max: 120 });
        assert_eq!(item().extended(ext(0, 100, 0)), Err(months));
        assert_eq!(item().extended(ext(121, 100, 0)), Err(months));
        let share = error(Field::Percent, Problem::OutOfRange { min: 0, max: 100 });
        assert_eq!(item().extended(ext(12, 101, 0)), Err(share));
        let price = error(
            Field::Price,
            Problem::OutOfRange {
                min: 0,
                max: i64::MAX,
            },
        );
        assert_eq!(item().extended(ext(12, 100, -1)), Err(price));
        assert_eq!(
            item().extended(ext(120, 100, 0)).unwrap().covered_until(),
            Some(j(1413, 5, 9))
        );
    }

    #[test]
    fn a_transfer_changes_the_owner_not_the_dates() {
        let before = item();
        let after = before
            .transferred(" c2 ", j(1402, 8, 1), " sold  on ")
            .unwrap();
        assert_eq!(after.customer_id, "c2");
        assert_eq!(
            after.transfers,
            [Transfer {
                on: j(1402, 8, 1),
                from_customer: "c1".into(),
                to_customer: "c2".into(),
                note: "sold on".into(),
            }]
        );
        assert_eq!(after.covered_until(), before.covered_until());
        assert_eq!(
            after.check(j(1403, 1, 1), SOON_DAYS),
            before.check(j(1403, 1, 1), SOON_DAYS)
        );
        assert_eq!(
            after
                .transferred("c3", j(1402, 5, 10), "")
                .unwrap()
                .transfers
                .len(),
            2
        );
    }

    #[test]
    fn transfers_are_refused_when_they_make_no_sense() {
        let on = j(1402, 8, 1);
        let locked = InstalledItem {
            transferable: false,
            ..item()
        };
        assert_eq!(
            locked.transferred("c2", on, ""),
            Err(TransferError::NotTransferable)
        );
        assert_eq!(
            item().transferred(" c1", on, ""),
            Err(TransferError::SameCustomer)
        );
        assert_eq!(
            item().transferred("  ", on, ""),
            Err(TransferError::NoCustomer)
        );
        assert_eq!(
            item().transferred("c2", j(1402, 5, 9), ""),
            Err(TransferError::BeforeSale)
        );
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
