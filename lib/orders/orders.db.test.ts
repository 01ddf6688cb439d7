import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { members, orders, pointEntries, users } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { credit } from "@/lib/points/ledger";
import { getBalance } from "@/lib/points/get-balance";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";
import { ingestOrder } from "./ingest-order";
import { refundOrder } from "./refund-order";
import { createOrderSchema, type CreateOrderInput } from "./schemas";

const T0 = new Date("2026-04-01T04:00:00Z"); // a Wednesday, midday in Shanghai
const actor = "test";

async function newMember(): Promise<string> {
  await ensureDefaultRules();
  const id = newId();
  await db.insert(users).values({ id, email: `${id}@t.test`, createdAt: T0, updatedAt: T0 });
  await db.insert(members).values({ id, createdAt: T0 });
  return id;
}
const order = (memberId: string, o: Partial<CreateOrderInput> = {}) =>
  createOrderSchema.parse({ externalId: `SO-${newId()}`, memberId, items: [{ sku: "TEA-01", category: "drinks", quantity: 2, unitPriceCents: 5900, discountCents: 800 }], shippingCents: 1000, ...o });
async function giveAvailable(memberId: string, points: number) {
  await db.transaction((tx) => credit(tx, { memberId, points, type: "adjust", availableAt: T0, expiresAt: null, reason: "test", actor }));
}

