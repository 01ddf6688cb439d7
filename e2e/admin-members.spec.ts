// Adjusts wang.lei (王磊), whom no other journey reads: chen.jing's balance is what the mall journeys expect.
// Journey (admin): find a member (by email, by phone's last digits), open their page, adjust a few
// points at once; a big adjustment waits for a second admin, who approves it from the approvals
// queue (the first admin cannot). Axe on every page (light and dark), screenshots into docs/screenshots/.
import type { Page } from "@playwright/test";
import { EN, expect, expectNoAxeViolationsAtRest, msg, preferenceCookies, shot, test } from "./fixtures";

const BIG_REASON = `Prize for the spring photo contest ${Date.now().toString(36)}`;

test.use({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
test.describe.configure({ mode: "serial", timeout: 180_000 });



/** The "Available" figure on the member page. */
async function available(page: Page): Promise<number> {
  const text = await page.getByTestId("balance").locator("dd").first().textContent();
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

const M = EN.adminMembers as unknown as Record<string, Record<string, string>>;

test.describe("first admin", () => {
  test.use({ signedInAs: "admin" });
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
  });

  test("search by email and by phone digits, open the member, adjust; a big adjustment waits", async ({ page }) => {
    expect((await page.goto("/admin/members"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: M.search!.title })).toBeVisible();
    await expect(page.getByTestId("search-field")).toHaveText(M.search!.recent!);
    await expectNoAxeViolationsAtRest(page, "members (en)");

    // Phone numbers by their last digits (the demo's are masked: 139****4048).
    await page.locator("#f-q").fill("4048");
    await page.getByRole("button", { name: M.search!.submit, exact: true }).click();
    await expect(page.getByTestId("search-field")).toHaveText(msg(EN, "adminMembers.search.searchedBy", { field: msg(EN, "adminMembers.search.fields.phone") }));
    await expect(page.getByRole("link", { name: "王磊" })).toBeVisible();

    await page.locator("#f-q").fill("wang.lei@");
    await page.getByRole("button", { name: M.search!.submit, exact: true }).click();
    await expect(page.getByTestId("search-field")).toHaveText(msg(EN, "adminMembers.search.searchedBy", { field: msg(EN, "adminMembers.search.fields.email") }));
    await shot(page, "admin-members-en");
    await page.getByRole("link", { name: "王磊" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "王磊" })).toBeVisible();
    await expect(page.getByRole("heading", { name: M.ledger!.title })).toBeVisible();
    await expect(page.getByTestId("ledger").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("upline")).toContainText("LIUY26");
    await expectNoAxeViolationsAtRest(page, "member page (en)");
    const start = await available(page);

    // A small adjustment goes through at once and shows in the ledger with its reason.
    await page.locator("#adjust-points").fill("120");
    await page.locator("#adjust-reason").fill("Goodwill: parcel arrived late");
    await page.getByRole("button", { name: M.adjust!.submit, exact: true }).click();
    await expect(page.getByText(M.adjust!.applied!)).toBeVisible();
    await expect.poll(() => available(page)).toBe(start + 120);
    await expect(page.getByTestId("ledger").locator("tbody tr").first()).toContainText("Goodwill: parcel arrived late");

    // No reason: refused by the field, nothing changes.
    await page.locator("#adjust-points").fill("5");
    await page.locator("#adjust-reason").fill("");
    await page.getByRole("button", { name: M.adjust!.submit, exact: true }).click();
    await expect(page.getByText(M.errors!.reason!)).toBeVisible();

    // A big one waits for a second admin; its asker cannot decide it.
    await page.locator("#adjust-points").fill("20000");
    await page.locator("#adjust-reason").fill(BIG_REASON);
    await page.getByRole("button", { name: M.adjust!.submit, exact: true }).click();
    await expect(page.getByText(M.adjust!.queued!)).toBeVisible();
    await page.reload();
    const waiting = page.getByTestId("pending-adjustment").filter({ hasText: BIG_REASON });
    await expect(waiting).toContainText(M.approvals!.needsOther!);
    await expect(waiting.getByRole("button", { name: M.approvals!.approve })).toHaveCount(0);
    expect(await available(page)).toBe(start + 120);
    await shot(page, "admin-member-en");

    await page.goto("/admin/approvals");
    await expect(page.getByTestId("approval").filter({ hasText: BIG_REASON })).toContainText(M.approvals!.needsOther!);
  });

  test("member page in dark mode and in Chinese passes axe", async ({ page, context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "zh-CN", theme: "dark" }));
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/admin/members?q=wang.lei%40");
    await page.getByRole("link", { name: "王磊" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "王磊" })).toBeVisible();
    await expect(page.getByTestId("ledger")).toBeVisible();
    await expectNoAxeViolationsAtRest(page, "member page (zh-CN, dark)");
    await shot(page, "admin-member-zh-dark");
  });
});

test.describe("second admin", () => {
  test.use({ signedInAs: "supervisor" });
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
  });

  test("approves the big adjustment from the queue; it is applied once", async ({ page }) => {
    expect((await page.goto("/admin/approvals"))?.status()).toBe(200);
    const card = page.getByTestId("approval").filter({ hasText: BIG_REASON });
    await expect(card).toContainText("admin@demo.jifen.dev");
    await expectNoAxeViolationsAtRest(page, "approvals (en)");
    await shot(page, "admin-approvals-en");
    await card.getByRole("link", { name: M.approvals!.member, exact: true }).click();
    await expect(page.getByTestId("balance")).toBeVisible();
    const before = await available(page);
    await page.goto("/admin/approvals");
    await card.getByRole("button", { name: M.approvals!.approve, exact: true }).click();
    // Decided: it leaves the queue (the page re-renders without it), and stays gone after a reload.
    await expect(page.getByTestId("approval").filter({ hasText: BIG_REASON })).toHaveCount(0);
    await page.goto("/admin/approvals");
    await expect(page.getByTestId("approval").filter({ hasText: BIG_REASON })).toHaveCount(0);
    await page.goto("/admin/members?q=wang.lei%40");
    await page.getByRole("link", { name: "王磊" }).click();
    expect(await available(page)).toBe(before + 20_000);
    await expect(page.getByTestId("ledger").locator("tbody tr").first()).toContainText(BIG_REASON);
  });
});
