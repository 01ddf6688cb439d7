// Journey: a member signs up through a distributor's link, the shop sends their order through the
// Integration API, and the distributor sees the pending commission with the date it frees up; the
// order is refunded and the distributor sees the commission reversed. Then the wallet page.
// Self-contained (no ./fixtures): fixtures.ts imports the message JSON files, which Playwright's
// loader on Node 20 refuses without an import attribute.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const API_KEY = "jf_test_e2e_bootstrap_key_0123456789"; // scripts/e2e-server.ts
const DEMO_PASSWORD = "jifen-demo-2026"; // db/seed-demo.ts
const uniqueEmail = (tag: string) => `e2e-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  const form = page.locator("main form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

test("a referred member's order earns wang.fang a frozen commission; the refund reverses it", async ({ page, browser, baseURL, request }) => {
  // The member joins through /r/WANGF8.
  await page.goto("/r/WANGF8");
  await expect(page.locator('input[name="referralCode"]')).toHaveValue("WANGF8");
  const form = page.locator("main form");
  await form.locator('input[name="name"]').fill("李小龙");
  await form.locator('input[name="email"]').fill(uniqueEmail("buyer"));
  await form.locator('input[name="password"]').fill("buyer-pass-123");
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/");
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
  const memberId = session.user.id;

  // The shop sends the order: ¥320 of goods → wang.fang (level 1) earns 10 % = ¥32.00.
  const externalId = `E2E-${Date.now().toString(36)}`;
  const headers = (idem: string) => ({ authorization: `Bearer ${API_KEY}`, "idempotency-key": idem });
  const created = await request.post("/api/v1/orders", { headers: headers(`o-${externalId}`), data: { externalId, memberId, items: [{ sku: "TEA-LJ-250", category: "tea", quantity: 2, unitPriceCents: 16_000 }], shippingCents: 1000 } });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { commissions: { distributorId: string; level: number; amountCents: number; status: string; availableAt: string }[] };
  expect(order.commissions).toEqual([expect.objectContaining({ level: 1, amountCents: 3200, status: "pending" })]);

  const upline = await browser.newContext({ baseURL, locale: "en-US" });
  const dashboard = await upline.newPage();
  await signIn(dashboard, "wang.fang@demo.jifen.dev");
  await dashboard.goto("/distributor");
  const row = dashboard.getByTestId("attributed-orders").getByRole("listitem").first();
  await expect(row).toContainText("李*");
  await expect(row).toContainText("¥32.00");
  const freeDate = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "Asia/Shanghai" }).format(new Date(order.commissions[0]!.availableAt));
  await expect(row.getByTestId("commission-status")).toHaveText(`Frozen until ${freeDate}`);
  const cents = async (testId: string) => Number((await dashboard.getByTestId(testId).innerText()).replace(/[^\d-]/g, ""));
  const pendingBefore = await cents("wallet-pending");

  // The shop refunds the whole order: the commission is reversed.
  const refunded = await request.post(`/api/v1/orders/${externalId}/refunds`, { headers: headers(`r-${externalId}`), data: {} });
  expect(refunded.status()).toBe(201);
  expect(((await refunded.json()) as { commissionsReversed: { amountCents: number }[] }).commissionsReversed).toEqual([expect.objectContaining({ amountCents: 3200 })]);
  await dashboard.reload();
  await expect(row.getByTestId("commission-status")).toHaveText("Refunded");
  expect(await cents("wallet-pending")).toBe(pendingBefore - 3200);

  // The wallet page: a request below the minimum is refused with the reason, nothing withdrawn.
  await dashboard.goto("/distributor/wallet");
  await expect(dashboard.getByRole("heading", { level: 1 })).toHaveText("Wallet");
  const before = await dashboard.getByTestId("wallet-available").innerText();
  if (!(await dashboard.getByTestId("withdraw-submit").isDisabled())) {
    await dashboard.getByTestId("withdraw-amount").fill("5");
    await dashboard.locator('input[name="account"]').fill("wang.fang@alipay");
    await dashboard.getByTestId("withdraw-submit").click();
    await expect(dashboard.getByText("The minimum withdrawal is ¥10.00.")).toBeVisible();
    await expect(dashboard.getByTestId("wallet-available")).toHaveText(before);
  }
  await dashboard.screenshot({ path: "test-results/screenshots/distributor-wallet.png", fullPage: true });
  await upline.close();
});

test("on a 375 px phone the distributor nav shows four tabs and a More sheet with the rest", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, "wang.fang@demo.jifen.dev");
  await page.goto("/distributor");
  const nav = page.getByTestId("phone-nav");
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("link")).toHaveText([/Dashboard/, /Wallet/, /Share/, /Team/]);
  const more = nav.getByRole("button", { name: "More" });
  await expect(more).toHaveAttribute("aria-expanded", "false");
  // Every tab label fits: nothing is cut off at 375 px.
  for (const label of await nav.locator("li span.truncate").all()) expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await more.click();
  await expect(more).toHaveAttribute("aria-expanded", "true");
  const sheet = page.getByTestId("phone-nav-more");
  await expect(sheet.getByRole("link")).toHaveText([/Funnel/, /Ranking/]);
  await expect(sheet.getByRole("link").first()).toBeFocused();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: "docs/screenshots/distributor-portal-phone-nav-en.png", animations: "disabled", caret: "hide" });

  // Escape closes it and gives focus back; choosing a page closes it and marks More as current.
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(more).toBeFocused();
  await more.click();
  await sheet.getByRole("link").last().click();
  await expect(page).toHaveURL(/\/distributor\/ranking$/);
  await expect(sheet).toHaveCount(0);
  await expect(more).toHaveClass(/text-brand/);
  await page.screenshot({ path: "docs/screenshots/distributor-portal-phone-ranking-en.png", animations: "disabled", caret: "hide" });
  await context.close();
});
