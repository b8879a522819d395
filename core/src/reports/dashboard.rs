//! The Reports home: a period's headline figures beside those of the period
//! before. Sums stay per currency (a Rial deal and a dollar deal are never
//! added); counts and rates mix them, as a deal is a deal.

use super::filter::Filter;
use super::period::Period;
use super::stats::median;
use crate::locale::Currency;
use crate::pipeline::{Deal, Pipeline, Status, Totals};
use crate::activities::ActivityType;
use chrono::NaiveDate;

/// A customer as the dashboard counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerSince {
    /// When the relationship began: the customer's "since" date, else the
    /// day the record was entered.
    pub since: NaiveDate,
    pub owner: String,
}

/// An activity as the reports count it: the reader's local day it
/// happened on (worked out once, when the activity is read), whose, with
/// which customer, and what it was (a visit, a call …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityDone {
    pub day: NaiveDate,
    pub owner: String,
    pub customer_id: String,
    /// None for a type this version does not know (written by a newer one):
    /// it still counts as an activity, under no type.
    pub kind: Option<ActivityType>,
}

/// What the dashboard reads: deals, pipelines, customers and activities as
/// the device holds them.
pub struct Inputs<'a> {
    pub deals: &'a [&'a Deal],
    pub pipeline_of: &'a dyn Fn(&str) -> Option<&'a Pipeline>,
    pub customers: &'a [&'a CustomerSince],
    pub activities: &'a [&'a ActivityDone],
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
    f.new_customers = inputs.customers.iter().filter(|c| filter.owner(&c.owner) && period.contains(c.since)).count();
    f.activities = inputs.activities.iter().filter(|a| filter.owner(&a.owner) && period.contains(a.day)).count();
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
    use crate::pipeline::{Stage, Step};
    use chrono::DateTime;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn ms(date: NaiveDate) -> i64 {
        date.and_hms_opt(10, 0, 0).unwrap().and_utc().timestamp_millis()
    }

    fn utc(ms: i64) -> NaiveDate {
        DateTime::from_timestamp_millis(ms).unwrap().date_naive()
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

    fn run(deals: &[Deal], customers: &[CustomerSince], activities: &[ActivityDone], filter: &Filter) -> Dashboard {
        let p = pipeline();
        let pipeline_of = |id: &str| (id == "p").then_some(&p);
        let deals: Vec<&Deal> = deals.iter().collect();
        let customers: Vec<&CustomerSince> = customers.iter().collect();
        let activities: Vec<&ActivityDone> = activities.iter().collect();
        let inputs = Inputs { deals: &deals, pipeline_of: &pipeline_of, customers: &customers, activities: &activities, local_date: &utc };
        dashboard(&inputs, Period::new(day(2, 1), day(2, 28)).unwrap(), filter)
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
        let customers = vec![
            CustomerSince { since: day(2, 1), owner: "sara".into() },
            CustomerSince { since: day(2, 28), owner: "reza".into() },
            CustomerSince { since: day(1, 31), owner: "sara".into() },
            CustomerSince { since: day(3, 1), owner: "sara".into() },
        ];
        let activity = |on: NaiveDate, owner: &str| ActivityDone { day: on, owner: owner.into(), customer_id: String::new(), kind: Some(ActivityType::Call) };
        let activities = vec![activity(day(2, 3), "sara"), activity(day(2, 27), "reza"), activity(day(1, 30), "sara")];
        let d = run(&deals(), &customers, &activities, &Filter::default());

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
        let d = run(&[backdated, ahead], &[], &[], &Filter::default());
        assert_eq!((d.current.won_count, d.current.lost_count), (1, 0));
        assert_eq!(d.current.won.of(Currency::Irr).amount, 800);
        assert_eq!(d.current.open_count, 1);
        assert_eq!(d.current.open.of(Currency::Irr), crate::pipeline::Sums { amount: 600, weighted: 60 });
    }

    #[test]
    fn a_filter_keeps_one_owner_and_empty_periods_have_no_rates() {
        let sara = Filter { owner: "sara".into(), ..Default::default() };
        let d = run(&deals(), &[], &[], &sara);
        assert_eq!((d.current.won_count, d.current.lost_count), (1, 1));
        assert_eq!(d.current.win_rate, Some(50.0));
        assert_eq!((d.previous.won_count, d.previous.win_rate, d.previous.median_cycle_days), (0, None, None));
        let other_pipeline = Filter { pipeline_id: "other".into(), ..Default::default() };
        let none = run(&deals(), &[], &[], &other_pipeline);
        assert_eq!(none.current, Figures::default());
    }

    #[test]
    fn change_is_relative_to_the_period_before() {
        assert_eq!(change_percent(150.0, 100.0), Some(50.0));
        assert_eq!(change_percent(50.0, 100.0), Some(-50.0));
        assert_eq!(change_percent(5.0, 0.0), None);
    }
}
