//! After-sales service: visits a technician makes (بازدید سرویس), service
//! contracts (قرارداد خدمات پس از فروش) with their included visits, and the
//! renewals (تمدید) of warranties and contracts that come due.

mod contracts;
mod renewals;
mod visits;

pub use contracts::{
    maintenance_dates, save_contract, validate_contract, visits_used, ContractInput, ServiceContract,
};
pub use renewals::{coming_due, renewables, renewal_batch, Renewable, RenewalSource, RenewalTexts, WINDOWS};
pub use visits::{
    day_list, save_visit, validate_visit, week_list, ServiceVisit, VisitInput, VisitKind,
    VisitStatus,
};

const MAX_SHORT: usize = 200;
const MAX_NOTES: usize = 10_000;
