// Sums of the per-key rollup items (top rewards, top distributors, tier moves) over a date range,
// shared by the dashboard (reads) and the rollup refresh (which stores the presets' top lists).
import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsItemKind } from "@/db/schema";
import { rangeParts } from "./range";

/** How many rows a top list shows. */
export const TOP_ITEMS = 10;

/**
 * Σ count and Σ amount per key of one item kind over [from, to]: whole months from the monthly
 * items, the partial months at either end from the daily items (rangeParts). Every branch is a
 * range scan on a (kind, day|month, key) primary key.
 */
export function itemsOver(kind: AnalyticsItemKind, from: string, to: string): SQL {
  const { months, days } = rangeParts(from, to);
  const branches = [
    ...(months ? [sql`select key, count, amount from analytics_monthly_items where kind = ${kind} and month between ${months.first} and ${months.last}`] : []),
    ...days.map((d) => sql`select key, count, amount from analytics_daily_items where kind = ${kind} and day between ${d.from} and ${d.to}`),
  ];
  return sql`select key, sum(count)::bigint as count, sum(amount)::bigint as amount from (${sql.join(branches, sql` union all `)}) i group by key`;
}

/** The top list summed from the items: `key, count, amount`, best first (ties by key). */
export function topItemsOver(kind: AnalyticsItemKind, from: string, to: string): SQL {
  return sql`${itemsOver(kind, from, to)} order by amount desc, key limit ${TOP_ITEMS}`;
}
