import { and, desc, eq, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { rewards } from "@/db/schema";
import { createdAtIdOf, olderThan, pageOf, type CreatedAtIdKey } from "@/lib/api/pagination";
import { rewardView, type RewardView } from "./reward-view";

/** The catalogue for the API, newest first (keyset pagination on createdAt, id). */
export async function listRewards(
  opts: { limit: number; cursor?: CreatedAtIdKey; active?: boolean; category?: string },
  ex: Executor = db,
): Promise<{ rewards: RewardView[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [olderThan(rewards.createdAt, rewards.id, opts.cursor)];
  if (opts.active !== undefined) where.push(eq(rewards.active, opts.active));
  if (opts.category) where.push(eq(rewards.category, opts.category));
  const rows = await ex
    .select()
    .from(rewards)
    .where(and(...where))
    .orderBy(desc(rewards.createdAt), desc(rewards.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, createdAtIdOf);
  return { rewards: page.rows.map(rewardView), nextCursor: page.nextCursor };
}
