// The admin forms speak the deployment's wall clock (<input type="datetime-local">, "2026-11-23T10:30");
// the database speaks UTC. One pair of conversions, both pure.
import { localParts, zonedTimeToUtc } from "@/lib/rules";

/** "2026-11-23T10:30" read in `timeZone` → an ISO instant; "" → null; anything else → the input (the schema rejects it). */
export function localInputToIso(value: string, timeZone: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (!m) return v;
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number?];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return v;
  return zonedTimeToUtc({ year, month, day, hour, minute, second, millisecond: 0 }, timeZone).toISOString();
}

/** An instant → the value a datetime-local input shows in `timeZone` ("" for none). */
export function isoToLocalInput(at: Date | null, timeZone: string): string {
  if (!at) return "";
  const p = localParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** "2026-11-23" in `timeZone` → the instant that day starts; `endExclusive` → the next day's start. */
export function localDateToInstant(value: string, timeZone: string, { endExclusive = false } = {}): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = m.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const start = zonedTimeToUtc({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
  if (!endExclusive) return start;
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return zonedTimeToUtc({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
