import { describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { recordReferralVisit } from "@/lib/distribution/referral-clicks";
import { distributorChain, newMember, testOrder } from "@/lib/distribution/testing";
import { redeemReward } from "@/lib/mall/redeem-reward";
import { memberWithPoints, testReward } from "@/lib/mall/testing";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { analyticsCsv } from "./csv";
import { loadDashboard } from "./dashboard";
import { parseRange } from "./range";
import { localDay, refreshRollups } from "./refresh-rollups";

const T0 = new Date("2026-06-01T04:00:00Z");
const actor = "test";

describe("analytics dashboard", () => {
  test("figures from the rollups: outstanding equals the balances, liability at the checkout rate, top lists, CSV", async () => {
    const clock = freezeClock(T0);
    const [top, mid] = await distributorChain(2);
    const buyer = await newMember(mid!.code);
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(T0.getTime() + i * DAY_MS));
      await ingestOrder(testOrder(buyer), { actor });
    }
    await recordReferralVisit({ code: mid!.code, ip: "203.0.113.9", userAgent: "test" }); // one link click, on T0 + 4 days
    const rich = await memberWithPoints(500);
    const reward = await testReward({ pointsPrice: 120, name: "保温杯" });
    await redeemReward({ memberId: rich, rewardId: reward.id, quantity: 2, source: "web", actor });
    clock.set(new Date(T0.getTime() + 40 * DAY_MS));
    await refreshRollups();

    const today = localDay(new Date(T0.getTime() + 40 * DAY_MS));
    const d = await loadDashboard(parseRange({ range: "90" }, today));
    const [bal] = rowsOf<{ points: number }>(await db.execute(sql`select (sum(available + pending))::int as points from point_balances`));
    expect(d.outstandingPoints).toBe(bal!.points);
    expect(d.liabilityCents).toBe(bal!.points); // default: 100 points = ¥1, so one point is one cent
    expect(d.days).toHaveLength(90);
    expect(d.totals.orders).toBe(5);
    expect(d.totals.pointsRedeemed).toBe(240);
    expect(d.topRewards).toEqual([{ id: reward.id, name: "保温杯", nameEn: null, units: 2, points: 240 }]);
    expect(d.topDistributors.map((x) => x.id)).toEqual([mid!.id, top!.id]); // level 1 earns more than level 2
    // 40 days on, every commission is past its date (return window + freeze) though no sweep has
    // flipped it: payable, read from the wallets plus what has come due.
    expect(d.commissionsNow.pendingCents).toBe(0);
    expect(d.commissionsNow.payableCents).toBe(d.totals.commissionsAccruedCents);
    expect(d.tiers.reduce((s, x) => s + x.members, 0)).toBe(4); // two distributors, the buyer, the redeemer
    expect(d.referralClicks).toBe(1);
    expect(d.redemptionRateBps).toBe(Math.round((240 * 10_000) / d.totals.pointsIssued));

    // A range that ends before the activity: nothing in it, nothing outstanding before it.
    const early = await loadDashboard(parseRange({ from: "2026-01-01", to: "2026-01-31" }, today));
    expect(early.totals.pointsIssued).toBe(0);
    expect(early.outstandingPoints).toBe(0);

    const { filename, csv } = analyticsCsv(d, "rewards");
    expect(filename).toBe(`analytics-rewards-${d.range.from}-${d.range.to}.csv`);
    expect(csv).toBe(`\uFEFFreward_id,name,units,points\r\n${reward.id},保温杯,2,240\r\n`);
    const points = analyticsCsv(d, "points").csv.split("\r\n");
    expect(points).toHaveLength(92); // header + 90 days + final newline
    expect(points.at(-2)!.split(",").at(-1)).toBe(String(bal!.points));
  });

  test("a preset ending today reads the top lists the refresh stored; other ranges sum the items; commissions not yet due are pending", async () => {
    // After the first test's days (the refresh is incremental: its cursor is past them).
    const T1 = new Date(T0.getTime() + 60 * DAY_MS);
    const clock = freezeClock(T1);
    const chains = [await distributorChain(1), await distributorChain(1), await distributorChain(1)];
    // Distributor i gets i + 1 orders on different days: a ranking with no ties.
    for (const [i, [d]] of chains.entries()) {
      const buyer = await newMember(d!.code);
      for (let k = 0; k <= i; k++) {
        clock.set(new Date(T1.getTime() + k * DAY_MS));
        await ingestOrder(testOrder(buyer), { actor });
      }
    }
    clock.set(new Date(T1.getTime() + 3 * DAY_MS));
    await refreshRollups();
    const today = localDay(new Date(T1.getTime() + 3 * DAY_MS));
    const preset = parseRange({ range: "7" }, today);
    const ranked = chains.map(([d]) => d!.id).reverse();

    const stored = rowsOf<{ key: string; rank: number; through: string }>(
      await db.execute(sql`select key, rank, through::text from analytics_top_items where kind = 'distributor' and days = 7 order by rank`),
    );
    expect(stored.map((r) => r.key)).toEqual(ranked);
    expect(stored.every((r) => r.through === today)).toBe(true);
    const d = await loadDashboard(preset);
    expect(d.topDistributors.map((x) => x.id)).toEqual(ranked);
    // The same days as a custom range sum the items: the same list.
    const custom = await loadDashboard(parseRange({ from: preset.from, to: preset.to }, today));
    expect(custom.range.preset).toBeNull();
    expect(custom.topDistributors).toEqual(d.topDistributors);
    // The preset really reads the stored rows (changed here by hand), the custom range does not.
    await db.execute(sql`update analytics_top_items set amount = 987654 where kind = 'distributor' and days = 7 and rank = 1`);
    expect((await loadDashboard(preset)).topDistributors[0]!.commissionCents).toBe(987654);
    expect((await loadDashboard(parseRange({ from: preset.from, to: preset.to }, today))).topDistributors[0]!.commissionCents).toBe(d.topDistributors[0]!.commissionCents);
    // The next day, before any refresh, the stored lists are yesterday's: the preset sums the items.
    clock.set(new Date(T1.getTime() + 4 * DAY_MS));
    const tomorrow = await loadDashboard(parseRange({ range: "7" }, localDay(new Date(T1.getTime() + 4 * DAY_MS))));
    expect(tomorrow.topDistributors).toEqual(custom.topDistributors);

    // This test's commissions are not past their date yet (return window + freeze): pending; the
    // first test's are (not flipped by any sweep): payable.
    expect(d.commissionsNow.pendingCents).toBe(d.totals.commissionsAccruedCents);
    expect(d.commissionsNow.pendingCents).toBeGreaterThan(0);
    const all = await loadDashboard(parseRange({ from: "2026-01-01", to: today }, today));
    expect(d.commissionsNow.payableCents).toBe(all.totals.commissionsAccruedCents - d.totals.commissionsAccruedCents);
  });
});
