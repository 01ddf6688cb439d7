// The distributor's referral funnel over a period: link visits in the period → people who signed
// up through them in the period → of those, who placed a first order → who bought again (orders up
// to the end of the period). Two indexed queries: clicks by (distributor, time); the sign-up
// cohort by the partial index on sign-up attributions, each member's orders counted by the
// orders (member, placedAt) index and capped at 2 (so a big spender costs no more than anyone).
import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { DAY_MS, now } from "@/lib/clock";

export const FUNNEL_PERIODS = [7, 30, 90] as const;
export type FunnelPeriod = (typeof FUNNEL_PERIODS)[number];

export function parseFunnelPeriod(v: unknown): FunnelPeriod {
  const n = Number(v);
  return FUNNEL_PERIODS.find((p) => p === n) ?? 30;
}

export interface ReferralFunnel {
  days: FunnelPeriod;
  from: Date;
  to: Date;
  clicks: number;
  visitors: number;
  signups: number;
  firstOrders: number;
  repeatBuyers: number;
}

export async function referralFunnel(distributorId: string, { days = 30, at = now(), ex = db }: { days?: FunnelPeriod; at?: Date; ex?: Executor } = {}): Promise<ReferralFunnel> {
  const from = new Date(at.getTime() - days * DAY_MS);
  const [clicks, cohort] = await Promise.all([
    ex.execute(sql`
      select count(*)::int as clicks, count(distinct visitor_hash)::int as visitors
        from referral_clicks
       where distributor_id = ${distributorId} and created_at >= ${from.toISOString()} and created_at < ${at.toISOString()}`),
    ex.execute(sql`
      with cohort as (
        select distinct on (member_id) member_id, created_at
          from referral_attributions
         where distributor_id = ${distributorId} and at_signup
           and created_at >= ${from.toISOString()} and created_at < ${at.toISOString()}
         order by member_id, created_at)
      select count(*)::int as signups,
             count(*) filter (where o.n >= 1)::int as first_orders,
             count(*) filter (where o.n >= 2)::int as repeat_buyers
        from cohort c
        cross join lateral (
          select count(*) as n from (
            select 1 from orders
             where member_id = c.member_id and placed_at >= c.created_at and placed_at < ${at.toISOString()}
             limit 2) x) o`),
  ]);
  const c = rowsOf<{ clicks: number; visitors: number }>(clicks)[0]!;
  const s = rowsOf<{ signups: number; first_orders: number; repeat_buyers: number }>(cohort)[0]!;
  return { days, from, to: at, clicks: c.clicks, visitors: c.visitors, signups: s.signups, firstOrders: s.first_orders, repeatBuyers: s.repeat_buyers };
}

/** Step-to-step conversion, null when the step before is empty (a rate of nothing). */
export function conversion(step: number, previous: number): number | null {
  return previous > 0 ? step / previous : null;
}
