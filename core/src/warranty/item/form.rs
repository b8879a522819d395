//! The item form: what it sends, how its fields are checked into an
//! installed item, and an edit that keeps what happened to the item since.

use chrono::NaiveDate;

use super::{error, InstalledItem, StartPolicy, MAX_TEXT};
use crate::check::{self, Field, FieldError, Problem};
use crate::locale::{format_number, Lang};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::Record;
use crate::warranty::dates::TermCalendar;
use crate::warranty::lookup::normalize_serial;
use crate::warranty::Coverage;

const MAX_SERIAL: usize = 100;
const MAX_SHORT: usize = 200;
const MAX_TERM_MONTHS: i64 = 240;

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
    /// The form for `i`, its numbers in `lang`'s digits.
    pub fn from_item(i: &InstalledItem, lang: Lang) -> Self {
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
                format_number(i64::from(i.term_months), lang)
            },
            calendar: i.calendar,
            parts_percent: format_number(i64::from(i.coverage.parts_percent), lang),
            labour_percent: format_number(i64::from(i.coverage.labour_percent), lang),
            exclusions: i.exclusions.join("\n"),
            transferable: i.transferable,
            location: i.location.clone(),
            notes: i.notes.clone(),
        }
    }
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

/// Registers an item or saves its form over `existing` (see
/// [`InstalledItem::edited`]); `taken` as for [`validate_item`].
pub fn save_item(existing: Option<&Record>, input: &ItemInput, taken: impl Fn(&str, &str) -> bool, env: &dyn Env) -> Result<Saved, SaveError> {
    let item = match save::current::<InstalledItem>(existing)? {
        Some(old) => old.edited(input, taken)?,
        None => validate_item(input, taken)?,
    };
    Ok(save::save(existing, &item, env)?)
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warranty::item::test_support::*;
    use crate::warranty::item::Extension;
    use std::cell::RefCell;

    fn free(_: &str, _: &str) -> bool {
        false
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
        for lang in [Lang::En, Lang::Fa] {
            assert_eq!(validate_item(&ItemInput::from_item(&item, lang), free).unwrap(), item);
        }
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
            ..ItemInput::from_item(&history, Lang::En)
        };
        let edited = history.edited(&input, free).unwrap();
        assert_eq!(edited.notes, "moved to the roof");
        assert_eq!(edited.extensions, history.extensions);
        assert_eq!(edited.transfers, history.transfers);
        assert_eq!(edited.voided, history.voided);
        assert_eq!(edited.customer_id, "c2");
        assert!(history.edited(&ItemInput::default(), free).is_err());
    }
}
