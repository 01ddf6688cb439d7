// Journey: each role gets its own shell, and every page it may not open says so with a real
// status code (403 for signed-in users without the permission, sign-in for anonymous visitors).
import type { Page, Response } from "@playwright/test";
import { DEMO, EN, expect, fillSignIn, msg, NAV, test } from "./fixtures";

async function expectForbidden(page: Page, response: Response | null) {
  expect(response?.status(), `status of ${page.url()}`).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No access");
  await expect(page.getByText("403", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
}

test.describe("member (chen.jing)", () => {
  test.use({ signedInAs: "member" });

  test("sees the member shell and nothing else", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, 陈静");
    const nav = page.getByRole("navigation", { name: "Member" });
    // Every member page in the navigation, each pointing where it should; Home is the current one.
    await expect(nav.getByRole("link")).toHaveCount(NAV.member.length);
    for (const item of NAV.member) await expect(nav.getByRole("link", { name: msg(EN, `nav.${item.label}`), exact: true })).toHaveAttribute("href", item.href);
    await expect(nav.getByRole("link", { name: "Home", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("navigation", { name: "Areas" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Overview" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "陈静" })).toHaveAttribute("href", "/account");
  });

  test("gets a 403 page for /admin and /distributor", async ({ page }) => {
    await expectForbidden(page, await page.goto("/admin"));
    await expectForbidden(page, await page.goto("/distributor"));
    // The 403 page reveals nothing of the area it guards.
    await expect(page.getByText("Distributor dashboard")).toHaveCount(0);
    await expect(page.getByTestId("referral-code")).toHaveCount(0);
  });
});

test.describe("distributor (wang.fang, also a member)", () => {
  test.use({ signedInAs: "distributor" });

  test("switches between the member and distributor areas", async ({ page }) => {
    await page.goto("/");
    const areas = page.getByRole("navigation", { name: "Areas" });
    await expect(areas.getByRole("link")).toHaveText(["Member", "Distributor"]);
    await expect(areas.getByRole("link", { name: "Member" })).toHaveAttribute("aria-current", "true");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, 王芳");

    await areas.getByRole("link", { name: "Distributor" }).click();
    await expect(page).toHaveURL("/distributor");
    await expect(areas.getByRole("link", { name: "Distributor" })).toHaveAttribute("aria-current", "true");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Distributor dashboard");
    await expect(page.getByTestId("referral-code")).toHaveText("WANGF8");
    await expect(page.getByText(/\/r\/WANGF8$/)).toBeVisible();
    // The team card counts the paid levels (1 and 2 by default): zhang.wei's branch and below.
    for (const level of [1, 2]) await expect(page.getByText(`Level ${level}`, { exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Distributor" }).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  });

  test("gets a 403 page for /admin", async ({ page }) => {
    await expectForbidden(page, await page.goto("/admin"));
  });
});

test.describe("admin (admin only)", () => {
  test.use({ signedInAs: "admin" });

  test("lands on the admin overview with its stat cards, also from /", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme overview");
    for (const stat of ["members", "distributors", "orders", "rewards"]) {
      await expect(page.getByTestId(`stat-${stat}`)).toHaveText(/^\d[\d,]*$/);
    }
    // The demo seed has at least four members, three of them distributors.
    expect(Number((await page.getByTestId("stat-members").innerText()).replace(/,/g, ""))).toBeGreaterThanOrEqual(4);
    expect(Number((await page.getByTestId("stat-distributors").innerText()).replace(/,/g, ""))).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("navigation", { name: "Member" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Areas" })).toHaveCount(0);
  });

  test("gets a 403 page for /distributor", async ({ page }) => {
    await expectForbidden(page, await page.goto("/distributor"));
  });
});

test.describe("anonymous visitor", () => {
  test("is sent to sign-in from /admin and comes back there after signing in", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL("/sign-in?next=%2Fadmin");
    await fillSignIn(page, DEMO.admin, "jifen-demo-2026");
    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme overview");
  });

  test("is sent to sign-in from every signed-in area, even with a forged session cookie", async ({ playwright, baseURL }) => {
    // proxy.ts only looks for the cookie's presence; the forged one gets past it, so the page's own
    // guard must be what refuses it (authorisation is never only in the proxy).
    for (const cookie of [undefined, "authjs.session-token=forged"]) {
      const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: cookie ? { cookie } : {} });
      for (const path of ["/admin", "/distributor", "/account"]) {
        const response = await request.get(path, { maxRedirects: 0 });
        const label = `${path} ${cookie ?? "(no cookie)"}`;
        expect(response.status(), label).toBe(307);
        const location = new URL(response.headers()["location"] ?? "", baseURL);
        expect(location.origin + location.pathname + location.search, label).toBe(`${new URL(baseURL!).origin}/sign-in?next=${encodeURIComponent(path)}`);
        expect(await response.text(), label).not.toMatch(/Programme overview|Distributor dashboard|Change password/);
      }
      await request.dispose();
    }
  });

  test("gets a 404 page with status 404 for an unknown route", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  });
});

test.describe("signed-in member on an unknown route", () => {
  test.use({ signedInAs: "member" });

  test("also gets the 404 page with status 404", async ({ page }) => {
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});
