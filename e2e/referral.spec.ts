// Journey: a visitor opens wang.fang's link /r/WANGF8 and signs up; on their account page they see
// "my referrer" (王芳) and the binding history (through the referral link). wang.fang opens the
// share page, downloads the QR code (a real PNG) and the poster, and sees the funnel count the
// click and the sign-up. An unknown code answers a friendly page and counts nothing. Axe on every
// page (light and dark), screenshots on a phone into docs/screenshots/referral-*.png.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { EN, expect, expectNoAxeViolations, msg, preferenceCookies, test, uniqueEmail, ZH } from "./fixtures";

const DOCS = path.join("docs", "screenshots");
const PHONE = { width: 390, height: 844 };
/** A visitor's browser: new contexts would otherwise inherit the signed-in distributor's session. */
const ANONYMOUS = { cookies: [], origins: [] };
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(DOCS, `referral-${name}.png`), fullPage: true, animations: "disabled", caret: "hide" });
}

/** Axe with the theme cookie at dark, then light (the page is left light, as the screenshots want). */
async function axeLightAndDark(page: Page, label: string, baseURL: string) {
  for (const theme of ["dark", "light"] as const) {
    await page.context().addCookies(preferenceCookies(baseURL, { theme }));
    await page.emulateMedia({ colorScheme: theme === "dark" ? "light" : "dark" });
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, `${label} (${theme})`);
  }
}

async function funnelCounts(page: Page) {
  await page.goto("/distributor/funnel?days=7");
  const value = async (k: string) => Number((await page.getByTestId(`funnel-${k}-value`).innerText()).replace(/[^\d]/g, ""));
  return { clicks: await value("clicks"), signups: await value("signups") };
}