describe("ingestOrder with the default rules", () => {
  test("1 point per full ¥1 of goods after discounts, without shipping; pending for 7 days", async () => {
    const clock = freezeClock(T0);
    const m = await newMember();
    const r = await ingestOrder(order(m), { actor });
    // goods 2 × 59.00 − 8.00 = 110.00 → 110 points; paid includes shipping
    expect(r).toMatchObject({ paidCents: 12000, points: { awarded: 110, status: "pending" }, pointsRedeemed: 0, commissions: [] });
    expect(r.points.ruleVersionIds.length).toBeGreaterThan(0);
    expect(await getBalance(m)).toMatchObject({ available: 0, pending: 110, lifetimeEarned: 110 });
    clock.set(new Date(T0.getTime() + 7 * DAY_MS));
    expect(await getBalance(m)).toMatchObject({ available: 110, pending: 0 });
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("bad input writes nothing: unknown member, future placedAt, duplicate externalId", async () => {
    freezeClock(T0);
    const m = await newMember();
    await expect(ingestOrder(order(newId()), { actor })).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "memberId" }] });
    await expect(ingestOrder(order(m, { placedAt: new Date(T0.getTime() + 2 * DAY_MS).toISOString() }), { actor })).rejects.toMatchObject({ errors: [{ path: "placedAt" }] });
    const o = order(m, { externalId: "DUP-1" });
    await ingestOrder(o, { actor });
    await expect(ingestOrder(o, { actor })).rejects.toMatchObject({ code: "duplicate" });
    expect(await db.select().from(orders).where(eq(orders.memberId, m))).toHaveLength(1);
    expect(createOrderSchema.safeParse({ ...o, currency: "USD" }).error?.issues[0]?.path).toEqual(["currency"]);
    expect(createOrderSchema.safeParse({ ...o, items: [{ sku: "X", quantity: 1.5, unitPriceCents: 10 }] }).error?.issues[0]?.path).toEqual(["items", 0, "quantity"]);
    expect(createOrderSchema.safeParse({ ...o, items: [{ sku: "X", quantity: 1, unitPriceCents: 1e15 }] }).success).toBe(false);
  });

  test("an order already past expiry earns points that are expired at once", async () => {
    freezeClock(T0);
    const m = await newMember();
    const r = await ingestOrder(order(m, { placedAt: new Date(T0.getTime() - 400 * DAY_MS).toISOString() }), { actor });
    expect(r.points).toMatchObject({ awarded: 110, status: "expired" });
    const entries = await db.select().from(pointEntries).where(eq(pointEntries.memberId, m));
    expect(entries.map((e) => e.type).sort()).toEqual(["earn", "expire"]);
    expect((await getBalance(m)).available).toBe(0);
  });

  test("points at checkout: spent from the balance, capped at 50% of goods, given back in proportion on refund", async () => {
    freezeClock(T0);
    const m = await newMember();
    await giveAvailable(m, 10_000);
    // goods 110.00: at most 55.00 = 5,500 points
    await expect(ingestOrder(order(m, { pointsRedeemed: 5600 }), { actor })).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "pointsRedeemed" }] });
    const r = await ingestOrder(order(m, { externalId: "PTS-1", pointsRedeemed: 5000 }), { actor });
    // paid = 110 + 10 shipping − 50 = 70.00; earning base = 110 − 50 = 60 → 60 points
    expect(r).toMatchObject({ paidCents: 7000, pointsRedeemed: 5000, points: { awarded: 60 } });
    expect((await getBalance(m)).available).toBe(5000);
    const half = await refundOrder("PTS-1", { amountCents: 3500 }, { actor });
    expect(half).toMatchObject({ refundedCents: 3500, pointsReversed: 30, pointsRestored: 2500 });
    const rest = await refundOrder("PTS-1", {}, { actor });
    expect(rest).toMatchObject({ refundedCents: 3500, pointsReversed: 30, pointsRestored: 2500 });
    await expect(refundOrder("PTS-1", { amountCents: 1 }, { actor })).rejects.toMatchObject({ code: "refund-exceeds-order" });
    expect(await getBalance(m)).toMatchObject({ available: 10_000, pending: 0, debt: 0 });
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("insufficient points at checkout writes nothing", async () => {
    freezeClock(T0);
    const m = await newMember();
    await giveAvailable(m, 100);
    await expect(ingestOrder(order(m, { externalId: "NOPTS", pointsRedeemed: 200 }), { actor })).rejects.toMatchObject({ code: "insufficient-points" });
    expect(await db.select().from(orders).where(eq(orders.externalId, "NOPTS"))).toHaveLength(0);
    expect((await getBalance(m)).available).toBe(100);
  });

  test("refunding points already spent takes them back as debt, settled by the next order", async () => {
    const clock = freezeClock(T0);
    const m = await newMember();
    await ingestOrder(order(m, { externalId: "SPENT-1" }), { actor });
    clock.set(new Date(T0.getTime() + 8 * DAY_MS));
    const { debit } = await import("@/lib/points/ledger");
    await db.transaction((tx) => debit(tx, { memberId: m, points: 100, type: "spend", onShortfall: "reject", reason: "redeem", actor }));
    const r = await refundOrder("SPENT-1", {}, { actor });
    expect(r.pointsReversed).toBe(110);
    expect(await getBalance(m)).toMatchObject({ available: 0, debt: 100 });
    await ingestOrder(order(m), { actor }); // earns 110, 100 settle the debt
    clock.set(new Date(T0.getTime() + 20 * DAY_MS));
    expect(await getBalance(m)).toMatchObject({ available: 10, debt: 0 });
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("item refunds: per-unit share of what was paid; refunding every unit returns shipping too", async () => {
    freezeClock(T0);
    const m = await newMember();
    await ingestOrder(order(m, { externalId: "ITEMS-1", items: [{ sku: "A", quantity: 3, unitPriceCents: 1000, discountCents: 0 }, { sku: "B", quantity: 1, unitPriceCents: 2000, discountCents: 0 }] }), { actor });
    // 50 points earned on 60.00 paid: points come back in proportion to the money (named rule),
    // so 10.00 of 60.00 takes back floor(50 × 10/60) = 8 and the last refund the remaining 42.
    expect(await refundOrder("ITEMS-1", { items: [{ sku: "A", quantity: 1 }] }, { actor })).toMatchObject({ refundedCents: 1000, pointsReversed: 8 });
    await expect(refundOrder("ITEMS-1", { items: [{ sku: "A", quantity: 3 }] }, { actor })).rejects.toMatchObject({ code: "invalid-request" });
    // the rest: 2 × A + B + shipping 10.00 = 50.00
    expect(await refundOrder("ITEMS-1", { items: [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }] }, { actor })).toMatchObject({ refundedCents: 5000, pointsReversed: 42 });
  });
});

describe.runIf(onPostgres())("ingestOrder under concurrency (real Postgres)", () => {
  test("50 concurrent checkout orders against a balance that covers 10: exactly 10 succeed", async () => {
    freezeClock(T0);
    const m = await newMember();
    await giveAvailable(m, 10_000);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => ingestOrder(order(m, { pointsRedeemed: 1000 }), { actor })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "insufficient-points")).toBe(true);
    expect((await getBalance(m)).available).toBe(0);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("the same order posted 50 times at once: one order, one set of points", async () => {
    freezeClock(T0);
    const m = await newMember();
    const o = order(m, { externalId: "RACE-1" });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => ingestOrder(o, { actor })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "duplicate")).toBe(true);
    expect(await db.select().from(pointEntries).where(eq(pointEntries.memberId, m))).toHaveLength(1);
  });
});
