//! Seeded, deterministic demo data: the same seed and size always give the
//! same records, so tests and benchmarks can rely on them. Mixed Persian and
//! English, with valid phones and national codes, as a real customer list has.

use crate::customers::{self, AcquisitionSource, ContactMethod, Customer, CustomerType, Lifecycle, Loyalty, PartyKind, ValueSegment};
use crate::env::{Env, SplitMix64};
use crate::locale::to_persian_digits;
use crate::store::{Batch, Write};
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// 100 customers: a first look.
    S,
    /// 5,000 customers: a busy small business.
    M,
    /// 50,000 customers: the benchmark size.
    L,
}

impl Size {
    pub fn customers(self) -> usize {
        match self {
            Size::S => 100,
            Size::M => 5_000,
            Size::L => 50_000,
        }
    }

}

const FIRST_FA: &[&str] = &["علی", "محمد", "زهرا", "فاطمه", "حسین", "مریم", "رضا", "سارا", "مهدی", "نرگس", "امیر", "لیلا", "کاوه", "شیرین", "بهرام", "پریسا"];
const LAST_FA: &[&str] = &["کریمی", "رضایی", "محمدی", "حسینی", "احمدی", "موسوی", "جعفری", "کاظمی", "نوری", "صادقی", "قاسمی", "تهرانی", "شیرازی", "اصفهانی"];
const FIRST_EN: &[&str] = &["Sara", "David", "Maryam", "John", "Leila", "Omid", "Anna", "Reza", "Nima", "Emma"];
const LAST_EN: &[&str] = &["Smith", "Karimi", "Brown", "Rahimi", "Taylor", "Nazari", "Wilson", "Farahani"];
const COMPANY_FA: &[(&str, &str)] = &[("شرکت", "پارس"), ("فروشگاه", "آریا"), ("بازرگانی", "نوین"), ("صنایع", "البرز"), ("گروه", "سپهر"), ("کارخانه", "مهر"), ("شرکت", "تک‌گستر"), ("فروشگاه", "زاگرس")];
const COMPANY_EN: &[&str] = &["Acme", "Pars", "Caspian", "Zagros", "Alborz", "Orient", "Silk Road", "Persepolis"];
const COMPANY_EN_SUFFIX: &[&str] = &["Trading", "Industries", "Co.", "Group", "Supplies", "Ltd"];
const CITIES: &[(&str, &str)] = &[("تهران", "تهران"), ("مشهد", "خراسان رضوی"), ("اصفهان", "اصفهان"), ("شیراز", "فارس"), ("تبریز", "آذربایجان شرقی"), ("کرج", "البرز"), ("اهواز", "خوزستان"), ("قم", "قم"), ("رشت", "گیلان"), ("یزد", "یزد")];
const OWNERS: &[&str] = &["نیما", "سارا", "Reza", "Maryam", "کاوه"];
const TAGS: &[&str] = &["VIP", "عمده‌فروش", "نمایشگاه", "export", "قدیمی", "new"];
const CATEGORIES: &[&str] = &["A", "B", "C"];

/// The customers of a dataset, in generation order.
pub fn customers(size: Size, seed: u64) -> Vec<Customer> {
    let mut rng = SplitMix64(seed);
    (0..size.customers()).map(|i| customer(&mut rng, i)).collect()
}

/// The dataset as one batch for the store (records, change log, outbox).
/// The content depends only on `seed`; ids and stamps come from `env`, so the
/// app can add the same dataset twice (new ids) and tests can fix them too.
pub fn batch(size: Size, seed: u64, env: &dyn Env) -> Batch {
    let writes = customers(size, seed).iter().map(|c| Write::create(customers::KIND, crate::store::to_fields(c), env)).collect();
    Batch { writes }
}

/// The seed the app uses, so everyone who loads demo data sees the same customers.
pub const SEED: u64 = 1403;

