//! Ready surveys a business starts from: relationship NPS, after-sale CSAT,
//! after-service (a warranty claim closed) and the 22-item SERVQUAL.

use super::model::{Choice, Dimension, Kind, Purpose, Question, Rule, ShowIf, Survey, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    RelationshipNps,
    AfterSaleCsat,
    AfterService,
    Servqual,
}

impl Template {
    pub const ALL: [Template; 4] = [Template::RelationshipNps, Template::AfterSaleCsat, Template::AfterService, Template::Servqual];
}

fn question(id: usize, kind: Kind, fa: &str, en: &str, required: bool) -> Question {
    Question { id: format!("q{id}"), kind, text: Text::new(fa, en), required, ..Default::default() }
}

fn choices(list: &[(&str, &str, &str)]) -> Vec<Choice> {
    list.iter().map(|(id, fa, en)| Choice { id: id.to_string(), label: Text::new(fa, en), retired: false }).collect()
}

fn shown_if(mut q: Question, on: usize, rule: Rule) -> Question {
    q.show_if = Some(ShowIf { question: format!("q{on}"), rule });
    q
}

const THANKS: (&str, &str) = ("از وقتی که گذاشتید سپاسگزاریم. پاسخ شما به ما کمک می‌کند بهتر شویم.", "Thank you for your time. Your answers help us do better.");

pub fn template(t: Template) -> Survey {
    let thanks = Text::new(THANKS.0, THANKS.1);
    match t {
        Template::RelationshipNps => Survey {
            name: Text::new("نظرسنجی وفاداری (NPS)", "Relationship NPS"),
            intro: Text::new("دو دقیقه از وقت شما: تجربهٔ شما از همکاری با ما چگونه بوده است؟", "Two minutes of your time: how has working with us been?"),
            thanks,
            purpose: Purpose::Relationship,
            questions: vec![
                question(1, Kind::Nps, "چقدر احتمال دارد ما را به دوست یا همکار خود پیشنهاد کنید؟", "How likely are you to recommend us to a friend or colleague?", true),
                shown_if(question(2, Kind::LongText, "چه چیزی باید بهتر شود تا نمرهٔ بالاتری بدهید؟", "What should we improve for you to give a higher score?", false), 1, Rule::AtMost(8)),
                shown_if(question(3, Kind::LongText, "چه چیزی را بیش از همه می‌پسندید؟", "What do you like most about us?", false), 1, Rule::AtLeast(9)),
            ],
            ..Default::default()
        },
        Template::AfterSaleCsat => {
            let mut delivery = question(3, Kind::Single, "تحویل کالا چگونه بود؟", "How was the delivery?", false);
            delivery.choices = choices(&[("on_time", "به‌موقع و سالم", "On time and intact"), ("late", "با تأخیر", "Late"), ("damaged", "آسیب‌دیده یا ناقص", "Damaged or incomplete")]);
            Survey {
                name: Text::new("رضایت پس از خرید (CSAT)", "After-sale CSAT"),
                intro: Text::new("از خرید شما سپاسگزاریم. لطفاً تجربهٔ خود را با ما در میان بگذارید.", "Thank you for your purchase. Please tell us how it went."),
                thanks,
                purpose: Purpose::AfterSale,
                questions: vec![
                    question(1, Kind::Csat, "در مجموع چقدر از خرید خود راضی هستید؟", "Overall, how satisfied are you with your purchase?", true),
                    question(2, Kind::Stars, "به کیفیت کالا یا خدمت چه امتیازی می‌دهید؟", "How would you rate the product or service?", false),
                    delivery,
                    question(4, Kind::YesNo, "آیا دوباره از ما خرید می‌کنید؟", "Would you buy from us again?", false),
                    shown_if(question(5, Kind::LongText, "چه چیزی شما را ناراضی کرد؟", "What disappointed you?", false), 1, Rule::AtMost(2)),
                    question(6, Kind::LongText, "اگر نکتهٔ دیگری دارید بنویسید.", "Anything else you would like to tell us?", false),
                ],
                ..Default::default()
            }
        }
        Template::AfterService => Survey {
            name: Text::new("رضایت از خدمات پس از فروش", "After-service satisfaction"),
            intro: Text::new("درخواست خدمات شما بسته شد. نظر شما دربارهٔ آن برای ما مهم است.", "Your service request has been closed. We would value your view of it."),
            thanks,
            purpose: Purpose::AfterService,
            questions: vec![
                question(1, Kind::Csat, "چقدر از خدماتی که دریافت کردید راضی هستید؟", "How satisfied are you with the service you received?", true),
                question(2, Kind::Ces, "حل شدن مشکلتان چقدر آسان بود؟ (۷ = بسیار آسان)", "How easy was it to get your issue resolved? (7 = very easy)", true),
                question(3, Kind::YesNo, "آیا مشکل در همان مراجعهٔ اول حل شد؟", "Was the issue fixed on the first visit?", false),
                question(4, Kind::Stars, "به کارشناس فنی چه امتیازی می‌دهید؟", "How would you rate the technician?", false),
                question(5, Kind::LongText, "چه پیشنهادی برای بهتر شدن خدمات دارید؟", "How could we make our service better?", false),
            ],
            ..Default::default()
        },
        Template::Servqual => Survey {
            name: Text::new("کیفیت خدمات (SERVQUAL)", "Service quality (SERVQUAL)"),
            intro: Text::new(
                "برای هر جمله دو نمره بدهید، از ۱ (کاملاً مخالف) تا ۷ (کاملاً موافق): انتظار شما از یک شرکت عالی، و آنچه از ما دیده‌اید.",
                "For each statement give two scores from 1 (strongly disagree) to 7 (strongly agree): what you expect of an excellent company, and what you have seen from us.",
            ),
            thanks,
            purpose: Purpose::General,
            questions: SERVQUAL
                .iter()
                .enumerate()
                .map(|(i, (dimension, fa, en))| Question { dimension: Some(*dimension), ..question(i + 1, Kind::Servqual, fa, en, true) })
                .collect(),
            ..Default::default()
        },
    }
}

