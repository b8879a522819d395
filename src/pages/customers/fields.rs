//! The customer form's state: each input is a signal; errors come from
//! core's validation (the widgets are in components/form_fields.rs).

use crate::i18n::Lang;
use crate::state::AppState;
use daftar_core::customers::{AcquisitionSource, ContactMethod, CustomerInput, CustomerType, FieldError, Lifecycle, Loyalty, PartyKind, ValueSegment};
use daftar_core::locale::{format_date, localize_digits, parse_date};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CustomerForm {
    pub name: RwSignal<String>,
    pub kind: RwSignal<PartyKind>,
    pub customer_type: RwSignal<CustomerType>,
    pub category: RwSignal<String>,
    pub preferred_contact: RwSignal<ContactMethod>,
    pub phones: RwSignal<String>,
    pub email: RwSignal<String>,
    pub address: RwSignal<String>,
    pub city: RwSignal<String>,
    pub province: RwSignal<String>,
    pub tags: RwSignal<String>,
    pub owner: RwSignal<String>,
    pub notes: RwSignal<String>,
    pub national_id: RwSignal<String>,
    pub economic_code: RwSignal<String>,
    /// The date as typed, in the calendar of the current language.
    pub since: RwSignal<String>,
    pub loyalty: RwSignal<Option<Loyalty>>,
    pub value_segment: RwSignal<Option<ValueSegment>>,
    pub source: RwSignal<Option<AcquisitionSource>>,
    pub lifecycle: RwSignal<Option<Lifecycle>>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub bad_date: RwSignal<bool>,
}

impl CustomerForm {
    pub fn new(input: CustomerInput, lang: Lang) -> Self {
        let form = Self {
            name: RwSignal::new(input.name),
            kind: RwSignal::new(input.kind),
            customer_type: RwSignal::new(input.customer_type),
            category: RwSignal::new(input.category),
            preferred_contact: RwSignal::new(input.preferred_contact),
            phones: RwSignal::new(localize_digits(&input.phones, lang)),
            email: RwSignal::new(input.email),
            address: RwSignal::new(input.address),
            city: RwSignal::new(input.city),
            province: RwSignal::new(input.province),
            tags: RwSignal::new(input.tags),
            owner: RwSignal::new(input.owner),
            notes: RwSignal::new(input.notes),
            national_id: RwSignal::new(localize_digits(&input.national_id, lang)),
            economic_code: RwSignal::new(localize_digits(&input.economic_code, lang)),
            since: RwSignal::new(input.since.map(|d| format_date(d, lang)).unwrap_or_default()),
            loyalty: RwSignal::new(input.loyalty),
            value_segment: RwSignal::new(input.value_segment),
            source: RwSignal::new(input.source),
            lifecycle: RwSignal::new(input.lifecycle),
            errors: RwSignal::new(Vec::new()),
            bad_date: RwSignal::new(false),
        };
        form.follow_language_in_dates();
        form
    }

    /// Rewrites a typed date into the other calendar when the language flips,
    /// so «۱۴۰۳/۰۵/۱۲» becomes 2024-08-02 instead of being misread.
    fn follow_language_in_dates(self) {
        let state = expect_context::<AppState>();
        Effect::new(move |prev: Option<Lang>| {
            let lang = state.lang.get();
            if let Some(prev) = prev.filter(|p| *p != lang) {
                if let Ok(date) = parse_date(&self.since.get_untracked(), prev) {
                    self.since.set(format_date(date, lang));
                }
            }
            lang
        });
    }

    /// What the user typed, or None (with `bad_date` set) when the date cannot be read.
    pub fn input(&self, lang: Lang) -> Option<CustomerInput> {
        let since_text = self.since.get_untracked();
        let since = if since_text.trim().is_empty() {
            None
        } else {
            match parse_date(&since_text, lang) {
                Ok(d) => Some(d),
                Err(_) => {
                    self.bad_date.set(true);
                    return None;
                }
            }
        };
        self.bad_date.set(false);
        Some(CustomerInput {
            name: self.name.get_untracked(),
            kind: self.kind.get_untracked(),
            customer_type: self.customer_type.get_untracked(),
            category: self.category.get_untracked(),
            preferred_contact: self.preferred_contact.get_untracked(),
            phones: self.phones.get_untracked(),
            email: self.email.get_untracked(),
            address: self.address.get_untracked(),
            city: self.city.get_untracked(),
            province: self.province.get_untracked(),
            tags: self.tags.get_untracked(),
            owner: self.owner.get_untracked(),
            notes: self.notes.get_untracked(),
            national_id: self.national_id.get_untracked(),
            economic_code: self.economic_code.get_untracked(),
            since,
            loyalty: self.loyalty.get_untracked(),
            value_segment: self.value_segment.get_untracked(),
            source: self.source.get_untracked(),
            lifecycle: self.lifecycle.get_untracked(),
        })
    }

}

/// The classification choices, "not set" first.
pub const LOYALTY_CHOICES: [Option<Loyalty>; 5] =
    [None, Some(Loyalty::Loyal), Some(Loyalty::FairlyLoyal), Some(Loyalty::Disloyal), Some(Loyalty::LoyalToCompetitor)];
pub const SEGMENT_CHOICES: [Option<ValueSegment>; 4] = [None, Some(ValueSegment::A), Some(ValueSegment::B), Some(ValueSegment::C)];
pub const SOURCE_CHOICES: [Option<AcquisitionSource>; 8] = [
    None,
    Some(AcquisitionSource::Referral),
    Some(AcquisitionSource::Website),
    Some(AcquisitionSource::Exhibition),
    Some(AcquisitionSource::ColdCall),
    Some(AcquisitionSource::Advertising),
    Some(AcquisitionSource::Agent),
    Some(AcquisitionSource::Other),
];
pub const LIFECYCLE_CHOICES: [Option<Lifecycle>; 7] = [
    None,
    Some(Lifecycle::Prospect),
    Some(Lifecycle::Customer),
    Some(Lifecycle::Developed),
    Some(Lifecycle::AtRisk),
    Some(Lifecycle::Lost),
    Some(Lifecycle::WonBack),
];
