//! Segmentation on the device, from won deals in one currency: every
//! buyer's RFM scores and segment, the R × F grid of counts, and the
//! lifetime models' outlook — probability alive now and three months ago,
//! twelve-month value — with the churn-risk list: valuable customers whose
//! probability alive is falling.

use super::filter::Filter;
use super::lifetime::{customer_lifetime_value, summarize_twice, BgNbd, FitError, GammaGamma, Horizon, Purchase};
use super::rfm::{score, values_from_purchases, RfmScore, Segment};
use crate::locale::Currency;
use crate::pace::Pace;
use crate::pipeline::{Deal, Status, Totals};
use crate::store::Envelope;
use chrono::{Days, NaiveDate};
use std::collections::HashMap;

/// The models count time in weeks, as on CDNOW.
const PERIOD_DAYS: u32 = 7;
/// How far back "falling" looks.
const LOOK_BACK_DAYS: u64 = 90;
/// A fall of at least this much probability alive puts a valuable customer
/// on the churn-risk list.
const RISKY_FALL: f64 = 0.1;
/// The penalties a BG/NBD fit retries with, in turn, when it does not
/// settle without (lifetimes' docs suggest 0.001 to 0.1).
const FALLBACK_PENALTIES: [f64; 3] = [0.001, 0.01, 0.1];
/// Valuable: a monetary score of at least this.
const VALUABLE_MONETARY: u8 = 4;
/// Buyers' outlooks worked out between two breaths: a twelve-month value
/// costs twelve series sums, about 2 µs on a laptop.
const BUYERS_PER_BREATH: usize = 500;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segmentation {
    /// The currency segmented, and every currency of the won deals, most
    /// revenue first.
    pub currency: Option<Currency>,
    pub currencies: Vec<Currency>,
    /// Every buyer's scores, by customer id.
    pub scores: Vec<RfmScore>,
    /// Buyers in each cell: `grid[r - 1][f - 1]`.
    pub grid: [[usize; 5]; 5],
    /// What each customer spent in all, for the lists.
    pub spend: HashMap<String, i64>,
    /// The won deals as purchases, for the lifetime models.
    pub purchases: Vec<Purchase>,
}

impl Segmentation {
    pub fn in_segment(&self, segment: Segment) -> impl Iterator<Item = &RfmScore> {
        self.scores.iter().filter(move |s| s.segment == segment)
    }

    pub fn count(&self, segment: Segment) -> usize {
        self.in_segment(segment).count()
    }

    /// What a customer spent in all, in the shown currency (0 for one who
    /// has not bought in it).
    pub fn spend_of(&self, customer_id: &str) -> i64 {
        self.spend.get(customer_id).copied().unwrap_or(0)
    }
}

/// The won deals a segmentation reads, as purchases in one currency.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WonPurchases {
    /// As in [`Segmentation`]; None when nothing was won.
    pub currency: Option<Currency>,
    pub currencies: Vec<Currency>,
    pub purchases: Vec<Purchase>,
}

/// The won deals `filter` keeps, closed up to `today`, in `currency` (None:
/// the one with the most revenue). One quick pass over the deals while the
/// caller holds them; [`segmentation`] then works on its own copy and pauses
/// as it goes.
pub fn won_purchases(deals: &[&Envelope<Deal>], filter: &Filter, today: NaiveDate, currency: Option<Currency>) -> WonPurchases {
    let won: Vec<(&Deal, NaiveDate)> = deals
        .iter()
        .map(|e| &e.fields)
        .filter(|d| d.status == Status::Won && !d.customer_id.is_empty() && filter.deal(d))
        .filter_map(|d| Some((d, d.closed_on.filter(|on| *on <= today)?)))
        .collect();
    let mut totals = Totals::default();
    won.iter().for_each(|(d, _)| totals.add(d.currency, d.amount, 0));
    let currencies: Vec<Currency> = totals.by_currency().into_iter().map(|(c, _)| c).collect();
    let Some(currency) = currency.filter(|c| currencies.contains(c)).or_else(|| currencies.first().copied()) else {
        return WonPurchases::default();
    };
    let purchases =
        won.iter().filter(|(d, _)| d.currency == currency).map(|(d, on)| Purchase { customer_id: d.customer_id.clone(), day: *on, amount: d.amount }).collect();
    WonPurchases { currency: Some(currency), currencies, purchases }
}

/// Scores every buyer of `won` up to `today`; `pace` may pause it.
pub async fn segmentation(won: WonPurchases, today: NaiveDate, pace: &impl Pace) -> Segmentation {
    if won.currency.is_none() {
        return Segmentation::default();
    }
    let values = values_from_purchases(&won.purchases, today, pace).await;
    let spend = values.iter().map(|v| (v.customer_id.clone(), v.spend)).collect();
    pace.breathe().await;
    let scores = score(&values);
    pace.breathe().await;
    let mut grid = [[0; 5]; 5];
    for s in &scores {
        grid[usize::from(s.recency) - 1][usize::from(s.frequency) - 1] += 1;
    }
    Segmentation { currency: won.currency, currencies: won.currencies, scores, grid, spend, purchases: won.purchases }
}

