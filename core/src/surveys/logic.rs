//! Which questions show, whether a set of answers is complete and well
//! formed, whether a survey as built can be answered at all, and which
//! answers call for a complaint.

use super::model::{Answer, Answers, Choice, Kind, Question, Rule, Survey};
use std::collections::BTreeSet;

const MAX_SHORT: usize = 200;
const MAX_LONG: usize = 4_000;

/// Whether `q` shows given the answers so far. A question whose condition
/// names a hidden question is hidden too, so a chain of conditions holds.
pub fn is_shown(survey: &Survey, q: &Question, answers: &Answers) -> bool {
    shown_with(survey, q, answers, 0)
}

fn shown_with(survey: &Survey, q: &Question, answers: &Answers, depth: usize) -> bool {
    if q.retired {
        return false;
    }
    let Some(show_if) = &q.show_if else { return true };
    let Some(earlier) = survey.question(&show_if.question) else { return false };
    // A cycle cannot be built through the builder (conditions point back),
    // but a stored survey may be anything: stop rather than recurse forever.
    if depth > survey.questions.len() || !shown_with(survey, earlier, answers, depth + 1) {
        return false;
    }
    let Some(answer) = answers.get(&earlier.id) else { return false };
    match (&show_if.rule, answer) {
        (Rule::Answered, _) => true,
        (Rule::AtMost(n), Answer::Number(v)) => v <= n,
        (Rule::AtLeast(n), Answer::Number(v)) => v >= n,
        (Rule::AtMost(n), Answer::Pair(_, p)) => p <= n,
        (Rule::AtLeast(n), Answer::Pair(_, p)) => p >= n,
        (Rule::Is(id), Answer::Choices(ids)) => ids.contains(id),
        (Rule::Is(word), Answer::YesNo(yes)) => (word == "yes") == *yes,
        _ => false,
    }
}

