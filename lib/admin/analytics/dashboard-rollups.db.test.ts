// The dashboard's figures, read from the rollups (whole months from the monthly items, the partial
// months at either end from the daily items), equal the same figures computed here straight from
// the raw tables, for presets and custom ranges that cut months anywhere — including events at
// the local midnight between two months, activity later today after a refresh (the partial day),
// and after refreshes that are re-run, rebuilt in full, or rebuild the monthly grain from scratch.
import { describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { analyticsMonthlyItems, commissions, orders, pointEntries, redemptions, tierHistory } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { distributorChain, newMember, testOrder } from "@/lib/distribution/testing";
import { cancelRedemption } from "@/lib/mall/cancel-redemption";
import { redeemReward } from "@/lib/mall/redeem-reward";
import { memberWithPoints, testReward } from "@/lib/mall/testing";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { loadDashboard, type Dashboard } from "./dashboard";
import { parseRange } from "./range";
import { localDay, refreshRollups } from "./refresh-rollups";

const actor = "test";
/** Local (Asia/Shanghai, the default DEPLOYMENT_TZ) wall time as an instant: UTC+8, no DST. */
const local = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
const TODAY = "2026-11-24";
const day = (d: Date) => localDay(d);

/** The oracle: the dashboard's range figures straight from the raw rows, bucketed by local day in JS. */
async function direct(from: string, to: string) {
  const inRange = (d: Date) => day(d) >= from && day(d) <= to;
  const rewards = new Map<string, { units: number; points: number }>();
  let redeemed = 0;
  for (const r of await db.select().from(redemptions)) {
    if (r.status === "cancelled" || !inRange(r.createdAt)) continue;
    const x = rewards.get(r.rewardId) ?? { units: 0, points: 0 };
    x.units += r.quantity;
    x.points += r.pointsSpent;
    rewards.set(r.rewardId, x);
    redeemed++;
  }
  const distributors = new Map<string, { orders: number; commissionCents: number }>();
  let accrued = 0;
  for (const c of await db.select().from(commissions)) {
    if (!inRange(c.createdAt)) continue;
    const x = distributors.get(c.distributorId) ?? { orders: 0, commissionCents: 0 };
    x.orders += 1;
    x.commissionCents += c.amountCents - c.reversedCents;
    distributors.set(c.distributorId, x);
    accrued += c.amountCents;
  }
  const moves = new Map<string, number>();
  for (const h of await db.select().from(tierHistory)) if (inRange(h.createdAt)) moves.set(`${h.fromCode ?? ""}>${h.toCode}`, (moves.get(`${h.fromCode ?? ""}>${h.toCode}`) ?? 0) + 1);
  let issued = 0;
  let spent = 0;
  for (const e of await db.select().from(pointEntries)) {
    if (!inRange(e.createdAt)) continue;
    if (e.type === "earn") issued += e.points;
    if (e.type === "spend") spent -= e.points;
  }
  let orderCount = 0;
  let sales = 0;
  for (const o of await db.select().from(orders)) {
    if (!inRange(o.placedAt)) continue;
    orderCount++;
    sales += o.paidCents;
  }
  const byAmount = <T extends { id: string }>(xs: T[], amount: (x: T) => number) => xs.sort((a, b) => amount(b) - amount(a) || (a.id < b.id ? -1 : 1)).slice(0, 10);
  return {
    topRewards: byAmount([...rewards].map(([id, x]) => ({ id, ...x })), (x) => x.points),
    topDistributors: byAmount([...distributors].map(([id, x]) => ({ id, ...x })), (x) => x.commissionCents),
    tierMoves: Object.fromEntries([...moves].sort()),
    totals: { pointsIssued: issued, pointsRedeemed: spent, orders: orderCount, salesCents: sales, redemptions: redeemed, commissionsAccruedCents: accrued },
  };
}

function shown(d: Dashboard) {
  return {
    topRewards: d.topRewards.map((r) => ({ id: r.id, units: r.units, points: r.points })),
    topDistributors: d.topDistributors.map((r) => ({ id: r.id, orders: r.orders, commissionCents: r.commissionCents })),
    tierMoves: Object.fromEntries(d.tierMoves.map((m) => [`${m.from ?? ""}>${m.to}`, m.members] as const).sort()),
    totals: {
      pointsIssued: d.totals.pointsIssued,
      pointsRedeemed: d.totals.pointsRedeemed,
      orders: d.totals.orders,
      salesCents: d.totals.salesCents,
      redemptions: d.totals.redemptions,
      commissionsAccruedCents: d.totals.commissionsAccruedCents,
    },
  };
}

/** Presets, and custom ranges with loose days at both ends, whole months only, and loose days only. */
const RANGES = [
  { range: "7" },
  { range: "30" },
  { range: "90" },
  { range: "365" },
  { from: "2026-08-15", to: "2026-10-10" },
  { from: "2026-09-01", to: "2026-10-31" },
  { from: "2026-09-30", to: "2026-10-01" },
  { from: "2026-10-01", to: "2026-10-31" },
];

async function expectDashboardsMatchRaw() {
  for (const q of RANGES) {
    const range = parseRange(q, TODAY);
    expect(range.invalid, JSON.stringify(q)).toBe(false);
    expect([q, shown(await loadDashboard(range))]).toEqual([q, await direct(range.from, range.to)]);
  }
}

const monthlyItems = async () =>
  (await db.select().from(analyticsMonthlyItems)).map((r) => `${r.kind} ${r.month} ${r.key} ${r.count} ${r.amount}`).sort();

describe("dashboard figures from the rollups equal the raw tables", () => {
  test("four months of activity, refreshed incrementally, re-run, rebuilt, and with today's later activity", async () => {
    const clock = freezeClock(local("2026-07-20T09:00:00"));
    const chain = await distributorChain(2);
    const buyers = [await newMember(chain[1]!.code), await newMember(chain[1]!.code), await newMember(chain[0]!.code)];
    const loner = await newMember();
    const rich = await memberWithPoints(1_000_000);
    const rewards = [await testReward({ pointsPrice: 300, stock: 1000 }), await testReward({ pointsPrice: 120, stock: 1000 }), await testReward({ pointsPrice: 45, stock: 1000 })];
    const order = async (at: Date, buyer: string, cents: number) => {
      clock.set(at);
      await ingestOrder(testOrder(buyer, { items: [{ sku: "TEA-1", quantity: 1, unitPriceCents: cents, discountCents: 0 }] }), { actor });
    };
    const redeem = async (at: Date, reward: number, quantity = 1) => {
      clock.set(at);
      return redeemReward({ memberId: rich, rewardId: rewards[reward]!.id, quantity, source: "web", actor });
    };

    // Every 5 days from 20 Jul: an order by a rotating buyer and a redemption of a rotating reward;
    // either side of the local midnight between September and October (UTC: both on 30 September);
    // a big order that moves a buyer up a tier; a redemption cancelled the next day. In time order
    // (the ledger's clock never runs backwards).
    let toCancel = "";
    const events: [Date, () => Promise<unknown>][] = [
      [local("2026-08-20T15:00:00"), () => order(local("2026-08-20T15:00:00"), buyers[2]!, 900_000)],
      [
        local("2026-09-12T12:00:00"),
        async () => {
          clock.set(local("2026-09-12T12:00:00"));
          const physical = await testReward({ pointsPrice: 80, type: "physical", stock: 10 });
          toCancel = (await redeemReward({ memberId: rich, rewardId: physical.id, quantity: 5, shippingAddress: { recipient: "陈静" }, source: "web", actor })).id;
        },
      ],
      [local("2026-09-13T12:00:00"), () => (clock.set(local("2026-09-13T12:00:00")), cancelRedemption({ redemptionId: toCancel, by: "staff", actor }))],
      [local("2026-09-30T23:30:00"), () => redeem(local("2026-09-30T23:30:00"), 0, 3)],
      [local("2026-09-30T23:40:00"), () => order(local("2026-09-30T23:40:00"), buyers[0]!, 9_900)],
      [local("2026-10-01T00:20:00"), () => order(local("2026-10-01T00:20:00"), buyers[1]!, 7_700)],
      [local("2026-10-01T00:30:00"), () => redeem(local("2026-10-01T00:30:00"), 1, 2)],
    ];
    for (let i = 0; i * 5 < 80; i++) {
      const at = new Date(local("2026-07-20T10:00:00").getTime() + i * 5 * DAY_MS + (i % 4) * 3_600_000);
      events.push([at, () => order(at, [...buyers, loner][i % 4]!, 3_000 + i * 250)]);
      const later = new Date(at.getTime() + 1_800_000);
      events.push([later, () => redeem(later, i % 3, 1 + (i % 2))]);
    }
    events.sort((x, y) => x[0].getTime() - y[0].getTime());
    for (const [, run] of events) await run();

    // The first refresh sees only what happened until mid-October; the rest arrives afterwards.
    clock.set(local("2026-10-15T08:00:00"));
    await refreshRollups();
    for (let i = 0; i < 6; i++) await order(local(`2026-10-${String(16 + i * 2).padStart(2, "0")}T11:00:00`), buyers[i % 3]!, 12_000 + i * 500);
    await redeem(local("2026-10-31T23:59:00"), 2, 4);
    await redeem(local("2026-11-01T00:01:00"), 0, 1);
    clock.set(local(`${TODAY}T10:00:00`));
    await refreshRollups();
    await expectDashboardsMatchRaw();
    // The midnight edge is really there: one redemption on each side of it.
    expect(await direct("2026-09-30", "2026-09-30")).toMatchObject({ totals: { redemptions: 1, orders: 1 } });
    expect(await direct("2026-10-01", "2026-10-01")).toMatchObject({ totals: { redemptions: 1, orders: 1 } });

    // Idempotent: a re-run, a full rebuild, and rebuilding the monthly grain from an empty table.
    const months = await monthlyItems();
    expect(months.length).toBeGreaterThan(10);
    await refreshRollups();
    expect(await monthlyItems()).toEqual(months);
    await refreshRollups({ full: true });
    expect(await monthlyItems()).toEqual(months);
    await db.delete(analyticsMonthlyItems);
    clock.advance(1_000);
    await refreshRollups();
    expect(await monthlyItems()).toEqual(months);
    // The monthly grain is exactly the daily items summed by month.
    const summed = rowsOf<{ k: string }>(
      await db.execute(sql`
        select kind || ' ' || date_trunc('month', day)::date::text || ' ' || key || ' ' || sum(count) || ' ' || sum(amount) as k
          from analytics_daily_items group by kind, date_trunc('month', day), key having sum(count) <> 0 or sum(amount) <> 0`),
    ).map((r) => r.k);
    expect(summed.sort()).toEqual(months);

    // Today, later: more activity after the refresh counts once the next refresh has run.
    await order(local(`${TODAY}T18:00:00`), loner, 55_500);
    await redeem(local(`${TODAY}T18:05:00`), 1, 7);
    const stale = await loadDashboard(parseRange({ range: "7" }, TODAY));
    clock.set(local(`${TODAY}T19:00:00`));
    const r = await refreshRollups();
    expect(r.days).toEqual([TODAY]);
    const fresh = await loadDashboard(parseRange({ range: "7" }, TODAY));
    expect(fresh.totals.orders).toBe(stale.totals.orders + 1);
    expect(fresh.totals.redemptions).toBe(stale.totals.redemptions + 1);
    await expectDashboardsMatchRaw();
    // Some lists really are non-trivial in the ranges above.
    const year = await direct("2025-11-25", TODAY);
    expect(year.topRewards).toHaveLength(3);
    expect(year.topDistributors).toHaveLength(2);
    expect(Object.keys(year.tierMoves).length).toBeGreaterThan(0);
  });
});