fn customer(rng: &mut SplitMix64, i: usize) -> Customer {
    let persian = rng.chance(70);
    let company = rng.chance(40);
    let (city, province) = *rng.pick(CITIES);
    let name = match (persian, company) {
        (true, false) => format!("{} {}", rng.pick(FIRST_FA), rng.pick(LAST_FA)),
        (true, true) => {
            let (prefix, word) = rng.pick(COMPANY_FA);
            format!("{prefix} {word} {}", rng.pick(LAST_FA))
        }
        (false, false) => format!("{} {}", rng.pick(FIRST_EN), rng.pick(LAST_EN)),
        (false, true) => format!("{} {}", rng.pick(COMPANY_EN), rng.pick(COMPANY_EN_SUFFIX)),
    };
    let mut phones = vec![format!("09{:09}", rng.below(1_000_000_000))];
    if rng.chance(30) {
        phones.push(format!("0{}{:08}", 21 + rng.below(70), rng.below(100_000_000)));
    }
    let tags = (0..rng.below(3)).map(|_| rng.pick(TAGS).to_string()).collect::<std::collections::BTreeSet<_>>();
    let since = NaiveDate::from_ymd_opt(2015, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.below(3900))));
    Customer {
        email: if rng.chance(60) { format!("customer{i}@example.com") } else { String::new() },
        kind: if company { PartyKind::Company } else { PartyKind::Person },
        customer_type: *rng.pick(&[CustomerType::End, CustomerType::End, CustomerType::Agent, CustomerType::Internal]),
        category: rng.pick(CATEGORIES).to_string(),
        preferred_contact: *rng.pick(&ContactMethod::ALL),
        phones,
        address: format!("{city}، خیابان {} پلاک {}", rng.pick(LAST_FA), to_persian_digits(&(1 + rng.below(200)).to_string())),
        city: city.into(),
        province: province.into(),
        tags: tags.into_iter().collect(),
        owner: rng.pick(OWNERS).to_string(),
        notes: String::new(),
        national_id: if !company && rng.chance(50) { national_code(rng) } else { String::new() },
        economic_code: String::new(),
        since,
        loyalty: rng.chance(70).then(|| *rng.pick(&Loyalty::ALL)),
        value_segment: rng.chance(80).then(|| *rng.pick(&ValueSegment::ALL)),
        source: rng.chance(60).then(|| *rng.pick(&AcquisitionSource::ALL)),
        lifecycle: Some(*rng.pick(&Lifecycle::ALL)),
        name,
    }
}

/// A random national code with a correct check digit. A few bodies have no
/// valid check digit (the mod-11 remainder would need two digits): draw again.
fn national_code(rng: &mut SplitMix64) -> String {
    loop {
        let body = format!("{:09}", 1_000_000 + rng.below(998_000_000));
        if let Some(code) = (0..10).map(|d| format!("{body}{d}")).find(|c| customers::is_valid_national_code(c)) {
            return code;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::{validate, CustomerInput};

    #[test]
    fn deterministic_per_seed() {
        assert_eq!(customers(Size::S, 9), customers(Size::S, 9));
        assert_ne!(customers(Size::S, 9), customers(Size::S, 10));
        let env = || crate::env::SeededEnv::new(1, 0);
        assert_eq!(batch(Size::S, 9, &env()).writes, batch(Size::S, 9, &env()).writes);
    }

    #[test]
    fn sizes() {
        assert_eq!(customers(Size::S, 1).len(), 100);
        assert_eq!(batch(Size::M, 1, &crate::env::SeededEnv::new(1, 0)).writes.len(), 5_000);
    }

    #[test]
    fn every_demo_customer_passes_validation_unchanged() {
        for c in customers(Size::M, 4) {
            let back = validate(&CustomerInput::from_customer(&c)).unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
            assert_eq!(back, c);
        }
    }

    #[test]
    fn mixes_languages_and_kinds() {
        let cs = customers(Size::S, 2);
        assert!(cs.iter().any(|c| c.name.is_ascii()));
        assert!(cs.iter().any(|c| !c.name.is_ascii()));
        assert!(cs.iter().any(|c| c.kind == PartyKind::Company));
    }
}
