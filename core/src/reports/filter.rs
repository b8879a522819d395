//! Whose and which records a report looks at: one filter for every report,
//! so switching reports keeps what the manager picked.

use crate::pipeline::Deal;

/// Empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub owner: String,
    pub pipeline_id: String,
}

impl Filter {
    pub(super) fn deal(&self, deal: &Deal) -> bool {
        self.owner(&deal.owner) && self.pipeline(deal)
    }

    pub(super) fn pipeline(&self, deal: &Deal) -> bool {
        self.pipeline_id.is_empty() || deal.pipeline_id == self.pipeline_id
    }

    pub(super) fn owner(&self, owner: &str) -> bool {
        self.owner.is_empty() || owner == self.owner
    }
}
