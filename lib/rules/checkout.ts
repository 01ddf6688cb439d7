// 积分抵现: paying part of an order with points. One rate, one cap, one rounding rule.
import { DomainError, type ErrorCode, type FieldError } from "@/lib/errors";
import type { CheckoutPolicy } from "./schema";

/** Minor units per currency unit. The deployment has one currency (CNY: 100 分 = ¥1). */
export const CENTS_PER_CURRENCY_UNIT = 100;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The smallest number of points worth a whole cent (100 pts = ¥1 → 1; 1 000 pts = ¥1 → 10; 150 pts = ¥1 → 3). */
export function pointsPerWholeCent(policy: CheckoutPolicy): number {
  return policy.pointsPerCurrencyUnit / gcd(policy.pointsPerCurrencyUnit, CENTS_PER_CURRENCY_UNIT);
}

/**
 * Cash value of points: floor(points × 100 / pointsPerCurrencyUnit). Named rule: floor — the shop
 * never discounts more than the points are worth. validateCheckoutPoints only accepts whole-cent
 * amounts, so at checkout the floor never silently eats a member's point.
 */
export function pointsCashCents(points: number, policy: CheckoutPolicy): number {
  return Number((BigInt(points) * BigInt(CENTS_PER_CURRENCY_UNIT)) / BigInt(policy.pointsPerCurrencyUnit));
}

/** Cash cap: floor(goods × maxPercentOfGoods / 100) — floor, so the cap is never exceeded. */
export function maxPointsCashCents(goodsAfterDiscountCents: number, policy: CheckoutPolicy): number {
  return Number((BigInt(goodsAfterDiscountCents) * BigInt(policy.maxPercentOfGoods)) / 100n);
}

/** The most points accepted on goods worth `goodsAfterDiscountCents`: the cap, in whole-cent steps. */
export function maxRedeemablePoints(goodsAfterDiscountCents: number, policy: CheckoutPolicy): number {
  const capCents = BigInt(maxPointsCashCents(goodsAfterDiscountCents, policy));
  const raw = (capCents * BigInt(policy.pointsPerCurrencyUnit)) / BigInt(CENTS_PER_CURRENCY_UNIT);
  const step = BigInt(pointsPerWholeCent(policy));
  return Number((raw / step) * step);
}

export type CheckoutRejectionReason = "not-a-count" | "not-whole-cent" | "over-cap" | "insufficient-points";

/** Everything a DomainError needs; `checkoutError` builds one. */
export interface CheckoutRejection {
  code: ErrorCode;
  reason: CheckoutRejectionReason;
  detail: string;
  params: Record<string, string | number>;
  errors: FieldError[];
}

export type CheckoutCheck = { ok: true; points: number; cashCents: number } | { ok: false; rejection: CheckoutRejection };

export interface CheckoutPointsInput {
  points: number;
  goodsAfterDiscountCents: number;
  /** The member's available balance, when known; omitted skips the balance check. */
  availablePoints?: number;
}

const PATH = "pointsRedeemed";

/** Checks points offered at checkout against the policy (and balance); returns their cash value. */
export function validateCheckoutPoints(input: CheckoutPointsInput, policy: CheckoutPolicy): CheckoutCheck {
  const { points, goodsAfterDiscountCents, availablePoints } = input;
  const reject = (code: ErrorCode, reason: CheckoutRejectionReason, detail: string, params: Record<string, string | number> = {}): CheckoutCheck => ({
    ok: false,
    rejection: { code, reason, detail, params, errors: code === "invalid-request" ? [{ path: PATH, message: detail }] : [] },
  });
  if (!Number.isSafeInteger(points) || points < 0) return reject("invalid-request", "not-a-count", "points must be a non-negative integer");
  const step = pointsPerWholeCent(policy);
  if (points % step !== 0) {
    return reject("invalid-request", "not-whole-cent", `points must be a multiple of ${step} (worth a whole cent)`, { step });
  }
  const max = maxRedeemablePoints(goodsAfterDiscountCents, policy);
  if (points > max) {
    return reject("invalid-request", "over-cap", `at most ${max} points (${policy.maxPercentOfGoods}% of the goods)`, { max, percent: policy.maxPercentOfGoods });
  }
  if (availablePoints !== undefined && points > availablePoints) {
    return reject("insufficient-points", "insufficient-points", `needs ${points}, has ${availablePoints}`, { needed: points, available: availablePoints });
  }
  return { ok: true, points, cashCents: pointsCashCents(points, policy) };
}

export function checkoutError(rejection: CheckoutRejection): DomainError {
  return new DomainError(rejection.code, rejection.detail, { errors: rejection.errors, params: rejection.params });
}
