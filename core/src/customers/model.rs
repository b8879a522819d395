use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The record kind under which customers are stored.
pub const KIND: &str = "customer";

/// A customer as stored. Every field has a default so records written by an
/// older version (with fewer fields) still decode.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Customer {
    pub name: String,
    pub kind: PartyKind,
    pub customer_type: CustomerType,
    /// Category or class the business uses (e.g. "A", "wholesale").
    pub category: String,
    pub preferred_contact: ContactMethod,
    /// Canonical form from [`super::normalize_phone`].
    pub phones: Vec<String>,
    pub email: String,
    pub address: String,
    pub city: String,
    pub province: String,
    pub tags: Vec<String>,
    /// The sales rep who owns the relationship.
    pub owner: String,
    pub notes: String,
    /// Person: 10-digit national code (کد ملی); company: 11-digit national ID (شناسه ملی).
    pub national_id: String,
    /// Economic code (کد اقتصادی).
    pub economic_code: String,
    /// Customer since (the date the relationship began).
    pub since: Option<NaiveDate>,
    pub loyalty: Option<Loyalty>,
    pub value_segment: Option<ValueSegment>,
    /// How the customer found us.
    pub source: Option<AcquisitionSource>,
    pub lifecycle: Option<Lifecycle>,
}

/// Loyalty class as the seeds name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Loyalty {
    Loyal,
    FairlyLoyal,
    Disloyal,
    LoyalToCompetitor,
}

/// Value segment: A brings the most value, C the least.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueSegment {
    A,
    B,
    C,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AcquisitionSource {
    Referral,
    Website,
    Exhibition,
    ColdCall,
    Advertising,
    Agent,
    Other,
}

/// Where the relationship stands: prospect → customer → developed → at risk
/// → lost, and won back when a lost customer returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    Prospect,
    Customer,
    Developed,
    AtRisk,
    Lost,
    WonBack,
}

impl Loyalty {
    pub const ALL: [Loyalty; 4] = [Loyalty::Loyal, Loyalty::FairlyLoyal, Loyalty::Disloyal, Loyalty::LoyalToCompetitor];
}

impl ValueSegment {
    pub const ALL: [ValueSegment; 3] = [ValueSegment::A, ValueSegment::B, ValueSegment::C];
}

impl AcquisitionSource {
    pub const ALL: [AcquisitionSource; 7] = [
        AcquisitionSource::Referral,
        AcquisitionSource::Website,
        AcquisitionSource::Exhibition,
        AcquisitionSource::ColdCall,
        AcquisitionSource::Advertising,
        AcquisitionSource::Agent,
        AcquisitionSource::Other,
    ];
}

impl Lifecycle {
    pub const ALL: [Lifecycle; 6] =
        [Lifecycle::Prospect, Lifecycle::Customer, Lifecycle::Developed, Lifecycle::AtRisk, Lifecycle::Lost, Lifecycle::WonBack];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    #[default]
    Person,
    Company,
}

/// Customer type as the seeds name it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerType {
    #[default]
    End,
    /// Agent or intermediary (نماینده / واسطه).
    Agent,
    /// Internal customer (another unit of the same business).
    Internal,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactMethod {
    #[default]
    Phone,
    Sms,
    Email,
    Visit,
}

impl PartyKind {
    pub const ALL: [PartyKind; 2] = [PartyKind::Person, PartyKind::Company];
}

impl CustomerType {
    pub const ALL: [CustomerType; 3] = [CustomerType::End, CustomerType::Agent, CustomerType::Internal];
}

impl ContactMethod {
    pub const ALL: [ContactMethod; 4] =
        [ContactMethod::Phone, ContactMethod::Sms, ContactMethod::Email, ContactMethod::Visit];
}

impl crate::store::RecordKind for Customer {
    const KIND: &'static str = KIND;
}

/// Customers are searched through their own list index; this names and
/// opens one like any other record (see `global_search::hit_of`).
impl crate::global_search::Searchable for Customer {
    fn search_entry(r: &crate::store::Envelope<Self>) -> crate::global_search::Entry {
        crate::global_search::Entry::named(&r.fields.name)
    }
}
