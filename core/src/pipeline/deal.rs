//! A deal (فرصت فروش): what is being sold to whom, where it stands, and
//! every step it took — stage moves, wins, losses, reopenings — with when.

use super::lines::{self, LineItem};
use super::pipelines::Pipeline;
use crate::check::{self, Field, FieldError, Problem};
use crate::locale::{Currency, Lang};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Order, Searchable};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::{Envelope, Record, RecordKind};

pub const KIND: &str = "deal";

const MAX_SHORT: usize = 200;
const MAX_NOTES: usize = 10_000;
const MAX_LINES: usize = 100;
const DAY_MS: i64 = 86_400_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    Won,
    Lost,
}

/// One step of the deal's history: the stage and status it had from `at` on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Step {
    pub at: i64,
    pub stage: String,
    /// The stage's name at that moment: history reads as it happened.
    pub stage_name: String,
    pub status: Status,
    /// Why, for a loss.
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deal {
    pub title: String,
    pub customer_id: String,
    pub contact_id: String,
    pub owner: String,
    /// Minor units of `currency`; the lines' net total when there are lines.
    pub amount: i64,
    pub currency: Currency,
    pub expected_close: Option<NaiveDate>,
    /// Source or campaign the deal came from.
    pub source: String,
    pub pipeline_id: String,
    /// The stage's id within the pipeline (see [`super::Stage`]).
    pub stage: String,
    pub status: Status,
    pub lost_reason: String,
    pub lost_note: String,
    pub closed_on: Option<NaiveDate>,
    pub competitor_ids: Vec<String>,
    pub next_step: String,
    pub next_step_on: Option<NaiveDate>,
    pub notes: String,
    pub lines: Vec<LineItem>,
    pub steps: Vec<Step>,
}

/// What the deal form sends; amounts as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DealInput {
    pub title: String,
    pub customer_id: String,
    pub contact_id: String,
    pub owner: String,
    pub amount: String,
    pub currency: Currency,
    pub expected_close: Option<NaiveDate>,
    pub source: String,
    pub pipeline_id: String,
    pub stage: String,
    pub competitor_ids: Vec<String>,
    pub next_step: String,
    pub next_step_on: Option<NaiveDate>,
    pub notes: String,
    pub lines: Vec<LineItem>,
}

impl DealInput {
    /// The form for `d`, its amount in `lang`'s digits and marks.
    pub fn from_deal(d: &Deal, lang: Lang) -> Self {
        Self {
            title: d.title.clone(),
            customer_id: d.customer_id.clone(),
            contact_id: d.contact_id.clone(),
            owner: d.owner.clone(),
            amount: if d.amount == 0 { String::new() } else { crate::locale::format_amount(d.amount, d.currency, lang) },
            currency: d.currency,
            expected_close: d.expected_close,
            source: d.source.clone(),
            pipeline_id: d.pipeline_id.clone(),
            stage: d.stage.clone(),
            competitor_ids: d.competitor_ids.clone(),
            next_step: d.next_step.clone(),
            next_step_on: d.next_step_on,
            notes: d.notes.clone(),
            lines: d.lines.clone(),
        }
    }
}

/// Why a move on the board was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveError {
    /// The target stage is not in the deal's pipeline.
    UnknownStage,
}

/// The fields of a new deal, or of an edited one before its history is kept.
fn checked(input: &DealInput, pipeline: &Pipeline) -> Result<Deal, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = check::required(&input.title, Field::Subject, MAX_SHORT, &mut errors);
    if input.customer_id.is_empty() {
        errors.push(FieldError { field: Field::Customer, problem: Problem::Required });
    }
    if pipeline.stage(&input.stage).is_none() {
        errors.push(FieldError { field: Field::Stage, problem: Problem::Required });
    }
    if input.lines.len() > MAX_LINES {
        errors.push(FieldError { field: Field::Quantity, problem: Problem::TooMany { max: MAX_LINES } });
    }
    let typed = check::money(&input.amount, Field::Amount, input.currency, &mut errors);
    let amount = if input.lines.is_empty() { typed } else { lines::totals(&input.lines).net };
    let notes = check::long_text(&input.notes, Field::Notes, MAX_NOTES, &mut errors);
    let next_step = check::long_text(&input.next_step, Field::Other, MAX_SHORT, &mut errors);
    let mut competitor_ids = input.competitor_ids.clone();
    competitor_ids.dedup();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Deal {
        title,
        customer_id: input.customer_id.clone(),
        contact_id: input.contact_id.clone(),
        owner: check::clean(&input.owner),
        amount,
        currency: input.currency,
        expected_close: input.expected_close,
        source: check::clean(&input.source),
        pipeline_id: input.pipeline_id.clone(),
        stage: input.stage.clone(),
        competitor_ids,
        next_step,
        next_step_on: input.next_step_on,
        notes,
        lines: input.lines.clone(),
        ..Deal::default()
    })
}

