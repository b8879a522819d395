//! When to ask: after a deal is won, the inbox suggests sending the
//! after-sale survey to that customer, until a link goes out or an answer
//! comes in. (After a warranty claim closes, the after-service survey is
//! suggested the same way: `warranty::claims::after_service`.)

use crate::pipeline::{Deal, Status};
use crate::store::Envelope;

const DAY_MS: i64 = 86_400_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub deal_id: String,
    pub customer_id: String,
    pub won_ms: i64,
}

/// Deals won within `days` of `now_ms`, newest first, whose customer has
/// not been asked since: `asked` lists (customer id, when) for every link
/// issued and every response given on the survey to suggest. One
/// suggestion per customer, for their latest win.
pub fn after_sale<'a>(deals: impl Iterator<Item = &'a Envelope<Deal>>, asked: &[(String, i64)], now_ms: i64, days: i64) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = deals
        .filter(|d| !d.deleted && d.fields.status == Status::Won && !d.fields.customer_id.is_empty())
        .filter_map(|d| {
            let won_ms = d.fields.steps.iter().rev().find(|s| s.status == Status::Won)?.at;
            let recent = now_ms - won_ms <= days * DAY_MS;
            let asked_since = asked.iter().any(|(c, at)| *c == d.fields.customer_id && *at >= won_ms);
            (recent && !asked_since).then(|| Suggestion { deal_id: d.id.clone(), customer_id: d.fields.customer_id.clone(), won_ms })
        })
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse(s.won_ms));
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| seen.insert(s.customer_id.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Step;

    fn deal(id: &str, customer: &str, won_at: Option<i64>) -> Envelope<Deal> {
        let mut steps = vec![Step { at: 0, ..Default::default() }];
        let status = match won_at {
            Some(at) => {
                steps.push(Step { at, status: Status::Won, ..Default::default() });
                Status::Won
            }
            None => Status::Open,
        };
        let fields = Deal { customer_id: customer.into(), status, steps, ..Default::default() };
        Envelope { kind: "deal".into(), id: id.into(), rev: 1, created_at: 0, updated_at: 0, deleted: false, fields }
    }

    #[test]
    fn a_recent_win_is_suggested_until_the_customer_is_asked() {
        let now = 40 * DAY_MS;
        let deals = [deal("d1", "c1", Some(35 * DAY_MS)), deal("d2", "c2", Some(5 * DAY_MS)), deal("d3", "c3", None), deal("d4", "", Some(39 * DAY_MS))];
        let got = after_sale(deals.iter(), &[], now, 30);
        assert_eq!(got, [Suggestion { deal_id: "d1".into(), customer_id: "c1".into(), won_ms: 35 * DAY_MS }], "old wins, open deals and deals without a customer are not suggested");
        let asked_before = [("c1".to_string(), 34 * DAY_MS)];
        assert_eq!(after_sale(deals.iter(), &asked_before, now, 30).len(), 1, "asked before this win still counts as not asked");
        let asked_after = [("c1".to_string(), 36 * DAY_MS)];
        assert!(after_sale(deals.iter(), &asked_after, now, 30).is_empty());
    }

    #[test]
    fn one_suggestion_per_customer_for_the_latest_win() {
        let now = 10 * DAY_MS;
        let deals = [deal("old", "c1", Some(2 * DAY_MS)), deal("new", "c1", Some(8 * DAY_MS)), deal("other", "c2", Some(9 * DAY_MS))];
        let got = after_sale(deals.iter(), &[], now, 30);
        assert_eq!(got.iter().map(|s| s.deal_id.as_str()).collect::<Vec<_>>(), ["other", "new"]);
    }
}
