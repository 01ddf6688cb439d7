// Journey: abuse from a browser. NUL characters typed into real forms come back as a validation
// message (never a 500); a member opening another member's redemption or address gets a real 404;
// a server action replayed from another origin is refused with 403 and changes nothing, while the
// same request from the app's own origin works (so the refusal is the Origin check, not a broken replay).
import type { Page, Request } from "@playwright/test";
import { EN, expect, msg, test, uniqueEmail } from "./fixtures";

const MARK = "NULMARK7";
const NUL_MESSAGE = msg(EN, "validation.nul");

/**
 * Rewrites the next server action the page posts: the marker typed into a field becomes a NUL
 * byte on the wire (a browser will not let a person type one). Returns the action's status codes.
 */
async function withNulInActions(page: Page): Promise<{ statuses: number[]; requests: Request[] }> {
  const statuses: number[] = [];
  const requests: Request[] = [];
  await page.route("**/*", async (route) => {
    const req = route.request();
    const body = req.postDataBuffer();
    if (req.method() !== "POST" || !req.headers()["next-action"] || !body?.includes(MARK)) return route.continue();
    requests.push(req);
    const parts = body.toString("latin1").split(MARK);
    await route.continue({ postData: Buffer.from(parts.join("\u0000"), "latin1") });
  });
  page.on("response", (res) => {
    if (res.request().method() === "POST" && res.request().headers()["next-action"]) statuses.push(res.status());
  });
  return { statuses, requests };
}

test.describe("NUL characters in real forms", () => {
  test("sign-up: the name field", async ({ page }) => {
    const seen = await withNulInActions(page);
    await page.goto("/sign-up");
    const form = page.locator("main form");
    await form.locator('input[name="name"]').fill(`Mallory${MARK}`);
    await form.locator('input[name="email"]').fill(uniqueEmail("nul"));
    await form.locator('input[name="password"]').fill("a-long-password-1");
    await form.locator('button[type="submit"]').click();
    await expect(page.getByText(NUL_MESSAGE)).toBeVisible();
    expect(seen.requests.length).toBe(1);
    expect(seen.statuses).toEqual([200]);
    expect(new URL(page.url()).pathname).toBe("/sign-up");
  });

  test.describe("signed in as a member", () => {
    test.use({ signedInAs: "member" });
    test("address book: the recipient field", async ({ page }) => {
      const seen = await withNulInActions(page);
      await page.goto("/account/addresses/new");
      const form = page.getByTestId("address-form");
      await form.locator('input[name="recipient"]').fill(`王${MARK}五`);
      await form.locator('input[name="phone"]').fill("13500000001");
      await form.locator('input[name="region"]').fill("上海市 徐汇区");
      await form.locator('input[name="line"]').fill("漕溪北路 1 号");
      await page.getByTestId("save-address").click();
      await expect(page.getByRole("alert").filter({ hasText: NUL_MESSAGE }).first()).toBeVisible({ timeout: 30_000 });
      expect(seen.statuses).toEqual([200]);
      await page.goto("/account/addresses");
      await expect(page.getByText("漕溪北路 1 号")).toHaveCount(0);
    });
  });

  test.describe("signed in as an admin", () => {
    test.use({ signedInAs: "admin" });
    test("API keys: the key's name", async ({ page }) => {
      const seen = await withNulInActions(page);
      await page.goto("/admin/api-keys");
      await page.locator('input[name="name"]').fill(`till${MARK}`);
      await page.locator('input[name="scopes"][value="read"]').check({ timeout: 30_000 });
      await page.getByRole("button", { name: msg(EN, "apiKeys.create") }).click();
      await expect(page.getByText(NUL_MESSAGE).first()).toBeVisible({ timeout: 30_000 });
      expect(seen.statuses).toEqual([200]);
    });
  });
});

