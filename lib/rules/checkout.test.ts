import { describe, expect, test } from "vitest";
import { DomainError } from "@/lib/errors";
import { checkoutError, maxRedeemablePoints, pointsCashCents, pointsPerWholeCent, validateCheckoutPoints } from "./checkout";
import type { CheckoutPolicy } from "./schema";

const policy = (pointsPerCurrencyUnit = 100, maxPercentOfGoods = 50): CheckoutPolicy => ({ pointsPerCurrencyUnit, maxPercentOfGoods });

describe("pointsCashCents (floor)", () => {
  test.each([
    { ppu: 100, points: 150, cents: 150 }, // default: 1 point = 1 分
    { ppu: 100, points: 0, cents: 0 },
    { ppu: 1000, points: 10, cents: 1 },
    { ppu: 1000, points: 15, cents: 1 }, // 1.5 → 1
    { ppu: 150, points: 3, cents: 2 },
    { ppu: 150, points: 4, cents: 2 }, // 2.67 → 2
    { ppu: 1, points: 7, cents: 700 },
    { ppu: 100, points: 1e12, cents: 1e12 },
  ])("$points points at $ppu/¥1 = $cents cents", ({ ppu, points, cents }) => {
    expect(pointsCashCents(points, policy(ppu))).toBe(cents);
  });
});

describe("pointsPerWholeCent", () => {
  test.each([
    [100, 1],
    [1000, 10],
    [150, 3],
    [1, 1],
    [7, 7],
  ])("%i points per ¥1 → steps of %i", (ppu, step) => {
    expect(pointsPerWholeCent(policy(ppu))).toBe(step);
  });
});

describe("maxRedeemablePoints", () => {
  test.each([
    { goods: 11_000, ppu: 100, pct: 50, max: 5_500 },
    { goods: 11_001, ppu: 100, pct: 50, max: 5_500 }, // cap 5 500.5 分 → 5 500 (floor)
    { goods: 101, ppu: 1000, pct: 50, max: 500 }, // cap 50 分
    { goods: 1003, ppu: 150, pct: 50, max: 750 }, // cap 501 分; 751.5 pts → whole-cent steps of 3 → 750 (= 500 分)
    { goods: 11_000, ppu: 100, pct: 0, max: 0 }, // disabled
    { goods: 11_000, ppu: 100, pct: 100, max: 11_000 },
    { goods: 0, ppu: 100, pct: 50, max: 0 },
  ])("goods $goods at $ppu/¥1, $pct% → $max", ({ goods, ppu, pct, max }) => {
    const m = maxRedeemablePoints(goods, policy(ppu, pct));
    expect(m).toBe(max);
    expect(pointsCashCents(m, policy(ppu, pct))).toBeLessThanOrEqual(Math.floor((goods * pct) / 100));
  });
});

describe("validateCheckoutPoints", () => {
  test.each([
    { points: 0, goods: 11_000, available: 0, ppu: 100, ok: true, cash: 0 },
    { points: 5_500, goods: 11_000, available: 9_999, ppu: 100, ok: true, cash: 5_500 },
    { points: 5_501, goods: 11_000, available: 9_999, ppu: 100, reason: "over-cap", code: "invalid-request" },
    { points: 1_000, goods: 11_000, available: 999, ppu: 100, reason: "insufficient-points", code: "insufficient-points" },
    { points: 15, goods: 11_000, available: 999, ppu: 1000, reason: "not-whole-cent", code: "invalid-request" },
    { points: 20, goods: 11_000, available: 999, ppu: 1000, ok: true, cash: 2 },
    { points: -1, goods: 11_000, available: 999, ppu: 100, reason: "not-a-count", code: "invalid-request" },
    { points: 1.5, goods: 11_000, available: 999, ppu: 100, reason: "not-a-count", code: "invalid-request" },
  ])("$points points on $goods (has $available, $ppu/¥1)", ({ points, goods, available, ppu, ok, cash, reason, code }) => {
    const r = validateCheckoutPoints({ points, goodsAfterDiscountCents: goods, availablePoints: available }, policy(ppu));
    if (ok) {
      expect(r).toEqual({ ok: true, points, cashCents: cash });
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.rejection.reason).toBe(reason);
        expect(r.rejection.code).toBe(code);
      }
    }
  });

  test("the balance check is skipped when the balance is not given", () => {
    expect(validateCheckoutPoints({ points: 100, goodsAfterDiscountCents: 1000 }, policy())).toEqual({ ok: true, points: 100, cashCents: 100 });
  });

  test("a rejection becomes a DomainError with status, field path and params", () => {
    const r = validateCheckoutPoints({ points: 5_501, goodsAfterDiscountCents: 11_000 }, policy());
    if (r.ok) throw new Error("expected a rejection");
    const e = checkoutError(r.rejection);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.status).toBe(400);
    expect(e.errors).toEqual([{ path: "pointsRedeemed", message: expect.stringContaining("5500") }]);
    expect(e.params).toEqual({ max: 5_500, percent: 50 });

    const poor = validateCheckoutPoints({ points: 100, goodsAfterDiscountCents: 11_000, availablePoints: 40 }, policy());
    if (poor.ok) throw new Error("expected a rejection");
    expect(checkoutError(poor.rejection).status).toBe(409);
    expect(checkoutError(poor.rejection).params).toEqual({ needed: 100, available: 40 });
  });
});
