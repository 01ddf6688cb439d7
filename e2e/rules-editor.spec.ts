// Journey (admin): change the earning rate in a draft, watch the preview change, backtest it, publish,
// see the new version and the diff, roll back; bad input shows the field and why; an ambiguous campaign is refused
// naming both. Axe on every page state, screenshots of each page into docs/screenshots/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations as axe, preferenceCookies, test } from "./fixtures";

const DOCS = path.join("docs", "screenshots");

test.use({ signedInAs: "admin", viewport: { width: 1440, height: 900 }, colorScheme: "light" });
// Long journeys with axe runs on every state: more than the default minute on a busy 2-core machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(() => mkdirSync(DOCS, { recursive: true }));

/** Axe on the page at rest: the pointer moved off whatever was clicked last (a hovered button is dimmed). */
async function expectNoAxeViolations(page: Page, label: string, opts?: { soft?: boolean }) {
  await page.mouse.move(0, 0);
  await axe(page, label, opts);
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  // Grow the viewport to the whole page first, so the sticky header is not painted mid-picture.
  const { width, height } = page.viewportSize()!;
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  if (full > height) await page.setViewportSize({ width, height: full });
  await page.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage: true, animations: "disabled", caret: "hide" });
  await page.setViewportSize({ width, height });
}

/** The whole number in a preview column ("300 points"). */
async function previewPoints(page: Page, side: "preview-in-force" | "preview-draft"): Promise<number> {
  const text = await page.getByTestId(side).locator("p.tabular").textContent();
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

test.beforeEach(async ({ context, baseURL }) => {
  await context.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
});

test("the overview lists every rule in force with its version and a summary", async ({ page }) => {
  const response = await page.goto("/admin/rules");
  expect(response?.status()).toBe(200);
  const table = page.getByTestId("rules-table");
  for (const key of ["earning", "tiers", "distribution", "campaign.weekend-double", "action.check-in"]) {
    await expect(table.getByText(key, { exact: true })).toBeVisible();
  }
  await expect(table.getByRole("row", { name: /earning/ })).toContainText("1 pt per ¥1");
  await expect(page.getByRole("heading", { name: "New campaign or action rule" })).toBeVisible();
  await expectNoAxeViolations(page, "rules overview (en)");
  await shot(page, "admin-rules-en");
});

test("edit the earning rate in a draft, preview, publish, diff, roll back", async ({ page }) => {
  await page.goto("/admin/rules/earning");
  await expect(page.getByRole("heading", { level: 1, name: "Earning" })).toBeVisible();
  await expect(page.getByTestId("preview-draft")).toContainText("This order would earn");
  const before = await previewPoints(page, "preview-in-force");
  expect(before).toBeGreaterThan(0);
  expect(await previewPoints(page, "preview-draft")).toBe(before);

  // Double the rate: the preview follows before anything is saved.
  await page.locator("#rf-pointsPerUnit").fill("2");
  await expect(page.getByTestId("draft-status")).toHaveText("Unsaved changes");
  await expect.poll(() => previewPoints(page, "preview-draft")).toBe(2 * before);
  expect(await previewPoints(page, "preview-in-force")).toBe(before);
  await expect(page.getByTestId("preview-delta")).toContainText(`+${before} points`);
  await expect(page.getByRole("button", { name: "Publish as version 2" })).toBeDisabled();

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-status")).toHaveText("Draft saved");
  // The diff of the saved draft against the version in force: one field, 1 → 2.
  await expect(page.getByTestId("diff-count")).toHaveText("1 field differs");
  await expect(page.getByTestId("diff-table").getByRole("row", { name: /Points/ })).toContainText("Changed");

  // Backtest the draft on the demo's orders of the last 90 days: the replay with the rules as they
  // were matches what was issued, and the draft issues more.
  await page.locator("#bt-days").fill("90");
  await page.getByRole("button", { name: "Run backtest" }).click();
  await expect(page.getByTestId("backtest")).toContainText("Finished", { timeout: 90_000 });
  await expect(page.getByTestId("backtest")).toContainText("matches what was actually issued");
  await expect(page.getByTestId("backtest-points-change")).toHaveText(/^\+\d/);
  await expect(page.getByTestId("backtest-members").getByRole("row")).not.toHaveCount(1);
  await expectNoAxeViolations(page, "earning editor with a draft and a backtest (en)");
  await shot(page, "admin-rule-editor-en");

  await page.getByRole("button", { name: "Publish as version 2" }).click();
  await page.waitForURL(/published=2/);
  await expect(page.getByText("Version 2 published.")).toBeVisible();
  await expect(page.getByTestId("version-2")).toContainText("In force");
  await expect(page.getByTestId("version-1")).toContainText("Replaced");
  // Comparing version 1 with the version in force (2) shows the change.
  await expect(page.getByTestId("diff-count")).toHaveText("1 field differs");
  await expect(page.getByTestId("diff-table")).toContainText("Version 1");
  // The editor now starts from version 2, and the preview agrees with it.
  await expect.poll(() => previewPoints(page, "preview-in-force")).toBe(2 * before);
  await expectNoAxeViolations(page, "earning after publishing (en)");
  await shot(page, "admin-rule-published-en");

  // One-click rollback (with a confirming second click): version 3 = version 1.
  await page.getByTestId("version-1").getByRole("button", { name: "Roll back to v1" }).click();
  await page.getByRole("button", { name: "Yes, roll back to v1" }).click();
  await page.waitForURL(/rolledBack=3/);
  await expect(page.getByText("Rolled back: version 3 is a copy of version 1")).toBeVisible();
  await expect(page.getByTestId("version-3")).toContainText("In force");
  await expect(page.getByTestId("version-3")).toContainText("rollback to v1");
  await expect.poll(() => previewPoints(page, "preview-in-force")).toBe(before);

  await page.goto("/admin/rules/earning?compare=1");
  await expect(page.getByTestId("diff-count")).toHaveText("No differences.");
  await page.goto("/admin/audit?action=rule.");
  await expect(page.getByText("rule.rollback")).toBeVisible();
  await expect(page.getByText("rule.publish")).toBeVisible();
});

test("bad input: depth 4, a rate above 100 %, depth 3 without the acknowledgement — field errors, no publishing", async ({ page }) => {
  await page.goto("/admin/rules/distribution");
  await page.locator("#rf-depth").fill("4");
  await expect(page.locator("#rf-depth-error")).toHaveText("Must be at most 3.");
  await page.locator("#rf-depth").fill("3");
  await expect(page.getByText("Three-level commissions are regulated")).toBeVisible();
  await expect(page.locator("#rf-complianceAcknowledged-error")).toHaveText("Three levels need the compliance acknowledgement below.");
  await page.locator("#rf-levelRatesBps-0").fill("150");
  await expect(page.locator("#rf-levelRatesBps-0-error")).toHaveText("Must be at most 100%.");
  await expect(page.locator("#rf-levelRatesBps-error")).toHaveText("The levels add up to more than 100%.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-status")).toHaveText("Draft saved");
  await expect(page.getByTestId("issue-summary")).toContainText("3 problems to fix before publishing");
  await expect(page.getByRole("button", { name: /Publish as version/ })).toBeDisabled();
  await expect(page.getByText("Fix the problems above first.")).toBeVisible();
  await expectNoAxeViolations(page, "distribution with errors (en)");
  await shot(page, "admin-rule-errors-en");

  // Fixing the draft clears the errors; then it is thrown away.
  await page.locator("#rf-levelRatesBps-0").fill("10");
  await page.getByLabel("I have checked that three-level commissions are allowed where we operate").check();
  await expect(page.getByTestId("issue-summary")).toHaveCount(0);
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByTestId("draft-status")).toContainText("Editing a copy of version");
});

