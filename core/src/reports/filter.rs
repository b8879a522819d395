//! Whose and which records a report looks at: one filter for every report,
//! so switching reports keeps what the manager picked.

use super::facts::CustomerFacts;
use crate::customers::ValueSegment;
use crate::pipeline::Deal;
use std::collections::HashSet;
use std::sync::Arc;

/// Empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub owner: String,
    pub pipeline_id: String,
    /// The customers a tag or segment picked (see [`Filter::customers_of`]);
    /// None when neither is picked. A record of no customer is then left out.
    pub customers: Option<Arc<HashSet<String>>>,
}

impl Filter {
    /// The customers holding `tag` (when not empty) and in `segment` (when
    /// picked); None when neither narrows.
    pub fn customers_of<'a>(tag: &str, segment: Option<ValueSegment>, all: impl IntoIterator<Item = (&'a String, &'a CustomerFacts)>) -> Option<Arc<HashSet<String>>> {
        if tag.is_empty() && segment.is_none() {
            return None;
        }
        let picked = all
            .into_iter()
            .filter(|(_, c)| (tag.is_empty() || c.tags.iter().any(|t| t == tag)) && (segment.is_none() || c.value_segment == segment))
            .map(|(id, _)| id.clone())
            .collect();
        Some(Arc::new(picked))
    }

    pub(super) fn deal(&self, deal: &Deal) -> bool {
        self.owner(&deal.owner) && self.pipeline(deal) && self.customer(&deal.customer_id)
    }

    pub(super) fn pipeline(&self, deal: &Deal) -> bool {
        self.pipeline_id.is_empty() || deal.pipeline_id == self.pipeline_id
    }

    pub(super) fn owner(&self, owner: &str) -> bool {
        self.owner.is_empty() || owner == self.owner
    }

    pub(super) fn customer(&self, id: &str) -> bool {
        self.customers.as_ref().is_none_or(|picked| picked.contains(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_and_a_segment_pick_the_customers_holding_both() {
        let customer = |tags: &[&str], segment| CustomerFacts { tags: tags.iter().map(|t| t.to_string()).collect(), value_segment: segment, ..Default::default() };
        let all = [
            ("a".to_string(), customer(&["vip", "tehran"], Some(ValueSegment::A))),
            ("b".to_string(), customer(&["vip"], Some(ValueSegment::B))),
            ("c".to_string(), customer(&[], Some(ValueSegment::A))),
        ];
        let ids = |tag: &str, segment| {
            let picked = Filter::customers_of(tag, segment, all.iter().map(|(id, c)| (id, c)))?;
            let mut ids: Vec<String> = picked.iter().cloned().collect();
            ids.sort();
            Some(ids)
        };
        assert_eq!(ids("", None), None);
        assert_eq!(ids("vip", None), Some(vec!["a".into(), "b".into()]));
        assert_eq!(ids("", Some(ValueSegment::A)), Some(vec!["a".into(), "c".into()]));
        assert_eq!(ids("vip", Some(ValueSegment::A)), Some(vec!["a".into()]));
        assert_eq!(ids("nobody", None), Some(vec![]));
        let vip = Filter { customers: Filter::customers_of("vip", None, all.iter().map(|(id, c)| (id, c))), ..Default::default() };
        let deal = |customer_id: &str| Deal { customer_id: customer_id.into(), ..Default::default() };
        assert_eq!([vip.deal(&deal("a")), vip.deal(&deal("c")), vip.deal(&deal(""))], [true, false, false]);
    }
}
