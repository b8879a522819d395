//! The after-service survey suggestion: which customers with a recently
//! closed claim the inbox should offer to ask how the service went.

use super::Claim;
use crate::store::Envelope;
use std::cmp::Reverse;
use std::collections::HashSet;

const DAY_MS: i64 = 86_400_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceSuggestion {
    pub claim_id: String,
    pub customer_id: String,
    pub closed_ms: i64,
}

/// After a claim is closed, the inbox suggests the after-service survey to
/// that customer until a link goes out or an answer comes in (the twin of
/// [`crate::surveys::suggest::after_sale`]). Claims closed within `days` of
/// `now_ms`, newest first, whose customer has not been asked since: `asked`
/// lists (customer id, when) for every link issued and every response
/// given on the after-service survey. One suggestion per customer, for
/// their latest closed claim.
pub fn after_service<'a>(
    claims: impl Iterator<Item = &'a Envelope<Claim>>,
    asked: &[(String, i64)],
    now_ms: i64,
    days: i64,
) -> Vec<ServiceSuggestion> {
    let mut out: Vec<ServiceSuggestion> = claims
        .filter(|c| !c.deleted && !c.fields.customer_id.is_empty())
        .filter_map(|c| {
            let closed_ms = c.fields.closed_ms()?;
            let recent = now_ms - closed_ms <= days * DAY_MS;
            let asked_since = asked
                .iter()
                .any(|(customer, at)| *customer == c.fields.customer_id && *at >= closed_ms);
            (recent && !asked_since).then(|| ServiceSuggestion {
                claim_id: c.id.clone(),
                customer_id: c.fields.customer_id.clone(),
                closed_ms,
            })
        })
        .collect();
    out.sort_by_key(|s| Reverse(s.closed_ms));
    let mut seen = HashSet::new();
    out.retain(|s| seen.insert(s.customer_id.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warranty::claims::test_support::*;
    use crate::warranty::claims::ClaimStatus::*;

    fn envelope(id: &str, customer: &str, closed_at: Option<i64>) -> Envelope<Claim> {
        let c = Claim {
            customer_id: customer.into(),
            ..in_status(Resolved)
        };
        let fields = match closed_at {
            Some(at) => c.moved(Closed, "", at).unwrap(),
            None => c,
        };
        Envelope {
            kind: crate::warranty::CLAIM.into(),
            id: id.into(),
            rev: 1,
            created_at: 0,
            updated_at: 0,
            deleted: false,
            fields,
        }
    }

    #[test]
    fn a_recently_closed_claim_is_suggested_until_the_customer_is_asked() {
        let now = 40 * DAY_MS;
        let deleted = Envelope {
            deleted: true,
            ..envelope("k5", "c5", Some(38 * DAY_MS))
        };
        let claims = [
            envelope("k1", "c1", Some(35 * DAY_MS)),
            envelope("k2", "c2", Some(5 * DAY_MS)),
            envelope("k3", "c3", None),
            envelope("k4", "", Some(39 * DAY_MS)),
            deleted,
        ];
        let got = after_service(claims.iter(), &[], now, 30);
        let expected = [ServiceSuggestion {
            claim_id: "k1".into(),
            customer_id: "c1".into(),
            closed_ms: 35 * DAY_MS,
        }];
        assert_eq!(
            got, expected,
            "old, unclosed, deleted and customerless claims are not suggested"
        );
        assert_eq!(
            after_service(claims.iter(), &[], now, 35).len(),
            2,
            "exactly `days` ago still counts"
        );
        let asked_before = [
            ("c1".to_string(), 34 * DAY_MS),
            ("c2".to_string(), 36 * DAY_MS),
        ];
        assert_eq!(
            after_service(claims.iter(), &asked_before, now, 30),
            expected,
            "asked before this closing still counts as not asked"
        );
        let asked_after = [("c1".to_string(), 35 * DAY_MS)];
        assert!(after_service(claims.iter(), &asked_after, now, 30).is_empty());
    }

    #[test]
    fn one_suggestion_per_customer_for_the_latest_closed_claim() {
        let now = 10 * DAY_MS;
        let claims = [
            envelope("old", "c1", Some(2 * DAY_MS)),
            envelope("new", "c1", Some(8 * DAY_MS)),
            envelope("other", "c2", Some(9 * DAY_MS)),
        ];
        let got = after_service(claims.iter(), &[], now, 30);
        assert_eq!(
            got.iter().map(|s| s.claim_id.as_str()).collect::<Vec<_>>(),
            ["other", "new"]
        );
    }
}
