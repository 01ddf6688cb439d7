import { and, desc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { orders, pointEntries, type LedgerEntryType, type PointEntry } from "@/db/schema";
import { createdAtIdOf, olderThan, pageOf, type CreatedAtIdKey } from "@/lib/api/pagination";

export interface EntryPage {
  entries: (PointEntry & { orderExternalId: string | null })[];
  nextCursor: string | null;
}

/**
 * A member's ledger, newest first, by keyset on (member_id, created_at desc, id desc) — the
 * point_entries_member_idx index — so page N costs the same as page 1 at any ledger size.
 */
export async function listEntries(
  memberId: string,
  { limit = 50, cursor, types }: { limit?: number; cursor?: CreatedAtIdKey; types?: LedgerEntryType[] } = {},
  ex: Executor = db,
): Promise<EntryPage> {
  const rows = await ex
    .select({ entry: pointEntries, orderExternalId: orders.externalId })
    .from(pointEntries)
    .leftJoin(orders, eq(orders.id, pointEntries.orderId))
    .where(and(eq(pointEntries.memberId, memberId), olderThan(pointEntries.createdAt, pointEntries.id, cursor), types?.length ? inArray(pointEntries.type, types) : undefined))
    .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => createdAtIdOf(r.entry));
  return { entries: page.rows.map((r) => ({ ...r.entry, orderExternalId: r.orderExternalId })), nextCursor: page.nextCursor };
}