test.describe("referral: link, binding, share page, funnel", () => {
  test.use({ signedInAs: "distributor" });
  test.beforeEach(() => test.setTimeout(180_000)); // several page loads and six axe runs each, on 2 shared cores

  test("a sign-up through the link shows my referrer and its history; the funnel counts the click and the sign-up", async ({ page, browser, baseURL }) => {
    await page.context().addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
    const before = await funnelCounts(page);

    // A visitor (a fresh browser) joins through the link.
    const visitor = await browser.newContext({ baseURL, locale: "en-US", viewport: PHONE, storageState: ANONYMOUS });
    await visitor.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
    const v = await visitor.newPage();
    await v.goto("/r/WANGF8");
    await expect(v.locator('input[name="referralCode"]')).toHaveValue("WANGF8");
    const form = v.locator("main form");
    await form.locator('input[name="name"]').fill("Referral Buyer");
    await form.locator('input[name="email"]').fill(uniqueEmail("ref"));
    await form.locator('input[name="password"]').fill("buyer-pass-123");
    await form.locator('button[type="submit"]').click();
    await v.waitForURL((url) => url.pathname === "/");

    await v.goto("/account");
    const card = v.getByTestId("my-referrer");
    await expect(card.getByRole("heading", { name: msg(EN, "referral.mine.title") })).toBeVisible();
    await expect(card.getByTestId("referrer-name")).toHaveText("王芳");
    await expect(card).toContainText(msg(EN, "referral.mine.code", { code: "WANGF8" }));
    await expect(card).toContainText(msg(EN, "referral.mine.permanent"));
    const history = card.getByTestId("binding-history").getByRole("listitem");
    await expect(history).toHaveCount(1);
    await expect(history.first()).toContainText(msg(EN, "referral.history.bound", { to: "王芳 (WANGF8)" }));
    await expect(history.first()).toContainText(msg(EN, "referral.history.source.link"));
    await axeLightAndDark(v, "/account (referrer)", baseURL!);
    await shot(v, "my-referrer-en");
    await visitor.close();

    // The distributor's funnel counted both.
    const after = await funnelCounts(page);
    expect(after).toEqual({ clicks: before.clicks + 1, signups: before.signups + 1 });
  });

  test("an unknown code answers a friendly page and counts no click", async ({ page, browser, baseURL }) => {
    await page.context().addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
    const before = await funnelCounts(page);
    const visitor = await browser.newContext({ baseURL, locale: "en-US", viewport: PHONE, storageState: ANONYMOUS });
    await visitor.addCookies(preferenceCookies(baseURL!, { locale: "zh-CN", theme: "light" }));
    const v = await visitor.newPage();
    await v.goto("/r/NOPE99");
    await expect(v).toHaveURL(/\/referral\/invalid$/);
    await expect(v.getByRole("heading", { level: 1 })).toHaveText(msg(ZH, "referral.invalid.title"));
    await expect(v.getByRole("link", { name: msg(ZH, "referral.invalid.signUp") })).toBeVisible();
    await axeLightAndDark(v, "/referral/invalid", baseURL!);
    await shot(v, "invalid-zh");
    await visitor.close();
    expect(await funnelCounts(page)).toEqual(before);
  });

  test("the share page: code, link, QR code PNG download, poster PNG download; funnel page", async ({ page, baseURL }) => {
    await page.setViewportSize(PHONE);
    await page.context().addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
    await page.goto("/distributor/share");
    await expect(page.locator('a[href="/distributor/share"]').first()).toBeAttached(); // in the distributor nav
    await expect(page.getByTestId("share-code")).toHaveText("WANGF8");
    await expect(page.getByTestId("referral-link")).toHaveValue(/\/r\/WANGF8$/);
    await expect(page.getByRole("img", { name: /QR/ })).toBeVisible();

    const [qr] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-qr").click()]);
    expect(qr.suggestedFilename()).toBe("referral-WANGF8.png");
    const qrBytes = readFileSync((await qr.path())!);
    expect([...qrBytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    // The route itself answers image/png (and only to the signed-in distributor).
    const res = await page.request.get("/distributor/share/qr");
    expect(res.headers()["content-type"]).toBe("image/png");

    const posterButton = page.getByRole("button", { name: msg(EN, "referral.share.downloadPoster") });
    await expect(posterButton).toBeEnabled();
    const [poster] = await Promise.all([page.waitForEvent("download"), posterButton.click()]);
    expect(poster.suggestedFilename()).toBe("poster-WANGF8.png");
    expect([...readFileSync((await poster.path())!).subarray(0, 8)]).toEqual(PNG_MAGIC);

    await axeLightAndDark(page, "/distributor/share", baseURL!);
    await expect(posterButton).toBeEnabled();
    await shot(page, "share-en");

    await page.goto("/distributor/funnel?days=30");
    await expect(page.getByRole("link", { name: msg(EN, "referral.funnel.days", { days: "30" }) })).toHaveAttribute("aria-current", "page");
    await axeLightAndDark(page, "/distributor/funnel", baseURL!);
    await shot(page, "funnel-en");

    // zh-CN on a phone.
    await page.context().addCookies(preferenceCookies(baseURL!, { locale: "zh-CN", theme: "light" }));
    await page.goto("/distributor/share");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg(ZH, "referral.share.title"));
    await expect(page.getByRole("button", { name: msg(ZH, "referral.share.downloadPoster") })).toBeEnabled();
    await shot(page, "share-zh");
    await page.goto("/distributor/funnel");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg(ZH, "referral.funnel.title"));
    await shot(page, "funnel-zh");
  });
});

test("a visitor gets no QR code: sent to sign in by the proxy, refused by the route's own guard", async ({ request }) => {
  const viaProxy = await request.get("/distributor/share/qr", { maxRedirects: 0 });
  expect(viaProxy.status()).toBe(307);
  expect(viaProxy.headers()["location"]).toContain("/sign-in");
  // A forged (invalid) session cookie passes the proxy's presence check; the route's guard refuses it.
  const forged = await request.get("/distributor/share/qr", { maxRedirects: 0, headers: { cookie: "authjs.session-token=forged" } });
  expect(forged.status()).toBe(401);
  expect(forged.headers()["content-type"]).not.toBe("image/png");
});
