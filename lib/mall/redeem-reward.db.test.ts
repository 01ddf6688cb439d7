import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { couponCodes, pointEntries, redemptionEvents, redemptions, rewards, stockMovements } from "@/db/schema";
import { DAY_MS, freezeClock, now } from "@/lib/clock";
import { getBalance } from "@/lib/points/get-balance";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { cancelRedemption } from "./cancel-redemption";
import { redeemReward } from "./redeem-reward";
import { memberWithPoints, testReward } from "./testing";

const T0 = new Date("2026-06-01T04:00:00Z");
const web = { source: "web" as const, actor: "member" };

async function state(rewardId: string, memberId: string) {
  const [reward] = await db.select().from(rewards).where(eq(rewards.id, rewardId));
  return { stock: reward!.stock, redeemedCount: reward!.redeemedCount, balance: (await getBalance(memberId)).available, entries: (await db.select().from(pointEntries).where(eq(pointEntries.memberId, memberId))).length };
}

describe("redeemReward", () => {
  test("spends the points, takes the stock, writes the timeline and the stock movement", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const reward = await testReward({ type: "physical", pointsPrice: 300, stock: 5 });
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 2, shippingAddress: { recipient: "王芳" } });
    expect(r).toMatchObject({ status: "placed", quantity: 2, unitPoints: 300, pointsSpent: 600, balanceAfter: 400 });
    expect(await state(reward.id, m)).toMatchObject({ stock: 3, redeemedCount: 2, balance: 400 });
    const events = await db.select().from(redemptionEvents).where(eq(redemptionEvents.redemptionId, r.id));
    expect(events.map((e) => e.status)).toEqual(["placed"]);
    const moves = await db.select().from(stockMovements).where(eq(stockMovements.rewardId, reward.id));
    expect(moves.map((x) => [x.delta, x.stockAfter]).sort()).toEqual([[-2, 3], [5, 5]]);
  });

  test("applies the tier's catalogue discount, rounded in the merchant's favour", async () => {
    freezeClock(T0);
    // Default tiers: Silver 5 % off, Gold 10 % off (lib/rules DEFAULT_RULES).
    const m = await memberWithPoints(10_000, { tierCode: "gold" });
    const reward = await testReward({ pointsPrice: 999 });
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1 });
    expect(r.unitPoints).toBeLessThan(999);
    const [row] = await db.select().from(redemptions).where(eq(redemptions.id, r.id));
    expect(row).toMatchObject({ tierCode: "gold", unitPoints: r.unitPoints });
    expect(row!.unitPoints).toBe(999 - Math.floor((999 * row!.discountBps) / 10_000));
  });

  test.each([
    { what: "not enough points", points: 99, reward: {}, quantity: 1, code: "insufficient-points" },
    { what: "sold out", points: 1_000, reward: { stock: 1 }, quantity: 2, code: "out-of-stock" },
    { what: "per-member limit", points: 1_000, reward: { perMemberLimit: 1 }, quantity: 2, code: "limit-reached" },
    { what: "inactive", points: 1_000, reward: { active: false }, quantity: 1, code: "not-eligible" },
    { what: "not started", points: 1_000, reward: { startsAt: new Date(T0.getTime() + DAY_MS).toISOString() }, quantity: 1, code: "not-eligible" },
    { what: "ended", points: 1_000, reward: { endsAt: new Date(T0.getTime() - 1).toISOString() }, quantity: 1, code: "not-eligible" },
    { what: "another tier's reward", points: 1_000, reward: { tierCodes: ["gold"] }, quantity: 1, code: "not-eligible" },
  ])("refused ($what): $code, nothing written", async ({ points, reward: overrides, quantity, code }) => {
    freezeClock(T0);
    const m = await memberWithPoints(points);
    const reward = await testReward({ pointsPrice: 100, stock: 10, ...overrides });
    const before = await state(reward.id, m);
    await expect(redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity })).rejects.toMatchObject({ code });
    expect(await state(reward.id, m)).toEqual(before);
    expect(await db.select().from(redemptions).where(eq(redemptions.memberId, m))).toEqual([]);
  });

  test("the insufficient-points error says how many more are needed", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(250);
    const reward = await testReward({ pointsPrice: 100 });
    await expect(redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 3 })).rejects.toMatchObject({ code: "insufficient-points", params: { missing: 50 } });
  });

  test.each([0, -1, 100, 1e9, 1.5])("quantity %s is a 400 with its path", async (quantity) => {
    const m = await memberWithPoints(100);
    const reward = await testReward();
    await expect(redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity })).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "quantity" }] });
  });

  test("an unknown reward is not found; an unknown member is a 400", async () => {
    const m = await memberWithPoints(100);
    const reward = await testReward();
    await expect(redeemReward({ ...web, memberId: m, rewardId: "0190a000-0000-7000-8000-000000000000", quantity: 1 })).rejects.toMatchObject({ code: "not-found" });
    await expect(redeemReward({ ...web, memberId: "0190a000-0000-7000-8000-000000000000", rewardId: reward.id, quantity: 1 })).rejects.toMatchObject({ code: "invalid-request" });
  });

  test("the same confirmation token twice redeems once and returns the first redemption", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const reward = await testReward({ pointsPrice: 100, stock: 10 });
    const first = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1, requestKey: "tok-1" });
    const again = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1, requestKey: "tok-1" });
    expect(again.id).toBe(first.id);
    expect(await state(reward.id, m)).toMatchObject({ stock: 9, balance: 900 });
  });

  test("coupons by pattern: one unique code per unit, valid for the configured days", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const reward = await testReward({ type: "coupon", couponSource: "pattern", couponPattern: "JF-XXXX-9999", couponValidDays: 30 });
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 3 });
    expect(r.status).toBe("delivered");
    expect(r.coupons).toHaveLength(3);
    for (const c of r.coupons!) {
      expect(c.code).toMatch(/^JF-[A-Z2-9]{4}-[2-9]{4}$/);
      expect(c.validUntil).toBe(new Date(T0.getTime() + 30 * DAY_MS).toISOString());
    }
    expect(new Set(r.coupons!.map((c) => c.code)).size).toBe(3);
  });

  test("coupons from a pool: the stock is the pool, and an empty pool is sold out", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const reward = await testReward({ type: "coupon", couponSource: "pool" });
    expect(reward.stock).toBe(0);
    await db.insert(couponCodes).values(["P-1", "P-2"].map((code, i) => ({ id: `0190a000-0000-7000-8000-00000000000${i}`, rewardId: reward.id, code, status: "available" as const, createdAt: now() })));
    await db.update(rewards).set({ stock: 2 }).where(eq(rewards.id, reward.id));
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 2 });
    expect(r.coupons!.map((c) => c.code).sort()).toEqual(["P-1", "P-2"]);
    await expect(redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1 })).rejects.toMatchObject({ code: "out-of-stock" });
  });
});

