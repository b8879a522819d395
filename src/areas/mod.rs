//! The business areas as the app knows them. Each area describes its record
//! kinds once, beside its pages ([`kind::KindView`]); the registry lists the
//! areas, and the timeline, global search and the sync review read it, so
//! none of them names an area.

pub mod kind;
pub mod registry;
