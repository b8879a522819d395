import { test, expect } from "@playwright/test";
import { openApp, createCustomer } from "./helpers.mjs";

async function newSurveyFromTemplate(page, template) {
  await page.goto("/surveys");
  await page.getByTestId(`template-${template}`).click();
  await page.getByTestId("save-survey").click();
  await expect(page.getByTestId("survey-figures")).toBeVisible();
  return page.url();
}

async function pickCustomer(page, id, name) {
  await page.locator(`#${id}`).fill(name);
  await page.getByRole("button", { name }).click();
  await expect(page.getByTestId(`${id}-chosen`)).toHaveText(name);
}

test.describe("kiosk on a 768×1024 touch tablet", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

  test("three responses in a row, and kiosk mode cannot be left without the PIN", async ({ page }) => {
    await openApp(page);
    const results = await newSurveyFromTemplate(page, "nps");
    await page.getByTestId("start-kiosk").tap();
    await page.getByTestId("kiosk-pin").fill("1234");
    await page.getByTestId("kiosk-pin-again").fill("4321");
    await page.getByTestId("kiosk-go").tap();
    await expect(page.getByRole("alert")).toContainText("یکی نیستند");
    await page.getByTestId("kiosk-pin-again").fill("۱۲۳۴");
    const recovery = await page.getByTestId("kiosk-recovery").innerText();   // noted by the rep
    await page.getByTestId("kiosk-go").tap();
    await expect(page.getByTestId("kiosk")).toBeVisible();

    for (const score of [10, 7, 9]) {
      const nps = page.getByTestId("question-q1");
      await expect(nps.locator('[aria-pressed="true"]')).toHaveCount(0); // the last person's answer is gone
      await nps.locator(`[data-value="${score}"]`).tap();
      if (score < 9) await page.getByTestId("question-q2").locator("textarea").fill("تحویل سریع‌تر");
      // An impatient double tap files one response, not two.
      await page.getByTestId("survey-submit").evaluate((b) => { b.click(); b.click(); });
      await expect(page.getByTestId("kiosk-thanks")).toBeVisible();
      await page.getByTestId("kiosk-next").tap();
    }
    // A required answer is asked for, not skipped.
    await page.getByTestId("survey-submit").tap();
    await expect(page.getByTestId("question-q1")).toContainText("لطفاً به این پرسش پاسخ دهید");

    // No way out but the PIN: back button, a typed URL, a reload.
    await page.goBack();
    await expect(page.getByTestId("kiosk")).toBeVisible();
    await page.goto("/customers");
    await expect(page.getByTestId("kiosk")).toBeVisible();
    expect(page.url()).toContain("/kiosk");
    await page.reload();
    await expect(page.getByTestId("kiosk")).toBeVisible();
    await page.getByTestId("kiosk-exit").tap();
    await page.getByTestId("kiosk-exit-pin").fill("0000");
    await page.getByTestId("kiosk-exit-pin").press("Enter");
    await expect(page.getByTestId("kiosk-wrong-pin")).toBeVisible();
    await expect(page.getByTestId("kiosk")).toBeVisible();
    // The PIN is forgotten: the recovery code noted at the start also opens.
    await page.getByTestId("kiosk-exit-pin").fill(recovery);
    await page.getByTestId("kiosk-exit-pin").press("Enter");
    await expect(page.getByTestId("kiosk")).toHaveCount(0);
    expect(page.url()).toBe(results);
    // 10 and 9 promote, 7 is passive: NPS = 67 − 0.
    await expect(page.getByTestId("figure-responses")).toContainText("۳");
    await expect(page.getByTestId("figure-nps")).toContainText("۶۷");
    // The three anonymous answers read alike in global search (same survey,
    // same page): each keeps its own row, and the highlight moves one row at a time.
    const surveyName = (await page.locator("h1").first().innerText()).trim();
    await page.getByTestId("global-search-open").tap();
    await page.getByTestId("global-search").fill(surveyName);
    await expect(page.getByTestId("search-group-survey_response").locator(".search-hit")).toHaveCount(3);
    for (let i = 0; i < 4; i++) {
      await page.getByTestId("global-search").press("ArrowDown");
      await expect(page.locator(".search-hit.selected")).toHaveCount(1);
    }
    await page.getByTestId("global-search").press("Escape");
    await page.goto("/customers");
    await expect(page.getByTestId("kiosk")).toHaveCount(0);
  });
});

