// datetime-local values are wall-clock times in the deployment's zone (not the browser's).
import { zonedTimeToUtc } from "@/lib/rules/time-zone";

/** The wall-clock reading of an instant in `timeZone`, as a datetime-local value ("2026-12-01T09:30"). */
export function localInputValue(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour === "24" ? "00" : parts.hour}:${parts.minute}`;
}

/** A datetime-local value read in `timeZone`, or null when it is not one. */
export function localToInstant(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedTimeToUtc({ year, month, day, hour, minute, second: 0, millisecond: 0 }, timeZone);
}
