// Journeys (member → admin, finance, operator): a new member applies to become a distributor, an
// admin rejects with a reason the member sees, the member applies again and is approved; finance
// reviews withdrawals and downloads the payouts CSV while an operator gets 403; an admin searches
// distributors and freezes / unfreezes withdrawals; the risk queue and the compliance report.
// Axe on every page (light and dark), screenshots into docs/screenshots/admin-distribution-*.png.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { EN, expect, expectNoAxeViolations as axe, msg, preferenceCookies, test, uniqueEmail, ZH } from "./fixtures";

const DOCS = path.join("docs", "screenshots");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test.describe.configure({ mode: "serial", timeout: 240_000 });
test.beforeAll(() => mkdirSync(DOCS, { recursive: true }));

async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(DOCS, `admin-distribution-${name}.png`), fullPage: true, animations: "disabled", caret: "hide" });
}

async function check(page: Page, label: string) {
  await page.mouse.move(0, 0);
  await axe(page, label);
}

/** A page signed in as a demo role (stored session), in English, light. */
async function asRole(browser: Browser, sessionFor: (r: "admin" | "finance" | "operator") => Promise<BrowserContextOptions["storageState"]>, role: "admin" | "finance" | "operator", baseURL: string, theme: "light" | "dark" = "light", locale: "en" | "zh-CN" = "en") {
  const context = await browser.newContext({ storageState: await sessionFor(role), viewport: DESKTOP, baseURL, colorScheme: theme });
  await context.addCookies(preferenceCookies(baseURL, { locale, theme }));
  return { context, page: await context.newPage() };
}

test("a member applies, is rejected with a reason, applies again and is approved", async ({ browser, baseURL, sessionFor }) => {
  const member = await browser.newContext({ viewport: PHONE, baseURL, colorScheme: "light" });
  await member.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
  const m = await member.newPage();
  const email = uniqueEmail("apply");
  await m.goto("/sign-up");
  const form = m.locator("main form");
  await form.locator('input[name="name"]').fill("Applicant Li");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill("correct-horse-42");
  await form.locator('button[type="submit"]').click();
  await expect(m).toHaveURL((u) => u.pathname === "/", { timeout: 60_000 });

  await m.goto("/account");
  await m.getByTestId("become-distributor-link").click();
  await expect(m.getByRole("heading", { level: 1, name: msg(EN, "becomeDistributor.title") })).toBeVisible();
  await check(m, "apply page (phone)");
  await shot(m, "apply-en");
  await m.getByLabel(msg(EN, "becomeDistributor.note")).fill("I run a tea tasting club");
  await m.getByRole("button", { name: msg(EN, "becomeDistributor.apply") }).click();
  // The page re-renders with the application pending (the form gives way to its status).
  await expect(m.getByTestId("application-status")).toContainText(msg(EN, "becomeDistributor.status.pending"));
  await expect(m.getByTestId("apply-form")).toHaveCount(0);

  const { context: ac, page: a } = await asRole(browser, sessionFor, "admin", baseURL!);
  await a.goto("/admin/distributors/applications");
  const item = a.getByTestId("application").filter({ hasText: email });
  await expect(item).toContainText("I run a tea tasting club");
  await check(a, "applications queue");
  await shot(a, "applications-en");
  // A rejection without a reason is refused beside the field.
  await item.getByRole("button", { name: msg(EN, "adminDistribution.applications.reject") }).click();
  await expect(item.getByText(msg(EN, "adminDistribution.validation.reasonRequired"))).toBeVisible();
  await item.getByLabel(msg(EN, "adminDistribution.applications.reason")).fill("Please add your shop details");
  await item.getByRole("button", { name: msg(EN, "adminDistribution.applications.reject") }).click();
  // Decided: it leaves the pending queue (the page re-renders without it).
  await expect(a.getByTestId("application").filter({ hasText: email })).toHaveCount(0);

  await m.reload();
  await expect(m.getByTestId("application-status")).toContainText("Please add your shop details");
  await m.getByLabel(msg(EN, "becomeDistributor.note")).fill("Shop: Li's Tea, Hangzhou");
  await m.getByRole("button", { name: msg(EN, "becomeDistributor.apply") }).click();
  await expect(m.getByTestId("application-status")).toContainText(msg(EN, "becomeDistributor.status.pending"));

  await a.goto("/admin/distributors/applications");
  const again = a.getByTestId("application").filter({ hasText: email });
  await again.getByRole("button", { name: msg(EN, "adminDistribution.applications.approve") }).click();
  await expect(a.getByTestId("application").filter({ hasText: email })).toHaveCount(0);

  await m.goto("/account/distributor");
  await expect(m.getByTestId("distributor-status")).toContainText(msg(EN, "becomeDistributor.youAre"));
  await shot(m, "apply-approved-en");
  await ac.close();
  await member.close();
});

