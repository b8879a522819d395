//! The customer timeline's lines for survey responses and survey links sent.

use super::channel_label;
use crate::i18n::{local_datetime, Texts};
use crate::timeline::item::Item;
use daftar_core::locale::Lang;
use daftar_core::store::Record;
use daftar_core::surveys::{IssuedLink, Response, RESPONSE};

/// The customer timeline's lines for survey responses and links.
pub fn timeline_items(record: &Record, t: &Texts, lang: Lang) -> Vec<Item> {
    let href = |id: &str| Some(format!("/surveys/{id}"));
    if record.kind == RESPONSE {
        let Ok(r) = record.decode::<Response>() else {
            return Vec::new();
        };
        let detail = channel_label(r.channel, t);
        return vec![Item {
            at: r.answered_ms,
            kind: "survey",
            label: t.surveys.survey_answered.into(),
            title: r.survey_name.get(lang).into(),
            detail: detail.into(),
            when: local_datetime(r.answered_ms, lang),
            href: href(&r.survey_id),
        }];
    }
    let Ok(l) = record.decode::<IssuedLink>() else {
        return Vec::new();
    };
    vec![Item {
        at: l.issued_ms,
        kind: "survey-link",
        label: t.surveys.survey_link_sent.into(),
        title: l.survey_name.get(lang).into(),
        detail: String::new(),
        when: local_datetime(l.issued_ms, lang),
        href: href(&l.survey_id),
    }]
}
