import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { commissions, distributorWallets } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { releasable } from "./wallet";

export interface WalletView {
  distributorId: string;
  /** Commission still frozen (return window + freeze period). */
  pendingCents: number;
  /** Free to withdraw; negative after a refund took back money already withdrawn (withdrawals blocked). */
  availableCents: number;
  /** Requested, not yet paid out. */
  withdrawingCents: number;
  /** Paid out (gross, fees included). */
  withdrawnCents: number;
  /** Negative adjustments ever made (≤ 0). */
  adjustmentCents: number;
}

export interface UpcomingRelease {
  availableAt: Date;
  cents: number;
}

/**
 * The wallet now. One primary-key read while nothing has freed up since it was written (its
 * nextReleaseAt is in the future); past that, commissions whose date has passed are counted as
 * available straight from their timestamps — no cron needed (the flip is written by the next
 * wallet write or the sweep).
 */
export async function getWallet(distributorId: string, { ex = db, at = clockNow() }: { ex?: Executor; at?: Date } = {}): Promise<WalletView> {
  const [w] = await ex.select().from(distributorWallets).where(eq(distributorWallets.distributorId, distributorId));
  const view: WalletView = {
    distributorId,
    pendingCents: w?.pendingCents ?? 0,
    availableCents: w?.availableCents ?? 0,
    withdrawingCents: w?.withdrawingCents ?? 0,
    withdrawnCents: w?.withdrawnCents ?? 0,
    adjustmentCents: w?.adjustmentCents ?? 0,
  };
  if (!w?.nextReleaseAt || w.nextReleaseAt.getTime() > at.getTime()) return view;
  const [due] = await ex
    .select({ cents: sql<string>`coalesce(sum(${commissions.amountCents} - ${commissions.reversedCents}), 0)` })
    .from(commissions)
    .where(and(releasable(distributorId), lte(commissions.availableAt, at)));
  const cents = Number(due?.cents ?? 0);
  return { ...view, pendingCents: view.pendingCents - cents, availableCents: view.availableCents + cents };
}

/** Pending commission grouped by the instant it frees up, soonest first. */
export async function upcomingReleases(distributorId: string, { ex = db, at = clockNow(), limit = 60 }: { ex?: Executor; at?: Date; limit?: number } = {}): Promise<UpcomingRelease[]> {
  const rows = await ex
    .select({ availableAt: commissions.availableAt, cents: sql<string>`sum(${commissions.amountCents} - ${commissions.reversedCents})` })
    .from(commissions)
    .where(and(releasable(distributorId), gt(commissions.availableAt, at)))
    .groupBy(commissions.availableAt)
    .orderBy(asc(commissions.availableAt))
    .limit(limit);
  return rows.map((r) => ({ availableAt: r.availableAt, cents: Number(r.cents) })).filter((r) => r.cents > 0);
}
