// Journey: a member in the points mall. Browse (categories, filters, search), open a reward, redeem
// it through the confirm step (adding an address on the way), see the balance drop, find that a
// repeated confirmation does not redeem twice, cancel in My redemptions and see the points come
// back; redeem a coupon and find it in the wallet. Then: a refusal explained in the member's
// language, another member's redemption is a 404, axe on every mall page (light/dark × en/zh-CN),
// and screenshots of each page on a phone (zh-CN) and a desktop (en) for docs/screenshots/.
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { devices, type Page } from "@playwright/test";
import { DEMO, EN, expect, expectNoAxeViolations, msg, preferenceCookies, test, ZH } from "./fixtures";

const MUG = "Jifen ceramic mug, 350 ml";
const PLANT = "Desk pothos plant with clay pot";
const SHIPPING_COUPON = "Free shipping coupon";
const SOLD_OUT = "Smart fitness band";
const GOLD_ONLY = "Over-ear noise-cancelling headphones";

/** "5,648" / "5,648 points" / "5,648 积分" → 5648. */
const num = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

async function balanceInMall(page: Page): Promise<number> {
  await page.goto("/mall");
  return num(await page.getByTestId("mall-balance").textContent());
}

/** Opens a reward from a search for its name (the way a member finds one). */
async function openReward(page: Page, name: string, query = name) {
  await page.goto(`/mall/search?q=${encodeURIComponent(query)}`);
  await page.getByTestId("reward-card").filter({ hasText: name }).first().click();
  await expect(page.getByTestId("reward-name")).toHaveText(name);
}

test.describe("points mall", () => {
  test.use({ signedInAs: "member" });

  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
  });

  test("a reward that can't be redeemed says why", async ({ page }) => {
    await openReward(page, SOLD_OUT);
    await expect(page.getByTestId("redeem-blocked")).toContainText(msg(EN, "mall.detail.blockers.out-of-stock"));
    await expect(page.getByTestId("redeem")).toHaveCount(0);

    await openReward(page, GOLD_ONLY);
    await expect(page.getByTestId("redeem-blocked")).toContainText(msg(EN, "mall.detail.blockers.tier", { tiers: "Gold", tier: "Silver" }));

    // chen.jing starts with about 2 000 points: the mug (2 850 for Silver) is out of reach.
    await openReward(page, MUG);
    const balance = num(await page.getByTestId("detail-balance").textContent());
    const price = num(await page.getByTestId("reward-price").locator("span").first().textContent());
    await expect(page.getByTestId("redeem-blocked")).toContainText(`You need ${(price - balance).toLocaleString("en-US")} more points`);
    await expect(page.getByRole("link", { name: msg(EN, "mall.detail.blockers.earnMore") })).toBeVisible();
  });

});

// Points for the journey, the way a shop would give them: the admin records a back-dated order
// (past the 7-day return window, so its points are available at once). After the "why not" test,
// which needs the demo member as seeded.
test.describe("points for the journey", () => {
  test.use({ signedInAs: "admin" });

  test("the admin records an order for the member", async ({ page, context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "en" }));
    await page.goto("/admin/orders");
    const orderNo = `E2E-MALL-${Date.now().toString(36)}`;
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16); // Asia/Shanghai wall clock
    const form = page.locator("form").filter({ has: page.locator('input[name="externalId"]') });
    await form.locator('input[name="member"]').fill(DEMO.member);
    await form.locator('input[name="externalId"]').fill(orderNo);
    await form.locator('input[name="placedAt"]').fill(tenDaysAgo);
    await form.locator('input[name="sku0"]').fill("E2E-TEA-SET");
    await form.locator('input[name="name0"]').fill("E2E tea set");
    await form.locator('input[name="price0"]').fill("3000.00");
    await form.locator('button[type="submit"]').click();
    await expect(page.getByRole("status").filter({ hasText: orderNo })).toContainText("available");
  });
});

