//! A demo installed base: items sold to the customers already on the
//! device, of the catalog's products that carry a warranty, over the three
//! years before today — some installed later, some extended, a few voided.
//! At 100,000 items it is the size the coverage check is measured at.

use crate::catalog::Product;
use crate::env::{Env, SplitMix64};
use crate::store::{self, Batch};
use crate::warranty::item::{Extension, InstalledItem, StartPolicy, Voided};
use crate::warranty::{Coverage, ITEM};
use chrono::{Duration, NaiveDate};

/// The serial of the `n`th demo item of a product: a short product prefix
/// and a running number, as manufacturers print them ("DF3-0004217").
pub fn demo_serial(product_index: usize, n: usize) -> String {
    format!("DF{product_index}-{n:07}")
}

/// `count` items spread over `customer_ids` and the products with a
/// warranty (all products when none has one); empty without either. Their
/// running numbers start at `first`, so a second batch never repeats a
/// serial of the first.
pub fn installed_base(first: usize, count: usize, customer_ids: &[String], products: &[(String, Product)], today: NaiveDate, seed: u64, env: &dyn Env) -> Batch {
    let mut batch = Batch::default();
    let warranted: Vec<&(String, Product)> = products.iter().filter(|(_, p)| p.warranty_months > 0).collect();
    let pool: Vec<&(String, Product)> = if warranted.is_empty() { products.iter().collect() } else { warranted };
    if customer_ids.is_empty() || pool.is_empty() {
        return batch;
    }
    let mut rng = SplitMix64(seed ^ first as u64);
    for n in first..first + count {
        let index = rng.below(pool.len() as u64) as usize;
        let (product_id, product) = pool[index];
        let sold_on = today - Duration::days(rng.below(3 * 365) as i64);
        let installed_on = rng.chance(60).then(|| sold_on + Duration::days(rng.below(20) as i64));
        let mut item = InstalledItem {
            product_id: product_id.clone(),
            product_name: product.name.clone(),
            serial: demo_serial(index, n),
            customer_id: rng.pick(customer_ids).clone(),
            sold_on: Some(sold_on),
            installed_on,
            start_policy: if installed_on.is_some() && rng.chance(50) { StartPolicy::Installation } else { StartPolicy::Sale },
            term_months: if product.warranty_months > 0 { product.warranty_months } else { 12 },
            coverage: if rng.chance(80) { Coverage::default() } else { Coverage { parts_percent: 100, labour_percent: 50 } },
            transferable: rng.chance(70),
            ..Default::default()
        };
        if rng.chance(10) {
            item.extensions.push(Extension { months: 12, coverage: Coverage { parts_percent: 100, labour_percent: 0 }, bought_on: Some(sold_on + Duration::days(300)), ..Default::default() });
        }
        if rng.chance(2) {
            item.voided = Some(Voided { on: sold_on + Duration::days(90), reason: "پلمب توسط تعمیرکار غیرمجاز باز شده است".into() });
        }
        batch.writes.extend(store::create(ITEM, &item, env).writes);
    }
    batch
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::warranty::lookup::SerialIndex;

    fn product(name: &str, months: u32) -> (String, Product) {
        (format!("p-{name}"), Product { name: name.into(), warranty_months: months, ..Default::default() })
    }

    #[test]
    fn items_are_valid_unique_and_only_of_warranted_products() {
        let env = SeededEnv::new(1, 1_700_000_000_000);
        let customers = vec!["c1".to_string(), "c2".to_string()];
        let products = vec![product("heater", 18), product("install service", 0)];
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let batch = installed_base(0, 500, &customers, &products, today, 7, &env);
        assert_eq!(batch.writes.len(), 500);
        let mut index = SerialIndex::new();
        for w in &batch.writes {
            let item: InstalledItem = w.record.decode().unwrap();
            assert_eq!(item.product_id, "p-heater");
            assert!(customers.contains(&item.customer_id));
            assert!(item.sold_on.unwrap() <= today);
            assert!(!index.taken(&item.product_id, &crate::warranty::lookup::normalize_serial(&item.serial), None), "serial {} twice", item.serial);
            index.put(&w.record.id, &item.product_id, &item.serial);
        }
        assert_eq!(index.find(&demo_serial(0, 123)).len(), 1);
        // A second batch continues the numbering.
        for w in &installed_base(500, 100, &customers, &products, today, 7, &env).writes {
            let item: InstalledItem = w.record.decode().unwrap();
            assert!(!index.taken(&item.product_id, &crate::warranty::lookup::normalize_serial(&item.serial), None), "serial {} twice", item.serial);
        }
    }

    #[test]
    fn nothing_without_customers_or_products() {
        let env = SeededEnv::new(1, 0);
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert!(installed_base(0, 10, &[], &[product("a", 12)], today, 1, &env).writes.is_empty());
        assert!(installed_base(0, 10, &["c".into()], &[], today, 1, &env).writes.is_empty());
    }
}
