// What the distributor dashboard shows: earnings (today / this month / all time, net of reversals),
// the wallet with the dates pending money frees up, earnings over time, attributed orders with the
// buyer masked, and the team by level. Reads only; every query is bounded by an index on the
// distributor (commissions_distributor_idx, referral_paths_ancestor_depth_idx).
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { commissions, orders, referralPaths, users } from "@/db/schema";
import { now as clockNow, DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { localParts, zonedTimeToUtc } from "@/lib/rules/time-zone";
import { commissionStatus, type CommissionStatus } from "./commission-math";
import { getWallet, upcomingReleases, type UpcomingRelease, type WalletView } from "./get-wallet";
import { localDayStart } from "./request-withdrawal";

export interface DashboardSummary {
  /** Commission earned (net of what refunds took back), by when it was earned, in the deployment zone. */
  earnings: { todayCents: number; monthCents: number; allTimeCents: number };
  wallet: WalletView;
  /** Pending money by the date it frees up, soonest first. */
  upcoming: UpcomingRelease[];
  team: { level1: number; level2: number };
}

function localMonthStart(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return zonedTimeToUtc({ year: p.year, month: p.month, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

export async function dashboardSummary(distributorId: string, { ex = db, at = clockNow(), timeZone = env.DEPLOYMENT_TZ }: { ex?: Executor; at?: Date; timeZone?: string } = {}): Promise<DashboardSummary> {
  const net = sql`${commissions.amountCents} - ${commissions.reversedCents}`;
  const [[earned], wallet, upcoming, team] = await Promise.all([
    ex
      .select({
        today: sql<string>`coalesce(sum(${net}) filter (where ${commissions.createdAt} >= ${localDayStart(at, timeZone).toISOString()}), 0)`,
        month: sql<string>`coalesce(sum(${net}) filter (where ${commissions.createdAt} >= ${localMonthStart(at, timeZone).toISOString()}), 0)`,
        all: sql<string>`coalesce(sum(${net}), 0)`,
      })
      .from(commissions)
      .where(eq(commissions.distributorId, distributorId)),
    getWallet(distributorId, { ex, at }),
    upcomingReleases(distributorId, { ex, at }),
    teamCounts(distributorId, ex),
  ]);
  return {
    earnings: { todayCents: Number(earned?.today ?? 0), monthCents: Number(earned?.month ?? 0), allTimeCents: Number(earned?.all ?? 0) },
    wallet,
    upcoming,
    team,
  };
}

export async function teamCounts(distributorId: string, ex: Executor = db): Promise<{ level1: number; level2: number }> {
  const rows = await ex
    .select({ depth: referralPaths.depth, n: sql<number>`count(*)::int` })
    .from(referralPaths)
    .where(and(eq(referralPaths.ancestorId, distributorId), inArray(referralPaths.depth, [1, 2])))
    .groupBy(referralPaths.depth);
  return { level1: rows.find((r) => r.depth === 1)?.n ?? 0, level2: rows.find((r) => r.depth === 2)?.n ?? 0 };
}

export interface EarningsPoint {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  cents: number;
}

/** Net commission per local day over the last `days` days (today included), zero-filled. */
export async function earningsSeries(distributorId: string, { days = 30, ex = db, at = clockNow(), timeZone = env.DEPLOYMENT_TZ }: { days?: number; ex?: Executor; at?: Date; timeZone?: string } = {}): Promise<EarningsPoint[]> {
  const start = localDayStart(new Date(at.getTime() - (days - 1) * DAY_MS), timeZone);
  const rows = rowsOf<{ day: string; cents: string }>(
    await ex.execute(sql`
      select to_char(${commissions.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD') as day, sum(${commissions.amountCents} - ${commissions.reversedCents}) as cents
        from ${commissions}
       where ${commissions.distributorId} = ${distributorId} and ${commissions.createdAt} >= ${start.toISOString()}
       group by 1`),
  );
  const byDay = new Map(rows.map((r) => [r.day, Number(r.cents)]));
  const out: EarningsPoint[] = [];
  for (let i = 0; i < days; i++) {
    const p = localParts(new Date(start.getTime() + i * DAY_MS + 12 * 3_600_000), timeZone); // midday: clear of DST edges
    const day = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
    if (!out.some((x) => x.day === day)) out.push({ day, cents: byDay.get(day) ?? 0 });
  }
  return out.slice(-days);
}

/** "张三丰" → "张**", "Alice" → "A****", "alice@example.com" → "a****@example.com"; empty → "—". */
export function maskBuyer(name: string | null | undefined, email?: string | null): string {
  const n = (name ?? "").trim();
  if (n) {
    const chars = [...n];
    return chars[0] + "*".repeat(Math.max(1, Math.min(chars.length - 1, 4)));
  }
  const e = (email ?? "").trim();
  const at = e.indexOf("@");
  if (at > 0) return `${e[0]}****${e.slice(at)}`;
  return "—";
}

export interface AttributedOrder {
  commissionId: string;
  orderExternalId: string;
  placedAt: string;
  buyer: string;
  level: number;
  paidCents: number;
  amountCents: number;
  reversedCents: number;
  status: CommissionStatus;
  availableAt: string;
}

/** Orders this distributor earned on, newest first (keyset on the commission's createdAt, id). Buyers masked. */
export async function attributedOrders(
  distributorId: string,
  { limit = 20, after, ex = db, at = clockNow() }: { limit?: number; after?: { createdAt: Date; id: string }; ex?: Executor; at?: Date } = {},
): Promise<{ items: AttributedOrder[]; next: { createdAt: Date; id: string } | null }> {
  const rows = await ex
    .select({ c: commissions, externalId: orders.externalId, placedAt: orders.placedAt, paidCents: orders.paidCents, name: users.name, email: users.email })
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderId))
    .leftJoin(users, eq(users.id, commissions.buyerId))
    .where(
      and(
        eq(commissions.distributorId, distributorId),
        after ? or(lt(commissions.createdAt, after.createdAt), and(eq(commissions.createdAt, after.createdAt), lt(commissions.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(commissions.createdAt), desc(commissions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      commissionId: r.c.id,
      orderExternalId: r.externalId,
      placedAt: r.placedAt.toISOString(),
      buyer: r.c.buyerId === distributorId ? "self" : maskBuyer(r.name, r.email),
      level: r.c.level,
      paidCents: r.paidCents,
      amountCents: r.c.amountCents,
      reversedCents: r.c.reversedCents,
      status: commissionStatus(r.c, at),
      availableAt: r.c.availableAt.toISOString(),
    })),
    next: rows.length > limit && last ? { createdAt: last.c.createdAt, id: last.c.id } : null,
  };
}
