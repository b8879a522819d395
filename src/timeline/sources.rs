//! The record kinds the timeline shows, each with the function that turns
//! one record into its lines. A new area (deals, surveys, warranty claims …)
//! adds its line here; nothing else in the timeline changes.

use super::Source;
use crate::pages::warranty::timeline as warranty;
use daftar_core::{activities, complaints, contacts, pipeline, surveys, tasks};

pub const SOURCES: &[(&str, Source)] = &[
    (activities::KIND, |r, t, lang| crate::pages::activities::timeline_item(r, t, lang).into_iter().collect()),
    (tasks::KIND, |r, t, lang| crate::pages::tasks::timeline_item(r, t, lang).into_iter().collect()),
    (contacts::KIND, |r, t, lang| crate::pages::contacts::timeline_item(r, t, lang).into_iter().collect()),
    (pipeline::DEAL_KIND, crate::pages::pipeline::timeline_items),
    (surveys::RESPONSE, crate::pages::surveys::timeline_items),
    (surveys::LINK, crate::pages::surveys::timeline_items),
    (complaints::COMPLAINT, crate::pages::complaints::timeline_item),
    (daftar_core::warranty::ITEM, warranty::item_items),
    (daftar_core::warranty::CLAIM, warranty::claim_items),
    (daftar_core::warranty::VISIT, warranty::visit_items),
    (daftar_core::warranty::CONTRACT, warranty::contract_items),
];
