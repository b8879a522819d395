//! Names of core's choice enums in the user's language.

use super::Texts;
use daftar_core::activities::ActivityType;
use daftar_core::customers::{AcquisitionSource, ContactMethod, CustomerType, DuplicateReason, Field, Lifecycle, Loyalty, PartyKind, Target, ValueSegment};
use daftar_core::tasks::{Bucket, Priority};
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
        "loyalty" => t.field_loyalty,
        "value_segment" => t.field_value_segment,
        "source" => t.field_source,
        "lifecycle" => t.field_lifecycle,
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
        Field::Subject => t.field_subject,
        Field::Customer => t.customers,
        Field::Duration => t.field_duration,
        Field::Amount => t.field_amount,
        Field::Stage => t.field_stage,
        Field::Probability => t.field_probability,
        Field::LostReason => t.field_lost_reason,
        Field::Quantity => t.field_quantity,
        Field::Price => t.field_price,
        Field::Percent => t.field_percent,
        Field::Serial => t.field_serial,
        Field::Product => t.field_product,
        Field::Date => t.field_date,
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

pub fn loyalty(v: Option<Loyalty>, t: &Texts) -> &'static str {
    match v {
        None => t.not_set,
        Some(Loyalty::Loyal) => t.loyalty_loyal,
        Some(Loyalty::FairlyLoyal) => t.loyalty_fairly,
        Some(Loyalty::Disloyal) => t.loyalty_disloyal,
        Some(Loyalty::LoyalToCompetitor) => t.loyalty_competitor,
    }
}

pub fn value_segment(v: Option<ValueSegment>, t: &Texts) -> &'static str {
    match v {
        None => t.not_set,
        Some(ValueSegment::A) => t.segment_a,
        Some(ValueSegment::B) => t.segment_b,
        Some(ValueSegment::C) => t.segment_c,
    }
}

pub fn source(v: Option<AcquisitionSource>, t: &Texts) -> &'static str {
    match v {
        None => t.not_set,
        Some(AcquisitionSource::Referral) => t.source_referral,
        Some(AcquisitionSource::Website) => t.source_website,
        Some(AcquisitionSource::Exhibition) => t.source_exhibition,
        Some(AcquisitionSource::ColdCall) => t.source_cold_call,
        Some(AcquisitionSource::Advertising) => t.source_advertising,
        Some(AcquisitionSource::Agent) => t.source_agent,
        Some(AcquisitionSource::Other) => t.source_other,
    }
}

pub fn lifecycle(v: Option<Lifecycle>, t: &Texts) -> &'static str {
    match v {
        None => t.not_set,
        Some(Lifecycle::Prospect) => t.stage_prospect,
        Some(Lifecycle::Customer) => t.stage_customer,
        Some(Lifecycle::Developed) => t.stage_developed,
        Some(Lifecycle::AtRisk) => t.stage_at_risk,
        Some(Lifecycle::Lost) => t.stage_lost,
        Some(Lifecycle::WonBack) => t.stage_won_back,
    }
}

pub fn activity_type(a: ActivityType, t: &Texts) -> &'static str {
    match a {
        ActivityType::Call => t.activity_call,
        ActivityType::Meeting => t.activity_meeting,
        ActivityType::Visit => t.activity_visit,
        ActivityType::Email => t.activity_email,
        ActivityType::Note => t.activity_note,
        ActivityType::Negotiation => t.activity_negotiation,
    }
}

pub fn priority(p: Priority, t: &Texts) -> &'static str {
    match p {
        Priority::Low => t.priority_low,
        Priority::Normal => t.priority_normal,
        Priority::High => t.priority_high,
        Priority::Urgent => t.priority_urgent,
    }
}

pub fn bucket(b: Bucket, t: &Texts) -> &'static str {
    match b {
        Bucket::Overdue => t.bucket_overdue,
        Bucket::Today => t.bucket_today,
        Bucket::NextSevenDays => t.bucket_week,
        Bucket::Later => t.bucket_later,
        Bucket::Undated => t.bucket_undated,
    }
}

pub fn product_kind(k: daftar_core::catalog::ProductKind, t: &Texts) -> &'static str {
    match k {
        daftar_core::catalog::ProductKind::Good => t.kind_good,
        daftar_core::catalog::ProductKind::Service => t.kind_service,
    }
}

pub fn complaint_status(s: daftar_core::complaints::Status, t: &Texts) -> &'static str {
    use daftar_core::complaints::Status;
    match s {
        Status::New => t.complaint_status_new,
        Status::InProgress => t.complaint_status_in_progress,
        Status::Resolved => t.complaint_status_resolved,
        Status::Closed => t.complaint_status_closed,
    }
}

