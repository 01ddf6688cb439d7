// When scheduled grants run and whom they pay: pure functions on calendar days ("YYYY-MM-DD" in
// the deployment's zone), no database and no clock.
//
// Birthdays (decision): a member born on Feb 29 celebrates on Feb 28 in years without a Feb 29,
// so they get their gift every year, never on Mar 1 (which would move them into March for the
// month mode). Only month and day matter; the year of birth is never used.
//
// Periods (what "at most once" means): a birthday grant pays a member once per calendar year (in
// either mode, so switching the mode mid-year cannot pay twice), a monthly grant once per month, a
// one-off grant once. Run keys (one run row each): the day for birthday grants, the month for
// monthly grants, the date for a one-off.
import type { BirthdayMode, ScheduledGrantKind } from "@/db/schema";

export interface ScheduleFields {
  kind: ScheduledGrantKind;
  birthdayMode: BirthdayMode | null;
  dayOfMonth: number | null;
  runOn: string | null;
}

export interface MonthDay {
  month: number;
  day: number;
}

/** How far back a birthday run looks for birthdays a missed run (server down, a disabled grant) did not pay. */
export const CATCH_UP_DAYS = 7;

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
const parts = (day: string) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The birthdays celebrated on `day`: its own month and day, plus Feb 29 on Feb 28 of a non-leap year. */
export function birthdaysOn(day: string): MonthDay[] {
  const d = parts(day);
  const out = [{ month: d.month, day: d.day }];
  if (d.month === 2 && d.day === 28 && !isLeapYear(d.year)) out.push({ month: 2, day: 29 });
  return out;
}

/** Whether a member born on `birthday` celebrates on `day`. */
export function isBirthdayOn(birthday: string, day: string): boolean {
  const b = parts(birthday);
  return birthdaysOn(day).some((x) => x.month === b.month && x.day === b.day);
}

/**
 * The days a birthday run on `today` covers in day mode: from the last run's day (again, so a
 * birthday entered after that run is still paid) to today, but not before the grant existed and
 * not more than CATCH_UP_DAYS back.
 */
export function birthdayWindow(today: string, lastRunDay: string | null, startDay: string): string[] {
  let from = lastRunDay ?? startDay;
  if (from < startDay) from = startDay;
  const earliest = addDays(today, -CATCH_UP_DAYS);
  if (from < earliest) from = earliest;
  const out: string[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) out.push(d);
  return out.length ? out : [today];
}

export interface BirthdayTarget extends MonthDay {
  /** The year whose birthday this is: the period the member is paid in. */
  period: string;
}

/**
 * The birthdays a run on `today` pays: those of the window's days (day mode; each in the year of
 * its day, so a Dec 31 birthday caught up on Jan 1 still counts for the old year) or every day of
 * today's month, Feb 29 included (month mode). Sorted and distinct: the runner walks them one by
 * one on the (month, day, id) index.
 */
export function birthdayTargets(mode: BirthdayMode, today: string, lastRunDay: string | null, startDay: string): BirthdayTarget[] {
  const t = parts(today);
  const year = today.slice(0, 4);
  const targets =
    mode === "month"
      ? Array.from({ length: t.month === 2 ? 29 : daysInMonth(t.year, t.month) }, (_, i) => ({ month: t.month, day: i + 1, period: year }))
      : birthdayWindow(today, lastRunDay, startDay).flatMap((d) => birthdaysOn(d).map((b) => ({ ...b, period: d.slice(0, 4) })));
  const seen = new Set<string>();
  return targets
    .filter((p) => !seen.has(`${p.month}-${p.day}`) && seen.add(`${p.month}-${p.day}`))
    .sort((a, b) => a.month - b.month || a.day - b.day);
}

/** The period a member born on `birthday` would be paid for in a birthday run on `today` (null: not due). */
export function birthdayDue(birthday: string | null, mode: BirthdayMode, today: string, lastRunDay: string | null = null, startDay = today): string | null {
  if (!birthday) return null;
  const b = parts(birthday);
  return birthdayTargets(mode, today, lastRunDay, startDay).find((p) => p.month === b.month && p.day === b.day)?.period ?? null;
}

/** The period a member of a segment grant is paid at most once in (birthday grants: see birthdayTargets). */
export function segmentPeriodOf(g: ScheduleFields, today: string): string {
  return g.kind === "monthly" ? today.slice(0, 7) : g.runOn!;
}

/** The run row a run on `today` belongs to. */
export function runKeyOf(g: ScheduleFields, today: string): string {
  if (g.kind === "monthly") return today.slice(0, 7);
  if (g.kind === "once") return g.runOn!;
  return today;
}

/**
 * Whether a run is due on `today`. Birthday grants run every day; a monthly grant from its day of
 * the month to the month's end (so a missed day is caught up); a one-off on or after its date. The
 * schedule skips a run key already done; "run now" does not (it re-checks, paying only whom the
 * earlier run missed).
 */
export function isDue(g: ScheduleFields, today: string): boolean {
  if (g.kind === "birthday") return true;
  if (g.kind === "monthly") return parts(today).day >= (g.dayOfMonth ?? 1);
  return g.runOn !== null && today >= g.runOn;
}

/** The next day the schedule will run the grant (null: never again, e.g. a one-off already done). */
export function nextRunDay(g: ScheduleFields & { enabled: boolean }, today: string, doneKeys: ReadonlySet<string>): string | null {
  if (!g.enabled) return null;
  if (g.kind === "birthday") return doneKeys.has(today) ? addDays(today, 1) : today;
  if (g.kind === "once") return g.runOn && !doneKeys.has(g.runOn) ? (g.runOn < today ? today : g.runOn) : null;
  const t = parts(today);
  const dom = g.dayOfMonth ?? 1;
  if (!doneKeys.has(today.slice(0, 7))) return t.day >= dom ? today : `${today.slice(0, 8)}${pad(dom)}`;
  const next = t.month === 12 ? `${t.year + 1}-01` : `${t.year}-${pad(t.month + 1)}`;
  return `${next}-${pad(dom)}`;
}

/** What a member of `tierCode` gets: the tier's own amount when the grant sets one (0: nothing). */
export function pointsFor(g: { points: number; tierPoints: Record<string, number> }, tierCode: string): number {
  const own = g.tierPoints[tierCode];
  return typeof own === "number" ? own : g.points;
}