test.describe("points mall journey", () => {
  test.use({ signedInAs: "member" });

  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
  });

  test("browse, redeem with a new address, balance drops, cancel, balance restored; a coupon lands in the wallet", async ({ page, context }) => {
    test.setTimeout(180_000);
    // Browse: a category, a filter, the search.
    const before = await balanceInMall(page);
    expect(before).toBeGreaterThan(3_000);
    await expect(page.getByTestId("campaign-banner").first()).toBeVisible();
    await page.getByTestId("category-home").click();
    await expect(page.getByTestId("listing-title")).toHaveText(msg(EN, "mall.categories.home"));
    await page.getByTestId("filter-affordable").click();
    await expect(page).toHaveURL(/affordable=1/);
    const affordable = page.getByTestId("reward-grid").getByTestId("reward-card");
    await expect(affordable.first()).toBeVisible();
    for (const text of await affordable.allTextContents()) expect(text).not.toContain("more points needed");
    await page.getByRole("searchbox").fill("mug");
    await page.getByRole("search").getByRole("button").click();
    await expect(page.getByTestId("listing-title")).toHaveText(msg(EN, "mall.listing.resultsFor", { q: "mug" }));
    await page.getByTestId("reward-card").filter({ hasText: MUG }).click();

    // The detail: the tier discount shown as such, the limit, the way in.
    await expect(page.getByTestId("reward-name")).toHaveText(MUG);
    await expect(page.getByTestId("reward-price")).toContainText("3,000");
    await expect(page.getByTestId("reward-price")).toContainText(/(Silver|Gold) −\d+%/);
    await expect(page.getByTestId("reward-limit")).toContainText("3 per member");
    await page.getByTestId("redeem").click();
    await expect(page).toHaveURL(/\/confirm\?t=[0-9a-f-]{36}/);

    // The confirm step: add an address on the way (a bad one first), come back to the same token.
    const confirmUrl = new URL(page.url());
    const token = confirmUrl.searchParams.get("t")!;
    await page.getByTestId("add-address").click();
    await expect(page).toHaveURL(/\/account\/addresses\/new\?next=/);
    await page.locator('input[name="phone"]').fill("call me");
    await page.getByTestId("save-address").click();
    await expect(page.locator("#f-recipient-error")).toHaveText(msg(EN, "addresses.errors.recipient"));
    await expect(page.locator("#f-phone-error")).toHaveText(msg(EN, "addresses.errors.phone"));
    await page.locator('input[name="recipient"]').fill("E2E Receiver");
    await page.locator('input[name="phone"]').fill("+86 138 0000 0000");
    await page.locator('input[name="region"]').fill("浙江省 杭州市 西湖区");
    await page.locator('input[name="line"]').fill("文三路 1 号");
    await page.getByTestId("save-address").click();
    await expect(page).toHaveURL((u) => u.pathname === confirmUrl.pathname && u.searchParams.get("t") === token);
    await page.getByRole("radio", { name: /E2E Receiver/ }).check();

    // The stepper changes what is spent; the summary is the quote the redemption will charge.
    const unit = num(await page.getByTestId("confirm-total").textContent());
    await page.getByRole("button", { name: msg(EN, "mall.confirm.more") }).click();
    await expect(page.getByTestId("confirm-total")).toHaveText(`${(unit * 2).toLocaleString("en-US")} points`);
    await page.getByRole("button", { name: msg(EN, "mall.confirm.fewer") }).click();
    await expect(page.getByTestId("confirm-total")).toHaveText(`${unit.toLocaleString("en-US")} points`);
    await expect(page.getByTestId("confirm-after")).toHaveText((before - unit).toLocaleString("en-US"));
    await page.getByTestId("confirm-redeem").click();

    // Redeemed: the page says so, the points are spent, the balance dropped by exactly that.
    await expect(page).toHaveURL(/\/redemptions\/[0-9a-f-]{36}\?placed=1/);
    const redemptionPath = new URL(page.url()).pathname;
    await expect(page.getByTestId("redeemed-banner")).toContainText(msg(EN, "redemptions.detail.placedTitle"));
    await expect(page.getByTestId("redeemed-banner")).toContainText((before - unit).toLocaleString("en-US"));
    await expect(page.getByTestId("points-spent")).toHaveText(`${unit.toLocaleString("en-US")} points`);
    await expect(page.getByTestId("step-placed")).toHaveAttribute("data-state", "current");
    await expect(page.getByText("E2E Receiver")).toBeVisible();
    expect(await balanceInMall(page)).toBe(before - unit);

    // The same confirmation again (back button, a second tab, a retry): the same redemption, once.
    await page.goto(confirmUrl.toString());
    await expect(page).toHaveURL((u) => u.pathname === redemptionPath);
    expect(await balanceInMall(page)).toBe(before - unit);

    // Cancel in My redemptions: the points come back.
    await page.goto("/redemptions");
    const row = page.getByTestId("redemption-row").first();
    await expect(row).toContainText(MUG);
    await expect(row.getByTestId("redemption-status")).toHaveText(msg(EN, "redemptions.status.placed"));
    await row.click();
    await expect(page).toHaveURL((u) => u.pathname === redemptionPath);
    await page.getByTestId("cancel-redemption").click();
    await expect(page.getByTestId("cancel-confirm")).toContainText(msg(EN, "redemptions.detail.cancelTitle"));
    await expect(page.getByRole("heading", { name: msg(EN, "redemptions.detail.cancelTitle") })).toBeFocused();
    await page.getByTestId("cancel-yes").click();
    await expect(page.getByTestId("cancelled-banner")).toContainText(before.toLocaleString("en-US"));
    await expect(page.getByTestId("redemption-status")).toHaveText(msg(EN, "redemptions.status.cancelled"));
    await expect(page.getByTestId("points-restored")).toHaveText(`${unit.toLocaleString("en-US")} points restored to your balance`);
    await expect(page.getByTestId("cancel-redemption")).toHaveCount(0);
    expect(await balanceInMall(page)).toBe(before);

    // The history names what the points bought and what gave them back; each leads to the redemption.
    await page.goto("/history");
    const entries = page.getByTestId("history-entries").locator("li");
    await expect(entries.nth(0)).toContainText(msg(EN, "member.entry.redemptionCancelled", { name: MUG }));
    await expect(entries.nth(0)).toContainText(`+${unit.toLocaleString("en-US")}`);
    await expect(entries.nth(1)).toContainText(`−${unit.toLocaleString("en-US")}`);
    await entries.nth(1).getByRole("link", { name: msg(EN, "member.entry.redemption", { name: MUG }) }).click();
    await expect(page).toHaveURL((u) => u.pathname === redemptionPath);

    // A coupon: delivered at once, its code on the success page and in the wallet, with copy.
    await openReward(page, SHIPPING_COUPON, "shipping");
    await page.getByTestId("redeem").click();
    await expect(page.getByText(msg(EN, "mall.confirm.instantCoupon"))).toBeVisible();
    const couponPrice = num(await page.getByTestId("confirm-total").textContent());
    await page.getByTestId("confirm-redeem").click();
    await expect(page.getByTestId("redeemed-banner")).toBeVisible();
    await expect(page.getByTestId("redemption-status")).toHaveText(msg(EN, "redemptions.status.delivered"));
    const code = (await page.getByTestId("redemption-coupons").getByTestId("coupon-code").locator("p").first().textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9-]{8,}$/);
    expect(await balanceInMall(page)).toBe(before - couponPrice);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/coupons");
    const wallet = page.getByTestId("wallet-coupon").filter({ hasText: code });
    await expect(wallet.getByTestId("coupon-validity")).toHaveText(msg(EN, "coupons.validity.valid"));
    await wallet.getByTestId("copy-code").click();
    await expect(wallet.getByTestId("copy-code")).toContainText(msg(EN, "coupons.copied"));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  });

  test("a refusal is explained in the member's language (另一标签页先花掉了积分)", async ({ page, context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "zh-CN" }));
    // Tab A opens the confirm step for the cable…
    await page.goto(`/mall/search?q=${encodeURIComponent("数据线")}`);
    await page.getByTestId("reward-card").first().click();
    await page.getByTestId("redeem").click();
    await expect(page).toHaveURL(/\/confirm\?t=/);
    const price = num(await page.getByTestId("confirm-total").textContent());
    // …tab B spends enough on charity that it no longer fits…
    const other = await context.newPage();
    await other.goto(`/mall/search?q=${encodeURIComponent("净水")}`);
    await other.getByTestId("reward-card").first().click();
    const balance = num(await other.getByTestId("detail-balance").textContent());
    await other.getByTestId("redeem").click();
    const each = num(await other.getByTestId("confirm-total").textContent());
    const quantity = Math.floor((balance - price) / each) + 1;
    expect(quantity).toBeLessThanOrEqual(99);
    await other.getByTestId("quantity").fill(String(quantity));
    await expect(other.getByTestId("confirm-total")).toHaveText(`${(each * quantity).toLocaleString("zh-CN")} 积分`);
    await other.getByTestId("confirm-redeem").click();
    await expect(other.getByTestId("redeemed-banner")).toBeVisible();
    await other.close();
    // …so tab A's confirmation is refused, saying how many points are missing, in Chinese.
    await page.getByTestId("confirm-redeem").click();
    const missing = price - (balance - each * quantity);
    await expect(page.getByTestId("redeem-error")).toHaveText(msg(ZH, "mall.confirm.errors.insufficient-points", { missing: missing.toLocaleString("zh-CN") }));
    await expect(page).toHaveURL(/\/confirm\?t=/);
  });
});

