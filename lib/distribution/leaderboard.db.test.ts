import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { leaderboard } from "./leaderboard";
import { getRankPrivacy, setRankPrivacy } from "./rank-privacy";
import { newDistributor, newMember, testOrder } from "./testing";

// Wednesday 2026-11-25 12:00 Shanghai; the week started Monday 23rd, the month on the 1st.
const T0 = new Date("2026-11-25T04:00:00Z");
const item = (cents: number) => [{ sku: "X", quantity: 1, unitPriceCents: cents }];
const actor = "test";

describe("leaderboards", () => {
  test("weekly and monthly, by sales and by commission, net of refunds; privacy applied to others only", async () => {
    const clock = freezeClock(T0);
    const a = await newDistributor();
    const b = await newDistributor();
    const c = await newDistributor(b.code); // earns level 2 on b's team
    await db.update(users).set({ name: "Alice" }).where(eq(users.id, a.id));
    await db.update(users).set({ name: "Bob" }).where(eq(users.id, b.id));
    await db.update(users).set({ name: "Carol" }).where(eq(users.id, c.id));
    const buyerA = await newMember(a.code);
    const buyerC = await newMember(c.code);

    clock.set(new Date(T0.getTime() - 10 * DAY_MS)); // this month, not this week
    await ingestOrder(testOrder(buyerA, { items: item(100_000), shippingCents: 0 }), { actor }); // a: 10 000 on 100 000
    clock.set(T0);
    const big = testOrder(buyerC, { items: item(60_000), shippingCents: 0 });
    await ingestOrder(big, { actor }); // c: L1 6 000 on 60 000; b: L2 3 000
    await ingestOrder(testOrder(buyerA, { items: item(20_000), shippingCents: 0 }), { actor }); // a: 2 000 on 20 000
    await refundOrder(big.externalId, { amountCents: 30_000 }, { actor }); // c: 3 000 left on 30 000; b: 1 500

    const names = (rows: { name: string | null; cents: number | null }[]) => rows.map((r) => [r.name, r.cents]);
    const mine = <R extends { name: string | null }>(rows: R[]): R[] => rows.filter((r) => r.name === null || ["Alice", "Bob", "Carol"].includes(r.name));

    const weekSales = await leaderboard(a.id, { period: "week", metric: "sales" });
    expect(names(mine(weekSales.top))).toEqual([["Carol", 30_000], ["Alice", 20_000]]); // b sold nothing directly
    const weekCommission = await leaderboard(a.id, { period: "week", metric: "commission" });
    expect(names(mine(weekCommission.top))).toEqual([["Carol", 3_000], ["Alice", 2_000], ["Bob", 1_500]]);
    const monthCommission = await leaderboard(a.id, { period: "month", metric: "commission" });
    expect(names(mine(monthCommission.top))).toEqual([["Alice", 12_000], ["Carol", 3_000], ["Bob", 1_500]]);
    expect(monthCommission.viewer).toMatchObject({ name: "Alice", cents: 12_000, isViewer: true });

    // Carol hides: others see neither her name nor her amount; she still sees both.
    await setRankPrivacy(c.id, { anonymous: true, hideAmounts: true });
    expect(await getRankPrivacy(c.id)).toEqual({ anonymous: true, hideAmounts: true });
    const seenByA = await leaderboard(a.id, { period: "week", metric: "commission" });
    expect(names(mine(seenByA.top))).toEqual([[null, null], ["Alice", 2_000], ["Bob", 1_500]]);
    expect(JSON.stringify(seenByA)).not.toContain(c.id);
    const seenByC = await leaderboard(c.id, { period: "week", metric: "commission" });
    expect(seenByC.viewer).toMatchObject({ name: "Carol", cents: 3_000 });

    // The viewer outside the top still gets their rank.
    const top1 = await leaderboard(b.id, { period: "week", metric: "commission", limit: 1 });
    expect(top1.top).toHaveLength(1);
    expect(top1.viewer).toMatchObject({ name: "Bob", cents: 1_500, isViewer: true });
    expect(top1.viewer!.rank).toBeGreaterThan(1);
  });
});
