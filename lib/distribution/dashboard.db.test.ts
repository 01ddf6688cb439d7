import { afterEach, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { distributorWallets, users } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { attributedOrders, dashboardSummary, earningsSeries } from "./dashboard";
import { getWallet } from "./get-wallet";
import { sweepReleases } from "./sweep-releases";
import { teamMembers } from "./team";
import { newDistributor, newMember, testOrder } from "./testing";
import { verifyWallets } from "./verify-wallets";

// 2026-11-23 12:00 in Shanghai (a Monday)
const T0 = new Date("2026-11-23T04:00:00Z");
const actor = "test";
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY_MS + hours * 3_600_000).toISOString();
const item = (cents: number) => [{ sku: "X", quantity: 1, unitPriceCents: cents }];

afterEach(async () => {
  expect((await verifyWallets()).mismatches).toEqual([]);
});

describe("the distributor dashboard", () => {
  test("earnings today / this month / all time net of refunds, pending with free-up dates, team counts", async () => {
    const clock = freezeClock(T0);
    const top = await newDistributor();
    const mid = await newDistributor(top.code);
    const a = await newMember(mid.code);
    const b = await newMember(top.code);
    await db.update(users).set({ name: "张三丰" }).where(eq(users.id, a));
    // Last month (available by now), earlier this month, today, today refunded by half.
    clock.set(new Date(at(-40)));
    await ingestOrder(testOrder(b, { items: item(50_000), shippingCents: 0 }), { actor }); // top L1 5000
    clock.set(new Date(at(-10)));
    await ingestOrder(testOrder(b, { items: item(20_000), shippingCents: 0 }), { actor }); // top L1 2000, frees at -10+14 = +4 days
    clock.set(T0);
    await ingestOrder(testOrder(b, { items: item(10_000), shippingCents: 0 }), { actor }); // top L1 1000
    const half = testOrder(a, { items: item(40_000), shippingCents: 0 });
    await ingestOrder(half, { actor }); // mid L1 4000, top L2 2000
    await refundOrder(half.externalId, { amountCents: 20_000 }, { actor }); // top L2 back to 1000

    const s = await dashboardSummary(top.id);
    expect(s.earnings).toEqual({ todayCents: 2000, monthCents: 4000, allTimeCents: 9000 });
    expect(s.wallet).toMatchObject({ availableCents: 5000, pendingCents: 4000 });
    expect(s.upcoming).toEqual([
      { availableAt: new Date(at(4)), cents: 2000 },
      { availableAt: new Date(at(14)), cents: 2000 },
    ]);
    expect(s.team).toEqual({ level1: 2, level2: 1 });

    const series = await earningsSeries(top.id, { days: 14 });
    expect(series).toHaveLength(14);
    expect(series.at(-1)).toEqual({ day: "2026-11-23", cents: 2000 });
    expect(series.find((p) => p.day === "2026-11-13")).toEqual({ day: "2026-11-13", cents: 2000 });
    expect(series.reduce((x, p) => x + p.cents, 0)).toBe(4000);

    const orders = await attributedOrders(top.id, { limit: 3 });
    expect(orders.items.map((o) => [o.level, o.amountCents, o.reversedCents, o.status])).toEqual([
      [2, 2000, 1000, "pending"],
      [1, 1000, 0, "pending"],
      [1, 2000, 0, "pending"],
    ]);
    expect(orders.items[0]!.buyer).toBe("张**");
    expect(orders.items[1]!.buyer).toBe("T***");
    const rest = await attributedOrders(top.id, { limit: 3, after: orders.next! });
    expect(rest).toMatchObject({ items: [{ level: 1, amountCents: 5000, status: "available" }], next: null });

    const l1 = await teamMembers(top.id, 1);
    expect(l1.items.map((m) => [m.memberId, m.orders, m.salesCents])).toEqual(expect.arrayContaining([[b, 3, 80_000], [mid.id, 0, 0]]));
    const l2 = await teamMembers(top.id, 2);
    expect(l2.items).toEqual([{ memberId: a, name: "张**", joinedAt: expect.any(String), orders: 1, salesCents: 20_000 }]);
  });

  test("the sweep writes the flip for freed-up wallets; reads agree before and after", async () => {
    const clock = freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    await ingestOrder(testOrder(buyer, { items: item(30_000), shippingCents: 0 }), { actor });
    clock.set(new Date(at(15)));
    const before = await getWallet(d.id);
    expect(before).toMatchObject({ availableCents: 3000, pendingCents: 0 });
    const [stored] = await db.select().from(distributorWallets).where(eq(distributorWallets.distributorId, d.id));
    expect(stored).toMatchObject({ availableCents: 0, pendingCents: 3000 });
    const swept = await sweepReleases();
    expect(swept.wallets).toBeGreaterThanOrEqual(1);
    const [after] = await db.select().from(distributorWallets).where(eq(distributorWallets.distributorId, d.id));
    expect(after).toMatchObject({ availableCents: 3000, pendingCents: 0, nextReleaseAt: null });
    expect(await getWallet(d.id)).toEqual(before);
    expect(await sweepReleases()).toEqual({ wallets: 0, cents: 0 });
  });
});