test.describe("another member's redemption", () => {
  test.use({ signedInAs: "distributor" });

  test("is not found", async ({ page, browser, baseURL, sessionFor, context }) => {
    // (The member's session exists by now: the tests above signed in as the member.)
    const member = await browser.newContext({ baseURL, storageState: await sessionFor("member") });
    const memberPage = await member.newPage();
    await memberPage.goto("/redemptions");
    const row = memberPage.getByTestId("redemption-row").first();
    const href = await row.getAttribute("href");
    const rewardName = (await row.locator("p").first().textContent())!;
    await member.close();
    expect(href).toMatch(/^\/redemptions\/[0-9a-f-]{36}$/);
    await context.addCookies(preferenceCookies(baseURL!, { locale: "en" }));
    const response = await page.goto(href!);
    // The member area streams its skeleton before the page runs, so the status can already be 200
    // when the page finds nothing (the authorisation matrix accepts 200/404 for the same reason);
    // what matters is that the answer is the not-found page and carries none of the redemption.
    expect([200, 404]).toContain(response?.status());
    await expect(page.getByRole("heading", { name: msg(EN, "status.notFoundTitle") })).toBeVisible();
    await expect(page.getByText(rewardName)).toHaveCount(0);
    await expect(page.getByTestId("timeline")).toHaveCount(0);
  });
});

