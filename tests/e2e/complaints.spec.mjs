import { test, expect } from "@playwright/test";
import { openApp, createCustomer } from "./helpers.mjs";

test("a complaint logged by hand goes new → in progress → resolved (only with a note) → closed → reopened, on the dashboard and the timeline", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Caspian Tiles" });
  const customerUrl = page.url();

  await page.goto("/complaints");
  await page.getByTestId("complaint-new").click();
  await page.getByTestId("complaint-save").click();
  await expect(page.getByTestId("complaint-title-error")).toBeVisible(); // a title is required
  await page.locator("#complaint-title").fill("Broken tiles in the last delivery");
  await page.locator("#complaint-customer").fill("Caspian Tiles");
  await page.getByRole("button", { name: "Caspian Tiles" }).click();
  await page.locator("#complaint-severity").selectOption({ label: "High" });
  await page.getByTestId("complaint-save").click();

  const row = page.getByTestId("complaint-row").filter({ hasText: "Broken tiles" });
  await expect(row).toContainText("Caspian Tiles");
  await expect(page.getByTestId("open-by-severity").filter({ hasText: "High" })).toContainText("1");
  await row.getByRole("link").first().click();

  const current = page.getByTestId("complaint-current-status");
  await expect(current).toHaveText("New");
  await page.getByTestId("complaint-to-in_progress").click();
  await expect(current).toHaveText("In progress");
  await page.getByTestId("complaint-to-resolved").click();
  await page.getByTestId("complaint-move-confirm").click();
  await expect(page.getByTestId("complaint-note-error")).toBeVisible();   // no resolution, no resolve
  await expect(current).toHaveText("In progress");
  await page.locator("#complaint-note").fill("Replaced 40 tiles on site");
  await page.getByTestId("complaint-move-confirm").click();
  await expect(current).toHaveText("Resolved");
  await expect(page.getByTestId("complaint-resolution")).toContainText("Replaced 40 tiles");
  await expect(page.getByTestId("complaint-time-to-resolve")).toBeVisible();
  await page.getByTestId("complaint-to-closed").click();
  await expect(current).toHaveText("Closed");
  await page.getByTestId("complaint-to-in_progress").click();              // reopen
  await page.getByTestId("complaint-move-confirm").click();
  await expect(current).toHaveText("In progress");
  await expect(page.getByTestId("complaint-history").locator("li")).toHaveCount(5);

  await page.reload();
  await expect(page.getByTestId("complaint-current-status")).toHaveText("In progress");
  await page.goto(customerUrl);
  await expect(page.locator("[data-testid^=timeline-complaint]")).toHaveCount(5);
});
