//! Sales in progress in one pipeline: the deals open now by stage, by owner
//! within each stage and by the month they are expected to close; the
//! funnel of the deals created in the period (how many reached each stage,
//! and the conversion from one stage to the next); and how long those deals
//! spent in each stage (median and 75th percentile).

use super::filter::Filter;
use super::period::Period;
use super::stats::percentile;
use crate::locale::{Lang, Month};
use crate::pipeline::{Deal, Pipeline, Status, Totals};
use crate::store::Envelope;
use chrono::NaiveDate;

const DAY_MS: f64 = 86_400_000.0;

/// A group of open deals (a stage, an owner in it, a month): how many, their
/// amounts and weighted amounts per currency, and which (largest first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenGroup {
    pub count: usize,
    pub amounts: Totals,
    pub deals: Vec<String>,
}

impl OpenGroup {
    fn add(&mut self, e: &Envelope<Deal>, weighted: i64) {
        self.count += 1;
        self.amounts.add(e.fields.currency, e.fields.amount, weighted);
        self.deals.push(e.id.clone());
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StageRow {
    pub stage_id: String,
    pub name: String,
    pub open: OpenGroup,
    /// Each owner's deals in the stage, most deals first.
    pub by_owner: Vec<(String, OpenGroup)>,
}

/// One stage of the funnel, then a last row for the deals won.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStep {
    /// Empty for the won row.
    pub stage_id: String,
    pub reached: usize,
    /// reached ÷ the row above, in percent; None for the first row or when
    /// none reached the row above.
    pub conversion: Option<f64>,
    /// Days spent in the stage by the deals that were in it (the won row
    /// has none).
    pub median_days: Option<f64>,
    pub p75_days: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenSales {
    pub total: OpenGroup,
    /// Every stage of the pipeline in board order, even empty ones.
    pub stages: Vec<StageRow>,
    /// By expected close month, oldest first (overdue months included);
    /// deals with no expected close last, under None.
    pub by_month: Vec<(Option<Month>, OpenGroup)>,
    pub funnel: Vec<FunnelStep>,
}

/// The report for `pipeline` (`pipeline_id`) at `now` (ms), over the deals
/// `filter` keeps; the funnel and times over those created in `period`.
pub fn open_sales(deals: &[&Envelope<Deal>], pipeline_id: &str, pipeline: &Pipeline, period: Period, filter: &Filter, now: i64, local_date: &dyn Fn(i64) -> NaiveDate, lang: Lang) -> OpenSales {
    let mut mine: Vec<&Envelope<Deal>> = deals.iter().copied().filter(|e| e.fields.pipeline_id == pipeline_id && filter.owner(&e.fields.owner) && filter.customer(&e.fields.customer_id)).collect();
    mine.sort_by(|a, b| b.fields.amount.cmp(&a.fields.amount).then_with(|| a.id.cmp(&b.id)));
    let mut out = OpenSales {
        stages: pipeline.stages.iter().map(|s| StageRow { stage_id: s.id.clone(), name: s.name.clone(), ..Default::default() }).collect(),
        ..Default::default()
    };
    let mut months: Vec<(Option<(i32, u32)>, Option<Month>, OpenGroup)> = Vec::new();
    for e in mine.iter().filter(|e| e.fields.status == Status::Open) {
        let deal = &e.fields;
        let Some(row) = out.stages.iter_mut().find(|s| s.stage_id == deal.stage) else { continue };
        let weighted = deal.weighted_in(pipeline, &deal.stage);
        out.total.add(e, weighted);
        row.open.add(e, weighted);
        match row.by_owner.iter_mut().find(|(o, _)| *o == deal.owner) {
            Some((_, group)) => group.add(e, weighted),
            None => {
                let mut group = OpenGroup::default();
                group.add(e, weighted);
                row.by_owner.push((deal.owner.clone(), group));
            }
        }
        let month = deal.expected_close.map(|d| Month::of(d, lang));
        let key = month.map(|m| (m.year, m.month));
        match months.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, group)) => group.add(e, weighted),
            None => {
                let mut group = OpenGroup::default();
                group.add(e, weighted);
                months.push((key, month, group));
            }
        }
    }
    for row in &mut out.stages {
        row.by_owner.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
    }
    // Undated last, the rest oldest first.
    months.sort_by_key(|(key, _, _)| (key.is_none(), *key));
    out.by_month = months.into_iter().map(|(_, month, group)| (month, group)).collect();
    let created: Vec<&Deal> = mine.iter().map(|e| &e.fields).filter(|d| d.steps.first().is_some_and(|s| period.contains(local_date(s.at)))).collect();
    out.funnel = funnel(&created, pipeline, now);
    out
}

