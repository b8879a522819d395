//! Where a claim is in its life: the statuses, which moves between them the
//! UI may offer, and the history each move leaves, so repair times can be
//! measured and a reconsidered rejection still shows why it was rejected.

use super::{Claim, ClaimStep, MAX_TEXT};
use crate::check::{self, Field, FieldError, Problem};
use crate::save::SaveError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    #[default]
    Open,
    Diagnosed,
    Approved,
    Rejected,
    InRepair,
    Resolved,
    Closed,
}

impl ClaimStatus {
    pub const ALL: [ClaimStatus; 7] = [
        ClaimStatus::Open,
        ClaimStatus::Diagnosed,
        ClaimStatus::Approved,
        ClaimStatus::Rejected,
        ClaimStatus::InRepair,
        ClaimStatus::Resolved,
        ClaimStatus::Closed,
    ];

    /// Still waiting on the business (a decision or a repair): what the
    /// open counts count. A rejected claim waits on nobody.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ClaimStatus::Open
                | ClaimStatus::Diagnosed
                | ClaimStatus::Approved
                | ClaimStatus::InRepair
        )
    }
}

/// The statuses a claim in `status` may move to, for the UI's buttons:
/// open → diagnosed → approved or rejected → in repair → resolved → closed;
/// also resolved → in repair (the fix did not hold), rejected → closed and
/// rejected → diagnosed (reconsidered). A closed claim is final.
pub fn allowed_next(status: ClaimStatus) -> &'static [ClaimStatus] {
    use ClaimStatus::*;
    match status {
        Open => &[Diagnosed],
        Diagnosed => &[Approved, Rejected],
        Approved => &[InRepair],
        Rejected => &[Closed, Diagnosed],
        InRepair => &[Resolved],
        Resolved => &[Closed, InRepair],
        Closed => &[],
    }
}

/// Why a change to a claim was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusError {
    /// Not a move the status machine has (see [`allowed_next`]).
    NotAllowed { from: ClaimStatus, to: ClaimStatus },
    /// A closed claim's work and cost are final.
    Closed,
    /// The change is allowed but what came with it is missing or wrong.
    Fields(Vec<FieldError>),
}

impl From<StatusError> for SaveError {
    /// A step the stored claim no longer allows was taken from a page that
    /// showed it earlier (another tab moved or closed it meanwhile).
    fn from(e: StatusError) -> Self {
        match e {
            StatusError::NotAllowed { .. } | StatusError::Closed => SaveError::NotAllowed,
            StatusError::Fields(errors) => SaveError::Invalid(errors),
        }
    }
}

impl Claim {
    /// Moved to `to` with a `note`: the reason when rejecting (required),
    /// the diagnosis when diagnosing, the resolution when resolving (both
    /// optional). Going back to repair clears the resolution, and
    /// reconsidering clears the reject reason; both stay in the history.
    pub fn moved(&self, to: ClaimStatus, note: &str, now_ms: i64) -> Result<Claim, StatusError> {
        if !allowed_next(self.status).contains(&to) {
            return Err(StatusError::NotAllowed {
                from: self.status,
                to,
            });
        }
        let mut errors = Vec::new();
        let note = check::long_text(note, Field::Notes, MAX_TEXT, &mut errors);
        if to == ClaimStatus::Rejected && note.is_empty() {
            errors.push(FieldError {
                field: Field::Notes,
                problem: Problem::Required,
            });
        }
        if !errors.is_empty() {
            return Err(StatusError::Fields(errors));
        }
        let mut claim = Claim {
            status: to,
            ..self.clone()
        };
        match to {
            ClaimStatus::Diagnosed => {
                claim.reject_reason.clear();
                if !note.is_empty() {
                    claim.diagnosis = note.clone();
                }
            }
            ClaimStatus::Rejected => claim.reject_reason = note.clone(),
            ClaimStatus::InRepair => claim.resolution.clear(),
            ClaimStatus::Resolved => claim.resolution = note.clone(),
            ClaimStatus::Open | ClaimStatus::Approved | ClaimStatus::Closed => {}
        }
        claim.steps.push(ClaimStep {
            at: now_ms,
            status: to,
            note,
        });
        Ok(claim)
    }

    /// When it reached Resolved the last time (ms), for repair time; None
    /// while it is still open, since a fix that did not hold was no fix.
    pub fn resolved_ms(&self) -> Option<i64> {
        if self.status.is_open() {
            return None;
        }
        self.steps
            .iter()
            .rev()
            .find(|s| s.status == ClaimStatus::Resolved)
            .map(|s| s.at)
    }

