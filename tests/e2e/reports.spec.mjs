import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openApp, createCustomer, quickAdd, winDeal } from "./helpers.mjs";

const card = (page, id) => page.getByTestId(`card-${id}`);
const now = (page, id) => card(page, id).getByTestId("card-now");
const detail = (page, id) => card(page, id).getByTestId("card-detail");

test.describe("the reports on a 1024×768 touch tablet", () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

  test("the dashboard follows a deal won in another tab, in Persian and English, offline after reload", async ({ page, context }) => {
    await openApp(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await createCustomer(page, { name: "بازرگانی زاگرس" });
    await page.goto("/pipeline");
    await quickAdd(page, "quote", "ده چاپگر", "بازرگانی زاگرس", "1000000");

    await page.getByRole("link", { name: "گزارش‌ها" }).tap();
    await expect(page).toHaveURL(/\/reports$/);
    await expect(page.getByTestId("period-ThisMonth")).toHaveAttribute("aria-pressed", "true");
    await expect(now(page, "open")).toContainText("۱٬۰۰۰٬۰۰۰");
    await expect(detail(page, "open")).toHaveText("۱ فرصت");
    await expect(detail(page, "won")).toHaveText("۰ فرصت");
    await expect(now(page, "win-rate")).toHaveText("–");
    await expect(now(page, "new-customers")).toHaveText("۱");
    // Nothing the month before: no change to show.
    await expect(card(page, "new-customers").getByTestId("card-before")).toHaveText("۰");
    await expect(card(page, "new-customers").getByTestId("card-change")).toHaveCount(0);

    // Won in a second tab: this one follows without a reload.
    const other = await context.newPage();
    await other.goto("/pipeline");
    await other.getByTestId("deal-card").filter({ hasText: "ده چاپگر" }).tap();
    await other.getByTestId("deal-won").click();
    await other.getByTestId("close-dialog").getByTestId("close-save").click();
    await expect(other.getByTestId("close-dialog")).toHaveCount(0);
    await other.close();
    await expect(now(page, "won")).toContainText("۱٬۰۰۰٬۰۰۰");
    await expect(detail(page, "won")).toHaveText("۱ فرصت");
    await expect(now(page, "win-rate")).toHaveText("۱۰۰٫۰٪");
    await expect(detail(page, "open")).toHaveText("۰ فرصت");
    await expect(now(page, "cycle")).toHaveText("۰ روز");

    // Last month had none of it.
    await page.getByTestId("period-LastMonth").tap();
    await expect(detail(page, "won")).toHaveText("۰ فرصت");
    await expect(now(page, "new-customers")).toHaveText("۰");

    await context.setOffline(true);
    await page.reload();
    await expect(now(page, "won")).toContainText("۱٬۰۰۰٬۰۰۰");
    await page.getByTestId("lang-switch").click();
    await expect(page.getByTestId("period-ThisMonth")).toHaveText("This month");
    await expect(now(page, "won")).toContainText("1,000,000");
    await expect(detail(page, "won")).toHaveText("1 deal");
    await expect(now(page, "win-rate")).toHaveText("100.0%");
    await context.setOffline(false);
  });

  test("a period of two dates changes the figures; a backwards range is refused in words", async ({ page }) => {
    await openApp(page);
    await page.getByTestId("lang-switch").click();
    await createCustomer(page, { name: "Zagros Trading" });
    await page.goto("/reports");
    await expect(now(page, "new-customers")).toHaveText("1");
    await page.getByTestId("period-dates").tap();
    await page.locator("#period-from").fill("2020-01-10");
    await page.locator("#period-to").fill("2020-01-01");
    await page.getByTestId("period-show").tap();
    await expect(page.getByRole("alert")).toHaveText("The end date is before the start date.");
    await page.locator("#period-to").fill("2020-01-31");
    await page.getByTestId("period-show").tap();
    await expect(page.getByTestId("period-shown")).toHaveText("2020-01-10 – 2020-01-31");
    await expect(now(page, "new-customers")).toHaveText("0");
  });

  test("open complaints and the recommendation score on the dashboard follow a complaint and three kiosk answers", async ({ page }) => {
    await openApp(page);
    await page.getByTestId("lang-switch").click();
    await page.goto("/reports");
    await expect(now(page, "complaints")).toHaveText("0");
    await expect(now(page, "nps")).toHaveText("–");

    await page.goto("/complaints");
    await page.getByTestId("complaint-new").click();
    await page.locator("#complaint-title").fill("Late delivery");
    await page.getByTestId("complaint-save").click();
    await expect(page.getByTestId("complaint-row").filter({ hasText: "Late delivery" })).toBeVisible();

    await page.goto("/surveys");
    await page.getByTestId("template-nps").click();
    await page.getByTestId("save-survey").click();
    await page.getByTestId("start-kiosk").tap();
    await page.getByTestId("kiosk-pin").fill("1234");
    await page.getByTestId("kiosk-pin-again").fill("1234");
    await page.getByTestId("kiosk-go").tap();
    for (const score of [10, 10, 3]) {
      await page.getByTestId("question-q1").locator(`[data-value="${score}"]`).tap();
      if (score < 9) await page.getByTestId("question-q2").locator("textarea").fill("Too slow");
      await page.getByTestId("survey-submit").tap();
      await page.getByTestId("kiosk-next").tap();
    }
    await page.getByTestId("kiosk-exit").tap();
    await page.getByTestId("kiosk-exit-pin").fill("1234");
    await page.getByTestId("kiosk-exit-pin").press("Enter");
    await expect(page.getByTestId("kiosk")).toHaveCount(0);

    await page.getByRole("link", { name: "Reports" }).tap();
    // The one logged by hand, and the one the detractor's answer opened.
    await expect(now(page, "complaints")).toHaveText("2");
    // Two promoters and a detractor: 67 % − 33 %.
    await expect(now(page, "nps")).toHaveText("+33");
    await expect(detail(page, "nps")).toHaveText("3 answers");
    await page.getByTestId("lang-switch").click();
    await expect(now(page, "nps")).toHaveText("+۳۳");
    await expect(now(page, "complaints")).toHaveText("۲");
  });

  test("a lost reason's bar opens to its deals, and a deal opens from there", async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: "فروشگاه البرز" });
    await page.goto("/pipeline");
    await quickAdd(page, "quote", "دستگاه کپی طبقه دوم", "فروشگاه البرز", "25000000");
    await page.getByTestId("deal-card").filter({ hasText: "دستگاه کپی" }).tap();
    await page.getByTestId("deal-lost").click();
    const dialog = page.getByTestId("close-dialog");
    await dialog.getByText("خرید از رقیب").click();
    await dialog.getByTestId("close-save").click();
    await expect(dialog).toHaveCount(0);

    await page.goto("/reports");
    await page.getByTestId("report-tab-lost").tap();
    await expect(page).toHaveURL(/\/reports\/lost$/);
    await expect(page.getByTestId("lost-total")).toContainText("۱ فرصت");
    const bar = page.getByTestId("deal-bar").filter({ hasText: "خرید از رقیب" });
    await expect(bar).toContainText("۱");
    await expect(page.getByTestId("bar-deal")).toHaveCount(0);
    await bar.tap();
    await expect(bar).toHaveAttribute("aria-expanded", "true");
    await page.getByTestId("bar-deal").filter({ hasText: "دستگاه کپی طبقه دوم" }).tap();
    await expect(page.locator("#deal-title")).toHaveValue("دستگاه کپی طبقه دوم");
    await expect(page.getByTestId("deal-status")).toBeVisible();

    // The period and filters stay while moving between reports; last month had no loss.
    await page.goto("/reports/lost");
    await page.getByTestId("period-LastMonth").tap();
    await expect(page.getByTestId("lost-none")).toHaveText("در این بازه هیچ فرصتی از دست نرفته است.");
    await page.getByTestId("report-tab-dashboard").tap();
    await expect(page.getByTestId("period-LastMonth")).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("report-tab-lost").tap();
    await page.getByTestId("period-ThisMonth").tap();
    await page.getByTestId("lost-by-Stage").tap();
    await expect(page.getByTestId("deal-bar")).toHaveCount(1);
    await expect(page.getByTestId("lost-total")).toContainText("1 deal");
  });

  test("open sales: a stage's bar opens to its deals; the funnel converts stage to stage", async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: "نساجی یزد" });
    await page.goto("/pipeline");
    await quickAdd(page, "quote", "پارچه زمستانی", "نساجی یزد", "40000000");
    await quickAdd(page, "quote", "پارچه تابستانی", "نساجی یزد", "10000000");
    await quickAdd(page, "lead", "نخ رنگی", "نساجی یزد", "2000000");

    await page.goto("/reports");
    await page.getByTestId("report-tab-open").tap();
    await expect(page).toHaveURL(/\/reports\/open$/);
    await expect(page.getByTestId("open-total")).toContainText("۳ فرصت");
    await expect(page.getByTestId("open-total")).toContainText("۵۲٬۰۰۰٬۰۰۰");
    const quote = page.getByTestId("open-stages").getByTestId("deal-bar").filter({ hasText: "پیش‌فاکتور" });
    await expect(quote).toContainText("۲");
    await quote.tap();
    await expect(page.getByTestId("bar-deal")).toHaveCount(2);
    await expect(page.getByTestId("bar-deal").first()).toContainText("پارچه زمستانی");
    await expect(page.getByTestId("open-months").getByTestId("deal-bar")).toContainText("بدون تاریخ پیش‌بینی");
    // All three reached the first stage; two of them the second (2 of 3).
    const rows = page.getByTestId("open-row");
    await expect(rows.nth(0)).toContainText("سرنخ");
    await expect(rows.nth(0).locator("td").nth(4)).toHaveText("۳");
    await expect(rows.nth(1).locator("td").nth(5)).toHaveText("۶۶٫۷٪");

    await page.getByTestId("lang-switch").click();
    await expect(page.getByTestId("open-total")).toContainText("3 deals");
    await expect(rows.nth(1).locator("td").nth(5)).toHaveText("66.7%");
  });

  test("dormant customers become win-back tasks in each owner's inbox, in one write", async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: "پخش کیمیا", owner: "سارا" });
    await page.goto("/");
    await createCustomer(page, { name: "صنایع آرش", owner: "رضا" });
    await page.goto("/");
    await createCustomer(page, { name: "کالای نو", owner: "سارا" });
    await page.goto("/pipeline");
    await winDeal(page, "قرارداد سالانه", "پخش کیمیا", "50000000", 120);
    await winDeal(page, "خط تولید", "صنایع آرش", "30000000", 100);
    await winDeal(page, "سفارش تازه", "کالای نو", "5000000", 0);

    await page.getByRole("link", { name: "گزارش‌ها" }).tap();
    await page.getByTestId("period-ThisYear").tap();
    await page.getByTestId("report-tab-dormant").tap();
    await expect(page).toHaveURL(/\/reports\/dormant$/);
    // Counted back from today: no period to pick, and the one picked is kept
    // for the next report (it used to fall back to this month).
    await expect(page.getByTestId("period-ThisMonth")).toBeHidden();
    await page.getByTestId("report-tab-win-rates").tap();
    await expect(page.getByTestId("period-ThisYear")).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("report-tab-dormant").tap();
    await expect(page.getByTestId("dormant-count")).toHaveText("۲ مشتری غیرفعال");
    const rows = page.getByTestId("dormant-customer");
    await expect(rows.nth(0)).toContainText("پخش کیمیا");
    await expect(rows.nth(0)).toContainText("۱۲۰ روز پیش");
    await expect(rows.nth(1)).toContainText("صنایع آرش");
    // A stricter rule, typed in Persian digits, leaves one.
    await page.getByTestId("dormant-purchase").fill("۱۱۰");
    await expect(page.getByTestId("dormant-count")).toHaveText("۱ مشتری غیرفعال");
    await page.getByTestId("dormant-purchase").fill("90");
    await expect(rows).toHaveCount(2);

    await expect(page.getByTestId("plan-win-back")).toBeDisabled();
    await page.getByTestId("dormant-select-all").tap();
    await expect(page.getByTestId("plan-win-back")).toHaveText("برنامهٔ بازگرداندن ۲ مشتری");
    await page.getByTestId("plan-win-back").tap();
    await expect(page.locator(".toast")).toContainText("۲ کار بازگرداندن مشتری");
    await expect(page.getByTestId("plan-win-back")).toBeDisabled();
    // Each has its task now: picking those without one picks no one, so none is planned twice.
    await expect(page.getByTestId("dormant-open-tasks")).toHaveText(["۱", "۱"]);
    await page.getByTestId("dormant-select-all").tap();
    await expect(page.getByTestId("plan-win-back")).toBeDisabled();

    // Each task is in its own rep's inbox, about its customer.
    for (const [me, mine, theirs] of [["سارا", "پخش کیمیا", "صنایع آرش"], ["رضا", "صنایع آرش", "پخش کیمیا"]]) {
      await page.goto("/settings");
      await page.getByTestId("me").fill(me);
      await page.goto("/inbox");
      await expect(page.getByTestId("task").filter({ hasText: `بازگرداندن مشتری: ${mine}` })).toHaveCount(1);
      await expect(page.getByTestId("task").filter({ hasText: theirs })).toHaveCount(0);
    }
    await page.getByTestId("task").filter({ hasText: "صنایع آرش" }).getByRole("link", { name: "صنایع آرش", exact: true }).tap();
    await expect(page.getByTestId("customer-name")).toHaveText("صنایع آرش");

    await page.goto("/reports/dormant");
    await page.getByTestId("lang-switch").click();
    await expect(page.getByTestId("dormant-count")).toHaveText("2 dormant customers");
    await expect(rows.nth(0)).toContainText("120 days ago");

    // The team's week: each rep has one task due; a manager hands Sara's to Reza.
    await page.getByTestId("report-tab-team").tap();
    const iso = (days) => new Date(Date.now() + days * 86400000).toLocaleDateString("sv");
    await page.getByTestId("period-dates").tap();
    await page.locator("#period-from").fill(iso(-7));
    await page.locator("#period-to").fill(iso(8));
    await page.getByTestId("period-show").tap();
    const team = page.getByTestId("team-row");
    await expect(team).toHaveCount(2);
    await expect(team.filter({ hasText: "رضا" }).locator("td").nth(2)).toHaveText("1");
    await team.filter({ hasText: "سارا" }).getByTestId("open-plan").tap();
    const plan = page.getByTestId("rep-plan");
    await expect(plan.getByTestId("plan-task")).toHaveCount(1);
    await expect(plan.getByTestId("plan-task")).toContainText("پخش کیمیا");
    await plan.getByTestId("reassign").selectOption("رضا");
    await expect(page.locator(".toast")).toContainText("Task reassigned.");
    await expect(plan.getByTestId("plan-task")).toHaveCount(0);
    await expect(team).toHaveCount(1);
    await expect(team.locator("td").nth(2)).toHaveText("2");
  });

  test("customers ranked by purchases: the Pareto curve, a class's customers, classes written with undo", async ({ page }) => {
    await openApp(page);
    for (const name of ["پخش کیمیا", "صنایع آرش", "کالای نو"]) {
      await page.goto("/");
      await createCustomer(page, { name });
    }
    await page.goto("/pipeline");
    await winDeal(page, "قرارداد سالانه", "پخش کیمیا", "50000000", 0);
    await winDeal(page, "خط تولید", "صنایع آرش", "30000000", 0);
    await winDeal(page, "سفارش تازه", "کالای نو", "5000000", 0);

    // Three won, none lost: every way of cutting them wins them all.
    await page.goto("/reports/win-rates");
    const win = page.getByTestId("win-row");
    await expect(win).toHaveCount(1);
    await expect(win.locator("td").nth(1)).toHaveText("۳");
    await expect(win.locator("td").nth(3)).toHaveText("۱۰۰٫۰٪");
    await page.getByTestId("win-by-Source").tap();
    await expect(win.locator("td").first()).toHaveText("بدون منبع");

    await page.goto("/reports/customers");
    await expect(page.getByTestId("curve-chart")).toBeVisible();
    // Three buyers are too few for "the top 20 %" to mean anything: no headline.
    await expect(page.getByTestId("pareto-headline")).toHaveCount(0);
    const ranked = page.getByTestId("ranked-customer");
    await expect(ranked).toHaveCount(3);
    await expect(ranked.nth(0)).toContainText("پخش کیمیا");
    await expect(ranked.nth(2).getByTestId("ranked-class")).toHaveText("ب");
    // The chart's ticks are in Persian digits.
    await expect(page.getByTestId("curve-chart")).toContainText("۸۰٪");

    await page.getByTestId("class-chip").filter({ hasText: "ب —" }).tap();
    await expect(ranked).toHaveCount(1);
    await expect(ranked).toContainText("کالای نو");

    await page.getByTestId("write-classes").tap();
    await expect(page.locator(".toast")).toContainText("بخش ارزشی ۳ مشتری ثبت شد.");
    // Undone, every class is as it was: writing again writes all three.
    await page.getByTestId("undo").tap();
    await ranked.getByRole("link", { name: "کالای نو" }).tap();
    await expect(page.getByTestId("customer-name")).toHaveText("کالای نو");
    await expect(page.getByText("ب — ارزش متوسط")).toHaveCount(0);
    await page.goBack();
    await page.getByTestId("write-classes").tap();
    await expect(page.locator(".toast")).toContainText("بخش ارزشی ۳ مشتری ثبت شد.");
    await ranked.getByRole("link", { name: "کالای نو" }).tap();
    await expect(page.getByText("ب — ارزش متوسط")).toBeVisible();
    await page.goBack();
    await page.getByTestId("write-classes").tap();
    await expect(page.locator(".toast")).toContainText("بخش ارزشی همهٔ مشتریان همین است.");

    // The table as shown, as CSV: Persian headers, digits and the class filter applied.
    await page.getByTestId("class-chip").filter({ hasText: "الف —" }).tap();
    await expect(ranked).toHaveCount(2);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-export").tap()]);
    expect(download.suggestedFilename()).toMatch(/^daftar-customer-ranking-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("رتبه,مشتری,بخش,در این بازه,از ابتدا,فرصت‌ها,آخرین خرید");
    expect(lines.length).toBe(3);
    expect(lines[1]).toMatch(/^۱,پخش کیمیا,الف,"?۵۰٬۰۰۰٬۰۰۰/);
    expect(lines[2]).toMatch(/^۲,صنایع آرش,الف,/);

    // The print view: A4's printable width (186 mm at 96 dpi), no controls, nothing cut off.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("report-export")).toBeHidden();
    await expect(page.getByTestId("report-tab-dashboard")).toBeHidden();
    await expect(page.getByTestId("period-shown")).toBeVisible();
    await expect(page.getByTestId("ranking-table")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(703);
  });
});

test.describe("segments on a 1024×768 touch tablet", () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

  test("the RFM grid opens to a cell's and a segment's customers; the lifetime models answer in words", async ({ page }) => {
    await openApp(page, "/settings");
    await page.getByTestId("demo-S").click();
    await expect(page.locator(".toast")).toHaveText("دادهٔ نمونه اضافه شد.", { timeout: 30_000 });
    await page.goto("/reports/segments");
    // As of today: no period to pick.
    await expect(page.getByTestId("period-ThisMonth")).toBeHidden();
    const grid = page.getByTestId("rfm-grid");
    await expect(grid).toBeVisible();
    // Every buyer is in one cell: the cells add up to the segments' chips.
    const cells = await page.getByTestId("rfm-cell").allTextContents();
    const chips = await page.getByTestId("segment-chip").allTextContents();
    const fa = (s) => Number(s.replace(/[۰-۹]/g, (d) => "۰۱۲۳۴۵۶۷۸۹".indexOf(d)).replace(/[^0-9]/g, ""));
    const inCells = cells.map(fa).reduce((a, b) => a + b, 0);
    const inChips = chips.map((c) => fa(c.replace(/^[^۰-۹]*/, ""))).reduce((a, b) => a + b, 0);
    expect(inCells).toBeGreaterThan(0);
    expect(inChips).toBe(inCells);

    const cell = page.getByTestId("rfm-cell").and(page.locator(":enabled")).first();
    const n = fa(await cell.textContent());
    await cell.tap();
    await expect(page.getByTestId("segment-customer")).toHaveCount(Math.min(n, 100));
    await page.getByTestId("segment-chip").first().tap();
    await expect(page.getByTestId("segment-customer").first()).toBeVisible();

    // The models are fitted after the grid shows, and answer with a list or in words, never NaN.
    await expect(page.getByTestId("lifetime-fitting")).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator("[data-testid=churn-table], [data-testid=churn-none], [data-testid=lifetime-error]")).toHaveCount(1);
    expect(await page.locator("body").innerText()).not.toMatch(/NaN|Infinity/);

    await page.getByTestId("lang-switch").click();
    await expect(page.getByTestId("segment-chip").first()).toContainText(/customer/);
    expect(await page.locator("body").innerText()).not.toMatch(/NaN|Infinity/);
  });
});
