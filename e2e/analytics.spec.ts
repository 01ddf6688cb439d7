// Journeys (admin): the analytics dashboard — presets, a custom range, a chart's table, a CSV —
// and the admins page: invite an operator, who opens the link in a fresh browser, sets a password,
// signs in and sees only the operator's navigation. Axe on every page (light and dark); screenshots.
import type { Page } from "@playwright/test";
import { EN, expect, expectNoAxeViolationsAtRest, msg, NAV, preferenceCookies, shot, signInAs, signOut, test, uniqueEmail } from "./fixtures";


test.use({ signedInAs: "admin", viewport: { width: 1440, height: 900 }, colorScheme: "light" });
test.describe.configure({ mode: "serial", timeout: 180_000 });



/** Re-opens the current page in the dark theme and runs axe there too. */
async function axeLightAndDark(page: Page, baseURL: string, label: string) {
  await expectNoAxeViolationsAtRest(page, `${label} (light)`);
  await page.context().addCookies(preferenceCookies(baseURL, { theme: "dark" }));
  await page.reload();
  await expectNoAxeViolationsAtRest(page, `${label} (dark)`);
  await page.context().addCookies(preferenceCookies(baseURL, { theme: "light" }));
}

test.beforeEach(async ({ context, baseURL }) => {
  await context.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
});

test("analytics: presets, custom range, a chart's table, CSV export", async ({ page, baseURL }) => {
  const response = await page.goto("/admin/analytics");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  await expect(page.getByTestId("analytics-range")).toContainText("(30 days)");
  // The demo's orders earn points, some are redeemed: the figures are alive.
  const issued = page.getByTestId("kpi").first();
  await expect(issued).not.toHaveText("0");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await shot(page, "analytics-en");
  await axeLightAndDark(page, baseURL!, "analytics");

  // The page only reads the rollups (issue #6): it says how fresh they are (the demo seed built them),
  // and Refresh now brings them up to date at once.
  const asOf = page.getByTestId("analytics-as-of").locator("time");
  await expect(asOf).toContainText(msg(EN, "analytics.freshness.asOf", { time: "" }).trim());
  const before = Date.parse((await asOf.getAttribute("datetime"))!);
  await page.getByRole("button", { name: msg(EN, "analytics.freshness.refresh"), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: msg(EN, "analytics.freshness.refreshed") })).toBeVisible();
  await expect.poll(async () => Date.parse((await asOf.getAttribute("datetime"))!)).toBeGreaterThan(before);

  await page.getByRole("link", { name: "Last 90 days" }).click();
  await expect(page.getByTestId("analytics-range")).toContainText("(90 days)");
  await expect(page.getByRole("link", { name: "Last 90 days" })).toHaveAttribute("aria-current", "page");

  await page.getByLabel("From", { exact: true }).fill("2026-01-01");
  await page.getByLabel("To", { exact: true }).fill("2026-01-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("analytics-range")).toContainText("2026-01-01 – 2026-01-31 (31 days)");

  await page.goto("/admin/analytics?range=7");
  const points = page.locator("details").first();
  await points.locator("summary").click();
  await expect(points.getByRole("table", { name: "Points over time" }).getByRole("row")).toHaveCount(8); // header + 7 days

  const csvHref = await page.getByRole("link", { name: "Download Points over time as CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("day,issued,restored,redeemed,expired,reversed,adjusted,net,outstanding");
  expect(lines).toHaveLength(8);
  expect((await page.request.get("/admin/analytics/export?table=nope")).status()).toBe(400);

  // zh-CN, dark: the same page in the other language.
  await page.context().addCookies(preferenceCookies(baseURL!, { locale: "zh-CN", theme: "dark" }));
  await page.goto("/admin/analytics");
  await expect(page.getByRole("heading", { level: 1, name: "数据分析" })).toBeVisible();
  await shot(page, "analytics-zh-dark");
});

test.describe("as an operator", () => {
  test.use({ signedInAs: "operator" });
  test("the CSV export is guarded like the page: 403", async ({ page }) => {
    const res = await page.request.get("/admin/analytics/export?table=points", { maxRedirects: 0 });
    expect(res.status()).toBe(403);
    expect(await res.text()).not.toContain("day,issued");
  });
});

test("admins: invite an operator; they set a password, sign in and see only the operator's pages", async ({ page, browser, baseURL }) => {
  const response = await page.goto("/admin/admins");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("staff-table")).toContainText("admin@demo.jifen.dev");
  await expect(page.getByTestId("permission-grid").getByRole("row", { name: /admin:catalogue/ })).toContainText("allowed");
  await axeLightAndDark(page, baseURL!, "admins");

  const email = uniqueEmail("operator");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("group", { name: "Roles" }).getByLabel("Operator").check();
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  await expect(page.getByTestId("open-invites")).toContainText(email);
  await shot(page, "admins-en");

  // A fresh browser, nobody signed in: the public invitation page.
  const fresh = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 390, height: 844 } });
  await fresh.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
  const invitee = await fresh.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { name: "Join the admin console" })).toBeVisible();
  await expect(invitee.getByText("You are invited as: Operator")).toBeVisible();
  await expectNoAxeViolationsAtRest(invitee, "invite (light)");
  await shot(invitee, "invite-en");
  await invitee.getByLabel("Your name").fill("E2E Operator");
  await invitee.getByLabel("Password").fill("operator-pass-2026");
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await invitee.waitForURL((u) => u.pathname === "/admin");

  // Sign out and back in with the new password: the operator's navigation only.
  await signOut(invitee);
  await signInAs(invitee, email, "operator-pass-2026", "/admin");
  const nav = invitee.getByRole("navigation", { name: "Admin" });
  const operatorItems = NAV.admin.filter((i) => ["admin:view", "admin:catalogue", "admin:fulfilment"].includes(i.permission));
  await expect(nav.getByRole("link")).toHaveCount(operatorItems.length);
  for (const item of operatorItems) await expect(nav.getByRole("link", { name: msg(EN, `nav.${item.label}`), exact: true })).toBeVisible();
  for (const hidden of ["Analytics", "Admins", "Rules"]) await expect(nav.getByRole("link", { name: hidden, exact: true })).toHaveCount(0);
  expect((await invitee.goto("/admin/analytics"))?.status()).toBe(403);

  // The link is single-use.
  const again = await fresh.newPage();
  await again.context().clearCookies();
  await again.goto(new URL(link).pathname);
  await expect(again.getByText("This invitation link is used, withdrawn or expired.")).toBeVisible();
  await fresh.close();

  // Back as the admin: the operator is listed; revoking their access takes effect on their next request.
  await page.reload();
  const row = page.getByTestId("staff-table").getByRole("row", { name: new RegExp(email) });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Revoke access of E2E Operator" }).click();
  await expect(page.getByTestId("staff-table")).not.toContainText(email);
});
