//! Pipelines (قیف فروش) and their ordered stages. A deal names its stage by
//! the stage's id, never its position, so renaming or reordering stages
//! leaves every deal where it was.

use crate::check::{self, Field, FieldError, Problem};
use crate::store::RecordKind;
use serde::{Deserialize, Serialize};

pub const KIND: &str = "pipeline";

const MAX_NAME: usize = 100;
const MAX_STAGES: usize = 30;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stage {
    /// Unique within its pipeline; never changes.
    pub id: String,
    pub name: String,
    /// Chance of winning a deal in this stage, 0–100: the weighted sums.
    pub probability: u8,
    /// Days a deal may stay in this stage before it is "rotting"; 0 = never.
    pub rot_days: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pipeline {
    pub name: String,
    /// Board order, first column first.
    pub stages: Vec<Stage>,
    /// Lower comes first among pipelines.
    pub position: u32,
}

impl Pipeline {
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn first_stage(&self) -> Option<&Stage> {
        self.stages.first()
    }

    /// The same stages with the one at `from` moved to `to` (the settings'
    /// up and down buttons); None when either position is out of range.
    pub fn with_stage_moved(&self, from: usize, to: usize) -> Option<Pipeline> {
        if from >= self.stages.len() || to >= self.stages.len() {
            return None;
        }
        let mut stages = self.stages.clone();
        let stage = stages.remove(from);
        stages.insert(to, stage);
        Some(Pipeline { stages, ..self.clone() })
    }

    /// Cleans names and refuses what would break the board: no name, no
    /// stages, a nameless or repeated stage, a probability above 100.
    pub fn validated(&self) -> Result<Pipeline, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = check::required(&self.name, Field::Name, MAX_NAME, &mut errors);
        if self.stages.is_empty() {
            errors.push(FieldError { field: Field::Stage, problem: Problem::Required });
        }
        if self.stages.len() > MAX_STAGES {
            errors.push(FieldError { field: Field::Stage, problem: Problem::TooMany { max: MAX_STAGES } });
        }
        let mut stages = Vec::with_capacity(self.stages.len());
        for stage in &self.stages {
            let name = check::required(&stage.name, Field::Stage, MAX_NAME, &mut errors);
            if stage.id.is_empty() || stages.iter().any(|s: &Stage| s.id == stage.id) {
                errors.push(FieldError { field: Field::Stage, problem: Problem::Duplicate });
            }
            if stage.probability > 100 {
                errors.push(FieldError { field: Field::Probability, problem: Problem::OutOfRange { min: 0, max: 100 } });
            }
            stages.push(Stage { name, ..stage.clone() });
        }
        errors.dedup();
        if errors.is_empty() {
            Ok(Pipeline { name, stages, position: self.position })
        } else {
            Err(errors)
        }
    }
}

/// The pipelines a business starts with, until it edits them. Their ids are
/// fixed so two devices that both start from them agree once synced.
impl crate::store::RecordKind for Pipeline {
    const KIND: &'static str = KIND;
}

/// Pipelines are not searched, but lists that name records of any kind
/// (the sync review) name them like the rest.
impl crate::global_search::Searchable for Pipeline {
    fn search_entry(r: &crate::store::Envelope<Self>) -> crate::global_search::Entry {
        crate::global_search::Entry::named(&r.fields.name)
    }
}

pub fn defaults(lang: crate::locale::Lang) -> Vec<(String, Pipeline)> {
    let fa = lang == crate::locale::Lang::Fa;
    let name = |fa_name: &str, en_name: &str| if fa { fa_name.to_string() } else { en_name.to_string() };
    let stage = |id: &str, fa_name: &str, en_name: &str, probability: u8, rot_days: u32| Stage {
        id: id.to_string(),
        name: name(fa_name, en_name),
        probability,
        rot_days,
    };
    vec![
        (
            NEW_SALES.to_string(),
            Pipeline {
                name: name("فروش جدید", "New sales"),
                position: 0,
                stages: vec![
                    stage("lead", "سرنخ", "Lead", 5, 14),
                    stage("contacted", "تماس اولیه", "Contacted", 10, 14),
                    stage("needs", "نیازسنجی", "Needs analysis", 20, 21),
                    stage("demo", "ارائه و نمایش", "Presentation", 35, 21),
                    stage("quote", "پیش‌فاکتور", "Quote sent", 50, 14),
                    stage("negotiation", "مذاکره", "Negotiation", 65, 14),
                    stage("commit", "تعهد شفاهی", "Verbal commit", 80, 10),
                    stage("contract", "قرارداد", "Contract", 90, 7),
                ],
            },
        ),
        (
            RENEWALS.to_string(),
            Pipeline {
                name: name("تمدید", "Renewals"),
                position: 1,
                stages: vec![
                    stage("due", "نزدیک سررسید", "Coming due", 60, 30),
                    stage("offered", "پیشنهاد تمدید", "Offer sent", 75, 14),
                    stage("agreed", "توافق", "Agreed", 90, 7),
                ],
            },
        ),
        (
            SERVICE_UPSELL.to_string(),
            Pipeline {
                name: name("فروش خدمات", "Service upsell"),
                position: 2,
                stages: vec![
                    stage("idea", "فرصت", "Opportunity", 15, 30),
                    stage("proposal", "پیشنهاد", "Proposal", 40, 21),
                    stage("decision", "تصمیم‌گیری", "Decision", 70, 14),
                ],
            },
        ),
    ]
}