/// One buyer's outlook from the lifetime models.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlook {
    pub customer_id: String,
    pub p_alive: f64,
    /// Three months ago, from the history up to then (None: no repeat
    /// purchase yet then, when the model knows nothing of their pace).
    pub p_alive_before: Option<f64>,
    /// Expected value over the next twelve months, discounted 1 % a month,
    /// in minor units of the segmentation's currency.
    pub value_12_months: f64,
}

/// Fits BG/NBD and Gamma–Gamma on the segmentation's purchases up to
/// `today` and gives every buyer's outlook, by customer id; why not when
/// the history is too thin or the spends do not fit. `pace` may pause it
/// between the fits' evaluations and every [`BUYERS_PER_BREATH`] buyers.
pub async fn outlook(segmentation: &Segmentation, today: NaiveDate, pace: &impl Pace) -> Result<Vec<Outlook>, FitError> {
    let before_day = today.checked_sub_days(Days::new(LOOK_BACK_DAYS)).unwrap_or(today);
    let [now, then] = summarize_twice(&segmentation.purchases, [today, before_day], PERIOD_DAYS, pace).await;
    // Unpenalised, as lifetimes by default. A history with little spread
    // (buyers' paces or drop-out chances all alike) sends parameters off
    // toward infinity (see `lifetime::RUNAWAY`); lifetimes' own advice then
    // is a small penalty. The penalty grows tenfold until a fit settles.
    let mut fitted = BgNbd::fit(&now, 0.0, pace).await;
    for penalty in FALLBACK_PENALTIES {
        if !matches!(fitted, Err(FitError::NotConverged { .. })) {
            break;
        }
        fitted = BgNbd::fit(&now, penalty, pace).await;
    }
    let purchases = fitted?;
    let spend = GammaGamma::fit(&now, pace).await?;
    let mut before: HashMap<&str, f64> = HashMap::with_capacity(then.len());
    // A customer with one purchase then is alive by the model's definition
    // (probability 1); a second purchase since would read as a fall.
    for chunk in then.chunks(BUYERS_PER_BREATH) {
        before.extend(chunk.iter().filter(|c| c.frequency > 0).map(|c| (c.customer_id.as_str(), purchases.conditional_probability_alive(c))));
        pace.breathe().await;
    }
    let horizon = Horizon::year(PERIOD_DAYS);
    let mut outlooks = Vec::with_capacity(now.len());
    for chunk in now.chunks(BUYERS_PER_BREATH) {
        outlooks.extend(chunk.iter().map(|c| Outlook {
            customer_id: c.customer_id.clone(),
            p_alive: purchases.conditional_probability_alive(c),
            p_alive_before: before.get(c.customer_id.as_str()).copied(),
            value_12_months: customer_lifetime_value(&purchases, &spend, c, horizon),
        }));
        pace.breathe().await;
    }
    Ok(outlooks)
}

