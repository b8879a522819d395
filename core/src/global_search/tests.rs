use super::*;
use crate::activities::{self, ActivityInput, ActivityType};
use crate::contacts;
use crate::tasks;
use crate::contacts::ContactInput;
use crate::env::SeededEnv;
use crate::store::{self, Write};
use crate::tasks::TaskInput;

fn index_of(records: Vec<Record>) -> GlobalIndex {
    let mut ix = GlobalIndex::default();
    ix.upsert(&records);
    ix
}

fn records() -> Vec<Record> {
    let env = SeededEnv::new(5, 0);
    let contact = contacts::validate(&ContactInput { name: "سارا کریمی".into(), role: "مدیر خرید".into(), customer_ids: vec!["c1".into()], ..Default::default() }).unwrap();
    let old = activities::validate(&ActivityInput { subject: "تماس با كريمي".into(), at: 1, customer_id: "c1".into(), ..Default::default() }).unwrap();
    let new = activities::validate(&ActivityInput {
        activity_type: ActivityType::Visit,
        outcome: "کریمی سفارش داد".into(),
        at: 2,
        customer_id: "c2".into(),
        ..Default::default()
    })
    .unwrap();
    let task = tasks::validate(&TaskInput { title: "Send Karimi the quote".into(), customer_id: "c1".into(), ..Default::default() }).unwrap();
    let mut out = vec![store::create(contacts::KIND, &contact, &env), store::create(activities::KIND, &old, &env), store::create(activities::KIND, &new, &env), store::create(tasks::KIND, &task, &env)];
    out.push(store::create("customer", &serde_json::json!({"name": "کریمی"}), &env));
    out.into_iter().map(|b| b.writes[0].record.clone()).collect()
}

#[test]
fn groups_by_kind_with_persian_folding_and_newest_activity_first() {
    let ix = index_of(records());
    assert_eq!(ix.len(), 4, "customers are not indexed here");
    let (groups, _) = ix.search("كريمي", 5, None);
    let shape: Vec<(&str, Vec<&str>, usize)> = groups.iter().map(|g| (g.kind, g.hits.iter().map(|h| h.title.as_str()).collect(), g.total)).collect();
    assert_eq!(shape, vec![("contact", vec!["سارا کریمی"], 1), ("activity", vec!["کریمی سفارش داد", "تماس با كريمي"], 2)]);
    assert_eq!(groups[1].hits[0].customer_id, "c2");
    let (groups, _) = ix.search("KARIMI quote", 5, None);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].kind, "task");
    assert!(ix.search("  ", 5, None).0.is_empty());
}

