//! What is derived about a customer from the records linked to it, never
//! typed: when we last had contact, and how long since they last bought.

use crate::activities::{self, Activity};
use crate::pipeline::{self, Deal, Status};
use crate::store::Record;
use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// The latest call, meeting, visit, email or negotiation (ms since the
    /// epoch); notes do not count. Future-dated entries (a planned meeting
    /// logged ahead) do not count until their time.
    pub last_contact: Option<i64>,
    /// The close date of the latest won deal.
    pub last_purchase: Option<NaiveDate>,
}

pub fn facts(linked: &[Record], now_ms: i64) -> Facts {
    let mut f = Facts::default();
    for r in linked.iter().filter(|r| !r.deleted) {
        match r.kind.as_str() {
            activities::KIND => {
                if let Ok(a) = r.decode::<Activity>() {
                    if a.activity_type.is_contact() && a.at <= now_ms {
                        f.last_contact = f.last_contact.max(Some(a.at));
                    }
                }
            }
            pipeline::DEAL_KIND => {
                if let Ok(d) = r.decode::<Deal>() {
                    if d.status == Status::Won {
                        f.last_purchase = f.last_purchase.max(d.closed_on);
                    }
                }
            }
            _ => {}
        }
    }
    f
}

/// Whole days from `then` to `today` (0 on the same day).
pub fn days_since(then: NaiveDate, today: NaiveDate) -> i64 {
    (today - then).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::store::Write;
    use serde_json::json;

    fn record(kind: &str, v: serde_json::Value, env: &SeededEnv) -> Record {
        Write::create(kind, v.as_object().unwrap().clone(), env).record
    }

    #[test]
    fn last_contact_skips_notes_future_and_deleted() {
        let env = SeededEnv::new(1, 0);
        let deleted = Write::delete(&record("activity", json!({"type": "visit", "at": 900, "customer_id": "c"}), &env), &env).record;
        let linked = vec![
            record("activity", json!({"type": "call", "at": 100, "customer_id": "c"}), &env),
            record("activity", json!({"type": "visit", "at": 300, "customer_id": "c"}), &env),
            record("activity", json!({"type": "note", "at": 400, "customer_id": "c"}), &env),
            record("activity", json!({"type": "meeting", "at": 5_000, "customer_id": "c"}), &env),
            deleted,
            record("contact", json!({"name": "x", "customer_ids": ["c"]}), &env),
        ];
        assert_eq!(facts(&linked, 1_000).last_contact, Some(300));
        assert_eq!(facts(&linked, 6_000).last_contact, Some(5_000));
        assert_eq!(facts(&[], 1).last_contact, None);
    }

    #[test]
    fn last_purchase_is_the_latest_won_deal() {
        let env = SeededEnv::new(1, 0);
        let linked = vec![
            record("deal", json!({"status": "won", "closed_on": "2026-03-01", "customer_id": "c"}), &env),
            record("deal", json!({"status": "won", "closed_on": "2026-05-10", "customer_id": "c"}), &env),
            record("deal", json!({"status": "lost", "closed_on": "2026-09-01", "customer_id": "c"}), &env),
            record("deal", json!({"status": "open", "customer_id": "c"}), &env),
        ];
        let f = facts(&linked, 0);
        let may10 = NaiveDate::from_ymd_opt(2026, 5, 10).unwrap();
        assert_eq!(f.last_purchase, Some(may10));
        assert_eq!(days_since(may10, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()), 197);
        assert_eq!(days_since(may10, may10), 0);
    }

    #[test]
    fn a_deal_won_through_the_pipeline_counts_as_a_purchase() {
        use crate::locale::Lang;
        use crate::pipeline::{defaults, validate, DealInput};
        let env = SeededEnv::new(1, 0);
        let p = defaults(Lang::En).remove(0).1;
        let deal = validate(&DealInput { title: "t".into(), customer_id: "c".into(), stage: "quote".into(), ..Default::default() }, &p, 0).unwrap();
        let on = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let won = Write::create(pipeline::DEAL_KIND, crate::store::to_fields(&deal.won(&p, on, 1)), &env).record;
        let lost = Write::create(pipeline::DEAL_KIND, crate::store::to_fields(&deal.lost(&p, "price", "", on, 1).unwrap()), &env).record;
        assert_eq!(facts(&[won], 0).last_purchase, Some(on));
        assert_eq!(facts(&[lost], 0).last_purchase, None);
    }
}
