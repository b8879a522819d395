//! Names of core's choice enums in the user's language.

use super::Texts;
use daftar_core::customers::{ContactMethod, CustomerType, DuplicateReason, Field, PartyKind, Target};
use daftar_core::store::Op;

pub fn party_kind(k: PartyKind, t: &Texts) -> &'static str {
    match k {
        PartyKind::Person => t.kind_person,
        PartyKind::Company => t.kind_company,
    }
}

pub fn customer_type(k: CustomerType, t: &Texts) -> &'static str {
    match k {
        CustomerType::End => t.type_end,
        CustomerType::Agent => t.type_agent,
        CustomerType::Internal => t.type_internal,
    }
}

pub fn contact_method(k: ContactMethod, t: &Texts) -> &'static str {
    match k {
        ContactMethod::Phone => t.contact_phone,
        ContactMethod::Sms => t.contact_sms,
        ContactMethod::Email => t.contact_email,
        ContactMethod::Visit => t.contact_visit,
    }
}

pub fn op(o: Op, t: &Texts) -> &'static str {
    match o {
        Op::Create => t.op_create,
        Op::Update => t.op_update,
        Op::Delete => t.op_delete,
        Op::Restore => t.op_restore,
    }
}

/// A stored customer field's name, as the form labels it.
pub fn customer_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "name" => t.field_name,
        "kind" => t.field_kind,
        "customer_type" => t.field_customer_type,
        "category" => t.field_category,
        "preferred_contact" => t.field_preferred_contact,
        "phones" => t.field_phones,
        "email" => t.field_email,
        "address" => t.field_address,
        "city" => t.field_city,
        "province" => t.field_province,
        "tags" => t.field_tags,
        "owner" => t.field_owner,
        "notes" => t.field_notes,
        "national_id" => t.field_national_id,
        "economic_code" => t.field_economic_code,
        "since" => t.field_since,
        _ => "",
    }
}

/// The form label of a validated field.
pub fn field(f: Field, t: &Texts) -> &'static str {
    match f {
        Field::Name => t.field_name,
        Field::Phones => t.field_phones,
        Field::Email => t.field_email,
        Field::NationalId => t.field_national_id,
        Field::EconomicCode => t.field_economic_code,
        Field::Tags => t.field_tags,
        Field::Notes => t.field_notes,
        Field::Since => t.field_since,
        Field::Other => t.field_other,
    }
}

/// Where an imported column goes, as the mapping screen names it.
pub fn import_target(target: Target, t: &Texts) -> &'static str {
    match target {
        Target::Skip => t.import_skip,
        Target::Name => t.field_name,
        Target::Kind => t.field_kind,
        Target::CustomerType => t.field_customer_type,
        Target::Phones => t.field_phones,
        Target::Email => t.field_email,
        Target::City => t.field_city,
        Target::Province => t.field_province,
        Target::Address => t.field_address,
        Target::Tags => t.field_tags,
        Target::Owner => t.field_owner,
        Target::Category => t.field_category,
        Target::Notes => t.field_notes,
        Target::NationalId => t.field_national_id,
        Target::EconomicCode => t.field_economic_code,
        Target::Since => t.field_since,
    }
}

pub fn duplicate_reason(r: DuplicateReason, t: &Texts) -> &'static str {
    match r {
        DuplicateReason::SamePhone => t.dup_same_phone,
        DuplicateReason::SameEmail => t.dup_same_email,
        DuplicateReason::SameName => t.dup_same_name,
    }
}
