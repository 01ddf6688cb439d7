import { describe, expect, test } from "vitest";
import { add, bpsToDecimal, compare, floor, mulBps, ratio, sub, toDisplay, toSafeNumber } from "./ratio";

describe("ratio", () => {
  test("100 × 1.2 × 1.5 is exactly 180 (no float drift)", () => {
    const r = mulBps(mulBps(ratio(100), 12_000), 15_000);
    expect(r).toEqual({ num: 180n, den: 1n });
  });

  test("100 × 1.1 × 1.1 floors to 121, where floats drift", () => {
    expect(floor(mulBps(mulBps(ratio(100), 11_000), 11_000))).toBe(121n);
    // IEEE-754 gives 121.00000000000003 here, and 28.999999999999996 for 0.29 × 100 (floor → 28)
    expect(100 * 1.1 * 1.1).not.toBe(121);
    expect(floor(mulBps(ratio(29, 100), 1_000_000))).toBe(29n);
  });

  test.each([
    [ratio(7, 2), 3n],
    [ratio(-7, 2), -4n],
    [ratio(6, 3), 2n],
    [ratio(-6, 3), -2n],
    [ratio(0), 0n],
    [ratio(119_988, 1000), 119n],
  ])("floor(%o) = %s", (r, expected) => {
    expect(floor(r)).toBe(expected);
  });

  test.each([
    [ratio(119_988, 1000), "119.98"], // truncated, not rounded up
    [ratio(1, 3), "0.33"],
    [ratio(5, 2), "2.5"],
    [ratio(100), "100"],
    [ratio(-1, 2), "-0.5"],
    [ratio(-1, 1000), "0"], // a negative that truncates to zero shows as "0", not "-0"
  ])("toDisplay(%o) = %s", (r, s) => {
    expect(toDisplay(r)).toBe(s);
  });

  test.each([
    [10_000, "1"],
    [12_000, "1.2"],
    [15_000, "1.5"],
    [12_345, "1.2345"],
    [0, "0"],
  ])("bpsToDecimal(%i) = %s", (bps, s) => {
    expect(bpsToDecimal(bps)).toBe(s);
  });

  test("add/sub/compare keep lowest terms", () => {
    expect(add(ratio(1, 3), ratio(1, 6))).toEqual({ num: 1n, den: 2n });
    expect(sub(ratio(1, 2), ratio(1, 2))).toEqual({ num: 0n, den: 1n });
    expect(compare(ratio(2, 3), ratio(3, 4))).toBe(-1);
    expect(compare(ratio(4, 6), ratio(2, 3))).toBe(0);
  });

  test("refuses a zero denominator and lossy conversions", () => {
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => toSafeNumber(2n ** 53n)).toThrow(RangeError);
    expect(toSafeNumber(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
