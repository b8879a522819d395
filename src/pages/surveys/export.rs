//! A survey's responses as a CSV file in the reader's language: one row per
//! response, one column per question (a SERVQUAL item two).

use super::channel_label;
use crate::i18n::{local_datetime, Texts};
use daftar_core::import::write_csv;
use daftar_core::locale::Lang;
use daftar_core::surveys::{Answer, Kind, Response, Survey};

/// One row per response, one column per question (SERVQUAL items two).
pub fn responses_csv(
    survey: &Survey,
    responses: &[Response],
    t: &Texts,
    lang: Lang,
    customer: &dyn Fn(&str) -> String,
) -> Vec<u8> {
    let mut headers: Vec<String> = vec![t.surveys.answered_at.into(), t.customers.customers.into(), t.surveys.channel.into()];
    for q in &survey.questions {
        let text = q.text.get(lang).to_string();
        if q.kind == Kind::Servqual {
            headers.push(format!("{text} ({})", t.surveys.expectation));
            headers.push(format!("{text} ({})", t.surveys.perception));
        } else {
            headers.push(text);
        }
    }
    let rows = responses.iter().map(|r| {
        let mut row = vec![
            local_datetime(r.answered_ms, lang),
            customer(&r.customer_id),
            channel_label(r.channel, t).into(),
        ];
        for q in &survey.questions {
            let cell = |a: Option<&Answer>| match a {
                Some(Answer::Number(v)) => v.to_string(),
                Some(Answer::YesNo(b)) => (if *b { t.yes } else { t.no }).to_string(),
                Some(Answer::Text(s)) => s.clone(),
                Some(Answer::Choices(ids)) => ids
                    .iter()
                    .map(|id| {
                        q.choices
                            .iter()
                            .find(|c| &c.id == id)
                            .map(|c| c.label.get(lang).to_string())
                            .unwrap_or_else(|| id.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(t.list_separator),
                _ => String::new(),
            };
            match (q.kind, r.answers.get(&q.id)) {
                (Kind::Servqual, Some(Answer::Pair(e, p))) => {
                    row.extend([e.to_string(), p.to_string()])
                }
                (Kind::Servqual, _) => row.extend([String::new(), String::new()]),
                (_, a) => row.push(cell(a)),
            }
        }
        row
    });
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    write_csv(&headers, rows)
}
