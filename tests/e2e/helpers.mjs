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
