//! Names of core's choice enums in the user's language.

use super::Texts;
use daftar_core::activities::ActivityType;
use daftar_core::customers::{AcquisitionSource, ContactMethod, CustomerType, DuplicateReason, Field, Lifecycle, Loyalty, PartyKind, Target, ValueSegment};
use daftar_core::tasks::{Bucket, Priority};
use daftar_core::reports::rfm::Segment;
use daftar_core::store::Op;

pub fn party_kind(k: PartyKind, t: &Texts) -> &'static str {
    match k {
        PartyKind::Person => t.customers.kind_person,
        PartyKind::Company => t.customers.kind_company,
    }
}

pub fn customer_type(k: CustomerType, t: &Texts) -> &'static str {
    match k {
        CustomerType::End => t.customers.type_end,
        CustomerType::Agent => t.customers.type_agent,
        CustomerType::Internal => t.customers.type_internal,
    }
}

pub fn contact_method(k: ContactMethod, t: &Texts) -> &'static str {
    match k {
        ContactMethod::Phone => t.customers.contact_phone,
        ContactMethod::Sms => t.customers.contact_sms,
        ContactMethod::Email => t.customers.contact_email,
        ContactMethod::Visit => t.customers.contact_visit,
    }
}

pub fn op(o: Op, t: &Texts) -> &'static str {
    match o {
        Op::Create => t.customers.op_create,
        Op::Update => t.customers.op_update,
        Op::Delete => t.customers.op_delete,
        Op::Restore => t.customers.op_restore,
    }
}

/// A stored customer field's name, as the form labels it.
pub fn customer_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "name" => t.field_name,
        "kind" => t.customers.field_kind,
        "customer_type" => t.customers.field_customer_type,
        "category" => t.customers.field_category,
        "preferred_contact" => t.customers.field_preferred_contact,
        "phones" => t.field_phones,
        "email" => t.customers.field_email,
        "address" => t.customers.field_address,
        "city" => t.customers.field_city,
        "province" => t.customers.field_province,
        "tags" => t.customers.field_tags,
        "owner" => t.field_owner,
        "notes" => t.field_notes,
        "national_id" => t.customers.field_national_id,
        "economic_code" => t.customers.field_economic_code,
        "since" => t.customers.field_since,
        "loyalty" => t.customers.field_loyalty,
        "value_segment" => t.customers.field_value_segment,
        "source" => t.customers.field_source,
        "lifecycle" => t.customers.field_lifecycle,
        _ => "",
    }
}

/// The form label of a validated field.
pub fn field(f: Field, t: &Texts) -> &'static str {
    match f {
        Field::Name => t.field_name,
        Field::Phones => t.field_phones,
        Field::Email => t.customers.field_email,
        Field::NationalId => t.customers.field_national_id,
        Field::EconomicCode => t.customers.field_economic_code,
        Field::Tags => t.customers.field_tags,
        Field::Notes => t.field_notes,
        Field::Since => t.customers.field_since,
        Field::Subject => t.activities.field_subject,
        Field::Customer => t.customers.customers,
        Field::Duration => t.activities.field_duration,
        Field::Amount => t.pipeline.field_amount,
        Field::Stage => t.pipeline.field_stage,
        Field::Probability => t.pipeline.field_probability,
        Field::LostReason => t.pipeline.field_lost_reason,
        Field::Quantity => t.pipeline.field_quantity,
        Field::Price => t.field_price,
        Field::Percent => t.pipeline.field_percent,
        Field::Serial => t.warranty.field_serial,
        Field::Product => t.field_product,
        Field::Date => t.warranty.field_date,
        Field::Other => t.settings.field_other,
    }
}

/// Where an imported column goes, as the mapping screen names it.
pub fn import_target(target: Target, t: &Texts) -> &'static str {
    match target {
        Target::Skip => t.settings.import_skip,
        Target::Name => t.field_name,
        Target::Kind => t.customers.field_kind,
        Target::CustomerType => t.customers.field_customer_type,
        Target::Phones => t.field_phones,
        Target::Email => t.customers.field_email,
        Target::City => t.customers.field_city,
        Target::Province => t.customers.field_province,
        Target::Address => t.customers.field_address,
        Target::Tags => t.customers.field_tags,
        Target::Owner => t.field_owner,
        Target::Category => t.customers.field_category,
        Target::Notes => t.field_notes,
        Target::NationalId => t.customers.field_national_id,
        Target::EconomicCode => t.customers.field_economic_code,
        Target::Since => t.customers.field_since,
    }
}

pub fn duplicate_reason(r: DuplicateReason, t: &Texts) -> &'static str {
    match r {
        DuplicateReason::SamePhone => t.settings.dup_same_phone,
        DuplicateReason::SameEmail => t.settings.dup_same_email,
        DuplicateReason::SameName => t.settings.dup_same_name,
    }
}

