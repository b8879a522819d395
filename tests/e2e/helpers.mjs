// Shared steps of the end-to-end tests.
import { expect } from "@playwright/test";

/** Opens the app on a fresh origin state and waits until the store is open. */
export async function openApp(page, path = "/") {
  await page.goto(path);
  await expect(page.getByTestId("storage-chip")).not.toHaveText(/بارگذاری|Loading/);
}

/** Fills the customer form (fields by id) and saves. */
export async function fillCustomer(page, fields) {
  for (const [id, value] of Object.entries(fields)) {
    const el = page.locator(`#${id}`);
    if ((await el.evaluate((e) => e.tagName)) === "SELECT") await el.selectOption(value);
    else await el.fill(value);
  }
  await page.getByTestId("save").click();
}

export async function createCustomer(page, fields) {
  await page.getByTestId("new-customer").click();
  await fillCustomer(page, fields);
  await expect(page.getByTestId("customer-name")).toHaveText(fields.name.trim());
}

/** Fails the test if the page ever opens a JavaScript dialog (e.g. injected alert). */
export function forbidDialogs(page) {
  const seen = [];
  page.on("dialog", async (d) => { seen.push(d.message()); await d.dismiss(); });
  return seen;
}

/** Adds a deal through a board column's quick-add form (the board must be open). */
export async function quickAdd(page, stage, title, customer, amount) {
  await page.locator(`[data-testid=board-column][data-stage=${stage}]`).getByTestId("quick-add").click();
  const form = page.getByTestId("quick-add-form");
  await form.locator("#quick-title").fill(title);
  await form.locator("#quick-customer").fill(customer);
  await form.getByRole("button", { name: customer }).click();
  await form.locator("#quick-amount").fill(amount);
  await form.getByTestId("quick-save").click();
  await expect(page.getByTestId("deal-card").filter({ hasText: title })).toBeVisible();
}

/** Wins a new deal on the board, dated `daysAgo` days back (in the Persian calendar the form uses). */
export async function winDeal(page, title, customer, amount, daysAgo) {
  await quickAdd(page, "quote", title, customer, amount);
  await page.getByTestId("deal-card").filter({ hasText: title }).tap();
  await page.getByTestId("deal-won").click();
  const dialog = page.getByTestId("close-dialog");
  const day = new Date(Date.now() - daysAgo * 86400000);
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", { year: "numeric", month: "numeric", day: "numeric" }).formatToParts(day).map((p) => [p.type, p.value]));
  await dialog.locator("#close-date").fill(`${parts.year.replace(/\D/g, "")}/${parts.month}/${parts.day}`);
  await dialog.getByTestId("close-save").click();
  await expect(dialog).toHaveCount(0);
  await page.goto("/pipeline");
}

/** The review list holds one clash (English): opened from its chip, the field, the value kept and the one set aside. */
export async function expectOneReview(page, { field, kept, setAside }) {
  await expect(page.getByTestId("sync-review-chip")).toHaveText("1 to review");
  await page.getByTestId("sync-review-chip").click();
  await expect(page.getByTestId("review-field")).toHaveText(field);
  await expect(page.getByTestId("review-kept")).toHaveText(kept);
  await expect(page.getByTestId("review-set-aside")).toHaveText(setAside);
}
