//! The catalog (فهرست کالا و خدمات): products and services with price,
//! cost, commissions and warranty term; the suppliers behind them; and the
//! competitors met on deals.

use crate::check::{self, Field, FieldError};
use crate::locale::{format_amount, format_number, percent_input, Currency, Lang};
use crate::pipeline::LineItem;
use crate::warranty::item::StartPolicy;
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Searchable};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::{Envelope, Record, RecordKind};

pub const PRODUCT: &str = "product";
pub const SUPPLIER: &str = "supplier";
pub const COMPETITOR: &str = "competitor";

const MAX_SHORT: usize = 200;
const MAX_TEXT: usize = 5_000;
const MAX_WARRANTY_MONTHS: i64 = 240;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    #[default]
    Good,
    Service,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Product {
    pub name: String,
    pub kind: ProductKind,
    pub category: String,
    /// Minor units of `currency`, before any discount.
    pub price: i64,
    pub cost: i64,
    pub currency: Currency,
    /// Commission rates in basis points (500 = 5 %), paid on the net sale.
    pub marketer_bp: u32,
    pub agency_bp: u32,
    /// The warranty a sale of it carries, in months (0 = none).
    pub warranty_months: u32,
    /// Whether that warranty runs from the sale or from installation.
    pub warranty_starts: StartPolicy,
    pub supplier_ids: Vec<String>,
}

/// What the product form sends; numbers as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProductInput {
    pub name: String,
    pub kind: ProductKind,
    pub category: String,
    pub price: String,
    pub cost: String,
    pub currency: Currency,
    pub marketer_percent: String,
    pub agency_percent: String,
    pub warranty_months: String,
    pub warranty_starts: StartPolicy,
    pub supplier_ids: Vec<String>,
}

pub fn validate_product(input: &ProductInput) -> Result<Product, Vec<FieldError>> {
    let mut errors = Vec::new();
    let product = Product {
        name: check::required(&input.name, Field::Name, MAX_SHORT, &mut errors),
        kind: input.kind,
        category: check::long_text(&check::clean(&input.category), Field::Other, MAX_SHORT, &mut errors),
        price: check::money(&input.price, Field::Price, input.currency, &mut errors),
        cost: check::money(&input.cost, Field::Amount, input.currency, &mut errors),
        currency: input.currency,
        marketer_bp: check::percent(&input.marketer_percent, Field::Percent, &mut errors),
        agency_bp: check::percent(&input.agency_percent, Field::Percent, &mut errors),
        warranty_months: check::whole_number(&input.warranty_months, Field::Quantity, 0, MAX_WARRANTY_MONTHS, &mut errors) as u32,
        warranty_starts: input.warranty_starts,
        supplier_ids: input.supplier_ids.clone(),
    };
    if errors.is_empty() {
        Ok(product)
    } else {
        Err(errors)
    }
}

impl ProductInput {
    /// The form for `p`, its numbers in `lang`'s digits and marks.
    pub fn from_product(p: &Product, lang: Lang) -> Self {
        let percent = |bp: u32| if bp == 0 { String::new() } else { percent_input(bp, lang) };
        let money = |v: i64| if v == 0 { String::new() } else { format_amount(v, p.currency, lang) };
        Self {
            name: p.name.clone(),
            kind: p.kind,
            category: p.category.clone(),
            price: money(p.price),
            cost: money(p.cost),
            currency: p.currency,
            marketer_percent: percent(p.marketer_bp),
            agency_percent: percent(p.agency_bp),
            warranty_months: if p.warranty_months == 0 { String::new() } else { format_number(i64::from(p.warranty_months), lang) },
            warranty_starts: p.warranty_starts,
            supplier_ids: p.supplier_ids.clone(),
        }
    }
}

impl Product {
    /// (price − cost) ÷ price in whole percent, towards zero (negative when
    /// sold below cost); None without a price.
    pub fn gross_margin_percent(&self) -> Option<i64> {
        (self.price > 0).then(|| ((i128::from(self.price) - i128::from(self.cost)) * 100 / i128::from(self.price)) as i64)
    }

