import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { likePattern, maxListPriceWithin } from "./catalogue";
import { discountedPrice } from "./pricing";

describe("maxListPriceWithin", () => {
  test.each([
    { balance: 0, bps: 0, max: 0 },
    { balance: -5, bps: 500, max: 0 },
    { balance: 1, bps: 0, max: 1 },
    { balance: 1_000, bps: 0, max: 1_000 },
    // Silver 5 %: 1 052 − 52 = 1 000; 1 053 − 52 = 1 001.
    { balance: 1_000, bps: 500, max: 1_052 },
    // Gold 10 %: 1 111 − 111 = 1 000; 1 112 − 111 = 1 001.
    { balance: 1_000, bps: 1_000, max: 1_111 },
    { balance: 950, bps: 500, max: 1_000 },
  ])("$balance points at $bps bps → list price up to $max", ({ balance, bps, max }) => {
    expect(maxListPriceWithin(balance, bps)).toBe(max);
  });

  test("100 % off: every reward costs 1 point, so any list price", () => {
    expect(maxListPriceWithin(1, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  test("exactly the boundary: the max is affordable and one point more is not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 0, max: 9_999 }), (balance, bps) => {
        const max = maxListPriceWithin(balance, bps);
        expect(discountedPrice(max, bps)).toBeLessThanOrEqual(balance);
        expect(discountedPrice(max + 1, bps)).toBeGreaterThan(balance);
      }),
    );
  });
});

describe("likePattern", () => {
  test.each([
    ["tea", "%tea%"],
    ["50%", "%50\\%%"],
    ["a_b", "%a\\_b%"],
    ["back\\slash", "%back\\\\slash%"],
  ])("%s → %s", (q, pattern) => {
    expect(likePattern(q)).toBe(pattern);
  });
});
