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
    /// A stored field's name as its form labels it ("" for one the kind
    /// does not name itself: [`shared_field`] is asked next).
    pub field: FieldLabel,
}

pub type FieldLabel = fn(&str, &Texts) -> &'static str;

/// Fields many kinds share, under the labels their forms give them.
pub fn shared_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "name" => t.field_name,
        "title" => t.field_title,
        "notes" => t.field_notes,
        "owner" => t.field_owner,
        "status" => t.field_status,
        "currency" => t.currency,
        "technician" => t.warranty.technician,
        "customer_id" => t.pipeline.field_customer,
        "contact_id" => t.field_contact,
        "product_id" | "product_name" => t.field_product,
        "deal_id" => t.complaints.complaint_deal,
        "installed_item_id" => t.warranty.visit_item,
        "survey_name" => t.surveys.survey_name,
        _ => "",
    }
}

/// Where a record of a kind with its own page opens: `/base/ID`.
pub fn page(base: &str, hit: &Hit) -> String {
    format!("{base}/{}", hit.id)
}