    /// A deal line for `quantity` of it at today's price, cost and rates.
    pub fn line(&self, product_id: &str, quantity: u32) -> LineItem {
        LineItem {
            product_id: product_id.to_string(),
            name: self.name.clone(),
            quantity,
            unit_price: self.price,
            discount_bp: 0,
            unit_cost: self.cost,
            marketer_bp: self.marketer_bp,
            agency_bp: self.agency_bp,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Supplier {
    pub name: String,
    pub phone: String,
    /// What they supply, in words; products also name their suppliers.
    pub supplies: String,
    pub notes: String,
}

pub fn validate_supplier(input: &Supplier) -> Result<Supplier, Vec<FieldError>> {
    let mut errors = Vec::new();
    let supplier = Supplier {
        name: check::required(&input.name, Field::Name, MAX_SHORT, &mut errors),
        phone: check::clean(&input.phone),
        supplies: check::long_text(&input.supplies, Field::Other, MAX_TEXT, &mut errors),
        notes: check::long_text(&input.notes, Field::Notes, MAX_TEXT, &mut errors),
    };
    if errors.is_empty() {
        Ok(supplier)
    } else {
        Err(errors)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Competitor {
    pub name: String,
    pub strengths: String,
    pub weaknesses: String,
    /// Customers known to buy from them.
    pub customer_ids: Vec<String>,
    pub notes: String,
}

pub fn validate_competitor(input: &Competitor) -> Result<Competitor, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut customer_ids = input.customer_ids.clone();
    customer_ids.sort();
    customer_ids.dedup();
    let competitor = Competitor {
        name: check::required(&input.name, Field::Name, MAX_SHORT, &mut errors),
        strengths: check::long_text(&input.strengths, Field::Other, MAX_TEXT, &mut errors),
        weaknesses: check::long_text(&input.weaknesses, Field::Other, MAX_TEXT, &mut errors),
        customer_ids,
        notes: check::long_text(&input.notes, Field::Notes, MAX_TEXT, &mut errors),
    };
    if errors.is_empty() {
        Ok(competitor)
    } else {
        Err(errors)
    }
}

impl RecordKind for Product {
    const KIND: &'static str = PRODUCT;
}

impl RecordKind for Supplier {
    const KIND: &'static str = SUPPLIER;
}

impl RecordKind for Competitor {
    const KIND: &'static str = COMPETITOR;
}

/// Creates a product or saves its form over `existing`.
pub fn save_product(existing: Option<&Record>, input: &ProductInput, env: &dyn Env) -> Result<Saved, SaveError> {
    Ok(save::save(existing, &validate_product(input)?, env)?)
}

pub fn save_supplier(existing: Option<&Record>, input: &Supplier, env: &dyn Env) -> Result<Saved, SaveError> {
    Ok(save::save(existing, &validate_supplier(input)?, env)?)
}

pub fn save_competitor(existing: Option<&Record>, input: &Competitor, env: &dyn Env) -> Result<Saved, SaveError> {
    Ok(save::save(existing, &validate_competitor(input)?, env)?)
}

/// Catalog entries belong to no customer and are listed by name.
fn catalog_entry(name: &str, text: String) -> Entry {
    Entry { text, ..Entry::named(name) }
}

impl Searchable for Product {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        catalog_entry(&r.fields.name, format!("{} {}", r.fields.name, r.fields.category))
    }
}

impl Searchable for Supplier {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let s = &r.fields;
        catalog_entry(&s.name, format!("{} {} {} {}", s.name, s.phone, s.supplies, s.notes))
    }
}

impl Searchable for Competitor {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let c = &r.fields;
        catalog_entry(&c.name, format!("{} {} {} {}", c.name, c.strengths, c.weaknesses, c.notes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Problem;

    #[test]
    fn product_numbers_are_read_in_either_script_and_round_trip() {
        let input = ProductInput {
            name: "چاپگر لیزری".into(),
            price: "۱۲٬۵۰۰٬۰۰۰".into(),
            cost: "9000000".into(),
            marketer_percent: "۲٫۵".into(),
            agency_percent: "5".into(),
            warranty_months: "۱۸".into(),
            ..Default::default()
        };
        let p = validate_product(&input).unwrap();
        assert_eq!((p.price, p.cost, p.marketer_bp, p.agency_bp, p.warranty_months), (12_500_000, 9_000_000, 250, 500, 18));
        for lang in [Lang::En, Lang::Fa] {
            assert_eq!(validate_product(&ProductInput::from_product(&p, lang)).unwrap(), p);
        }
        // The form shows them as its reader writes them, grouped.
        let shown = ProductInput::from_product(&p, Lang::Fa);
        assert_eq!((shown.price.as_str(), shown.cost.as_str(), shown.marketer_percent.as_str(), shown.warranty_months.as_str()), ("۱۲٬۵۰۰٬۰۰۰", "۹٬۰۰۰٬۰۰۰", "۲٫۵", "۱۸"));
        assert_eq!(ProductInput::from_product(&p, Lang::En).price, "12,500,000");
    }

    #[test]
    fn bad_product_input_names_each_field() {
        let input = ProductInput { price: "cheap".into(), marketer_percent: "150".into(), warranty_months: "-1".into(), ..Default::default() };
        let errors = validate_product(&input).unwrap_err();
        let got: Vec<(Field, Problem)> = errors.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            got,
            [
                (Field::Name, Problem::Required),
                (Field::Price, Problem::Number),
                (Field::Percent, Problem::OutOfRange { min: 0, max: 100 }),
                (Field::Quantity, Problem::OutOfRange { min: 0, max: 240 })
            ]
        );
    }

    #[test]
    fn a_line_copies_todays_price_cost_and_rates() {
        let p = Product { name: "Toner".into(), price: 1_000, cost: 600, marketer_bp: 500, agency_bp: 250, ..Default::default() };
        let t = p.line("p1", 3).totals();
        assert_eq!((t.net, t.cost, t.marketer, t.agency, t.margin()), (3_000, 1_800, 150, 75, 975));
    }

    #[test]
    fn suppliers_and_competitors_need_a_name() {
        assert!(validate_supplier(&Supplier::default()).is_err());
        let c = validate_competitor(&Competitor { name: " Rival ".into(), customer_ids: vec!["b".into(), "a".into(), "b".into()], ..Default::default() }).unwrap();
        assert_eq!((c.name.as_str(), c.customer_ids.len()), ("Rival", 2));
    }

    #[test]
    fn gross_margin_in_whole_percent() {
        let margin = |price, cost| Product { price, cost, ..Default::default() }.gross_margin_percent();
        assert_eq!(margin(1_000, 600), Some(40));
        assert_eq!(margin(3, 1), Some(66), "towards zero");
        assert_eq!(margin(800, 1_000), Some(-25), "sold below cost");
        assert_eq!(margin(0, 100), None);
        assert_eq!(margin(i64::MAX, 0), Some(100), "no overflow on the way");
    }
}
