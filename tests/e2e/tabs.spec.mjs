import { test, expect } from "@playwright/test";
import { openApp, createCustomer, fillCustomer } from "./helpers.mjs";

test("two tabs: a customer created or edited in one appears in the other without reload", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openApp(first);
  await openApp(second);
  await expect(second.getByTestId("customer-count")).toHaveText("۰ مشتری");

  await createCustomer(first, { name: "بازرگانی نوین", city: "یزد" });
  await expect(second.locator(".customer-row .row-title")).toHaveText("بازرگانی نوین");
  await expect(second.getByTestId("customer-count")).toHaveText("۱ مشتری");

  // Edit in the second tab while the first shows the detail page.
  await second.locator(".customer-row").click();
  await second.getByTestId("edit").click();
  await fillCustomer(second, { name: "بازرگانی نوین یزد", city: "میبد" });
  await expect(first.getByTestId("customer-name")).toHaveText("بازرگانی نوین یزد");
  // A list row that keeps its place is redrawn with the new values too.
  await first.goto("/customers");
  await second.getByTestId("edit").click();
  await fillCustomer(second, { city: "اردکان" });
  await expect(first.locator(".customer-row .row-detail")).toContainText("اردکان");
});
