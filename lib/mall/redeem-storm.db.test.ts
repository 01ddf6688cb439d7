// Redemption storms on real Postgres (DESIGN invariant 4): many concurrent transactions against one
// reward or one member, then every number checked — winners, losers and why, stock, balances,
// ledger entries, stock movements and the ledger verifier. PGlite has one connection (everything
// runs one after another there), so these run only when DATABASE_URL points at a server.
import { describe, expect, test } from "vitest";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { pointEntries, redemptions, rewards, stockMovements } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { freezeClock } from "@/lib/clock";
import { getBalance } from "@/lib/points/get-balance";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { cancelRedemption } from "./cancel-redemption";
import { redeemReward, type RedemptionResult } from "./redeem-reward";
import { memberWithPoints, testReward } from "./testing";

const T0 = new Date("2026-11-23T04:00:00Z");
const web = { source: "web" as const, actor: "member" };

/** Fulfilled results, and the rejections counted by error code (anything unexpected by message). */
function outcome<T>(settled: PromiseSettledResult<T>[]) {
  const ok = settled.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled").map((r) => r.value);
  const errors: Record<string, number> = {};
  for (const r of settled) {
    if (r.status === "rejected") {
      const e = r.reason as { code?: unknown; message?: string };
      const key = typeof e.code === "string" && !/^[0-9A-Z]{5}$/.test(e.code) ? e.code : `unexpected: ${e.code ?? ""} ${e.message}`;
      errors[key] = (errors[key] ?? 0) + 1;
    }
  }
  return { ok, errors };
}

async function rewardRow(id: string) {
  const [r] = await db.select().from(rewards).where(eq(rewards.id, id));
  return r!;
}

async function entryCount(memberId: string) {
  return (await db.select({ n: count() }).from(pointEntries).where(eq(pointEntries.memberId, memberId)))[0]!.n;
}

/** Stock movements of a reward, oldest first: their deltas must add up to the stock. */
async function movements(rewardId: string) {
  const rows = await db.select().from(stockMovements).where(eq(stockMovements.rewardId, rewardId));
  return { rows, sum: rows.reduce((s, m) => s + m.delta, 0) };
}

/** Samples the reward's stock every few ms while `work` runs: the smallest value seen. */
async function watchStock<T>(rewardId: string, work: () => Promise<T>): Promise<{ result: T; minSeen: number; samples: number }> {
  let done = false;
  let minSeen = Number.POSITIVE_INFINITY;
  let samples = 0;
  const watcher = (async () => {
    while (!done) {
      const [r] = rowsOf<{ stock: number }>(await db.execute(sql`select stock from rewards where id = ${rewardId}`));
      minSeen = Math.min(minSeen, Number(r!.stock));
      samples++;
      await new Promise((res) => setTimeout(res, 2));
    }
  })();
  try {
    return { result: await work(), minSeen, samples };
  } finally {
    done = true;
    await watcher;
  }
}

