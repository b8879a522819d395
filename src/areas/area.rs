//! One business area as the app's frame knows it.

use super::kind::KindView;
use crate::i18n::TextOf;

/// An area: its record kinds and, when it has a main screen, its tab.
pub struct Area {
    pub kinds: &'static [KindView],
    pub tab: Option<Tab>,
}

/// A main tab of the navigation: where it goes, its icon, its name.
#[derive(Clone, Copy)]
pub struct Tab {
    pub href: &'static str,
    pub icon: &'static str,
    pub label: TextOf,
}
