//! Win rate and sales cycle by owner, by source or campaign, or by product:
//! of the deals closed in the period, how many were won, the rate won ÷
//! (won + lost), the amount won per currency and the median days from a
//! won deal's creation to its close.

use super::filter::Filter;
use super::period::Period;
use super::stats::median;
use crate::pipeline::{Deal, Status, Totals};
use crate::store::Envelope;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WinBy {
    #[default]
    Owner,
    Source,
    /// A deal counts for each product on its lines, with that line's net
    /// amount; a deal without lines counts under no product.
    Product,
}

impl WinBy {
    pub const ALL: [WinBy; 3] = [WinBy::Owner, WinBy::Source, WinBy::Product];
}

/// One row: an owner, a source, or a product (its catalog id, else the
/// line's name; empty for none named).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WinGroup {
    pub key: String,
    pub won: usize,
    pub lost: usize,
    pub win_rate: Option<f64>,
    pub won_amounts: Totals,
    pub median_cycle_days: Option<f64>,
    /// The deals behind the row, won first, largest first.
    pub deals: Vec<String>,
}

/// The rows, most deals closed first (ties by key).
pub fn win_rates(deals: &[&Envelope<Deal>], period: Period, filter: &Filter, by: WinBy, local_date: &dyn Fn(i64) -> NaiveDate) -> Vec<WinGroup> {
    let mut closed: Vec<&Envelope<Deal>> = deals
        .iter()
        .copied()
        .filter(|e| e.fields.status != Status::Open && filter.deal(&e.fields) && e.fields.closed_on.is_some_and(|on| period.contains(on)))
        .collect();
    closed.sort_by(|a, b| (b.fields.status == Status::Won).cmp(&(a.fields.status == Status::Won)).then_with(|| b.fields.amount.cmp(&a.fields.amount)).then_with(|| a.id.cmp(&b.id)));
    let mut groups: Vec<(WinGroup, Vec<f64>)> = Vec::new();
    for e in closed {
        let deal = &e.fields;
        let cycle = match (deal.status, deal.steps.first(), deal.closed_on) {
            (Status::Won, Some(first), Some(on)) => Some((on - local_date(first.at)).num_days().max(0) as f64),
            _ => None,
        };
        for (key, amount) in keys(deal, by) {
            let at = groups.iter().position(|(g, _)| g.key == key).unwrap_or_else(|| {
                groups.push((WinGroup { key, ..Default::default() }, Vec::new()));
                groups.len() - 1
            });
            let (group, cycles) = &mut groups[at];
            if group.deals.last() != Some(&e.id) {
                group.deals.push(e.id.clone());
            } else {
                // A second line of the same product on one deal: one more deal it is not.
                if deal.status == Status::Won {
                    group.won_amounts.add(deal.currency, amount, 0);
                }
                continue;
            }
            match deal.status {
                Status::Won => {
                    group.won += 1;
                    group.won_amounts.add(deal.currency, amount, 0);
                    cycles.extend(cycle);
                }
                _ => group.lost += 1,
            }
        }
    }
    let mut out: Vec<WinGroup> = groups
        .into_iter()
        .map(|(mut g, mut cycles)| {
            g.win_rate = Some(g.won as f64 * 100.0 / (g.won + g.lost) as f64);
            g.median_cycle_days = median(&mut cycles);
            g
        })
        .collect();
    out.sort_by(|a, b| (b.won + b.lost).cmp(&(a.won + a.lost)).then_with(|| a.key.cmp(&b.key)));
    out
}

