// Journey: the operator runs the points mall's back office. They add a reward with an uploaded
// picture, adjust its stock and read the history; a member redeems it (through the Integration
// API); the operator ships it from the fulfilment queue, ships another from a carrier's CSV (and
// re-imports the file harmlessly) and downloads the packing list. Every admin-mall page passes axe
// in light/dark × en/zh-CN, and a picture of each goes to docs/screenshots/.
import { readFileSync, copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "@playwright/test";
import { v5 as uuidv5 } from "uuid";
import { DEMO, EN, expect, expectNoAxeViolations, msg, preferenceCookies, test, ZH } from "./fixtures";

const OPERATOR = DEMO.operator;
const API_KEY = "jf_test_e2e_bootstrap_key_0123456789"; // scripts/e2e-server.ts
// The demo member chen.jing: the seed's fixed id (db/seed-demo.ts demoId, UUIDv5 of its key).
const MEMBER_ID = uuidv5("jifen-demo:chen.jing", "6f1c3c1e-0b7a-4c43-9a55-1c1f0e7d2a10");
const ARTIFACTS = path.join("e2e", "artifacts");
const DOCS = path.join("docs", "screenshots");
const tag = Date.now().toString(36).toUpperCase();
const SKU = `E2E-CUP-${tag}`;
const NAME = `<b>保温杯</b> ${tag}`;
const m = (key: string, values?: Record<string, string>) => msg(EN, `adminMall.${key}`, values);

test.describe.configure({ mode: "serial" });

let context: BrowserContext;
let page: Page;
let rewardId: string;

/** A desktop context signed in as the demo operator (one sign-in per run, shared by the fixtures). */
async function operatorContext(browser: Browser, baseURL: string, storageState: BrowserContextOptions["storageState"], locale: "en" | "zh-CN" = "en") {
  const ctx = await browser.newContext({ baseURL, storageState, locale: locale === "en" ? "en-US" : "zh-CN", viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await ctx.addCookies(preferenceCookies(baseURL, { locale, theme: "light" }));
  return ctx;
}

test.beforeAll(async ({ browser, sessionFor }, info) => {
  context = await operatorContext(browser, info.project.use.baseURL!, await sessionFor("operator"));
  page = await context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
});
test.afterAll(() => context?.close());

/** Redeems the journey's reward for the demo member through the Integration API. */
async function redeem(quantity = 1): Promise<string> {
  const res = await page.request.post("/api/v1/redemptions", {
    headers: { authorization: `Bearer ${API_KEY}`, "idempotency-key": `e2e-${tag}-${Math.random().toString(36).slice(2)}` },
    data: { memberId: MEMBER_ID, rewardId, quantity, shippingAddress: { recipient: "陈静", phone: "+86 135 0000 0921", region: "上海市 徐汇区", line: "漕溪北路 88 号", postalCode: "200030" } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function shoot(p: Page, name: string) {
  await p.evaluate(() => document.fonts.ready);
  const height = await p.evaluate(() => document.documentElement.scrollHeight);
  const { width } = p.viewportSize()!;
  await p.setViewportSize({ width, height: Math.max(900, height) });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await p.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  copyFileSync(file, path.join(DOCS, `${name}.png`));
  await p.setViewportSize({ width, height: 900 });
}

test("create a reward with an uploaded picture; HTML in its name stays text", async () => {
  await page.goto("/admin/rewards/new");
  await expect(page.getByRole("heading", { level: 1, name: m("rewards.new") })).toBeVisible();
  // An empty submit: every problem next to its field, nothing created.
  await page.getByRole("button", { name: m("form.create") }).click();
  await expect(page.getByText(m("form.fixErrors"))).toBeVisible();
  await expect(page.locator("#f-sku-error")).toHaveText(m("fieldErrors.sku"));
  await expect(page.locator("#f-pointsPrice-error")).toHaveText(m("fieldErrors.pointsPrice"));

  const form = page.locator("main form");
  await form.locator('input[name="sku"]').fill(SKU);
  await form.locator('select[name="type"]').selectOption("physical");
  await form.locator('input[name="category"]').fill("home");
  await form.locator('input[name="pointsPrice"]').fill("500");
  await form.locator('input[name="name"]').fill(NAME);
  await form.locator('input[name="nameEn"]').fill(`Thermos ${tag}`);
  await form.locator('textarea[name="description"]').fill("<script>alert(1)</script> 双层不锈钢");
  await form.locator('input[name="stock"]').fill("5");
  await form.locator('input[name="perMemberLimit"]').fill("3");
  await form.locator('input[name="image"]').setInputFiles({ name: "cup.png", mimeType: "image/png", buffer: samplePng() });
  await form.getByRole("button", { name: m("form.create") }).click();

  await expect(page).toHaveURL(/\/admin\/rewards\/[0-9a-f-]{36}\?created=1$/);
  rewardId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByText(m("reward.created"))).toBeVisible();
  // In English the English name leads; the Chinese one, markup and all, is shown as text.
  await expect(page.getByTestId("reward-name")).toHaveText(`Thermos ${tag}`);
  await expect(page.getByText(NAME, { exact: true })).toBeVisible();
  await expect(page.getByText("<script>alert(1)</script> 双层不锈钢")).toBeVisible();
  await expect(page.locator("main b")).toHaveCount(0);

  // The picture is served by the app, content-addressed, as a PNG that browsers must not sniff.
  const src = await page.locator("main img").first().getAttribute("src");
  expect(src).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
  const media = await page.request.get(src!);
  expect(media.status()).toBe(200);
  expect(media.headers()["content-type"]).toBe("image/png");
  expect(media.headers()["x-content-type-options"]).toBe("nosniff");
  expect(media.headers()["cache-control"]).toContain("immutable");
  for (const bad of ["/media/..%2F..%2Fpackage.json", "/media/%2e%2e%2f.env", `/media/${"0".repeat(64)}.png`]) expect((await page.request.get(bad)).status(), bad).toBe(404);

  // An SVG "picture" with a script is refused, and the picture stays.
  await page.locator('main form input[name="image"]').last().setInputFiles({ name: "evil.png", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
  await page.getByRole("button", { name: m("image.upload") }).click();
  await expect(page.getByText(m("errors.notAnImage"))).toBeVisible();
  await expect(page.locator("main img").first()).toHaveAttribute("src", src!);
});

test("adjust the stock with a reason; it never goes below zero; the history shows each movement", async () => {
  await page.goto(`/admin/rewards/${rewardId}`);
  await expect(page.getByTestId("reward-stock")).toHaveText("5");
  await page.locator('input[name="delta"]').fill("-2");
  await page.locator('input[name="reason"]').fill("Counted in the warehouse");
  await page.getByRole("button", { name: m("stock.adjust") }).click();
  await expect(page.getByText(m("stock.adjusted"))).toBeVisible();
  await expect(page.getByTestId("reward-stock")).toHaveText("3");

  await page.locator('input[name="delta"]').fill("-10");
  await page.locator('input[name="reason"]').fill("Typo");
  await page.getByRole("button", { name: m("stock.adjust") }).click();
  await expect(page.locator("#stock-delta-error")).toHaveText(m("errors.belowZero"));
  await expect(page.getByTestId("reward-stock")).toHaveText("3");

  // Without a reason: refused on the reason field.
  await page.locator('input[name="delta"]').fill("+4");
  await page.locator('input[name="reason"]').fill("");
  await page.getByRole("button", { name: m("stock.adjust") }).click();
  await expect(page.locator("#stock-reason-error")).toHaveText(m("fieldErrors.reason"));

  const history = page.getByTestId("stock-history").locator("tbody tr");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("-2");
  await expect(history.nth(0)).toContainText("Counted in the warehouse");
  await expect(history.nth(0)).toContainText(`admin:${OPERATOR}`);
  await expect(history.nth(1)).toContainText("+5");
  await expect(history.nth(1)).toContainText("opening stock");
  await shoot(page, "admin-reward-en");
});

test("the catalogue finds the reward by sku; withdrawing and re-offering it", async () => {
  await page.goto(`/admin/rewards?q=${encodeURIComponent(SKU.toLowerCase())}`);
  const rows = page.locator("main table tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(SKU);
  await page.goto("/admin/rewards?type=coupon");
  await expect(page.locator("main table tbody tr").first()).toContainText(m("types.coupon"));
  await page.goto("/admin/rewards");
  await shoot(page, "admin-rewards-en");

  await page.goto(`/admin/rewards/${rewardId}`);
  await page.getByRole("button", { name: m("reward.deactivate") }).click();
  await expect(page.getByText(m("reward.deactivated"))).toBeVisible();
  await page.getByRole("button", { name: m("reward.activate") }).click();
  await expect(page.getByText(m("reward.activated"))).toBeVisible();
});

// The members' catalogue pages are rendered once and cached (app/[locale]/(catalogue)): the
// operator's changes must reach them on the members' next visit, not a minute later.
test("the members' cached catalogue follows the operator's changes: renamed, withdrawn, re-offered", async ({ browser, sessionFor }, info) => {
  const baseURL = info.project.use.baseURL!;
  const ctx = await browser.newContext({ baseURL, storageState: await sessionFor("member") });
  await ctx.addCookies(preferenceCookies(baseURL, { locale: "en", theme: "light" }));
  const member = await ctx.newPage();
  const newestInHome = "/mall/c/home?sort=newest";
  const card = () => member.getByTestId("reward-grid").getByTestId("reward-card").first();

  // First visits render and cache both pages.
  await member.goto(`/mall/r/${rewardId}`);
  await expect(member.getByTestId("reward-name")).toHaveText(`Thermos ${tag}`);
  await member.goto(newestInHome);
  await expect(card()).toContainText(`Thermos ${tag}`);

  await page.goto(`/admin/rewards/${rewardId}/edit`);
  await page.locator('main form input[name="nameEn"]').fill(`Thermos ${tag} II`);
  await page.locator("main form").getByRole("button", { name: m("form.save") }).click();
  await expect(page).toHaveURL(/\?saved=1$/);
  await member.goto(`/mall/r/${rewardId}`);
  await expect(member.getByTestId("reward-name")).toHaveText(`Thermos ${tag} II`);
  await member.goto(newestInHome);
  await expect(card()).toContainText(`Thermos ${tag} II`);

  await page.goto(`/admin/rewards/${rewardId}`);
  await page.getByRole("button", { name: m("reward.deactivate") }).click();
  await expect(page.getByText(m("reward.deactivated"))).toBeVisible();
  await member.goto(newestInHome);
  await expect(card()).toBeVisible();
  await expect(member.getByTestId("reward-card").filter({ hasText: `Thermos ${tag}` })).toHaveCount(0);
  await member.goto(`/mall/r/${rewardId}`);
  await expect(member.getByTestId("redeem-blocked")).toContainText(msg(EN, "mall.detail.blockers.inactive"));

  await page.getByRole("button", { name: m("reward.activate") }).click();
  await expect(page.getByText(m("reward.activated"))).toBeVisible();
  await member.goto(newestInHome);
  await expect(card()).toContainText(`Thermos ${tag} II`);
  await member.goto(`/mall/r/${rewardId}`);
  await expect(member.getByTestId("redeem")).toBeVisible();
  await ctx.close();
});

test("a coupon pool: paste codes, see duplicates and invalid lines, the stock follows", async () => {
  await page.goto("/admin/rewards/new");
  const form = page.locator("main form");
  await form.locator('input[name="sku"]').fill(`E2E-CPN-${tag}`);
  await form.locator('select[name="type"]').selectOption("coupon");
  await form.locator('select[name="couponSource"]').selectOption("pool");
  await form.locator('input[name="name"]').fill(`咖啡券 ${tag}`);
  await form.locator('input[name="pointsPrice"]').fill("300");
  await form.locator('input[name="couponValidDays"]').fill("30");
  await form.getByRole("button", { name: m("form.create") }).click();
  await expect(page).toHaveURL(/\/admin\/rewards\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByTestId("reward-stock")).toHaveText("0");

  await page.locator('textarea[name="codes"]').fill(`code\nCAFE-${tag}-1\nCAFE-${tag}-2\nCAFE-${tag}-1\nnot a code\n`);
  await page.getByRole("button", { name: m("codes.import") }).click();
  await expect(page.getByText(msg(EN, "adminMall.codes.summary", { imported: "2", duplicates: "1", existing: "0", invalid: "1" }))).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("reward-stock")).toHaveText("2");
  await expect(page.getByTestId("stock-history").locator("tbody tr")).toHaveCount(1);
});

test("fulfilment: mark a redemption shipped, bulk-ship from a CSV (twice), export the packing list", async () => {
  const first = await redeem();
  const second = await redeem();
  const third = await redeem();

  await page.goto(`/admin/fulfilment?reward=${rewardId}`);
  const queue = page.getByTestId("fulfilment-queue").locator("tbody tr");
  await expect(queue).toHaveCount(3);
  await expect(queue.first()).toContainText("陈静");

  // The packing list: what is still to ship for this reward, with the address.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFredemptionId,status,sku,name,quantity,recipient,phone,address,date");
  for (const id of [first, second, third]) expect(csv).toContain(`${id},placed,${SKU},${NAME},1,陈静,'+86 135 0000 0921,上海市 徐汇区 漕溪北路 88 号 200030,`);

  // One by hand: processing, then shipped with carrier and tracking number.
  await page.goto(`/admin/fulfilment/${first}`);
  await page.getByRole("button", { name: m("fulfilment.startProcessing") }).click();
  await expect(page.getByTestId("redemption-status")).toHaveText(m("statuses.processing"));
  await page.locator('input[name="carrier"]').fill("SF Express");
  await page.locator('input[name="trackingNumber"]').fill(`SF${tag}01`);
  await page.getByRole("button", { name: m("fulfilment.markShipped") }).click();
  await expect(page.getByTestId("redemption-status")).toHaveText(m("statuses.shipped"));
  await expect(page.getByTestId("redemption-tracking")).toHaveText(`SF Express SF${tag}01`);
  await expect(page.locator("main ol li")).toHaveCount(3);
  await shoot(page, "admin-redemption-en");

  // Another from the carrier's file, with one bad row; the same file again changes nothing.
  const file = { name: "shipments.csv", mimeType: "text/csv", buffer: Buffer.from(`redemptionId,carrier,trackingNumber\n${second},ZTO,ZTO${tag}02\nnot-an-id,ZTO,ZTO000\n`) };
  await page.goto("/admin/fulfilment");
  await page.locator('input[name="file"]').setInputFiles(file);
  await page.getByRole("button", { name: m("shipments.import") }).click();
  await expect(page.getByText(msg(EN, "adminMall.shipments.summary", { shipped: "1", skipped: "0", failed: "1" }))).toBeVisible();
  await expect(page.getByTestId("shipment-report").locator("tbody tr").nth(1)).toContainText(m("shipments.reasons.invalid-id"));
  await page.locator('input[name="file"]').setInputFiles(file);
  await page.getByRole("button", { name: m("shipments.import") }).click();
  await expect(page.getByText(msg(EN, "adminMall.shipments.summary", { shipped: "0", skipped: "1", failed: "1" }))).toBeVisible();
  await expect(page.getByTestId("shipment-report").locator("tbody tr").first()).toContainText(m("shipments.reasons.already-shipped"));

  // Only the third is still to ship; cancel it, with the points going back.
  await page.goto(`/admin/fulfilment?reward=${rewardId}`);
  await expect(queue).toHaveCount(1);
  await page.goto(`/admin/fulfilment/${third}`);
  await page.getByRole("button", { name: m("fulfilment.cancel") }).click();
  await expect(page.locator("#cancel-reason-error")).toHaveText(m("fieldErrors.reason"));
  await page.locator('input[name="reason"]').fill("Out of stock at the warehouse");
  await page.getByRole("button", { name: m("fulfilment.cancel") }).click();
  await expect(page.getByTestId("redemption-status")).toHaveText(m("statuses.cancelled"));
  await expect(page.getByText("Out of stock at the warehouse")).toBeVisible();
  await page.goto(`/admin/fulfilment?reward=${rewardId}`);
  await expect(page.getByText(m("fulfilment.noMatch"))).toBeVisible();
});

test("Chinese pages: the new-reward form and the fulfilment queue", async ({ browser, sessionFor }, info) => {
  const zh = await operatorContext(browser, info.project.use.baseURL!, await sessionFor("operator"), "zh-CN");
  const p = await zh.newPage();
  await p.goto("/admin/rewards/new");
  await expect(p.getByRole("heading", { level: 1, name: msg(ZH, "adminMall.rewards.new") })).toBeVisible();
  await shoot(p, "admin-reward-new-zh");
  await p.goto("/admin/fulfilment?status=all");
  await expect(p.getByRole("heading", { level: 1, name: msg(ZH, "adminMall.fulfilment.title") })).toBeVisible();
  await expect(p.getByTestId("fulfilment-queue").getByText(msg(ZH, "adminMall.statuses.shipped")).first()).toBeVisible();
  await shoot(p, "admin-fulfilment-zh");
  await zh.close();
});

// One test per page (each checks four variants); ids come from the journey above.
let axeRedemption: string | undefined;
const AXE_TARGETS: { name: string; url: () => string; prepare?: (p: Page) => Promise<void> }[] = [
  { name: "catalogue", url: () => "/admin/rewards" },
  {
    name: "new reward with errors",
    url: () => "/admin/rewards/new",
    prepare: async (p) => {
      await p.locator('main form button[type="submit"]').first().click();
      await expect(p.locator("#f-sku-error")).toBeVisible();
    },
  },
  { name: "reward", url: () => `/admin/rewards/${rewardId}` },
  { name: "edit reward", url: () => `/admin/rewards/${rewardId}/edit` },
  { name: "fulfilment", url: () => "/admin/fulfilment?status=all" },
  { name: "redemption", url: () => `/admin/fulfilment/${axeRedemption}` },
];

for (const target of AXE_TARGETS) {
  test(`axe: ${target.name} in light/dark × en/zh-CN`, async ({ baseURL }) => {
    test.setTimeout(180_000);
    axeRedemption ??= await redeem();
    for (const theme of ["light", "dark"] as const) {
      for (const locale of ["en", "zh-CN"] as const) {
        await test.step(`${theme}, ${locale}`, async () => {
          await context.addCookies(preferenceCookies(baseURL!, { theme, locale }));
          const res = await page.goto(target.url());
          expect(res?.status()).toBe(200);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          await target.prepare?.(page);
          await expectNoAxeViolations(page, `${target.name} (${theme}, ${locale})`, { soft: true });
        });
      }
    }
    await context.addCookies(preferenceCookies(baseURL!, { theme: "light", locale: "en" }));
  });
}

test.describe("a member", () => {
  test.use({ signedInAs: "member" });

  test("cannot open the admin mall, nor download the packing list", async ({ page: member }) => {
    for (const url of ["/admin/rewards", "/admin/rewards/new", "/admin/fulfilment"]) expect((await member.goto(url))?.status(), url).toBe(403);
    const csv = await member.request.get("/admin/fulfilment/export");
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain("redemptionId");
  });
});

/** A 96×96 PNG (orange with a cup-ish stripe), encoded here so the test needs no fixture file. */
function samplePng(): Buffer {
  const size = 96;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const cup = x > 28 && x < 68 && y > 24 && y < 80;
      const rgb = cup ? [255, 255, 255] : [194 + (y % 8), 65, 12];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
