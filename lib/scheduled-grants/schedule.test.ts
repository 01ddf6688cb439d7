import { describe, expect, test } from "vitest";
import { birthdayDue, birthdaysOn, birthdayTargets, birthdayWindow, isDue, nextRunDay, pointsFor, runKeyOf, segmentPeriodOf, type ScheduleFields } from "./schedule";

const birthday = (mode: "day" | "month"): ScheduleFields => ({ kind: "birthday", birthdayMode: mode, dayOfMonth: null, runOn: null });
const monthly = (dom: number): ScheduleFields => ({ kind: "monthly", birthdayMode: null, dayOfMonth: dom, runOn: null });
const once = (runOn: string): ScheduleFields => ({ kind: "once", birthdayMode: null, dayOfMonth: null, runOn });

describe("whose birthday is it", () => {
  test.each([
    { what: "an ordinary day", day: "2026-11-24", pairs: [{ month: 11, day: 24 }] },
    { what: "Feb 28 in a non-leap year also celebrates Feb 29", day: "2027-02-28", pairs: [{ month: 2, day: 28 }, { month: 2, day: 29 }] },
    { what: "Feb 28 in a leap year does not", day: "2028-02-28", pairs: [{ month: 2, day: 28 }] },
    { what: "Feb 29 itself in a leap year", day: "2028-02-29", pairs: [{ month: 2, day: 29 }] },
    { what: "2100 is not a leap year (century rule)", day: "2100-02-28", pairs: [{ month: 2, day: 28 }, { month: 2, day: 29 }] },
    { what: "2000 is a leap year (400 rule)", day: "2000-02-28", pairs: [{ month: 2, day: 28 }] },
    { what: "Mar 1 never takes Feb 29", day: "2027-03-01", pairs: [{ month: 3, day: 1 }] },
  ])("$what", ({ day, pairs }) => expect(birthdaysOn(day)).toEqual(pairs));

  test.each([
    // born, mode, today, lastRunDay, startDay → the period paid in (null: not due)
    { born: "1996-11-24", mode: "day", today: "2026-11-24", last: null, start: "2026-01-01", period: "2026" },
    { born: "1996-11-25", mode: "day", today: "2026-11-24", last: null, start: "2026-01-01", period: null },
    { born: "1996-11-23", mode: "day", today: "2026-11-24", last: "2026-11-23", start: "2026-01-01", period: "2026" },
    { born: "1996-11-23", mode: "day", today: "2026-11-24", last: "2026-11-24", start: "2026-01-01", period: null },
    { born: "1996-11-20", mode: "day", today: "2026-11-24", last: null, start: "2026-11-22", period: null },
    { born: "1996-11-10", mode: "day", today: "2026-11-24", last: "2026-10-01", start: "2026-01-01", period: null },
    { born: "1996-11-17", mode: "day", today: "2026-11-24", last: "2026-10-01", start: "2026-01-01", period: "2026" },
    { born: "2000-02-29", mode: "day", today: "2027-02-28", last: null, start: "2027-01-01", period: "2027" },
    { born: "2000-02-29", mode: "day", today: "2028-02-28", last: null, start: "2028-01-01", period: null },
    { born: "2000-02-29", mode: "day", today: "2028-02-29", last: null, start: "2028-01-01", period: "2028" },
    { born: "2000-02-29", mode: "day", today: "2027-03-01", last: "2027-03-01", start: "2027-01-01", period: null },
    // A Dec 31 birthday caught up on Jan 1 counts for the old year (already paid then: no second gift).
    { born: "1990-12-31", mode: "day", today: "2027-01-01", last: "2026-12-31", start: "2026-01-01", period: "2026" },
    { born: "1990-01-01", mode: "day", today: "2027-01-01", last: "2026-12-31", start: "2026-01-01", period: "2027" },
    { born: "1996-11-02", mode: "month", today: "2026-11-24", last: "2026-11-23", start: "2026-11-20", period: "2026" },
    { born: "1996-12-02", mode: "month", today: "2026-11-24", last: null, start: "2026-11-20", period: null },
    { born: "2000-02-29", mode: "month", today: "2027-02-01", last: null, start: "2027-01-01", period: "2027" },
    { born: null, mode: "day", today: "2026-11-24", last: null, start: "2026-01-01", period: null },
  ] as const)("born $born, $mode mode, run on $today (last run $last) → $period", ({ born, mode, today, last, start, period }) => {
    expect(birthdayDue(born, mode, today, last, start)).toBe(period);
  });

  test("the day-mode window: from the last run's day, never before the grant, at most 7 days back", () => {
    expect(birthdayWindow("2026-11-24", "2026-11-22", "2026-01-01")).toEqual(["2026-11-22", "2026-11-23", "2026-11-24"]);
    expect(birthdayWindow("2026-11-24", null, "2026-11-24")).toEqual(["2026-11-24"]);
    expect(birthdayWindow("2026-11-24", "2026-01-01", "2026-01-01")).toHaveLength(8);
    expect(birthdayWindow("2026-11-24", "2026-11-24", "2026-01-01")).toEqual(["2026-11-24"]);
  });

  test("targets are distinct and sorted; month mode covers Feb 29 in every February", () => {
    expect(birthdayTargets("month", "2027-02-10", null, "2027-01-01").map((t) => t.day)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(birthdayTargets("month", "2026-04-10", null, "2026-01-01")).toHaveLength(30);
    const window = birthdayTargets("day", "2027-03-01", "2027-02-27", "2027-01-01");
    expect(window.map((t) => `${t.month}-${t.day}`)).toEqual(["2-27", "2-28", "2-29", "3-1"]);
  });
});

describe("runs and periods", () => {
  test.each([
    { g: birthday("day"), today: "2026-11-24", due: true, key: "2026-11-24" },
    { g: birthday("month"), today: "2026-11-24", due: true, key: "2026-11-24" },
    { g: monthly(5), today: "2026-11-04", due: false, key: "2026-11" },
    { g: monthly(5), today: "2026-11-05", due: true, key: "2026-11" },
    { g: monthly(5), today: "2026-11-30", due: true, key: "2026-11" },
    { g: once("2026-12-01"), today: "2026-11-30", due: false, key: "2026-12-01" },
    { g: once("2026-12-01"), today: "2026-12-03", due: true, key: "2026-12-01" },
  ])("$g.kind on $today: due $due, run key $key", ({ g, today, due, key }) => {
    expect(isDue(g, today)).toBe(due);
    expect(runKeyOf(g, today)).toBe(key);
  });

  test("segment periods: the month for monthly grants, the date for one-offs", () => {
    expect(segmentPeriodOf(monthly(5), "2026-11-24")).toBe("2026-11");
    expect(segmentPeriodOf(once("2026-12-01"), "2026-12-03")).toBe("2026-12-01");
  });

  test.each([
    { g: birthday("day"), done: [], next: "2026-11-24" },
    { g: birthday("day"), done: ["2026-11-24"], next: "2026-11-25" },
    { g: monthly(5), done: [], next: "2026-11-24" },
    { g: monthly(28), done: [], next: "2026-11-28" },
    { g: monthly(5), done: ["2026-11"], next: "2026-12-05" },
    { g: once("2026-12-01"), done: [], next: "2026-12-01" },
    { g: once("2026-11-01"), done: [], next: "2026-11-24" },
    { g: once("2026-12-01"), done: ["2026-12-01"], next: null },
  ])("next run of $g.kind ($done) from 2026-11-24: $next", ({ g, done, next }) => {
    expect(nextRunDay({ ...g, enabled: true }, "2026-11-24", new Set(done))).toBe(next);
  });

  test("a disabled grant has no next run; December rolls into January", () => {
    expect(nextRunDay({ ...birthday("day"), enabled: false }, "2026-11-24", new Set())).toBeNull();
    expect(nextRunDay({ ...monthly(3), enabled: true }, "2026-12-10", new Set(["2026-12"]))).toBe("2027-01-03");
  });

  test("tier amounts replace the base amount; 0 leaves the tier out", () => {
    const g = { points: 100, tierPoints: { gold: 500, regular: 0 } };
    expect(pointsFor(g, "gold")).toBe(500);
    expect(pointsFor(g, "silver")).toBe(100);
    expect(pointsFor(g, "regular")).toBe(0);
  });
});
