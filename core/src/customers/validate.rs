use super::iran_ids::{is_valid_economic_code, is_valid_legal_id, is_valid_national_code};
use super::model::{AcquisitionSource, ContactMethod, Customer, CustomerType, Lifecycle, Loyalty, PartyKind, ValueSegment};
use crate::check::{self, clean, phone_list, split_list, Field, FieldError, Problem};
use crate::locale::to_ascii_digits;
use chrono::NaiveDate;

/// What the customer form sends: text as typed, choices already picked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomerInput {
    pub name: String,
    pub kind: PartyKind,
    pub customer_type: CustomerType,
    pub category: String,
    pub preferred_contact: ContactMethod,
    /// One or more numbers separated by commas, «،», semicolons or new lines.
    pub phones: String,
    pub email: String,
    pub address: String,
    pub city: String,
    pub province: String,
    /// Comma-separated.
    pub tags: String,
    pub owner: String,
    pub notes: String,
    pub national_id: String,
    pub economic_code: String,
    /// Already parsed by the date input (Jalali or Gregorian per language).
    pub since: Option<NaiveDate>,
    pub loyalty: Option<Loyalty>,
    pub value_segment: Option<ValueSegment>,
    pub source: Option<AcquisitionSource>,
    pub lifecycle: Option<Lifecycle>,
}

const MAX_SHORT: usize = 200;
const MAX_NOTES: usize = 10_000;
const MAX_TAGS: usize = 20;
const MAX_TAG: usize = 40;

/// Checks every field, collecting all problems at once so the form can show
/// them together, and returns the cleaned record.
pub fn validate(input: &CustomerInput) -> Result<Customer, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = check::required(&input.name, Field::Name, MAX_SHORT, &mut errors);
    let phones = phone_list(&input.phones, &mut errors);
    let email = check::email(&input.email, &mut errors);
    let notes = check::long_text(&input.notes, Field::Notes, MAX_NOTES, &mut errors);
    let mut fail = |field, problem| errors.push(FieldError { field, problem });

    let national_id = to_ascii_digits(input.national_id.trim());
    if !national_id.is_empty() {
        match input.kind {
            PartyKind::Person if !is_valid_national_code(&national_id) => fail(Field::NationalId, Problem::NationalCode),
            PartyKind::Company if !is_valid_legal_id(&national_id) => fail(Field::NationalId, Problem::LegalId),
            _ => {}
        }
    }
    let economic_code = to_ascii_digits(input.economic_code.trim());
    if !economic_code.is_empty() && !is_valid_economic_code(&economic_code) {
        fail(Field::EconomicCode, Problem::EconomicCode);
    }

    let mut tags: Vec<String> = Vec::new();
    for t in split_list(&input.tags, &[',', '،']) {
        let t = clean(t);
        if t.chars().count() > MAX_TAG {
            fail(Field::Tags, Problem::TooLong { max: MAX_TAG });
        } else if !tags.contains(&t) {
            tags.push(t);
        }
    }
    if tags.len() > MAX_TAGS {
        fail(Field::Tags, Problem::TooMany { max: MAX_TAGS });
    }

    let short = [&input.category, &input.address, &input.city, &input.province, &input.owner];
    if short.iter().any(|s| s.chars().count() > MAX_SHORT * 5) {
        fail(Field::Other, Problem::TooLong { max: MAX_SHORT * 5 });
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Customer {
        name,
        kind: input.kind,
        customer_type: input.customer_type,
        category: clean(&input.category),
        preferred_contact: input.preferred_contact,
        phones,
        email,
        address: input.address.trim().to_string(),
        city: clean(&input.city),
        province: clean(&input.province),
        tags,
        owner: clean(&input.owner),
        notes,
        national_id,
        economic_code,
        since: input.since,
        loyalty: input.loyalty,
        value_segment: input.value_segment,
        source: input.source,
        lifecycle: input.lifecycle,
    })
}

