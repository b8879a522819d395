//! Every area's record kinds, in one list. A new area adds its `KINDS` here.

use super::kind::KindView;
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
