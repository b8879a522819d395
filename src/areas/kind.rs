use crate::i18n::Texts;
use crate::timeline::item::Source;
use daftar_core::global_search::Hit;

/// What the app shows of one record kind, wherever it turns up.
pub struct KindView {
    pub kind: &'static str,
    /// Its heading among search results ("Deals").
    pub heading: fn(&Texts) -> &'static str,
    /// Where one record of it opens.
    pub opens: fn(&Hit) -> String,
    /// Its lines on a customer's timeline; None when it has none.
    pub timeline: Option<Source>,
}

/// Where a record of a kind with its own page opens: `/base/ID`.
pub fn page(base: &str, hit: &Hit) -> String {
    format!("{base}/{}", hit.id)
}
