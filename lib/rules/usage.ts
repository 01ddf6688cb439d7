import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ruleBudgetUsage, ruleMemberUsage } from "@/db/schema";
import { localParts } from "./time-zone";

export interface RuleUsage {
  /** Awards given to this member today / this month / ever (local to the deployment zone). */
  countDay: number;
  countMonth: number;
  countTotal: number;
  /** Points given to this member today / this month. */
  pointsDay: number;
  pointsMonth: number;
  /** Points the rule has given everyone (its global budget so far). */
  budgetUsed: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function localDay(at: Date, timeZone: string): { day: string; monthStart: string } {
  const p = localParts(at, timeZone);
  return { day: `${p.year}-${pad(p.month)}-${pad(p.day)}`, monthStart: `${p.year}-${pad(p.month)}-01` };
}

/**
 * Reads the counters that caps and budgets need. Must run inside the transaction that will record
 * the award: the budget rows are locked (FOR UPDATE) so concurrent awards from one rule queue up
 * and a budget is never overspent; per-member counters are already serialised by the member's
 * balance-row lock that every ledger write takes first.
 */
export async function readRuleUsage(tx: Tx, memberId: string, ruleKeys: string[], at: Date, timeZone: string): Promise<Record<string, RuleUsage>> {
  const out: Record<string, RuleUsage> = {};
  if (!ruleKeys.length) return out;
  const keys = [...new Set(ruleKeys)].sort(); // fixed lock order
  for (const k of keys) out[k] = { countDay: 0, countMonth: 0, countTotal: 0, pointsDay: 0, pointsMonth: 0, budgetUsed: 0 };
  const { day, monthStart } = localDay(at, timeZone);
  const rows = await tx
    .select({
      ruleKey: ruleMemberUsage.ruleKey,
      countDay: sql<number>`coalesce(sum(${ruleMemberUsage.count}) filter (where ${ruleMemberUsage.day} = ${day}), 0)::int`,
      countMonth: sql<number>`coalesce(sum(${ruleMemberUsage.count}) filter (where ${ruleMemberUsage.day} >= ${monthStart}), 0)::int`,
      countTotal: sql<number>`coalesce(sum(${ruleMemberUsage.count}), 0)::int`,
      pointsDay: sql<number>`coalesce(sum(${ruleMemberUsage.points}) filter (where ${ruleMemberUsage.day} = ${day}), 0)::bigint`,
      pointsMonth: sql<number>`coalesce(sum(${ruleMemberUsage.points}) filter (where ${ruleMemberUsage.day} >= ${monthStart}), 0)::bigint`,
    })
    .from(ruleMemberUsage)
    .where(and(eq(ruleMemberUsage.memberId, memberId), inArray(ruleMemberUsage.ruleKey, keys)))
    .groupBy(ruleMemberUsage.ruleKey);
  for (const r of rows) Object.assign(out[r.ruleKey]!, { countDay: Number(r.countDay), countMonth: Number(r.countMonth), countTotal: Number(r.countTotal), pointsDay: Number(r.pointsDay), pointsMonth: Number(r.pointsMonth) });
  await tx.insert(ruleBudgetUsage).values(keys.map((ruleKey) => ({ ruleKey }))).onConflictDoNothing();
  const budgets = await tx.select().from(ruleBudgetUsage).where(inArray(ruleBudgetUsage.ruleKey, keys)).orderBy(ruleBudgetUsage.ruleKey).for("update");
  for (const b of budgets) out[b.ruleKey]!.budgetUsed = Number(b.points);
  return out;
}

/** Records awards (points may be 0 for an award that counts but pays nothing, e.g. a capped day). */
export async function recordRuleUsage(tx: Tx, memberId: string, awards: { ruleKey: string; points: number }[], at: Date, timeZone: string): Promise<void> {
  const { day } = localDay(at, timeZone);
  for (const a of awards) {
    await tx
      .insert(ruleMemberUsage)
      .values({ ruleKey: a.ruleKey, memberId, day, points: a.points, count: 1 })
      .onConflictDoUpdate({
        target: [ruleMemberUsage.memberId, ruleMemberUsage.ruleKey, ruleMemberUsage.day],
        set: { points: sql`${ruleMemberUsage.points} + ${a.points}`, count: sql`${ruleMemberUsage.count} + 1` },
      });
    if (a.points > 0) {
      await tx.update(ruleBudgetUsage).set({ points: sql`${ruleBudgetUsage.points} + ${a.points}` }).where(eq(ruleBudgetUsage.ruleKey, a.ruleKey));
    }
  }
}
