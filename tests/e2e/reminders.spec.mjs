// Reminders while the app is open, on a fake clock. Notifications are
// allowed and recorded, so every reminder rung is seen, not only the last
// toast: a task rings once at its time; one overdue at start, or done
// before its time, never does; one added after the tasks were read does.
import { test, expect } from "@playwright/test";
import { openApp, createCustomer } from "./helpers.mjs";

async function addTask(page, title, time) {
  await page.getByTestId("add-task").click();
  await page.locator("#task-title").fill(title);
  await page.getByTestId("task-due-picker").click();
  await page.getByRole("button", { name: "Today" }).click();
  await page.locator("#task-due-time").fill(time);
  await page.getByTestId("task-save").click();
  await expect(page.getByTestId("open-tasks")).toContainText(title);
}

test("a task's reminder rings once at its time, not when overdue at start or done", async ({ page }) => {
  await page.addInitScript(() => {
    window.__rung = [];
    window.Notification = class {
      static permission = "granted";
      static requestPermission() { return Promise.resolve("granted"); }
      constructor(title, options) { window.__rung.push(`${title}: ${options.body}`); }
    };
  });
  await page.clock.install({ time: new Date(2026, 11, 7, 9, 0, 0) });
  await openApp(page);
  await page.getByTestId("lang-switch").click();
  await createCustomer(page, { name: "Reminder Foods" });
  const customer = page.url();
  await addTask(page, "Already late", "08:30");
  await addTask(page, "Call at ten past", "09:10");
  await addTask(page, "Done before its time", "09:20");
  await addTask(page, "Call at half past", "09:30");
  const rung = () => page.evaluate(() => window.__rung);

  // One check (due timers fire once per jump), at about 09:11.
  await page.clock.fastForward("11:00");
  await expect.poll(rung).toEqual(["Reminder: Call at ten past"]);

  await page.getByTestId("nav-inbox").click();
  await page.getByTestId("bucket-today").locator("li", { hasText: "Done before its time" }).getByTestId("task-done").click();
  await expect(page.getByTestId("bucket-today")).not.toContainText("Done before its time");
  // Back in the app, not a reload: the tasks read stay, the new one joins them.
  await page.goBack();
  await expect(page).toHaveURL(customer);
  await addTask(page, "Added later", "09:25");

  // About 09:31; then once more, where nothing is due.
  await page.clock.fastForward("20:00");
  await expect.poll(rung).toEqual(["Reminder: Call at ten past", "Reminder: Added later", "Reminder: Call at half past"]);
  await addTask(page, "Last call", "10:00");
  await page.clock.fastForward("10:00");
  await page.clock.fastForward("30:00");
  await expect.poll(rung).toEqual(["Reminder: Call at ten past", "Reminder: Added later", "Reminder: Call at half past", "Reminder: Last call"]);
});