/// The 22 SERVQUAL statements (Parasuraman, Zeithaml and Berry, 1988), in our words.
const SERVQUAL: [(Dimension, &str, &str); 22] = [
    (Dimension::Tangibles, "تجهیزات شرکت به‌روز است.", "The company has up-to-date equipment."),
    (Dimension::Tangibles, "محل کار و امکانات شرکت ظاهر خوبی دارد.", "Its premises and facilities look good."),
    (Dimension::Tangibles, "کارکنان آراسته و حرفه‌ای به نظر می‌رسند.", "Its staff look neat and professional."),
    (Dimension::Tangibles, "مدارک، فاکتورها و بروشورها روشن و خوانا هستند.", "Its documents, invoices and brochures are clear."),
    (Dimension::Reliability, "کاری را که وعده می‌دهد در زمان وعده‌داده انجام می‌دهد.", "It does what it promises by the promised time."),
    (Dimension::Reliability, "برای حل مشکل مشتری علاقهٔ واقعی نشان می‌دهد.", "It shows a sincere interest in solving your problem."),
    (Dimension::Reliability, "خدمت را همان بار اول درست انجام می‌دهد.", "It gets the service right the first time."),
    (Dimension::Reliability, "خدمات را در زمانی که گفته ارائه می‌کند.", "It delivers its services when it says it will."),
    (Dimension::Reliability, "سوابق و حساب‌ها را بدون خطا نگه می‌دارد.", "It keeps its records and accounts free of errors."),
    (Dimension::Responsiveness, "دقیقاً می‌گوید خدمت چه زمانی انجام می‌شود.", "It tells you exactly when a service will be done."),
    (Dimension::Responsiveness, "کارکنان خدمت را بی‌درنگ ارائه می‌کنند.", "Its staff give you prompt service."),
    (Dimension::Responsiveness, "کارکنان همیشه مایل به کمک هستند.", "Its staff are always willing to help."),
    (Dimension::Responsiveness, "کارکنان هیچ‌وقت آن‌قدر گرفتار نیستند که پاسخ ندهند.", "Its staff are never too busy to respond."),
    (Dimension::Assurance, "رفتار کارکنان اعتماد ایجاد می‌کند.", "The behaviour of its staff inspires confidence."),
    (Dimension::Assurance, "در معامله با این شرکت احساس امنیت می‌کنید.", "You feel safe in your dealings with it."),
    (Dimension::Assurance, "کارکنان همواره مؤدب هستند.", "Its staff are always courteous."),
    (Dimension::Assurance, "کارکنان دانش لازم برای پاسخ به پرسش‌های شما را دارند.", "Its staff know enough to answer your questions."),
    (Dimension::Empathy, "به هر مشتری توجه ویژه دارد.", "It gives each customer individual attention."),
    (Dimension::Empathy, "ساعات کاری آن برای همهٔ مشتریان مناسب است.", "Its opening hours suit all its customers."),
    (Dimension::Empathy, "کارکنانی دارد که شخصاً به شما توجه می‌کنند.", "Its staff give you personal attention."),
    (Dimension::Empathy, "منافع شما را در نظر دارد.", "It has your best interests at heart."),
    (Dimension::Empathy, "نیازهای خاص شما را درک می‌کند.", "It understands your specific needs."),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::logic::survey_problems;

    #[test]
    fn every_template_is_answerable_in_both_languages() {
        for t in Template::ALL {
            let s = template(t);
            assert_eq!(survey_problems(&s), [], "{t:?}");
            for q in &s.questions {
                assert!(!q.text.fa.is_empty() && !q.text.en.is_empty(), "{t:?} {}", q.id);
            }
        }
    }

    #[test]
    fn link_payloads_round_trip_deflated_and_refuse_bombs_and_garbage() {
        use crate::surveys::LinkPayload;
        for t in Template::ALL {
            let p = LinkPayload { survey: template(t), reply_to: "sales@example.com".into(), expires_ms: 42, ..Default::default() };
            let bytes = p.to_bytes();
            assert!(bytes.len() * 2 < serde_json::to_vec(&p).unwrap().len(), "{t:?}: deflate at least halves it");
            assert_eq!(LinkPayload::from_bytes(&bytes), Some(p));
        }
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 4 * 1024 * 1024], 9);
        assert!(bomb.len() < 10_000);
        assert_eq!(LinkPayload::from_bytes(&bomb), None);
        assert_eq!(LinkPayload::from_bytes(b"not deflate at all"), None);
    }

    #[test]
    fn servqual_covers_the_five_dimensions_with_22_items() {
        let s = template(Template::Servqual);
        assert_eq!(s.questions.len(), 22);
        let per: Vec<usize> = Dimension::ALL.iter().map(|d| s.questions.iter().filter(|q| q.dimension == Some(*d)).count()).collect();
        assert_eq!(per, [4, 5, 4, 4, 5]);
    }
}