/// The questions a respondent sees now, in order.
pub fn visible<'a>(survey: &'a Survey, answers: &Answers) -> Vec<&'a Question> {
    survey.questions.iter().filter(|q| is_shown(survey, q, answers)).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerProblem {
    Required,
    /// Not of the question's kind, out of its scale, or an unknown choice.
    Invalid,
    TooLong { max: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    pub question: String,
    pub problem: AnswerProblem,
}

/// The answers to keep: those of visible questions, checked against their
/// question. Answers to hidden or unknown questions are dropped (a
/// respondent who changed an earlier answer may have left them behind).
pub fn check_answers(survey: &Survey, answers: &Answers) -> Result<Answers, Vec<AnswerError>> {
    let mut kept = Answers::new();
    let mut errors = Vec::new();
    for q in visible(survey, answers) {
        let problem = match answers.get(&q.id) {
            None if q.required => Some(AnswerProblem::Required),
            None => None,
            Some(a) => answer_problem(q, a),
        };
        match problem {
            Some(problem) => errors.push(AnswerError { question: q.id.clone(), problem }),
            None => {
                if let Some(a) = answers.get(&q.id) {
                    kept.insert(q.id.clone(), a.clone());
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(kept)
    } else {
        Err(errors)
    }
}

/// The answers of a response code to keep: those that fit their question as
/// it stands, retired questions and choices included. The link carried the
/// survey as it was when sent, so required answers and show-if rules are not
/// judged again: a survey edited after the link went out must still accept
/// what the customer answered then. Answers to questions since deleted (only
/// possible for ones no link or response ever named) are dropped.
pub fn answers_as_sent(survey: &Survey, answers: &Answers) -> Result<Answers, Vec<AnswerError>> {
    let mut kept = Answers::new();
    let mut errors = Vec::new();
    for (id, a) in answers {
        let Some(q) = survey.question(id) else { continue };
        let as_sent = Question { retired: false, required: false, choices: q.choices.iter().map(|c| Choice { retired: false, ..c.clone() }).collect(), ..q.clone() };
        match answer_problem(&as_sent, a) {
            Some(problem) => errors.push(AnswerError { question: id.clone(), problem }),
            None => {
                kept.insert(id.clone(), a.clone());
            }
        }
    }
    if errors.is_empty() {
        Ok(kept)
    } else {
        Err(errors)
    }
}

fn answer_problem(q: &Question, a: &Answer) -> Option<AnswerProblem> {
    let in_scale = |v: &u8| q.kind.scale().is_some_and(|(lo, hi)| (lo..=hi).contains(v));
    let live_choice = |id: &String| q.choices.iter().any(|c| &c.id == id && !c.retired);
    let ok = match (q.kind, a) {
        (Kind::Servqual, Answer::Pair(e, p)) => in_scale(e) && in_scale(p),
        (Kind::Nps | Kind::Csat | Kind::Ces | Kind::Stars, Answer::Number(v)) => in_scale(v),
        (Kind::Single, Answer::Choices(ids)) => ids.len() == 1 && live_choice(&ids[0]),
        (Kind::Multiple, Answer::Choices(ids)) => {
            let distinct: BTreeSet<&String> = ids.iter().collect();
            distinct.len() == ids.len() && ids.iter().all(live_choice) && (!ids.is_empty() || !q.required)
        }
        (Kind::YesNo, Answer::YesNo(_)) => true,
        (Kind::ShortText | Kind::LongText, Answer::Text(t)) => {
            let max = if q.kind == Kind::ShortText { MAX_SHORT } else { MAX_LONG };
            if t.chars().count() > max {
                return Some(AnswerProblem::TooLong { max });
            }
            !(q.required && t.trim().is_empty())
        }
        _ => false,
    };
    if ok {
        None
    } else if matches!(a, Answer::Text(t) if t.trim().is_empty()) || matches!(a, Answer::Choices(c) if c.is_empty()) {
        Some(AnswerProblem::Required)
    } else {
        Some(AnswerProblem::Invalid)
    }
}

/// What keeps a survey from being answered as built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyProblem {
    NoName,
    NoQuestions,
    /// The question at this position has no text in either language.
    NoText(usize),
    /// A choice question with fewer than two choices, or a choice with no label.
    Choices(usize),
    /// Its condition names a question that is not earlier, or a rule that
    /// cannot apply to that question's kind.
    Condition(usize),
    DuplicateId(usize),
}

pub fn survey_problems(survey: &Survey) -> Vec<SurveyProblem> {
    let mut out = Vec::new();
    if survey.name.is_blank() {
        out.push(SurveyProblem::NoName);
    }
    if !survey.questions.iter().any(|q| !q.retired) {
        out.push(SurveyProblem::NoQuestions);
    }
    for (i, q) in survey.questions.iter().enumerate() {
        if survey.questions[..i].iter().any(|p| p.id == q.id) || q.id.is_empty() {
            out.push(SurveyProblem::DuplicateId(i));
        }
        if q.retired {
            continue;
        }
        if q.text.is_blank() {
            out.push(SurveyProblem::NoText(i));
        }
        let live: Vec<_> = q.choices.iter().filter(|c| !c.retired).collect();
        if q.kind.has_choices() && (live.len() < 2 || live.iter().any(|c| c.label.is_blank())) {
            out.push(SurveyProblem::Choices(i));
        }
        if let Some(s) = &q.show_if {
            let earlier = survey.questions[..i].iter().find(|p| p.id == s.question && !p.retired);
            let fits = earlier.is_some_and(|p| match &s.rule {
                Rule::Answered => true,
                Rule::AtMost(n) | Rule::AtLeast(n) => p.kind.scale().is_some_and(|(lo, hi)| (lo..=hi).contains(n)),
                Rule::Is(v) if p.kind == Kind::YesNo => v == "yes" || v == "no",
                Rule::Is(id) => p.kind.has_choices() && p.choices.iter().any(|c| &c.id == id),
            });
            if !fits {
                out.push(SurveyProblem::Condition(i));
            }
        }
    }
    out
}

/// Why a response calls for a complaint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alert {
    Detractor { score: u8 },
    LowCsat { score: u8 },
}

/// The first answer at or under the survey's thresholds, NPS before CSAT.
pub fn alert_for(survey: &Survey, answers: &Answers) -> Option<Alert> {
    let score = |kind: Kind| {
        survey.questions.iter().filter(|q| q.kind == kind).find_map(|q| match answers.get(&q.id) {
            Some(Answer::Number(v)) => Some(*v),
            _ => None,
        })
    };
    let nps = survey.alerts.nps_at_most.zip(score(Kind::Nps)).filter(|(max, v)| v <= max);
    let csat = survey.alerts.csat_at_most.zip(score(Kind::Csat)).filter(|(max, v)| v <= max);
    nps.map(|(_, score)| Alert::Detractor { score }).or(csat.map(|(_, score)| Alert::LowCsat { score }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::model::{Choice, ShowIf, Text};

    fn q(id: &str, kind: Kind) -> Question {
        Question { id: id.into(), kind, text: Text::new("پرسش", "Question"), ..Default::default() }
    }

    fn choice(id: &str) -> Choice {
        Choice { id: id.into(), label: Text::new(id, id), retired: false }
    }

    fn survey() -> Survey {
        let mut nps = q("q1", Kind::Nps);
        nps.required = true;
        let mut why = q("q2", Kind::LongText);
        why.show_if = Some(ShowIf { question: "q1".into(), rule: Rule::AtMost(6) });
        why.required = true;
        let mut what = q("q3", Kind::Multiple);
        what.choices = vec![choice("price"), choice("speed"), Choice { retired: true, ..choice("old") }];
        what.show_if = Some(ShowIf { question: "q2".into(), rule: Rule::Answered });
        let mut back = q("q4", Kind::YesNo);
        back.show_if = Some(ShowIf { question: "q1".into(), rule: Rule::AtLeast(9) });
        Survey { name: Text::new("نظرسنجی", "Survey"), questions: vec![nps, why, what, back], ..Default::default() }
    }

    fn answers(list: &[(&str, Answer)]) -> Answers {
        list.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    fn ids(qs: Vec<&Question>) -> Vec<&str> {
        qs.into_iter().map(|q| q.id.as_str()).collect()
    }

    #[test]
    fn show_if_follows_the_earlier_answer_and_chains() {
        let s = survey();
        assert_eq!(ids(visible(&s, &Answers::new())), ["q1"]);
        assert_eq!(ids(visible(&s, &answers(&[("q1", Answer::Number(6))]))), ["q1", "q2"]);
        assert_eq!(ids(visible(&s, &answers(&[("q1", Answer::Number(7))]))), ["q1"]);
        assert_eq!(ids(visible(&s, &answers(&[("q1", Answer::Number(10))]))), ["q1", "q4"]);
        // q3 hangs on q2, which hangs on q1: a stale q2 answer does not show q3.
        let stale = answers(&[("q1", Answer::Number(9)), ("q2", Answer::Text("slow".into()))]);
        assert_eq!(ids(visible(&s, &stale)), ["q1", "q4"]);
        let low = answers(&[("q1", Answer::Number(3)), ("q2", Answer::Text("slow".into()))]);
        assert_eq!(ids(visible(&s, &low)), ["q1", "q2", "q3"]);
    }

    #[test]
    fn yes_no_and_choice_rules() {
        let mut s = survey();
        s.questions[3].show_if = None;
        let mut after_yes = q("q5", Kind::ShortText);
        after_yes.show_if = Some(ShowIf { question: "q4".into(), rule: Rule::Is("no".into()) });
        let mut after_price = q("q6", Kind::ShortText);
        after_price.show_if = Some(ShowIf { question: "q3".into(), rule: Rule::Is("price".into()) });
        s.questions.extend([after_yes, after_price]);
        let a = answers(&[("q1", Answer::Number(2)), ("q2", Answer::Text("x".into())), ("q3", Answer::Choices(vec!["speed".into(), "price".into()])), ("q4", Answer::YesNo(false))]);
        assert_eq!(ids(visible(&s, &a)), ["q1", "q2", "q3", "q4", "q5", "q6"]);
        let a = answers(&[("q1", Answer::Number(2)), ("q2", Answer::Text("x".into())), ("q3", Answer::Choices(vec!["speed".into()])), ("q4", Answer::YesNo(true))]);
        assert_eq!(ids(visible(&s, &a)), ["q1", "q2", "q3", "q4"]);
    }

    #[test]
    fn a_condition_cycle_in_stored_data_hides_rather_than_hangs() {
        let mut s = survey();
        s.questions[0].show_if = Some(ShowIf { question: "q2".into(), rule: Rule::Answered });
        let all = answers(&[("q1", Answer::Number(1)), ("q2", Answer::Text("x".into()))]);
        assert!(visible(&s, &all).is_empty());
    }

    #[test]
    fn answers_are_checked_and_hidden_ones_dropped() {
        let s = survey();
        let missing = check_answers(&s, &answers(&[("q1", Answer::Number(4))])).unwrap_err();
        assert_eq!(missing, [AnswerError { question: "q2".into(), problem: AnswerProblem::Required }]);
        let blank = check_answers(&s, &answers(&[("q1", Answer::Number(4)), ("q2", Answer::Text("  ".into()))])).unwrap_err();
        assert_eq!(blank[0].problem, AnswerProblem::Required);
        let kept = check_answers(&s, &answers(&[("q1", Answer::Number(9)), ("q2", Answer::Text("left over".into())), ("zzz", Answer::Number(1))])).unwrap();
        assert_eq!(kept, answers(&[("q1", Answer::Number(9))]));
        for bad in [Answer::Number(11), Answer::Text("9".into()), Answer::Pair(9, 9)] {
            let e = check_answers(&s, &answers(&[("q1", bad)])).unwrap_err();
            assert_eq!(e[0].problem, AnswerProblem::Invalid);
        }
        let base = [("q1", Answer::Number(0)), ("q2", Answer::Text("bad".into()))];
        for (choices, ok) in [(vec!["price"], true), (vec!["price", "price"], false), (vec!["old"], false), (vec!["nope"], false), (vec![], true)] {
            let mut a = answers(&base);
            a.insert("q3".into(), Answer::Choices(choices.iter().map(|c| c.to_string()).collect()));
            assert_eq!(check_answers(&s, &a).is_ok(), ok, "{choices:?}");
        }
        let long = "ب".repeat(MAX_LONG + 1);
        let e = check_answers(&s, &answers(&[("q1", Answer::Number(0)), ("q2", Answer::Text(long))])).unwrap_err();
        assert_eq!(e[0].problem, AnswerProblem::TooLong { max: MAX_LONG });
    }

    #[test]
    fn answers_given_before_an_edit_are_still_accepted() {
        let mut s = survey();
        let sent = answers(&[("q1", Answer::Number(3)), ("q2", Answer::Text("slow".into())), ("q3", Answer::Choices(vec!["price".into()]))]);
        // After the link went out: a choice and a question retired, a required question added.
        s.questions[2].choices[0].retired = true;
        s.remove_question("q2", true);
        s.questions.push(Question { required: true, ..q("q5", Kind::Stars) });
        assert!(check_answers(&s, &sent).is_err(), "as a new response it would be refused");
        assert_eq!(answers_as_sent(&s, &sent), Ok(sent.clone()));
        // Still checked against each question's kind and scale.
        let bad = answers(&[("q1", Answer::Number(11)), ("q3", Answer::Choices(vec!["nope".into()])), ("gone", Answer::Number(1))]);
        let errors = answers_as_sent(&s, &bad).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.question.as_str()).collect::<Vec<_>>(), ["q1", "q3"]);
    }

    #[test]
    fn servqual_pairs_are_both_on_one_to_seven() {
        let s = Survey { questions: vec![q("q1", Kind::Servqual)], ..Default::default() };
        assert!(check_answers(&s, &answers(&[("q1", Answer::Pair(1, 7))])).is_ok());
        for bad in [Answer::Pair(0, 5), Answer::Pair(5, 8), Answer::Number(5)] {
            assert!(check_answers(&s, &answers(&[("q1", bad)])).is_err());
        }
    }

    #[test]
    fn survey_problems_name_each_question() {
        assert!(survey_problems(&survey()).is_empty());
        let mut s = survey();
        s.name = Text::default();
        s.questions[1].text = Text::default();
        s.questions[2].choices.truncate(1);
        s.questions[3].show_if = Some(ShowIf { question: "q4".into(), rule: Rule::Answered });
        s.questions.push(q("q1", Kind::Stars));
        let mut bad_rule = q("q9", Kind::ShortText);
        bad_rule.show_if = Some(ShowIf { question: "q1".into(), rule: Rule::AtLeast(11) });
        s.questions.push(bad_rule);
        assert_eq!(
            survey_problems(&s),
            [SurveyProblem::NoName, SurveyProblem::NoText(1), SurveyProblem::Choices(2), SurveyProblem::Condition(3), SurveyProblem::DuplicateId(4), SurveyProblem::Condition(5)]
        );
        assert!(survey_problems(&Survey { name: Text::new("x", ""), ..Default::default() }).contains(&SurveyProblem::NoQuestions));
    }

    #[test]
    fn removing_an_answered_question_retires_it_and_frees_its_dependents() {
        let mut s = survey();
        s.remove_question("q1", true);
        assert!(s.questions[0].retired);
        assert_eq!(s.questions[1].show_if, None);
        assert_eq!(s.next_question_id(), "q5");
        let mut fresh = survey();
        fresh.remove_question("q4", false);
        assert_eq!(fresh.questions.len(), 3);
        assert_eq!(fresh.next_question_id(), "q4");
    }

    #[test]
    fn alerts_fire_at_the_thresholds_and_can_be_switched_off() {
        let mut s = survey();
        let mut csat = q("q8", Kind::Csat);
        csat.required = false;
        s.questions.push(csat);
        let a = |nps: u8, c: u8| answers(&[("q1", Answer::Number(nps)), ("q8", Answer::Number(c))]);
        assert_eq!(alert_for(&s, &a(6, 5)), Some(Alert::Detractor { score: 6 }));
        assert_eq!(alert_for(&s, &a(7, 2)), Some(Alert::LowCsat { score: 2 }));
        assert_eq!(alert_for(&s, &a(7, 3)), None);
        s.alerts.nps_at_most = None;
        assert_eq!(alert_for(&s, &a(0, 4)), None);
        s.alerts.csat_at_most = Some(3);
        assert_eq!(alert_for(&s, &a(0, 3)), Some(Alert::LowCsat { score: 3 }));
    }
}
