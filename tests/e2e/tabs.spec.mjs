import { test, expect } from "@playwright/test";
import { openApp, createCustomer, fillCustomer, expectOneReview } from "./helpers.mjs";

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

test("a form opened before another tab's save keeps that save and its own; a field both changed is listed for review", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openApp(first, "/settings");
  await first.getByRole("main").getByRole("button", { name: "English" }).click();
  await first.goto("/");
  await createCustomer(first, { name: "Pars Heating", city: "Tehran" });
  const address = first.url();

  // Different fields: the second tab's form was opened before the first tab moved the customer.
  await openApp(second, `${address}/edit`);
  await expect(second.locator("#name")).toHaveValue("Pars Heating");
  await first.getByTestId("edit").click();
  await fillCustomer(first, { city: "Shiraz" });
  await expect(first.getByTestId("customer-name")).toHaveText("Pars Heating");
  await fillCustomer(second, { phones: "09121234567" });
  await expect(second.getByTestId("customer-name")).toHaveText("Pars Heating");
  await expect(second.locator("main")).toContainText("Shiraz");
  await expect(second.locator("main")).toContainText("0912");
  await expect(second.getByTestId("sync-review-chip")).toHaveCount(0);

  // The same field: this tab's name is kept, the other one listed with it.
  await second.getByTestId("edit").click();
  await expect(second.locator("#name")).toHaveValue("Pars Heating");
  await first.reload();
  await first.getByTestId("edit").click();
  await fillCustomer(first, { name: "Pars Heating South" });
  await expect(first.getByTestId("customer-name")).toHaveText("Pars Heating South");
  await fillCustomer(second, { name: "Pars Heating West" });
  await expect(second.getByTestId("customer-name")).toHaveText("Pars Heating West");
  await expect(second.locator("main")).toContainText("0912");
  await expectOneReview(second, { field: "Name", kept: "Pars Heating West", setAside: "Pars Heating South" });
});
