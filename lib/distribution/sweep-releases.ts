// Writes the pending → available flip for wallets whose commissions have freed up. Reads never need
// it (they derive the state from availableAt); it keeps stored wallets close to the truth so most
// reads are one primary-key lookup. Set-based: one transaction per batch of up to `batchSize`
// wallets, a handful of statements whatever its size (releaseDueMany). Idempotent, safe on several
// instances at once (a wallet another transaction holds is skipped, not waited for).
import { and, asc, eq, gt, lte, or } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { distributorWallets } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { releaseDueMany } from "./wallet";

export async function sweepReleases({ batchSize = 1000, maxBatches = Infinity, ex = db, at = clockNow() }: { batchSize?: number; maxBatches?: number; ex?: Executor; at?: Date } = {}): Promise<{ wallets: number; cents: number }> {
  let wallets = 0;
  let cents = 0;
  // Keyset cursor over the due wallets: every batch moves on, so a wallet another transaction held
  // (a request, another instance sweeping) is left for the next run instead of being picked again.
  let after: { nextReleaseAt: Date; id: string } | undefined;
  // maxBatches bounds one run (a benchmark samples the rate; the next run picks up the rest).
  for (let batch = 0; batch < maxBatches; batch++) {
    const due = await ex
      .select({ id: distributorWallets.distributorId, nextReleaseAt: distributorWallets.nextReleaseAt })
      .from(distributorWallets)
      .where(
        and(
          lte(distributorWallets.nextReleaseAt, at),
          after &&
            or(
              gt(distributorWallets.nextReleaseAt, after.nextReleaseAt),
              and(eq(distributorWallets.nextReleaseAt, after.nextReleaseAt), gt(distributorWallets.distributorId, after.id)),
            ),
        ),
      )
      .orderBy(asc(distributorWallets.nextReleaseAt), asc(distributorWallets.distributorId))
      .limit(batchSize);
    const last = due.at(-1);
    if (!last) break;
    after = { nextReleaseAt: last.nextReleaseAt!, id: last.id };
    const released = await ex.transaction((tx) => releaseDueMany(tx, due.map((w) => w.id), "sweep", at));
    wallets += released.size;
    for (const c of released.values()) cents += c;
  }
  return { wallets, cents };
}
