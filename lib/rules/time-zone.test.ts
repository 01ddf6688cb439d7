import { describe, expect, test } from "vitest";
import { localParts, parseRuleInstant, zonedTimeToUtc } from "./time-zone";

describe("localParts", () => {
  test.each([
    // 2025-06-06 is a Friday; Asia/Shanghai is UTC+8 all year
    { utc: "2025-06-06T15:59:59.999Z", tz: "Asia/Shanghai", local: [2025, 6, 6, 23, 59, 59, 999], weekday: 5 },
    { utc: "2025-06-06T16:00:00.000Z", tz: "Asia/Shanghai", local: [2025, 6, 7, 0, 0, 0, 0], weekday: 6 },
    { utc: "2025-06-08T15:59:59.999Z", tz: "Asia/Shanghai", local: [2025, 6, 8, 23, 59, 59, 999], weekday: 7 },
    { utc: "2025-12-31T16:00:00.000Z", tz: "Asia/Shanghai", local: [2026, 1, 1, 0, 0, 0, 0], weekday: 4 },
    { utc: "2025-07-01T12:00:00.000Z", tz: "America/New_York", local: [2025, 7, 1, 8, 0, 0, 0], weekday: 2 }, // EDT −4
    { utc: "2025-01-01T12:00:00.000Z", tz: "America/New_York", local: [2025, 1, 1, 7, 0, 0, 0], weekday: 3 }, // EST −5
  ])("$utc in $tz", ({ utc, tz, local, weekday }) => {
    const p = localParts(new Date(utc), tz);
    expect([p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond]).toEqual(local);
    expect(p.weekday).toBe(weekday);
  });

  test("rejects an unknown zone loudly", () => {
    expect(() => localParts(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("zonedTimeToUtc", () => {
  test.each([
    { local: [2025, 12, 31, 23, 59, 59, 999], tz: "Asia/Shanghai", utc: "2025-12-31T15:59:59.999Z" },
    { local: [2025, 1, 1, 0, 0, 0, 0], tz: "Asia/Shanghai", utc: "2024-12-31T16:00:00.000Z" },
    { local: [2025, 12, 31, 23, 59, 59, 999], tz: "America/New_York", utc: "2026-01-01T04:59:59.999Z" },
    { local: [2025, 7, 1, 8, 0, 0, 0], tz: "America/New_York", utc: "2025-07-01T12:00:00.000Z" },
    { local: [2025, 3, 9, 3, 30, 0, 0], tz: "America/New_York", utc: "2025-03-09T07:30:00.000Z" }, // just after the spring-forward gap
    { local: [2025, 6, 1, 0, 0, 0, 0], tz: "UTC", utc: "2025-06-01T00:00:00.000Z" },
  ])("$local in $tz → $utc", ({ local, tz, utc }) => {
    const [year, month, day, hour, minute, second, millisecond] = local as [number, number, number, number, number, number, number];
    expect(zonedTimeToUtc({ year, month, day, hour, minute, second, millisecond }, tz).toISOString()).toBe(utc);
  });
});

describe("parseRuleInstant", () => {
  test.each([
    { value: "2025-06-07T00:00", tz: "Asia/Shanghai", utc: "2025-06-06T16:00:00.000Z" }, // local wall time
    { value: "2025-06-07T00:00:00.5", tz: "Asia/Shanghai", utc: "2025-06-06T16:00:00.500Z" },
    { value: "2025-06-07T00:00:00", tz: "UTC", utc: "2025-06-07T00:00:00.000Z" },
    { value: "2025-06-07T00:00:00Z", tz: "Asia/Shanghai", utc: "2025-06-07T00:00:00.000Z" }, // absolute: zone ignored
    { value: "2025-06-07T00:00:00+08:00", tz: "UTC", utc: "2025-06-06T16:00:00.000Z" },
  ])("$value ($tz) → $utc", ({ value, tz, utc }) => {
    expect(parseRuleInstant(value, tz).toISOString()).toBe(utc);
  });
});
