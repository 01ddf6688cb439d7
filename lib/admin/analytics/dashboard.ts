// Everything the analytics dashboard shows for a date range, read from the rollups (a few hundred
// day rows, and per-key breakdowns by month for whole months and by day for the rest, whatever the
// ledger's size) plus three "now" figures read by partial index.
import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import type { AnalyticsItemKind } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import type { CheckoutPolicy } from "@/lib/rules/schema";
import { FIGURE_KEYS, fillDays, liabilityCents, outstandingSeries, rates, tierDistribution, totals, type DayFigures, type Figure } from "./metrics";
import { itemsOver, topItemsOver } from "./items";
import type { DateRange } from "./range";
import { localDay } from "./refresh-rollups";

type Localized = { "zh-CN": string; en: string };

export interface Dashboard {
  range: DateRange;
  days: (DayFigures & { outstanding: number })[];
  totals: Record<Figure, number>;
  outstandingPoints: number;
  liabilityCents: number;
  checkout: CheckoutPolicy;
  redemptionRateBps: number | null;
  breakageBps: number | null;
  /** Average of the daily distinct active members over the range. */
  averageDailyActive: number;
  topRewards: { id: string; name: string; nameEn: string | null; units: number; points: number }[];
  topDistributors: { id: string; code: string | null; name: string | null; orders: number; commissionCents: number }[];
  tiers: { code: string; name: Localized | null; members: number }[];
  tierMoves: { from: string | null; to: string; members: number }[];
  commissionsNow: { pendingCents: number; payableCents: number; withdrawingCents: number };
  /** Referral link clicks in the range. */
  referralClicks: number;
}

const num = (v: unknown) => Number(v ?? 0);
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const DAY_COLUMNS = sql.raw(FIGURE_KEYS.map((k) => `${snake(k)} as "${k}"`).join(", "));

/**
 * A top list over the range. A preset ending today reads the list the last rollup refresh stored
 * for it (analytics_top_items: summing a year of items per key is most of a 1M-member dashboard's
 * time, ~0.9 s); any other range, or a preset before its first refresh today, sums the items.
 */
function topList(kind: AnalyticsItemKind, range: DateRange, today: string): SQL {
  if (range.preset === null || range.to !== today) return topItemsOver(kind, range.from, range.to);
  return sql`
    with stored as (
      select key, count, amount from analytics_top_items where kind = ${kind} and days = ${range.preset} and through = ${range.to}
    )
    select key, count, amount from stored
    union all
    select * from (${topItemsOver(kind, range.from, range.to)}) live where not exists (select 1 from stored)`;
}

/**
 * Marks a statement to run without parallel workers. The unswept-points statement is the case: the
 * planner multiplies the selectivities of "past expiry", "points left" and "not written off" as if
 * independent (≈ 200k of 8M lots at 1M members) while the sweep keeps the true count near zero, so
 * it plans a parallel scan whose worker start-up alone costs 0.1–0.7 s on a busy machine, for an
 * index that holds a handful of entries.
 */
const SERIAL = Symbol("serial");
type SerialSql = SQL & { [SERIAL]?: true };
const serial = (query: SQL): SQL => Object.assign(query, { [SERIAL]: true as const });

/**
 * Every statement the dashboard runs for a range, by name (the benchmark times and explains them
 * one by one; loadDashboard runs them all at once). Each reads rollup rows — a few hundred days,
 * or one row per key per month — or a partial index of "now" figures, never the raw history.
 */