/// The rows a deal counts in, each with the amount it brings there.
fn keys(deal: &Deal, by: WinBy) -> Vec<(String, i64)> {
    match by {
        WinBy::Owner => vec![(deal.owner.clone(), deal.amount)],
        WinBy::Source => vec![(deal.source.clone(), deal.amount)],
        WinBy::Product if deal.lines.is_empty() => vec![(String::new(), deal.amount)],
        WinBy::Product => deal.lines.iter().map(|l| (if l.product_id.is_empty() { l.name.clone() } else { l.product_id.clone() }, l.totals().net)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::{day, utc, stored};
    use crate::locale::Currency;
    use crate::pipeline::{LineItem, Step};

    fn line(product: &str, quantity: u32, unit_price: i64) -> LineItem {
        LineItem { product_id: product.into(), name: format!("{product} name"), quantity, unit_price, ..Default::default() }
    }

    /// Created `created`, closed `closed` with `status`.
    fn closed(id: &str, owner: &str, source: &str, amount: i64, status: Status, created: NaiveDate, closed: NaiveDate, lines: Vec<LineItem>) -> Envelope<Deal> {
        let at = created.and_hms_opt(8, 0, 0).unwrap().and_utc().timestamp_millis();
        let fields = Deal {
            owner: owner.into(),
            source: source.into(),
            amount,
            currency: Currency::Irt,
            status,
            closed_on: Some(closed),
            steps: vec![Step { at, stage: "lead".into(), ..Default::default() }],
            lines,
            ..Default::default()
        };
        stored(id, fields)
    }

    fn sample() -> Vec<Envelope<Deal>> {
        use Status::*;
        vec![
            // sara: won 2 (cycles 10 and 30 days), lost 1 → 66.7 %, median 20.
            closed("a", "sara", "web", 1_000, Won, day(3, 1), day(3, 11), vec![line("p1", 2, 300), line("p2", 1, 400)]),
            closed("b", "sara", "fair", 500, Won, day(2, 10), day(3, 12), vec![line("p1", 1, 500)]),
            closed("c", "sara", "web", 900, Lost, day(3, 2), day(3, 20), vec![line("p2", 3, 300)]),
            // reza: lost 1, and one won in April (outside the period).
            closed("d", "reza", "web", 200, Lost, day(3, 3), day(3, 5), vec![]),
            closed("e", "reza", "fair", 800, Won, day(3, 3), day(4, 2), vec![]),
        ]
    }

    fn run(by: WinBy) -> Vec<WinGroup> {
        let deals = sample();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        win_rates(&refs, Period::new(day(3, 1), day(3, 31)).unwrap(), &Filter::default(), by, &utc)
    }

    fn shape(rows: &[WinGroup]) -> Vec<(&str, usize, usize, Option<i64>, i64, Option<f64>)> {
        rows.iter().map(|g| (g.key.as_str(), g.won, g.lost, g.win_rate.map(|r| (r * 10.0).round() as i64), g.won_amounts.of(Currency::Irt).amount, g.median_cycle_days)).collect()
    }

    #[test]
    fn by_owner_and_by_source() {
        assert_eq!(shape(&run(WinBy::Owner)), vec![("sara", 2, 1, Some(667), 1_500, Some(20.0)), ("reza", 0, 1, Some(0), 0, None)]);
        assert_eq!(run(WinBy::Owner)[0].deals, vec!["a", "b", "c"]);
        assert_eq!(shape(&run(WinBy::Source)), vec![("web", 1, 2, Some(333), 1_000, Some(10.0)), ("fair", 1, 0, Some(1_000), 500, Some(30.0))]);
    }

    #[test]
    fn by_product_with_line_amounts() {
        // p1: a (600) and b (500) won; p2: a (400) won, c lost; d has no lines.
        assert_eq!(shape(&run(WinBy::Product)), vec![("p1", 2, 0, Some(1_000), 1_100, Some(20.0)), ("p2", 1, 1, Some(500), 400, Some(10.0)), ("", 0, 1, Some(0), 0, None)]);
    }

    #[test]
    fn two_lines_of_one_product_are_one_deal() {
        let deals = vec![closed("a", "sara", "", 700, Status::Won, day(3, 1), day(3, 2), vec![line("p1", 1, 300), line("p1", 1, 400)])];
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let rows = win_rates(&refs, Period::new(day(3, 1), day(3, 31)).unwrap(), &Filter::default(), WinBy::Product, &utc);
        assert_eq!(shape(&rows), vec![("p1", 1, 0, Some(1_000), 700, Some(1.0))]);
    }
}