/// The reasons a user picks from when a deal is lost (free text is always
/// allowed too). One record with a fixed id, like the default pipelines.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LostReasons {
    pub reasons: Vec<String>,
}

pub const LOST_REASONS_KIND: &str = "lost_reasons";
pub const LOST_REASONS_ID: &str = "0d7a1f00-0000-4000-8000-0000000000a1";

impl RecordKind for LostReasons {
    const KIND: &'static str = LOST_REASONS_KIND;
}

impl LostReasons {
    pub fn defaults(lang: crate::locale::Lang) -> LostReasons {
        let fa = ["قیمت بالا", "خرید از رقیب", "نبود بودجه", "تصمیم به خرید نگرفت", "زمان‌بندی نامناسب", "محصول نیازش را برآورده نمی‌کرد", "پاسخی نداد"];
        let en = ["Price too high", "Bought from a competitor", "No budget", "No decision", "Bad timing", "Product did not fit", "No response"];
        let list = if lang == crate::locale::Lang::Fa { fa } else { en };
        LostReasons { reasons: list.iter().map(|s| s.to_string()).collect() }
    }

    /// One reason per line, cleaned, without blanks or repeats.
    pub fn from_lines(text: &str) -> LostReasons {
        let mut reasons: Vec<String> = Vec::new();
        for line in text.lines().map(check::clean).filter(|l| !l.is_empty()) {
            if !reasons.contains(&line) {
                reasons.push(line);
            }
        }
        LostReasons { reasons }
    }
}

pub const NEW_SALES: &str = "0d7a1f00-0000-4000-8000-000000000001";
pub const RENEWALS: &str = "0d7a1f00-0000-4000-8000-000000000002";
pub const SERVICE_UPSELL: &str = "0d7a1f00-0000-4000-8000-000000000003";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    fn sales() -> Pipeline {
        defaults(Lang::En).remove(0).1
    }

    #[test]
    fn moving_a_stage_keeps_every_stage_and_refuses_out_of_range() {
        let p = sales();
        let last = p.stages.len() - 1;
        let r = p.with_stage_moved(last, 0).unwrap();
        assert_eq!(r.stages.first().unwrap().id, "contract");
        assert_eq!(r.stages[1].id, "lead");
        assert_eq!(r.stage("demo"), p.stage("demo"));
        let mut ids: Vec<&str> = r.stages.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        let mut before: Vec<&str> = p.stages.iter().map(|s| s.id.as_str()).collect();
        before.sort_unstable();
        assert_eq!(ids, before);
        assert_eq!(p.with_stage_moved(3, 4).unwrap().stages[4].id, "demo");
        assert!(p.with_stage_moved(last + 1, 0).is_none());
        assert!(p.with_stage_moved(0, last + 1).is_none());
    }

    #[test]
    fn validation_names_each_problem() {
        assert!(sales().validated().is_ok());
        let mut p = sales();
        p.stages[1].id = "lead".into();
        p.stages[2].probability = 101;
        p.stages[3].name = "  ".into();
        let errors = p.validated().unwrap_err();
        let problems: Vec<Problem> = errors.iter().map(|e| e.problem).collect();
        assert!(problems.contains(&Problem::Duplicate));
        assert!(problems.contains(&Problem::OutOfRange { min: 0, max: 100 }));
        assert!(problems.contains(&Problem::Required));
        let empty = Pipeline { name: "x".into(), ..Default::default() };
        assert_eq!(empty.validated().unwrap_err()[0], FieldError { field: Field::Stage, problem: Problem::Required });
    }

    #[test]
    fn lost_reasons_from_lines_drop_blanks_and_repeats() {
        let r = LostReasons::from_lines(" Price \n\nPrice\n  No   budget ");
        assert_eq!(r.reasons, ["Price", "No budget"]);
        assert_eq!(LostReasons::defaults(Lang::Fa).reasons.len(), LostReasons::defaults(Lang::En).reasons.len());
    }

    #[test]
    fn default_ids_are_fixed_and_stage_ids_unique() {
        let a = defaults(Lang::Fa);
        let b = defaults(Lang::En);
        assert_eq!(a.iter().map(|p| &p.0).collect::<Vec<_>>(), b.iter().map(|p| &p.0).collect::<Vec<_>>());
        assert_eq!(a[0].1.stages.len(), 8);
        for (_, p) in a {
            assert!(p.validated().is_ok());
        }
    }
}
