//! The business areas as the app knows them. Each area describes itself
//! once, beside its pages: its record kinds ([`kind::KindView`]), its tab and
//! its routes. `pages::AREAS` lists the areas; the navigation, the timeline,
//! global search and the sync review read them through the registry, so none
//! of them names an area.

mod area;
pub mod kind;
pub mod registry;
mod routes;

pub use area::{Area, Tab};
pub(crate) use routes::area_routes;
