//! Stages in use: a stage holding open deals cannot be removed, or those
//! deals would lose their place (the board shows such deals in its first
//! column until moved). Deals name their stage by id, so everything else
//! about stages (renaming, reordering) is free.

use super::deal::{Deal, Status};
use super::pipelines::Pipeline;
use crate::check::{FieldError, Field, Problem};

/// How many open deals of pipeline `pipeline_id` stand in stage `stage_id`:
/// while any do, the stage cannot be removed.
pub fn open_deals_in<'a>(pipeline_id: &str, stage_id: &str, deals: impl IntoIterator<Item = &'a Deal>) -> usize {
    deals.into_iter().filter(|d| d.pipeline_id == pipeline_id && d.stage == stage_id && d.status == Status::Open).count()
}

impl Pipeline {
    /// [`Self::validated`] as the new state of the pipeline `id`, stored as
    /// `before`; also refused when it drops a stage of `before` that holds
    /// open deals. A deal already in a stage `before` lacks (another device
    /// removed it meanwhile) does not block other edits.
    pub fn validated_against<'a>(&self, before: &Pipeline, id: &str, deals: impl IntoIterator<Item = &'a Deal>) -> Result<Pipeline, Vec<FieldError>> {
        let validated = self.validated();
        let dropped = |stage: &str| before.stage(stage).is_some() && self.stage(stage).is_none();
        let stranded = deals.into_iter().any(|d| d.pipeline_id == id && d.status == Status::Open && dropped(&d.stage));
        match (validated, stranded) {
            (Ok(p), false) => Ok(p),
            (Ok(_), true) => Err(vec![FieldError { field: Field::Stage, problem: Problem::InUse }]),
            (Err(mut errors), true) => {
                errors.push(FieldError { field: Field::Stage, problem: Problem::InUse });
                Err(errors)
            }
            (Err(errors), false) => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;
    use crate::pipeline::defaults;

    #[test]
    fn a_stage_holding_open_deals_cannot_be_removed() {
        let (id, pipeline) = defaults(Lang::En).remove(0);
        let first = pipeline.stages[0].id.clone();
        let deal = |pipeline_id: &str, status| Deal { pipeline_id: pipeline_id.into(), stage: first.clone(), status, ..Default::default() };
        let without_first = Pipeline { stages: pipeline.stages[1..].to_vec(), ..pipeline.clone() };
        let in_use = Err(vec![FieldError { field: Field::Stage, problem: Problem::InUse }]);

        let open_here = [deal(&id, Status::Open)];
        assert_eq!(open_deals_in(&id, &first, &open_here), 1);
        assert_eq!(without_first.validated_against(&pipeline, &id, &open_here), in_use);
        assert!(pipeline.validated_against(&pipeline, &id, &open_here).is_ok(), "kept stages may hold deals");
        // Closed deals keep their history, and another pipeline's deals are not this one's.
        let elsewhere = [deal(&id, Status::Won), deal(&id, Status::Lost), deal("other", Status::Open)];
        assert_eq!(open_deals_in(&id, &first, &elsewhere), 0);
        assert!(without_first.validated_against(&pipeline, &id, &elsewhere).is_ok());
        // Every other problem is still reported beside it.
        let nameless = Pipeline { name: String::new(), ..without_first.clone() };
        let errors = nameless.validated_against(&pipeline, &id, &open_here).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(errors.contains(&FieldError { field: Field::Stage, problem: Problem::InUse }));

        // A deal already stranded by another device's edit blocks nothing else.
        let renamed = Pipeline { name: "Renamed".into(), ..without_first.clone() };
        assert!(renamed.validated_against(&without_first, &id, &open_here).is_ok());
    }
}
