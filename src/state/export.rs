//! Lists written out as CSV files that Excel opens with Persian intact
//! (UTF-8 with BOM, CRLF, formula cells neutralised: see `core::import::write_csv`).

use super::AppState;
use crate::i18n::{labels, local_datetime, Lang, TextOf, Texts};
use daftar_core::customers::{Customer, KIND};
use daftar_core::import::write_csv;
use daftar_core::locale::format_date;
use daftar_core::store::{Envelope, Record, RecordStore, StoreError};
use daftar_core::tasks::{Section, Task};
use leptos::prelude::*;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

type Column = (TextOf, fn(&Envelope<Customer>, &Texts, Lang) -> String);

/// The columns of a customer export, in order: every field of the form, then the stamps.
const CUSTOMER_COLUMNS: [Column; 17] = [
    (|t| t.field_name, |r, _, _| r.fields.name.clone()),
    (|t| t.customers.field_kind, |r, t, _| labels::party_kind(r.fields.kind, t).into()),
    (|t| t.customers.field_customer_type, |r, t, _| labels::customer_type(r.fields.customer_type, t).into()),
    (|t| t.field_phones, |r, t, _| r.fields.phones.join(t.list_separator)),
    (|t| t.customers.field_email, |r, _, _| r.fields.email.clone()),
    (|t| t.customers.field_preferred_contact, |r, t, _| labels::contact_method(r.fields.preferred_contact, t).into()),
    (|t| t.customers.field_city, |r, _, _| r.fields.city.clone()),
    (|t| t.customers.field_province, |r, _, _| r.fields.province.clone()),
    (|t| t.customers.field_address, |r, _, _| r.fields.address.clone()),
    (|t| t.customers.field_national_id, |r, _, _| r.fields.national_id.clone()),
    (|t| t.customers.field_economic_code, |r, _, _| r.fields.economic_code.clone()),
    (|t| t.customers.field_category, |r, _, _| r.fields.category.clone()),
    (|t| t.field_owner, |r, _, _| r.fields.owner.clone()),
    (|t| t.customers.field_tags, |r, t, _| r.fields.tags.join(t.list_separator)),
    (|t| t.customers.field_since, |r, _, lang| r.fields.since.map(|d| format_date(d, lang)).unwrap_or_default()),
    (|t| t.field_notes, |r, _, _| r.fields.notes.clone()),
    (|t| t.created, |r, _, lang| local_datetime(r.created_at, lang)),
];

impl AppState {
    /// The customers with these ids (in this order) as a CSV file, in the
    /// user's language: headers, choice names, dates and digits as on screen.
    pub async fn export_customers(&self, ids: &[String]) -> Result<Vec<u8>, StoreError> {
        let store = self.store().ok_or_else(super::unavailable)?;
        let wanted: HashSet<&str> = ids.iter().map(String::as_str).collect();
        let mut by_id: std::collections::HashMap<String, Envelope<Customer>> = store
            .all_as::<Customer>(KIND)
            .await?
            .records
            .into_iter()
            .filter(|r| !r.deleted && wanted.contains(r.id.as_str()))
            .map(|r| (r.id.clone(), r))
            .collect();
        let lang = self.lang.get_untracked();
        let t = self.t_untracked();
        let headers: Vec<&str> = CUSTOMER_COLUMNS.iter().map(|(header, _)| header(t)).collect();
        let rows = ids.iter().filter_map(|id| by_id.remove(id)).map(|r| CUSTOMER_COLUMNS.iter().map(|(_, value)| value(&r, t, lang)).collect::<Vec<_>>());
        Ok(write_csv(&headers, rows))
    }
}

/// The inbox as shown (section by section) as a CSV file in the user's language.
pub fn inbox_csv(sections: &[Section<(Record, Task)>], customer_name: impl Fn(&str) -> String, t: &Texts, lang: Lang) -> Vec<u8> {
    let headers = [t.customers.bucket_header, t.field_title, t.tasks.field_due, t.tasks.field_priority, t.customers.customers, t.field_owner, t.field_notes];
    let rows = sections.iter().flat_map(|section| {
        section.tasks.iter().map(|(_, task)| {
            vec![
                labels::bucket(section.bucket, t).to_string(),
                task.title.clone(),
                task.due.map(|d| format!("{} {}", format_date(d.date(), lang), d.format("%H:%M"))).unwrap_or_default(),
                labels::priority(task.priority, t).to_string(),
                customer_name(&task.customer_id),
                task.owner.clone(),
                task.notes.clone(),
            ]
        })
    });
    write_csv(&headers, rows)
}

/// Hands bytes to the browser as a file download.
pub fn download(bytes: &[u8], file_name: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}
