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
