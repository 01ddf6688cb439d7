// Pure ledger math: which lots a debit consumes, how a total is shared out, and what a member's
// balance is at a given instant. No I/O; the points use cases load lots, call these, and write.
// Time-based state (pending → available → expired) is derived here from timestamps, so reads are
// right without a cron (DESIGN: points domain).

import { DAY_MS } from "@/lib/clock";

/** A credit lot as the ledger sees it; only `remaining` matters for what can still be spent. */
export interface Lot {
  id: string;
  remaining: number;
  /** Pending until this instant (the order's return window). */
  availableAt: Date;
  /** Expired from this instant on (expiresAt ≤ now ⇒ expired); null never expires. */
  expiresAt: Date | null;
}

export interface Allocation {
  lotId: string;
  points: number;
}

export interface DebitAllocation {
  allocations: Allocation[];
  /** Σ allocations.points */
  allocated: number;
  /** Points that could not be covered (0 when the debit is fully covered). */
  shortfall: number;
}

function assertCount(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${v}`);
}

export function isAvailable(lot: Lot, now: Date): boolean {
  return lot.availableAt.getTime() <= now.getTime() && !isExpired(lot, now);
}

export function isExpired(lot: Lot, now: Date): boolean {
  return lot.expiresAt !== null && lot.expiresAt.getTime() <= now.getTime();
}

/**
 * Spending order: soonest expiry first (so members lose as little as possible to expiry), lots that
 * never expire last; ties by oldest availableAt, then id, so the order is total and repeatable.
 */
export function compareForSpending(a: Lot, b: Lot): number {
  const ea = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  const aa = a.availableAt.getTime();
  const ab = b.availableAt.getTime();
  if (aa !== ab) return aa < ab ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Consumes `points` from the lots available at `now`, soonest-to-expire first. Never takes more than
 * a lot's `remaining`. Returns what it could allocate and the shortfall: a spend treats a shortfall
 * as insufficient-points; a refund reversal records it as debt.
 */
export function allocateDebit(lots: readonly Lot[], points: number, now: Date): DebitAllocation {
  assertCount("points", points);
  const usable = lots.filter((l) => l.remaining > 0 && isAvailable(l, now)).sort(compareForSpending);
  const allocations: Allocation[] = [];
  let left = points;
  for (const lot of usable) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    allocations.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return { allocations, allocated: points - left, shortfall: left };
}

/**
 * `total × part / whole`, rounded DOWN (named rule: floor). Used for "take back the points of the
 * refunded share": flooring never takes back more than was earned for that share. The remainder
 * is settled by the last refund (part = whole gives exactly total). whole = 0 shares nothing.
 */
export function proportionalShare(total: number, part: number, whole: number): number {
  assertCount("total", total);
  assertCount("part", part);
  assertCount("whole", whole);
  if (whole === 0) return 0;
  return Number((BigInt(total) * BigInt(part)) / BigInt(whole));
}

/**
 * Splits `amount` over `weights` by the largest-remainder method (named rule): everyone gets the
 * floor of their exact share, then the units left over go one each to the largest fractional
 * remainders (ties: earlier index). The parts always sum to `amount` exactly — no unit is invented
 * or lost — and each part is within 1 of its exact share. Exact in bigint for huge amounts.
 */
export function splitProportionally(amount: number, weights: readonly number[]): number[] {
  assertCount("amount", amount);
  weights.forEach((w, i) => assertCount(`weights[${i}]`, w));
  const whole = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (whole === 0n) {
    if (amount === 0) return weights.map(() => 0);
    throw new RangeError("cannot split a positive amount over zero weights");
  }
  if (amount === 0) return weights.map(() => 0); // the common case (nothing paid in points): no arithmetic
  const a = BigInt(amount);
  const floors = weights.map((w) => (a * BigInt(w)) / whole);
  const remainders = weights.map((w, i) => ({ i, r: (a * BigInt(w)) % whole }));
  let left = a - floors.reduce((s, f) => s + f, 0n); // < weights.length
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

export interface ExpiringPoints {
  points: number;
  expiresAt: Date;
}

export interface BalanceAt {
  /** Spendable now: available and unexpired. */
  available: number;
  /** Not yet available (return window still open), and not already expired. */
  pending: number;
  /** Left in lots past their expiry that the sweep has not written off yet. */
  expired: number;
  /** Available points expiring within the horizon, grouped by instant, soonest first. */
  expiringSoon: ExpiringPoints[];
}

export const DEFAULT_EXPIRING_HORIZON_MS = 30 * DAY_MS;

/** The member's balance as of `now`, derived purely from lot timestamps. */
export function balanceAt(lots: readonly Lot[], now: Date, opts: { expiringWithinMs?: number } = {}): BalanceAt {
  const horizon = now.getTime() + (opts.expiringWithinMs ?? DEFAULT_EXPIRING_HORIZON_MS);
  let available = 0;
  let pending = 0;
  let expired = 0;
  const expiring = new Map<number, number>();
  for (const lot of lots) {
    if (lot.remaining <= 0) continue;
    if (isExpired(lot, now)) expired += lot.remaining;
    else if (lot.availableAt.getTime() > now.getTime()) pending += lot.remaining;
    else {
      available += lot.remaining;
      const at = lot.expiresAt?.getTime();
      if (at !== undefined && at <= horizon) expiring.set(at, (expiring.get(at) ?? 0) + lot.remaining);
    }
  }
  const expiringSoon = [...expiring.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, points]) => ({ points, expiresAt: new Date(at) }));
  return { available, pending, expired, expiringSoon };
}

/**
 * The next instant after `now` at which balanceAt would give a different answer: the earliest
 * future availableAt or expiresAt among lots that still hold points. Stored as
 * point_balances.nextChangeAt so a read before it can trust the stored figures. null: never.
 */
export function nextChangeAt(lots: readonly Lot[], now: Date): Date | null {
  const t = now.getTime();
  let next = Number.POSITIVE_INFINITY;
  for (const lot of lots) {
    if (lot.remaining <= 0) continue;
    const a = lot.availableAt.getTime();
    if (a > t && a < next) next = a;
    const e = lot.expiresAt?.getTime();
    if (e !== undefined && e > t && e < next) next = e;
  }
  return next === Number.POSITIVE_INFINITY ? null : new Date(next);
}
