import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { couponCodes, redemptions } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { createdAtIdKey, decodeCursor } from "@/lib/api/pagination";
import { cancelRedemption } from "./cancel-redemption";
import { couponValidity, listMemberRedemptions, memberCoupons, memberRedemption, redemptionByRequestKey } from "./member-redemptions";
import { redeemReward } from "./redeem-reward";
import { memberWithPoints, testReward } from "./testing";

const T0 = new Date("2026-06-01T04:00:00Z");
const web = { source: "web" as const, actor: "member" };

describe("listMemberRedemptions", () => {
  test("the member's own, newest first, page by page, with the reward's name", async () => {
    const clock = freezeClock(T0);
    const m = await memberWithPoints(10_000);
    const other = await memberWithPoints(10_000);
    const reward = await testReward({ name: "马克杯", nameEn: "Mug", pointsPrice: 100 });
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000);
      mine.push((await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1 })).id);
      await redeemReward({ ...web, memberId: other, rewardId: reward.id, quantity: 1 });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listMemberRedemptions>> = await listMemberRedemptions(m, { limit: 2, cursor: cursor ? decodeCursor(createdAtIdKey, cursor)! : undefined });
      seen.push(...page.rows.map((r) => r.id));
      expect(page.rows.every((r) => r.reward.name === "马克杯" && r.reward.nameEn === "Mug")).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...mine].reverse());
  });
});

describe("memberRedemption", () => {
  test("the timeline oldest first, with the cancellation; another member gets nothing", async () => {
    const clock = freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const reward = await testReward({ type: "physical", pointsPrice: 300 });
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1, shippingAddress: { recipient: "陈静" } });
    clock.advance(DAY_MS);
    await cancelRedemption({ redemptionId: r.id, by: "member", memberId: m, actor: "member", reason: "changed my mind" });

    const view = await memberRedemption(m, r.id);
    expect(view!.redemption).toMatchObject({ id: r.id, status: "cancelled", pointsSpent: 300, shippingAddress: { recipient: "陈静" } });
    expect(view!.events.map((e) => [e.status, e.note])).toEqual([
      ["placed", null],
      ["cancelled", "changed my mind"],
    ]);
    expect(view!.coupons).toEqual([]);
    expect(await memberRedemption(await memberWithPoints(0), r.id)).toBeNull();
    expect(await memberRedemption(m, "0190a000-0000-7000-8000-000000000000")).toBeNull();
  });

  test("a coupon redemption carries its codes", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const reward = await testReward({ type: "coupon", couponSource: "pattern", couponPattern: "JF-XXXXXXXX", couponValidDays: 30 });
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 2 });
    const view = await memberRedemption(m, r.id);
    expect(view!.coupons.map((c) => c.code).sort()).toEqual(r.coupons!.map((c) => c.code).sort());
    expect(view!.events.map((e) => e.status)).toEqual(["placed", "delivered"]);
  });
});

describe("redemptionByRequestKey", () => {
  test("finds the redemption a confirmation token made, for that member only", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_000);
    const reward = await testReward();
    expect(await redemptionByRequestKey(m, "tok-a")).toBeNull();
    const r = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1, requestKey: "tok-a" });
    expect(await redemptionByRequestKey(m, "tok-a")).toBe(r.id);
    expect(await redemptionByRequestKey(await memberWithPoints(0), "tok-a")).toBeNull();
  });
});

describe("coupon wallet", () => {
  test.each([
    { what: "issued, no end", c: { status: "issued", validUntil: null, usedAt: null }, v: "valid" },
    { what: "issued, ends later", c: { status: "issued", validUntil: new Date(T0.getTime() + 1), usedAt: null }, v: "valid" },
    { what: "issued, ended exactly now", c: { status: "issued", validUntil: T0, usedAt: null }, v: "expired" },
    { what: "used (after its end too)", c: { status: "used", validUntil: new Date(T0.getTime() - DAY_MS), usedAt: T0 }, v: "used" },
    { what: "void", c: { status: "void", validUntil: null, usedAt: null }, v: "void" },
  ] as const)("$what → $v", ({ c, v }) => {
    expect(couponValidity(c, T0)).toBe(v);
  });

  test("the member's codes, newest first, each with its reward; never another member's", async () => {
    const clock = freezeClock(T0);
    const m = await memberWithPoints(10_000);
    const other = await memberWithPoints(10_000);
    const shortLived = await testReward({ type: "coupon", name: "运费券", nameEn: "Free shipping", couponValidDays: 1 });
    const longLived = await testReward({ type: "coupon", name: "代金券", nameEn: "Cash coupon" });
    const first = await redeemReward({ ...web, memberId: m, rewardId: shortLived.id, quantity: 1 });
    clock.advance(60_000);
    const second = await redeemReward({ ...web, memberId: m, rewardId: longLived.id, quantity: 2 });
    await redeemReward({ ...web, memberId: other, rewardId: longLived.id, quantity: 1 });
    await db.update(couponCodes).set({ status: "used", usedAt: new Date(T0.getTime() + 120_000) }).where(eq(couponCodes.code, second.coupons![0]!.code));

    const wallet = await memberCoupons(m, { limit: 10 });
    expect(wallet.nextCursor).toBeNull();
    expect(wallet.rows.map((c) => c.code).slice(2)).toEqual([first.coupons![0]!.code]);
    expect(new Set(wallet.rows.slice(0, 2).map((c) => c.code))).toEqual(new Set(second.coupons!.map((c) => c.code)));
    expect(wallet.rows.map((c) => c.reward.nameEn)).toEqual(["Cash coupon", "Cash coupon", "Free shipping"]);
    const at = new Date(T0.getTime() + 2 * DAY_MS);
    expect(wallet.rows.map((c) => couponValidity(c, at)).sort()).toEqual(["expired", "used", "valid"]);

    // Paging gives the same list.
    const p1 = await memberCoupons(m, { limit: 2 });
    const p2 = await memberCoupons(m, { limit: 2, cursor: decodeCursor(createdAtIdKey, p1.nextCursor!)! });
    expect([...p1.rows, ...p2.rows].map((c) => c.id)).toEqual(wallet.rows.map((c) => c.id));
    expect(p2.nextCursor).toBeNull();
    expect((await db.select().from(redemptions).where(eq(redemptions.memberId, m))).length).toBe(2);
  });
});
