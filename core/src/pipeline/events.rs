//! What each step of a deal means, for the customer's timeline: the rule
//! lives here, the words in the app.

use super::deal::{Deal, Status, Step};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealEvent {
    Created,
    /// To another stage, still open.
    Moved,
    /// Open again after it was won or lost.
    Reopened,
    Won,
    Lost,
}

impl Deal {
    /// Each step with what it meant: the first made the deal; a later one
    /// won or lost it, moved it on, or reopened it after a close.
    pub fn events(&self) -> Vec<(&Step, DealEvent)> {
        let mut previous: Option<Status> = None;
        self.steps
            .iter()
            .map(|step| {
                let event = match (previous, step.status) {
                    (None, _) => DealEvent::Created,
                    (_, Status::Won) => DealEvent::Won,
                    (_, Status::Lost) => DealEvent::Lost,
                    (Some(p), Status::Open) if p != Status::Open => DealEvent::Reopened,
                    (Some(_), Status::Open) => DealEvent::Moved,
                };
                previous = Some(step.status);
                (step, event)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_read_as_created_moved_closed_and_reopened() {
        let step = |status| Step { status, ..Default::default() };
        let deal = Deal { steps: vec![step(Status::Open), step(Status::Open), step(Status::Lost), step(Status::Open), step(Status::Open), step(Status::Won)], ..Default::default() };
        let events: Vec<DealEvent> = deal.events().into_iter().map(|(_, e)| e).collect();
        use DealEvent::*;
        assert_eq!(events, vec![Created, Moved, Lost, Reopened, Moved, Won]);
        let won_at_once = Deal { steps: vec![step(Status::Won)], ..Default::default() };
        assert_eq!(won_at_once.events()[0].1, Created, "the first step made the deal, whatever its status");
        assert!(Deal::default().events().is_empty());
    }
}
