// Writes the pending → available flip for wallets whose commissions have freed up. Reads never need
// it (they derive the state from availableAt); it keeps stored wallets close to the truth so most
// reads are one primary-key lookup. Idempotent, batch by batch, safe on several instances at once
// (each wallet is locked; a wallet another instance is sweeping is skipped, not waited for).
import { and, asc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { distributorWallets } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { releaseDue } from "./wallet";

export async function sweepReleases({ batchSize = 500, maxBatches = Infinity, ex = db, at = clockNow() }: { batchSize?: number; maxBatches?: number; ex?: Executor; at?: Date } = {}): Promise<{ wallets: number; cents: number }> {
  let wallets = 0;
  let cents = 0;
  // maxBatches bounds one run (a benchmark samples the rate; the next run picks up the rest).
  for (let batch = 0; batch < maxBatches; batch++) {
    const due = await ex
      .select({ id: distributorWallets.distributorId })
      .from(distributorWallets)
      .where(and(isNotNull(distributorWallets.nextReleaseAt), lte(distributorWallets.nextReleaseAt, at)))
      .orderBy(asc(distributorWallets.nextReleaseAt))
      .limit(batchSize);
    if (!due.length) break;
    let progressed = 0;
    for (const { id } of due) {
      const released = await ex.transaction(async (tx) => {
        const [w] = rowsOf<{ distributor_id: string }>(
          await tx.execute(sql`select distributor_id::text from distributor_wallets where distributor_id = ${id} for update skip locked`),
        );
        if (!w) return null;
        const [wallet] = await tx.select().from(distributorWallets).where(eq(distributorWallets.distributorId, id));
        return releaseDue(tx, wallet!, "sweep", at);
      });
      if (released !== null) {
        progressed++;
        wallets++;
        cents += released;
      }
    }
    if (progressed === 0 || due.length < batchSize) break;
  }
  return { wallets, cents };
}
