//! Test helpers shared by the installed-item tests in several files: Jalali
//! dates and a plain item with a year's warranty.

use super::*;
use crate::locale::from_jalali;

pub(super) fn j(year: i32, month: u32, day: u32) -> NaiveDate {
    from_jalali(year, month, day).unwrap()
}

/// Sold 1402/05/10 with a year's full Jalali warranty.
pub(super) fn item() -> InstalledItem {
    InstalledItem {
        product_id: "p1".into(),
        serial: "AB-1".into(),
        customer_id: "c1".into(),
        sold_on: Some(j(1402, 5, 10)),
        term_months: 12,
        transferable: true,
        ..Default::default()
    }
}
