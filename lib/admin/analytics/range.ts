// The dashboard's date range: a preset (last 7/30/90/365 days, today included) or a custom
// from–to of local calendar days. Pure: "today" is given by the caller (the clock, in the zone).
import { z } from "zod";

export const PRESETS = [7, 30, 90, 365] as const;
export type Preset = (typeof PRESETS)[number];
/** The longest custom range (keeps every query on the rollups bounded). */
export const MAX_RANGE_DAYS = 3 * 366;

export interface DateRange {
  from: string;
  to: string;
  /** The preset chosen, or null for a custom range. */
  preset: Preset | null;
  days: number;
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

/** Adds `n` days to a YYYY-MM-DD (calendar arithmetic in UTC: no zone can shift a date). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(from, i));
}

/**
 * From the query string: `range=7|30|90|365`, or `from`/`to` (custom). Anything invalid (bad date,
 * from after to, in the future, too long) falls back to the 30-day preset, with `invalid` set so
 * the page can say so.
 */
export function parseRange(q: Record<string, string | undefined>, today: string): DateRange & { invalid: boolean } {
  const preset = (n: Preset, invalid = false) => ({ from: addDays(today, -(n - 1)), to: today, preset: n, days: n, invalid });
  if (q.from || q.to) {
    const from = isoDay.safeParse(q.from);
    const to = isoDay.safeParse(q.to ?? today);
    if (!from.success || !to.success) return preset(30, true);
    const end = to.data > today ? today : to.data;
    const days = daysBetween(from.data, end);
    if (days < 1 || days > MAX_RANGE_DAYS) return preset(30, true);
    return { from: from.data, to: end, preset: null, days, invalid: false };
  }
  const n = Number(q.range ?? 30);
  return (PRESETS as readonly number[]).includes(n) ? preset(n as Preset) : preset(30, q.range !== undefined);
}

/** The first day of the month of `day` (YYYY-MM-01). */
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;

/** The first day of the month `n` months after the month of `day`. */
export function addMonths(day: string, n: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}-01`;
}

export interface RangeParts {
  /** Whole calendar months inside the range: first and last month (YYYY-MM-01), or null. */
  months: { first: string; last: string } | null;
  /** The days not covered by those months: the partial first and last months (0–2 spans). */
  days: { from: string; to: string }[];
}

/**
 * Splits [from, to] into the whole months it contains and the loose days around them, so a sum
 * over the range reads one monthly row per key for each whole month and daily rows only for the
 * rest. A range with no whole month is all days.
 */
export function rangeParts(from: string, to: string): RangeParts {
  const first = from.endsWith("-01") ? from : addMonths(from, 1);
  // The month of `to` counts only when `to` is its last day.
  const last = monthOf(addDays(to, 1)) !== monthOf(to) ? monthOf(to) : addMonths(to, -1);
  if (first > last) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < first) days.push({ from, to: addDays(first, -1) });
  const afterLast = addMonths(last, 1);
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { months: { first, last }, days };
}
