import { test, expect } from "@playwright/test";
import { openApp, createCustomer } from "./helpers.mjs";

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

test("768×1024 touch tablet: big targets, tap to create a customer", async ({ page }) => {
  await openApp(page);
  const links = page.locator(".nav-link");
  await expect(links).toHaveCount(7);
  for (const box of await links.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }
  // Portrait tablet: navigation is a bottom bar within the viewport.
  const nav = await page.locator(".nav").boundingBox();
  expect(nav.y + nav.height).toBeLessThanOrEqual(1024);
  expect(nav.y).toBeGreaterThan(900);
  await page.getByTestId("new-customer").tap();
  await page.locator("#name").fill("علی کریمی");
  await page.getByTestId("save").tap();
  await expect(page.getByTestId("customer-name")).toHaveText("علی کریمی");
  const save = await page.getByTestId("edit").boundingBox();
  expect(save.height).toBeGreaterThanOrEqual(44);
});

test("landscape tablet shows a side rail at the inline start", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page);
  const nav = await page.locator(".nav").boundingBox();
  // Persian is right-to-left: the rail is on the right.
  expect(nav.x).toBeGreaterThan(800);
  await page.getByTestId("lang-switch").click();
  await expect.poll(async () => (await page.locator(".nav").boundingBox()).x).toBeLessThan(100);
});

/** Lines inside `selector` that hide their overflow yet hold more than they show. */
async function clippedLines(page, selector) {
  return page.locator(selector).evaluateAll((boxes) => boxes.flatMap((box) => {
    const outer = box.getBoundingClientRect();
    return [...box.querySelectorAll("*")].filter((el) => {
      const r = el.getBoundingClientRect();
      const hides = getComputedStyle(el).overflow !== "visible";
      return r.height > 0 && ((hides && el.scrollHeight > el.clientHeight + 1) || r.bottom > outer.bottom + 0.5);
    }).map((el) => `${el.className}: ${el.textContent}`);
  }));
}

test("board cards show whole lines and headings keep their words, in both languages", async ({ page }) => {
  await openApp(page, "/settings");
  await page.getByTestId("demo-S").click();
  await expect(page.locator(".toast")).toHaveText("دادهٔ نمونه اضافه شد.", { timeout: 30_000 });
  for (const lang of ["fa", "en"]) {
    await page.goto("/pipeline");
    await expect(page.getByTestId("deal-card").first()).toBeVisible();
    // A card's title and customer used to shrink below their line height,
    // cutting off the dots under Persian letters and Latin descenders.
    expect(await clippedLines(page, ".deal-card")).toEqual([]);
    // A heading beside action buttons used to be squeezed to one letter a line.
    await page.goto("/customers");
    const heading = page.locator(".list-head h1");
    const lineHeight = await heading.evaluate((h) => parseFloat(getComputedStyle(h).lineHeight));
    expect((await heading.boundingBox()).height).toBeLessThan(lineHeight * 1.5);
    await page.getByTestId("lang-switch").click();
  }
});

test("a middle dot never stands beside a Persian digit, where it reads as a zero", async ({ page }) => {
  await openApp(page, "/settings");
  await page.getByTestId("demo-S").click();
  await expect(page.locator(".toast")).toHaveText("دادهٔ نمونه اضافه شد.", { timeout: 30_000 });
  // «عقب‌افتاده · ۱» read as ۱۰: Persian separates such parts with a bar.
  const dotByDigit = /·\s*[۰-۹]|[۰-۹]\s*·/;
  for (const [path, shown] of [
    ["/inbox", ".inbox-section h2"],
    ["/pipeline", "[data-testid=column-sums]"],
    ["/catalog", "[data-testid=catalog-list]"],
    ["/reports", "[data-testid=report-cards]"],
    ["/reports/lost", "[data-testid=lost-bars], [data-testid=lost-none]"],
    ["/reports/open", "[data-testid=open-table]"],
    ["/reports/customers", "[data-testid=ranking-table], [data-testid=ranked-none]"],
    ["/reports/dormant", "[data-testid=dormant-table], [data-testid=dormant-none]"],
    ["/reports/win-rates", "[data-testid=win-table], [data-testid=win-none]"],
    ["/reports/team", "[data-testid=team-table], [data-testid=team-none]"],
    ["/reports/segments", "[data-testid=rfm-grid], [data-testid=segments-none]"],
    ["/reports/acquisition", "[data-testid=acquisition-table], [data-testid=acquisition-none]"],
    ["/reports/products", "[data-testid=products-table], [data-testid=products-none]"],
  ]) {
    await page.goto(path);
    await expect(page.locator(shown).first(), path).toBeVisible();
    expect(await page.locator("body").innerText(), path).not.toMatch(dotByDigit);
  }
  await page.goto("/inbox");
  await expect(page.locator(".inbox-section h2").first()).toContainText(" | ");
});

test("numbers in fields are in the reader's digits with digit groups, and save back unchanged", async ({ page }) => {
  await openApp(page, "/settings");
  await page.getByTestId("demo-S").click();
  await expect(page.locator(".toast")).toHaveText("دادهٔ نمونه اضافه شد.", { timeout: 30_000 });
  // A Persian form showed a price as "15000000".
  await page.goto("/catalog");
  const product = await page.locator(".contact-row a.row-title[href^=\"/catalog/products/\"]").first().getAttribute("href");
  await page.goto(product);
  const price = page.locator("#product-price");
  await expect(price).toHaveValue(/^[۰-۹]{1,3}(٬[۰-۹]{3})+$/);
  const shown = await price.inputValue();
  await page.getByTestId("product-save").click();
  await expect(page).toHaveURL(/\/catalog(\?tab=products)?$/);
  await page.goto(product);
  await expect(price).toHaveValue(shown);
  await page.goto("/pipeline/table");
  await expect(page.getByTestId("row-amount").first()).toHaveValue(/^[۰-۹]{1,3}(٬[۰-۹]{3})*$/);
  // A deal's numbered history counted "1." in Persian.
  await page.locator("a.row-title").first().click();
  await expect(page.locator("ol.history")).toBeVisible();
  expect(await page.locator("ol.history").evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe("persian");
  // A stage's probability and days read "5" and "14".
  await page.goto("/settings/pipelines");
  await expect(page.getByTestId("stage-row").first().locator("input[inputmode=numeric]").first()).toHaveValue(/^[۰-۹]+$/);
  // A time of day: the browser's own time box read "12:42 PM" in a Persian form.
  await page.goto("/tasks/new");
  await page.locator("#task-title").fill("تماس با انبار");
  await page.getByTestId("task-due-picker").click();
  await page.getByRole("button", { name: "امروز" }).click();
  await page.locator("#task-due-time").fill("۲۵:۰۰");
  await page.getByTestId("task-save").click();
  await expect(page.getByTestId("task-due-time-error")).toHaveText("ساعت نادرست است؛ به شکل ۱۴:۳۰ بنویسید.");
  await page.locator("#task-due-time").fill("۹:۰۵");
  await page.getByTestId("task-save").click();
  await page.getByRole("link", { name: "تماس با انبار" }).click();
  await expect(page.locator("#task-due-time")).toHaveValue("۰۹:۰۵");
  // The same price in English digits and marks.
  await page.getByTestId("lang-switch").click();
  await page.goto(product);
  const latin = shown.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replaceAll("٬", ",");
  await expect(price).toHaveValue(latin);
});
