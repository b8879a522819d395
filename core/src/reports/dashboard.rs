//! The Reports home: a period's headline figures beside those of the period
//! before. Sums stay per currency (a Rial deal and a dollar deal are never
//! added); counts and rates mix them, as a deal is a deal.

use super::facts::{ActivityDone, Answered, ComplaintFacts, CustomerFacts};
use super::filter::Filter;
use super::period::Period;
use super::stats::median;
use crate::locale::Currency;
use crate::pipeline::{Deal, Pipeline, Status, Totals};
use crate::surveys::NpsGroup;
use chrono::NaiveDate;
use std::collections::HashMap;

/// What the dashboard reads: deals, pipelines, customers, activities,
/// complaints and survey answers as the device holds them.
pub struct Inputs<'a> {
    pub deals: &'a [&'a Deal],
    pub pipeline_of: &'a dyn Fn(&str) -> Option<&'a Pipeline>,
    pub customers: &'a HashMap<String, CustomerFacts>,
    pub activities: &'a [&'a ActivityDone],
    pub complaints: &'a [&'a ComplaintFacts],
    pub answered: &'a [&'a Answered],
    /// Whether a survey's question (survey id, question id) asks for a
    /// 0–10 recommendation score.
    pub is_nps: &'a dyn Fn(&str, &str) -> bool,
    /// The reader's local date of a moment (days are cut at their midnight).
    pub local_date: &'a dyn Fn(i64) -> NaiveDate,
}

/// One period's figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Deals open at the end of the period, with their amounts and the
    /// amounts weighted by their stage's probability.
    pub open_count: usize,
    pub open: Totals,
    /// Deals won and lost in the period (by the day they closed).
    pub won_count: usize,
    pub won: Totals,
    /// Deals won in each currency, for the average won deal.
    pub won_counts: Vec<(Currency, usize)>,
    pub lost_count: usize,
    /// Won ÷ (won + lost), in percent; None when none closed.
    pub win_rate: Option<f64>,
    /// Median days from a won deal's creation to its close.
    pub median_cycle_days: Option<f64>,
    pub new_customers: usize,
    pub activities: usize,
    /// Complaints still waiting for a resolution at the end of the period.
    pub open_complaints: usize,
    /// Recommendation scores given in the period.
    pub nps: NpsGroup,
}

impl Figures {
    /// The won amount per deal won, in the currency `currency`, rounded down.
    pub fn average_won(&self, currency: Currency) -> Option<i64> {
        let n = self.won_counts.iter().find(|(c, _)| *c == currency).map_or(0, |(_, n)| *n);
        (n > 0).then(|| self.won.of(currency).amount / n as i64)
    }
}

/// The figures of `period` and of the period before it.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub period: Period,
    pub current: Figures,
    pub previous: Figures,
}

pub fn dashboard(inputs: &Inputs, period: Period, filter: &Filter) -> Dashboard {
    Dashboard { period, current: figures(inputs, period, filter), previous: figures(inputs, period.previous(), filter) }
}

fn figures(inputs: &Inputs, period: Period, filter: &Filter) -> Figures {
    let mut f = Figures::default();
    let mut cycles = Vec::new();
    for deal in inputs.deals.iter().filter(|d| filter.deal(d)) {
        if let Some(stage) = open_at_end(deal, period, inputs.local_date) {
            f.open_count += 1;
            let weighted = (inputs.pipeline_of)(&deal.pipeline_id).map_or(0, |p| deal.weighted_in(p, stage));
            f.open.add(deal.currency, deal.amount, weighted);
        }
        let Some(closed) = deal.closed_on.filter(|day| period.contains(*day)) else { continue };
        match deal.status {
            Status::Won => {
                f.won_count += 1;
                f.won.add(deal.currency, deal.amount, 0);
                match f.won_counts.iter_mut().find(|(c, _)| *c == deal.currency) {
                    Some((_, n)) => *n += 1,
                    None => f.won_counts.push((deal.currency, 1)),
                }
                if let Some(first) = deal.steps.first() {
                    cycles.push((closed - (inputs.local_date)(first.at)).num_days().max(0) as f64);
                }
            }
            Status::Lost => f.lost_count += 1,
            Status::Open => {}
        }
    }
    let closed = f.won_count + f.lost_count;
    f.win_rate = (closed > 0).then(|| f.won_count as f64 * 100.0 / closed as f64);
    f.median_cycle_days = median(&mut cycles);
    f.new_customers = inputs.customers.iter().filter(|(id, c)| filter.owner(&c.owner) && filter.customer(id) && period.contains(c.since)).count();
    f.activities = inputs.activities.iter().filter(|a| filter.owner(&a.owner) && filter.customer(&a.customer_id) && period.contains(a.day)).count();
    f.open_complaints = inputs.complaints.iter().filter(|c| filter.owner(&c.owner) && filter.customer(&c.customer_id) && c.open_on(period.to)).count();
    // A score belongs to its customer's owner; an anonymous one to no one.
    let scored_for = |a: &Answered| filter.customer(&a.customer_id) && (filter.owner.is_empty() || inputs.customers.get(&a.customer_id).is_some_and(|c| filter.owner(&c.owner)));
    for answered in inputs.answered.iter().filter(|a| period.contains(a.day) && scored_for(a)) {
        for (_, score) in answered.numbers.iter().filter(|(question, _)| (inputs.is_nps)(&answered.survey_id, question)) {
            f.nps.count(*score);
        }
    }
    f
}