pub fn loyalty(v: Option<Loyalty>, t: &Texts) -> &'static str {
    match v {
        None => t.not_set,
        Some(Loyalty::Loyal) => t.customers.loyalty_loyal,
        Some(Loyalty::FairlyLoyal) => t.customers.loyalty_fairly,
        Some(Loyalty::Disloyal) => t.customers.loyalty_disloyal,
        Some(Loyalty::LoyalToCompetitor) => t.customers.loyalty_competitor,
    }
}

pub fn value_segment(v: Option<ValueSegment>, t: &Texts) -> &'static str {
    match v {
        None => t.not_set,
        Some(ValueSegment::A) => t.customers.segment_a,
        Some(ValueSegment::B) => t.customers.segment_b,
        Some(ValueSegment::C) => t.customers.segment_c,
    }
}

/// The class alone, for a table column.
pub fn value_segment_letter(v: ValueSegment, t: &Texts) -> &'static str {
    match v {
        ValueSegment::A => t.reports.class_a,
        ValueSegment::B => t.reports.class_b,
        ValueSegment::C => t.reports.class_c,
    }
}

pub fn source(v: Option<AcquisitionSource>, t: &Texts) -> &'static str {
    match v {
        None => t.not_set,
        Some(AcquisitionSource::Referral) => t.customers.source_referral,
        Some(AcquisitionSource::Website) => t.customers.source_website,
        Some(AcquisitionSource::Exhibition) => t.customers.source_exhibition,
        Some(AcquisitionSource::ColdCall) => t.customers.source_cold_call,
        Some(AcquisitionSource::Advertising) => t.customers.source_advertising,
        Some(AcquisitionSource::Agent) => t.customers.source_agent,
        Some(AcquisitionSource::Other) => t.customers.source_other,
    }
}

pub fn lifecycle(v: Option<Lifecycle>, t: &Texts) -> &'static str {
    match v {
        None => t.not_set,
        Some(Lifecycle::Prospect) => t.customers.stage_prospect,
        Some(Lifecycle::Customer) => t.customers.stage_customer,
        Some(Lifecycle::Developed) => t.customers.stage_developed,
        Some(Lifecycle::AtRisk) => t.customers.stage_at_risk,
        Some(Lifecycle::Lost) => t.customers.stage_lost,
        Some(Lifecycle::WonBack) => t.customers.stage_won_back,
    }
}

pub fn activity_type(a: ActivityType, t: &Texts) -> &'static str {
    match a {
        ActivityType::Call => t.activities.activity_call,
        ActivityType::Meeting => t.activities.activity_meeting,
        ActivityType::Visit => t.activities.activity_visit,
        ActivityType::Email => t.activities.activity_email,
        ActivityType::Note => t.activities.activity_note,
        ActivityType::Negotiation => t.activities.activity_negotiation,
    }
}

pub fn priority(p: Priority, t: &Texts) -> &'static str {
    match p {
        Priority::Low => t.tasks.priority_low,
        Priority::Normal => t.tasks.priority_normal,
        Priority::High => t.tasks.priority_high,
        Priority::Urgent => t.tasks.priority_urgent,
    }
}

pub fn bucket(b: Bucket, t: &Texts) -> &'static str {
    match b {
        Bucket::Overdue => t.tasks.bucket_overdue,
        Bucket::Today => t.tasks.bucket_today,
        Bucket::NextSevenDays => t.tasks.bucket_week,
        Bucket::Later => t.tasks.bucket_later,
        Bucket::Undated => t.tasks.bucket_undated,
    }
}

pub fn product_kind(k: daftar_core::catalog::ProductKind, t: &Texts) -> &'static str {
    match k {
        daftar_core::catalog::ProductKind::Good => t.catalog.kind_good,
        daftar_core::catalog::ProductKind::Service => t.catalog.kind_service,
    }
}

pub fn complaint_status(s: daftar_core::complaints::Status, t: &Texts) -> &'static str {
    use daftar_core::complaints::Status;
    match s {
        Status::New => t.complaints.complaint_status_new,
        Status::InProgress => t.complaints.complaint_status_in_progress,
        Status::Resolved => t.complaints.complaint_status_resolved,
        Status::Closed => t.complaints.complaint_status_closed,
    }
}

pub fn complaint_channel(c: daftar_core::complaints::Channel, t: &Texts) -> &'static str {
    use daftar_core::complaints::Channel;
    match c {
        Channel::Phone => t.complaints.complaint_channel_phone,
        Channel::Email => t.complaints.complaint_channel_email,
        Channel::Visit => t.complaints.complaint_channel_visit,
        Channel::Survey => t.complaints.complaint_channel_survey,
        Channel::Website => t.complaints.complaint_channel_website,
        Channel::Social => t.complaints.complaint_channel_social,
        Channel::Other => t.complaints.complaint_channel_other,
    }
}

pub fn complaint_category(c: daftar_core::complaints::Category, t: &Texts) -> &'static str {
    use daftar_core::complaints::Category;
    match c {
        Category::ProductQuality => t.complaints.complaint_category_product_quality,
        Category::Delivery => t.complaints.complaint_category_delivery,
        Category::Service => t.complaints.complaint_category_service,
        Category::Billing => t.complaints.complaint_category_billing,
        Category::Staff => t.complaints.complaint_category_staff,
        Category::Other => t.complaints.complaint_category_other,
    }
}

