import { and, asc, gt, gte, isNull, lte, or } from "drizzle-orm";
import { db } from "@/db/client";
import { pointLots } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { expireLapsed } from "./ledger";

/**
 * Writes the `expire` entries for lots whose expiry has passed. Balances are already right without
 * it (expiry is derived from timestamps at read time); this makes the ledger say so, for the record.
 * Set-based: one transaction per batch of up to `batchSize` members (those of the batchSize
 * soonest-lapsed lots), a handful of statements whatever its size. Safe to run on several instances
 * at once and idempotent: a member is locked before their lots are read, a lot is expired once, and
 * a batch is written whole or not at all.
 */
export async function sweepExpired({ batchSize = 1000, maxBatches = Infinity, log = (() => {}) as (line: string) => void } = {}): Promise<{ lots: number; points: number; members: number }> {
  const totals = { lots: 0, points: 0, members: 0 };
  // Keyset cursor over the lapsed lots: every batch moves on, so a member another transaction held
  // (a request, another instance sweeping) is left for the next run instead of being picked again.
  let after: { expiresAt: Date; id: string } | undefined;
  for (let batch = 0; batch < maxBatches; batch++) {
    const at = clockNow();
    const due = await db
      .select({ id: pointLots.id, memberId: pointLots.memberId, expiresAt: pointLots.expiresAt })
      .from(pointLots)
      .where(
        and(
          lte(pointLots.expiresAt, at),
          gt(pointLots.remaining, 0),
          isNull(pointLots.expiredAt),
          // The gte bounds the index scan: it starts where the last batch ended, not at the lots already swept.
          after && and(gte(pointLots.expiresAt, after.expiresAt), or(gt(pointLots.expiresAt, after.expiresAt), gt(pointLots.id, after.id))),
        ),
      )
      .orderBy(asc(pointLots.expiresAt), asc(pointLots.id))
      .limit(batchSize);
    const last = due.at(-1);
    if (!last) break;
    after = { expiresAt: last.expiresAt!, id: last.id };
    const written = await db.transaction((tx) => expireLapsed(tx, due.map((l) => l.memberId), at, { reason: "expired", actor: "system:sweep" }));
    for (const w of written) {
      totals.lots += w.lots;
      totals.points += w.points;
      totals.members++;
    }
    log(`swept ${totals.lots} lots (${totals.points} points) for ${totals.members} members so far`);
  }
  return totals;
}
