// The survey link page on an emulated mid-range phone: 4× CPU slowdown,
// 1.6 Mbps down / 750 kbps up, 150 ms round trip, empty cache, served with
// gzip like most static hosts. Reports, as medians of several runs:
//   - time to interactive: navigation start until the survey's form is
//     rendered with its handlers (Leptos attaches them as it renders)
//   - the first tap's response: tap on an NPS score until it shows chosen
//   - the bytes the page downloads (transfer size, compressed)
// The baseline in the same run: the same page's bytes and load with no
// throttling. Usage: node tests/bench/survey_link.mjs [--runs N]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpus } from "node:os";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const PORT = 8094;
const BASE = `http://127.0.0.1:${PORT}`;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Makes a relationship-NPS survey in a fresh app and an open link to it. */
async function makeLink(browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${BASE}/surveys`);
  await page.getByTestId("storage-chip").filter({ hasText: /دستگاه|device/ }).waitFor();
  await page.getByTestId("template-nps").click();
  await page.getByTestId("save-survey").click();
  await page.getByTestId("make-link").click();
  await page.getByTestId("link-create").click();
  const link = await page.getByTestId("survey-link-url").inputValue();
  await ctx.close();
  return link;
}

async function openOnPhone(browser, link, throttled) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  if (throttled) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector("[data-testid=survey-submit]")) { window.__ready = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(link, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000 });
  const ready = await page.evaluate(() => window.__ready);
  const tap = await page.evaluate(async () => {
    const button = document.querySelector('[data-testid=question-q1] [data-value="9"]');
    const t0 = performance.now();
    button.click();
    await new Promise((ok) => { const check = () => (button.getAttribute("aria-pressed") === "true" ? requestAnimationFrame(() => ok()) : requestAnimationFrame(check)); check(); });
    return performance.now() - t0;
  });
  await page.waitForLoadState("load");
  const bytes = await page.evaluate(() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].reduce((n, e) => n + e.transferSize, 0));
  const idb = await page.evaluate(async () => (await indexedDB.databases()).length);
  await ctx.close();
  return { ready, tap, bytes, idb };
}

const server = spawn("node", ["tests/e2e/serve.mjs", "dist", String(PORT), "--gzip"], { stdio: "ignore" });
await new Promise((ok) => setTimeout(ok, 500));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const phone = [];
const fast = [];
try {
  const link = await makeLink(browser);
  for (let r = 1; r <= runs; r++) {
    const slow = await openOnPhone(browser, link, true);
    const quick = await openOnPhone(browser, link, false);
    phone.push(slow);
    fast.push(quick);
    console.log(`run ${r}: interactive ${slow.ready.toFixed(0)} ms on the phone (${quick.ready.toFixed(0)} ms unthrottled), first tap ${slow.tap.toFixed(1)} ms, ${slow.bytes} bytes, databases opened ${slow.idb}`);
  }
} finally {
  await browser.close();
  server.kill();
}
const m = (xs, f) => median(xs.map(f));
console.log(`\nSurvey link page (relationship NPS) — ${runs} runs, ${cpus().length} × ${cpus()[0].model}; emulated phone: 4× CPU, 1.6 Mbps / 750 kbps, 150 ms RTT, gzip, empty cache`);
console.log(`| figure | median | goal |`);
console.log(`|---|---|---|`);
console.log(`| survey link page: navigation to interactive form, emulated mid-range phone | ${m(phone, (x) => x.ready).toFixed(0)} ms | ≤ 2,500 ms |`);
console.log(`| same page, same machine, no throttling (baseline) | ${m(fast, (x) => x.ready).toFixed(0)} ms (phone ÷ baseline ${(m(phone, (x) => x.ready) / m(fast, (x) => x.ready)).toFixed(1)}×) | |`);
console.log(`| first tap on a score until it shows chosen, on the phone | ${m(phone, (x) => x.tap).toFixed(1)} ms | |`);
console.log(`| bytes downloaded by the page (gzip, empty cache) | ${m(phone, (x) => x.bytes)} B | |`);