    /// When it was closed (the last Closed step), for the after-service
    /// survey suggestion.
    pub fn closed_ms(&self) -> Option<i64> {
        if self.status != ClaimStatus::Closed {
            return None;
        }
        self.steps
            .iter()
            .rev()
            .find(|s| s.status == ClaimStatus::Closed)
            .map(|s| s.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warranty::claims::test_support::*;
    use ClaimStatus::*;

    #[test]
    fn a_step_a_closed_or_moved_claim_no_longer_allows_is_not_allowed() {
        assert_eq!(SaveError::from(in_status(Closed).moved(InRepair, "", 1).unwrap_err()), SaveError::NotAllowed);
        assert_eq!(SaveError::from(StatusError::Closed), SaveError::NotAllowed);
        assert!(matches!(SaveError::from(in_status(Diagnosed).moved(Rejected, "", 1).unwrap_err()), SaveError::Invalid(_)));
    }

    #[test]
    fn every_transition_is_allowed_or_refused_by_the_table() {
        let allowed = [
            (Open, Diagnosed),
            (Diagnosed, Approved),
            (Diagnosed, Rejected),
            (Approved, InRepair),
            (Rejected, Closed),
            (Rejected, Diagnosed),
            (InRepair, Resolved),
            (Resolved, Closed),
            (Resolved, InRepair),
        ];
        for from in ClaimStatus::ALL {
            for to in ClaimStatus::ALL {
                let ok = allowed.contains(&(from, to));
                assert_eq!(allowed_next(from).contains(&to), ok, "{from:?} → {to:?}");
                let before = in_status(from);
                assert_eq!(before.status, from);
                match before.moved(to, "because", 1_000) {
                    Ok(after) => {
                        assert!(ok, "{from:?} → {to:?} should be refused");
                        assert_eq!(after.status, to);
                        assert_eq!(after.steps.len(), before.steps.len() + 1);
                        assert_eq!(
                            after.steps.last(),
                            Some(&ClaimStep {
                                at: 1_000,
                                status: to,
                                note: "because".into()
                            })
                        );
                    }
                    Err(e) => {
                        assert!(!ok, "{from:?} → {to:?} should be allowed");
                        assert_eq!(e, StatusError::NotAllowed { from, to });
                    }
                }
            }
        }
        assert!(allowed_next(Closed).is_empty());
        assert_eq!(
            in_status(Open).moved(Approved, "", 1),
            Err(StatusError::NotAllowed {
                from: Open,
                to: Approved
            })
        );
        assert_eq!(
            in_status(Approved).moved(Resolved, "", 1),
            Err(StatusError::NotAllowed {
                from: Approved,
                to: Resolved
            })
        );
        assert_eq!(
            in_status(Closed).moved(InRepair, "", 1),
            Err(StatusError::NotAllowed {
                from: Closed,
                to: InRepair
            })
        );
    }

    #[test]
    fn open_means_waiting_on_the_business() {
        let open: Vec<ClaimStatus> = ClaimStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect();
        assert_eq!(open, [Open, Diagnosed, Approved, InRepair]);
    }

    #[test]
    fn rejecting_needs_a_reason_which_reconsidering_clears() {
        let diagnosed = in_status(Diagnosed);
        let required = StatusError::Fields(vec![FieldError {
            field: Field::Notes,
            problem: Problem::Required,
        }]);
        assert_eq!(diagnosed.moved(Rejected, " \n ", 5), Err(required));
        let too_long = StatusError::Fields(vec![FieldError {
            field: Field::Notes,
            problem: Problem::TooLong { max: MAX_TEXT },
        }]);
        assert_eq!(
            diagnosed.moved(Rejected, &"x".repeat(MAX_TEXT + 1), 5),
            Err(too_long)
        );

        let rejected = diagnosed.moved(Rejected, " Water damage ", 600).unwrap();
        assert_eq!(rejected.reject_reason, "Water damage");
        assert_eq!(
            rejected.moved(Closed, "", 700).unwrap().reject_reason,
            "Water damage"
        );
        let reconsidered = rejected.moved(Diagnosed, "", 700).unwrap();
        assert_eq!(
            (
                reconsidered.reject_reason.as_str(),
                reconsidered.diagnosis.as_str()
            ),
            ("", "board burnt"),
            "an empty note keeps the diagnosis"
        );
        assert_eq!(
            rejected
                .moved(Diagnosed, "only the fuse", 700)
                .unwrap()
                .diagnosis,
            "only the fuse"
        );
        let notes: Vec<&str> = reconsidered.steps.iter().map(|s| s.note.as_str()).collect();
        assert_eq!(notes, ["", "board burnt", "Water damage", ""]);
    }

    #[test]
    fn steps_record_the_notes_and_a_fix_that_did_not_hold_clears_the_resolution() {
        let c = opened(Some(FULL));
        assert_eq!((c.resolved_ms(), c.closed_ms()), (None, None));
        let c = c.moved(Diagnosed, "fan seized", 200).unwrap();
        assert_eq!(c.diagnosis, "fan seized");
        let c = c
            .moved(Approved, "", 300)
            .unwrap()
            .moved(InRepair, "", 400)
            .unwrap();
        let c = c.moved(Resolved, "fan replaced", 1_000).unwrap();
        assert_eq!(
            (c.resolution.as_str(), c.resolved_ms()),
            ("fan replaced", Some(1_000))
        );

        let c = c.moved(InRepair, "noise is back", 2_000).unwrap();
        assert_eq!((c.resolution.as_str(), c.resolved_ms()), ("", None));
        let c = c.moved(Resolved, "", 3_000).unwrap();
        assert_eq!(
            (c.resolution.as_str(), c.resolved_ms(), c.closed_ms()),
            ("", Some(3_000), None)
        );
        let c = c.moved(Closed, "", 4_000).unwrap();
        assert_eq!((c.resolved_ms(), c.closed_ms()), (Some(3_000), Some(4_000)));

        let steps: Vec<(i64, ClaimStatus, &str)> = c
            .steps
            .iter()
            .map(|s| (s.at, s.status, s.note.as_str()))
            .collect();
        assert_eq!(
            steps,
            [
                (100, Open, ""),
                (200, Diagnosed, "fan seized"),
                (300, Approved, ""),
                (400, InRepair, ""),
                (1_000, Resolved, "fan replaced"),
                (2_000, InRepair, "noise is back"),
                (3_000, Resolved, ""),
                (4_000, Closed, ""),
            ]
        );
        let rejected_closed = in_status(Rejected).moved(Closed, "", 900).unwrap();
        assert_eq!(
            (rejected_closed.resolved_ms(), rejected_closed.closed_ms()),
            (None, Some(900))
        );
    }
}
