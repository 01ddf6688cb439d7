// The history page's type filter and its addresses. Tiny and dependency-free: the client list uses it.
import type { LedgerEntryType } from "@/db/schema";

/** The history page's filters: the word a member sees → the ledger entry type. */
export const HISTORY_FILTERS = ["earned", "spent", "expired", "reversed", "restored", "adjusted"] as const;
export type HistoryFilter = (typeof HISTORY_FILTERS)[number];

export const FILTER_TYPE: Record<HistoryFilter, LedgerEntryType> = {
  earned: "earn",
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
