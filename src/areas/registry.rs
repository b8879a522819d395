//! Every area's record kinds, in one list. A new area adds its `KINDS` here.

use super::kind::{shared_field, KindView};
use crate::i18n::Texts;
use crate::pages::{activities, catalog, complaints, contacts, customers, pipeline, surveys, tasks, warranty};

const AREAS: &[&[KindView]] = &[
    customers::KINDS,
    contacts::KINDS,
    activities::KINDS,
    tasks::KINDS,
    pipeline::KINDS,
    catalog::KINDS,
    surveys::KINDS,
    complaints::KINDS,
    warranty::KINDS,
];

/// How the app shows records of `kind`; None for kinds only stored
/// (pipelines, survey keys, claim photos), never listed on their own.
pub fn view_of(kind: &str) -> Option<&'static KindView> {
    AREAS.iter().flat_map(|area| area.iter()).find(|view| view.kind == kind)
}

/// A stored field of a record of `kind` as its form labels it; the stored
/// name itself when no form shows it (better than nothing in a review list).
pub fn field_label(kind: &str, field: &str, t: &Texts) -> String {
    let own = view_of(kind).map_or("", |view| (view.field)(field, t));
    match if own.is_empty() { shared_field(field, t) } else { own } {
        "" => field.to_string(),
        label => label.to_string(),
    }
}