/// A deal reached a stage when it stood in it or in a later one; a won deal
/// reached every stage.
fn funnel(deals: &[&Deal], pipeline: &Pipeline, now: i64) -> Vec<FunnelStep> {
    let position = |stage: &str| pipeline.stages.iter().position(|s| s.id == stage);
    let furthest: Vec<Option<usize>> = deals
        .iter()
        .map(|d| if d.status == Status::Won { pipeline.stages.len().checked_sub(1) } else { d.steps.iter().filter_map(|s| position(&s.stage)).max() })
        .collect();
    let mut days: Vec<Vec<f64>> = vec![Vec::new(); pipeline.stages.len()];
    for deal in deals {
        for (stage, ms) in deal.time_in_stages(now) {
            if let Some(at) = position(&stage) {
                days[at].push(ms as f64 / DAY_MS);
            }
        }
    }
    let mut steps: Vec<FunnelStep> = pipeline
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| FunnelStep {
            stage_id: stage.id.clone(),
            reached: furthest.iter().filter(|f| f.is_some_and(|f| f >= i)).count(),
            conversion: None,
            median_days: percentile(&mut days[i], 50.0),
            p75_days: percentile(&mut days[i], 75.0),
        })
        .collect();
    let won = deals.iter().filter(|d| d.status == Status::Won).count();
    steps.push(FunnelStep { stage_id: String::new(), reached: won, conversion: None, median_days: None, p75_days: None });
    for i in 1..steps.len() {
        let above = steps[i - 1].reached;
        steps[i].conversion = (above > 0).then(|| steps[i].reached as f64 * 100.0 / above as f64);
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::{day, utc, stored};
    use crate::locale::Currency;
    use crate::pipeline::{Stage, Step};

    fn ms(date: NaiveDate) -> i64 {
        date.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp_millis()
    }

    fn pipeline() -> Pipeline {
        let stage = |id: &str, probability| Stage { id: id.into(), name: id.to_uppercase(), probability, rot_days: 0 };
        Pipeline { name: "Sales".into(), stages: vec![stage("lead", 10), stage("quote", 50), stage("deal", 80)], position: 0 }
    }

    /// A deal in pipeline "p" through `steps` (stage, day, status); it stands where the last step left it.
    fn deal(id: &str, owner: &str, amount: i64, close: Option<NaiveDate>, steps: &[(&str, NaiveDate, Status)]) -> Envelope<Deal> {
        let steps: Vec<Step> = steps.iter().map(|(stage, on, status)| Step { at: ms(*on), stage: stage.to_string(), status: *status, ..Default::default() }).collect();
        let last = steps.last().unwrap().clone();
        let fields = Deal { owner: owner.into(), amount, currency: Currency::Irt, expected_close: close, pipeline_id: "p".into(), stage: last.stage, status: last.status, steps, ..Default::default() };
        stored(id, fields)
    }

    fn sample() -> Vec<Envelope<Deal>> {
        use Status::*;
        vec![
            // Open in quote since 11 March after 10 days in lead; closes in April.
            deal("a", "sara", 1_000, Some(day(4, 20)), &[("lead", day(3, 1), Open), ("quote", day(3, 11), Open)]),
            // Open in lead since 5 March, owner reza; closes in April too.
            deal("b", "reza", 400, Some(day(4, 2)), &[("lead", day(3, 5), Open)]),
            // Open in quote, no expected close; 4 days in lead.
            deal("c", "sara", 200, None, &[("lead", day(3, 10), Open), ("quote", day(3, 14), Open)]),
            // Won from deal after lead 2 days, quote 6, deal 2: reached every stage.
            deal("d", "sara", 5_000, Some(day(3, 1)), &[("lead", day(3, 2), Open), ("quote", day(3, 4), Open), ("deal", day(3, 10), Open), ("deal", day(3, 12), Won)]),
            // Lost in lead after 8 days; overdue close in February.
            deal("e", "reza", 300, Some(day(2, 1)), &[("lead", day(3, 20), Open), ("lead", day(3, 28), Lost)]),
            // Created in January: open (counts now) but not in March's funnel.
            deal("f", "reza", 700, Some(day(2, 15)), &[("lead", day(1, 5), Open), ("deal", day(1, 9), Open)]),
        ]
    }

    fn run(filter: &Filter) -> OpenSales {
        let deals = sample();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let now = ms(day(4, 1));
        open_sales(&refs, "p", &pipeline(), Period::new(day(3, 1), day(3, 31)).unwrap(), filter, now, &utc, Lang::En)
    }

    #[test]
    fn open_deals_by_stage_owner_and_month() {
        let r = run(&Filter::default());
        assert_eq!((r.total.count, r.total.amounts.of(Currency::Irt).amount), (4, 2_300));
        // Weighted: a 50 % of 1,000, b 10 % of 400, c 50 % of 200, f 80 % of 700.
        assert_eq!(r.total.amounts.of(Currency::Irt).weighted, 500 + 40 + 100 + 560);
        let stages: Vec<(&str, usize, Vec<&str>)> = r.stages.iter().map(|s| (s.stage_id.as_str(), s.open.count, s.open.deals.iter().map(String::as_str).collect())).collect();
        assert_eq!(stages, vec![("lead", 1, vec!["b"]), ("quote", 2, vec!["a", "c"]), ("deal", 1, vec!["f"])]);
        assert_eq!(r.stages[1].by_owner.iter().map(|(o, g)| (o.as_str(), g.count)).collect::<Vec<_>>(), vec![("sara", 2)]);
        let months: Vec<(Option<u32>, usize)> = r.by_month.iter().map(|(m, g)| (m.map(|m| m.month), g.count)).collect();
        assert_eq!(months, vec![(Some(2), 1), (Some(4), 2), (None, 1)]);
    }

    #[test]
    fn funnel_and_time_in_stage_of_the_deals_created_in_the_period() {
        let r = run(&Filter::default());
        let funnel: Vec<(&str, usize, Option<f64>)> = r.funnel.iter().map(|f| (f.stage_id.as_str(), f.reached, f.conversion)).collect();
        // Created in March: a, b, c, d, e. Quote reached by a, c, d; deal by d (won); won d.
        assert_eq!(funnel, vec![("lead", 5, None), ("quote", 3, Some(60.0)), ("deal", 1, Some(100.0 / 3.0)), ("", 1, Some(100.0))]);
        // Days in lead: a 10, b 27 (to 1 April), c 4, d 2, e 8 → median 8, p75 10.
        assert_eq!((r.funnel[0].median_days, r.funnel[0].p75_days), (Some(8.0), Some(10.0)));
        // In quote: a 21, c 18, d 6 → median 18, p75 19.5.
        assert_eq!((r.funnel[1].median_days, r.funnel[1].p75_days), (Some(18.0), Some(19.5)));
        assert_eq!((r.funnel[2].median_days, r.funnel[3].median_days), (Some(2.0), None));
    }

    #[test]
    fn one_owner_and_an_empty_pipeline() {
        let reza = run(&Filter { owner: "reza".into(), ..Default::default() });
        assert_eq!(reza.total.deals, vec!["f", "b"]);
        assert_eq!(reza.funnel.iter().map(|f| f.reached).collect::<Vec<_>>(), vec![2, 0, 0, 0]);
        assert_eq!(reza.funnel[1].conversion, Some(0.0));
        assert_eq!(reza.funnel[2].conversion, None);
        let deals = sample();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let none = open_sales(&refs, "other", &pipeline(), Period::new(day(3, 1), day(3, 31)).unwrap(), &Filter::default(), 0, &utc, Lang::En);
        assert_eq!((none.total.count, none.stages.len(), none.funnel[0].reached), (0, 3, 0));
    }
}
