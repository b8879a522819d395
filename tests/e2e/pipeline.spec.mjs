import { test, expect } from "@playwright/test";
import { openApp, createCustomer, quickAdd } from "./helpers.mjs";

const column = (page, stage) => page.locator(`[data-testid=board-column][data-stage=${stage}]`);
const card = (page, title) => page.getByTestId("deal-card").filter({ hasText: title });

/** Touch events as a tablet sends them (through CDP: Playwright has no touch drag). */
async function finger(page) {
  const cdp = await page.context().newCDPSession(page);
  return (type, x, y) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
}

/** A finger: touch, hold still until the card lifts, slide, let go. */
async function touchDrag(page, from, to) {
  const send = await finger(page);
  const a = await from.boundingBox();
  const [x0, y0] = [a.x + a.width / 2, a.y + 20];
  await send("touchStart", x0, y0);
  await page.waitForTimeout(450);
  // The won / lost zones appear only once a card is lifted.
  const b = await to.boundingBox();
  const [x1, y1] = [b.x + b.width / 2, b.y + Math.min(b.height / 2, 160)];
  for (let i = 1; i <= 10; i++) {
    await send("touchMove", x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10);
    await page.waitForTimeout(16);
  }
  await send("touchEnd", x1, y1);
}

test.describe("the board on a 1024×768 touch tablet", () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

  test("a card moves by finger, by mouse and by keyboard, offline, and stays moved after reload", async ({ page, context }) => {
    await openApp(page);
    await page.getByTestId("lang-switch").click();
    await createCustomer(page, { name: "Zagros Trading" });
    await page.goto("/pipeline");
    await quickAdd(page, "lead", "Ten printers", "Zagros", "1000000");
    await quickAdd(page, "lead", "Toner for a year", "Zagros", "300000");
    await expect(column(page, "lead").getByTestId("column-count")).toHaveText("2");
    // 5 % of 1,300,000.
    await expect(column(page, "lead").getByTestId("column-sums")).toContainText("weighted 65,000");

    await context.setOffline(true);
    await touchDrag(page, card(page, "Ten printers"), column(page, "needs"));
    await expect(column(page, "needs").getByTestId("deal-card")).toHaveText(/Ten printers/);

    // A quick swipe on a card (no hold) scrolls; it does not lift the card.
    const send = await finger(page);
    const toner = await card(page, "Toner for a year").boundingBox();
    await send("touchStart", toner.x + 40, toner.y + 20);
    for (let i = 1; i <= 5; i++) await send("touchMove", toner.x + 40 + i * 50, toner.y + 20);
    await send("touchEnd", 0, 0);
    await expect(column(page, "lead").getByTestId("deal-card")).toHaveText(/Toner for a year/);

    // A mouse: press, drag, release.
    const target = await column(page, "contacted").boundingBox();
    await page.mouse.move(toner.x + 40, toner.y + 20);
    await page.mouse.down();
    await page.mouse.move(target.x + 100, target.y + 200, { steps: 8 });
    await page.mouse.up();
    await expect(column(page, "contacted").getByTestId("deal-card")).toHaveText(/Toner for a year/);

    await card(page, "Ten printers").focus();
    await page.keyboard.press(" ");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("board-announce")).toHaveText(/Quote sent/);
    await page.keyboard.press(" ");
    await expect(column(page, "quote").getByTestId("deal-card")).toHaveText(/Ten printers/);
    await expect(card(page, "Ten printers")).toBeFocused();

    await page.reload();
    await expect(column(page, "quote").getByTestId("deal-card")).toHaveText(/Ten printers/);
    await expect(column(page, "contacted").getByTestId("deal-card")).toHaveText(/Toner for a year/);
    await expect(column(page, "lead").getByTestId("column-count")).toHaveText("0");
    await context.setOffline(false);
  });

  test("after a drag, a tap on a card opens the deal, and the page outlives the card's hold timer", async ({ page }) => {
    await openApp(page);
    await page.getByTestId("lang-switch").click();
    await createCustomer(page, { name: "Pars Industries" });
    await page.goto("/pipeline");
    await quickAdd(page, "lead", "Label printers", "Pars", "750000");
    await touchDrag(page, card(page, "Label printers"), column(page, "contacted"));
    await expect(column(page, "contacted").getByTestId("deal-card")).toHaveText(/Label printers/);
    // Bugs found in review: the click swallowed after a drag stayed armed, and the
    // hold timer of a tap fired after the board was gone and stopped the app.
    await card(page, "Label printers").tap();
    await expect(page.getByTestId("deal-form")).toBeVisible();
    await page.waitForTimeout(500);
    await expect(page.locator(".crash-notice")).toHaveCount(0);
    await expect(page.locator("#deal-title")).toHaveValue("Label printers");
  });

  test("losing a deal without a reason is refused with a clear message; with one, it leaves the board and shows on the timeline", async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: "فروشگاه البرز" });
    const customerUrl = page.url();
    await page.goto("/pipeline");
    await quickAdd(page, "quote", "دستگاه کپی طبقه دوم", "البرز", "۲۵۰۰۰۰۰۰");
    await touchDrag(page, card(page, "دستگاه کپی"), page.getByTestId("drop-lost"));
    const dialog = page.getByTestId("close-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByTestId("close-save").click();
    await expect(dialog.getByTestId("close-alert")).toHaveText("برای فرصت ناموفق دلیل لازم است: یکی را انتخاب کنید یا بنویسید.");
    await dialog.getByTestId("close-cancel").click();
    await expect(column(page, "quote").getByTestId("deal-card")).toHaveText(/دستگاه کپی/);

    await card(page, "دستگاه کپی").focus();
    await page.keyboard.press(" ");
    for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press(" ");
    await dialog.getByText("خرید از رقیب").click();
    await dialog.getByTestId("close-save").click();
    await expect(dialog).toHaveCount(0);
    await expect(column(page, "quote").getByTestId("column-count")).toHaveText("۰");

    await page.goto(customerUrl);
    await expect(page.getByTestId("timeline-deal-lost")).toContainText("خرید از رقیب");
    await expect(page.getByTestId("timeline-deal")).toHaveCount(1);
    await expect(page.getByTestId("deals-card")).toContainText("ناموفق");
  });
});

