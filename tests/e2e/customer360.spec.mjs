import { test, expect } from "@playwright/test";
import { openApp, createCustomer } from "./helpers.mjs";

test.describe("on a 768×1024 touch tablet", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

  test("a visit logged offline in two taps is in the timeline after reload", async ({ page, context }) => {
    await openApp(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await createCustomer(page, { name: "فروشگاه زاگرس", phones: "09121234567" });

    await context.setOffline(true);
    await page.getByTestId("log-visit").tap();                       // tap 1
    await expect(page.locator("#visit-purpose")).toBeFocused();
    await page.keyboard.type("نصب دستگاه جدید");
    await page.locator("#visit-outcome").fill("راضی بودند؛ سفارش دوم در راه است");
    await page.locator("#visit-duration").fill("۴۵");
    await page.getByTestId("activity-save").tap();                  // tap 2
    await expect(page.getByTestId("activity-form")).toHaveCount(0);
    const visit = page.getByTestId("timeline-visit");
    await expect(visit).toContainText("راضی بودند");

    await page.reload();
    await expect(page.getByTestId("online-chip")).toHaveText("آفلاین");
    await expect(page.getByTestId("timeline-visit")).toContainText("راضی بودند؛ سفارش دوم در راه است");
    await expect(page.getByTestId("timeline-visit")).toContainText("نصب دستگاه جدید");
    await expect(page.getByTestId("timeline-visit")).toContainText("۴۵");
    // Last contact is derived from the visit, not typed.
    await expect(page.locator(".facts")).toContainText("۰ روز پیش");
    await context.setOffline(false);
  });
});

test("a visit with a bad duration is refused with a message and not saved", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Caspian Supplies" });
  await page.getByTestId("log-visit").click();
  await page.locator("#visit-duration").fill("5000");
  await page.getByTestId("activity-save").click();
  await expect(page.locator("#visit-duration-error")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("timeline-visit")).toHaveCount(0);
});

test("merge keeps every activity, contact and task of both, and undo puts them back", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Acme Trading", phones: "09120000001" });
  const keepUrl = page.url();
  await page.getByTestId("log-call").click();
  await page.locator("#activity-subject").fill("Call about the old order");
  await page.getByTestId("activity-save").click();
  await expect(page.getByTestId("timeline-call")).toHaveCount(1);

  await page.goto("/customers");
  await page.getByTestId("new-customer").click();
  await page.locator("#name").fill("ACME trading");
  await page.locator("#email").fill("buy@acme.example");
  await page.getByTestId("save").click();
  await page.getByTestId("save-anyway").click();
  await expect(page.getByTestId("customer-name")).toHaveText("ACME trading");
  await page.getByTestId("log-meeting").click();
  await page.locator("#activity-subject").fill("Meeting with purchasing");
  await page.getByTestId("activity-save").click();
  await page.getByTestId("add-contact").click();
  await page.locator("#contact-name").fill("Sara Ahmadi");
  await page.locator("#contact-role").fill("Purchasing manager");
  await page.getByTestId("contact-save").click();
  await page.getByTestId("add-task").click();
  await page.locator("#task-title").fill("Send the quote");
  await page.getByTestId("task-save").click();
  await expect(page.getByTestId("timeline-meeting")).toHaveCount(1);

  await page.goto(keepUrl);
  await page.getByTestId("merge").click();
  await page.getByTestId("merge-candidate").filter({ hasText: "ACME trading" }).click();
  await page.getByTestId("merge-confirm").click();
  await expect(page).toHaveURL(keepUrl);
  await expect(page.getByTestId("timeline-call")).toHaveCount(1);
  await expect(page.getByTestId("timeline-meeting")).toHaveCount(1);
  await expect(page.getByTestId("contacts")).toContainText("Sara Ahmadi");
  await expect(page.getByTestId("open-tasks")).toContainText("Send the quote");
  await expect(page.locator(".facts")).toContainText("buy@acme.example");
  // Without a reload: the merged-away customer has left the list.
  await page.getByTestId("nav-customers").click();
  await expect(page.locator(".customer-row")).toHaveCount(1);
  // Everything survives a reload too, and the history says what happened.
  await page.goto(keepUrl);
  await expect(page.getByTestId("timeline-meeting")).toHaveCount(1);
  await expect(page.getByTestId("contacts")).toContainText("Sara Ahmadi");
});

