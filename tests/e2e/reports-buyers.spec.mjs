import { test, expect } from "@playwright/test";
import { openApp, createCustomer, winDeal } from "./helpers.mjs";

/** Latin digits of a Persian or English figure, "−" and separators dropped. */
const digits = (s) => Number(s.replace(/[۰-۹]/g, (d) => "۰۱۲۳۴۵۶۷۸۹".indexOf(d)).replace(/[^0-9]/g, ""));

test.describe("who buys and what sells, on a 1024×768 touch tablet", () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

  test("a first purchase is new and a return is repeat; a tag or segment keeps its customers' figures", async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: "پخش کیمیا", tags: "عمده", value_segment: "1" });
    await page.goto("/");
    await createCustomer(page, { name: "صنایع آرش" });
    await page.goto("/pipeline");
    await winDeal(page, "قرارداد پارسال", "پخش کیمیا", "50000000", 120);
    await winDeal(page, "تمدید قرارداد", "پخش کیمیا", "20000000", 0);
    await winDeal(page, "خط تولید", "صنایع آرش", "30000000", 0);

    await page.goto("/reports/acquisition");
    await expect(page.getByTestId("report-tab-acquisition")).toHaveAttribute("aria-current", "page");
    const row = page.getByTestId("acquisition-row");
    await expect(row).toHaveCount(1);
    // Arash bought for the first time this month, Kimia came back.
    await expect(row.locator("td").nth(1)).toHaveText("۱");
    await expect(row.locator("td").nth(2)).toContainText("۳۰٬۰۰۰٬۰۰۰");
    await expect(row.locator("td").nth(3)).toHaveText("۱");
    await expect(row.locator("td").nth(4)).toContainText("۲۰٬۰۰۰٬۰۰۰");
    const repeat = page.getByTestId("acquisition-repeat").getByTestId("deal-bar");
    await repeat.tap();
    await expect(page.getByTestId("bar-deal")).toHaveText([/تمدید قرارداد/]);

    // The tag keeps Kimia's purchases only, here and on the dashboard.
    await page.locator("#report-tag").selectOption("عمده");
    await expect(row.locator("td").nth(1)).toHaveText("۰");
    await expect(row.locator("td").nth(3)).toHaveText("۱");
    await page.getByTestId("report-tab-dashboard").tap();
    await expect(page.getByTestId("card-won").getByTestId("card-detail")).toHaveText("۱ فرصت");
    await page.locator("#report-tag").selectOption("");
    await expect(page.getByTestId("card-won").getByTestId("card-detail")).toHaveText("۲ فرصت");
    // Segment A is Kimia too; B is no one.
    await page.locator("#report-segment").selectOption({ index: 1 });
    await expect(page.getByTestId("card-won").getByTestId("card-detail")).toHaveText("۱ فرصت");
    await page.locator("#report-segment").selectOption({ index: 2 });
    await expect(page.getByTestId("card-won").getByTestId("card-detail")).toHaveText("۰ فرصت");

    await page.getByTestId("lang-switch").click();
    await page.locator("#report-segment").selectOption({ index: 0 });
    await page.getByTestId("report-tab-acquisition").tap();
    await expect(page.getByTestId("acquisition-table").locator("th").nth(1)).toHaveText("New buyers");
    await expect(row.locator("td").nth(2)).toContainText("30,000,000");
  });

  test("products: every row's margin is its net less cost and commissions; categories add up to the products", async ({ page }) => {
    await openApp(page, "/settings");
    await page.getByTestId("demo-S").click();
    await expect(page.locator(".toast")).toHaveText("دادهٔ نمونه اضافه شد.", { timeout: 30_000 });
    await page.goto("/reports/products");
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("period-dates").tap();
    await page.locator("#period-from").fill("2020-01-01");
    await page.locator("#period-to").fill("2035-12-31");
    await page.getByTestId("period-show").tap();

    const rows = page.getByTestId("products-row");
    await expect(rows.first()).toBeVisible();
    const table = async () => (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.innerText))));
    const products = await table();
    expect(products.length).toBeGreaterThan(0);
    for (const [, units, net, cost, commissions, margin] of products) {
      expect(digits(units)).toBeGreaterThan(0);
      expect(digits(net) - digits(cost) - digits(commissions)).toBe(digits(margin) * (margin.includes("-") || margin.includes("−") ? -1 : 1));
    }
    // One currency: the headings name it, the cells do not, and the table
    // fits the tablet without scrolling sideways.
    await expect(page.getByTestId("products-table").locator("th").nth(2)).toHaveText("Net (Toman)");
    expect(products.some((r) => r.slice(2, 6).join().includes("Toman"))).toBe(false);
    expect(await page.getByTestId("products-table").evaluate((t) => t.scrollWidth <= t.parentElement.clientWidth)).toBe(true);
    // Products by name, never by a record id.
    expect(products.map((r) => r[0]).join()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const netOf = (rs) => rs.reduce((sum, r) => sum + digits(r[2]), 0);
    await page.getByTestId("products-by-Category").tap();
    await expect(page.getByTestId("products-by-Category")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("products-table").locator("th").first()).toHaveText("Category");
    const categories = await table();
    expect(categories.length).toBeLessThanOrEqual(products.length);
    expect(netOf(categories)).toBe(netOf(products));

    // A bar opens to the deals that sold it.
    await page.getByTestId("products-bars").getByTestId("deal-bar").first().tap();
    await expect(page.getByTestId("bar-deal").first()).toBeVisible();
    expect(await page.locator("body").innerText()).not.toMatch(/NaN|undefined/);
  });
});
