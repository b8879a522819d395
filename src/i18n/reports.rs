//! Reports: the dashboard, its period and its filters.

use super::words::fa;
use daftar_core::locale::{format_decimal, format_percent, Lang};

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
        figure: "Figure",
            "شاخص";
        this_period: "This period",
            "این بازه";
        previous_period_column: "Previous period",
            "بازهٔ قبل";
        change: "Change",
            "تغییر";
        print: "Print",
            "چاپ";
        // sales in progress
        open_sales: "Open sales",
            "فروش در جریان";
        open_by_stage: "Open deals by stage, now",
            "فرصت‌های باز در هر مرحله، هم‌اکنون";
        open_by_month: "Open deals by expected close month",
            "فرصت‌های باز بر پایهٔ ماه پیش‌بینی بستن";
        no_close_date: "No expected close",
            "بدون تاریخ پیش‌بینی";
        funnel_title: "Funnel of the deals created in the period",
            "قیف فرصت‌های ایجادشده در این بازه";
        stage: "Stage",
            "مرحله";
        open_deals: "Open deals",
            "فرصت‌های باز";
        amount: "Amount",
            "مبلغ";
        weighted: "Weighted",
            "وزن‌دار";
        reached: "Reached",
            "رسیده";
        conversion: "Conversion",
            "نرخ تبدیل";
        median_days: "Median days in stage",
            "میانهٔ روزها در مرحله";
        p75_days: "75th percentile days",
            "صدک ۷۵ روزها";
        no_pipeline: "There is no pipeline yet.",
            "هنوز قیف فروشی نیست.";
        // win rate and cycle
        win_rates: "Win rate",
            "نرخ موفقیت";
        by_source: "By source",
            "بر پایهٔ منبع";
        by_product: "By product",
            "بر پایهٔ کالا";
        no_source: "No source",
            "بدون منبع";
        no_product: "No product",
            "بدون کالا";
        won_deals: "Won",
            "موفق";
        lost_deals_column: "Lost",
            "ناموفق";
        won_amount: "Won amount",
            "مبلغ فروش موفق";
        closed_none: "No deal was closed in this period.",
            "در این بازه هیچ فرصتی بسته نشده است.";
        // segmentation
        segments: "Segments",
            "بخش‌بندی";
        segment: "Segment",
            "بخش";
        rfm_grid: "Customers by recency (rows) and frequency (columns)",
            "مشتریان بر پایهٔ تازگی (سطرها) و تکرار خرید (ستون‌ها)";
        recency_short: "R",
            "تازگی";
        frequency_short: "F",
            "تکرار";
        monetary_short: "M",
            "مبلغ";
        segment_champion: "Champions",
            "قهرمانان";
        segment_loyal: "Loyal",
            "وفادار";
        segment_potential: "Potential loyalists",
            "وفادار بالقوه";
        segment_new: "New",
            "تازه‌وارد";
        segment_promising: "Promising",
            "امیدبخش";
        segment_attention: "Need attention",
            "نیازمند توجه";
        segment_sleep: "About to sleep",
            "در آستانهٔ خواب";
        segment_at_risk: "At risk",
            "در معرض ریزش";
        segment_cant_lose: "Can't lose them",
            "نباید از دست برود";
        segment_hibernating: "Hibernating",
            "خفته";
        spent: "Spent in all",
            "کل خرید";
        churn_title: "Valuable customers slipping away",
            "مشتریان ارزشمند در معرض ریزش";
        churn_note: "Probability alive and 12-month value from the BG/NBD and Gamma–Gamma models, fitted on this device from won deals.",
            "احتمال فعال ماندن و ارزش ۱۲ ماه آینده از مدل‌های BG/NBD و گاما–گاما که روی همین دستگاه از فروش‌های موفق برازش شده‌اند.";
        p_alive: "Probability alive",
            "احتمال فعال ماندن";
        three_months_ago: "3 months ago",
            "سه ماه پیش";
        value_12_months: "12-month value",
            "ارزش ۱۲ ماه آینده";
        fitting: "Fitting the lifetime models…",
            "در حال برازش مدل‌های طول عمر…";
        fit_failed: "The lifetime models could not be fitted to this history.",
            "مدل‌های طول عمر با این سابقه برازش نشدند.";
        churn_none: "No valuable customer is slipping away.",
            "هیچ مشتری ارزشمندی در معرض ریزش نیست.";
        segments_none: "No customer has bought yet.",
            "هنوز هیچ مشتری خریدی نکرده است.";
        // team activity
        team: "Team activity",
            "فعالیت تیم";
        week: "Week starting",
            "آغاز هفته";
        planned: "Tasks due",
            "کارهای موعددار";
        done: "Done",
            "انجام‌شده";
        overdue: "Overdue",
            "عقب‌افتاده";
        team_none: "Nothing was planned or logged in this period.",
            "در این بازه کاری برنامه‌ریزی یا فعالیتی ثبت نشده است.";
        open_plan: "Open tasks",
            "کارهای باز";
        reassign_to: "Reassign to",
            "واگذاری به";
        plan_empty: "No open task.",
            "کار بازی نیست.";
        reassigned: "Task reassigned.",
            "کار واگذار شد.";
        // customers ranked by what they bought
        customers_ranked: "Customer ranking",
            "رتبه‌بندی مشتریان";
        ranked_none: "No deal was won in this period.",
            "در این بازه هیچ فرصتی به فروش نرسیده است.";
        pareto_title: "Share of revenue by share of customers",
            "سهم درآمد بر پایهٔ سهم مشتریان";
        axis_customers: "Customers, biggest buyers first",
            "مشتریان، از بیشترین خرید";
        axis_revenue: "Revenue",
            "درآمد";
        rank: "#",
            "رتبه";
        customer: "Customer",
            "مشتری";
        value_class: "Class",
            "بخش";
        in_period: "In the period",
            "در این بازه";
        all_time: "All time",
            "از ابتدا";
        deals: "Deals",
            "فرصت‌ها";
        last_purchase: "Last purchase",
            "آخرین خرید";
        show_more: "Show more",
            "نمایش بیشتر";
        classes_note: "Classes follow the 80/15/5 rule: A brings the first 80% of the period's revenue, B the next 15%, C the rest. Customers who bought nothing in the period are C.",
            "بخش‌ها بر پایهٔ قاعدهٔ ۸۰/۱۵/۵ است: «الف» ۸۰٪ نخست درآمد این بازه را آورده، «ب» ۱۵٪ بعدی و «ج» بقیه را. مشتریانی که در این بازه خریدی نکرده‌اند «ج» هستند.";
        class_a: "A",
            "الف";
        class_b: "B",
            "ب";
        class_c: "C",
            "ج";
        class_cut_ab: "A | B",
            "الف | ب";
        class_cut_bc: "B | C",
            "ب | ج";
        classes_need_all: "To write classes, show every sales rep and every pipeline: classes are of the whole business.",
            "برای ثبت بخش‌ها، همهٔ مسئولان فروش و همهٔ قیف‌ها را نشان دهید: بخش ارزشی مربوط به کل کسب‌وکار است.";
        classes_one_currency: "Deals in this period are in several currencies, so classes cannot be written from one of them.",
            "فروش‌های این بازه به چند واحد پول است؛ بخش‌ها را نمی‌توان از یکی از آن‌ها ثبت کرد.";
        classes_unchanged: "Every customer already has this value class.",
            "بخش ارزشی همهٔ مشتریان همین است.";
        // dormant customers
        dormant: "Dormant customers",
            "مشتریان غیرفعال";
        no_purchase_for: "No purchase for (days)",
            "بدون خرید (روز)";
        no_activity_for: "No activity for (days)",
            "بدون فعالیت (روز)";
        counted_from_today: "Counted back from today.",
            "از امروز به عقب شمرده می‌شود.";
        rule_needed: "Turn on at least one of the two rules.",
            "دست‌کم یکی از دو شرط را روشن کنید.";
        dormant_none: "No customer is quiet by these rules.",
            "با این شرط‌ها هیچ مشتری غیرفعالی نیست.";
        never_bought: "No purchase yet",
            "هنوز خریدی نکرده";
        no_activity_yet: "None",
            "هیچ";
        last_activity: "Last activity",
            "آخرین فعالیت";
        select_all: "Select all",
            "انتخاب همه";
        select_none: "Clear selection",
            "لغو انتخاب";
        select_without_task: "Select those with no open task",
            "انتخاب مشتریان بدون کار باز";
        // filters by customer
        tag: "Customer tag",
            "برچسب مشتری";
        every_tag: "Every tag",
            "همهٔ برچسب‌ها";
        every_segment: "Every segment",
            "همهٔ بخش‌ها";
        // service on the dashboard
        open_complaints: "Open complaints",
            "شکایت‌های باز";
        nps: "NPS",
            "NPS";
        // acquisition and loyalty
        acquisition: "New and repeat",
            "مشتریان جدید و تکراری";
        acquisition_title: "Customers who bought, by month: first purchase or back again",
            "مشتریانی که خرید کرده‌اند در هر ماه: نخستین خرید یا بازگشت";
        month: "Month",
            "ماه";
        new_buyers: "New buyers",
            "خریداران جدید";
        repeat_buyers: "Repeat buyers",
            "خریداران تکراری";
        new_revenue: "New buyers' revenue",
            "درآمد از خریداران جدید";
        repeat_revenue: "Repeat buyers' revenue",
            "درآمد از خریداران تکراری";
        acquisition_note: "A buyer is new in the month of their first won deal ever, on any pipeline and with any sales rep.",
            "خریدار در ماهِ نخستین فروش موفقش (در هر قیف و با هر مسئول فروش) جدید شمرده می‌شود.";
        // products
        products: "Products",
            "کالاها و خدمات";
        by_category: "By category",
            "بر پایهٔ دسته";
        category: "Category",
            "دسته";
        no_category: "No category",
            "بدون دسته";
        products_none: "No product or service was sold in this period.",
            "در این بازه هیچ کالا یا خدمتی فروخته نشده است.";
        commissions: "Commissions",
            "پورسانت‌ها";
        margin_share: "Margin %",
            "درصد حاشیه سود";
    } values {
        /// Days with one decimal at most (a median of two can end in .5).
        days_value(days: f64):
            format!("{} {}", format_decimal(days, if days.fract() == 0.0 { 0 } else { 1 }, Lang::En), if days == 1.0 { "day" } else { "days" }),
            format!("{} روز", format_decimal(days, if days.fract() == 0.0 { 0 } else { 1 }, Lang::Fa));
        /// A change of a rate, in percentage points.
        points(points: f64):
            format!("{} pts", format_decimal(points, 1, Lang::En)),
            format!("{} واحد درصد", format_decimal(points, 1, Lang::Fa));
        /// The Pareto curve's headline.
        top_share(top: f64, share: f64):
            format!("The top {} of customers brought {} of the revenue.", format_percent(top, 0, Lang::En), format_percent(share, 0, Lang::En)),
            format!("{} برتر مشتریان {} درآمد را آورده‌اند.", format_percent(top, 0, Lang::Fa), format_percent(share, 0, Lang::Fa));
        write_classes(n: i64):
            format!("Set the value segment of {}", super::words::en_count(n, "customer", "customers")),
            format!("ثبت بخش ارزشی {} مشتری", fa(n));
        classes_written(n: i64):
            format!("Value segment set on {}.", super::words::en_count(n, "customer", "customers")),
            format!("بخش ارزشی {} مشتری ثبت شد.", fa(n));
        dormant_count(n: i64):
            super::words::en_count(n, "dormant customer", "dormant customers"),
            format!("{} مشتری غیرفعال", fa(n));
        plan_win_back(n: i64):
            format!("Plan a win-back task for {}", super::words::en_count(n, "customer", "customers")),
            format!("برنامهٔ بازگرداندن {} مشتری", fa(n));
        win_back_title(name: &str):
            format!("Win back {name}"),
            format!("بازگرداندن مشتری: {name}");
        win_back_planned(n: i64):
            format!("{} planned, each in its sales rep's inbox.", super::words::en_count(n, "win-back task", "win-back tasks")),
            format!("{} کار بازگرداندن مشتری در صندوق کار مسئول هر مشتری ثبت شد.", fa(n));
        too_little_history(repeat: i64, needed: i64):
            format!("Not enough repeat customers yet for the lifetime models: {} of the {} they need.", super::words::en(repeat), super::words::en(needed)),
            format!("برای مدل‌های طول عمر هنوز مشتری تکراری کافی نیست: {} از {} مشتری لازم.", fa(repeat), fa(needed));
        /// The answers an NPS stands on.
        answer_count(n: i64):
            super::words::en_count(n, "answer", "answers"),
            format!("{} پاسخ", fa(n));
        /// Deals counted beside an amount: "3 deals".
        deal_count(n: i64):
            super::words::en_count(n, "deal", "deals"),
            format!("{} فرصت", fa(n));
    }
}
