//! A survey's results: the headline scores (NPS, CSAT %, CES mean), each
//! question's distribution, the SERVQUAL gap per dimension, the trend by
//! month and breakdowns by any key (segment, owner, product).

use super::model::{Answer, Dimension, Kind, Response, Survey};
use crate::locale::{Lang, Month};
use chrono::NaiveDate;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Promoter,
    Passive,
    Detractor,
}

/// 9–10 promote, 7–8 are passive, 0–6 detract.
pub fn nps_group(score: u8) -> Group {
    match score {
        9.. => Group::Promoter,
        7..=8 => Group::Passive,
        _ => Group::Detractor,
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NpsGroup {
    pub promoters: usize,
    pub passives: usize,
    pub detractors: usize,
}

impl NpsGroup {
    /// Counts one 0–10 score in its group.
    pub fn count(&mut self, score: u8) {
        match nps_group(score) {
            Group::Promoter => self.promoters += 1,
            Group::Passive => self.passives += 1,
            Group::Detractor => self.detractors += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.promoters + self.passives + self.detractors
    }

    /// % promoters − % detractors, −100 to 100, rounded to the nearest
    /// whole number; None with no answers.
    pub fn score(&self) -> Option<i32> {
        let n = self.total() as f64;
        (n > 0.0).then(|| ((self.promoters as f64 - self.detractors as f64) * 100.0 / n).round() as i32)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub responses: usize,
    pub nps: NpsGroup,
    /// Share of 4 and 5 among CSAT answers, in percent.
    pub csat_percent: Option<f64>,
    pub csat_answers: usize,
    pub ces_mean: Option<f64>,
    pub ces_answers: usize,
}

impl Scores {
    pub fn of<'a>(survey: &Survey, responses: impl IntoIterator<Item = &'a Response>) -> Scores {
        let mut s = Scores::default();
        let (mut satisfied, mut ces_sum) = (0usize, 0u64);
        for r in responses {
            s.responses += 1;
            for q in &survey.questions {
                let Some(Answer::Number(v)) = r.answers.get(&q.id) else { continue };
                match q.kind {
                    Kind::Nps => s.nps.count(*v),
                    Kind::Csat => {
                        s.csat_answers += 1;
                        satisfied += usize::from(*v >= 4);
                    }
                    Kind::Ces => {
                        s.ces_answers += 1;
                        ces_sum += u64::from(*v);
                    }
                    _ => {}
                }
            }
        }
        s.csat_percent = (s.csat_answers > 0).then(|| satisfied as f64 * 100.0 / s.csat_answers as f64);
        s.ces_mean = (s.ces_answers > 0).then(|| ces_sum as f64 / s.ces_answers as f64);
        s
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Distribution {
    /// Count per scale value, lowest first, every value listed.
    Scale { counts: Vec<(u8, usize)>, mean: Option<f64> },
    /// Count per choice id, in the question's order (retired ones too).
    Choices(Vec<(String, usize)>),
    YesNo { yes: usize, no: usize },
    /// Free-text answers, newest first, with the response they came from.
    Texts(Vec<(usize, String)>),
    /// SERVQUAL item: mean expectation and perception.
    Pair { expectation: Option<f64>, perception: Option<f64>, answers: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    pub question: String,
    pub answers: usize,
    pub distribution: Distribution,
}

/// Perception − expectation over a dimension's items: below zero the
/// service fell short of what was expected.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ServqualGap {
    pub dimension: Dimension,
    pub expectation: f64,
    pub perception: f64,
    pub gap: f64,
    pub answers: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub scores: Scores,
    pub questions: Vec<QuestionResult>,
    pub servqual: Vec<ServqualGap>,
}

impl Summary {
    /// `responses` in any order; texts come out newest first.
    pub fn of(survey: &Survey, responses: &[&Response]) -> Summary {
        let mut order: Vec<usize> = (0..responses.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(responses[i].answered_ms));
        let questions = survey.questions.iter().map(|q| question_result(q, responses, &order)).collect();
        Summary { scores: Scores::of(survey, responses.iter().copied()), questions, servqual: servqual(survey, responses) }
    }
}

fn question_result(q: &super::model::Question, responses: &[&Response], newest_first: &[usize]) -> QuestionResult {
    let answers: Vec<(usize, &Answer)> = newest_first.iter().filter_map(|&i| Some((i, responses[i].answers.get(&q.id)?))).collect();
    let mean = |values: &mut dyn Iterator<Item = u8>| {
        let (sum, n) = values.fold((0u64, 0u64), |(s, n), v| (s + u64::from(v), n + 1));
        (n > 0).then(|| sum as f64 / n as f64)
    };
    let distribution = match q.kind {
        Kind::Servqual => {
            let pairs: Vec<(u8, u8)> = answers.iter().filter_map(|(_, a)| if let Answer::Pair(e, p) = a { Some((*e, *p)) } else { None }).collect();
            Distribution::Pair { expectation: mean(&mut pairs.iter().map(|p| p.0)), perception: mean(&mut pairs.iter().map(|p| p.1)), answers: pairs.len() }
        }
        kind if kind.scale().is_some() => {
            let (lo, hi) = kind.scale().unwrap_or_default();
            let values: Vec<u8> = answers.iter().filter_map(|(_, a)| if let Answer::Number(v) = a { Some(*v) } else { None }).collect();
            let counts = (lo..=hi).map(|v| (v, values.iter().filter(|x| **x == v).count())).collect();
            Distribution::Scale { counts, mean: mean(&mut values.iter().copied()) }
        }
        Kind::Single | Kind::Multiple => Distribution::Choices(
            q.choices
                .iter()
                .map(|c| (c.id.clone(), answers.iter().filter(|(_, a)| matches!(a, Answer::Choices(ids) if ids.contains(&c.id))).count()))
                .collect(),
        ),
        Kind::YesNo => {
            let yes = answers.iter().filter(|(_, a)| matches!(a, Answer::YesNo(true))).count();
            let no = answers.iter().filter(|(_, a)| matches!(a, Answer::YesNo(false))).count();
            Distribution::YesNo { yes, no }
        }
        _ => Distribution::Texts(answers.iter().filter_map(|(i, a)| if let Answer::Text(t) = a { (!t.trim().is_empty()).then(|| (*i, t.clone())) } else { None }).collect()),
    };
    QuestionResult { question: q.id.clone(), answers: answers.len(), distribution }
}

fn servqual(survey: &Survey, responses: &[&Response]) -> Vec<ServqualGap> {
    Dimension::ALL
        .iter()
        .filter_map(|&dimension| {
            let (mut e, mut p, mut n) = (0u64, 0u64, 0usize);
            for q in survey.questions.iter().filter(|q| q.kind == Kind::Servqual && q.dimension == Some(dimension)) {
                for r in responses {
                    if let Some(Answer::Pair(a, b)) = r.answers.get(&q.id) {
                        e += u64::from(*a);
                        p += u64::from(*b);
                        n += 1;
                    }
                }
            }
            (n > 0).then(|| {
                let (expectation, perception) = (e as f64 / n as f64, p as f64 / n as f64);
                ServqualGap { dimension, expectation, perception, gap: perception - expectation, answers: n }
            })
        })
        .collect()
}

/// Scores per calendar month of answering, oldest first: months in the
/// reader's calendar, split at the reader's midnight (`local_date` turns a
/// time into the reader's local date).
pub fn by_month<'a>(survey: &Survey, responses: impl IntoIterator<Item = &'a Response>, lang: Lang, local_date: &dyn Fn(i64) -> NaiveDate) -> Vec<(Month, Scores)> {
    let mut months: BTreeMap<(i32, u32), Vec<&Response>> = BTreeMap::new();
    for r in responses {
        let m = Month::of(local_date(r.answered_ms), lang);
        months.entry((m.year, m.month)).or_default().push(r);
    }
    months.into_iter().map(|((year, month), rs)| (Month { year, month, lang }, Scores::of(survey, rs))).collect()
}

/// Scores per key (a segment, an owner, a product); responses without a
/// key are grouped under "". Largest group first.
pub fn breakdown<'a>(survey: &Survey, responses: impl IntoIterator<Item = &'a Response>, key: impl Fn(&Response) -> Vec<String>) -> Vec<(String, Scores)> {
    let mut groups: BTreeMap<String, Vec<&Response>> = BTreeMap::new();
    for r in responses {
        let keys = key(r);
        if keys.is_empty() {
            groups.entry(String::new()).or_default().push(r);
        }
        for k in keys {
            groups.entry(k).or_default().push(r);
        }
    }
    let mut out: Vec<(String, Scores)> = groups.into_iter().map(|(k, rs)| (k, Scores::of(survey, rs))).collect();
    out.sort_by(|a, b| b.1.responses.cmp(&a.1.responses).then_with(|| a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::model::{Answers, Choice, Question, Text};

    fn survey() -> Survey {
        let q = |id: &str, kind: Kind, dimension: Option<Dimension>| Question { id: id.into(), kind, dimension, text: Text::new("پ", "q"), ..Default::default() };
        let mut choice = q("c", Kind::Multiple, None);
        choice.choices = ["a", "b"].iter().map(|id| Choice { id: id.to_string(), label: Text::new(id, id), retired: false }).collect();
        Survey {
            questions: vec![
                q("nps", Kind::Nps, None),
                q("csat", Kind::Csat, None),
                q("ces", Kind::Ces, None),
                choice,
                q("t", Kind::LongText, None),
                q("s1", Kind::Servqual, Some(Dimension::Reliability)),
                q("s2", Kind::Servqual, Some(Dimension::Reliability)),
                q("s3", Kind::Servqual, Some(Dimension::Empathy)),
            ],
            ..Default::default()
        }
    }

    fn response(at: i64, list: &[(&str, Answer)]) -> Response {
        let answers: Answers = list.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        Response { answered_ms: at, answers, ..Default::default() }
    }

    fn nps(values: &[u8]) -> NpsGroup {
        let rs: Vec<Response> = values.iter().map(|v| response(0, &[("nps", Answer::Number(*v))])).collect();
        Scores::of(&survey(), &rs).nps
    }

    #[test]
    fn nps_edges() {
        assert_eq!(nps(&[]).score(), None);
        assert_eq!(nps(&[7, 8, 7]).score(), Some(0), "all passives");
        assert_eq!(nps(&[9, 10, 7]).score(), Some(67), "no detractors");
        assert_eq!(nps(&[0, 6]).score(), Some(-100));
        assert_eq!(nps(&[10, 10]).score(), Some(100));
        assert_eq!(nps(&[9, 6, 8]), NpsGroup { promoters: 1, passives: 1, detractors: 1 });
        assert_eq!([0, 6, 7, 8, 9, 10].map(nps_group), [Group::Detractor, Group::Detractor, Group::Passive, Group::Passive, Group::Promoter, Group::Promoter]);
    }

    #[test]
    fn csat_is_the_share_of_four_and_five_and_ces_the_mean() {
        let rs = [
            response(0, &[("csat", Answer::Number(5)), ("ces", Answer::Number(7))]),
            response(0, &[("csat", Answer::Number(4)), ("ces", Answer::Number(2))]),
            response(0, &[("csat", Answer::Number(3))]),
            response(0, &[("csat", Answer::Number(1))]),
            response(0, &[("t", Answer::Text("no scores".into()))]),
        ];
        let s = Scores::of(&survey(), &rs);
        assert_eq!((s.responses, s.csat_answers, s.csat_percent, s.ces_mean), (5, 4, Some(50.0), Some(4.5)));
        let none = Scores::of(&survey(), &rs[4..]);
        assert_eq!((none.csat_percent, none.ces_mean, none.nps.score()), (None, None, None));
    }

    #[test]
    fn distributions_list_every_value_and_choice() {
        let rs = [
            response(1, &[("nps", Answer::Number(10)), ("c", Answer::Choices(vec!["a".into(), "b".into()])), ("t", Answer::Text("first".into()))]),
            response(2, &[("nps", Answer::Number(10)), ("c", Answer::Choices(vec!["b".into()])), ("t", Answer::Text("second".into()))]),
            response(3, &[("t", Answer::Text("  ".into()))]),
        ];
        let refs: Vec<&Response> = rs.iter().collect();
        let s = Summary::of(&survey(), &refs);
        let Distribution::Scale { counts, mean } = &s.questions[0].distribution else { panic!() };
        assert_eq!(counts.len(), 11);
        assert_eq!((counts[10], *mean), ((10, 2), Some(10.0)));
        assert_eq!(s.questions[3].distribution, Distribution::Choices(vec![("a".into(), 1), ("b".into(), 2)]));
        assert_eq!(s.questions[4].distribution, Distribution::Texts(vec![(1, "second".into()), (0, "first".into())]));
    }

    #[test]
    fn servqual_gap_is_perception_minus_expectation_per_dimension() {
        let rs = [response(0, &[("s1", Answer::Pair(7, 5)), ("s2", Answer::Pair(6, 6)), ("s3", Answer::Pair(4, 6))]), response(0, &[("s1", Answer::Pair(7, 4))])];
        let refs: Vec<&Response> = rs.iter().collect();
        let gaps = Summary::of(&survey(), &refs).servqual;
        assert_eq!(gaps.len(), 2, "dimensions without answers are left out");
        assert_eq!((gaps[0].dimension, gaps[0].answers, gaps[0].expectation, gaps[0].perception, gaps[0].gap), (Dimension::Reliability, 3, 20.0 / 3.0, 5.0, 5.0 - 20.0 / 3.0));
        assert_eq!((gaps[1].dimension, gaps[1].gap), (Dimension::Empathy, 2.0));
    }

    #[test]
    fn trend_months_follow_the_readers_calendar() {
        // 2026-03-20 is Esfand 1404; 2026-03-21 is Farvardin 1405. 21:00 UTC
        // on the 20th is already the 21st in Tehran (+3:30).
        let at = |d: u32, h: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap().and_hms_opt(h, 0, 0).unwrap().and_utc().timestamp_millis();
        let tehran = |ms: i64| chrono::DateTime::from_timestamp_millis(ms + 12_600_000).unwrap().date_naive();
        let rs = [response(at(20, 12), &[("nps", Answer::Number(0))]), response(at(20, 21), &[("nps", Answer::Number(10))])];
        let key = |m: &Month| (m.year, m.month);
        let fa = by_month(&survey(), &rs, Lang::Fa, &tehran);
        assert_eq!(fa.iter().map(|(m, s)| (key(m), s.nps.score())).collect::<Vec<_>>(), [((1404, 12), Some(-100)), ((1405, 1), Some(100))]);
        let en = by_month(&survey(), &rs, Lang::En, &tehran);
        assert_eq!(en.iter().map(|(m, s)| (key(m), s.nps.score())).collect::<Vec<_>>(), [((2026, 3), Some(0))]);
    }

    #[test]
    fn breakdown_groups_by_any_key_and_keeps_the_keyless() {
        let mut rs: Vec<Response> = [10, 9, 0].iter().map(|v| response(0, &[("nps", Answer::Number(*v))])).collect();
        rs[0].product_id = "p1".into();
        rs[1].product_id = "p1".into();
        let groups = breakdown(&survey(), &rs, |r| if r.product_id.is_empty() { vec![] } else { vec![r.product_id.clone()] });
        assert_eq!(groups.iter().map(|(k, s)| (k.as_str(), s.responses, s.nps.score())).collect::<Vec<_>>(), [("p1", 2, Some(100)), ("", 1, Some(-100))]);
    }
}
