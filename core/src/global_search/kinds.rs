//! The kinds global search covers, in the order their groups are shown.

use super::{row_of, Hit, Searchable};
use crate::activities::Activity;
use crate::catalog::{Competitor, Product, Supplier};
use crate::complaints::Complaint;
use crate::contacts::Contact;
use crate::customers::Customer;
use crate::pipeline::{Deal, Pipeline};
use crate::store::{Envelope, Record, StoreError};
use crate::surveys::{Response, Survey};
use crate::tasks::Task;
use crate::warranty::claims::Claim;
use crate::warranty::item::InstalledItem;
use crate::warranty::service::{ServiceContract, ServiceVisit};

/// One searched kind: how its records become rows, from a record in memory
/// (after a write) or from its stored text (when the index first loads).
pub struct SearchedKind {
    pub kind: &'static str,
    pub(super) from_record: fn(&Record) -> Option<(Hit, String)>,
    pub(super) from_text: fn(&str) -> Result<Option<(Hit, String)>, StoreError>,
}

const fn searched<T: Searchable>() -> SearchedKind {
    SearchedKind {
        kind: T::KIND,
        from_record: |r| r.typed::<T>().ok().map(|typed| row_of(T::KIND, &typed)),
        from_text: |text| Envelope::<T>::from_text(text).map(|r| (!r.deleted).then(|| row_of(T::KIND, &r))),
    }
}

pub const SEARCHED: [SearchedKind; 13] = [
    searched::<Contact>(),
    searched::<Deal>(),
    searched::<Task>(),
    searched::<Activity>(),
    searched::<Complaint>(),
    searched::<InstalledItem>(),
    searched::<Claim>(),
    searched::<ServiceContract>(),
    searched::<ServiceVisit>(),
    searched::<Response>(),
    searched::<Product>(),
    searched::<Supplier>(),
    searched::<Competitor>(),
];

/// Kinds not searched here (customers have their own list index) but named
/// like the rest where a list names records of any kind.
const NAMED: [SearchedKind; 3] = [searched::<Customer>(), searched::<Pipeline>(), searched::<Survey>()];

pub fn is_searched(kind: &str) -> bool {
    SEARCHED.iter().any(|s| s.kind == kind)
}

/// A record as a search result would show and open it (its title, its
/// customer), for lists that name records of any kind; None for kinds
/// never shown on their own and for unreadable records.
pub fn hit_of(record: &Record) -> Option<Hit> {
    let kind = SEARCHED.iter().chain(&NAMED).find(|s| s.kind == record.kind)?;
    (kind.from_record)(record).map(|(hit, _)| hit)
}