/// Creates a deal in `pipeline`, or saves its form over `existing` (see [`Deal::edited`]).
pub fn save(existing: Option<&Record>, input: &DealInput, pipeline: &Pipeline, env: &dyn Env) -> Result<Saved, SaveError> {
    let now = env.now_ms();
    let deal = match save::current::<Deal>(existing)? {
        Some(old) => old.edited(input, pipeline, now)?,
        None => validate(input, pipeline, now)?,
    };
    Ok(save::save(existing, &deal, env)?)
}

/// A new open deal in the input's stage, its history starting `now`.
pub fn validate(input: &DealInput, pipeline: &Pipeline, now: i64) -> Result<Deal, Vec<FieldError>> {
    let mut deal = checked(input, pipeline)?;
    deal.steps.push(deal.step(pipeline, now));
    Ok(deal)
}

impl Deal {
    /// The step saying the deal is in its current stage and status from `at` on.
    pub fn step(&self, pipeline: &Pipeline, at: i64) -> Step {
        Step {
            at,
            stage: self.stage.clone(),
            stage_name: pipeline.stage(&self.stage).map(|s| s.name.clone()).unwrap_or_default(),
            status: self.status,
            reason: if self.status == Status::Lost { self.lost_reason.clone() } else { String::new() },
        }
    }

    /// The deal as edited in its form: status and history stay; a changed
    /// stage (or pipeline) counts as a move.
    pub fn edited(&self, input: &DealInput, pipeline: &Pipeline, now: i64) -> Result<Deal, Vec<FieldError>> {
        let fields = checked(input, pipeline)?;
        let moved = fields.stage != self.stage || fields.pipeline_id != self.pipeline_id;
        let mut deal = Deal {
            status: self.status,
            lost_reason: self.lost_reason.clone(),
            lost_note: self.lost_note.clone(),
            closed_on: self.closed_on,
            steps: self.steps.clone(),
            ..fields
        };
        if moved {
            deal.steps.push(deal.step(pipeline, now));
        }
        Ok(deal)
    }

    /// Moved to another stage of its pipeline; a won or lost deal moved
    /// back onto the board is open again. None when nothing changes.
    pub fn moved(&self, pipeline: &Pipeline, stage: &str, now: i64) -> Result<Option<Deal>, MoveError> {
        if pipeline.stage(stage).is_none() {
            return Err(MoveError::UnknownStage);
        }
        if stage == self.stage && self.status == Status::Open {
            return Ok(None);
        }
        let mut deal = Deal {
            stage: stage.to_string(),
            status: Status::Open,
            lost_reason: String::new(),
            lost_note: String::new(),
            closed_on: None,
            ..self.clone()
        };
        deal.steps.push(deal.step(pipeline, now));
        Ok(Some(deal))
    }

    pub fn won(&self, pipeline: &Pipeline, on: NaiveDate, now: i64) -> Deal {
        let mut deal = Deal { status: Status::Won, closed_on: Some(on), lost_reason: String::new(), lost_note: String::new(), ..self.clone() };
        deal.steps.push(deal.step(pipeline, now));
        deal
    }