export function dashboardQueries(range: DateRange, at: Date, timeZone: string = env.DEPLOYMENT_TZ) {
  const { from, to } = range;
  const atIso = at.toISOString();
  const today = localDay(at, timeZone);
  return {
    days: sql`select day::text as day, ${DAY_COLUMNS} from analytics_daily where day between ${from} and ${to} order by day`,
    opening: sql`select coalesce(sum(points_net), 0)::bigint as points from analytics_daily where day < ${from}`,
    // The tier distribution is a running total from the first day (a handful of keys a day).
    tiers: sql`select key, sum(count)::bigint as count from analytics_daily_items where kind = 'tier' and day <= ${to} group by key`,
    topRewards: sql`
      select t.key as id, t.count as units, t.amount as points, r.name, r.name_en
        from (${topList("reward", range, today)}) t
        left join rewards r on r.id = t.key::uuid
       order by t.amount desc, t.key`,
    topDistributors: sql`
      select t.key as id, t.count as orders, t.amount as cents, d.code, u.name
        from (${topList("distributor", range, today)}) t
        left join distributors d on d.member_id = t.key::uuid
        left join users u on u.id = t.key::uuid
       order by t.amount desc, t.key`,
    tierMoves: sql`select key, count from (${itemsOver("tier-move", from, to)}) m order by count desc, key`,
    // Commissions now, from the wallets' stored figures (one row per distributor; the wallet
    // invariant keeps pending = Σ unreleased commissions) plus what has come due but the release
    // sweep has not flipped yet: only in wallets whose next release date has passed, read by the
    // unreleased-commissions index. Held commissions stay pending: they are not payable.
    commissionsNow: sql`
      select w.pending, w.available, w.withdrawing, coalesce(d.due, 0)::bigint as due
        from (select coalesce(sum(pending_cents), 0)::bigint as pending, coalesce(sum(available_cents), 0)::bigint as available,
                     coalesce(sum(withdrawing_cents), 0)::bigint as withdrawing
                from distributor_wallets) w,
             (select sum(c.amount_cents - c.reversed_cents) as due
                from distributor_wallets dw
                join commissions c on c.distributor_id = dw.distributor_id and c.released_at is null and c.status = 'pending'
                                  and c.held_by_case_id is null and c.available_at <= ${atIso}::timestamptz
               where dw.next_release_at <= ${atIso}::timestamptz) d`,
    // Points past their expiry that the sweep has not written off yet: not a liability any more.
    // Only a range that reaches today shows "now" (point_lots_expiry_idx).
    unswept:
      to >= today
        ? serial(sql`select coalesce(sum(remaining), 0)::bigint as points from point_lots where remaining > 0 and expired_at is null and expires_at <= ${atIso}::timestamptz`)
        : null,
    // The referral funnel's first step: link clicks in the range (referral_clicks_created_idx).
    referralClicks: sql`
      select count(*)::bigint as n from referral_clicks
       where created_at >= (${from}::date::timestamp at time zone ${timeZone}) and created_at < ((${to}::date + 1)::timestamp at time zone ${timeZone})`,
  } satisfies Record<string, SQL | null>;
}
export type DashboardQuery = keyof ReturnType<typeof dashboardQueries>;

/** Runs one of the dashboard's statements (the page and the benchmark go through here). */
export async function runDashboardQuery(ex: Executor, query: SQL) {
  if (!(query as SerialSql)[SERIAL]) return ex.execute(query);
  return ex.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return tx.execute(query);
  });
}

export async function loadDashboard(range: DateRange, { at = now(), ex = db }: { at?: Date; ex?: Executor } = {}): Promise<Dashboard> {
  const q = dashboardQueries(range, at);
  const read = async (query: SQL | null) => (query ? rowsOf<Record<string, unknown>>(await runDashboardQuery(ex, query)) : []);
  const [rows, opening, tierRows, rewardRows, distributorRows, moveRows, live, unswept, clicks, ruleset] = await Promise.all([
    read(q.days),
    read(q.opening),
    read(q.tiers),
    read(q.topRewards),
    read(q.topDistributors),
    read(q.tierMoves),
    read(q.commissionsNow),
    read(q.unswept),
    read(q.referralClicks),
    loadRuleset(at, ex),
  ]);

  const dayRows: DayFigures[] = rows.map((r) => ({ day: String(r.day), ...(Object.fromEntries(FIGURE_KEYS.map((k) => [k, num(r[k])])) as Record<Figure, number>) }));
  const filled = fillDays(dayRows, range.from, range.to);
  const openingPoints = num(opening[0]?.points);
  const series = outstandingSeries(filled, openingPoints);
  const days = filled.map((d, i) => ({ ...d, outstanding: series[i]!.outstanding }));
  const sum = totals(filled);
  const outstandingPoints = Math.max(0, (series.at(-1)?.outstanding ?? openingPoints) - num(unswept[0]?.points));
  const checkout = ruleset.earning.definition.checkout;
  const tierDefs = ruleset.tiers.definition.tiers;
  const c = live[0] ?? {};

  return {
    range,
    days,
    totals: sum,
    outstandingPoints,
    liabilityCents: liabilityCents(outstandingPoints, checkout),
    checkout,
    ...rates(sum),
    averageDailyActive: filled.length ? Math.round(sum.activeMembers / filled.length) : 0,
    topRewards: rewardRows.map((r) => ({ id: String(r.id), name: String(r.name ?? r.id), nameEn: (r.name_en as string | null) ?? null, units: num(r.units), points: num(r.points) })),
    topDistributors: distributorRows.map((r) => ({ id: String(r.id), code: (r.code as string | null) ?? null, name: (r.name as string | null) ?? null, orders: num(r.orders), commissionCents: num(r.cents) })),
    tiers: tierDistribution(
      tierRows.map((r) => ({ key: String(r.key), count: num(r.count) })),
      tierDefs.map((t) => t.code),
    ).map((t) => ({ ...t, name: tierDefs.find((d) => d.code === t.code)?.name ?? null })),
    tierMoves: moveRows.map((r) => {
      const [fromCode, toCode] = String(r.key).split(">");
      return { from: fromCode || null, to: toCode ?? "", members: num(r.count) };
    }),
    commissionsNow: { pendingCents: num(c.pending) - num(c.due), payableCents: num(c.available) + num(c.due), withdrawingCents: num(c.withdrawing) },
    referralClicks: num(clicks[0]?.n),
  };
}