describe("cancelRedemption", () => {
  test("restores exactly the lots used, the stock, and records the cancellation", async () => {
    const clock = freezeClock(T0);
    const m = await memberWithPoints(0);
    const { credit } = await import("@/lib/points/ledger");
    const soon = await db.transaction((tx) => credit(tx, { memberId: m, points: 100, type: "adjust", reason: "t", actor: "t", availableAt: T0, expiresAt: new Date(T0.getTime() + 10 * DAY_MS) }));
    const late = await db.transaction((tx) => credit(tx, { memberId: m, points: 500, type: "adjust", reason: "t", actor: "t", availableAt: T0, expiresAt: null }));
    const reward = await testReward({ type: "physical", pointsPrice: 150, stock: 3 });
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1 });
    const lotsAfterSpend = await db.query.pointLots.findMany({ where: (l, { eq }) => eq(l.memberId, m) });
    expect(lotsAfterSpend.find((l) => l.id === soon.lotId)!.remaining).toBe(0); // soonest-expiring first
    expect(lotsAfterSpend.find((l) => l.id === late.lotId)!.remaining).toBe(450);

    clock.set(new Date(T0.getTime() + DAY_MS));
    const cancelled = await cancelRedemption({ redemptionId: r.id, by: "member", memberId: m, actor: "member", reason: "changed my mind" });
    expect(cancelled.status).toBe("cancelled");
    const lots = await db.query.pointLots.findMany({ where: (l, { eq }) => eq(l.memberId, m) });
    expect(lots.find((l) => l.id === soon.lotId)!.remaining).toBe(100);
    expect(lots.find((l) => l.id === late.lotId)!.remaining).toBe(500);
    expect(await state(reward.id, m)).toMatchObject({ stock: 3, redeemedCount: 0, balance: 600 });
    const events = await db.select().from(redemptionEvents).where(eq(redemptionEvents.redemptionId, r.id));
    expect(events.map((e) => [e.status, e.note])).toEqual([["placed", null], ["cancelled", "changed my mind"]]);

    // Twice: a no-op.
    await cancelRedemption({ redemptionId: r.id, by: "member", memberId: m, actor: "member" });
    expect((await getBalance(m)).available).toBe(600);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("a member cannot cancel someone else's redemption, nor one already processing", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const other = await memberWithPoints(0);
    const reward = await testReward({ type: "physical", pointsPrice: 100 });
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1 });
    await expect(cancelRedemption({ redemptionId: r.id, by: "member", memberId: other, actor: "x" })).rejects.toMatchObject({ code: "not-found" });
    await db.update(redemptions).set({ status: "processing" }).where(eq(redemptions.id, r.id));
    await expect(cancelRedemption({ redemptionId: r.id, by: "member", memberId: m, actor: "x" })).rejects.toMatchObject({ code: "conflict" });
    const byStaff = await cancelRedemption({ redemptionId: r.id, by: "staff", actor: "operator@x", reason: "out of stock at the warehouse" });
    expect(byStaff.status).toBe("cancelled");
    expect((await getBalance(m)).available).toBe(1_000);
  });

  test("coupons already handed over cannot be cancelled", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const reward = await testReward({ type: "coupon" });
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1 });
    await expect(cancelRedemption({ redemptionId: r.id, by: "staff", actor: "x" })).rejects.toMatchObject({ code: "conflict" });
  });
});
