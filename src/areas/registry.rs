//! What the app asks of the areas: how a record kind shows, what its fields
//! are called, which tabs the navigation has.

use super::kind::{shared_field, KindView};
use super::Tab;
use crate::i18n::Texts;
use crate::pages::AREAS;

/// How the app shows records of `kind`; None for kinds only stored
/// (pipelines, survey keys, claim photos), never listed on their own.
pub fn view_of(kind: &str) -> Option<&'static KindView> {
    AREAS.iter().flat_map(|area| area.kinds.iter()).find(|view| view.kind == kind)
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

/// The areas' main tabs, in the areas' order.
pub fn tabs() -> impl Iterator<Item = Tab> {
    AREAS.iter().filter_map(|area| area.tab)
}
