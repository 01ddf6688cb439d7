// Weekly and monthly leaderboards of distributors, by sales or by commission, net of refunds.
//   commission = Σ (amount − reversed) of the distributor's commissions created in the window
//   sales      = Σ earning base of their level-1 commissions (orders they referred directly, or their
//                own with self-purchase on), less the refunded share: base × (amount − reversed) ÷ amount,
//                rounded down — refunds reverse commissions in proportion, so this is the base still sold.
// One statement: an index-only scan of the window on commissions_ranking_idx, grouped and ranked,
// returning the top rows and the viewer's own row. Privacy is applied here, on the server: an
// anonymous distributor's name and a hidden amount never leave it (except to that distributor).
import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { now as clockNow, DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { localParts, zonedTimeToUtc } from "@/lib/rules/time-zone";
import { localDayStart } from "./request-withdrawal";

export const RANK_PERIODS = ["week", "month"] as const;
export type RankPeriod = (typeof RANK_PERIODS)[number];
export const RANK_METRICS = ["sales", "commission"] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** Start of the current local week (Monday 00:00) or month (the 1st, 00:00) in the deployment zone. */
export function rankWindowStart(period: RankPeriod, at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  if (period === "month") return zonedTimeToUtc({ year: p.year, month: p.month, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(); // 0 = Sunday
  const back = (weekday + 6) % 7; // days since Monday
  return localDayStart(new Date(at.getTime() - back * DAY_MS), timeZone);
}

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
  { period, metric, limit = 10, ex = db, at = clockNow(), timeZone = env.DEPLOYMENT_TZ }: { period: RankPeriod; metric: RankMetric; limit?: number; ex?: Executor; at?: Date; timeZone?: string },
): Promise<Leaderboard> {
  const since = rankWindowStart(period, at, timeZone);
  const value =
    metric === "commission"
      ? sql`sum(c.amount_cents - c.reversed_cents)`
      : sql`coalesce(sum(c.base_cents * (c.amount_cents - c.reversed_cents) / c.amount_cents) filter (where c.level = 1), 0)`;
  const rows = rowsOf<{ distributor_id: string; rank: number | string; cents: number | string; name: string | null; rank_anonymous: boolean; rank_hide_amounts: boolean }>(
    await ex.execute(sql`
      with totals as (
        select c.distributor_id, ${value} as cents
          from commissions c
         where c.created_at >= ${since.toISOString()} and c.created_at <= ${at.toISOString()}
         group by c.distributor_id
      ), ranked as (
        select distributor_id, cents, rank() over (order by cents desc) as rank,
               row_number() over (order by cents desc, distributor_id) as pos
          from totals where cents > 0
      )
      select r.distributor_id, r.rank, r.cents, u.name, d.rank_anonymous, d.rank_hide_amounts
        from ranked r
        join distributors d on d.member_id = r.distributor_id
        left join users u on u.id = r.distributor_id
       where r.pos <= ${limit} or r.distributor_id = ${viewerId}::uuid
       order by r.pos`),
  );
  const stored: StoredRankRow[] = rows.map((r) => ({ distributorId: r.distributor_id, rank: Number(r.rank), cents: Number(r.cents), name: r.name, anonymous: r.rank_anonymous, hideAmounts: r.rank_hide_amounts }));
  const shown = stored.map((r) => presentRankRow(r, viewerId));
  return { since: since.toISOString(), top: shown.slice(0, limit), viewer: shown.find((r) => r.isViewer) ?? null };
}