describe.runIf(onPostgres())("redemption storms (real Postgres)", () => {
  test("200 concurrent redemptions by 50 members of a reward with 5 left: exactly 5 succeed, losers lose nothing", async () => {
    freezeClock(T0);
    const START = 10_000;
    const PRICE = 700;
    const members = await Promise.all(Array.from({ length: 50 }, () => memberWithPoints(START)));
    const reward = await testReward({ type: "physical", pointsPrice: PRICE, stock: 5 });

    const { result: settled, minSeen, samples } = await watchStock(reward.id, () =>
      Promise.allSettled(Array.from({ length: 200 }, (_, i) => redeemReward({ ...web, memberId: members[i % 50]!, rewardId: reward.id, quantity: 1 }))),
    );
    const { ok, errors } = outcome(settled);
    expect(ok).toHaveLength(5);
    expect(errors).toEqual({ "out-of-stock": 195 });
    expect(samples).toBeGreaterThan(0);
    expect(minSeen).toBeGreaterThanOrEqual(0);

    const after = await rewardRow(reward.id);
    expect(after).toMatchObject({ stock: 0, redeemedCount: 5 });
    const rows = await db.select().from(redemptions).where(eq(redemptions.rewardId, reward.id));
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.id).sort()).toEqual(ok.map((r) => r.id).sort());

    // Winners paid once per win; everyone else kept every point and has only the opening credit.
    const wins = new Map<string, number>();
    for (const r of rows) wins.set(r.memberId, (wins.get(r.memberId) ?? 0) + 1);
    let untouched = 0;
    for (const m of members) {
      const w = wins.get(m) ?? 0;
      expect((await getBalance(m)).available).toBe(START - w * PRICE);
      expect(await entryCount(m)).toBe(1 + w);
      if (w === 0) untouched++;
    }
    expect(untouched).toBe(50 - wins.size);
    expect(untouched).toBeGreaterThanOrEqual(45);

    // The stock history: opening 5, then five redemptions that took it 4, 3, 2, 1, 0 — never below.
    const moves = await movements(reward.id);
    expect(moves.sum).toBe(0);
    expect(moves.rows.filter((m) => m.reason === "redemption").map((m) => m.stockAfter).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(moves.rows.every((m) => m.stockAfter! >= 0)).toBe(true);

    const ledger = await verifyLedger();
    expect(ledger.mismatches).toEqual([]);
    expect(ledger.entries).toBeGreaterThanOrEqual(50 + 5);
  });

  test("a member with points for exactly 3 fires 20 at once: exactly 3, the rest insufficient-points, balance 0", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(300);
    // Spread over four rewards, so the only thing that serialises the spends is the member's
    // balance lock (on one reward, its row lock would hide a missing one).
    const shelf = await Promise.all(Array.from({ length: 4 }, () => testReward({ type: "virtual", pointsPrice: 100, stock: 100 })));

    const { ok, errors } = outcome(await Promise.allSettled(Array.from({ length: 20 }, (_, i) => redeemReward({ ...web, memberId: m, rewardId: shelf[i % 4]!.id, quantity: 1 }))));
    expect(ok).toHaveLength(3);
    expect(errors).toEqual({ "insufficient-points": 17 });
    // Each winner saw the balance one spend lower than the last: 200, 100, 0.
    expect(ok.map((r) => r.balanceAfter).sort((a, b) => a - b)).toEqual([0, 100, 200]);

    expect(await getBalance(m)).toMatchObject({ available: 0, debt: 0 });
    const entries = await db.select().from(pointEntries).where(eq(pointEntries.memberId, m));
    expect(entries).toHaveLength(4); // the credit and three spends
    expect(entries.filter((e) => e.type === "spend").map((e) => e.points)).toEqual([-100, -100, -100]);
    expect(Math.min(...entries.map((e) => e.balanceAfter))).toBe(0);
    let taken = 0;
    for (const reward of shelf) {
      const row = await rewardRow(reward.id);
      expect(row.stock! + row.redeemedCount).toBe(100);
      expect((await movements(reward.id)).sum).toBe(row.stock);
      taken += row.redeemedCount;
    }
    expect(taken).toBe(3);
    expect(await db.select({ n: count() }).from(redemptions).where(eq(redemptions.memberId, m))).toEqual([{ n: 3 }]);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("per-member limit 2 under a 20-request storm from one member: exactly 2", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(100_000);
    const reward = await testReward({ type: "physical", pointsPrice: 500, stock: 50, perMemberLimit: 2 });

    const { ok, errors } = outcome(await Promise.allSettled(Array.from({ length: 20 }, () => redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1 }))));
    expect(ok).toHaveLength(2);
    expect(errors).toEqual({ "limit-reached": 18 });
    expect((await getBalance(m)).available).toBe(100_000 - 2 * 500);
    expect(await entryCount(m)).toBe(3);
    expect(await rewardRow(reward.id)).toMatchObject({ stock: 48, redeemedCount: 2 });
    expect((await movements(reward.id)).sum).toBe(48);
    expect(await db.select({ n: count() }).from(redemptions).where(and(eq(redemptions.memberId, m), eq(redemptions.rewardId, reward.id)))).toEqual([{ n: 2 }]);

    // The limit counts live redemptions: another member still gets theirs.
    const other = await memberWithPoints(1_000);
    await expect(redeemReward({ ...web, memberId: other, rewardId: reward.id, quantity: 2 })).resolves.toMatchObject({ quantity: 2, pointsSpent: 1_000 });
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("the same confirmation token fired 10 times at once: one redemption, every caller gets it", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(5_000);
    const reward = await testReward({ type: "coupon", couponSource: "pattern", couponPattern: "ST-XXXX-9999", pointsPrice: 400, stock: 10 });

    const { ok, errors } = outcome(await Promise.allSettled(Array.from({ length: 10 }, () => redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 2, requestKey: "confirm-7f3a" }))));
    expect(errors).toEqual({});
    expect(ok).toHaveLength(10);
    expect(new Set(ok.map((r) => r.id)).size).toBe(1);
    // The replays carry the same coupons as the first answer.
    expect(new Set(ok.map((r) => r.coupons!.map((c) => c.code).sort().join(","))).size).toBe(1);
    expect(ok[0]!.coupons).toHaveLength(2);

    expect(await db.select({ n: count() }).from(redemptions).where(eq(redemptions.memberId, m))).toEqual([{ n: 1 }]);
    expect((await getBalance(m)).available).toBe(5_000 - 800);
    expect(await entryCount(m)).toBe(2);
    expect(await rewardRow(reward.id)).toMatchObject({ stock: 8, redeemedCount: 2 });
    expect((await movements(reward.id)).sum).toBe(8);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("redeems and cancels interleaved (member and staff, two members, two rewards): no deadlock, exact stock and balances", async () => {
    freezeClock(T0);
    const START = 50_000;
    const ma = await memberWithPoints(START);
    const mb = await memberWithPoints(START);
    const a = await testReward({ type: "physical", pointsPrice: 300, stock: 40 });
    const b = await testReward({ type: "physical", pointsPrice: 700, stock: 40 });

    // Twelve redemptions to cancel during the storm (6 per member, across both rewards).
    const earlier: RedemptionResult[] = [];
    for (let i = 0; i < 12; i++) {
      earlier.push(await redeemReward({ ...web, memberId: i % 2 ? mb : ma, rewardId: i % 3 ? a.id : b.id, quantity: 1 + (i % 3) }));
    }
    const owner = (i: number) => (i % 2 ? mb : ma);

    // The storm: each earlier redemption cancelled twice (once by the member, once by staff), and
    // 24 new redemptions, shuffled together.
    const jobs: (() => Promise<unknown>)[] = [];
    earlier.forEach((r, i) => {
      jobs.push(() => cancelRedemption({ redemptionId: r.id, by: "member", memberId: owner(i), actor: "member", reason: "storm" }));
      jobs.push(() => cancelRedemption({ redemptionId: r.id, by: "staff", actor: "staff:ops", reason: "storm" }));
    });
    // ma takes 2 at a time and mb 1, six times each on each reward.
    for (let i = 0; i < 24; i++) {
      jobs.push(() => redeemReward({ ...web, memberId: i % 2 ? ma : mb, rewardId: i % 4 < 2 ? a.id : b.id, quantity: 1 + (i % 2) }));
    }
    let seed = 7;
    for (let i = jobs.length - 1; i > 0; i--) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = seed % (i + 1);
      [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
    }
    const { ok, errors } = outcome(await Promise.allSettled(jobs.map((job) => job())));
    expect(errors).toEqual({}); // a deadlock would show up here as 40P01
    expect(ok).toHaveLength(48);

    // Every earlier redemption is cancelled exactly once: one restore entry each, not two.
    const cancelled = await db.select().from(redemptions).where(inArray(redemptions.id, earlier.map((r) => r.id)));
    expect(cancelled.map((r) => r.status)).toEqual(Array(12).fill("cancelled"));
    const restores = await db.select().from(pointEntries).where(and(inArray(pointEntries.memberId, [ma, mb]), eq(pointEntries.type, "restore")));
    expect(restores).toHaveLength(12);
    expect(restores.reduce((s, e) => s + e.points, 0)).toBe(earlier.reduce((s, r) => s + r.pointsSpent, 0));

    // What is left is exactly the 24 new redemptions: stock and balances follow from them alone.
    const live = await db.select().from(redemptions).where(and(inArray(redemptions.memberId, [ma, mb]), sql`${redemptions.status} <> 'cancelled'`));
    expect(live).toHaveLength(24);
    for (const reward of [a, b]) {
      const taken = live.filter((r) => r.rewardId === reward.id).reduce((s, r) => s + r.quantity, 0);
      expect(taken).toBe(6 * 2 + 6 * 1);
      expect(await rewardRow(reward.id)).toMatchObject({ stock: 40 - taken, redeemedCount: taken });
      const moves = await movements(reward.id);
      expect(moves.sum).toBe(40 - taken);
      expect(moves.rows.every((m) => m.stockAfter! >= 0)).toBe(true);
    }
    for (const [m, perRequest] of [[ma, 2], [mb, 1]] as const) {
      const spent = live.filter((r) => r.memberId === m).reduce((s, r) => s + r.pointsSpent, 0);
      expect(spent).toBe(6 * perRequest * 300 + 6 * perRequest * 700);
      expect((await getBalance(m)).available).toBe(START - spent);
      // credit + 6 earlier spends + 6 restores + 12 new spends
      expect(await entryCount(m)).toBe(1 + 6 + 6 + 12);
    }
    expect((await verifyLedger()).mismatches).toEqual([]);
  });
});
