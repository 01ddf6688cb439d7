import { and, desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { orders, pointEntries, redemptions, rewards, type PointEntry } from "@/db/schema";
import { createdAtIdOf, olderThan, pageOf, type CreatedAtIdKey } from "@/lib/api/pagination";
import { categoryWhere, type EntryCategory } from "./entry-category";

/** An entry with what its title names: the shop's order number, or the reward a spend redeemed (or a cancellation restored). */
export type ListedEntry = PointEntry & { orderExternalId: string | null; reward: { name: string; nameEn: string | null } | null };

export interface EntryPage {
  entries: ListedEntry[];
  nextCursor: string | null;
}

/**
 * A member's ledger, newest first, by keyset on (member_id, created_at desc, id desc) — the
 * point_entries_member_idx index — so page N costs the same as page 1 at any ledger size.
 */
export async function listEntries(
  memberId: string,
  { limit = 50, cursor, category }: { limit?: number; cursor?: CreatedAtIdKey; category?: EntryCategory } = {},
  ex: Executor = db,
): Promise<EntryPage> {
  const rows = await ex
    .select({ entry: pointEntries, orderExternalId: orders.externalId, rewardName: rewards.name, rewardNameEn: rewards.nameEn })
    .from(pointEntries)
    .leftJoin(orders, eq(orders.id, pointEntries.orderId))
    // Primary-key look-ups for the page's few redemption entries: "Redeemed: Medium coffee voucher".
    .leftJoin(redemptions, eq(redemptions.id, pointEntries.redemptionId))
    .leftJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .where(and(eq(pointEntries.memberId, memberId), olderThan(pointEntries.createdAt, pointEntries.id, cursor), category ? categoryWhere(category) : undefined))
    .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => createdAtIdOf(r.entry));
  return {
    entries: page.rows.map((r) => ({ ...r.entry, orderExternalId: r.orderExternalId, reward: r.rewardName === null ? null : { name: r.rewardName, nameEn: r.rewardNameEn } })),
    nextCursor: page.nextCursor,
  };
}
