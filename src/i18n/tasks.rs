//! Tasks and the inbox.

texts! {
    TaskTexts {
        // tasks and inbox
        nav_inbox: "Inbox",
            "کارتابل";
        tasks: "Tasks",
            "کارها";
        new_task: "New task",
            "کار جدید";
        field_due: "Due",
            "موعد";
        field_priority: "Priority",
            "اولویت";
        priority_low: "Low",
            "پایین";
        priority_normal: "Normal",
            "عادی";
        priority_high: "High",
            "بالا";
        priority_urgent: "Urgent",
            "فوری";
        bucket_overdue: "Overdue",
            "عقب‌افتاده";
        bucket_today: "Today",
            "امروز";
        bucket_week: "Next 7 days",
            "هفت روز آینده";
        bucket_later: "Later",
            "بعداً";
        bucket_undated: "No due date",
            "بدون موعد";
        sort_by_due: "By due date",
            "بر اساس موعد";
        sort_by_priority: "By priority",
            "بر اساس اولویت";
        complete: "Done",
            "انجام شد";
        task_saved: "Task saved.",
            "کار ذخیره شد.";
        task_done: "Task done. Log what happened and plan the next step?",
            "کار انجام شد. نتیجه را ثبت و گام بعدی را برنامه‌ریزی می‌کنید؟";
        inbox_empty: "Nothing to do. Enjoy the day!",
            "کاری در کارتابل نیست.";
        open_tasks: "Open tasks",
            "کارهای باز";
        reminder: "Reminder",
            "یادآوری";
        // timeline
        timeline_task: "Task",
            "کار";
        timeline_task_done: "Task done",
            "کار انجام شد";
        // merge
        edit_task: "Edit task",
            "ویرایش کار";
    }
}
