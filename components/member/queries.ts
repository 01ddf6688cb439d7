// Server-only reads the member pages need beyond the points use cases. Each is one indexed query
// on the member's own rows (no N+1): check_ins by its (member_id, day) unique index,
// rule_member_usage by its (member_id, rule_key, day) primary key, orders by orders_member_idx.
// Read-only: the use cases that write these rows lock what they need; a page only shows state.
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { checkIns, orders, ruleMemberUsage } from "@/db/schema";
import { DAY_MS } from "@/lib/clock";
import { localDay } from "@/lib/rules/usage";

export interface CheckInState {
  /** Streak length including today when the member has checked in today, else null. */
  today: number | null;
  /** Yesterday's streak (the streak today's check-in would continue), else null. */
  yesterday: number | null;
}

/** Today's and yesterday's check-in (local days in the deployment zone). */
export async function checkInState(memberId: string, at: Date, timeZone: string, ex: Executor = db): Promise<CheckInState> {
  const { day } = localDay(at, timeZone);
  const { day: yesterday } = localDay(new Date(at.getTime() - DAY_MS), timeZone);
  const rows = await ex
    .select({ day: checkIns.day, streak: checkIns.streak })
    .from(checkIns)
    .where(and(eq(checkIns.memberId, memberId), inArray(checkIns.day, [day, yesterday])));
  return {
    today: rows.find((r) => r.day === day)?.streak ?? null,
    yesterday: rows.find((r) => r.day === yesterday)?.streak ?? null,
  };
}

export interface ActionUsage {
  /** Awards of the rule to this member today / this month / ever (local days). */
  day: number;
  month: number;
  total: number;
}

/** How often each action rule has awarded this member (for "done" and "2/3 today" on tasks). */
export async function actionUsage(memberId: string, ruleKeys: string[], at: Date, timeZone: string, ex: Executor = db): Promise<Record<string, ActionUsage>> {
  const out: Record<string, ActionUsage> = Object.fromEntries(ruleKeys.map((k) => [k, { day: 0, month: 0, total: 0 }]));
  if (!ruleKeys.length) return out;
  const { day, monthStart } = localDay(at, timeZone);
  const rows = await ex
    .select({
      ruleKey: ruleMemberUsage.ruleKey,
      day: sql<number>`coalesce(sum(${ruleMemberUsage.count}) filter (where ${ruleMemberUsage.day} = ${day}), 0)::int`,
      month: sql<number>`coalesce(sum(${ruleMemberUsage.count}) filter (where ${ruleMemberUsage.day} >= ${monthStart}), 0)::int`,
      total: sql<number>`coalesce(sum(${ruleMemberUsage.count}), 0)::int`,
    })
    .from(ruleMemberUsage)
    .where(and(eq(ruleMemberUsage.memberId, memberId), inArray(ruleMemberUsage.ruleKey, ruleKeys)))
    .groupBy(ruleMemberUsage.ruleKey);
  for (const r of rows) out[r.ruleKey] = { day: Number(r.day), month: Number(r.month), total: Number(r.total) };
  return out;
}

/** Whether the member has placed any order (the "first order" task is done then). */
export async function hasOrders(memberId: string, ex: Executor = db): Promise<boolean> {
  const [row] = await ex.select({ id: orders.id }).from(orders).where(eq(orders.memberId, memberId)).limit(1);
  return Boolean(row);
}