test("a new best-only campaign overlapping the weekend campaign is refused, naming both", async ({ page }) => {
  await page.goto("/admin/rules");
  await page.getByLabel("Key").fill("flash-week");
  await page.getByLabel("Name (Chinese)").fill("闪购周");
  await page.getByLabel("Name (English)").fill("Flash week");
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/admin\/rules\/campaign\.flash-week/);
  await page.locator("#rf-stacking").selectOption("best-only");
  await page.getByRole("button", { name: "Save draft" }).click();
  const issue = page.locator("#rf-priority-error");
  await expect(issue).toContainText("Ambiguous with “Double points weekends” (campaign.weekend-double)");
  await expect(page.getByRole("button", { name: "Publish as version 1" })).toBeDisabled();
  await shot(page, "admin-rule-campaign-overlap-en");
  await page.locator("#rf-priority").fill("5");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(issue).toHaveCount(0);

  // Scheduled for a later time (never the past): shown as scheduled, not in force yet.
  await page.getByLabel("At a set time").check();
  await page.locator("#publish-at").fill("2031-01-05T09:00");
  await page.getByRole("button", { name: "Publish as version 1" }).click();
  await page.waitForURL(/published=1/);
  await expect(page.getByText("Version 1 published; it takes effect at Jan 5, 2031, 9:00 AM.")).toBeVisible();
  await expect(page.getByTestId("version-1")).toContainText("Scheduled");
  await page.goto("/admin/rules");
  const row = page.getByTestId("rules-table").getByRole("row", { name: /campaign\.flash-week/ });
  await expect(row).toContainText("v1 from Jan 5, 2031, 9:00 AM");
  await expect(row.getByRole("link", { name: "Flash week" })).toBeVisible();
});

test("zh-CN, light and dark: no axe violations on the overview and the editor", async ({ page, context, baseURL }) => {
  for (const theme of ["light", "dark"] as const) {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "zh-CN", theme }));
    await page.goto("/admin/rules");
    await expect(page.getByRole("heading", { level: 1, name: "规则" })).toBeVisible();
    await expectNoAxeViolations(page, `rules overview (zh-CN, ${theme})`, { soft: true });
    if (theme === "light") await shot(page, "admin-rules-zh");
    await page.goto("/admin/rules/tiers");
    await expect(page.getByTestId("preview-draft-explanation")).toContainText("该订单可得");
    await expectNoAxeViolations(page, `tiers editor (zh-CN, ${theme})`, { soft: true });
    if (theme === "dark") await shot(page, "admin-rule-tiers-zh-dark");
  }
});
