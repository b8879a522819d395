// Every screen as a person sees it: in both languages, on a portrait and a
// landscape touch tablet, with demo data S. On each screen axe-core looks
// for what a weak eye, a finger or a screen reader trips on (contrast,
// names, labels, target size) and no serious or critical finding may
// stand; no visible text is cut off (unless it ends in an ellipsis on
// purpose); no program text, `undefined` or `NaN` reaches the screen. A
// screenshot of each screen is written to screens/ (ignored by git).
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { openApp } from "./helpers.mjs";

const SHOTS = "screens";

// Screens with an address of their own.
const FIXED = [
  "/customers", "/customers/new", "/customers/import", "/contacts/new",
  "/inbox", "/tasks/new",
  "/pipeline", "/pipeline/table", "/pipeline/forecast", "/deals/new", "/settings/pipelines",
  "/catalog", "/catalog?tab=suppliers", "/catalog?tab=competitors", "/catalog/products/new", "/catalog/suppliers/new", "/catalog/competitors/new",
  "/surveys", "/surveys/new", "/surveys/import",
  "/complaints", "/complaints/new",
  "/warranty", "/warranty/items", "/warranty/items/new", "/warranty/claims", "/warranty/visits", "/warranty/visits/new",
  "/warranty/contracts", "/warranty/contracts/new", "/warranty/renewals",
  "/reports", "/reports/open", "/reports/lost", "/reports/win-rates", "/reports/customers", "/reports/acquisition",
  "/reports/products", "/reports/team", "/reports/dormant", "/reports/segments",
  "/settings", "/settings/sync", "/sync/review",
];

// Screens of one record: the list that links to one, the shape of that
// link, and the screens under it.
const OF_A_RECORD = [
  ["/customers", /^\/customers\/[0-9a-f-]{36}$/, ["", "/edit", "/merge"]],
  ["/pipeline/table", /^\/deals\/[0-9a-f-]{36}$/, [""]],
  ["/inbox", /^\/tasks\/[0-9a-f-]{36}$/, [""]],
  ["/catalog", /^\/catalog\/products\/[0-9a-f-]{36}$/, [""]],
];

/**
 * Records demo data S has none of, made through their forms: an installed
 * item with a service request, and a complaint. Returns their screens.
 */
async function addAfterSales(page) {
  await page.goto("/warranty/items/new");
  await page.getByTestId("item-product").selectOption({ index: 1 });
  await page.locator("#item-serial").fill("SCR-0001");
  await page.locator("#item-customer").fill("Acme");
  await page.getByRole("button", { name: /Acme Supplies/ }).first().click();
  await page.getByTestId("item-save").click();
  await expect(page).toHaveURL(/\/warranty\/items\/[0-9a-f-]{36}$/);
  const item = new URL(page.url()).pathname;
  await page.getByTestId("claim-new").click();
  await page.locator("#claim-problem").fill("Paper jams after an hour of printing");
  await page.getByTestId("claim-save").click();
  await expect(page).toHaveURL(/\/warranty\/claims\/[0-9a-f-]{36}$/);
  const claim = new URL(page.url()).pathname;
  await page.goto("/complaints/new");
  await page.locator("#complaint-title").fill("Late delivery of the toner order");
  await page.getByTestId("complaint-save").click();
  await page.getByTestId("complaint-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  const complaint = new URL(page.url()).pathname;
  const itemId = item.split("/").pop();
  return [item, `${item}/edit`, `${item}/certificate`, claim, complaint, `/warranty/claims/new?item=${itemId}`, `/warranty/visits/new?item=${itemId}`];
}

/** Waits until the screen has read what it shows: nothing says "loading". */
async function settled(page) {
  // The app is up (not the start-up splash, which says nothing of loading)…
  await expect(page.getByTestId("storage-chip")).toHaveText(/دستگاه|device/, { timeout: 30_000 });
  // …and the screen has what it shows.
  await expect(page.getByText(/Loading…|در حال بارگذاری…|Reading every deal|در حال خواندن همهٔ|Fitting the|در حال برازش/)).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Visible elements that hide their overflow yet hold more than they show, without an ellipsis. */
function clipped(page) {
  return page.evaluate(() => [...document.querySelectorAll("body *")].filter((el) => {
    const style = getComputedStyle(el);
    if (!["hidden", "clip"].includes(style.overflowX) && !["hidden", "clip"].includes(style.overflowY)) return false;
    if (style.textOverflow === "ellipsis" || !el.textContent.trim()) return false;
    const box = el.getBoundingClientRect();
    // Text for screen readers only is clipped to a pixel on purpose.
    if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden") return false;
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  }).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent.trim().slice(0, 60)}`));
}

/** Titles that open a list's rows, shorter than a finger (44 px). */
function smallTargets(page) {
  return page.locator(".contact-row > a.row-title, .customer-row").evaluateAll((links) => links
    .filter((a) => { const r = a.getBoundingClientRect(); return r.height > 0 && r.height < 44; })
    .map((a) => `${Math.round(a.getBoundingClientRect().height)} px: ${a.textContent.trim().slice(0, 40)}`));
}

/** What a person would report of this screen, or nothing. */
async function findings(page, name) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  const text = await page.locator("body").innerText();
  const raw = text.match(/undefined|NaN|\[object |move \|\||=>|\{\w+\}/g) ?? [];
  return [
    ...serious,
    ...(await clipped(page)).map((c) => `clipped: ${c}`),
    ...(await smallTargets(page)).map((s) => `small target: ${s}`),
    ...raw.map((r) => `program text: ${r}`),
  ].map((f) => `${name}: ${f}`);
}

for (const lang of ["fa", "en"]) {
  for (const [form, viewport] of [["portrait", { width: 768, height: 1024 }], ["landscape", { width: 1024, height: 768 }]]) {
    test.describe(`${lang}, ${form} tablet`, () => {
      test.use({ viewport, hasTouch: true });

      test(`every screen reads well (${lang}, ${form})`, async ({ page }) => {
        test.setTimeout(900_000);
        mkdirSync(SHOTS, { recursive: true });
        await openApp(page, "/settings");
        await page.getByTestId("demo-S").click();
        await expect(page.locator(".toast")).toHaveText("دادهٔ نمونه اضافه شد.", { timeout: 30_000 });
        if (lang === "en") await page.getByTestId("lang-switch").click();
        const screens = [...FIXED, ...(await addAfterSales(page))];
        for (const [list, link, under] of OF_A_RECORD) {
          await page.goto(list);
          await settled(page);
          const found = await page.locator("a[href]").evaluateAll((links, source) => links.map((a) => a.getAttribute("href")).find((h) => new RegExp(source).test(h)), link.source);
          expect(found, `a link like ${link} on ${list}`).toBeTruthy();
          screens.push(...under.map((tail) => found + tail));
        }
        const all = [];
        for (const path of screens) {
          await page.goto(path);
          await settled(page);
          const name = `${lang}-${form}${path.replace(/[0-9a-f-]{36}/, "id").replace(/[/?=]/g, "_")}`;
          await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
          all.push(...(await findings(page, path)));
        }
        expect(all).toEqual([]);
      });
    });
  }
}
