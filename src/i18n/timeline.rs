//! The customer timeline.

texts! {
    TimelineTexts {
        // timeline
        timeline: "Timeline",
            "سوابق";
        timeline_edit: "Details edited",
            "ویرایش مشخصات";
        timeline_created: "Customer created",
            "ثبت مشتری";
        timeline_empty: "Nothing has happened with this customer yet.",
            "هنوز سابقه‌ای برای این مشتری ثبت نشده است.";
        show_more: "Show more",
            "نمایش بیشتر";
    }
}
