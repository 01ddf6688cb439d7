// The history page's type filter and its addresses. Tiny and dependency-free: the client list uses it.
import type { EntryCategory } from "@/lib/points/entry-category";

/** The history page's filters: the word a member sees → the entry's category (its ledger type, or a gift). */
export const HISTORY_FILTERS = ["earned", "gifts", "spent", "expired", "reversed", "restored", "adjusted"] as const;
export type HistoryFilter = (typeof HISTORY_FILTERS)[number];

export const FILTER_CATEGORY: Record<HistoryFilter, EntryCategory> = {
  earned: "earn",
  gifts: "gift",
  spent: "spend",
  expired: "expire",
  reversed: "reverse",
  restored: "restore",
  adjusted: "adjust",
};

export function parseFilter(v: unknown): HistoryFilter | null {
  return typeof v === "string" && (HISTORY_FILTERS as readonly string[]).includes(v) ? (v as HistoryFilter) : null;
}

/** The history page's address for a filter and (no-JavaScript paging) a starting cursor. */
export function historyHref(filter: HistoryFilter | null, before?: string | null): string {
  const q = new URLSearchParams();
  if (filter) q.set("filter", filter);
  if (before) q.set("before", before);
  const s = q.toString();
  return s ? `/history?${s}` : "/history";
}
