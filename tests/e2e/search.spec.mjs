import { test, expect } from "@playwright/test";
import { openApp, createCustomer } from "./helpers.mjs";

// Global search reaches every kind of record a user looks for, not only
// customers, contacts, activities and tasks.

async function pickCustomer(page, id, name) {
  await page.locator(`#${id}`).fill(name);
  await page.getByRole("button", { name }).click();
}

/** A product, an item sold to the customer, a complaint and a deal, through their forms. */
async function recordsOfEveryArea(page, { customer, product, serial, complaint, deal }) {
  await createCustomer(page, { name: customer });
  const customerUrl = page.url();
  await page.goto("/catalog/products/new");
  await page.locator("#product-name").fill(product);
  await page.locator("#product-price").fill("1000");
  await page.getByTestId("product-save").click();
  await expect(page).toHaveURL(/\/catalog/);

  await page.goto("/warranty/items/new");
  await page.getByTestId("item-product").selectOption({ label: product });
  await page.locator("#item-serial").fill(serial);
  await pickCustomer(page, "item-customer", customer);
  await page.getByTestId("item-save").click();
  await expect(page.getByTestId("item-serial")).toHaveText(serial);

  await page.goto("/complaints/new");
  await page.locator("#complaint-title").fill(complaint);
  await pickCustomer(page, "complaint-customer", customer);
  await page.getByTestId("complaint-save").click();
  await expect(page.getByTestId("complaint-row").filter({ hasText: complaint })).toBeVisible();

  await page.goto(customerUrl);
  await page.getByTestId("add-deal").click();
  await page.locator("#deal-title").fill(deal);
  await page.getByTestId("deal-save").click();
  await expect(page).not.toHaveURL(/\/deals\/new/);
}

/** Opens global search, types `query`, and returns the group of `kind`. */
async function search(page, query, kind) {
  await page.getByTestId("global-search-open").click();
  await page.getByTestId("global-search").fill(query);
  return page.getByTestId(`search-group-${kind}`);
}

test("global search finds a deal, a complaint, an installed item by its serial and a product, and opens each (English)", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  // Search opened once before the records exist: they must join the loaded index as they are saved.
  await search(page, "anything", "deal");
  await page.waitForFunction(() => performance.getEntriesByName("daftar:load-everything").length > 0);
  await expect(page.getByText("Nothing found")).toBeVisible();
  await page.keyboard.press("Escape");

  await recordsOfEveryArea(page, {
    customer: "Pars Heating", product: "Boiler B24", serial: "BX-2024-0001",
    complaint: "Noisy burner after service", deal: "Boilers for the north branch",
  });

  let group = await search(page, "north branch", "deal");
  await expect(group.locator("h3")).toHaveText("Deals");
  // Readable: the query and the results in the text colour, not the top bar's white.
  await expect(page.getByTestId("global-search")).toHaveCSS("color", "rgb(15, 23, 42)");
  await expect(group.getByRole("link")).toHaveCSS("color", "rgb(15, 23, 42)");
  await expect(group.getByRole("link")).toHaveCount(1);
  await expect(group.getByRole("link")).toContainText("Boilers for the north branch");
  await expect(group.getByRole("link")).toContainText("Pars Heating"); // whose deal it is
  await group.getByRole("link").click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]+$/);
  await expect(page.locator("#deal-title")).toHaveValue("Boilers for the north branch");

  // The serial typed as a technician reads it off a label: no dashes, lower case.
  group = await search(page, "bx20240001", "installed_item");
  await expect(group.locator("h3")).toHaveText("Installed base");
  await expect(group.getByRole("link")).toContainText("BX-2024-0001 — Boiler B24");
  await page.getByTestId("global-search").press("Enter");
  await expect(page).toHaveURL(/\/warranty\/items\/[0-9a-f-]+$/);
  await expect(page.getByTestId("item-serial")).toHaveText("BX-2024-0001");

  group = await search(page, "noisy burner", "complaint");
  await expect(group.locator("h3")).toHaveText("Complaints");
  await group.getByRole("link").click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]+$/);
  await expect(page.locator("#complaint-title")).toHaveValue("Noisy burner after service");

  group = await search(page, "boiler", "product");
  await expect(group.locator("h3")).toHaveText("Products and services");
  await expect(page.getByTestId("search-group-installed_item")).toBeVisible();
  await group.getByRole("link").click();
  await expect(page).toHaveURL(/\/catalog\/products\/[0-9a-f-]+$/);
  await expect(page.locator("#product-name")).toHaveValue("Boiler B24");
});

test("global search finds the same kinds in Persian, with Arabic letters and Persian digits typed, after a reload", async ({ page }) => {
  await openApp(page);
  await recordsOfEveryArea(page, {
    customer: "تأسیسات کیان", product: "پکیج دیواری", serial: "KA-1403-77",
    complaint: "صدای زیاد مشعل", deal: "پکیج برای شعبه شمال",
  });
  // After a reload the index is read from the database, not built from the saves.
  await openApp(page, "/settings");

  let group = await search(page, "شعبه شمال", "deal");
  await expect(group.locator("h3")).toHaveText("فرصت‌های فروش");
  await group.getByRole("link").click();
  await expect(page.locator("#deal-title")).toHaveValue("پکیج برای شعبه شمال");

  group = await search(page, "ka۱۴۰۳۷۷", "installed_item");
  await expect(group.getByRole("link")).toContainText("KA-1403-77");
  await group.getByRole("link").click();
  await expect(page.getByTestId("item-serial")).toHaveText("KA-1403-77");

  group = await search(page, "مشعل", "complaint");
  await expect(group.locator("h3")).toHaveText("شکایت‌ها");
  await expect(group.getByRole("link")).toContainText("تأسیسات کیان");
  await group.getByRole("link").click();
  await expect(page.locator("#complaint-title")).toHaveValue("صدای زیاد مشعل");

  // «دیواري» with an Arabic yeh finds «دیواری».
  group = await search(page, "ديواري", "product");
  await expect(group.locator("h3")).toHaveText("کالاها و خدمات");
  await group.getByRole("link").click();
  await expect(page.locator("#product-name")).toHaveValue("پکیج دیواری");
});