    /// Lost, which needs a reason (from the business's list or typed).
    pub fn lost(&self, pipeline: &Pipeline, reason: &str, note: &str, on: NaiveDate, now: i64) -> Result<Deal, Vec<FieldError>> {
        let mut errors = Vec::new();
        let reason = check::required(reason, Field::LostReason, MAX_SHORT, &mut errors);
        let note = check::long_text(note, Field::Notes, MAX_NOTES, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut deal = Deal { status: Status::Lost, closed_on: Some(on), lost_reason: reason, lost_note: note, ..self.clone() };
        deal.steps.push(deal.step(pipeline, now));
        Ok(deal)
    }

    /// When the deal entered its current stage (its creation if unknown).
    pub fn in_stage_since(&self) -> Option<i64> {
        // Back through the steps in this stage, stopping at a close: a deal
        // reopened into its old stage starts counting again.
        let mut since = None;
        for step in self.steps.iter().rev() {
            if step.stage != self.stage || (since.is_some() && step.status != Status::Open) {
                break;
            }
            since = Some(step.at);
        }
        since
    }

    /// Whole days spent in the current stage so far.
    pub fn days_in_stage(&self, now: i64) -> i64 {
        self.in_stage_since().map_or(0, |since| (now - since).max(0) / DAY_MS)
    }

    /// An open deal left in its stage longer than the stage allows.
    pub fn is_rotting(&self, pipeline: &Pipeline, now: i64) -> bool {
        let limit = pipeline.stage(&self.stage).map_or(0, |s| s.rot_days);
        self.status == Status::Open && limit > 0 && self.days_in_stage(now) > i64::from(limit)
    }

    /// Amount × the stage's probability (0 once closed: it is no longer a forecast).
    pub fn weighted(&self, pipeline: &Pipeline) -> i64 {
        if self.status != Status::Open {
            return 0;
        }
        self.weighted_in(pipeline, &self.stage)
    }

    /// Amount × the probability of `stage`: where the deal stood at some
    /// moment of its history (stages keep their ids when renamed).
    pub fn weighted_in(&self, pipeline: &Pipeline, stage: &str) -> i64 {
        weigh(self.amount, pipeline.stage(stage).map_or(0, |s| s.probability))
    }

    /// Milliseconds spent in each stage, in the order first entered; a
    /// stage entered twice adds up. Time after a win or loss is not counted.
    pub fn time_in_stages(&self, now: i64) -> Vec<(String, i64)> {
        let mut out: Vec<(String, i64)> = Vec::new();
        for (i, step) in self.steps.iter().enumerate() {
            if step.status != Status::Open {
                continue;
            }
            let end = self.steps.get(i + 1).map_or(now, |next| next.at);
            let spent = (end - step.at).max(0);
            match out.iter_mut().find(|(stage, _)| *stage == step.stage) {
                Some((_, total)) => *total += spent,
                None => out.push((step.stage.clone(), spent)),
            }
        }
        out
    }
}

/// `amount` × `probability` %, rounded down: weighted sums never promise
/// more than the deals.
pub(super) fn weigh(amount: i64, probability: u8) -> i64 {
    (i128::from(amount) * i128::from(probability) / 100) as i64
}

impl RecordKind for Deal {
    const KIND: &'static str = KIND;
}

impl Searchable for Deal {
    /// Found by its words, not its amount; the most recently worked on first.
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let d = &r.fields;
        Entry {
            title: d.title.clone(),
            text: [&d.title, &d.notes, &d.next_step, &d.source, &d.lost_reason, &d.lost_note].map(String::as_str).join(" "),
            customer_id: d.customer_id.clone(),
            within: String::new(),
            order: Order::newest(r.updated_at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;
    use crate::pipeline::pipelines::defaults;

    fn sales() -> Pipeline {
        defaults(Lang::En).remove(0).1
    }

    fn input() -> DealInput {
        DealInput { title: "Ten printers".into(), customer_id: "c1".into(), amount: "۱٬۰۰۰٬۰۰۰".into(), stage: "quote".into(), ..Default::default() }
    }

    fn day(n: i64) -> i64 {
        n * DAY_MS
    }

    #[test]
    fn a_new_deal_needs_a_title_a_customer_and_a_known_stage() {
        let d = validate(&input(), &sales(), 0).unwrap();
        assert_eq!((d.amount, d.status, d.steps.len()), (1_000_000, Status::Open, 1));
        assert_eq!(d.steps[0].stage_name, "Quote sent");
        let bad = DealInput { title: " ".into(), customer_id: String::new(), stage: "gone".into(), amount: "lots".into(), ..Default::default() };
        let fields: Vec<Field> = validate(&bad, &sales(), 0).unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Subject, Field::Customer, Field::Stage, Field::Amount]);
    }

    #[test]
    fn lines_decide_the_amount() {
        let line = LineItem { quantity: 2, unit_price: 300, discount_bp: 5_000, ..Default::default() };
        let d = validate(&DealInput { lines: vec![line], ..input() }, &sales(), 0).unwrap();
        assert_eq!(d.amount, 300);
    }

