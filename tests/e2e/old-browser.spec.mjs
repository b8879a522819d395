// A browser without WebAssembly SIMD or reference types (before Chrome 96,
// Safari 16.4 or Firefox 89) cannot compile the app: it must say so in words, in both
// languages, instead of showing the splash forever.
import { test, expect } from "@playwright/test";

test("a browser too old for the app says so instead of a blank page", async ({ page }) => {
  await page.addInitScript(() => {
    WebAssembly.validate = () => false;
  });
  // Such a browser fails to compile the app's module; here it never arrives.
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto("/");
  const boot = page.locator("#boot");
  await expect(boot).toContainText("This browser is too old for Daftar");
  await expect(boot).toContainText("این مرورگر برای دفتر قدیمی است");
});

test("a current browser passes the check", async ({ page }) => {
  // The app removes the splash when it starts, which would hide a wrong
  // verdict: here it never starts, so the splash shows what the check said.
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto("/");
  await page.waitForLoadState("load");
  await expect(page.locator("#boot")).toHaveText("دفتر · Daftar");
});
