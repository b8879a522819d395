import { test, expect } from "@playwright/test";
import { openApp, createCustomer, quickAdd } from "./helpers.mjs";

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
    const bar = page.getByTestId("lost-bar").filter({ hasText: "خرید از رقیب" });
    await expect(bar).toContainText("۱");
    await expect(page.getByTestId("lost-deal")).toHaveCount(0);
    await bar.tap();
    await expect(bar).toHaveAttribute("aria-expanded", "true");
    await page.getByTestId("lost-deal").filter({ hasText: "دستگاه کپی طبقه دوم" }).tap();
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
    await expect(page.getByTestId("lost-bar")).toHaveCount(1);
    await expect(page.getByTestId("lost-total")).toContainText("1 deal");
  });
});
