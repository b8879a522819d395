//! Catalog: products, suppliers and competitors.

use super::words::{en_count, fa};

texts! {
    CatalogTexts {
        // catalog
        catalog: "Products and services",
            "فهرست کالا و خدمات";
        products: "Products and services",
            "کالاها و خدمات";
        suppliers: "Suppliers",
            "تأمین‌کنندگان";
        warranty_term: "Warranty",
            "گارانتی";
        customers_buying: "Customers who buy from them",
            "مشتریانی که از آن‌ها می‌خرند";
        product_kind: "Product or service",
            "کالا یا خدمت";
        kind_good: "Product",
            "کالا";
        kind_service: "Service",
            "خدمت";
        marketer_percent: "Marketer commission %",
            "پورسانت بازاریاب ٪";
        agency_percent: "Agency commission %",
            "پورسانت نماینده ٪";
        warranty_months: "Warranty (months)",
            "گارانتی (ماه)";
        what_they_supply: "What they supply",
            "چه چیزی تأمین می‌کنند";
        strengths: "Strengths",
            "نقاط قوت";
        weaknesses: "Weaknesses",
            "نقاط ضعف";
        // review fixes
        gross_margin: "Gross margin",
            "سود ناخالص";
    } values {
        /// How many customers buy from a competitor.
        buyers(n: i64):
            format!("{} buying from them", en_count(n, "customer", "customers")),
            format!("{} مشتری از آن‌ها می‌خرند", fa(n));
    }
}
