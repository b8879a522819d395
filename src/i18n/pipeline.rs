//! Sales pipeline: deals, the board, the forecast and pipeline settings.

use super::words::{en_count, fa};

texts! {
    PipelineTexts {
        // pipeline
        field_amount: "Amount",
            "مبلغ";
        field_stage: "Stage",
            "مرحله";
        field_probability: "Win probability %",
            "احتمال موفقیت ٪";
        field_lost_reason: "Lost reason",
            "دلیل ناموفق بودن";
        field_quantity: "Quantity",
            "تعداد";
        field_percent: "Percentage",
            "درصد";
        // pipeline board
        card_role_description: "movable card",
            "کارت جابه‌جاشدنی";
        carrying_to: "Drop in:",
            "رها کردن در:";
        deal_won: "Won",
            "موفق";
        deal_lost: "Lost",
            "ناموفق";
        move_cancelled: "Put back where it was.",
            "سر جای خود برگشت.";
        card_moved: "Moved.",
            "جابه‌جا شد.";
        quick_add_deal: "Add a deal in this stage",
            "افزودن فرصت در این مرحله";
        view_board: "Board",
            "تخته";
        view_table: "Table",
            "جدول";
        sort_by: "Sort by",
            "مرتب‌سازی بر اساس";
        view_forecast: "Forecast",
            "پیش‌بینی";
        new_deal: "New deal",
            "فرصت فروش جدید";
        weighted_short: "weighted",
            "وزنی";
        deal_gone: "This deal was deleted or changed elsewhere; the board shows it as it is now.",
            "این فرصت جای دیگری حذف یا تغییر کرده است؛ تخته وضعیت فعلی را نشان می‌دهد.";
        deal_marked_won: "Deal marked as won.",
            "فرصت موفق ثبت شد.";
        deal_marked_lost: "Deal marked as lost.",
            "فرصت ناموفق ثبت شد.";
        lost_reason_required: "A lost deal needs a reason: pick one or write your own.",
            "برای فرصت ناموفق دلیل لازم است: یکی را انتخاب کنید یا بنویسید.";
        mark_won: "Mark as won",
            "ثبت موفق";
        mark_lost: "Mark as lost",
            "ثبت ناموفق";
        lost_reason_other: "Or in your own words",
            "یا با کلمات خودتان";
        field_closed_on: "Closed on",
            "تاریخ بسته شدن";
        filters: "Filters",
            "فیلترها";
        rotting_only: "Rotting only",
            "فقط راکدها";
        anyone: "Anyone",
            "همه";
        close_from: "Expected close from",
            "تاریخ بستن از";
        close_to: "Expected close to",
            "تاریخ بستن تا";
        field_customer: "Customer",
            "مشتری";
        edit_deal: "Edit deal",
            "ویرایش فرصت فروش";
        deal_saved: "Deal saved.",
            "فرصت فروش ذخیره شد.";
        deal_deleted: "Deal deleted.",
            "فرصت فروش حذف شد.";
        amount_from_lines: "The amount is the total of the line items.",
            "مبلغ، جمع اقلام است.";
        field_expected_close: "Expected close",
            "تاریخ پیش‌بینی بستن";
        field_next_step_on: "Next step on",
            "تاریخ گام بعدی";
        field_deal_source: "Source or campaign",
            "منبع یا کمپین";
        competitors: "Competitors",
            "رقبا";
        stage_history: "Time in each stage",
            "زمان در هر مرحله";
        deals: "Deals",
            "فرصت‌های فروش";
        timeline_deal_created: "New deal",
            "فرصت فروش جدید";
        timeline_deal_reopened: "Deal reopened",
            "فرصت بازگشایی شد";
        timeline_deal_moved: "Deal moved to",
            "فرصت رفت به";
        line_items: "Products and services",
            "کالاها و خدمات";
        field_discount: "Discount %",
            "تخفیف ٪";
        add_product: "Add a product…",
            "افزودن کالا…";
        net_total: "Net",
            "خالص";
        cost_total: "Cost",
            "بهای تمام‌شده";
        marketer_commission: "Marketer commission",
            "پورسانت بازاریاب";
        agency_commission: "Agency commission",
            "پورسانت نماینده";
        margin: "Margin",
            "حاشیه سود";
        no_close_date: "No expected close date",
            "بدون تاریخ بستن";
        no_open_deals: "No open deals.",
            "فرصت بازی نیست.";
        // pipeline settings
        pipeline_settings: "Pipelines and stages",
            "قیف‌های فروش و مراحل";
        add_pipeline: "Add a pipeline",
            "افزودن قیف فروش";
        pipeline_saved: "Pipeline saved.",
            "قیف فروش ذخیره شد.";
        pipeline_name: "Pipeline name",
            "نام قیف فروش";
        rot_days: "Rotting after (days, 0 = never)",
            "راکد پس از (روز، ۰ = هرگز)";
        move_earlier: "Move earlier",
            "انتقال به قبل";
        move_later: "Move later",
            "انتقال به بعد";
        stage_has_deals: "Move its deals to another stage first.",
            "اول فرصت‌های این مرحله را به مرحله دیگری ببرید.";
        add_stage: "Add a stage",
            "افزودن مرحله";
        lost_reasons: "Lost reasons",
            "دلایل ناموفق بودن";
        lost_reasons_hint: "One per line. Whoever loses a deal picks one of these or writes their own.",
            "هر دلیل در یک سطر. هنگام ثبت فرصت ناموفق یکی از این‌ها انتخاب یا دلیل دیگری نوشته می‌شود.";
        lost_reasons_saved: "Lost reasons saved.",
            "دلایل ناموفق بودن ذخیره شد.";
        // review fixes
        deal_reopened: "Deal reopened.",
            "فرصت بازگشایی شد.";
    } values {
        rotting_days(n: i64):
            format!("{} in stage", en_count(n, "day", "days")),
            format!("{n} روز در این مرحله", n = fa(n));
        /// Open deals standing in a stage.
        open_deals(n: i64):
            en_count(n, "open deal", "open deals"),
            format!("{} فرصت باز", fa(n));
    }
}