pub fn complaint_channel(c: daftar_core::complaints::Channel, t: &Texts) -> &'static str {
    use daftar_core::complaints::Channel;
    match c {
        Channel::Phone => t.complaint_channel_phone,
        Channel::Email => t.complaint_channel_email,
        Channel::Visit => t.complaint_channel_visit,
        Channel::Survey => t.complaint_channel_survey,
        Channel::Website => t.complaint_channel_website,
        Channel::Social => t.complaint_channel_social,
        Channel::Other => t.complaint_channel_other,
    }
}

pub fn complaint_category(c: daftar_core::complaints::Category, t: &Texts) -> &'static str {
    use daftar_core::complaints::Category;
    match c {
        Category::ProductQuality => t.complaint_category_product_quality,
        Category::Delivery => t.complaint_category_delivery,
        Category::Service => t.complaint_category_service,
        Category::Billing => t.complaint_category_billing,
        Category::Staff => t.complaint_category_staff,
        Category::Other => t.complaint_category_other,
    }
}

pub fn complaint_severity(s: daftar_core::complaints::Severity, t: &Texts) -> &'static str {
    use daftar_core::complaints::Severity;
    match s {
        Severity::Low => t.complaint_severity_low,
        Severity::Medium => t.complaint_severity_medium,
        Severity::High => t.complaint_severity_high,
        Severity::Critical => t.complaint_severity_critical,
    }
}

pub fn start_policy(p: daftar_core::warranty::item::StartPolicy, t: &Texts) -> &'static str {
    use daftar_core::warranty::item::StartPolicy;
    match p {
        StartPolicy::Sale => t.start_on_sale,
        StartPolicy::Installation => t.start_on_installation,
    }
}

pub fn term_calendar(c: daftar_core::warranty::dates::TermCalendar, t: &Texts) -> &'static str {
    use daftar_core::warranty::dates::TermCalendar;
    match c {
        TermCalendar::Jalali => t.calendar_jalali_months,
        TermCalendar::Gregorian => t.calendar_gregorian_months,
    }
}

pub fn claim_status(s: daftar_core::warranty::claims::ClaimStatus, t: &Texts) -> &'static str {
    use daftar_core::warranty::claims::ClaimStatus;
    match s {
        ClaimStatus::Open => t.claim_status_open,
        ClaimStatus::Diagnosed => t.claim_status_diagnosed,
        ClaimStatus::Approved => t.claim_status_approved,
        ClaimStatus::Rejected => t.claim_status_rejected,
        ClaimStatus::InRepair => t.claim_status_in_repair,
        ClaimStatus::Resolved => t.claim_status_resolved,
        ClaimStatus::Closed => t.claim_status_closed,
    }
}

/// The button that moves a claim into `s`.
pub fn claim_move(s: daftar_core::warranty::claims::ClaimStatus, t: &Texts) -> &'static str {
    use daftar_core::warranty::claims::ClaimStatus;
    match s {
        ClaimStatus::Open => t.claim_status_open,
        ClaimStatus::Diagnosed => t.claim_to_diagnosed,
        ClaimStatus::Approved => t.claim_to_approved,
        ClaimStatus::Rejected => t.claim_to_rejected,
        ClaimStatus::InRepair => t.claim_to_in_repair,
        ClaimStatus::Resolved => t.claim_to_resolved,
        ClaimStatus::Closed => t.claim_to_closed,
    }
}

pub fn claim_channel(c: daftar_core::warranty::claims::ClaimChannel, t: &Texts) -> &'static str {
    use daftar_core::warranty::claims::ClaimChannel;
    match c {
        ClaimChannel::Phone => t.claim_channel_phone,
        ClaimChannel::OnSite => t.claim_channel_on_site,
        ClaimChannel::CarriedIn => t.claim_channel_carried_in,
        ClaimChannel::Email => t.claim_channel_email,
        ClaimChannel::Other => t.claim_channel_other,
    }
}

pub fn visit_kind(k: daftar_core::warranty::service::VisitKind, t: &Texts) -> &'static str {
    use daftar_core::warranty::service::VisitKind;
    match k {
        VisitKind::Maintenance => t.visit_kind_maintenance,
        VisitKind::Repair => t.visit_kind_repair,
        VisitKind::Inspection => t.visit_kind_inspection,
        VisitKind::Installation => t.visit_kind_installation,
    }
}

pub fn visit_status(s: daftar_core::warranty::service::VisitStatus, t: &Texts) -> &'static str {
    use daftar_core::warranty::service::VisitStatus;
    match s {
        VisitStatus::Scheduled => t.visit_status_scheduled,
        VisitStatus::Done => t.visit_status_done,
        VisitStatus::Missed => t.visit_status_missed,
        VisitStatus::Cancelled => t.visit_status_cancelled,
    }
}