/// Valuable customers (monetary score 4 or 5) whose probability alive fell
/// by a tenth or more in three months, the most spent first.
pub fn churn_risk<'a>(segmentation: &Segmentation, outlooks: &'a [Outlook]) -> Vec<&'a Outlook> {
    let valuable: HashMap<&str, u8> = segmentation.scores.iter().map(|s| (s.customer_id.as_str(), s.monetary)).collect();
    let mut risky: Vec<&Outlook> = outlooks
        .iter()
        .filter(|o| valuable.get(o.customer_id.as_str()).is_some_and(|m| *m >= VALUABLE_MONETARY))
        .filter(|o| o.p_alive_before.is_some_and(|before| before - o.p_alive >= RISKY_FALL))
        .collect();
    risky.sort_by(|a, b| segmentation.spend_of(&b.customer_id).cmp(&segmentation.spend_of(&a.customer_id)).then_with(|| a.customer_id.cmp(&b.customer_id)));
    risky
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::test_data::stored;
    use crate::pace::Unpaced;
    use crate::reports::lifetime::MIN_REPEAT_CUSTOMERS;
    use pollster::block_on;
    use chrono::Datelike;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn segment(deals: &[&Envelope<Deal>], today: NaiveDate, currency: Option<Currency>) -> Segmentation {
        block_on(segmentation(won_purchases(deals, &Filter::default(), today, currency), today, &Unpaced))
    }

    fn won(id: usize, customer: &str, amount: i64, currency: Currency, on: NaiveDate) -> Envelope<Deal> {
        let fields = Deal { customer_id: customer.into(), amount, currency, status: Status::Won, closed_on: Some(on), ..Default::default() };
        stored(format!("d{id}"), fields)
    }

    #[test]
    fn scores_grid_and_currencies() {
        let deals = vec![
            won(1, "a", 500, Currency::Irt, day(2026, 6, 1)),
            won(2, "a", 500, Currency::Irt, day(2026, 6, 20)),
            won(3, "b", 100, Currency::Irt, day(2026, 1, 5)),
            won(4, "c", 9, Currency::Usd, day(2026, 6, 1)),
            // After today: not yet history.
            won(5, "b", 100, Currency::Irt, day(2026, 8, 1)),
        ];
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let s = segment(&refs, day(2026, 7, 1), None);
        assert_eq!((s.currency, s.currencies.clone()), (Some(Currency::Irt), vec![Currency::Irt, Currency::Usd]));
        let got: Vec<(&str, u8, u8, u8)> = s.scores.iter().map(|x| (x.customer_id.as_str(), x.recency, x.frequency, x.monetary)).collect();
        // Two buyers: a is better on every count (rank 1.5 of 2 → 4), b worse (0.5 of 2 → 2).
        assert_eq!(got, vec![("a", 4, 4, 4), ("b", 2, 2, 2)]);
        assert_eq!((s.grid[3][3], s.grid[1][1], s.grid.iter().flatten().sum::<usize>()), (1, 1, 2));
        assert_eq!(s.spend["a"], 1_000);
        let usd = segment(&refs, day(2026, 7, 1), Some(Currency::Usd));
        assert_eq!(usd.scores.len(), 1);
        assert_eq!(segment(&[], day(2026, 7, 1), None), Segmentation::default());
    }

    /// Sixty buyers since 2025 at different paces (every 12 to 82 days);
    /// the even ones stopped between December and February, the odd ones
    /// still buy.
    fn history() -> Vec<Envelope<Deal>> {
        let mut deals = Vec::new();
        for c in 0..60u32 {
            let gap = 12 + (c * 37) % 71;
            let stop = if c % 2 == 0 { day(2025, 12, 1) + Days::new(u64::from(c * 7 % 80)) } else { day(2026, 7, 1) };
            let mut on = day(2025, 1, 1) + Days::new(u64::from(c * 13 % 150));
            while on <= stop {
                deals.push(won(deals.len(), &format!("c{c:02}"), 1_000 + 150 * i64::from(c % 9) + i64::from(on.ordinal() % 50), Currency::Irt, on));
                on = on + Days::new(u64::from(gap + on.ordinal() % 9));
            }
        }
        deals
    }

    #[test]
    fn outlook_and_churn_risk() {
        let mut deals = history();
        // A one-time buyer who came back last week: not slipping away.
        deals.push(won(9_000, "back", 1_900, Currency::Irt, day(2025, 11, 1)));
        deals.push(won(9_001, "back", 1_900, Currency::Irt, day(2026, 6, 24)));
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let today = day(2026, 7, 1);
        let s = segment(&refs, today, None);
        let outlooks = block_on(outlook(&s, today, &Unpaced)).unwrap();
        assert_eq!(outlooks.len(), 61);
        assert_eq!(outlooks.iter().find(|o| o.customer_id == "back").unwrap().p_alive_before, None);
        let mean = |odd: u32| {
            let group: Vec<f64> = outlooks.iter().filter(|o| o.customer_id[1..].parse::<u32>().is_ok_and(|c| c % 2 == odd)).map(|o| o.p_alive).collect();
            group.iter().sum::<f64>() / group.len() as f64
        };
        // Those still buying are likelier alive than those who stopped.
        assert!(mean(1) > 0.8 && mean(0) < 0.5, "{} {}", mean(1), mean(0));
        assert!(outlooks.iter().all(|o| o.value_12_months.is_finite() && o.value_12_months >= 0.0 && (0.0..=1.0).contains(&o.p_alive)));
        let risky = churn_risk(&s, &outlooks);
        assert!(!risky.is_empty());
        assert!(risky.iter().all(|o| o.customer_id[1..].parse::<usize>().is_ok_and(|c| c % 2 == 0)), "only those who stopped: {risky:?}");
    }

    #[test]
    fn too_little_history_says_so() {
        let deals: Vec<Envelope<Deal>> = (0..3).map(|i| won(i, "a", 100, Currency::Irt, day(2026, 1 + i as u32, 1))).collect();
        let refs: Vec<&Envelope<Deal>> = deals.iter().collect();
        let s = segment(&refs, day(2026, 7, 1), None);
        assert_eq!(block_on(outlook(&s, day(2026, 7, 1), &Unpaced)), Err(FitError::TooLittleData { repeat_customers: 1, needed: MIN_REPEAT_CUSTOMERS }));
    }
}
