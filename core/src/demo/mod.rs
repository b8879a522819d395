//! Seeded, deterministic demo data: the same seed and size always give the
//! same records, so tests and benchmarks can rely on them. Mixed Persian and
//! English, with valid phones and national codes, as a real customer list has.

use crate::customers::{self, AcquisitionSource, ContactMethod, Customer, CustomerType, Lifecycle, Loyalty, PartyKind, ValueSegment};
use crate::env::{Env, SplitMix64};
use crate::locale::to_persian_digits;
use crate::activities::{self, Activity, ActivityType, VisitReport};
use crate::contacts::{self, Contact};
use crate::store::{self, Batch, Write};
use crate::tasks::{self, Priority, Task};
use chrono::NaiveDate;

mod buyers;
mod sales;
mod warranty;

pub use buyers::buyer_history;
pub use sales::deal_counts;
pub use warranty::{demo_serial, installed_base};

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

/// The dataset as one batch for the store (records, change log, outbox):
/// customers, then the contacts, activities and tasks around them. The
/// content depends only on `seed` and the time `env` gives at the start
/// (activities lie in the two years before it, tasks around it); ids and
/// stamps come from `env`, so the app can add the same dataset twice (new
/// ids) and tests can fix them too. The first customer is a big account with
/// [`BIG_ACCOUNT_ACTIVITIES`] activities at size L (what the customer page
/// benchmark opens).
pub fn batch(size: Size, seed: u64, env: &dyn Env) -> Batch {
    let now = env.now_ms();
    let mut writes: Vec<Write> = customers(size, seed).iter().map(|c| Write::create(customers::KIND, crate::store::to_fields(c), env)).collect();
    let mut rng = SplitMix64(seed ^ 0x5EED);
    let density = match size {
        Size::S => 4,
        Size::M | Size::L => 1,
    };
    let mut children = Vec::new();
    for (i, w) in writes.iter().enumerate() {
        let id = &w.record.id;
        let company = w.record.fields.get("kind").and_then(|k| k.as_str()) == Some("company");
        let mut contact_ids = Vec::new();
        if company && rng.chance(60) {
            for _ in 0..1 + rng.below(2) {
                let c = contact(&mut rng, id);
                let write = store::create(contacts::KIND, &c, env).writes.remove(0);
                contact_ids.push(write.record.id.clone());
                children.push(write);
            }
        }
        // About 200,000 activities at size L over its two years, what the
        // reports' goals are set for.
        let count = match (i, size) {
            (0, Size::L) => BIG_ACCOUNT_ACTIVITIES,
            (_, Size::L) => rng.below(9) as usize,
            _ => rng.below(2 * density + 1) as usize,
        };
        for _ in 0..count {
            let a = activity(&mut rng, id, &contact_ids, now);
            children.push(store::create(activities::KIND, &a, env).writes.remove(0));
        }
        if rng.chance(5 * density) {
            let t = task(&mut rng, id, now);
            children.push(store::create(tasks::KIND, &t, env).writes.remove(0));
        }
    }
    let customer_ids: Vec<String> = writes.iter().map(|w| w.record.id.clone()).collect();
    writes.extend(children);
    writes.extend(sales::writes(size, seed, &customer_ids, now, env));
    Batch { writes }
}

/// Activities of the first customer at size L.
pub const BIG_ACCOUNT_ACTIVITIES: usize = 2_000;

const ROLES: &[&str] = &["مدیر خرید", "مدیر عامل", "کارشناس فنی", "Purchasing manager", "حسابدار", "مدیر فروش"];
const SUBJECTS: &[&str] = &["پیگیری پیش‌فاکتور", "معرفی محصول جدید", "Follow-up on quote", "هماهنگی تحویل", "شکایت از تأخیر ارسال", "تمدید قرارداد خدمات", "Price negotiation", "درخواست نمونه"];
const OUTCOMES: &[&str] = &["سفارش آزمایشی ثبت شد", "نیاز به تخفیف بیشتر دارند", "دستگاه نصب و راه‌اندازی شد", "Agreed to a demo next month", "رضایت کامل از خدمات"];
const NEXT_STEPS: &[&str] = &["ارسال پیش‌فاکتور", "تماس هفته بعد", "Send the contract", "بازدید مجدد پس از نصب"];
const TASKS: &[&str] = &["تماس برای پیگیری", "ارسال کاتالوگ", "Prepare the quote", "هماهنگی جلسه", "بررسی وضعیت گارانتی"];

fn contact(rng: &mut SplitMix64, customer_id: &str) -> Contact {
    Contact {
        name: format!("{} {}", rng.pick(FIRST_FA), rng.pick(LAST_FA)),
        role: rng.pick(ROLES).to_string(),
        phones: vec![format!("09{:09}", rng.below(1_000_000_000))],
        key_person: rng.chance(30),
        birthday: NaiveDate::from_ymd_opt(1960, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(rng.below(14_000)))),
        customer_ids: vec![customer_id.to_string()],
        ..Default::default()
    }
}

fn activity(rng: &mut SplitMix64, customer_id: &str, contact_ids: &[String], now: i64) -> Activity {
    let activity_type = *rng.pick(&ActivityType::ALL);
    let visit = (activity_type == ActivityType::Visit).then(|| VisitReport {
        purpose: rng.pick(SUBJECTS).to_string(),
        outcome: rng.pick(OUTCOMES).to_string(),
        next_step: rng.pick(NEXT_STEPS).to_string(),
        duration_minutes: 15 * (1 + rng.below(8) as u32),
        location: rng.pick(CITIES).0.to_string(),
    });
    Activity {
        activity_type,
        at: now - (rng.below(730 * 24 * 60) as i64) * 60_000,
        subject: if visit.is_some() { String::new() } else { rng.pick(SUBJECTS).to_string() },
        customer_id: customer_id.to_string(),
        contact_id: if contact_ids.is_empty() { String::new() } else { rng.pick(contact_ids).clone() },
        owner: rng.pick(OWNERS).to_string(),
        visit,
        ..Default::default()
    }
}