#[test]
fn a_rank_that_differs_orders_as_the_order_does() {
    let day = |d: u32, h: u32| chrono::NaiveDate::from_ymd_opt(2026, 1, d).unwrap().and_hms_opt(h, 0, 0);
    let kinds: [Vec<Order>; 3] = [
        [-5, 0, 3, 1_700_000_000_000, i64::MIN, i64::MAX].map(Order::newest).to_vec(),
        vec![Order::Soonest(None), Order::Soonest(day(1, 0)), Order::Soonest(day(1, 5)), Order::Soonest(day(2, 0))],
        ["", "a", "ab", "abcdefgh", "abcdefghz", "abcdefgi", "b", "کریمی", "کریم", "Zoo"].map(Order::by_name).to_vec(),
    ];
    for orders in kinds {
        for a in &orders {
            for b in &orders {
                if a.rank() != b.rank() {
                    assert_eq!(a.rank().cmp(&b.rank()), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
    }
}

#[test]
fn limits_each_group_but_counts_all_and_refines_on_longer_queries() {
    let env = SeededEnv::new(6, 0);
    let many: Vec<Record> = (0..50)
        .map(|i| {
            let a = activities::validate(&ActivityInput { subject: format!("call {i}"), at: i, customer_id: "c".into(), ..Default::default() }).unwrap();
            store::create(activities::KIND, &a, &env).writes.remove(0).record
        })
        .collect();
    let ix = index_of(many);
    let (groups, found) = ix.search("cal", 3, None);
    assert_eq!(groups[0].total, 50);
    let titles: Vec<&str> = groups[0].hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, vec!["call 49", "call 48", "call 47"]);
    let (refined, _) = ix.search("call 4", 3, Some(&found));
    let (fresh, _) = ix.search("call 4", 3, None);
    assert_eq!(refined, fresh);
    assert_eq!(refined[0].total, 14, "terms match anywhere: 4, 14, 24, 34, 40–49");
}

#[test]
fn edits_and_deletes_update_the_index() {
    let env = SeededEnv::new(7, 0);
    let mut recs = records();
    let mut ix = index_of(recs.clone());
    let contact = recs.remove(0);
    let mut fields = contact.fields.clone();
    fields.insert("name".into(), serde_json::json!("Sara Ahmadi"));
    let renamed = Write::update(&contact, fields, &env).unwrap().record;
    ix.upsert(&[renamed.clone()]);
    assert!(ix.search("سارا", 5, None).0.is_empty());
    assert_eq!(ix.search("ahmadi", 5, None).0[0].hits[0].id, contact.id);
    let renamed_again = Write::update(&renamed, { let mut f = renamed.fields.clone(); f.insert("name".into(), serde_json::json!("Sara A.")); f }, &env).unwrap().record;
    ix.upsert(&[renamed_again.clone(), Write::delete(&renamed_again, &env).record]);
    assert!(ix.search("ahmadi", 5, None).0.is_empty());
    assert!(ix.search("sara", 5, None).0.is_empty(), "an edit and a delete in one batch: gone");
    assert_eq!(ix.len(), 3);
}

/// One record of every other searched kind, each found by what a user
/// would type for it.
fn every_kind() -> Vec<Record> {
    use crate::catalog::{Competitor, Product, Supplier};
    use crate::complaints::Complaint;
    use crate::pipeline::Deal;
    use crate::surveys::{Answer, Response, Text};
    use crate::warranty::claims::Claim;
    use crate::warranty::item::InstalledItem;
    use crate::warranty::service::{ServiceContract, ServiceVisit};
    let env = SeededEnv::new(8, 0);
    fn make<T: crate::store::RecordKind>(value: &T, env: &SeededEnv) -> Record {
        store::create(T::KIND, value, env).writes.remove(0).record
    }
    vec![
        make(&Deal { title: "Scanners for Mehr school".into(), customer_id: "c1".into(), notes: "budget approved".into(), ..Default::default() }, &env),
        make(&Complaint { title: "تأخیر در تحویل".into(), description: "اسکنر دیر رسید".into(), customer_id: "c1".into(), ..Default::default() }, &env),
        make(&InstalledItem { serial: "BX-2024-0001".into(), product_name: "اسکنر اسناد S10".into(), customer_id: "c2".into(), ..Default::default() }, &env),
        make(&Claim { serial: "BX-2024-0001".into(), problem: "Paper jams\nafter a week".into(), customer_id: "c2".into(), ..Default::default() }, &env),
        make(&ServiceContract { title: "Annual care".into(), customer_id: "c2".into(), ..Default::default() }, &env),
        make(&ServiceVisit { technician: "رضا".into(), report: "غلتک تعویض شد".into(), customer_id: "c2".into(), ..Default::default() }, &env),
        make(
            &Response {
                survey_id: "s1".into(),
                survey_name: Text::new("رضایت", "Satisfaction"),
                answers: [("q1".to_string(), Answer::Text("polite installer".into())), ("q2".to_string(), Answer::Number(9))].into(),
                ..Default::default()
            },
            &env,
        ),
        make(&Product { name: "Toner T4".into(), category: "consumables".into(), ..Default::default() }, &env),
        make(&Supplier { name: "Pars Import".into(), supplies: "toner".into(), ..Default::default() }, &env),
        make(&Competitor { name: "Canon Iran".into(), weaknesses: "slow service".into(), ..Default::default() }, &env),
    ]
}

fn found(ix: &GlobalIndex, query: &str) -> Vec<(&'static str, String)> {
    ix.search(query, 5, None).0.into_iter().flat_map(|g| g.hits.into_iter().map(move |h| (g.kind, h.title))).collect()
}

#[test]
fn finds_every_kind_a_user_looks_for() {
    let ix = index_of(every_kind());
    assert_eq!(ix.len(), 10);
    assert_eq!(found(&ix, "mehr"), vec![("deal", "Scanners for Mehr school".to_string())]);
    assert_eq!(found(&ix, "دير رسيد"), vec![("complaint", "تأخیر در تحویل".to_string())], "Arabic yeh finds Persian yeh");
    // A serial typed without its dashes, or in Persian digits, finds the item and its claim.
    for typed in ["bx20240001", "BX-2024-0001", "bx 2024 0001", "bx۲۰۲۴۰۰۰۱"] {
        let kinds: Vec<&str> = found(&ix, typed).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec!["installed_item", "warranty_claim"], "{typed}");
    }
    assert_eq!(found(&ix, "S10")[0], ("installed_item", "BX-2024-0001 — اسکنر اسناد S10".to_string()));
    assert_eq!(found(&ix, "jams")[0], ("warranty_claim", "BX-2024-0001 — Paper jams".to_string()), "one line of the problem");
    assert_eq!(found(&ix, "annual"), vec![("service_contract", "Annual care".to_string())]);
    assert_eq!(found(&ix, "غلتک"), vec![("service_visit", "غلتک تعویض شد".to_string())]);
    assert_eq!(found(&ix, "polite"), vec![("survey_response", "رضایت".to_string())], "titled in the language it was answered in");
    assert!(found(&ix, "9").is_empty(), "a score is not text");
    assert_eq!(found(&ix, "toner"), vec![("product", "Toner T4".to_string()), ("supplier", "Pars Import".to_string())]);
    assert_eq!(found(&ix, "slow service"), vec![("competitor", "Canon Iran".to_string())]);
    let response = ix.search("polite", 5, None).0.remove(0).hits.remove(0);
    assert_eq!((response.customer_id.as_str(), response.within.as_str()), ("", "s1"), "an anonymous response opens its survey");
}

#[test]
fn loading_from_stored_text_equals_taking_records_in() {
    let mut records = every_kind();
    records.extend(self::records());
    let gone = Write::delete(&records[0], &SeededEnv::new(9, 0)).record;
    records[0] = gone;
    let from_records = index_of(records.clone());
    let mut builder = IndexBuilder::default();
    for searched in &SEARCHED {
        let texts: Vec<String> = records.iter().filter(|r| r.kind == searched.kind).map(|r| serde_json::to_string(r).unwrap()).collect();
        builder.add_texts(searched.kind, texts.iter().map(String::as_str));
    }
    builder.add_texts("deal", ["{broken", r#"{"kind":"task","id":"x","rev":1,"created_at":0,"updated_at":0,"fields":{}}"#]);
    assert_eq!(builder.unreadable, 2, "broken text and a record of another kind are counted, not indexed");
    builder.add_texts("customer", [r#"{"kind":"customer"}"#]);
    let from_text = builder.build();
    assert_eq!(from_text.len(), from_records.len());
    assert_eq!(from_text.len(), 13, "the deleted deal and the customer are left out");
    for q in ["mehr", "bx20240001", "toner", "كريمي", "polite", "a"] {
        assert_eq!(from_text.search(q, 5, None).0, from_records.search(q, 5, None).0, "{q}");
    }
}

#[test]
fn names_a_record_of_any_shown_kind() {
    let env = SeededEnv::new(10, 0);
    let customer = store::create("customer", &serde_json::json!({"name": "شرکت مهر"}), &env).writes.remove(0).record;
    let hit = hit_of(&customer).unwrap();
    assert_eq!((hit.kind, hit.title.as_str()), ("customer", "شرکت مهر"));
    let item = every_kind().into_iter().find(|r| r.kind == "installed_item").unwrap();
    assert_eq!(hit_of(&item).unwrap().title, "BX-2024-0001 — اسکنر اسناد S10");
    assert_eq!(hit_of(&item).unwrap().customer_id, "c2");
    let pipeline = store::create("pipeline", &serde_json::json!({"name": "New sales"}), &env).writes.remove(0).record;
    assert_eq!(hit_of(&pipeline).unwrap().title, "New sales", "named though not searched");
    let survey = store::create("survey", &serde_json::json!({"name": {"fa": "", "en": "After sale"}}), &env).writes.remove(0).record;
    assert_eq!(hit_of(&survey).unwrap().title, "After sale", "in English when it has no Persian name");
    let photo = store::create("claim_photo", &serde_json::json!({"mime": "image/jpeg"}), &env).writes.remove(0).record;
    assert!(hit_of(&photo).is_none(), "kinds never shown on their own are not named");
    let broken = Record { fields: serde_json::from_value(serde_json::json!({"serial": 5})).unwrap(), ..item };
    assert!(hit_of(&broken).is_none());
}

/// Groups as (kind, total, every title sorted): ties in order may fall
/// differently in an index built afresh.
fn shape(groups: Vec<Group>) -> Vec<(&'static str, usize, Vec<String>)> {
    groups.into_iter().map(|g| (g.kind, g.total, { let mut t: Vec<String> = g.hits.into_iter().map(|h| h.title).collect(); t.sort(); t })).collect()
}

#[test]
fn edits_in_place_search_like_an_index_built_afresh_through_many_changes() {
    let env = SeededEnv::new(12, 0);
    let words = ["مهر", "toner", "scanner", "کیان", "north", "boiler"];
    let mut live: Vec<Record> = Vec::new();
    let mut ix = GlobalIndex::default();
    let mut seed = 7u64;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for step in 0..3_000 {
        let batch: Vec<Record> = match (next(4), live.len()) {
            (0, n) if n > 0 => {
                let i = next(n);
                let gone = Write::delete(&live[i], &env).record;
                live.remove(i);
                vec![gone]
            }
            (1, n) if n > 0 => {
                let i = next(n);
                let mut fields = live[i].fields.clone();
                fields.insert("title".into(), serde_json::json!(format!("{} {step}", words[next(words.len())])));
                let edited = Write::update(&live[i], fields, &env).map(|w| w.record).unwrap_or_else(|| live[i].clone());
                live[i] = edited.clone();
                vec![edited]
            }
            _ => {
                let task = tasks::validate(&tasks::TaskInput { title: format!("{} {step}", words[next(words.len())]), ..Default::default() }).unwrap();
                let record = store::create(tasks::KIND, &task, &env).writes.remove(0).record;
                live.push(record.clone());
                vec![record]
            }
        };
        ix.upsert(&batch);
        if step % 500 == 499 {
            let fresh = index_of(live.clone());
            assert_eq!(ix.len(), fresh.len(), "step {step}");
            for q in words {
                assert_eq!(shape(ix.search(q, 5_000, None).0), shape(fresh.search(q, 5_000, None).0), "step {step}, {q}");
            }
        }
    }
    assert!(ix.rows.len() < 2 * live.len() + 1_100, "blanked rows are cleared away: {} rows for {} records", ix.rows.len(), live.len());
}
