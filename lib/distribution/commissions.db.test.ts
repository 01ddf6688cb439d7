import { afterEach, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { commissions, distributors, walletEntries } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { credit } from "@/lib/points/ledger";
import { getWallet, upcomingReleases } from "./get-wallet";
import { distributorChain, newDistributor, newMember, publishDistribution, testOrder } from "./testing";
import { verifyWallets } from "./verify-wallets";

const T0 = new Date("2026-11-02T04:00:00Z");
const actor = "test";
const days = (n: number) => new Date(T0.getTime() + n * DAY_MS);

afterEach(async () => {
  await publishDistribution({}); // back to the defaults for the next test
  expect((await verifyWallets()).mismatches).toEqual([]);
  expect((await verifyLedger()).mismatches).toEqual([]);
});

describe("commissions on ingestion (default rules: depth 2 at 10 % / 5 %, frozen 7 days after the 7-day window)", () => {
  test("the buyer's upline is paid on the earning base; pending until the window plus the freeze; then available", async () => {
    const clock = freezeClock(T0);
    const [top, mid] = await distributorChain(2);
    const buyer = await newMember(mid!.code);
    const r = await ingestOrder(testOrder(buyer), { actor });
    // base: 2 × 59.00 − 8.00 = 110.00 (shipping excluded) → 11.00 and 5.50
    const freeAt = days(14).toISOString();
    expect(r.commissions).toEqual([
      { id: expect.any(String), distributorId: mid!.id, level: 1, amountCents: 1100, status: "pending", availableAt: freeAt },
      { id: expect.any(String), distributorId: top!.id, level: 2, amountCents: 550, status: "pending", availableAt: freeAt },
    ]);
    const [row] = await db.select().from(commissions).where(eq(commissions.id, r.commissions[0]!.id));
    expect(row).toMatchObject({ baseCents: 11_000, rateBps: 1000, buyerId: buyer, explanation: { rounding: "floor-per-commission", level: 1, exactCents: "1100" } });
    expect(row!.ruleVersionIds).toHaveLength(2);

    expect(await getWallet(mid!.id)).toMatchObject({ pendingCents: 1100, availableCents: 0 });
    expect(await upcomingReleases(mid!.id)).toEqual([{ availableAt: days(14), cents: 1100 }]);
    clock.set(days(14));
    // Derived at read: no cron, no write.
    expect(await getWallet(mid!.id)).toMatchObject({ pendingCents: 0, availableCents: 1100 });
    expect(await upcomingReleases(mid!.id)).toEqual([]);
  });

  test("depth 3 (acknowledged) over a chain of 4: the 4th ancestor is never paid", async () => {
    freezeClock(T0);
    await publishDistribution({ depth: 3, complianceAcknowledged: true, levelRatesBps: [1000, 500, 200] });
    const chain = await distributorChain(4);
    const buyer = await newMember(chain[3]!.code);
    const r = await ingestOrder(testOrder(buyer), { actor });
    expect(r.commissions.map((c) => [c.distributorId, c.level, c.amountCents])).toEqual([
      [chain[3]!.id, 1, 1100],
      [chain[2]!.id, 2, 550],
      [chain[1]!.id, 3, 220],
    ]);
    expect(await db.select().from(commissions).where(eq(commissions.distributorId, chain[0]!.id))).toEqual([]);
  });

  test("only active distributors in the snapshot are paid: a disabled one is skipped, its level not passed up", async () => {
    freezeClock(T0);
    const top = await newDistributor();
    const mid = await newDistributor(top.code);
    const buyer = await newMember(mid.code);
    await db.update(distributors).set({ status: "disabled" }).where(eq(distributors.memberId, mid.id));
    const r = await ingestOrder(testOrder(buyer), { actor });
    expect(r.commissions.map((c) => [c.distributorId, c.level])).toEqual([[top.id, 2]]);
  });

  test("an order pays the upline of its own time: a later change of distributor status does not touch it", async () => {
    freezeClock(T0);
    const [, mid] = await distributorChain(2);
    const buyer = await newMember(mid!.code);
    const r = await ingestOrder(testOrder(buyer), { actor });
    await db.update(distributors).set({ status: "disabled" }).where(eq(distributors.memberId, mid!.id));
    const second = await ingestOrder(testOrder(buyer), { actor });
    expect(r.commissions).toHaveLength(2);
    expect(second.commissions).toHaveLength(1);
    expect((await getWallet(mid!.id)).pendingCents).toBe(1100);
  });

  test("no upline, no commission; a 1-cent order earns nothing and writes nothing", async () => {
    freezeClock(T0);
    const alone = await newMember();
    expect((await ingestOrder(testOrder(alone), { actor })).commissions).toEqual([]);
    const [, mid] = await distributorChain(2);
    const buyer = await newMember(mid!.code);
    const r = await ingestOrder(testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 1 }], shippingCents: 0 }), { actor });
    expect(r.commissions).toEqual([]);
    expect(await db.select().from(walletEntries).where(eq(walletEntries.distributorId, mid!.id))).toEqual([]);
  });

  test("category and SKU overrides; points paid at checkout are not commissioned", async () => {
    freezeClock(T0);
    await publishDistribution({ categoryRatesBps: { drinks: [2000, 1000] }, skuRatesBps: { CUP: [0, 0] } });
    const [, mid] = await distributorChain(2);
    const buyer = await newMember(mid!.code);
    await db.transaction((tx) => credit(tx, { memberId: buyer, points: 5000, type: "adjust", availableAt: T0, expiresAt: null, reason: "test", actor }));
    const r = await ingestOrder(
      testOrder(buyer, {
        items: [
          { sku: "TEA-01", category: "drinks", quantity: 2, unitPriceCents: 5900, discountCents: 800 },
          { sku: "CUP", category: "drinks", quantity: 1, unitPriceCents: 10_000 },
        ],
        pointsRedeemed: 4200, // ¥42 spread over the lines in proportion: 22.00 on the tea, 20.00 on the cup
      }),
      { actor },
    );
    // tea base 110.00 − 22.00 = 88.00 at 20 % / 10 %; cup at 0
    expect(r.commissions.map((c) => c.amountCents)).toEqual([1760, 880]);
  });

  test("self-purchase on: the distributor earns level 1 on their own order and their referrer level 2", async () => {
    freezeClock(T0);
    await publishDistribution({ selfPurchase: true });
    const [top, mid] = await distributorChain(2);
    const r = await ingestOrder(testOrder(mid!.id), { actor });
    expect(r.commissions.map((c) => [c.distributorId, c.level, c.amountCents])).toEqual([
      [mid!.id, 1, 1100],
      [top!.id, 2, 550],
    ]);
    await publishDistribution({ selfPurchase: false });
    const off = await ingestOrder(testOrder(mid!.id), { actor });
    expect(off.commissions.map((c) => [c.distributorId, c.level])).toEqual([[top!.id, 1]]);
  });

  test("an old order (past its freeze) is available at once", async () => {
    freezeClock(T0);
    const [, mid] = await distributorChain(2);
    const buyer = await newMember(mid!.code);
    const r = await ingestOrder(testOrder(buyer, { placedAt: days(-30).toISOString() }), { actor });
    expect(r.commissions.map((c) => c.status)).toEqual(["available", "available"]);
    expect(await getWallet(mid!.id)).toMatchObject({ pendingCents: 0, availableCents: 1100 });
  });
});