    #[test]
    fn losing_needs_a_reason_and_reopening_clears_it() {
        let p = sales();
        let d = validate(&input(), &p, 0).unwrap();
        let on = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let refused = d.lost(&p, "   ", "", on, 5).unwrap_err();
        assert_eq!(refused, [FieldError { field: Field::LostReason, problem: Problem::Required }]);
        let lost = d.lost(&p, "Price too high", "", on, 5).unwrap();
        assert_eq!((lost.status, lost.closed_on, lost.steps.last().unwrap().reason.as_str()), (Status::Lost, Some(on), "Price too high"));
        assert_eq!(lost.weighted(&p), 0);
        let back = lost.moved(&p, "negotiation", 9).unwrap().unwrap();
        assert_eq!((back.status, back.lost_reason.as_str(), back.closed_on), (Status::Open, "", None));
        let won = back.won(&p, on, 10);
        assert_eq!((won.status, won.steps.len()), (Status::Won, 4));
    }

    #[test]
    fn moves_refuse_unknown_stages_and_skip_no_ops() {
        let p = sales();
        let d = validate(&input(), &p, 0).unwrap();
        assert_eq!(d.moved(&p, "nope", 1), Err(MoveError::UnknownStage));
        assert_eq!(d.moved(&p, "quote", 1), Ok(None));
        let moved = d.moved(&p, "negotiation", 1).unwrap().unwrap();
        assert_eq!(moved.steps.last().unwrap().stage_name, "Negotiation");
    }

    #[test]
    fn weighted_amount_uses_the_stage_probability() {
        let p = sales();
        let d = validate(&DealInput { amount: "999".into(), ..input() }, &p, 0).unwrap();
        // 50 % of 999, rounded down: weighted sums never promise more than the deals.
        assert_eq!(d.weighted(&p), 499);
        let lead = d.moved(&p, "lead", 1).unwrap().unwrap();
        assert_eq!(lead.weighted(&p), 49);
    }

    #[test]
    fn rotting_counts_whole_days_in_the_current_stage_only() {
        let p = sales();
        // "quote" allows 14 days.
        let d = validate(&input(), &p, 0).unwrap();
        assert!(!d.is_rotting(&p, day(14)));
        assert!(d.is_rotting(&p, day(15)));
        let moved = d.moved(&p, "negotiation", day(13)).unwrap().unwrap();
        assert_eq!(moved.days_in_stage(day(20)), 7);
        assert!(!moved.is_rotting(&p, day(20)));
        let won = d.won(&p, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), day(1));
        assert!(!won.is_rotting(&p, day(100)));
        let mut never = p.clone();
        never.stages.iter_mut().for_each(|s| s.rot_days = 0);
        assert!(!d.is_rotting(&never, day(1000)));
    }

    #[test]
    fn a_deal_reopened_into_its_old_stage_is_not_rotting_at_once() {
        let p = sales();
        let d = validate(&input(), &p, 0).unwrap();
        let lost = d.lost(&p, "price", "", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), day(30)).unwrap();
        let back = lost.moved(&p, "quote", day(40)).unwrap().unwrap();
        assert_eq!(back.in_stage_since(), Some(day(40)));
        assert!(!back.is_rotting(&p, day(41)));
    }

    #[test]
    fn time_in_stages_adds_repeat_visits_and_stops_at_closing() {
        let p = sales();
        let d = validate(&input(), &p, 0).unwrap();
        let d = d.moved(&p, "negotiation", day(2)).unwrap().unwrap();
        let d = d.moved(&p, "quote", day(5)).unwrap().unwrap();
        let d = d.won(&p, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), day(6));
        assert_eq!(d.time_in_stages(day(50)), [("quote".to_string(), day(3)), ("negotiation".to_string(), day(3))]);
        assert_eq!(d.in_stage_since(), Some(day(5)));
    }

    #[test]
    fn edits_keep_history_and_count_a_changed_stage_as_a_move() {
        let p = sales();
        let d = validate(&input(), &p, 0).unwrap();
        let same = d.edited(&DealInput { title: "Twelve printers".into(), ..DealInput::from_deal(&d, Lang::Fa) }, &p, 1).unwrap();
        assert_eq!((same.title.as_str(), same.steps.len(), same.amount), ("Twelve printers", 1, 1_000_000));
        let moved = d.edited(&DealInput { stage: "lead".into(), ..DealInput::from_deal(&d, Lang::Fa) }, &p, 1).unwrap();
        assert_eq!(moved.steps.len(), 2);
    }
}
