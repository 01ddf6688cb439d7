// The mall over the Integration API through the real route handlers: rewards, redemptions and
// coupon codes — contract shapes, error types, replays, and bad input that writes nothing.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { redemptions, rewards } from "@/db/schema";
import { createApiKey } from "@/lib/admin/api-keys";
import { freezeClock } from "@/lib/clock";
import { read, request } from "@/lib/api/testing/fake-endpoints";
import { memberWithPoints } from "@/lib/mall/testing";
import { GET as listRewards, POST as postReward } from "@/app/api/v1/rewards/route";
import { POST as postRedemption } from "@/app/api/v1/redemptions/route";
import { GET as getCoupon } from "@/app/api/v1/coupons/[code]/route";
import { POST as useCoupon } from "@/app/api/v1/coupons/[code]/use/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";

// A created reward marks the members' cached catalogue stale once the response is sent (after()).
const catalogueChanged = vi.hoisted(() => vi.fn());
vi.mock("@/lib/mall/catalogue-cache", () => ({ catalogueChanged }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: (task: () => void) => task() }));

let key: string;
let readOnly: string;
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
const rewardCount = async () => (await db.select({ n: count() }).from(rewards))[0]!.n;
const redemptionCount = async () => (await db.select({ n: count() }).from(redemptions))[0]!.n;

beforeAll(async () => {
  freezeClock("2026-05-06T04:00:00Z");
  key = (await createApiKey({ name: "shop", scopes: ["rewards", "redemptions", "read"] })).secret;
  readOnly = (await createApiKey({ name: "bi", scopes: ["read"] })).secret;
});

const post = async (handler: typeof postReward, path: string, body: unknown, idem: string, k = key, ctx?: ReturnType<typeof params>) =>
  read(await (handler as (r: Request, c?: unknown) => Promise<Response>)(request("POST", { key: k, idem, body, path }), ctx));

describe("rewards", () => {
  test("create → 201 Reward; duplicate sku → 409; list pages newest first", async () => {
    const a = await post(postReward, "/api/v1/rewards", { sku: "MUG-1", name: "马克杯", type: "physical", pointsPrice: 3000, stock: 5 }, "r1");
    expect(a).toMatchObject({ status: 201, json: { sku: "MUG-1", name: "马克杯", type: "physical", pointsPrice: 3000, stock: 5, perMemberLimit: null, tierCodes: [], active: true } });
    const b = await post(postReward, "/api/v1/rewards", { sku: "VIP-1", name: "VIP", type: "virtual", pointsPrice: 100 }, "r2");
    expect(b.json.stock).toBeNull(); // unlimited
    expect(catalogueChanged).toHaveBeenCalledTimes(2);
    const dup = await post(postReward, "/api/v1/rewards", { sku: "MUG-1", name: "again", type: "physical", pointsPrice: 1 }, "r3");
    expect(dup).toMatchObject({ status: 409, json: { type: "duplicate" } });
    expect(catalogueChanged).toHaveBeenCalledTimes(2);
    const page1 = await read(await listRewards(request("GET", { key: readOnly, path: "/api/v1/rewards?limit=1" })));
    expect(page1.json.rewards.map((r: { sku: string }) => r.sku)).toEqual(["VIP-1"]);
    const page2 = await read(await listRewards(request("GET", { key: readOnly, path: `/api/v1/rewards?limit=1&cursor=${page1.json.nextCursor}` })));
    expect(page2.json.rewards.map((r: { sku: string }) => r.sku)).toEqual(["MUG-1"]);
  });

  test.each([
    { what: "price 0", body: { sku: "X1", name: "x", type: "virtual", pointsPrice: 0 }, path: "pointsPrice" },
    { what: "negative stock", body: { sku: "X2", name: "x", type: "virtual", pointsPrice: 1, stock: -1 }, path: "stock" },
    { what: "unknown type", body: { sku: "X3", name: "x", type: "car", pointsPrice: 1 }, path: "type" },
    { what: "float price", body: { sku: "X4", name: "x", type: "virtual", pointsPrice: 1.5 }, path: "pointsPrice" },
    { what: "javascript: image", body: { sku: "X5", name: "x", type: "virtual", pointsPrice: 1, imageUrl: "javascript:alert(1)" }, path: "imageUrl" },
    { what: "weak coupon pattern", body: { sku: "X6", name: "x", type: "coupon", pointsPrice: 1, couponSource: "pattern", couponPattern: "AB-99" }, path: "couponPattern" },
  ])("bad reward ($what) → 400 at $path, nothing written", async ({ body, path }) => {
    const before = await rewardCount();
    const res = await post(postReward, "/api/v1/rewards", body, `bad-${path}`);
    expect(res).toMatchObject({ status: 400, json: { type: "invalid-request" } });
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await rewardCount()).toBe(before);
  });

  test("HTML in a name is stored as given (pages render it as text)", async () => {
    const res = await post(postReward, "/api/v1/rewards", { sku: "XSS-1", name: "<script>alert(1)</script>", type: "virtual", pointsPrice: 1 }, "xss");
    expect(res.json.name).toBe("<script>alert(1)</script>");
  });

  test("scopes: a read-only key cannot create", async () => {
    const res = await post(postReward, "/api/v1/rewards", { sku: "RO", name: "x", type: "virtual", pointsPrice: 1 }, "ro", readOnly);
    expect(res).toMatchObject({ status: 403, json: { type: "forbidden" } });
  });
});

