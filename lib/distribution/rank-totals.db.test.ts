// The leaderboard totals kept in the commission transactions equal what the commissions say, after
// any sequence of orders, partial and full refunds, cancelled risk holds and clock moves across week
// and month boundaries; and the boards read from them rank exactly as summing the commissions would.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { and, eq, sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { distributorRankTotals, members, riskCases } from "@/db/schema";
import { DAY_MS, freezeClock, now } from "@/lib/clock";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { leaderboard, rankWindowStart, type RankMetric, type RankPeriod } from "./leaderboard";
import { rebuildRankTotals, verifyRankTotals } from "./rank-totals";
import { decideRiskCase } from "./risk";
import { newDistributor, newMember, testOrder } from "./testing";

const T0 = new Date("2026-11-27T04:00:00Z"); // a Friday: the clock crosses a week and a month end
const admin = { userId: "0190f000-0000-7000-8000-00000000a002", email: "rank@test" };

/**
 * The board as the commissions themselves give it (the pre-rollup query, bounded by the period's
 * end rather than now: each run starts the clock at T0 again, after earlier runs wrote commissions
 * later on): [rank, cents], best first.
 */
async function rawBoard(period: RankPeriod, metric: RankMetric): Promise<[number, number][]> {
  const since = rankWindowStart(period, now());
  const until = period === "week" ? new Date(since.getTime() + 7 * DAY_MS) : rankWindowStart("month", new Date(since.getTime() + 32 * DAY_MS));
  const value = metric === "commission" ? sql`sum(amount_cents - reversed_cents)` : sql`coalesce(sum(base_cents * (amount_cents - reversed_cents) / amount_cents) filter (where level = 1), 0)`;
  const rows = rowsOf<{ cents: string }>(
    await db.execute(sql`select ${value}::text cents from commissions where created_at >= ${since.toISOString()}::timestamptz and created_at < ${until.toISOString()}::timestamptz group by distributor_id`),
  );
  const cents = rows.map((r) => Number(r.cents)).filter((c) => c > 0).sort((a, b) => b - a);
  return cents.map((c) => [1 + cents.filter((x) => x > c).length, c]);
}

describe("distributor_rank_totals", () => {
  test("equal the commissions after random orders, refunds, cancelled holds and clock moves; boards agree with the raw sums", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant("order" as const), buyer: fc.nat(3), cents: fc.integer({ min: 100, max: 50_000 }) }),
            fc.record({ kind: fc.constant("refund" as const), pick: fc.nat(20), part: fc.integer({ min: 1, max: 100 }) }),
            fc.record({ kind: fc.constant("advance" as const), hours: fc.integer({ min: 1, max: 24 * 9 }) }),
            fc.record({ kind: fc.constant("cancel" as const) }),
          ),
          { minLength: 4, maxLength: 14 },
        ),
        async (steps) => {
          const clock = freezeClock(T0);
          const top = await newDistributor();
          const mid = await newDistributor(top.code);
          const other = await newDistributor();
          const buyers = [await newMember(mid.code), await newMember(mid.code), await newMember(other.code), await newMember(top.code)];
          // Buyer 1 shares a phone with mid: their orders open a case whose cancel reverses commissions.
          await db.update(members).set({ phone: `r-${mid.id}` }).where(eq(members.id, buyers[1]!));
          await db.update(members).set({ phone: `r-${mid.id}` }).where(eq(members.id, mid.id));
          const placed: { externalId: string; paid: number; refunded: number }[] = [];
          for (const s of steps) {
            if (s.kind === "order") {
              const o = testOrder(buyers[s.buyer]!, { items: [{ sku: "X", quantity: 1, unitPriceCents: s.cents }], shippingCents: 0 });
              await ingestOrder(o, { actor: "t" });
              placed.push({ externalId: o.externalId, paid: s.cents, refunded: 0 });
            } else if (s.kind === "refund" && placed.length) {
              const p = placed[s.pick % placed.length]!;
              const amount = Math.min(p.paid - p.refunded, Math.max(1, Math.floor((p.paid * s.part) / 100)));
              if (amount > 0) {
                await refundOrder(p.externalId, { amountCents: amount }, { actor: "t" });
                p.refunded += amount;
              }
            } else if (s.kind === "advance") {
              clock.advance(s.hours * 3_600_000);
            } else if (s.kind === "cancel") {
              const [open] = await db.select().from(riskCases).where(and(eq(riskCases.distributorId, mid.id), eq(riskCases.status, "open")));
              if (open) await decideRiskCase(open.id, { decision: "cancel", reason: "test" }, admin);
            }
          }
          expect(await verifyRankTotals()).toEqual([]);
          // Every board (all distributors so far, earlier runs included) ranks as the raw sums do.
          for (const period of ["week", "month"] as const) {
            for (const metric of ["sales", "commission"] as const) {
              const board = await leaderboard(top.id, { period, metric, limit: 10_000 });
              expect(board.top.map((r) => [r.rank, r.cents])).toEqual(await rawBoard(period, metric));
            }
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});

test("a rebuild from the commissions gives the same totals", async () => {
  const before = await db.select().from(distributorRankTotals);
  expect(before.length).toBeGreaterThan(0);
  await rebuildRankTotals();
  const after = await db.select().from(distributorRankTotals);
  const key = (r: typeof before[number]) => `${r.period}|${r.periodStart.toISOString()}|${r.distributorId}|${r.salesCents}|${r.commissionCents}`;
  expect(after.map(key).sort()).toEqual(before.map(key).sort());
  expect(await verifyRankTotals()).toEqual([]);
});
