// What an entry is to the member, a little finer than its ledger type: a credit the programme gave
// away — a scheduled grant (birthday gift, monthly or one-off segment grant) or an admin's bulk grant
// — is a "gift", though the ledger records it as an `adjust`. The type stays the ledger's truth (the
// API's fixed list of types, the analytics' "adjusted" column, the verifier and every entry written
// so far keep meaning what they meant); the writers already say where a credit came from in its
// explanation, and that is what tells a gift from a correction.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { pointEntries, type LedgerEntryType } from "@/db/schema";

/** Explanation kinds of gifts: lib/scheduled-grants/run-grants.ts and lib/admin-members/bulk-grants.ts. */
export const GIFT_KINDS = ["scheduled-grant", "grant"] as const;

export type EntryCategory = LedgerEntryType | "gift";

export function entryCategory(entry: { type: LedgerEntryType; explanation: Record<string, unknown> | null }): EntryCategory {
  const kind = entry.explanation?.kind;
  return entry.type === "adjust" && (GIFT_KINDS as readonly unknown[]).includes(kind) ? "gift" : entry.type;
}

const giftKind = sql`coalesce(${pointEntries.explanation} ->> 'kind', '') in (${sql.join(
  GIFT_KINDS.map((k) => sql`${k}`),
  sql`, `,
)})`;

/** The entries of one category, as a filter on point_entries (the same rule as entryCategory). */
export function categoryWhere(category: EntryCategory): SQL {
  if (category === "gift") return and(eq(pointEntries.type, "adjust"), giftKind)!;
  if (category === "adjust") return and(eq(pointEntries.type, "adjust"), sql`not ${giftKind}`)!;
  return eq(pointEntries.type, category);
}
