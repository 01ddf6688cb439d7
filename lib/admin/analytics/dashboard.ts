// Everything the analytics dashboard shows for a date range, read from the daily rollups (a few
// hundred rows whatever the ledger's size) plus three "now" figures read by partial index.
import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { analyticsDaily } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import type { CheckoutPolicy } from "@/lib/rules/schema";
import { fillDays, liabilityCents, outstandingSeries, rates, tierDistribution, totals, type DayFigures, type Figure } from "./metrics";
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

export async function loadDashboard(range: DateRange, { at = now(), ex = db }: { at?: Date; ex?: Executor } = {}): Promise<Dashboard> {
  const { from, to } = range;
  const today = localDay(at, env.DEPLOYMENT_TZ);
  const [rows, opening, tierRows, rewardRows, distributorRows, moveRows, live, unswept, clicks, ruleset] = await Promise.all([
    ex.select().from(analyticsDaily).where(sql`${analyticsDaily.day} between ${from} and ${to}`).orderBy(analyticsDaily.day),
    ex.execute(sql`select coalesce(sum(points_net), 0)::bigint as points from analytics_daily where day < ${from}`),
    ex.execute(sql`select key, sum(count)::bigint as count from analytics_daily_items where kind = 'tier' and day <= ${to} group by key`),
    ex.execute(sql`
      select t.key as id, t.units, t.points, r.name, r.name_en
        from (select key, sum(count)::bigint as units, sum(amount)::bigint as points
                from analytics_daily_items where kind = 'reward' and day between ${from} and ${to}
               group by key order by sum(amount) desc, key limit 10) t
        left join rewards r on r.id = t.key::uuid
       order by t.points desc, t.key`),
    ex.execute(sql`
      select t.key as id, t.orders, t.cents, d.code, u.name
        from (select key, sum(count)::bigint as orders, sum(amount)::bigint as cents
                from analytics_daily_items where kind = 'distributor' and day between ${from} and ${to}
               group by key order by sum(amount) desc, key limit 10) t
        left join distributors d on d.member_id = t.key::uuid
        left join users u on u.id = t.key::uuid
       order by t.cents desc, t.key`),
    ex.execute(sql`
      select key, sum(count)::bigint as count from analytics_daily_items
       where kind = 'tier-move' and day between ${from} and ${to} group by key order by sum(count) desc, key`),
    // Commissions now: unreleased ones (partial index) split by whether their time has come, and
    // the wallets' released-but-not-withdrawn money.
    ex.execute(sql`
      select (select coalesce(sum(amount_cents - reversed_cents) filter (where available_at > ${at.toISOString()}::timestamptz), 0)
                from commissions where released_at is null and status = 'pending')::bigint as pending,
             (select coalesce(sum(amount_cents - reversed_cents) filter (where available_at <= ${at.toISOString()}::timestamptz), 0)
                from commissions where released_at is null and status = 'pending')::bigint as due,
             (select coalesce(sum(available_cents), 0) from distributor_wallets)::bigint as available,
             (select coalesce(sum(withdrawing_cents), 0) from distributor_wallets)::bigint as withdrawing`),
    // Points past their expiry that the sweep has not written off yet: not a liability any more.
    to >= today
      ? ex.execute(sql`
          select coalesce(sum(remaining), 0)::bigint as points from point_lots
           where remaining > 0 and expired_at is null and expires_at <= ${at.toISOString()}::timestamptz`)
      : Promise.resolve([{ points: 0 }]),
    countReferralClicks(ex, from, to),
    loadRuleset(at, ex),
  ]);

  const filled = fillDays(rows, from, to);
  const openingPoints = num(rowsOf<{ points: unknown }>(opening)[0]?.points);
  const series = outstandingSeries(filled, openingPoints);
  const days = filled.map((d, i) => ({ ...d, outstanding: series[i]!.outstanding }));
  const sum = totals(filled);
  const outstandingPoints = Math.max(0, (series.at(-1)?.outstanding ?? openingPoints) - num(rowsOf<{ points: unknown }>(unswept)[0]?.points));
  const checkout = ruleset.earning.definition.checkout;
  const tierDefs = ruleset.tiers.definition.tiers;
  const c = rowsOf<Record<string, unknown>>(live)[0] ?? {};

  return {
    range,
    days,
    totals: sum,
    outstandingPoints,
    liabilityCents: liabilityCents(outstandingPoints, checkout),
    checkout,
    ...rates(sum),
    averageDailyActive: filled.length ? Math.round(sum.activeMembers / filled.length) : 0,
    topRewards: rowsOf<Record<string, unknown>>(rewardRows).map((r) => ({ id: String(r.id), name: String(r.name ?? r.id), nameEn: (r.name_en as string | null) ?? null, units: num(r.units), points: num(r.points) })),
    topDistributors: rowsOf<Record<string, unknown>>(distributorRows).map((r) => ({ id: String(r.id), code: (r.code as string | null) ?? null, name: (r.name as string | null) ?? null, orders: num(r.orders), commissionCents: num(r.cents) })),
    tiers: tierDistribution(
      rowsOf<{ key: string; count: unknown }>(tierRows).map((r) => ({ key: r.key, count: num(r.count) })),
      tierDefs.map((t) => t.code),
    ).map((t) => ({ ...t, name: tierDefs.find((d) => d.code === t.code)?.name ?? null })),
    tierMoves: rowsOf<{ key: string; count: unknown }>(moveRows).map((r) => {
      const [fromCode, toCode] = r.key.split(">");
      return { from: fromCode || null, to: toCode ?? "", members: num(r.count) };
    }),
    commissionsNow: { pendingCents: num(c.pending), payableCents: num(c.available) + num(c.due), withdrawingCents: num(c.withdrawing) },
    referralClicks: clicks,
  };
}

/** The referral funnel's first step: link clicks in the range (referral_clicks_created_idx). */
async function countReferralClicks(ex: Executor, from: string, to: string): Promise<number> {
  const tz = env.DEPLOYMENT_TZ;
  const [row] = rowsOf<{ n: unknown }>(
    await ex.execute(sql`
      select count(*)::bigint as n from referral_clicks
       where created_at >= (${from}::date::timestamp at time zone ${tz}) and created_at < ((${to}::date + 1)::timestamp at time zone ${tz})`),
  );
  return num(row?.n);
}