test("a survey link answered in another browser comes back as a code, is filed once, and a low score opens a complaint and a task", async ({ page, browser }) => {
  await openApp(page);
  await createCustomer(page, { name: "فروشگاه البرز", phones: "09121110000" });
  const customerUrl = page.url();
  await newSurveyFromTemplate(page, "nps");
  await page.getByTestId("make-link").click();
  await pickCustomer(page, "link-customer", "فروشگاه البرز");
  await page.getByTestId("link-create").click();
  const link = await page.getByTestId("survey-link-url").inputValue();
  expect(link).toMatch(/\/s\/#/);
  expect(link).not.toContain("البرز");

  // The customer's phone: a browser that has never seen Daftar.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const customer = await phone.newPage();
  await customer.goto(link);
  await expect(customer.getByTestId("survey-form")).toBeVisible();
  // The page names its icon, and it is there (the browser's guess, /s/favicon.ico, was a 404).
  expect(await customer.evaluate(async () => (await fetch(document.querySelector("link[rel=icon]").href)).status)).toBe(200);
  await expect(customer.locator("body")).not.toContainText("البرز");
  await customer.getByRole("button", { name: "English" }).tap();
  await expect(customer.getByTestId("survey-form")).toContainText("How likely are you to recommend us");
  await customer.getByTestId("question-q1").locator('[data-value="3"]').tap();
  await customer.getByTestId("question-q2").locator("textarea").fill("Deliveries were late twice.");
  await customer.getByTestId("survey-submit").tap();
  const code = await customer.getByTestId("response-code").inputValue();
  expect(code).toMatch(/^DF1\./);
  expect(code).not.toContain("late");
  // The page read nothing of the device and stored nothing there.
  expect(await customer.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  expect(await customer.evaluate(() => localStorage.length)).toBe(0);
  await phone.close();

  // Back on the rep's tablet: a code changed on the way is refused, nothing filed.
  await page.goto("/surveys/import");
  const flipped = code.slice(0, 40) + (code[40] === "A" ? "B" : "A") + code.slice(41);
  await page.getByTestId("code-input").fill(flipped);
  await page.getByTestId("code-import").click();
  await expect(page.getByTestId("code-refused")).toBeVisible();
  await page.getByTestId("code-input").fill(`  ${code.slice(0, 300)}\n${code.slice(300)}  `);
  await page.getByTestId("code-import").click();
  await expect(page.getByTestId("code-filed")).toContainText("شکایت");
  // The same code again is a replay.
  await page.getByTestId("code-input").fill(code);
  await page.getByTestId("code-import").click();
  await expect(page.getByTestId("code-refused")).toContainText("پیش‌تر ثبت شده");

  await page.goto("/surveys");
  await page.getByTestId("survey-list").getByRole("link").first().click();
  await expect(page.getByTestId("figure-responses")).toContainText("۱");
  await expect(page.getByTestId("figure-rate")).toContainText("۱۰۰");
  await expect(page.getByTestId("figure-nps")).toContainText("-۱۰۰");
  await expect(page.getByTestId("result-q2")).toContainText("Deliveries were late twice.");

  await page.goto(customerUrl);
  await expect(page.getByTestId("timeline-survey")).toContainText("وفاداری");
  await expect(page.locator("[data-testid^=timeline-complaint]").first()).toBeVisible();
  await page.goto("/inbox");
  await expect(page.locator("body")).toContainText("تماس با مشتری ناراضی");
  await page.goto("/complaints");
  await expect(page.locator("body")).toContainText("فروشگاه البرز");
});

test("after a deal is won, the inbox suggests the after-sale survey until a link goes out", async ({ page }) => {
  await openApp(page);
  await createCustomer(page, { name: "کارگاه دماوند" });
  await page.getByTestId("add-deal").click();
  await page.locator("#deal-title").fill("دو دستگاه برش");
  await page.getByTestId("deal-save").click();
  await page.getByTestId("deal-card").filter({ hasText: "دو دستگاه برش" }).click();
  await page.getByTestId("deal-won").click();
  await page.getByTestId("close-save").click();
  await expect(page.getByTestId("close-dialog")).toHaveCount(0);
  await newSurveyFromTemplate(page, "csat");

  await page.goto("/inbox");
  const card = page.getByTestId("survey-suggestions");
  await expect(card).toContainText("کارگاه دماوند");
  await card.getByTestId("suggested-survey").click();
  await expect(page.getByTestId("link-customer-chosen")).toHaveText("کارگاه دماوند");
  await page.getByTestId("link-create").click();
  await expect(page.getByTestId("survey-link-url")).toHaveValue(/\/s\/#/);
  await page.goto("/inbox");
  await expect(page.getByTestId("bucket-undated").or(page.locator(".empty"))).toBeVisible();
  await expect(page.getByTestId("survey-suggestions")).toHaveCount(0);
});

test("a survey built by hand in English: a question shown only after a 'no', a problem named before saving", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await page.goto("/surveys");
  await page.getByTestId("template-blank").click();
  await page.getByTestId("save-survey").click();
  await expect(page.getByTestId("survey-problems")).toContainText("needs a name");
  await expect(page.getByTestId("survey-problems")).toContainText("Question 1: needs its text");
  await page.getByTestId("survey-name-en").fill("Showroom visit");
  await page.getByTestId("question-text-en").first().fill("How satisfied are you with the showroom?");
  await page.getByTestId("new-question-kind").selectOption("YesNo");
  await page.getByTestId("add-question").click();
  await page.getByTestId("question-text-en").nth(1).fill("Did you find what you came for?");
  await page.getByTestId("new-question-kind").selectOption("ShortText");
  await page.getByTestId("add-question").click();
  const third = page.getByTestId("question-editor").nth(2);
  await third.getByTestId("question-text-en").fill("What were you looking for?");
  await third.getByTestId("show-if-question").selectOption("q2");
  await third.getByTestId("show-if-rule").selectOption("is");
  await third.getByTestId("show-if-value").selectOption("no");
  await page.getByTestId("save-survey").click();
  await expect(page.getByTestId("survey-figures")).toBeVisible();

  await page.getByTestId("start-kiosk").click();
  await page.getByTestId("kiosk-pin").fill("2468");
  await page.getByTestId("kiosk-pin-again").fill("2468");
  await page.getByTestId("kiosk-go").click();
  await page.getByRole("button", { name: "English" }).click();
  await page.getByTestId("question-q1").locator('[data-value="4"]').click();
  await expect(page.getByTestId("question-q3")).toHaveCount(0);
  await page.getByTestId("question-q2").getByRole("radio", { name: "No" }).click();
  await expect(page.getByTestId("question-q3")).toBeVisible();
  await page.getByTestId("question-q3").locator("input").fill("A quieter printer");
  await page.getByTestId("question-q2").getByRole("radio", { name: "Yes" }).click();
  await expect(page.getByTestId("question-q3")).toHaveCount(0);           // hidden again: its answer is not kept
  await page.getByTestId("survey-submit").click();
  await expect(page.getByTestId("kiosk-thanks")).toBeVisible();
  await page.getByTestId("kiosk-exit").click();
  await page.getByTestId("kiosk-exit-pin").fill("2468");
  await page.getByTestId("kiosk-exit-pin").press("Enter");
  await expect(page.getByTestId("figure-csat")).toContainText("100");
  await expect(page.getByTestId("result-q3")).toContainText("0 answers");
});

test.describe("with a camera", () => {
  // Chromium's fake camera (see playwright.config.mjs) stands in for the
  // tablet's; desktop Linux Chromium has no BarcodeDetector, so a stand-in
  // reads the code the customer's phone shows once the camera's picture plays.
  test.use({ permissions: ["camera"] });

  test("the QR code on the customer's phone is scanned into the import", async ({ page, browser }) => {
    await page.addInitScript(() => {
      window.BarcodeDetector = class {
        constructor({ formats }) { this.formats = formats; }
        async detect(video) {
          const showing = video.readyState >= 2 && window.__phoneShows && this.formats.includes("qr_code");
          return showing ? [{ rawValue: window.__phoneShows, format: "qr_code" }] : [];
        }
      };
    });
    await openApp(page);
    await newSurveyFromTemplate(page, "nps");
    await page.getByTestId("make-link").click();
    await page.getByTestId("link-create").click();          // an open link: no customer
    const link = await page.getByTestId("survey-link-url").inputValue();

    const phone = await browser.newContext();
    const customer = await phone.newPage();
    await customer.goto(link);
    await customer.getByTestId("question-q1").locator('[data-value="10"]').click();
    await customer.getByTestId("survey-submit").click();
    await expect(customer.locator(".qr svg")).toBeVisible();
    const code = await customer.getByTestId("response-code").inputValue();
    await phone.close();

    await page.goto("/surveys/import");
    await page.getByTestId("scan").click();
    await expect(page.locator(".scanner-video")).toBeVisible();
    await page.evaluate((c) => { window.__phoneShows = c; }, code);
    await expect(page.getByTestId("code-filed")).toBeVisible();
    await expect(page.locator(".scanner-video")).toHaveCount(0);     // the camera is let go
    expect(await page.evaluate(() => [...document.querySelectorAll("video")].every((v) => !v.srcObject))).toBe(true);
  });
});
