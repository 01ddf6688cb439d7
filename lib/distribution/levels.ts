// Distributor levels: the pure "which level now" calculator, the metrics it needs (a few indexed
// queries, bounded), and the automatic upgrade run in the order's transaction for the distributors
// it paid. Levels are ordered as the rule lists them (first = where everyone starts); a level with
// `upgrade: null` is assigned by an admin only. Automatic changes only ever go up.
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { distributors } from "@/db/schema";
import { now as clockNow, DAY_MS } from "@/lib/clock";
import type { DistributionRule, LevelUpgrade } from "@/lib/rules/schema";

type Level = DistributionRule["levels"][number];

export interface PeriodSales {
  /** Earning base of the orders that paid this distributor a commission, net of refunds. */
  teamCents: number;
  /** Their own orders, paid minus refunded. */
  ownCents: number;
}

export interface LevelMetrics {
  levelCode: string;
  /** Level-1 plus level-2 members (may be capped at the largest threshold: enough to decide). */
  teamSize: number;
  /** Sales per period length in days, for every period a condition asks about. */
  sales: Record<number, PeriodSales>;
}

export interface ConditionProgress {
  kind: "teamSize" | "teamSales" | "ownSales";
  have: number;
  need: number;
  periodDays: number | null;
}

/** Each condition of an upgrade with what the distributor has; unknown periods count as nothing. */
export function upgradeProgress(upgrade: LevelUpgrade, m: Omit<LevelMetrics, "levelCode">): ConditionProgress[] {
  const sales = m.sales[upgrade.periodDays] ?? { teamCents: 0, ownCents: 0 };
  const out: ConditionProgress[] = [];
  if (upgrade.minTeamSize !== null) out.push({ kind: "teamSize", have: m.teamSize, need: upgrade.minTeamSize, periodDays: null });
  if (upgrade.minTeamSalesCents !== null) out.push({ kind: "teamSales", have: sales.teamCents, need: upgrade.minTeamSalesCents, periodDays: upgrade.periodDays });
  if (upgrade.minOwnSalesCents !== null) out.push({ kind: "ownSales", have: sales.ownCents, need: upgrade.minOwnSalesCents, periodDays: upgrade.periodDays });
  return out;
}

export function qualifies(upgrade: LevelUpgrade | null, m: Omit<LevelMetrics, "levelCode">): boolean {
  if (!upgrade) return false;
  const conditions = upgradeProgress(upgrade, m);
  return conditions.length > 0 && conditions.every((c) => c.have >= c.need);
}

/**
 * The level the distributor should hold: the highest level above their current one whose
 * conditions they meet (levels may be skipped), else the current one — never lower. A distributor
 * whose level is not in the rule (renamed or removed) is treated as at the first level for climbing,
 * but keeps their code unless they qualify for something.
 */
export function nextLevel(metrics: LevelMetrics, levels: readonly Level[]): string {
  const current = levels.findIndex((l) => l.code === metrics.levelCode);
  for (let i = levels.length - 1; i > Math.max(current, 0); i--) {
    if (qualifies(levels[i]!.upgrade, metrics)) return levels[i]!.code;
  }
  return metrics.levelCode;
}

/** The first level above the current one that can be reached automatically, with progress on it. */
export function progressToNext(metrics: LevelMetrics, levels: readonly Level[]): { level: Level; conditions: ConditionProgress[] } | null {
  const current = Math.max(levels.findIndex((l) => l.code === metrics.levelCode), 0);
  const next = levels.slice(current + 1).find((l) => l.upgrade);
  return next ? { level: next, conditions: upgradeProgress(next.upgrade!, metrics) } : null;
}

/** The upgrades above `levelCode` (what metrics are worth reading). */
function upgradesAbove(levelCode: string, levels: readonly Level[]): LevelUpgrade[] {
  const current = Math.max(levels.findIndex((l) => l.code === levelCode), 0);
  return levels.slice(current + 1).flatMap((l) => (l.upgrade ? [l.upgrade] : []));
}

/**
 * The metrics the upgrades above `levelCode` ask about, in one statement: the team count stops at
 * the largest threshold (a LIMIT inside the count), sales read the window by index
 * (commissions_distributor_idx, orders_member_idx), one pair of sums per distinct period.
 */
