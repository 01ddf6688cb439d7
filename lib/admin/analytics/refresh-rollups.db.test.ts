// The rollup equals a direct aggregation over the raw tables (computed here in JS, independently
// of the refresh's SQL), after a first run, a re-run, and a late refund that changes an old day.
import { afterAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { analyticsDaily, analyticsDailyItems, commissions, members, orders, pointEntries, redemptions, refunds, tierHistory, walletEntries, withdrawals } from "@/db/schema";
import { DAY_MS, freezeClock, resetClock } from "@/lib/clock";
import { onPostgres } from "@/db/testing/database";
import { newId } from "@/lib/ids";
import { cancelRedemption } from "@/lib/mall/cancel-redemption";
import { redeemReward } from "@/lib/mall/redeem-reward";
import { memberWithPoints, testReward } from "@/lib/mall/testing";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { credit } from "@/lib/points/ledger";
import { sweepExpired } from "@/lib/points/sweep-expired";
import { distributorChain, newMember, testOrder } from "@/lib/distribution/testing";
import { localDay, refreshRollups } from "./refresh-rollups";

const TZ = "Asia/Shanghai";
const T0 = new Date("2026-09-01T02:00:00Z");
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY_MS + hours * 3_600_000);
const actor = "test";

afterAll(() => resetClock());

type Row = Record<string, number>;
const bump = (m: Map<string, Row>, day: string, k: string, v: number) => {
  const r = m.get(day) ?? {};
  r[k] = (r[k] ?? 0) + v;
  m.set(day, r);
};

/** The oracle: every daily figure straight from the raw rows, bucketed by local day in JS. */
async function directDaily(): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  const day = (d: Date) => localDay(d, TZ);
  const active = new Map<string, Set<string>>();
  const seen = (d: string, m: string) => active.set(d, (active.get(d) ?? new Set()).add(m));
  for (const e of await db.select().from(pointEntries)) {
    const d = day(e.createdAt);
    const k = { earn: "pointsIssued", restore: "pointsRestored", spend: "pointsRedeemed", expire: "pointsExpired", reverse: "pointsReversed", adjust: "pointsAdjusted" }[e.type];
    bump(out, d, k, ["spend", "expire", "reverse"].includes(e.type) ? -e.points : e.points);
    bump(out, d, "pointsNet", e.points);
    seen(d, e.memberId);
  }
  for (const o of await db.select().from(orders)) {
    const d = day(o.placedAt);
    bump(out, d, "orders", 1);
    bump(out, d, "salesCents", o.paidCents);
    bump(out, d, "netSalesCents", o.paidCents - o.refundedCents);
    if ((o.uplineSnapshot ?? []).length > 0) {
      bump(out, d, "distributorOrders", 1);
      bump(out, d, "distributorSalesCents", o.paidCents);
    }
    seen(d, o.memberId);
  }
  for (const r of await db.select().from(refunds)) bump(out, day(r.createdAt), "refundsCents", r.amountCents);
  for (const r of await db.select().from(redemptions)) {
    if (r.status === "cancelled") continue;
    bump(out, day(r.createdAt), "redemptions", 1);
    bump(out, day(r.createdAt), "redemptionPoints", r.pointsSpent);
  }
  for (const c of await db.select().from(commissions)) bump(out, day(c.createdAt), "commissionsAccruedCents", c.amountCents);
  for (const w of await db.select().from(walletEntries)) {
    if (w.type === "reversal" || w.type === "adjustment") bump(out, day(w.createdAt), "commissionsReversedCents", -(w.pendingDelta + w.availableDelta));
  }
  for (const w of await db.select().from(withdrawals)) if (w.status === "approved" && w.paidAt) bump(out, day(w.paidAt), "withdrawalsPaidCents", w.amountCents);
  for (const m of await db.select().from(members)) {
    bump(out, day(m.createdAt), "newMembers", 1);
    if (m.referrerId) bump(out, day(m.createdAt), "referredMembers", 1);
  }
  for (const [d, s] of active) bump(out, d, "activeMembers", s.size);
  return out;
}

const FIGURES = [
  "pointsIssued", "pointsRestored", "pointsRedeemed", "pointsExpired", "pointsReversed", "pointsAdjusted", "pointsNet",
  "orders", "salesCents", "netSalesCents", "refundsCents", "distributorOrders", "distributorSalesCents", "redemptions",
  "redemptionPoints", "commissionsAccruedCents", "commissionsReversedCents", "withdrawalsPaidCents", "newMembers",
  "referredMembers", "activeMembers",
] as const;

async function rolledUp(): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  for (const r of await db.select().from(analyticsDaily)) {
    const figures = Object.fromEntries(FIGURES.map((k) => [k, r[k]]).filter(([, v]) => v !== 0));
    if (Object.keys(figures).length) out.set(r.day, figures);
  }
  return out;
}

/** Same shape as rolledUp(): days with at least one non-zero figure, zero figures left out. */
function nonZero(m: Map<string, Row>): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const [d, r] of m) {
    const f = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== 0));
    if (Object.keys(f).length) out.set(d, f);
  }
  return out;
}