// ---------------------------------------------------------------- axe and screenshots

interface MallPage {
  name: string;
  /** A path, or how to find one from the member's own data. */
  path: string | ((page: Page) => Promise<string>);
  /** Brings the page into the state to check (after navigation). */
  prepare?: (page: Page) => Promise<void>;
}

const firstHref = (listPath: string, testId: string) => async (page: Page) => {
  await page.goto(listPath);
  return (await page.getByTestId(testId).first().getAttribute("href"))!;
};
const rewardPath = (query: string) => firstHref(`/mall/search?q=${encodeURIComponent(query)}`, "reward-card");
/** A redemption still "placed" (the demo has one): timeline, shipping address and the cancel button. */
const placedRedemption = async (page: Page) => {
  await page.goto("/redemptions");
  return (await page.getByTestId("redemption-row").filter({ hasText: new RegExp(`${msg(EN, "redemptions.status.placed")}|${msg(ZH, "redemptions.status.placed")}`) }).first().getAttribute("href"))!;
};

const PAGES: MallPage[] = [
  { name: "mall-home", path: "/mall" },
  { name: "mall-category", path: "/mall/c/drinks" },
  { name: "mall-search", path: "/mall/search?q=%E8%8C%B6&sort=popular" },
  { name: "reward-detail", path: rewardPath(PLANT) },
  {
    name: "redeem-confirm",
    // With a token of our own (as the reward page would make): the plant, which the member can
    // still afford after the refusal test above has spent their points.
    path: async (page) => `${await rewardPath(PLANT)(page)}/confirm?t=${randomUUID()}`,
  },
  { name: "redemptions", path: "/redemptions" },
  { name: "redemption-detail", path: placedRedemption },
  { name: "coupons", path: "/coupons" },
  { name: "addresses", path: "/account/addresses" },
];

