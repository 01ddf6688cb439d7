import { describe, expect, test } from "vitest";
import { rankTotalDeltas, salesCentsOf } from "./rank-totals";

const TZ = "Asia/Shanghai";
const c = { distributorId: "d", level: 1, baseCents: 10_001, amountCents: 1_000, createdAt: new Date("2026-11-29T15:59:00Z") }; // Sunday 23:59 Shanghai

describe("salesCentsOf (level 1 only, the base still sold, rounded down)", () => {
  test.each([
    [{ ...c }, 0, 10_001],
    [{ ...c }, 333, 6_670], // 10 001 × 667 / 1 000 = 6 670.667, rounded down
    [{ ...c }, 1_000, 0],
    [{ ...c, level: 2 }, 0, 0],
  ])("%o reversed %i → %i", (commission, reversed, expected) => {
    expect(salesCentsOf(commission, reversed)).toBe(expected);
  });

  test("exact past 2^53 (base × amount)", () => {
    expect(salesCentsOf({ level: 1, baseCents: 9_000_000_000, amountCents: 9_000_000_000 }, 1)).toBe(8_999_999_999);
  });
});

describe("rankTotalDeltas", () => {
  test("a new commission adds its whole amount to its local week and month", () => {
    const d = rankTotalDeltas(c, c.amountCents, 0, TZ);
    expect(d).toEqual([
      { period: "week", periodStart: new Date("2026-11-22T16:00:00Z"), distributorId: "d", salesCents: 10_001, commissionCents: 1_000 },
      { period: "month", periodStart: new Date("2026-10-31T16:00:00Z"), distributorId: "d", salesCents: 10_001, commissionCents: 1_000 },
    ]);
  });

  test("a partial refund takes back from the week the commission was created in, whenever it happens", () => {
    const d = rankTotalDeltas(c, 0, 250, TZ);
    expect(d.map((x) => [x.period, x.periodStart.toISOString(), x.salesCents, x.commissionCents])).toEqual([
      ["week", "2026-11-22T16:00:00.000Z", salesCentsOf(c, 250) - 10_001, -250],
      ["month", "2026-10-31T16:00:00.000Z", salesCentsOf(c, 250) - 10_001, -250],
    ]);
  });

  test("one minute later (Monday 00:00 Shanghai) is the next week, same month", () => {
    const d = rankTotalDeltas({ ...c, createdAt: new Date("2026-11-29T16:00:00Z") }, c.amountCents, 0, TZ);
    expect(d.map((x) => x.periodStart.toISOString())).toEqual(["2026-11-29T16:00:00.000Z", "2026-10-31T16:00:00.000Z"]);
  });
});
