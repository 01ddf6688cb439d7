import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { pointBalances, pointLots } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { debit } from "./ledger";

/**
 * Writes the `expire` entries for lots whose expiry has passed. Balances are already right without
 * it (expiry is derived from timestamps at read time); this makes the ledger say so, for the record.
 * Works in batches, one transaction per member; safe to run on several instances at once
 * (a lot is only expired once: the member row lock plus the expiredAt re-check).
 */
export async function sweepExpired({ batchSize = 500, maxBatches = Infinity, log = (() => {}) as (line: string) => void } = {}): Promise<{ lots: number; points: number; members: number }> {
  const totals = { lots: 0, points: 0, members: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const at = clockNow();
    const due = await db
      .select({ id: pointLots.id, memberId: pointLots.memberId })
      .from(pointLots)
      .where(and(lte(pointLots.expiresAt, at), gt(pointLots.remaining, 0), isNull(pointLots.expiredAt)))
      .orderBy(asc(pointLots.expiresAt))
      .limit(batchSize);
    if (!due.length) break;
    const byMember = new Map<string, string[]>();
    for (const l of due) byMember.set(l.memberId, [...(byMember.get(l.memberId) ?? []), l.id]);
    for (const [memberId, lotIds] of byMember) {
      await db.transaction(async (tx) => {
        // Lock the member's balance row first — the same order as every other ledger write, so no
        // deadlock — then re-read the lots: all lot changes happen under that lock.
        await tx.select({ id: pointBalances.memberId }).from(pointBalances).where(eq(pointBalances.memberId, memberId)).for("update");
        const lots = await tx
          .select({ id: pointLots.id, remaining: pointLots.remaining })
          .from(pointLots)
          .where(and(inArray(pointLots.id, lotIds), gt(pointLots.remaining, 0), isNull(pointLots.expiredAt), lte(pointLots.expiresAt, at)));
        const points = lots.reduce((s, l) => s + l.remaining, 0);
        if (points > 0) {
          await debit(tx, { memberId, points, type: "expire", onShortfall: "reject", preferLotIds: lots.map((l) => l.id), reason: "expired", actor: "system:sweep" });
          totals.points += points;
        }
        if (lots.length) await tx.update(pointLots).set({ expiredAt: at }).where(inArray(pointLots.id, lots.map((l) => l.id)));
        totals.lots += lots.length;
      });
      totals.members++;
    }
    log(`swept ${totals.lots} lots (${totals.points} points) so far`);
  }
  return totals;
}