const A11Y_EXTRA: MallPage[] = [
  {
    name: "cancel confirmation",
    path: placedRedemption,
    prepare: async (page) => {
      await page.getByTestId("cancel-redemption").click();
      await expect(page.getByTestId("cancel-confirm")).toBeVisible();
      await page.mouse.move(0, 0);
    },
  },
  {
    name: "address form with errors",
    path: "/account/addresses/new",
    prepare: async (page) => {
      await page.getByTestId("save-address").click();
      await expect(page.locator("#f-recipient-error")).toBeVisible();
      await page.mouse.move(0, 0);
    },
  },
];

const VARIANTS = [
  { theme: "light", locale: "en" },
  { theme: "dark", locale: "en" },
  { theme: "light", locale: "zh-CN" },
  { theme: "dark", locale: "zh-CN" },
] as const;

test.describe("axe", () => {
  test.use({ signedInAs: "member" });
  for (const target of [...PAGES, ...A11Y_EXTRA]) {
    test(`${target.name}: no axe violations in light/dark × en/zh-CN`, async ({ page, context, baseURL }) => {
      test.setTimeout(150_000); // four full page loads and axe runs
      const path = typeof target.path === "string" ? target.path : await target.path(page);
      for (const { theme, locale } of VARIANTS) {
        const label = `${target.name} (${theme}, ${locale})`;
        await test.step(label, async () => {
          await context.addCookies(preferenceCookies(baseURL!, { theme, locale }));
          await page.emulateMedia({ colorScheme: theme === "dark" ? "light" : "dark" });
          const response = await page.goto(path);
          expect(response?.status(), label).toBe(200);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          // The cached pages fill in the member's side from /api/mall/me: check them filled in.
          await page.waitForLoadState("networkidle");
          await target.prepare?.(page);
          await expectNoAxeViolations(page, label, { soft: true });
        });
      }
    });
  }
});

const ARTIFACTS = path.join("e2e", "artifacts");
const DOCS = path.join("docs", "screenshots");
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: devices["Pixel 7"].userAgent };
const DESKTOP = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };

for (const device of ["phone", "desktop"] as const) {
  test.describe(`screenshots (${device})`, () => {
    test.use({ ...(device === "phone" ? PHONE : DESKTOP), signedInAs: "member", colorScheme: "light" });
    const locale = device === "phone" ? "zh-CN" : "en";
    for (const target of PAGES) {
      test(`${target.name} (${device}, ${locale})`, async ({ page, context, baseURL }) => {
        test.setTimeout(90_000);
        mkdirSync(ARTIFACTS, { recursive: true });
        mkdirSync(DOCS, { recursive: true });
        await context.addCookies(preferenceCookies(baseURL!, { locale, theme: "light" }));
        const url = typeof target.path === "string" ? target.path : await target.path(page);
        const response = await page.goto(url);
        expect(response?.status()).toBe(200);
        await expect(page.locator("main h1").first()).toBeAttached();
        await page.waitForLoadState("networkidle"); // the member's side of a cached page (/api/mall/me)
        await page.evaluate(() => document.fonts.ready);
        // Pictures below the fold are lazy: scroll every row into view so the capture shows them.
        await page.evaluate(async () => {
          for (const img of Array.from(document.images)) img.loading = "eager";
          await Promise.all(Array.from(document.images).map((img) => (img.complete ? null : new Promise((r) => img.addEventListener("load", r, { once: true })))));
        });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const { width } = page.viewportSize()!;
        expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling").toBeLessThanOrEqual(width);
        if (height > page.viewportSize()!.height) await page.setViewportSize({ width, height });
        const name = `${target.name}-${locale === "zh-CN" ? "zh" : "en"}-${device}`;
        const file = path.join(ARTIFACTS, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
        expect(statSync(file).size).toBeGreaterThan(5_000);
        copyFileSync(file, path.join(DOCS, `${name}.png`));
      });
    }
  });
}