describe("reversals on refunds", () => {
  test("partial refunds in several steps add up exactly to the commission", async () => {
    freezeClock(T0);
    const [top, mid] = await distributorChain(2);
    const buyer = await newMember(mid!.code);
    const o = testOrder(buyer, { externalId: `REV-${T0.getTime()}-${Math.random()}` });
    const r = await ingestOrder(o, { actor }); // paid 120.00, commissions 11.00 and 5.50
    const [c1, c2] = r.commissions;
    const a = await refundOrder(o.externalId, { amountCents: 3333 }, { actor });
    // floor(1100 × 3333/12000) = 305, floor(550 × 3333/12000) = 152
    expect(a.commissionsReversed).toEqual([
      { commissionId: c1!.id, amountCents: 305 },
      { commissionId: c2!.id, amountCents: 152 },
    ]);
    const b = await refundOrder(o.externalId, { amountCents: 1 }, { actor });
    expect(b.commissionsReversed).toEqual([]); // 3334/12000 of 1100 is still 305
    const c = await refundOrder(o.externalId, { amountCents: 5000 }, { actor });
    const d = await refundOrder(o.externalId, {}, { actor });
    const total = (id: string) => [a, b, c, d].flatMap((x) => x.commissionsReversed).filter((x) => x.commissionId === id).reduce((s, x) => s + x.amountCents, 0);
    expect(total(c1!.id)).toBe(1100);
    expect(total(c2!.id)).toBe(550);
    expect(await getWallet(mid!.id)).toMatchObject({ pendingCents: 0, availableCents: 0, adjustmentCents: 0 });
    expect(await getWallet(top!.id)).toMatchObject({ pendingCents: 0, availableCents: 0 });
    const rows = await db.select().from(commissions).where(eq(commissions.orderId, r.id));
    expect(rows.map((x) => [x.status, x.reversedCents])).toEqual(expect.arrayContaining([["reversed", 1100], ["reversed", 550]]));
  });

  test("a refund after the commission freed up takes it from available", async () => {
    const clock = freezeClock(T0);
    const [, mid] = await distributorChain(2);
    const buyer = await newMember(mid!.code);
    const o = testOrder(buyer, { externalId: `AV-${T0.getTime()}-${Math.random()}` });
    await ingestOrder(o, { actor });
    clock.set(days(20));
    const r = await refundOrder(o.externalId, { amountCents: 6000 }, { actor });
    expect(r.commissionsReversed.map((x) => x.amountCents)).toEqual([550, 275]);
    expect(await getWallet(mid!.id)).toMatchObject({ pendingCents: 0, availableCents: 550, adjustmentCents: 0 });
    const types = await db.select({ type: walletEntries.type }).from(walletEntries).where(eq(walletEntries.distributorId, mid!.id));
    expect(types.map((t) => t.type).sort()).toEqual(["commission", "release", "reversal"]);
  });
});