fn task(rng: &mut SplitMix64, customer_id: &str, now: i64) -> Task {
    let start = chrono::DateTime::from_timestamp_millis(now).map(|d| d.naive_utc().date()).unwrap_or_default();
    let day = start + chrono::Duration::days(rng.below(40) as i64 - 7);
    Task {
        title: rng.pick(TASKS).to_string(),
        due: rng.chance(85).then(|| day.and_hms_opt(9 + rng.below(9) as u32, 0, 0)).flatten(),
        priority: *rng.pick(&Priority::ALL),
        owner: if rng.chance(30) { String::new() } else { rng.pick(OWNERS).to_string() },
        customer_id: customer_id.to_string(),
        ..Default::default()
    }
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
    fn sizes_and_the_records_around_customers() {
        assert_eq!(customers(Size::S, 1).len(), 100);
        let env = crate::env::SeededEnv::new(1, 1_700_000_000_000);
        let b = batch(Size::M, 1, &env);
        let count = |kind: &str| b.writes.iter().filter(|w| w.record.kind == kind).count();
        assert_eq!(count(customers::KIND), 5_000);
        assert!(count(contacts::KIND) > 500 && count(activities::KIND) > 2_000 && count(tasks::KIND) > 100, "{} {} {}", count(contacts::KIND), count(activities::KIND), count(tasks::KIND));
        let customer_ids: std::collections::HashSet<&str> = b.writes.iter().filter(|w| w.record.kind == customers::KIND).map(|w| w.record.id.as_str()).collect();
        // Customers' records link to a customer; the catalog does not.
        let around = [contacts::KIND, activities::KIND, tasks::KIND, crate::pipeline::DEAL_KIND];
        for w in b.writes.iter().filter(|w| around.contains(&w.record.kind.as_str())) {
            let links = crate::store::links_of(&w.record.fields);
            assert!(links.iter().any(|l| l.strip_prefix("customer:").is_some_and(|id| customer_ids.contains(id))), "{:?} links to a demo customer", w.record.kind);
        }
    }

    #[test]
    fn the_big_account_has_its_activities_at_size_l() {
        let env = crate::env::SeededEnv::new(1, 1_700_000_000_000);
        let b = batch(Size::L, 1, &env);
        let first = &b.writes[0].record.id;
        let on_first = b.writes.iter().filter(|w| w.record.kind == activities::KIND && w.record.fields["customer_id"] == serde_json::json!(first)).count();
        assert_eq!(on_first, BIG_ACCOUNT_ACTIVITIES);
        let all = b.writes.iter().filter(|w| w.record.kind == activities::KIND).count();
        assert!((190_000..215_000).contains(&all), "{all} activities");
    }

    #[test]
    fn demo_children_pass_validation() {
        let env = crate::env::SeededEnv::new(1, 1_700_000_000_000);
        for w in batch(Size::S, 3, &env).writes {
            match w.record.kind.as_str() {
                contacts::KIND => {
                    let c: Contact = w.record.decode().unwrap();
                    assert_eq!(contacts::validate(&contacts::ContactInput::from_contact(&c)).unwrap(), c);
                }
                activities::KIND => {
                    let a: Activity = w.record.decode().unwrap();
                    assert_eq!(activities::validate(&activities::ActivityInput::from_activity(&a)).unwrap(), a);
                }
                _ => {}
            }
        }
    }

    #[test]
    fn every_demo_customer_passes_validation_unchanged() {
        for c in customers(Size::M, 4) {
            let back = validate(&CustomerInput::from_customer(&c)).unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
            assert_eq!(back, c);
        }
    }

    #[test]
    fn demo_deals_are_valid_and_fill_every_stage() {
        use crate::pipeline::{self, Deal, DealInput, Status};
        let env = crate::env::SeededEnv::new(1, 1_700_000_000_000);
        let b = batch(Size::M, 3, &env);
        let deals: Vec<Deal> = b.writes.iter().filter(|w| w.record.kind == pipeline::DEAL_KIND).map(|w| w.record.decode().unwrap()).collect();
        let (open, closed) = deal_counts(Size::M);
        assert_eq!(deals.len(), open + closed);
        assert_eq!(deals.iter().filter(|d| d.status == Status::Open).count(), open);
        let defaults = pipeline::defaults(crate::locale::Lang::Fa);
        let sales = &defaults[0].1;
        for stage in &sales.stages {
            assert!(deals.iter().any(|d| d.stage == stage.id && d.status == Status::Open), "{} is empty", stage.id);
        }
        for d in deals.iter().filter(|d| d.pipeline_id == pipeline::NEW_SALES) {
            for lang in [crate::locale::Lang::En, crate::locale::Lang::Fa] {
                assert_eq!(&d.edited(&DealInput::from_deal(d, lang), sales, 0).unwrap(), d);
            }
            assert!(d.status != Status::Lost || !d.lost_reason.is_empty());
        }
        // A closed deal closed after it was entered, and its history ends with the close.
        for d in deals.iter().filter(|d| d.status != Status::Open) {
            let entered = chrono::DateTime::from_timestamp_millis(d.steps[0].at).unwrap().date_naive();
            assert!(d.closed_on.is_some_and(|on| on > entered), "{:?} entered {entered}", d.closed_on);
            assert_eq!(d.steps.last().map(|s| s.status), Some(d.status));
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
