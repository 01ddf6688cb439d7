// Journey: the browser's own defences. Every response carries the security headers, and signing in
// and using the member pages under the Content-Security-Policy produces no CSP violation (a policy
// that blocked the app's own scripts would show up here first).
import { DEMO, expect, signInAs, test } from "./fixtures";

test("security headers on pages and API responses", async ({ request }) => {
  for (const path of ["/sign-in", "/api/health"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("object-src 'none'");
    expect(h["content-security-policy"], path).toContain("script-src 'self'");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
});

test("no CSP violations while signing in and moving around the member area", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect)/i.test(m.text())) violations.push(m.text());
  });
  await signInAs(page, DEMO.member);
  // The mall's cached pages too: their theme script runs inline, their member's side is a fetch.
  for (const path of ["/", "/history", "/how-to-earn", "/account", "/mall/c/drinks"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await expect(page.getByTestId("reward-card").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a cached catalogue page is the member's only: no shared cache may keep it, no other visitor gets it", async ({ browser, baseURL, sessionFor }) => {
  const member = await browser.newContext({ baseURL, storageState: await sessionFor("member") });
  const res = await member.request.get("/mall");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toMatch(/\bprivate\b/);
  expect(res.headers()["cache-control"]).not.toMatch(/s-maxage/);
  await member.close();
  const anonymous = await browser.newContext({ baseURL });
  const refused = await anonymous.request.get("/mall", { maxRedirects: 0 });
  expect(refused.status()).toBe(307);
  await anonymous.close();
});