pub fn complaint_severity(s: daftar_core::complaints::Severity, t: &Texts) -> &'static str {
    use daftar_core::complaints::Severity;
    match s {
        Severity::Low => t.complaints.complaint_severity_low,
        Severity::Medium => t.complaints.complaint_severity_medium,
        Severity::High => t.complaints.complaint_severity_high,
        Severity::Critical => t.complaints.complaint_severity_critical,
    }
}

pub fn start_policy(p: daftar_core::warranty::item::StartPolicy, t: &Texts) -> &'static str {
    use daftar_core::warranty::item::StartPolicy;
    match p {
        StartPolicy::Sale => t.warranty.start_on_sale,
        StartPolicy::Installation => t.warranty.start_on_installation,
    }
}

pub fn term_calendar(c: daftar_core::warranty::dates::TermCalendar, t: &Texts) -> &'static str {
    use daftar_core::warranty::dates::TermCalendar;
    match c {
        TermCalendar::Jalali => t.warranty.calendar_jalali_months,
        TermCalendar::Gregorian => t.warranty.calendar_gregorian_months,
    }
}

pub fn claim_status(s: daftar_core::warranty::claims::ClaimStatus, t: &Texts) -> &'static str {
    use daftar_core::warranty::claims::ClaimStatus;
    match s {
        ClaimStatus::Open => t.warranty.claim_status_open,
        ClaimStatus::Diagnosed => t.warranty.claim_status_diagnosed,
        ClaimStatus::Approved => t.warranty.claim_status_approved,
        ClaimStatus::Rejected => t.warranty.claim_status_rejected,
        ClaimStatus::InRepair => t.warranty.claim_status_in_repair,
        ClaimStatus::Resolved => t.warranty.claim_status_resolved,
        ClaimStatus::Closed => t.warranty.claim_status_closed,
    }
}

/// The button that moves a claim into `s`.
pub fn claim_move(s: daftar_core::warranty::claims::ClaimStatus, t: &Texts) -> &'static str {
    use daftar_core::warranty::claims::ClaimStatus;
    match s {
        ClaimStatus::Open => t.warranty.claim_status_open,
        ClaimStatus::Diagnosed => t.warranty.claim_to_diagnosed,
        ClaimStatus::Approved => t.warranty.claim_to_approved,
        ClaimStatus::Rejected => t.warranty.claim_to_rejected,
        ClaimStatus::InRepair => t.warranty.claim_to_in_repair,
        ClaimStatus::Resolved => t.warranty.claim_to_resolved,
        ClaimStatus::Closed => t.warranty.claim_to_closed,
    }
}

pub fn claim_channel(c: daftar_core::warranty::claims::ClaimChannel, t: &Texts) -> &'static str {
    use daftar_core::warranty::claims::ClaimChannel;
    match c {
        ClaimChannel::Phone => t.warranty.claim_channel_phone,
        ClaimChannel::OnSite => t.warranty.claim_channel_on_site,
        ClaimChannel::CarriedIn => t.warranty.claim_channel_carried_in,
        ClaimChannel::Email => t.warranty.claim_channel_email,
        ClaimChannel::Other => t.warranty.claim_channel_other,
    }
}

pub fn visit_kind(k: daftar_core::warranty::service::VisitKind, t: &Texts) -> &'static str {
    use daftar_core::warranty::service::VisitKind;
    match k {
        VisitKind::Maintenance => t.warranty.visit_kind_maintenance,
        VisitKind::Repair => t.warranty.visit_kind_repair,
        VisitKind::Inspection => t.warranty.visit_kind_inspection,
        VisitKind::Installation => t.warranty.visit_kind_installation,
    }
}

pub fn visit_status(s: daftar_core::warranty::service::VisitStatus, t: &Texts) -> &'static str {
    use daftar_core::warranty::service::VisitStatus;
    match s {
        VisitStatus::Scheduled => t.warranty.visit_status_scheduled,
        VisitStatus::Done => t.warranty.visit_status_done,
        VisitStatus::Missed => t.warranty.visit_status_missed,
        VisitStatus::Cancelled => t.warranty.visit_status_cancelled,
    }
}

/// An RFM segment's name.
pub fn rfm_segment(segment: Segment, t: &Texts) -> &'static str {
    match segment {
        Segment::Champion => t.reports.segment_champion,
        Segment::Loyal => t.reports.segment_loyal,
        Segment::PotentialLoyalist => t.reports.segment_potential,
        Segment::New => t.reports.segment_new,
        Segment::Promising => t.reports.segment_promising,
        Segment::NeedAttention => t.reports.segment_attention,
        Segment::AboutToSleep => t.reports.segment_sleep,
        Segment::AtRisk => t.reports.segment_at_risk,
        Segment::CantLose => t.reports.segment_cant_lose,
        Segment::Hibernating => t.reports.segment_hibernating,
    }
}