impl CustomerInput {
    /// The form's starting values for editing an existing customer.
    pub fn from_customer(c: &Customer) -> Self {
        Self {
            name: c.name.clone(),
            kind: c.kind,
            customer_type: c.customer_type,
            category: c.category.clone(),
            preferred_contact: c.preferred_contact,
            phones: c.phones.join(", "),
            email: c.email.clone(),
            address: c.address.clone(),
            city: c.city.clone(),
            province: c.province.clone(),
            tags: c.tags.join(", "),
            owner: c.owner.clone(),
            notes: c.notes.clone(),
            national_id: c.national_id.clone(),
            economic_code: c.economic_code.clone(),
            since: c.since,
            loyalty: c.loyalty,
            value_segment: c.value_segment,
            source: c.source,
            lifecycle: c.lifecycle,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str) -> CustomerInput {
        CustomerInput { name: name.into(), ..Default::default() }
    }

    fn problems(i: &CustomerInput) -> Vec<(Field, Problem)> {
        validate(i).err().unwrap_or_default().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn name_is_required_and_trimmed() {
        assert_eq!(problems(&input("   ")), vec![(Field::Name, Problem::Required)]);
        assert_eq!(validate(&input("  علی   رضایی ")).unwrap().name, "علی رضایی");
        let long = "ا".repeat(201);
        assert_eq!(problems(&input(&long)), vec![(Field::Name, Problem::TooLong { max: 200 })]);
    }

    #[test]
    fn phones_are_normalised_deduplicated_and_checked() {
        let mut i = input("x");
        i.phones = "۰۹۱۲۱۲۳۴۵۶۷، +98 912 123 4567\n021-88881234".into();
        assert_eq!(validate(&i).unwrap().phones, vec!["09121234567", "02188881234"]);
        i.phones = "0912, abc".into();
        assert_eq!(problems(&i), vec![(Field::Phones, Problem::PhoneLength), (Field::Phones, Problem::PhoneCharacters)]);
    }

    #[test]
    fn emails() {
        for ok in ["a@b.co", "Ali.Rezaei+crm@mail.example.ir", "x@پارس.ایران"] {
            let mut i = input("x");
            i.email = ok.into();
            assert!(validate(&i).is_ok(), "{ok}");
        }
        for bad in ["a", "a@b", "a @b.com", "@b.com", "a@.com", "a@b.c", "a..b@c.com", "a@b..com", "<img src=x>@a.com"] {
            let mut i = input("x");
            i.email = bad.into();
            assert_eq!(problems(&i), vec![(Field::Email, Problem::EmailFormat)], "{bad}");
        }
    }

    #[test]
    fn national_id_depends_on_kind_and_accepts_persian_digits() {
        let mut i = input("x");
        i.national_id = "۰۴۹۹۳۷۰۸۹۹".into();
        assert_eq!(validate(&i).unwrap().national_id, "0499370899");
        i.kind = PartyKind::Company;
        assert_eq!(problems(&i), vec![(Field::NationalId, Problem::LegalId)]);
        i.national_id = "10380284790".into();
        assert!(validate(&i).is_ok());
        i.kind = PartyKind::Person;
        i.national_id = "0499370898".into();
        assert_eq!(problems(&i), vec![(Field::NationalId, Problem::NationalCode)]);
    }

    #[test]
    fn economic_code() {
        let mut i = input("x");
        i.economic_code = "12".into();
        assert_eq!(problems(&i), vec![(Field::EconomicCode, Problem::EconomicCode)]);
    }

    #[test]
    fn tags_split_on_both_commas_and_dedupe() {
        let mut i = input("x");
        i.tags = "VIP، عمده‌فروش, VIP ,, ".into();
        assert_eq!(validate(&i).unwrap().tags, vec!["VIP", "عمده‌فروش"]);
    }

    #[test]
    fn all_problems_reported_together() {
        let mut i = input("");
        i.email = "nope".into();
        i.phones = "1".into();
        assert_eq!(problems(&i).len(), 3);
    }

    #[test]
    fn round_trips_through_form_values() {
        let mut i = input("Acme");
        i.phones = "09121234567".into();
        i.tags = "a, b".into();
        let c = validate(&i).unwrap();
        assert_eq!(validate(&CustomerInput::from_customer(&c)).unwrap(), c);
    }
}
