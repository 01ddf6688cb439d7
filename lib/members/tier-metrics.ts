import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { orders, pointEntries } from "@/db/schema";
import type { TierMetrics } from "@/lib/rules";

/** Start of the rolling qualification window: `months` calendar months before `at`. */
export function windowStart(at: Date, months: number): Date {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * What tiers qualify on, over the rolling window: points earned (earn entries net of reversals —
 * a refunded order must not keep its tier credit; spending never lowers it) and paid spend net of
 * refunds. Two range scans on (member_id, created_at/placed_at) indexes.
 */
export async function tierMetrics(memberId: string, at: Date, months: number, ex: Executor = db): Promise<TierMetrics> {
  const since = windowStart(at, months);
  const [earned] = await ex
    .select({ points: sql<number>`coalesce(sum(${pointEntries.points}), 0)::bigint` })
    .from(pointEntries)
    .where(and(eq(pointEntries.memberId, memberId), gte(pointEntries.createdAt, since), inArray(pointEntries.type, ["earn", "reverse"])));
  const [spent] = await ex
    .select({ cents: sql<number>`coalesce(sum(${orders.paidCents} - ${orders.refundedCents}), 0)::bigint` })
    .from(orders)
    .where(and(eq(orders.memberId, memberId), gte(orders.placedAt, since)));
  return { pointsEarnedInWindow: Math.max(0, Number(earned?.points ?? 0)), spendCentsInWindow: Math.max(0, Number(spent?.cents ?? 0)) };
}
