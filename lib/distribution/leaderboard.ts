// Weekly and monthly leaderboards of distributors, by sales or by commission, net of refunds.
//   commission = Σ (amount − reversed) of the distributor's commissions created in the window
//   sales      = Σ earning base of their level-1 commissions (orders they referred directly, or their
//                own with self-purchase on), less the refunded share: base × (amount − reversed) ÷ amount,
//                rounded down — refunds reverse commissions in proportion, so this is the base still sold.
// Both are kept per distributor per week and month in distributor_rank_totals (rank-totals.ts), in
// the transactions that write and reverse commissions; a board reads the top rows from an index
// on the period's totals and counts the rows above the viewer for their rank — O(distributors) at
// worst, never the month's commissions. Privacy is applied here, on the server: an anonymous
// distributor's name and a hidden amount never leave it (except to that distributor).
import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { now as clockNow } from "@/lib/clock";
import { rankWindowStart, RANK_PERIODS, type RankPeriod } from "./rank-totals";

export { rankWindowStart, RANK_PERIODS, type RankPeriod };
export const RANK_METRICS = ["sales", "commission"] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

export interface RankRow {
  rank: number;
  /** null: the distributor chose to appear anonymously. */
  name: string | null;
  /** null: the distributor chose to hide amounts. */
  cents: number | null;
  isViewer: boolean;
}

export interface StoredRankRow {
  distributorId: string;
  rank: number;
  cents: number;
  name: string | null;
  anonymous: boolean;
  hideAmounts: boolean;
}

/** What a viewer may see of a row: their own row always in full, others as they chose. */
export function presentRankRow(r: StoredRankRow, viewerId: string): RankRow {
  const isViewer = r.distributorId === viewerId;
  return {
    rank: r.rank,
    name: isViewer || !r.anonymous ? (r.name?.trim() || null) : null,
    cents: isViewer || !r.hideAmounts ? r.cents : null,
    isViewer,
  };
}

export interface Leaderboard {
  since: string;
  top: RankRow[];
  /** The viewer's row (also when outside the top), or null with nothing in the window. */
  viewer: RankRow | null;
}

export async function leaderboard(
  viewerId: string,
  { period, metric, limit = 10, ex = db, at = clockNow() }: { period: RankPeriod; metric: RankMetric; limit?: number; ex?: Executor; at?: Date },
): Promise<Leaderboard> {
  const since = rankWindowStart(period, at);
  const value = metric === "commission" ? sql.raw("commission_cents") : sql.raw("sales_cents");
  const inPeriod = sql`period = ${period} and period_start = ${since.toISOString()}::timestamptz`;
  // "desc nulls last" (the columns are never null) is the index's order: the top rows are its first
  // entries rather than a sort of the whole period.
  const rows = rowsOf<{ distributor_id: string; rank: number | string; cents: number | string; name: string | null; rank_anonymous: boolean; rank_hide_amounts: boolean }>(
    await ex.execute(sql`
      with shown as (
        (select distributor_id, ${value} as cents from distributor_rank_totals
          where ${inPeriod} and ${value} > 0 order by ${value} desc nulls last, distributor_id limit ${limit})
        union
        select distributor_id, ${value} from distributor_rank_totals where ${inPeriod} and distributor_id = ${viewerId}::uuid and ${value} > 0
      )
      select s.distributor_id, s.cents,
             1 + (select count(*) from distributor_rank_totals t where t.period = ${period} and t.period_start = ${since.toISOString()}::timestamptz and t.${value} > s.cents) as rank,
             u.name, d.rank_anonymous, d.rank_hide_amounts
        from shown s
        join distributors d on d.member_id = s.distributor_id
        left join users u on u.id = s.distributor_id
       order by s.cents desc, s.distributor_id`),
  );
  const stored: StoredRankRow[] = rows.map((r) => ({ distributorId: r.distributor_id, rank: Number(r.rank), cents: Number(r.cents), name: r.name, anonymous: r.rank_anonymous, hideAmounts: r.rank_hide_amounts }));
  const shown = stored.map((r) => presentRankRow(r, viewerId));
  return { since: since.toISOString(), top: shown.slice(0, limit), viewer: shown.find((r) => r.isViewer) ?? null };
}