test("carrying a card near the board's edge scrolls the board to the far columns", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Alborz Office" });
  await page.goto("/pipeline");
  await quickAdd(page, "lead", "Scanner rollout", "Alborz", "500000");
  const board = page.getByTestId("board");
  const start = await board.evaluate((b) => b.scrollLeft);
  const from = await card(page, "Scanner rollout").boundingBox();
  const edge = await board.boundingBox();
  await page.mouse.move(from.x + 40, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width - 12, from.y + 120, { steps: 10 });
  await expect.poll(() => board.evaluate((b) => b.scrollLeft), { timeout: 5000 }).toBeGreaterThan(start + 600);
  await page.mouse.up();
  await expect(column(page, "lead").getByTestId("column-count")).toHaveText("0");
  await expect(column(page, "contract").getByTestId("deal-card")).toHaveText(/Scanner rollout/);
});

test("deal form with line items shows margin and commissions; forecast and table agree; stage reorder keeps deals", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Caspian Supplies" });
  const customerUrl = page.url();

  await page.goto("/catalog/products/new");
  await page.locator("#product-name").fill("Laser printer");
  await page.locator("#product-price").fill("1000000");
  await page.locator("#product-cost").fill("600000");
  await page.locator("#product-marketer").fill("5");
  await page.locator("#product-agency").fill("2.5");
  await page.getByTestId("product-save").click();
  await expect(page.getByTestId("catalog-list")).toContainText("Laser printer");

  await page.goto(customerUrl);
  await page.getByTestId("add-deal").click();
  await page.locator("#deal-title").fill("Printers for the branch");
  await page.getByTestId("add-line").selectOption({ label: "Laser printer" });
  const row = page.getByTestId("line-row");
  await row.locator("input").nth(0).fill("3");
  await row.locator("input").nth(0).blur();
  await row.locator("input").nth(2).fill("10");
  await row.locator("input").nth(2).blur();
  // Net 2,700,000; cost 1,800,000; commissions 135,000 + 67,500.
  await expect(page.getByTestId("margin")).toHaveText("697,500 Rial (25%)");
  await page.getByTestId("deal-stage").selectOption({ label: "Negotiation" });
  await page.locator("#deal-close").fill("2030-01-15");
  await page.getByTestId("deal-save").click();
  await expect(column(page, "negotiation").getByTestId("deal-card")).toContainText("2,700,000");

  await page.getByTestId("view-forecast").click();
  const month = page.getByTestId("forecast-month").filter({ hasText: "January 2030" });
  // 65 % of 2,700,000.
  await expect(month).toContainText("weighted 1,755,000");

  await page.getByTestId("view-table").click();
  const tableRow = page.getByTestId("deal-row").filter({ hasText: "Printers for the branch" });
  await tableRow.getByTestId("row-stage").selectOption({ label: "Contract" });
  await page.getByTestId("view-forecast").click();
  await expect(page.getByTestId("forecast-month").filter({ hasText: "January 2030" })).toContainText("weighted 2,430,000");

  await page.goto("/settings/pipelines");
  const editor = page.getByTestId("pipeline-editor").first();
  // Each remove button says only "Remove" (its code once showed as its text);
  // the one stage holding the deal cannot be removed, and says why.
  const removes = editor.getByTestId("stage-remove");
  // Counted once the stages are drawn: counted earlier, the list is empty.
  await expect(removes.first()).toBeVisible();
  await expect(removes).toHaveText(Array(await removes.count()).fill("Remove"));
  const held = editor.locator("[data-testid=stage-remove][disabled]");
  await expect(held).toHaveCount(1);
  await expect(held).toHaveAttribute("title", "Move its deals to another stage first.");
  // The stage says how many deals it holds, in the singular for one.
  await expect(editor.getByText("1 open deal", { exact: true })).toHaveCount(1);
  await editor.getByTestId("stage-row").last().getByTestId("stage-up").click();
  await editor.getByTestId("pipeline-save").click();
  await expect(page.getByText("Pipeline saved.")).toBeVisible();
  await page.goto("/pipeline");
  const lastTwo = () => page.getByTestId("board-column").evaluateAll((cols) => cols.slice(-2).map((c) => c.dataset.stage));
  await expect.poll(lastTwo).toEqual(["contract", "commit"]);
  await expect(column(page, "contract").getByTestId("deal-card")).toContainText("Printers for the branch");
  await page.reload();
  await expect(column(page, "contract").getByTestId("deal-card")).toContainText("Printers for the branch");
});
