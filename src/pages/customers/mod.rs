//! The customer area: list with instant search, create/edit form, detail page.

mod routes;
mod edit;
mod fields;
mod import;
mod list;
mod merge;
mod show;

pub use routes::{CustomerRoutes, TAB};

pub use edit::CustomerEdit;
pub(crate) use fields::SEGMENT_CHOICES;
pub use import::CustomerImport;
pub use list::CustomerList;
pub use merge::CustomerMerge;
pub use show::CustomerShow;

use crate::areas::kind::{page, KindView};
use daftar_core::customers;

pub const KINDS: &[KindView] = &[KindView { kind: customers::KIND, heading: |t| t.customers.customers, opens: |hit| page("/customers", hit), timeline: None, field: crate::i18n::labels::customer_field }];
