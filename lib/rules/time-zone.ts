// Wall-clock arithmetic in the deployment time zone with Intl only (no date library).
// Campaign weekdays, "end of year" expiry and daily/monthly caps are calendar facts in that zone;
// timestamps are stored in UTC (DESIGN invariant 7).

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export interface LocalParts extends LocalDateTime {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone — a misconfiguration we want loudly.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Asia/Shanghai: +8 h). */
function offsetAt(ms: number, timeZone: string): number {
  const p = wallClock(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Intl drops milliseconds, so compare against the instant truncated to whole seconds.
  return asUtc - (ms - mod(ms, 1000));
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function wallClock(ms: number, timeZone: string): Omit<LocalDateTime, "millisecond"> {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    // Some engines print midnight as "24" even with h23; normalise.
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** The wall-clock reading of `at` in `timeZone`. */
export function localParts(at: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalParts {
  const ms = at.getTime();
  const p = wallClock(ms, timeZone);
  const utcDay = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(); // 0 = Sunday
  return { ...p, millisecond: mod(ms, 1000), weekday: utcDay === 0 ? 7 : utcDay };
}

/**
 * The UTC instant at which the wall clock in `timeZone` reads `local`.
 * Two passes: guess with the offset at the naive instant, then correct with the offset at the
 * guess (differs only around a DST change). A time skipped by DST lands just after the gap.
 */
export function zonedTimeToUtc(local: LocalDateTime, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  return new Date(second);
}

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

/**
 * Rule definitions store instants as ISO strings. With a zone designator ("Z", "+08:00") the
 * string is an absolute instant; without one ("2025-06-07T00:00") it is a wall-clock time in the
 * deployment zone — what an admin means by "the campaign starts Saturday midnight".
 */
export function parseRuleInstant(value: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const m = LOCAL_DATETIME.exec(value);
  if (m) {
    return zonedTimeToUtc(
      {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4]),
        minute: Number(m[5]),
        second: Number(m[6] ?? 0),
        millisecond: Number((m[7] ?? "0").padEnd(3, "0")),
      },
      timeZone,
    );
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO datetime: ${value}`);
  return new Date(ms);
}
