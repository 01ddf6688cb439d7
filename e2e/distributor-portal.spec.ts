// Journeys of the distributor portal beyond the wallet: the dashboard's earnings chart (30/90 days,
// summary and table fallback) and level progress, the team by level (and a cursor from outside the
// team giving nothing), the leaderboards with the privacy form, and the CSV exports in the reader's
// language. Phone-sized, axe in light and dark, screenshots into docs/screenshots/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations as axe, preferenceCookies, signInAs, test } from "./fixtures";

const DOCS = path.join("docs", "screenshots");

test.use({ signedInAs: "distributor", viewport: { width: 390, height: 844 }, colorScheme: "light" });
test.describe.configure({ mode: "serial", timeout: 180_000 });
test.beforeAll(() => mkdirSync(DOCS, { recursive: true }));

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(DOCS, `distributor-portal-${name}.png`), fullPage: true, animations: "disabled", caret: "hide" });
}

async function axeBoth(page: Page, url: string, label: string, baseURL: string) {
  for (const theme of ["light", "dark"] as const) {
    await page.context().addCookies(preferenceCookies(baseURL, { theme }));
    await page.goto(url);
    await page.mouse.move(0, 0);
    await axe(page, `${label} (${theme})`);
  }
  await page.context().addCookies(preferenceCookies(baseURL, { theme: "light" }));
}

test("dashboard: earnings chart over 30 and 90 days with a summary and a table, level card, exports", async ({ page, baseURL }) => {
  await page.goto("/distributor");
  await expect(page.getByTestId("earnings-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("earnings-summary")).toContainText("Last 30 days");
  await expect(page.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "90 days" }).click();
  await expect(page).toHaveURL(/days=90/);
  await expect(page.getByTestId("earnings-summary")).toContainText("Last 90 days");
  await page.getByText("Show as a table").click();
  await expect(page.getByTestId("earnings-table").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("level-current")).toHaveText("Senior");
  await expect(page.getByTestId("export-commissions")).toHaveAttribute("href", "/distributor/export/commissions");
  await shot(page, "dashboard-en");
  await axeBoth(page, "/distributor?days=90", "distributor dashboard", baseURL!);
  await page.context().addCookies(preferenceCookies(baseURL!, { theme: "dark", locale: "zh-CN" }));
  await page.goto("/distributor");
  await expect(page.getByTestId("earnings-summary")).toContainText("近 30 天");
  await shot(page, "dashboard-zh-dark");
  await page.context().addCookies(preferenceCookies(baseURL!, { theme: "light", locale: "en" }));
});

test("a junior distributor sees progress towards the next level", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 390, height: 844 }, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAs(page, "liu.yang@demo.jifen.dev");
  await page.goto("/distributor");
  const card = page.getByTestId("level-card");
  await expect(card).toContainText("Next: Intermediate");
  await expect(card.getByRole("progressbar")).toHaveCount(2);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(DOCS, "distributor-portal-level-en.png"), animations: "disabled", caret: "hide" });
  // IDOR: a page cursor from outside liu.yang's own team (wang.fang's id, the top of the chain) lists nobody.
  await page.goto("/distributor/team?level=1");
  const own = await page.getByTestId("team-list").locator("li").count();
  expect(own).toBeGreaterThan(0);
  const session = await (await context.request.get("/api/auth/session")).json() as { user: { id: string } };
  await page.goto(`/distributor/team?level=1&after=${session.user.id}`);
  await expect(page.getByText("No more members.")).toBeVisible();
  await expect(page.getByTestId("team-list").locator("li")).toHaveCount(0);
  await context.close();
});

