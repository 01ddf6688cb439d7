// The member's ledger, one page at a time, in the member's words (server side: the history page
// renders the first page, the loadHistoryPage action the next ones).
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { createdAtIdKey, decodeCursor } from "@/lib/api/pagination";
import { isLocale } from "@/lib/i18n/locales";
import { listEntries } from "@/lib/points/list-entries";
import { describeEntry, type EntryRowData } from "./entry-text";
import { FILTER_CATEGORY, type HistoryFilter } from "./history-filter";

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryPage {
  entries: EntryRowData[];
  nextCursor: string | null;
}

/** A page of entries after `cursor` (null: the newest); null when the cursor isn't one we issued. */
export async function historyPage(memberId: string, filter: HistoryFilter | null, cursor: string | null, limit = HISTORY_PAGE_SIZE): Promise<HistoryPage | null> {
  const key = cursor ? decodeCursor(createdAtIdKey, cursor) : undefined;
  if (key === null) return null;
  const [page, t, grantT, format, locale] = await Promise.all([
    listEntries(memberId, { limit, cursor: key, category: filter ? FILTER_CATEGORY[filter] : undefined }),
    getTranslations("member.entry"),
    getTranslations("scheduledGrants.entry"),
    getFormatter(),
    getLocale(),
  ]);
  const ctx = { t, grantT, format, locale: isLocale(locale) ? locale : "zh-CN" } as const;
  return { entries: page.entries.map((e) => describeEntry(e, ctx)), nextCursor: page.nextCursor };
}