test("finance reviews withdrawals and downloads the payouts CSV; an operator gets 403", async ({ browser, baseURL, sessionFor }) => {
  const { context, page } = await asRole(browser, sessionFor, "finance", baseURL!);
  await page.goto("/admin/withdrawals");
  await expect(page.getByRole("heading", { level: 1, name: msg(EN, "adminDistribution.withdrawals.title") })).toBeVisible();
  await expect(page.getByTestId("total-requested")).toBeVisible();
  await check(page, "withdrawals queue");
  await shot(page, "withdrawals-en");
  // Approving the first request, if the demo has one, needs a payout reference.
  const first = page.getByTestId("withdrawal").first();
  if (await first.count()) {
    await first.getByRole("button", { name: msg(EN, "adminDistribution.withdrawals.approve") }).click();
    await expect(first.getByText(msg(EN, "validation.required"))).toBeVisible();
  }
  const today = new Date().toISOString().slice(0, 10);
  const csv = await page.request.get(`/admin/withdrawals/export?from=${Number(today.slice(0, 4)) - 1}-12-01&to=${today}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\n")[0]).toContain("amount,fee,net");
  const bad = await page.request.get("/admin/withdrawals/export?from=2026-02-01&to=2026-01-01");
  expect(bad.status()).toBe(400);
  await context.close();

  const op = await asRole(browser, sessionFor, "operator", baseURL!);
  const res = await op.page.goto("/admin/withdrawals");
  expect(res?.status()).toBe(403);
  expect((await op.page.request.get(`/admin/withdrawals/export?from=${today}&to=${today}`)).status()).toBe(403);
  expect((await op.page.goto("/admin/distributors"))?.status()).toBe(403);
  expect((await op.page.goto("/admin/risk"))?.status()).toBe(403);
  await op.context.close();
});

test("an admin searches distributors, freezes and unfreezes withdrawals with a reason", async ({ browser, baseURL, sessionFor }) => {
  const { context, page } = await asRole(browser, sessionFor, "admin", baseURL!);
  await page.goto("/admin/distributors");
  await check(page, "distributors list");
  await shot(page, "distributors-en");
  await page.getByLabel(msg(EN, "adminDistribution.distributors.searchLabel")).fill("wangf8");
  await page.getByRole("button", { name: msg(EN, "adminDistribution.distributors.apply") }).click();
  const rows = page.getByTestId("distributor-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("WANGF8");
  await rows.first().getByText(msg(EN, "adminDistribution.distributors.freeze")).first().click();
  await rows.first().getByLabel(msg(EN, "adminDistribution.distributors.reason")).fill("e2e: checking a shared address");
  await rows.first().getByRole("button", { name: msg(EN, "adminDistribution.distributors.freeze") }).click();
  await expect(page.getByText(msg(EN, "adminDistribution.distributors.frozen"))).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("distributor-row").first()).toContainText("Frozen since");
  await page.getByTestId("distributor-row").first().getByText(msg(EN, "adminDistribution.distributors.unfreeze")).first().click();
  await page.getByTestId("distributor-row").first().getByLabel(msg(EN, "adminDistribution.distributors.reason")).fill("e2e: cleared");
  await page.getByTestId("distributor-row").first().getByRole("button", { name: msg(EN, "adminDistribution.distributors.unfreeze") }).click();
  await expect(page.getByText(msg(EN, "adminDistribution.distributors.unfrozen"))).toBeVisible();

  await page.goto("/admin/audit");
  await expect(page.getByText("distributor.unfreeze-withdrawals").first()).toBeVisible();
  await context.close();
});

test("the risk queue and the compliance report", async ({ browser, baseURL, sessionFor }) => {
  // A burst: five sign-ups through liu.yang's link from one public IP within minutes (the proxy in
  // front would send it as X-Forwarded-For). The fifth opens a case on liu.yang.
  const visitor = await browser.newContext({ viewport: PHONE, baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  await visitor.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
  const v = await visitor.newPage();
  for (let i = 0; i < 5; i++) {
    await visitor.clearCookies({ name: "authjs.session-token" });
    await v.goto("/r/LIUY26");
    const form = v.locator("main form");
    await expect(form.locator('input[name="referralCode"]')).toHaveValue("LIUY26");
    await form.locator('input[name="name"]').fill(`Burst ${i}`);
    await form.locator('input[name="email"]').fill(uniqueEmail(`burst${i}`));
    await form.locator('input[name="password"]').fill("correct-horse-42");
    await form.locator('button[type="submit"]').click();
    await expect(v).toHaveURL((u) => u.pathname === "/", { timeout: 60_000 });
  }
  await visitor.close();

  const { context, page } = await asRole(browser, sessionFor, "admin", baseURL!);
  await page.goto("/admin/risk");
  await expect(page.getByRole("heading", { level: 1, name: msg(EN, "adminDistribution.risk.title") })).toBeVisible();
  await expect(page.getByTestId("risk-policy")).toContainText("5 sign-ups from one IP within 10 minutes");
  const burst = page.getByTestId("risk-case").filter({ hasText: msg(EN, "adminDistribution.risk.signals.signup-burst") });
  await expect(burst).toHaveCount(1);
  await expect(burst.getByTestId("risk-explain")).toContainText("5 sign-ups through this distributor from one IP within 10 minutes");
  await expect(burst).toContainText("LIUY26");
  await check(page, "risk queue");
  await shot(page, "risk-en");
  await page.goto("/admin/distributors/compliance");
  await expect(page.getByTestId("compliance-summary")).toContainText(msg(EN, "adminDistribution.compliance.paidDepth"));
  await expect(page.getByTestId("commissions-by-level")).toContainText("Level 1");
  await check(page, "compliance report");
  await shot(page, "compliance-en");
  await context.close();
});

test("zh-CN, dark: no axe violations on every page of this area", async ({ browser, baseURL, sessionFor }) => {
  const { context, page } = await asRole(browser, sessionFor, "admin", baseURL!, "dark", "zh-CN");
  for (const url of ["/admin/distributors", "/admin/distributors/applications", "/admin/distributors/applications?status=rejected", "/admin/withdrawals", "/admin/risk", "/admin/distributors/compliance", "/account/distributor"]) {
    await page.goto(url);
    if (url === "/admin/risk") {
      // The burst case of the test above, explained in Chinese.
      const burst = page.getByTestId("risk-case").filter({ hasText: msg(ZH, "adminDistribution.risk.signals.signup-burst") });
      await expect(burst.getByTestId("risk-explain")).toContainText("10 分钟内有 5 人从同一 IP 通过该分销员注册");
      await shot(page, "risk-zh-dark");
    }
    await check(page, `${url} (zh-CN, dark)`);
    if (url === "/admin/withdrawals") await shot(page, "withdrawals-zh-dark");
  }
  await context.close();
});