const sorted = (m: Map<string, Row>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

async function items(kind: string): Promise<Record<string, number>> {
  const rows = await db.select().from(analyticsDailyItems).where(sql`${analyticsDailyItems.kind} = ${kind}`);
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.day} ${r.key}`] = (out[`${r.day} ${r.key}`] ?? 0) + (kind === "reward" || kind === "distributor" ? r.amount : r.count);
  return out;
}

describe("daily rollups", () => {
  let lateOrder = "";
  let lateOrderDay = "";

  test("a month of activity: the rollup equals the direct aggregation; re-running changes nothing", async () => {
    const clock = freezeClock(at(0));
    const chain = await distributorChain(2);
    const buyers: string[] = [];
    for (let i = 0; i < 4; i++) buyers.push(await newMember(chain[1]!.code));
    const loner = await newMember();
    const reward = await testReward({ pointsPrice: 50, stock: 100 });
    const reward2 = await testReward({ pointsPrice: 30, type: "physical" });
    // Orders spread over 30 days, some late in the local evening (UTC+8 crosses midnight).
    for (let dayN = 0; dayN < 30; dayN += 3) {
      for (const [j, b] of [...buyers, loner].entries()) {
        clock.set(at(dayN, j * 4 + 1));
        const o = await ingestOrder(testOrder(b, { items: [{ sku: `SKU-${j}`, quantity: 1 + j, unitPriceCents: 4_000 + dayN * 100, discountCents: 0 }] }), { actor });
        if (dayN === 3 && b === loner) {
          lateOrder = o.externalId;
          lateOrderDay = localDay(at(dayN, j * 4 + 1), TZ);
        }
      }
    }
    // A large order: the buyer qualifies for a higher tier (a tier move).
    clock.set(at(10, 2));
    await ingestOrder(testOrder(buyers[2]!, { items: [{ sku: "BIG", quantity: 1, unitPriceCents: 600_000, discountCents: 0 }] }), { actor });
    // A partial refund within the month.
    clock.set(at(12, 5));
    const refundable = (await db.select().from(orders).where(sql`${orders.memberId} = ${buyers[1]!}`).limit(1))[0]!;
    await refundOrder(refundable.externalId, { amountCents: 1_000 }, { actor });
    // Redemptions (one cancelled later), an adjustment and points that expire (then swept).
    clock.set(at(20, 3));
    const rich = await memberWithPoints(1_000);
    await redeemReward({ memberId: rich, rewardId: reward.id, quantity: 2, source: "web", actor });
    const cancelled = await redeemReward({ memberId: rich, rewardId: reward2.id, quantity: 1, shippingAddress: { recipient: "陈静" }, source: "web", actor });
    await db.transaction((tx) => credit(tx, { memberId: loner, points: 77, type: "adjust", reason: "goodwill", actor, availableAt: at(20), expiresAt: at(22) }));
    clock.set(at(21, 6));
    await cancelRedemption({ redemptionId: cancelled.id, by: "staff", actor });
    clock.set(at(25));
    await sweepExpired();
    // A paid withdrawal (written directly: its own use cases are tested elsewhere).
    await db.insert(withdrawals).values({ id: newId(), distributorId: chain[1]!.id, amountCents: 500, netCents: 500, status: "approved", requestedAt: at(24), paidAt: at(25), updatedAt: at(25) });

    clock.set(at(30));
    const first = await refreshRollups({ timeZone: TZ });
    expect(first.ran).toBe(true);
    expect(first.days.length).toBeGreaterThan(10);
    const direct = nonZero(await directDaily());
    expect(sorted(await rolledUp())).toEqual(sorted(direct));
    // Sanity: the fixture really has every kind of figure.
    const totals = [...direct.values()].reduce<Row>((acc, r) => { for (const [k, v] of Object.entries(r)) acc[k] = (acc[k] ?? 0) + v; return acc; }, {});
    for (const k of ["pointsIssued", "pointsRedeemed", "pointsExpired", "pointsReversed", "pointsAdjusted", "refundsCents", "redemptions", "commissionsAccruedCents", "commissionsReversedCents", "withdrawalsPaidCents", "distributorOrders", "referredMembers"]) {
      expect([k, totals[k]]).not.toEqual([k, 0]);
      expect(totals[k], k).toBeDefined();
    }

    // Breakdowns: rewards by points (the cancelled one is gone), distributors by net commission.
    const rewardItems = await items("reward");
    expect(Object.values(rewardItems)).toEqual([100]);
    const byDistributor: Record<string, number> = {};
    for (const c of await db.select().from(commissions)) {
      const k = `${localDay(c.createdAt, TZ)} ${c.distributorId}`;
      byDistributor[k] = (byDistributor[k] ?? 0) + c.amountCents - c.reversedCents;
    }
    expect(await items("distributor")).toEqual(byDistributor);
    expect(Object.keys(await items("tier-move")).some((k) => k.includes("regular>"))).toBe(true);

    // Tier distribution = prefix sum of the daily tier changes = the members' tiers now.
    const tiersNow = rowsOf<{ tier_code: string; n: number }>(await db.execute(sql`select tier_code, count(*)::int as n from members group by 1`));
    const fromRollup = rowsOf<{ key: string; n: number }>(await db.execute(sql`select key, sum(count)::int as n from analytics_daily_items where kind = 'tier' group by 1 having sum(count) <> 0`));
    expect(Object.fromEntries(fromRollup.map((r) => [r.key, r.n]))).toEqual(Object.fromEntries(tiersNow.map((r) => [r.tier_code, r.n])));

    // Re-run with nothing written since, the same day: the rollups are current, nothing is rewritten,
    // only the cursor moves (the background job's minute-by-minute refresh of an idle shop).
    const before = await db.select().from(analyticsDaily);
    const again = await refreshRollups({ timeZone: TZ });
    expect(again).toMatchObject({ ran: true, days: [] });
    const after = await db.select().from(analyticsDaily);
    expect(after.sort((a, b) => a.day.localeCompare(b.day))).toEqual(before.sort((a, b) => a.day.localeCompare(b.day)));
    const strip = (rows: typeof before) => rows.map((r) => ({ ...r, refreshedAt: null })).sort((a, b) => a.day.localeCompare(b.day));
    // A full rebuild agrees with the incremental result.
    await refreshRollups({ timeZone: TZ, full: true });
    expect(strip(await db.select().from(analyticsDaily))).toEqual(strip(before));
    // The next day, still nothing written: that day is rolled up (and the preset top lists move to it).
    clock.set(at(31));
    expect((await refreshRollups({ timeZone: TZ })).days).toEqual([localDay(at(31), TZ)]);
    expect((await db.select().from(analyticsDaily).where(sql`${analyticsDaily.day} = ${localDay(at(31), TZ)}`)).length).toBe(1);
  });

  test("a late refund on an old day: the next refresh rewrites that day (its net sales) and today", async () => {
    freezeClock(at(40, 4));
    const oldBefore = (await db.select().from(analyticsDaily).where(sql`${analyticsDaily.day} = ${lateOrderDay}`))[0]!;
    await refundOrder(lateOrder, {}, { actor });
    const r = await refreshRollups({ timeZone: TZ });
    expect(r.days).toContain(lateOrderDay);
    expect(r.days).toContain(localDay(at(40, 4), TZ));
    expect(r.days.length).toBeLessThan(5); // incremental: not the whole month again
    expect(sorted(await rolledUp())).toEqual(sorted(nonZero(await directDaily())));
    const oldAfter = (await db.select().from(analyticsDaily).where(sql`${analyticsDaily.day} = ${lateOrderDay}`))[0]!;
    expect(oldAfter.netSalesCents).toBeLessThan(oldBefore.netSalesCents);
    expect(oldAfter.salesCents).toBe(oldBefore.salesCents);
  });

  test("a tier move and a member created today are picked up incrementally", async () => {
    freezeClock(at(41, 1));
    const m = await newMember();
    await db.insert(tierHistory).values({ id: newId(), memberId: m, fromCode: "regular", toCode: "silver", reason: "test", createdAt: at(41, 2) });
    await db.execute(sql`update members set tier_code = 'silver' where id = ${m}`);
    await refreshRollups({ timeZone: TZ });
    const tiersNow = rowsOf<{ tier_code: string; n: number }>(await db.execute(sql`select tier_code, count(*)::int as n from members group by 1`));
    const fromRollup = rowsOf<{ key: string; n: number }>(await db.execute(sql`select key, sum(count)::int as n from analytics_daily_items where kind = 'tier' group by 1 having sum(count) <> 0`));
    expect(Object.fromEntries(fromRollup.map((r) => [r.key, r.n]))).toEqual(Object.fromEntries(tiersNow.map((r) => [r.tier_code, r.n])));
  });

  test.runIf(onPostgres())("concurrent refreshes serialise on the advisory lock: no errors, same result", async () => {
    freezeClock(at(42));
    const runs = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => refreshRollups({ timeZone: TZ, full: i % 2 === 0 })));
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill("fulfilled"));
    expect(sorted(await rolledUp())).toEqual(sorted(nonZero(await directDaily())));
  });

  test.runIf(onPostgres())("the dashboard's lazy refresh skips (does not wait) while another refresh holds the lock", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${0x6a6966656e01})`);
      locked();
      await held;
    });
    await isLocked;
    expect((await refreshRollups({ wait: false, timeZone: TZ })).ran).toBe(false);
    release();
    await holder;
    expect((await refreshRollups({ wait: false, timeZone: TZ })).ran).toBe(true);
  });
});

describe("the dashboard's throttle", () => {
  test("minIntervalMs skips a refresh that ran less than that long ago", async () => {
    const clock = freezeClock(at(50));
    expect((await refreshRollups({ timeZone: TZ })).ran).toBe(true);
    clock.advance(30_000);
    expect((await refreshRollups({ timeZone: TZ, minIntervalMs: 60_000 })).ran).toBe(false);
    clock.advance(31_000);
    expect((await refreshRollups({ timeZone: TZ, minIntervalMs: 60_000 })).ran).toBe(true);
  });
});
