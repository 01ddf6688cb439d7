import { describe, expect, test } from "vitest";
import { chartRange, summariseEarnings } from "./earnings-summary";

const p = (day: string, cents: number) => ({ day, cents });

describe("summariseEarnings", () => {
  test.each([
    ["nothing earned", [p("2026-11-01", 0), p("2026-11-02", 0)], { totalCents: 0, activeDays: 0, best: null }],
    ["one day", [p("2026-11-01", 0), p("2026-11-02", 1234)], { totalCents: 1234, activeDays: 1, best: p("2026-11-02", 1234) }],
    ["ties keep the earliest", [p("2026-11-01", 500), p("2026-11-02", 500), p("2026-11-03", 100)], { totalCents: 1100, activeDays: 3, best: p("2026-11-01", 500) }],
    ["a day netted negative by refunds of earlier commission", [p("2026-11-01", 900), p("2026-11-02", -300)], { totalCents: 600, activeDays: 2, best: p("2026-11-01", 900) }],
    ["empty", [], { totalCents: 0, activeDays: 0, best: null }],
  ])("%s", (_name, series, expected) => {
    expect(summariseEarnings(series)).toEqual(expected);
  });
});

describe("chartRange", () => {
  test.each([
    [undefined, 30],
    ["90", 90],
    ["30", 30],
    ["7", 30],
    ["abc", 30],
    [["90", "30"], 90],
  ])("%j → %i", (raw, expected) => {
    expect(chartRange(raw)).toBe(expected);
  });
});
