import { test, expect } from "@playwright/test";
import { openApp, createCustomer } from "./helpers.mjs";

// A date `days` from today as the English date field reads it (YYYY-MM-DD, local).
function isoDay(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function pickCustomer(page, id, name) {
  await page.locator(`#${id}`).fill(name);
  await page.getByRole("button", { name }).click();
}

async function newProduct(page, name, price, warrantyMonths) {
  await page.goto("/catalog/products/new");
  await page.locator("#product-name").fill(name);
  await page.locator("#product-price").fill(price);
  if (warrantyMonths) await page.locator("#product-warranty").fill(warrantyMonths);
  await page.getByTestId("product-save").click();
  await expect(page).toHaveURL(/\/catalog/);
}

// Registers a sold item from the installed base form; returns to its page.
async function registerItem(page, { product, serial, customer }) {
  await page.goto("/warranty/items/new");
  await page.getByTestId("item-product").selectOption({ label: product });
  await page.locator("#item-serial").fill(serial);
  await pickCustomer(page, "item-customer", customer);
  await page.getByTestId("item-save").click();
}

async function englishWithCustomer(page, name) {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name });
}

test("an item registered, its duplicate serial refused, its certificate printed, and its coverage checked offline by a typed serial", async ({ page, context }) => {
  await englishWithCustomer(page, "Pars Heating");
  await newProduct(page, "Boiler B24", "1000", "18");
  await registerItem(page, { product: "Boiler B24", serial: "BX-2024-0001", customer: "Pars Heating" });
  await expect(page.getByTestId("item-serial")).toHaveText("BX-2024-0001");
  await expect(page.getByTestId("coverage-status")).toHaveText("Under warranty");
  await expect(page.getByTestId("coverage-reason")).toContainText("days left");
  await expect(page.getByTestId("coverage-split")).toHaveText("Parts 100% · Labour 100%");

  // The same serial for the same product, typed differently, is refused.
  await registerItem(page, { product: "Boiler B24", serial: "bx 2024 0001", customer: "Pars Heating" });
  await expect(page.getByTestId("item-serial-error")).toHaveText("This serial number is already registered for this product.");
  await expect(page).toHaveURL(/\/warranty\/items\/new/);

  // The certificate, in English then Persian, as printed.
  await page.goto("/warranty/items");
  await page.getByTestId("item-row").filter({ hasText: "BX-2024-0001" }).getByRole("link").click();
  await page.getByTestId("item-certificate").click();
  const certificate = page.getByTestId("certificate");
  await expect(certificate).toContainText("Warranty certificate");
  await expect(certificate).toContainText("BX-2024-0001");
  await expect(certificate).toContainText("Pars Heating");
  // A number to read out on the phone, not the item's id.
  const number = await page.getByTestId("certificate-number").innerText();
  expect(number).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  expect(page.url().toUpperCase()).toContain(number.replaceAll("-", "").slice(0, 8));
  // Opened by its address, before the customer list is read: the customer fills in.
  await page.reload();
  await expect(certificate).toContainText("Pars Heating");
  await expect(page.getByTestId("certificate-qr").locator("svg")).toBeVisible();
  await page.getByTestId("certificate-fa").click();
  await expect(certificate).toContainText("کارت گارانتی");
  await expect(certificate).toHaveAttribute("dir", "rtl");
  await page.emulateMedia({ media: "print" });
  await expect(certificate).toBeVisible();
  await expect(page.getByTestId("certificate-print")).toBeHidden();
  await expect(page.locator(".nav")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // At the customer's site, with no network.
  await context.setOffline(true);
  await page.goto("/warranty");
  await page.getByTestId("serial-check").fill("bx2024-0001");
  const result = page.getByTestId("coverage-result");
  await expect(result).toHaveCount(1);
  await expect(result.getByTestId("coverage-status")).toHaveText("Under warranty");
  await expect(result).toContainText("Pars Heating");
  // A typo: not found, with the near match one tap away.
  await page.getByTestId("serial-check").fill("BX-2024-0007");
  await expect(page.getByTestId("coverage-not-found")).toContainText("No item with serial number «BX-2024-0007»");
  // A second unknown serial says so with its own number (it once kept the first one's).
  await page.getByTestId("serial-check").fill("BX-2024-0008");
  await expect(page.getByTestId("coverage-not-found")).toContainText("«BX-2024-0008»");
  await page.getByTestId("near-match").filter({ hasText: "BX-2024-0001" }).click();
  await expect(page.getByTestId("coverage-result").getByTestId("coverage-status")).toHaveText("Under warranty");
  await context.setOffline(false);
});

test.describe("with a camera", () => {
  test.use({ permissions: ["camera"] });

  test("the serial is scanned from the certificate's QR code and its coverage shown, offline", async ({ page, context }) => {
    // Desktop Linux Chromium has no BarcodeDetector: a stand-in reads what
    // the certificate in front of the fake camera says, once the video plays.
    await page.addInitScript(() => {
      window.BarcodeDetector = class {
        async detect(video) {
          return video.readyState >= 2 && window.__label ? [{ rawValue: window.__label, format: "qr_code" }] : [];
        }
      };
    });
    await englishWithCustomer(page, "Zagros Clinic");
    await newProduct(page, "Chiller C9", "5000", "12");
    await registerItem(page, { product: "Chiller C9", serial: "CH9-000123", customer: "Zagros Clinic" });
    await expect(page.getByTestId("coverage-status")).toHaveText("Under warranty");

    await context.setOffline(true);
    await page.goto("/warranty");
    await page.evaluate(() => { window.__label = "CH9-000123"; });
    await page.getByTestId("scan").click();
    await expect(page.getByTestId("serial-check")).toHaveValue("CH9-000123");
    await expect(page.getByTestId("coverage-result")).toContainText("Zagros Clinic");
    await expect(page.getByTestId("coverage-result").getByTestId("coverage-status")).toHaveText("Under warranty");
    await context.setOffline(false);
  });
});

test("a claim runs open → diagnosed → approved → in repair → resolved → closed with a part, labour and a photo, split by the coverage; a rejection needs its reason", async ({ page }) => {
  await englishWithCustomer(page, "Alborz Hotel");
  await newProduct(page, "Heat pump HP7", "1000", "24");
  await newProduct(page, "Compressor", "400000", "");
  await registerItem(page, { product: "Heat pump HP7", serial: "HP7-55", customer: "Alborz Hotel" });
  await expect(page.getByTestId("coverage-status")).toHaveText("Under warranty");

  await page.getByTestId("claim-new").click();
  await page.getByTestId("claim-save").click();
  await expect(page.getByTestId("claim-problem-error")).toBeVisible();
  await page.locator("#claim-problem").fill("No heat, compressor noise");
  await page.locator("#claim-channel").selectOption({ label: "At the customer's site" });
  await page.getByTestId("claim-save").click();

  const status = page.getByTestId("claim-status");
  await expect(status).toHaveText("Open");
  await expect(page.getByTestId("claim-to-Approved")).toHaveCount(0);   // not before a diagnosis
  await page.locator("#claim-note").fill("Compressor seized");
  await page.getByTestId("claim-to-Diagnosed").click();
  await expect(status).toHaveText("Diagnosed");
  await page.getByTestId("claim-to-Approved").click();
  await expect(status).toHaveText("Approved");

  await page.getByTestId("claim-add-part").selectOption({ label: "Compressor" });
  await page.getByTestId("claim-hours").fill("1.5");
  await page.getByTestId("claim-rate").fill("200000");
  await page.getByTestId("claim-work-save").click();
  // Parts 400,000 and labour 300,000, all covered (100 % / 100 %).
  await expect(page.getByTestId("cost-covered")).toContainText("700,000");
  await expect(page.getByTestId("cost-billable")).toContainText("0");

  // A 3000×2000 photo, as a tablet camera gives, stored downscaled.
  const png = await page.evaluate(async () => {
    const c = document.createElement("canvas");
    c.width = 3000; c.height = 2000;
    const g = c.getContext("2d");
    g.fillStyle = "#0f766e"; g.fillRect(0, 0, 3000, 2000);
    g.fillStyle = "#fff"; g.fillRect(500, 500, 1000, 600);
    return c.toDataURL("image/png").split(",")[1];
  });
  await page.getByTestId("photo-input").setInputFiles({ name: "unit.png", mimeType: "image/png", buffer: Buffer.from(png, "base64") });
  await expect(page.getByTestId("claim-photo")).toHaveCount(1);
  await expect(page.getByTestId("photo-count")).toHaveText("1/5");
  const img = page.getByTestId("claim-photo").locator("img");
  await expect(img).toHaveAttribute("width", "1280");
  await expect(img).toHaveAttribute("height", "853");

  for (const [to, shown] of [["InRepair", "In repair"], ["Resolved", "Resolved"], ["Closed", "Closed"]]) {
    await page.getByTestId(`claim-to-${to}`).click();
    await expect(status).toHaveText(shown);
  }
  await expect(page.getByTestId("claim-history").locator("li")).toHaveCount(6);
  await expect(page.getByTestId("photo-input")).toHaveCount(0);       // closed: nothing more to add
  await page.reload();
  await expect(page.getByTestId("claim-photo")).toHaveCount(1);
  await expect(page.getByTestId("cost-covered")).toContainText("700,000");

  // A second claim, rejected: the reason is required.
  await page.goto("/warranty/items");
  await page.getByTestId("item-row").first().getByRole("link").click();
  await page.getByTestId("claim-new").click();
  await page.locator("#claim-problem").fill("Scratched casing");
  await page.getByTestId("claim-save").click();
  await page.getByTestId("claim-to-Diagnosed").click();
  await page.getByTestId("claim-to-Rejected").click();
  await expect(page.getByRole("alert")).toHaveText("Write why the request is rejected.");
  await expect(status).toHaveText("Diagnosed");
  await page.locator("#claim-note").fill("Cosmetic damage is not covered");
  await page.getByTestId("claim-to-Rejected").click();
  await expect(status).toHaveText("Rejected");

  // Both on the list; the figures count 2 requests on 1 unit of the heat pump.
  await page.goto("/warranty/claims");
  await expect(page.getByTestId("claim-row")).toHaveCount(2);
  const figures = page.getByTestId("figure-row").filter({ hasText: "Heat pump HP7" });
  await expect(figures).toContainText("200.0");
  // The customer's timeline has the sale and every claim step.
  await page.goto("/customers");
  await page.getByRole("link", { name: "Alborz Hotel" }).click();
  await expect(page.locator("[data-testid^=timeline-warranty]")).toHaveCount(1);
  await expect(page.locator("[data-testid^=timeline-claim]")).toHaveCount(9);

  // The closed claim asks for the after-service survey in the inbox.
  await page.goto("/surveys");
  await page.getByTestId("template-service").click();
  await page.getByTestId("save-survey").click();
  await expect(page.getByTestId("survey-figures")).toBeVisible();
  await page.goto("/inbox");
  const ask = page.getByTestId("service-suggestions");
  await expect(ask).toContainText("Alborz Hotel");
  await ask.getByTestId("suggested-survey").click();
  await expect(page).toHaveURL(/link_for=/);
});

test("a contract's maintenance visits are planned in one tap, listed by week, and one is done with its report", async ({ page }) => {
  await englishWithCustomer(page, "Tabriz Dairy");
  await page.goto("/warranty/contracts/new");
  await page.locator("#contract-title").fill("Milk line service");
  await pickCustomer(page, "contract-customer", "Tabriz Dairy");
  await page.locator("#contract-starts").fill(isoDay(-10));
  await page.locator("#contract-ends").fill(isoDay(355));
  await page.locator("#contract-visits").fill("4");
  await page.getByTestId("contract-save").click();
  await page.getByTestId("contract-row").filter({ hasText: "Milk line service" }).getByRole("link").click();
  await page.getByTestId("contract-plan").click();
  await expect(page.getByTestId("contract-visits")).toContainText("4 visits planned.");
  await expect(page.getByTestId("contract-plan")).toHaveCount(0);        // planned once

  // The first visit falls in the first quarter of the period: find it week by week.
  await page.goto("/warranty/visits?view=week");
  let found = 0;
  for (let week = 0; week < 8 && !found; week++) {
    found = await page.getByTestId("visit-row").count();
    if (!found) await page.getByRole("button", { name: "Next", exact: true }).click();
  }
  expect(found).toBe(1);
  const row = page.getByTestId("visit-row").first();
  await expect(row).toContainText("Tabriz Dairy");
  await expect(row).toContainText("Scheduled maintenance");
  await row.getByRole("link").click();
  await page.getByTestId("visit-done").click();
  await expect(page.getByRole("alert")).toHaveText("Write the visit report first.");
  await page.getByTestId("visit-report-text").fill("Replaced the pump seal; pressure normal.");
  await page.getByTestId("visit-done").click();
  await expect(page.getByTestId("visit-status")).toHaveText("Done");
  await page.goto("/warranty/contracts");
  await expect(page.getByTestId("contract-row").filter({ hasText: "Milk line service" })).toContainText("1 of 4 visits used");
  await page.goto("/customers");
  await page.getByRole("link", { name: "Tabriz Dairy" }).click();
  await expect(page.locator("[data-testid=timeline-service-visit]")).toContainText("Replaced the pump seal");
});

test("a service contract ending in 20 days is in the inbox and the renewals, and one tap makes the renewal deal with its task", async ({ page }) => {
  await englishWithCustomer(page, "Caspian Foods");
  await page.goto("/warranty/contracts/new");
  await page.locator("#contract-title").fill("Cold room maintenance");
  await pickCustomer(page, "contract-customer", "Caspian Foods");
  await page.locator("#contract-starts").fill(isoDay(-345));
  await page.locator("#contract-ends").fill(isoDay(20));
  await page.locator("#contract-price").fill("48000000");
  await page.locator("#contract-visits").fill("4");
  await page.getByTestId("contract-save").click();
  await expect(page.getByTestId("contract-row")).toContainText("Cold room maintenance");

  await page.goto("/inbox");
  await expect(page.getByTestId("renewals-reminder")).toContainText("1 warranty or contract ends within 30 days");
  // The reminder arrives after the tasks and sits below them, so it cannot push a task from under a finger.
  const tasksTop = (await page.locator(".page .empty, .page .inbox-section").first().boundingBox()).y;
  expect((await page.getByTestId("renewals-reminder").boundingBox()).y).toBeGreaterThan(tasksTop);
  await page.getByTestId("renewals-reminder").click();
  const row = page.getByTestId("renewal-row").filter({ hasText: "Cold room maintenance" });
  await expect(row.getByTestId("renewal-days")).toContainText("(20 days)");
  await page.getByTestId("within-30").click();
  await expect(row).toBeVisible();
  await row.getByTestId("renew").click();
  await expect(row.getByTestId("renewal-deal")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("renewal-row").filter({ hasText: "Cold room maintenance" }).getByTestId("renew")).toHaveCount(0);

  await page.getByTestId("renewal-row").filter({ hasText: "Cold room maintenance" }).getByTestId("renewal-deal").click();
  await expect(page.locator("#deal-title")).toHaveValue("Renewal: Cold room maintenance");
  await expect(page.locator("#deal-pipeline option:checked")).toHaveText("Renewals");
  await page.goto("/inbox");
  await expect(page.getByText("Call Caspian Foods about renewing Cold room maintenance")).toBeVisible();
  await expect(page.getByTestId("renewals-reminder")).toHaveCount(0);
});
