//! One chronological view of everything that happened with a customer.
//!
//! The extension point: every area that links records to customers (through
//! a `customer_id` / `customer_ids` field, see core's `links_of`) gives its
//! kind a timeline [`item::Source`] in the area registry. The timeline itself never
//! changes: it reads what links to the customer, asks each record's source
//! for its items, adds the customer's own edits from the change log, and sorts.

pub mod item;
mod view;

pub use item::Item;
pub use view::Timeline;

use crate::i18n::{labels, local_datetime, Lang, Texts};
use daftar_core::store::{Change, Op, Record};
use crate::areas::registry;

/// Every linked record with a source, plus the customer's own history,
/// newest first. Records of kinds without a source are left out.
pub fn items(linked: &[Record], history: &[Change], t: &Texts, lang: Lang) -> Vec<Item> {
    let mut out: Vec<Item> = linked
        .iter()
        .filter(|r| !r.deleted)
        .flat_map(|r| registry::view_of(&r.kind).and_then(|v| v.timeline).map(|source| source(r, t, lang)).unwrap_or_default())
        .collect();
    out.extend(history.iter().map(|c| edit_item(c, t, lang)));
    out.sort_by_key(|item| std::cmp::Reverse(item.at));
    out
}

fn edit_item(c: &Change, t: &Texts, lang: Lang) -> Item {
    let names: Vec<&str> = c.fields.iter().map(|f| labels::customer_field(&f.field, t)).filter(|n| !n.is_empty()).collect();
    let label = match c.op {
        Op::Create => t.timeline.timeline_created,
        Op::Update => t.timeline.timeline_edit,
        other => labels::op(other, t),
    };
    Item {
        at: c.at,
        kind: "edit",
        label: label.to_string(),
        title: if c.op == Op::Update { names.join(t.list_separator) } else { String::new() },
        detail: String::new(),
        when: local_datetime(c.at, lang),
        href: None,
    }
}
