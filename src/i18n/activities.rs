//! Activities: calls, meetings, visits and their log.

texts! {
    ActivityTexts {
        // activities
        activity_call: "Call",
            "تماس";
        activity_meeting: "Meeting",
            "جلسه";
        activity_visit: "Visit",
            "بازدید";
        activity_email: "Email",
            "ایمیل";
        activity_note: "Note",
            "یادداشت";
        activity_negotiation: "Negotiation",
            "مذاکره";
        log_activity: "Log an activity",
            "ثبت فعالیت";
        field_subject: "Subject",
            "موضوع";
        field_when: "When",
            "زمان";
        field_purpose: "Purpose of the visit",
            "هدف بازدید";
        field_outcome: "Outcome",
            "نتیجه";
        field_next_step: "Next step",
            "گام بعدی";
        field_duration: "Duration (minutes)",
            "مدت (دقیقه)";
        field_location: "Location",
            "محل";
        visit_report: "Visit report",
            "گزارش بازدید";
        activity_saved: "Activity saved.",
            "فعالیت ثبت شد.";
        // merge
        activities: "Activities",
            "فعالیت‌ها";
        activity_deleted: "Activity deleted.",
            "فعالیت حذف شد.";
    }
}
