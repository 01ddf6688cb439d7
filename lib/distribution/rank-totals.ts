// Leaderboard totals per distributor per local week and month (distributor_rank_totals), kept in
// the transactions that write and reverse commissions (wallet.ts), under the distributor's wallet
// lock — so the totals never race and a board reads O(distributors) rows instead of summing every
// commission of the month. Both figures are net of refunds:
//   commission = Σ (amount − reversed)
//   sales      = Σ over level-1 commissions of ⌊base × (amount − reversed) ÷ amount⌋ — refunds reverse
//                commissions in proportion, so this is the earning base still sold.
// Periods are keyed by their start (local Monday / the 1st, 00:00, in DEPLOYMENT_TZ). After changing
// DEPLOYMENT_TZ, run rebuildRankTotals once (the keys move with the zone).
import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor, type Tx } from "@/db/client";
import { distributorRankTotals, RANK_TOTAL_PERIODS } from "@/db/schema";
import { DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { localParts, zonedTimeToUtc } from "@/lib/rules/time-zone";

export type RankPeriod = (typeof RANK_TOTAL_PERIODS)[number];
export const RANK_PERIODS = RANK_TOTAL_PERIODS;

/** Start of the local week (Monday 00:00) or month (the 1st, 00:00) containing `at`, in `timeZone`. */
export function rankWindowStart(period: RankPeriod, at: Date, timeZone: string = env.DEPLOYMENT_TZ): Date {
  const p = localParts(at, timeZone);
  if (period === "month") return zonedTimeToUtc({ year: p.year, month: p.month, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(); // 0 = Sunday
  const back = (weekday + 6) % 7; // days since Monday
  const monday = localParts(new Date(at.getTime() - back * DAY_MS), timeZone);
  return zonedTimeToUtc({ year: monday.year, month: monday.month, day: monday.day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** Pure: the sales a commission still counts for (level 1 only), rounded down; exact beyond 2^53. */
export function salesCentsOf(c: { level: number; baseCents: number; amountCents: number }, reversedCents: number): number {
  if (c.level !== 1 || c.amountCents <= 0) return 0;
  return Number((BigInt(c.baseCents) * BigInt(c.amountCents - reversedCents)) / BigInt(c.amountCents));
}

export interface RankTotalDelta {
  period: RankPeriod;
  periodStart: Date;
  distributorId: string;
  salesCents: number;
  commissionCents: number;
}

/** Pure: the week and month rows a commission moves, when its reversed cents go from `before` to `after`. */
export function rankTotalDeltas(
  c: { distributorId: string; level: number; baseCents: number; amountCents: number; createdAt: Date },
  before: number,
  after: number,
  timeZone: string = env.DEPLOYMENT_TZ,
): RankTotalDelta[] {
  const salesCents = salesCentsOf(c, after) - salesCentsOf(c, before);
  const commissionCents = c.amountCents - after - (c.amountCents - before);
  return RANK_PERIODS.map((period) => ({ period, periodStart: rankWindowStart(period, c.createdAt, timeZone), distributorId: c.distributorId, salesCents, commissionCents }));
}

/** Adds deltas to their rows (creating them). The caller holds each distributor's wallet lock. */
export async function applyRankTotals(tx: Tx, deltas: readonly RankTotalDelta[]): Promise<void> {
  const moving = deltas.filter((d) => d.salesCents !== 0 || d.commissionCents !== 0);
  if (!moving.length) return;
  await tx
    .insert(distributorRankTotals)
    .values(moving.map((d) => ({ ...d })))
    .onConflictDoUpdate({
      target: [distributorRankTotals.period, distributorRankTotals.periodStart, distributorRankTotals.distributorId],
      set: {
        salesCents: sql`${distributorRankTotals.salesCents} + excluded.sales_cents`,
        commissionCents: sql`${distributorRankTotals.commissionCents} + excluded.commission_cents`,
      },
    });
}

/** The totals recomputed from the commissions themselves, as SQL (the rebuild and the check share it). */
function fromCommissions(timeZone: string) {
  return sql`
    select p.period, (date_trunc(p.period, c.created_at at time zone ${timeZone}) at time zone ${timeZone}) period_start, c.distributor_id,
           coalesce(sum(div(c.base_cents::numeric * (c.amount_cents - c.reversed_cents), c.amount_cents)) filter (where c.level = 1), 0)::bigint sales_cents,
           sum(c.amount_cents - c.reversed_cents)::bigint commission_cents
      from commissions c cross join (values ('week'), ('month')) p(period)
     group by 1, 2, 3`;
}

/** Recomputes every total from the commissions (after a restore, or a change of DEPLOYMENT_TZ). */
export async function rebuildRankTotals(ex: Executor = db, timeZone: string = env.DEPLOYMENT_TZ): Promise<number> {
  return ex.transaction(async (tx) => {
    await tx.execute(sql`lock table distributor_rank_totals in exclusive mode`);
    await tx.delete(distributorRankTotals);
    const rows = rowsOf<{ n: number }>(await tx.execute(sql`with ins as (insert into distributor_rank_totals (period, period_start, distributor_id, sales_cents, commission_cents) ${fromCommissions(timeZone)} returning 1) select count(*)::int n from ins`));
    return rows[0]?.n ?? 0;
  });
}

export interface RankTotalMismatch {
  period: string;
  periodStart: string;
  distributorId: string;
  stored: { sales: number; commission: number };
  expected: { sales: number; commission: number };
}

/** Rows whose stored totals differ from the commissions' (empty when the rollup is right). */
export async function verifyRankTotals(ex: Executor = db, timeZone: string = env.DEPLOYMENT_TZ): Promise<RankTotalMismatch[]> {
  const rows = rowsOf<{ period: string; period_start: string; distributor_id: string; s_sales: string; s_comm: string; e_sales: string; e_comm: string }>(
    await ex.execute(sql`
      with e as (${fromCommissions(timeZone)})
      select coalesce(t.period, e.period) period, coalesce(t.period_start, e.period_start)::text period_start, coalesce(t.distributor_id, e.distributor_id)::text distributor_id,
             coalesce(t.sales_cents, 0)::text s_sales, coalesce(t.commission_cents, 0)::text s_comm, coalesce(e.sales_cents, 0)::text e_sales, coalesce(e.commission_cents, 0)::text e_comm
        from distributor_rank_totals t
        full join e on e.period = t.period and e.period_start = t.period_start and e.distributor_id = t.distributor_id
       where coalesce(t.sales_cents, 0) <> coalesce(e.sales_cents, 0) or coalesce(t.commission_cents, 0) <> coalesce(e.commission_cents, 0)`),
  );
  return rows.map((r) => ({
    period: r.period,
    periodStart: r.period_start,
    distributorId: r.distributor_id,
    stored: { sales: Number(r.s_sales), commission: Number(r.s_comm) },
    expected: { sales: Number(r.e_sales), commission: Number(r.e_comm) },
  }));
}