test("team: level 1 and level 2 tabs with counts, masked names, orders and sales", async ({ page, baseURL }) => {
  await page.goto("/distributor/team");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My team");
  const tab1 = page.getByTestId("team-tab-1");
  await expect(tab1).toHaveAttribute("aria-current", "page");
  const count1 = Number((await tab1.innerText()).replace(/\D/g, "").slice(1)); // "Level 1 N"
  const rows = page.getByTestId("team-list").locator("li");
  expect(await rows.count()).toBe(Math.min(count1, 20));
  await expect(rows.first()).toContainText("*");
  await expect(rows.first()).toContainText("Joined");
  await shot(page, "team-en");
  await page.getByTestId("team-tab-2").click();
  await expect(page).toHaveURL(/level=2/);
  await expect(page.getByTestId("team-tab-2")).toHaveAttribute("aria-current", "page");
  await axeBoth(page, "/distributor/team?level=2", "team", baseURL!);
});

test("leaderboard: week/month by sales or commission, own rank, anonymous and hidden amounts", async ({ page, browser, baseURL }) => {
  await page.goto("/distributor/ranking?period=month&metric=commission");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leaderboard");
  const board = page.getByTestId("leaderboard");
  await expect(board.locator("tr[data-viewer]")).toContainText("You (王芳)");
  await expect(page.getByTestId("my-rank")).toContainText("You are number");
  await shot(page, "ranking-en");
  // wang.fang hides: zhang.wei sees "Anonymous distributor" and "Hidden" where she was.
  const form = page.getByTestId("rank-privacy");
  await form.getByLabel("Show me as “Anonymous distributor”").check();
  await form.getByLabel("Hide my amounts").check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  const other = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 390, height: 844 }, storageState: { cookies: [], origins: [] } });
  const p2 = await other.newPage();
  await signInAs(p2, "zhang.wei@demo.jifen.dev");
  await p2.goto("/distributor/ranking?period=month&metric=commission");
  await expect(p2.getByTestId("leaderboard")).not.toContainText("王芳");
  await expect(p2.getByTestId("leaderboard")).toContainText("Anonymous distributor");
  await expect(p2.getByTestId("leaderboard")).toContainText("Hidden");
  await other.close();
  await form.getByLabel("Show me as “Anonymous distributor”").uncheck();
  await form.getByLabel("Hide my amounts").uncheck();
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByRole("link", { name: "This week" }).click();
  await expect(page).toHaveURL(/period=week/);
  await page.getByRole("link", { name: "Sales" }).click();
  await expect(page).toHaveURL(/metric=sales/);
  await axeBoth(page, "/distributor/ranking", "ranking", baseURL!);
});

test("CSV exports: the distributor's own data, BOM, titles in the reader's language; nobody else's", async ({ page, baseURL, playwright }) => {
  // wang.fang's own language is zh-CN (signing in sets it): ask for English first.
  await page.context().addCookies(preferenceCookies(baseURL!, { locale: "en" }));
  const en = await page.request.get("/distributor/export/commissions");
  expect(en.status()).toBe(200);
  expect(en.headers()["content-type"]).toContain("text/csv");
  expect(en.headers()["content-disposition"]).toMatch(/attachment; filename="commissions-\d{8}\.csv"/);
  const bytes = await en.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (text() would strip it)
  const body = bytes.subarray(3).toString("utf8");
  expect(body.startsWith("Earned at,Order,Buyer,Level,Rate,")).toBe(true);
  expect(body.split("\r\n").length).toBeGreaterThan(3);
  await page.context().addCookies(preferenceCookies(baseURL!, { locale: "zh-CN" }));
  const text = async (url: string) => (await (await page.request.get(url)).body()).subarray(3).toString("utf8");
  expect((await text("/distributor/export/team")).startsWith("层级,成员,加入时间,订单数,")).toBe(true);
  expect((await text("/distributor/export/payouts")).startsWith("申请时间,")).toBe(true);
  await page.context().addCookies(preferenceCookies(baseURL!, { locale: "en" }));
  expect((await page.request.get("/distributor/export/secrets")).status()).toBe(404);
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  // Signed out: sent to sign-in (proxy) or refused (the route's own guard) — never a CSV.
  const out = await anonymous.get("/distributor/export/commissions", { maxRedirects: 0 });
  expect([302, 303, 307, 401, 403]).toContain(out.status());
  expect(out.headers()["content-type"] ?? "").not.toContain("text/csv");
  await anonymous.dispose();
});