/// The stage a deal stood in, open, at the end of `period`, from its steps;
/// None when it did not exist yet or was closed then. A closed deal closed
/// on the day its close names (the user may date a win earlier or later
/// than the tap), so it is not open from that day on, and open before it.
/// A deal with no steps (written before steps were kept) counts as it
/// stands now.
fn open_at_end<'d>(deal: &'d Deal, period: Period, local_date: &dyn Fn(i64) -> NaiveDate) -> Option<&'d str> {
    let closed = deal.status != Status::Open;
    if closed && deal.closed_on.is_some_and(|on| on <= period.to) {
        return None;
    }
    // The steps before the close that holds now; its own date is `closed_on`.
    let before_close = if closed { &deal.steps[..deal.steps.len().saturating_sub(1)] } else { &deal.steps[..] };
    if deal.steps.is_empty() {
        return Some(deal.stage.as_str()).filter(|_| !closed || deal.closed_on.is_some());
    }
    let step = before_close.iter().rev().find(|s| local_date(s.at) <= period.to)?;
    (step.status == Status::Open).then_some(step.stage.as_str())
}

/// The change from `before` to `now` in percent; None when there was
/// nothing before to compare with.
pub fn change_percent(now: f64, before: f64) -> Option<f64> {
    (before != 0.0).then(|| (now - before) * 100.0 / before.abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::{day, utc};
    use crate::pipeline::{Stage, Step};

    fn ms(date: NaiveDate) -> i64 {
        date.and_hms_opt(10, 0, 0).unwrap().and_utc().timestamp_millis()
    }

    fn pipeline() -> Pipeline {
        let stage = |id: &str, probability| Stage { id: id.into(), name: id.into(), probability, rot_days: 0 };
        Pipeline { name: "Sales".into(), stages: vec![stage("lead", 10), stage("quote", 50)], position: 0 }
    }

    fn step(on: NaiveDate, stage: &str, status: Status) -> Step {
        Step { at: ms(on), stage: stage.into(), status, ..Default::default() }
    }

    /// A deal with its history; its current state is its last step.
    fn deal(owner: &str, amount: i64, currency: Currency, steps: Vec<Step>) -> Deal {
        let last = steps.last().unwrap().clone();
        let closed_on = (last.status != Status::Open).then(|| utc(last.at));
        Deal { owner: owner.into(), amount, currency, pipeline_id: "p".into(), stage: last.stage, status: last.status, closed_on, steps, ..Default::default() }
    }

    /// What the dashboard reads beside the deals.
    #[derive(Default)]
    struct Others {
        customers: HashMap<String, CustomerFacts>,
        activities: Vec<ActivityDone>,
        complaints: Vec<ComplaintFacts>,
        answered: Vec<Answered>,
    }

    fn run(deals: &[Deal], others: &Others, filter: &Filter) -> Dashboard {
        let p = pipeline();
        let pipeline_of = |id: &str| (id == "p").then_some(&p);
        let deals: Vec<&Deal> = deals.iter().collect();
        let activities: Vec<&ActivityDone> = others.activities.iter().collect();
        let complaints: Vec<&ComplaintFacts> = others.complaints.iter().collect();
        let answered: Vec<&Answered> = others.answered.iter().collect();
        let is_nps = |survey: &str, question: &str| survey == "s" && question == "nps";
        let inputs = Inputs { deals: &deals, pipeline_of: &pipeline_of, customers: &others.customers, activities: &activities, complaints: &complaints, answered: &answered, is_nps: &is_nps, local_date: &utc };
        dashboard(&inputs, Period::new(day(2, 1), day(2, 28)).unwrap(), filter)
    }

    fn customer(since: NaiveDate, owner: &str, tags: &[&str]) -> CustomerFacts {
        CustomerFacts { since, owner: owner.into(), tags: tags.iter().map(|t| t.to_string()).collect(), value_segment: None }
    }

    /// February 2026 against the 28 days before it (4–31 January).
    fn deals() -> Vec<Deal> {
        use Status::*;
        vec![
            // Created in January, won 11 February after 30 days.
            deal("sara", 1_000, Currency::Irr, vec![step(day(1, 12), "lead", Open), step(day(2, 11), "quote", Won)]),
            // Won 20 February after 10 days, in dollars: never added to rials.
            deal("reza", 300, Currency::Usd, vec![step(day(2, 10), "quote", Open), step(day(2, 20), "quote", Won)]),
            // Lost in February; open at the end of January, in quote.
            deal("sara", 4_000, Currency::Irr, vec![step(day(1, 5), "lead", Open), step(day(1, 20), "quote", Open), step(day(2, 2), "quote", Lost)]),
            // Open all along: in lead at the end of January, in quote at the end of February.
            deal("sara", 2_000, Currency::Irr, vec![step(day(1, 6), "lead", Open), step(day(2, 25), "quote", Open)]),
            // Won in January (10 days): the previous period's.
            deal("reza", 500, Currency::Irr, vec![step(day(1, 10), "lead", Open), step(day(1, 20), "lead", Won)]),
            // Created in March: in neither period.
            deal("sara", 9_000, Currency::Irr, vec![step(day(3, 2), "lead", Open)]),
        ]
    }

    #[test]
    fn figures_worked_out_by_hand() {
        let customers = [("n1", day(2, 1), "sara"), ("n2", day(2, 28), "reza"), ("n3", day(1, 31), "sara"), ("n4", day(3, 1), "sara")];
        let customers = customers.iter().map(|(id, since, owner)| (id.to_string(), customer(*since, owner, &[]))).collect();
        let activity = |on: NaiveDate, owner: &str| ActivityDone { day: on, owner: owner.into(), customer_id: String::new(), kind: Some(crate::activities::ActivityType::Call) };
        let activities = vec![activity(day(2, 3), "sara"), activity(day(2, 27), "reza"), activity(day(1, 30), "sara")];
        let d = run(&deals(), &Others { customers, activities, ..Default::default() }, &Filter::default());

        let now = &d.current;
        assert_eq!((now.won_count, now.lost_count), (2, 1));
        assert_eq!(now.won.of(Currency::Irr).amount, 1_000);
        assert_eq!(now.won.of(Currency::Usd).amount, 300);
        assert_eq!((now.average_won(Currency::Irr), now.average_won(Currency::Usd), now.average_won(Currency::Eur)), (Some(1_000), Some(300), None));
        assert_eq!(now.win_rate.map(|r| (r * 100.0).round() / 100.0), Some(66.67));
        // Cycles of 30 and 10 days.
        assert_eq!(now.median_cycle_days, Some(20.0));
        // Only the deal in quote (50 %) is open at the end of February.
        assert_eq!(now.open_count, 1);
        assert_eq!(now.open.of(Currency::Irr).amount, 2_000);
        assert_eq!(now.open.of(Currency::Irr).weighted, 1_000);
        assert_eq!((now.new_customers, now.activities), (2, 2));

        let before = &d.previous;
        assert_eq!((before.won_count, before.lost_count, before.win_rate), (1, 0, Some(100.0)));
        assert_eq!(before.median_cycle_days, Some(10.0));
        // At the end of January: lead 1,000 (10 %), quote 4,000 (50 %), lead 2,000 (10 %).
        assert_eq!(before.open_count, 3);
        assert_eq!(before.open.of(Currency::Irr), crate::pipeline::Sums { amount: 7_000, weighted: 100 + 2_000 + 200 });
        assert_eq!((before.new_customers, before.activities), (1, 1));
    }

    #[test]
    fn a_close_counts_on_the_day_it_names_not_the_day_it_was_tapped() {
        use Status::*;
        // Marked won on 3 March, dated 27 February: won in February, not open at its end.
        let mut backdated = deal("sara", 800, Currency::Irr, vec![step(day(2, 2), "quote", Open), step(day(3, 3), "quote", Won)]);
        backdated.closed_on = Some(day(2, 27));
        // Marked lost on 20 February, dated 2 March: open at the end of February.
        let mut ahead = deal("sara", 600, Currency::Irr, vec![step(day(2, 2), "lead", Open), step(day(2, 20), "lead", Lost)]);
        ahead.closed_on = Some(day(3, 2));
        let d = run(&[backdated, ahead], &Others::default(), &Filter::default());
        assert_eq!((d.current.won_count, d.current.lost_count), (1, 0));
        assert_eq!(d.current.won.of(Currency::Irr).amount, 800);
        assert_eq!(d.current.open_count, 1);
        assert_eq!(d.current.open.of(Currency::Irr), crate::pipeline::Sums { amount: 600, weighted: 60 });
    }

    #[test]
    fn a_filter_keeps_one_owner_and_empty_periods_have_no_rates() {
        let sara = Filter { owner: "sara".into(), ..Default::default() };
        let d = run(&deals(), &Others::default(), &sara);
        assert_eq!((d.current.won_count, d.current.lost_count), (1, 1));
        assert_eq!(d.current.win_rate, Some(50.0));
        assert_eq!((d.previous.won_count, d.previous.win_rate, d.previous.median_cycle_days), (0, None, None));
        let other_pipeline = Filter { pipeline_id: "other".into(), ..Default::default() };
        let none = run(&deals(), &Others::default(), &other_pipeline);
        assert_eq!(none.current, Figures::default());
    }

    /// Complaints and recommendation scores around February, for customers
    /// c1 (Sara's, tagged vip) and c2 (Reza's).
    fn service() -> Others {
        let customers = [("c1".to_string(), customer(day(1, 1), "sara", &["vip"])), ("c2".to_string(), customer(day(1, 1), "reza", &[]))].into();
        let complaint = |owner: &str, customer_id: &str, steps: &[(NaiveDate, bool)]| ComplaintFacts { owner: owner.into(), customer_id: customer_id.into(), steps: steps.to_vec() };
        let complaints = vec![
            // Open at the end of January, resolved 5 February.
            complaint("sara", "c2", &[(day(1, 10), true), (day(2, 5), false)]),
            // Opened 20 February, still open.
            complaint("reza", "c2", &[(day(2, 20), true)]),
            // Resolved in January, reopened 27 February.
            complaint("sara", "c1", &[(day(1, 3), true), (day(1, 20), false), (day(2, 27), true)]),
        ];
        let answer = |survey: &str, on: NaiveDate, customer_id: &str, numbers: &[(&str, u8)]| Answered {
            survey_id: survey.into(),
            day: on,
            customer_id: customer_id.into(),
            numbers: numbers.iter().map(|(q, n)| (q.to_string(), *n)).collect(),
        };
        let answered = vec![
            // A promoter, and a low satisfaction score that is not a recommendation.
            answer("s", day(2, 3), "c1", &[("nps", 10), ("csat", 2)]),
            answer("s", day(2, 9), "c2", &[("nps", 9)]),
            answer("s", day(2, 12), "", &[("nps", 3)]),
            // Another survey's question of the same id asks something else.
            answer("other", day(2, 12), "c2", &[("nps", 0)]),
            answer("s", day(1, 30), "c1", &[("nps", 6)]),
        ];
        Others { customers, complaints, answered, ..Default::default() }
    }

    #[test]
    fn open_complaints_at_the_period_end_and_the_recommendation_score() {
        let d = run(&[], &service(), &Filter::default());
        assert_eq!((d.current.open_complaints, d.previous.open_complaints), (2, 1));
        assert_eq!(d.current.nps, NpsGroup { promoters: 2, passives: 0, detractors: 1 });
        assert_eq!((d.current.nps.score(), d.previous.nps.score()), (Some(33), Some(-100)));

        // Sara's: the complaint she handles; her customer's score, not the anonymous one.
        let sara = run(&[], &service(), &Filter { owner: "sara".into(), ..Default::default() });
        assert_eq!((sara.current.open_complaints, sara.current.nps.score()), (1, Some(100)));
    }

    #[test]
    fn a_tag_keeps_its_customers_records_only() {
        let others = service();
        let vip = Filter { customers: Filter::customers_of("vip", None, &others.customers), ..Default::default() };
        let mut deals = deals();
        deals[0].customer_id = "c1".into();
        let d = run(&deals, &others, &vip);
        assert_eq!((d.current.won_count, d.current.lost_count, d.current.open_count), (1, 0, 0));
        assert_eq!((d.current.open_complaints, d.current.nps.total(), d.current.new_customers), (1, 1, 0));
    }

    #[test]
    fn change_is_relative_to_the_period_before() {
        assert_eq!(change_percent(150.0, 100.0), Some(50.0));
        assert_eq!(change_percent(50.0, 100.0), Some(-50.0));
        assert_eq!(change_percent(5.0, 0.0), None);
    }
}
