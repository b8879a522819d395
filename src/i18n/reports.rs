//! Reports: the dashboard, its period and its filters.

use super::words::fa;
use daftar_core::locale::{format_decimal, Lang};

texts! {
    ReportTexts {
        // the dashboard
        dashboard: "Dashboard",
            "داشبورد";
        period: "Period",
            "بازه";
        this_month: "This month",
            "این ماه";
        last_month: "Last month",
            "ماه گذشته";
        this_quarter: "This quarter",
            "این فصل";
        last_quarter: "Last quarter",
            "فصل گذشته";
        this_year: "This year",
            "امسال";
        last_year: "Last year",
            "سال گذشته";
        custom_range: "Dates…",
            "تاریخ دلخواه…";
        from: "From",
            "از";
        to: "To",
            "تا";
        show: "Show",
            "نمایش";
        range_backwards: "The end date is before the start date.",
            "تاریخ پایان پیش از تاریخ شروع است.";
        every_owner: "Everyone",
            "همهٔ مسئولان فروش";
        every_pipeline: "Every pipeline",
            "همهٔ قیف‌ها";
        owner: "Sales rep",
            "مسئول فروش";
        pipeline: "Pipeline",
            "قیف فروش";
        open_pipeline: "Open pipeline",
            "فرصت‌های باز";
        weighted_pipeline: "Weighted pipeline",
            "فرصت‌های باز (وزن‌دار)";
        won: "Won",
            "موفق";
        win_rate: "Win rate",
            "نرخ موفقیت";
        average_won: "Average won deal",
            "میانگین فروش موفق";
        sales_cycle: "Median sales cycle",
            "میانهٔ چرخهٔ فروش";
        new_customers: "New customers",
            "مشتریان جدید";
        activities_done: "Activities",
            "فعالیت‌ها";
        no_figure: "–",
            "–";
        previous_period: "Previous period:",
            "بازهٔ قبل:";
        // why deals are lost
        lost_deals: "Lost deals",
            "فرصت‌های ناموفق";
        by_reason: "By reason",
            "بر پایهٔ دلیل";
        by_competitor: "By competitor",
            "بر پایهٔ رقیب";
        by_stage: "By stage lost at",
            "بر پایهٔ مرحلهٔ از دست رفتن";
        by_owner: "By sales rep",
            "بر پایهٔ مسئول فروش";
        no_competitor: "No competitor named",
            "رقیبی نام برده نشده";
        no_owner: "No sales rep",
            "بدون مسئول فروش";
        no_reason: "No reason given",
            "بی‌دلیل";
        lost_none: "No deal was lost in this period.",
            "در این بازه هیچ فرصتی از دست نرفته است.";
        lost_by_month: "Lost deals by month",
            "فرصت‌های ناموفق در هر ماه";
        loading_reports: "Reading every deal, customer and activity on this device…",
            "در حال خواندن همهٔ فرصت‌ها، مشتریان و فعالیت‌های این دستگاه…";
    } values {
        /// Days with one decimal at most (a median of two can end in .5).
        days_value(days: f64):
            format!("{} {}", format_decimal(days, if days.fract() == 0.0 { 0 } else { 1 }, Lang::En), if days == 1.0 { "day" } else { "days" }),
            format!("{} روز", format_decimal(days, if days.fract() == 0.0 { 0 } else { 1 }, Lang::Fa));
        /// A change of a rate, in percentage points.
        points(points: f64):
            format!("{} pts", format_decimal(points, 1, Lang::En)),
            format!("{} واحد درصد", format_decimal(points, 1, Lang::Fa));
        /// Deals counted beside an amount: "3 deals".
        deal_count(n: i64):
            super::words::en_count(n, "deal", "deals"),
            format!("{} فرصت", fa(n));
    }
}
