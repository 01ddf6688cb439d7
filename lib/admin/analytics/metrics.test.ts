import { describe, expect, test } from "vitest";
import { fillDays, liabilityCents, outstandingSeries, rates, tierDistribution, totals, zeroDay } from "./metrics";
import { addDays, addMonths, eachDay, parseRange, rangeParts } from "./range";

const TODAY = "2026-11-24";

describe("date range", () => {
  test.each([
    [{}, { from: "2026-10-26", to: TODAY, preset: 30, days: 30, invalid: false }],
    [{ range: "7" }, { from: "2026-11-18", to: TODAY, preset: 7, days: 7, invalid: false }],
    [{ range: "365" }, { from: "2025-11-25", to: TODAY, preset: 365, days: 365, invalid: false }],
    [{ range: "12" }, { preset: 30, invalid: true }],
    [{ from: "2026-02-01", to: "2026-02-28" }, { from: "2026-02-01", to: "2026-02-28", preset: null, days: 28, invalid: false }],
    [{ from: "2026-11-20", to: "2027-01-01" }, { from: "2026-11-20", to: TODAY, preset: null, days: 5 }], // no future
    [{ from: "2026-11-20" }, { from: "2026-11-20", to: TODAY, days: 5 }],
    [{ from: "2026-03-01", to: "2026-02-01" }, { preset: 30, invalid: true }], // backwards
    [{ from: "2026-02-30", to: "2026-03-01" }, { preset: 30, invalid: true }], // not a date
    [{ from: "2020-01-01", to: TODAY }, { preset: 30, invalid: true }], // too long
    [{ from: "x'; drop", to: TODAY }, { preset: 30, invalid: true }],
  ])("%j → %j", (q, expected) => {
    expect(parseRange(q, TODAY)).toMatchObject(expected);
  });

  test("rangeParts: whole months from the monthly grain, loose days from the daily one", () => {
    expect(addMonths("2026-11-24", 1)).toBe("2026-12-01");
    expect(addMonths("2026-12-31", 1)).toBe("2027-01-01");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-01");
    expect(rangeParts("2026-08-15", "2026-10-10")).toEqual({ months: { first: "2026-09-01", last: "2026-09-01" }, days: [{ from: "2026-08-15", to: "2026-08-31" }, { from: "2026-10-01", to: "2026-10-10" }] });
    expect(rangeParts("2026-09-01", "2026-10-31")).toEqual({ months: { first: "2026-09-01", last: "2026-10-01" }, days: [] });
    expect(rangeParts("2026-09-30", "2026-10-01")).toEqual({ months: null, days: [{ from: "2026-09-30", to: "2026-10-01" }] });
    expect(rangeParts("2025-11-25", "2026-11-24")).toEqual({ months: { first: "2025-12-01", last: "2026-10-01" }, days: [{ from: "2025-11-25", to: "2025-11-30" }, { from: "2026-11-01", to: "2026-11-24" }] });
    expect(rangeParts("2027-12-01", "2028-02-29")).toEqual({ months: { first: "2027-12-01", last: "2028-02-01" }, days: [] }); // leap February, a new year
    expect(rangeParts("2026-11-02", "2026-11-29")).toEqual({ months: null, days: [{ from: "2026-11-02", to: "2026-11-29" }] });
  });

  test("day arithmetic crosses months, years and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(eachDay("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
  });
});

describe("figures", () => {
  const day = (d: string, f: Partial<ReturnType<typeof zeroDay>>) => ({ ...zeroDay(d), ...f });

  test("missing days read as zero; outstanding is the opening balance plus each day's net", () => {
    const rows = fillDays([day("2026-11-02", { pointsIssued: 100, pointsNet: 100 }), day("2026-11-04", { pointsRedeemed: 30, pointsNet: -30 })], "2026-11-01", "2026-11-04");
    expect(rows.map((r) => r.day)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]);
    expect(outstandingSeries(rows, 1_000).map((r) => r.outstanding)).toEqual([1_000, 1_100, 1_100, 1_070]);
    expect(totals(rows)).toMatchObject({ pointsIssued: 100, pointsRedeemed: 30, pointsNet: 70 });
  });

  test.each([
    [{ pointsIssued: 1_000, pointsRedeemed: 250, pointsExpired: 50 }, { redemptionRateBps: 2_500, breakageBps: 1_667 }],
    [{ pointsIssued: 0, pointsRedeemed: 10, pointsExpired: 0 }, { redemptionRateBps: null, breakageBps: 0 }],
    [{ pointsIssued: 0, pointsRedeemed: 0, pointsExpired: 0 }, { redemptionRateBps: null, breakageBps: null }],
    [{ pointsIssued: 3, pointsRedeemed: 2, pointsExpired: 0 }, { redemptionRateBps: 6_667, breakageBps: 0 }],
  ])("rates %j", (t, expected) => expect(rates(t)).toEqual(expected));

  test.each([
    [12_345, 100, 12_345], // 100 points = ¥1 → 1 point = 1 分
    [12_345, 1_000, 1_234], // floored: the liability never counts a fraction of a cent
    [999, 150, 666],
    [-5, 100, 0],
  ])("liability of %i points at %i points per ¥1 = %i cents", (points, rate, cents) => {
    expect(liabilityCents(points, { pointsPerCurrencyUnit: rate, maxPercentOfGoods: 50 })).toBe(cents);
  });

  test("tier distribution: running sum of daily changes, in the configured order, unknown codes after", () => {
    const changes = [
      { key: "regular", count: 5 },
      { key: "silver", count: 2 },
      { key: "regular", count: -2 },
      { key: "legacy", count: 1 },
    ];
    expect(tierDistribution(changes, ["regular", "silver", "gold"])).toEqual([
      { code: "regular", members: 3 },
      { code: "silver", members: 2 },
      { code: "gold", members: 0 },
      { code: "legacy", members: 1 },
    ]);
  });
});