test("undoing a merge brings the other customer back with its records", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Orient Group", phones: "09120000002" });
  const keepUrl = page.url();
  await page.goto("/customers");
  await page.getByTestId("new-customer").click();
  await page.locator("#name").fill("Orient Group");
  await page.getByTestId("save").click();
  await page.getByTestId("save-anyway").click();
  await expect(page.getByTestId("log-note")).toBeVisible();
  const goneUrl = page.url();
  await page.getByTestId("log-note").click();
  await page.locator("#activity-subject").fill("Note on the second record");
  await page.getByTestId("activity-save").click();
  await expect(page.getByTestId("timeline-note")).toHaveCount(1);

  await page.goto(keepUrl);
  await page.getByTestId("merge").click();
  await page.getByTestId("merge-candidate").first().click();
  await page.getByTestId("merge-confirm").click();
  await expect(page.getByTestId("timeline-note")).toHaveCount(1);
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("timeline-note")).toHaveCount(0);
  await page.goto(goneUrl);
  await expect(page.getByTestId("timeline-note")).toContainText("Note on the second record");
  await page.goto("/customers");
  await expect(page.locator(".customer-row")).toHaveCount(2);
});

test("the inbox sorts my tasks into sections and a done task offers to log and plan", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Silk Road Ltd" });
  const customerUrl = page.url();
  await page.getByTestId("add-task").click();
  await page.locator("#task-title").fill("Overdue follow-up");
  await page.getByTestId("task-due-picker").click();
  await page.getByRole("button", { name: "Today" }).click();
  await page.locator("#task-due-time").fill("00:00");
  await page.locator("#task-priority").selectOption({ label: "Urgent" });
  await page.getByTestId("task-save").click();
  await expect(page).toHaveURL(customerUrl);
  await page.getByTestId("add-task").click();
  await page.locator("#task-title").fill("Someday idea");
  await page.getByTestId("task-save").click();

  await page.getByTestId("nav-inbox").click();
  await expect(page.getByTestId("bucket-overdue")).toContainText("Overdue follow-up");
  await expect(page.getByTestId("bucket-overdue")).toContainText("Silk Road Ltd");
  await expect(page.getByTestId("bucket-undated")).toContainText("Someday idea");
  await page.getByTestId("bucket-overdue").getByTestId("task-done").click();
  await expect(page.getByTestId("bucket-overdue")).toHaveCount(0);
  await page.getByTestId("log-and-plan").click();
  await expect(page.getByTestId("activity-form")).toBeVisible();
  await page.locator("#activity-subject").fill("Called, they agreed");
  await page.getByTestId("activity-save").click();
  await expect(page.getByTestId("task-form")).toBeVisible();
  await page.locator("#task-title").fill("Send the contract");
  await page.getByTestId("task-save").click();
  await expect(page.getByTestId("timeline-task-done")).toContainText("Overdue follow-up");
  await expect(page.getByTestId("timeline-call")).toContainText("Called, they agreed");
  await expect(page.getByTestId("open-tasks")).toContainText("Send the contract");
});

test("global search finds customers, contacts, activities and tasks from any page, by keyboard", async ({ page }) => {
  await openApp(page);
  await createCustomer(page, { name: "صنایع البرز کریمی" });
  await page.getByTestId("add-contact").click();
  await page.locator("#contact-name").fill("سارا کریمی");
  await page.getByTestId("contact-save").click();
  await page.getByTestId("log-call").click();
  await page.locator("#activity-subject").fill("تماس با کريمي درباره قیمت");
  await page.getByTestId("activity-save").click();
  await expect(page.getByTestId("timeline-call")).toHaveCount(1);

  await openApp(page, "/settings");
  await page.keyboard.press("/");
  const box = page.getByTestId("global-search");
  await expect(box).toBeFocused();
  await box.fill("كريمي");
  await expect(page.getByTestId("search-group-customer")).toContainText("صنایع البرز کریمی");
  await expect(page.getByTestId("search-group-contact")).toContainText("سارا کریمی");
  await expect(page.getByTestId("search-group-activity")).toContainText("درباره قیمت");
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/contacts\//);
  await expect(page.locator("#contact-name")).toHaveValue("سارا کریمی");
});

test("a logged activity can be corrected, and deleted with undo", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Persepolis Co." });
  const customerUrl = page.url();
  await page.getByTestId("log-call").click();
  await page.locator("#activity-subject").fill("Called about pricee");
  await page.getByTestId("activity-save").click();
  await page.getByTestId("timeline-call").getByRole("link").click();
  await expect(page.locator("#activity-subject")).toHaveValue("Called about pricee");
  await page.locator("#activity-subject").fill("Called about prices");
  await page.getByTestId("activity-save").click();
  await expect(page).toHaveURL(customerUrl);
  await expect(page.getByTestId("timeline-call")).toHaveCount(1);
  await expect(page.getByTestId("timeline-call")).toContainText("Called about prices");

  await page.getByTestId("timeline-call").getByRole("link").click();
  await page.getByTestId("activity-delete").click();
  await expect(page).toHaveURL(customerUrl);
  await expect(page.getByTestId("timeline-call")).toHaveCount(0);
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("timeline-call")).toContainText("Called about prices");
});
