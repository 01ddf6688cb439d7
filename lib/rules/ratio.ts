// Exact rational arithmetic for points. Money and points never pass through a float: an order's
// points are built up as num/den bigints and floored exactly once at the end (see evaluate-order.ts).
// bigint because 10^12 cents × a points rate × several basis-point multipliers exceeds 2^53.

export interface Ratio {
  readonly num: bigint;
  /** Always > 0; num/den is kept in lowest terms. */
  readonly den: bigint;
}

/** Multipliers and rates are integer basis points: 10 000 bps = ×1. */
export const BPS = 10_000;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  if (a <= MAX_SAFE && b <= MAX_SAFE) {
    // Every integer up to 2^53 is exact in a double and % of two of them is exact, so the common
    // case runs on numbers (an order's ratios stay far below 2^53; bigint steps cost ~10× more).
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) [x, y] = [y, x % y];
    return BigInt(x);
  }
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("ratio: zero denominator");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Ratio = { num: 0n, den: 1n };
export const ONE: Ratio = { num: 1n, den: 1n };

export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.num, a.den * b.den);
}

/** a × bps / 10 000 — applying a basis-point multiplier exactly. */
export function mulBps(a: Ratio, bps: number): Ratio {
  return ratio(a.num * BigInt(bps), a.den * BigInt(BPS));
}

export function sum(values: readonly Ratio[]): Ratio {
  return values.reduce(add, ZERO);
}

export function compare(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function min(a: Ratio, b: Ratio): Ratio {
  return compare(a, b) <= 0 ? a : b;
}

export function isZero(a: Ratio): boolean {
  return a.num === 0n;
}

/** Largest integer ≤ a (true floor, also for negatives). */
export function floor(a: Ratio): bigint {
  const q = a.num / a.den; // truncates toward zero
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/**
 * For display only: the value with at most `places` decimals, truncated toward zero
 * (so "119.988" shows as "119.98", never rounded up past what was earned). Never feeds back into math.
 */
export function toDisplay(a: Ratio, places = 2): string {
  const neg = a.num < 0n;
  const abs = neg ? -a.num : a.num;
  const whole = abs / a.den;
  const scale = 10n ** BigInt(places);
  const frac = ((abs % a.den) * scale) / a.den;
  let s = whole.toString();
  if (frac > 0n) s += "." + frac.toString().padStart(places, "0").replace(/0+$/, "");
  return neg && s !== "0" ? "-" + s : s;
}

/** 12 000 bps → "1.2", 20 000 → "2", 12 345 → "1.2345" (exact: bps have 4 decimals). */
export function bpsToDecimal(bps: number): string {
  return toDisplay(ratio(bps, BPS), 4);
}

/** bigint → number, refusing silently-lossy conversions. */
export function toSafeNumber(v: bigint): number {
  if (v > MAX_SAFE || v < MIN_SAFE) {
    throw new RangeError(`value ${v} is outside the safe integer range`);
  }
  return Number(v);
}
