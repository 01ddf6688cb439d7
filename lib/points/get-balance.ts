import { and, asc, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { members, pointBalances, pointLots } from "@/db/schema";
import { now as clockNow, DAY_MS } from "@/lib/clock";
import { balanceAt, type ExpiringPoints } from "./math";

export interface BalanceView {
  available: number;
  pending: number;
  lifetimeEarned: number;
  debt: number;
  tierCode: string;
}

/**
 * The member's balance now. One primary-key read: the stored figures are exact until the row's
 * nextChangeAt (the next lot to become available or expire). Past it, the figures are derived
 * from the member's open lots (an indexed scan of a handful of rows) — no cron needed.
 */
export async function getBalance(memberId: string, ex: Executor = db): Promise<BalanceView> {
  const [row] = await ex
    .select({
      available: pointBalances.available,
      pending: pointBalances.pending,
      lifetimeEarned: pointBalances.lifetimeEarned,
      debt: pointBalances.debt,
      nextChangeAt: pointBalances.nextChangeAt,
      tierCode: members.tierCode,
    })
    .from(members)
    .leftJoin(pointBalances, eq(pointBalances.memberId, members.id))
    .where(eq(members.id, memberId));
  const base = {
    available: row?.available ?? 0,
    pending: row?.pending ?? 0,
    lifetimeEarned: row?.lifetimeEarned ?? 0,
    debt: row?.debt ?? 0,
    tierCode: row?.tierCode ?? "regular",
  };
  const at = clockNow();
  if (!row?.nextChangeAt || row.nextChangeAt.getTime() > at.getTime()) return base;
  const lots = await openLots(memberId, ex);
  const derived = balanceAt(lots, at);
  return { ...base, available: derived.available, pending: derived.pending };
}

export function openLots(memberId: string, ex: Executor = db) {
  return ex
    .select({ id: pointLots.id, remaining: pointLots.remaining, availableAt: pointLots.availableAt, expiresAt: pointLots.expiresAt })
    .from(pointLots)
    .where(and(eq(pointLots.memberId, memberId), gt(pointLots.remaining, 0)));
}

/** Available points that expire within `days`, grouped by instant, soonest first. */
export async function expiringPoints(memberId: string, days = 60, ex: Executor = db): Promise<ExpiringPoints[]> {
  const at = clockNow();
  const horizon = new Date(at.getTime() + days * DAY_MS);
  const rows = await ex
    .select({ expiresAt: pointLots.expiresAt, points: sql<number>`sum(${pointLots.remaining})::bigint` })
    .from(pointLots)
    .where(
      and(
        eq(pointLots.memberId, memberId),
        gt(pointLots.remaining, 0),
        isNotNull(pointLots.expiresAt),
        gt(pointLots.expiresAt, at),
        lte(pointLots.expiresAt, horizon),
        lte(pointLots.availableAt, at),
      ),
    )
    .groupBy(pointLots.expiresAt)
    .orderBy(asc(pointLots.expiresAt));
  return rows.map((r) => ({ points: Number(r.points), expiresAt: r.expiresAt! }));
}