export async function readLevelMetrics(distributorId: string, levelCode: string, levels: readonly Level[], { ex = db, at = clockNow() }: { ex?: Executor; at?: Date } = {}): Promise<LevelMetrics> {
  const ups = upgradesAbove(levelCode, levels);
  const cap = Math.max(0, ...ups.map((u) => u.minTeamSize ?? 0));
  const periods = [...new Set(ups.filter((u) => u.minTeamSalesCents !== null || u.minOwnSalesCents !== null).map((u) => u.periodDays))];
  if (!cap && !periods.length) return { levelCode, teamSize: 0, sales: {} };
  const salesCols = periods.map((days) => {
    const since = new Date(at.getTime() - days * DAY_MS).toISOString();
    return sql`,
      (select coalesce(sum(c.base_cents * (c.amount_cents - c.reversed_cents) / c.amount_cents), 0)::bigint from commissions c
        where c.distributor_id = ${distributorId}::uuid and c.created_at > ${since} and c.created_at <= ${at.toISOString()}) as ${sql.raw(`team_${days}`)},
      (select coalesce(sum(o.paid_cents - o.refunded_cents), 0)::bigint from orders o
        where o.member_id = ${distributorId}::uuid and o.placed_at > ${since} and o.placed_at <= ${at.toISOString()}) as ${sql.raw(`own_${days}`)}`;
  });
  const [row] = rowsOf<Record<string, string | number>>(
    await ex.execute(sql`
      select (select count(*)::int from (select 1 from referral_paths rp where rp.ancestor_id = ${distributorId}::uuid and rp.depth <= 2 limit ${cap}) t) as team
      ${sql.join(salesCols, sql``)}`),
  );
  return {
    levelCode,
    teamSize: Number(row?.team ?? 0),
    sales: Object.fromEntries(periods.map((d) => [d, { teamCents: Number(row?.[`team_${d}`] ?? 0), ownCents: Number(row?.[`own_${d}`] ?? 0) }])),
  };
}

/**
 * Re-evaluates these distributors' levels and moves up whoever now qualifies. Run in the order's
 * transaction after its commissions are written. The write is conditional on the level read (a
 * concurrent change wins; nothing is ever lowered), and rows are touched in id order so two orders
 * upgrading the same distributors cannot deadlock. Costs nothing when no level has conditions.
 */
export async function upgradeLevels(ex: Executor, distributorIds: readonly string[], levels: readonly Level[], at: Date = clockNow()): Promise<{ memberId: string; from: string; to: string }[]> {
  if (!levels.some((l) => l.upgrade) || distributorIds.length === 0) return [];
  const ids = [...new Set(distributorIds)].sort();
  const rows = await ex.select({ memberId: distributors.memberId, levelCode: distributors.levelCode }).from(distributors).where(inArray(distributors.memberId, ids));
  const changed: { memberId: string; from: string; to: string }[] = [];
  for (const r of rows.sort((a, b) => (a.memberId < b.memberId ? -1 : 1))) {
    if (!upgradesAbove(r.levelCode, levels).length) continue;
    const to = nextLevel(await readLevelMetrics(r.memberId, r.levelCode, levels, { ex, at }), levels);
    if (to === r.levelCode) continue;
    const [done] = await ex
      .update(distributors)
      .set({ levelCode: to, levelChangedAt: at })
      .where(and(eq(distributors.memberId, r.memberId), eq(distributors.levelCode, r.levelCode)))
      .returning({ memberId: distributors.memberId });
    if (done) changed.push({ memberId: r.memberId, from: r.levelCode, to });
  }
  return changed;
}

/** What the dashboard shows: the current level's name and progress towards the next reachable one. */
export async function levelProgress(distributorId: string, levelCode: string, levels: readonly Level[], opts: { ex?: Executor; at?: Date } = {}) {
  const metrics = await readLevelMetrics(distributorId, levelCode, levels, opts);
  const next = progressToNext(metrics, levels);
  return {
    current: levels.find((l) => l.code === levelCode)?.name ?? null,
    currentCode: levelCode,
    next: next ? { name: next.level.name, conditions: next.conditions } : null,
  };
}