/** The first of the signed-in member's redemptions, from their list. */
async function firstRedemptionId(page: Page): Promise<string> {
  await page.goto("/redemptions");
  const href = await page.getByTestId("redemption-row").first().getAttribute("href");
  return href!.split("/").pop()!;
}

test.describe("IDOR: one member naming another's things", () => {
  test("another member's redemption and address answer 404; one's own answer 200", async ({ browser, sessionFor, baseURL }) => {
    const a = await browser.newContext({ baseURL, storageState: await sessionFor("member") });
    const b = await browser.newContext({ baseURL, storageState: await sessionFor("distributor") }); // also a member
    const pa = await a.newPage();
    const pb = await b.newPage();
    const aRedemption = await firstRedemptionId(pa);
    const bRedemption = await firstRedemptionId(pb);
    expect(aRedemption).not.toBe(bRedemption);

    expect((await pa.request.get(`/redemptions/${aRedemption}`)).status()).toBe(200);
    const foreign = await pb.request.get(`/redemptions/${aRedemption}`);
    expect(foreign.status()).toBe(404);
    expect(await foreign.text()).not.toContain("points-spent"); // none of the detail page is rendered
    expect((await pb.request.get(`/redemptions/00000000-0000-4000-8000-000000000000`)).status()).toBe(404);
    expect((await pb.request.get(`/redemptions/not-an-id`)).status()).toBe(404);

    await pa.goto("/account/addresses");
    const editHref = await pa.locator('a[href^="/account/addresses/"][href$="/edit"]').first().getAttribute("href");
    expect((await pa.request.get(editHref!)).status()).toBe(200);
    expect((await pb.request.get(editHref!)).status()).toBe(404);
    await a.close();
    await b.close();
  });
});

test.describe("CSRF: a server action posted from another origin", () => {
  test.use({ signedInAs: "member" });
  test("is refused with 403 and writes nothing; the same request from our origin works", async ({ page, baseURL }) => {
    // Capture a real server action request (its id and encoded form) from the address form.
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
    await page.route("**/*", async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"] && !captured) {
        captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer()! };
        return route.abort(); // the browser's own request never reaches the server
      }
      return route.continue();
    });
    await page.goto("/account/addresses/new");
    const form = page.getByTestId("address-form");
    const line = `CSRF 路 ${Date.now()} 号`;
    await form.locator('input[name="recipient"]').fill("跨站");
    await form.locator('input[name="phone"]').fill("13500000002");
    await form.locator('input[name="region"]').fill("上海市 徐汇区");
    await form.locator('input[name="line"]').fill(line);
    await page.getByTestId("save-address").click();
    await expect.poll(() => captured !== null).toBe(true);
    const c = captured!;
    const headers = { ...c.headers };
    delete headers["content-length"];

    const evil = await page.request.post(c.url, { headers: { ...headers, origin: "https://evil.example" }, data: c.body, maxRedirects: 0 });
    expect(evil.status()).toBe(403);
    const nullOrigin = await page.request.post(c.url, { headers: { ...headers, origin: "null" }, data: c.body, maxRedirects: 0 });
    expect(nullOrigin.status()).toBe(403);
    await page.unroute("**/*");
    await page.goto("/account/addresses");
    await expect(page.getByText(line)).toHaveCount(0);

    const own = await page.request.post(c.url, { headers: { ...headers, origin: new URL(baseURL!).origin }, data: c.body, maxRedirects: 0 });
    expect(own.status()).toBeLessThan(400);
    await page.goto("/account/addresses");
    await expect(page.getByText(line)).toHaveCount(1);
  });

  test("any state-changing request to a page from another origin is refused before it runs", async ({ request }) => {
    for (const path of ["/account/addresses", "/admin/fulfilment/export", "/"]) {
      const res = await request.post(path, { headers: { origin: "https://evil.example" }, form: { x: "1" }, maxRedirects: 0 });
      expect(res.status(), path).toBe(403);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
    }
  });
});