describe("redemptions", () => {
  test("201 with points spent; a replay returns the first response; errors are the contract's types", async () => {
    const m = await memberWithPoints(1_000);
    const reward = (await post(postReward, "/api/v1/rewards", { sku: "CUP-1", name: "Cup", type: "physical", pointsPrice: 400, stock: 1, perMemberLimit: 1 }, "cup")).json;
    const body = { memberId: m, rewardId: reward.id, quantity: 1, shippingAddress: { recipient: "陈静", line: "上海市…" } };
    const ok = await post(postRedemption, "/api/v1/redemptions", body, "red-1");
    expect(ok).toMatchObject({ status: 201, json: { status: "placed", pointsSpent: 400, balanceAfter: 600 } });
    const replay = await post(postRedemption, "/api/v1/redemptions", body, "red-1");
    expect(replay.text).toBe(ok.text);
    expect(await post(postRedemption, "/api/v1/redemptions", body, "red-2")).toMatchObject({ status: 409, json: { type: "limit-reached" } });

    const other = await memberWithPoints(1_000);
    expect(await post(postRedemption, "/api/v1/redemptions", { ...body, memberId: other }, "red-3")).toMatchObject({ status: 409, json: { type: "out-of-stock" } });
    const poor = await memberWithPoints(10);
    const vip = (await post(postReward, "/api/v1/rewards", { sku: "VIP-9", name: "VIP", type: "virtual", pointsPrice: 100 }, "vip")).json;
    expect(await post(postRedemption, "/api/v1/redemptions", { memberId: poor, rewardId: vip.id, quantity: 1 }, "red-4")).toMatchObject({ status: 409, json: { type: "insufficient-points" } });
    const off = (await post(postReward, "/api/v1/rewards", { sku: "OFF-1", name: "Off", type: "virtual", pointsPrice: 1, active: false }, "off")).json;
    expect(await post(postRedemption, "/api/v1/redemptions", { memberId: other, rewardId: off.id, quantity: 1 }, "red-5")).toMatchObject({ status: 409, json: { type: "not-eligible" } });
  });

  test.each([
    { what: "negative quantity", patch: { quantity: -1 }, path: "quantity" },
    { what: "quantity 10^9", patch: { quantity: 1_000_000_000 }, path: "quantity" },
    { what: "quantity as a string", patch: { quantity: "1" }, path: "quantity" },
    { what: "reward id not a uuid", patch: { rewardId: "'; drop table rewards; --" }, path: "rewardId" },
  ])("bad redemption ($what) → 400, nothing written", async ({ patch, path }) => {
    const m = await memberWithPoints(1_000);
    const before = await redemptionCount();
    const res = await post(postRedemption, "/api/v1/redemptions", { memberId: m, rewardId: "0190a000-0000-7000-8000-000000000001", quantity: 1, ...patch }, `bad-red-${path}-${JSON.stringify(patch)}`);
    expect(res).toMatchObject({ status: 400, json: { type: "invalid-request" } });
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await redemptionCount()).toBe(before);
  });

  test("an unknown reward → 404", async () => {
    const m = await memberWithPoints(1_000);
    const res = await post(postRedemption, "/api/v1/redemptions", { memberId: m, rewardId: "0190a000-0000-7000-8000-000000000001", quantity: 1 }, "unknown-reward");
    expect(res).toMatchObject({ status: 404, json: { type: "not-found" } });
  });
});

describe("coupons", () => {
  test("redeem a coupon reward, look the code up, mark it used once", async () => {
    const m = await memberWithPoints(1_000);
    const reward = (await post(postReward, "/api/v1/rewards", { sku: "CPN-10", name: "¥10 券", type: "coupon", pointsPrice: 100, couponValidDays: 30 }, "cpn")).json;
    const r = await post(postRedemption, "/api/v1/redemptions", { memberId: m, rewardId: reward.id, quantity: 1 }, "cpn-r");
    expect(r).toMatchObject({ status: 201, json: { status: "delivered", coupons: [{ code: expect.any(String) }] } });
    const code = r.json.coupons[0].code as string;
    const looked = await read(await getCoupon(request("GET", { key: readOnly, path: `/api/v1/coupons/${code}` }), params({ code })));
    expect(looked.json).toMatchObject({ code, rewardSku: "CPN-10", memberId: m, status: "valid", usedAt: null });
    const used = await post(useCoupon as typeof postReward, `/api/v1/coupons/${code}/use`, { reference: "SO-1" }, "use-1", key, params({ code }));
    expect(used).toMatchObject({ status: 200, json: { status: "used", usedReference: "SO-1" } });
    // Same reference, new idempotency key (a till retrying): harmless. Another order: 409.
    expect(await post(useCoupon as typeof postReward, `/api/v1/coupons/${code}/use`, { reference: "SO-1" }, "use-2", key, params({ code }))).toMatchObject({ status: 200 });
    expect(await post(useCoupon as typeof postReward, `/api/v1/coupons/${code}/use`, { reference: "SO-2" }, "use-3", key, params({ code }))).toMatchObject({ status: 409, json: { type: "conflict" } });
    expect(await read(await getCoupon(request("GET", { key: readOnly, path: "/api/v1/coupons/NOPE" }), params({ code: "NOPE" })))).toMatchObject({ status: 404 });
  });
});

test("the OpenAPI document lists the mall endpoints", async () => {
  const doc = (await read(await openapi())).json;
  for (const p of ["/api/v1/rewards", "/api/v1/redemptions", "/api/v1/coupons/{code}", "/api/v1/coupons/{code}/use"]) expect(doc.paths[p], p).toBeDefined();
  expect(doc.components.schemas.Reward).toBeDefined();
});

test("rewards table untouched by a failed redemption's stock check", async () => {
  const [cup] = await db.select().from(rewards).where(eq(rewards.sku, "CUP-1"));
  expect(cup).toMatchObject({ stock: 0, redeemedCount: 1 });
});
