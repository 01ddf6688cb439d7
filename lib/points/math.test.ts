import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allocateDebit, balanceAt, compareForSpending, nextChangeAt, proportionalShare, splitProportionally, type Lot } from "./math";

const NOW = new Date("2025-06-01T00:00:00Z");
const at = (iso: string) => new Date(iso);
const lot = (id: string, remaining: number, availableAt: string, expiresAt: string | null): Lot => ({
  id,
  remaining,
  availableAt: at(availableAt),
  expiresAt: expiresAt === null ? null : at(expiresAt),
});

// A member's lots around NOW: two available with different expiries, one never-expiring, one pending,
// one expired, one empty, and one expiring at exactly NOW (expired: expiresAt ≤ now).
const LOTS: Lot[] = [
  lot("never", 50, "2025-01-01T00:00:00Z", null),
  lot("late", 30, "2025-02-01T00:00:00Z", "2025-12-31T00:00:00Z"),
  lot("soon", 20, "2025-03-01T00:00:00Z", "2025-06-10T00:00:00Z"),
  lot("pending", 40, "2025-06-05T00:00:00Z", "2026-06-05T00:00:00Z"),
  lot("expired", 60, "2024-01-01T00:00:00Z", "2025-05-01T00:00:00Z"),
  lot("empty", 0, "2025-01-01T00:00:00Z", "2025-06-02T00:00:00Z"),
  lot("edge", 5, "2024-06-01T00:00:00Z", "2025-06-01T00:00:00Z"),
];

describe("allocateDebit", () => {
  test.each([
    { points: 0, allocations: [], shortfall: 0 },
    { points: 10, allocations: [["soon", 10]], shortfall: 0 },
    { points: 20, allocations: [["soon", 20]], shortfall: 0 },
    { points: 21, allocations: [["soon", 20], ["late", 1]], shortfall: 0 },
    { points: 60, allocations: [["soon", 20], ["late", 30], ["never", 10]], shortfall: 0 },
    { points: 100, allocations: [["soon", 20], ["late", 30], ["never", 50]], shortfall: 0 },
    // pending, expired, empty and expiring-now lots are never touched: shortfall instead
    { points: 130, allocations: [["soon", 20], ["late", 30], ["never", 50]], shortfall: 30 },
  ])("$points points → $allocations, shortfall $shortfall", ({ points, allocations, shortfall }) => {
    const r = allocateDebit(LOTS, points, NOW);
    expect(r.allocations.map((a) => [a.lotId, a.points])).toEqual(allocations);
    expect(r.shortfall).toBe(shortfall);
    expect(r.allocated + r.shortfall).toBe(points);
  });

  test("a lot becomes usable exactly at its availableAt", () => {
    expect(allocateDebit(LOTS, 130, at("2025-06-05T00:00:00Z")).allocations.map((a) => a.lotId)).toEqual(["soon", "late", "pending", "never"]);
    expect(allocateDebit(LOTS, 130, at("2025-06-04T23:59:59.999Z")).shortfall).toBe(30);
  });

  test.each([
    {
      name: "same expiry → oldest availableAt first",
      lots: [lot("b", 5, "2025-02-01T00:00:00Z", "2025-09-01T00:00:00Z"), lot("a", 5, "2025-03-01T00:00:00Z", "2025-09-01T00:00:00Z")],
      order: ["b", "a"],
    },
    {
      name: "same expiry and availableAt → id",
      lots: [lot("z", 5, "2025-02-01T00:00:00Z", "2025-09-01T00:00:00Z"), lot("y", 5, "2025-02-01T00:00:00Z", "2025-09-01T00:00:00Z")],
      order: ["y", "z"],
    },
    {
      name: "never-expiring last even if oldest",
      lots: [lot("n", 5, "2020-01-01T00:00:00Z", null), lot("e", 5, "2025-05-01T00:00:00Z", "2030-01-01T00:00:00Z")],
      order: ["e", "n"],
    },
  ])("tie-break: $name", ({ lots, order }) => {
    expect(allocateDebit(lots, 10, NOW).allocations.map((a) => a.lotId)).toEqual(order);
  });

  test("rejects a negative or fractional debit", () => {
    expect(() => allocateDebit(LOTS, -1, NOW)).toThrow(RangeError);
    expect(() => allocateDebit(LOTS, 1.5, NOW)).toThrow(RangeError);
  });
});

describe("proportionalShare (floor)", () => {
  test.each([
    [120, 50, 100, 60],
    [120, 1, 3, 40],
    [100, 1, 3, 33], // 33.33 → 33
    [100, 2, 3, 66], // 66.67 → 66 (floor, never rounds up)
    [100, 3, 3, 100], // the whole gives exactly the total
    [7, 0, 10, 0],
    [7, 5, 0, 0], // nothing to share
    [1e12, 999_999_999_999, 1e12, 999_999_999_999], // exact beyond 2^53 intermediates
  ])("proportionalShare(%i, %i, %i) = %i", (total, part, whole, expected) => {
    expect(proportionalShare(total, part, whole)).toBe(expected);
  });
});

describe("splitProportionally (largest remainder)", () => {
  test.each([
    { amount: 10, weights: [1, 1, 1], parts: [4, 3, 3] },
    { amount: 100, weights: [1, 2, 3], parts: [17, 33, 50] },
    { amount: 1, weights: [1, 1], parts: [1, 0] }, // tie → earlier index
    { amount: 2, weights: [1, 3, 3], parts: [0, 1, 1] }, // 0.29, 0.86, 0.86
    { amount: 1001, weights: [3000, 1000], parts: [751, 250] },
    { amount: 5, weights: [0, 3], parts: [0, 5] },
    { amount: 0, weights: [0, 0], parts: [0, 0] },
    { amount: 0, weights: [], parts: [] },
    { amount: 1e15, weights: [1, 1, 1], parts: [333_333_333_333_334, 333_333_333_333_333, 333_333_333_333_333] },
  ])("$amount over $weights → $parts", ({ amount, weights, parts }) => {
    const r = splitProportionally(amount, weights);
    expect(r).toEqual(parts);
    expect(r.reduce((s, v) => s + v, 0)).toBe(amount);
  });

  test("refuses to split a positive amount over zero weights", () => {
    expect(() => splitProportionally(3, [0, 0])).toThrow(/zero weights/);
  });

  test("property: sum preserved, each part within 1 of its exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 20 }), (amount, weights) => {
        const whole = weights.reduce((s, w) => s + w, 0);
        fc.pre(whole > 0);
        const parts = splitProportionally(amount, weights);
        expect(parts.reduce((s, v) => s + BigInt(v), 0n)).toBe(BigInt(amount));
        parts.forEach((p, i) => {
          // |p − amount×w/whole| < 1  ⇔  |p×whole − amount×w| < whole, in exact integers
          const diff = BigInt(p) * BigInt(whole) - BigInt(amount) * BigInt(weights[i]!);
          expect(diff < BigInt(whole) && -diff < BigInt(whole)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });
});

describe("balanceAt", () => {
  test("derives available / pending / expired from timestamps", () => {
    expect(balanceAt(LOTS, NOW)).toEqual({
      available: 100, // never 50 + late 30 + soon 20
      pending: 40,
      expired: 65, // expired 60 + edge 5 (expiresAt === now counts as expired)
      expiringSoon: [{ points: 20, expiresAt: at("2025-06-10T00:00:00Z") }],
    });
  });

  test.each([
    { now: "2025-06-05T00:00:00Z", available: 140, pending: 0, expired: 65 }, // pending lot matured
    { now: "2025-06-10T00:00:00Z", available: 120, pending: 0, expired: 85 }, // "soon" expired at its instant
    { now: "2024-12-31T00:00:00Z", available: 65, pending: 140, expired: 0 }, // before most lots existed
  ])("at $now", ({ now, available, pending, expired }) => {
    const b = balanceAt(LOTS, at(now));
    expect([b.available, b.pending, b.expired]).toEqual([available, pending, expired]);
  });

  test("expiringSoon groups lots by instant within the horizon, soonest first", () => {
    const lots = [
      lot("a", 5, "2025-01-01T00:00:00Z", "2025-06-20T00:00:00Z"),
      lot("b", 7, "2025-02-01T00:00:00Z", "2025-06-20T00:00:00Z"),
      lot("c", 3, "2025-01-01T00:00:00Z", "2025-06-03T00:00:00Z"),
      lot("d", 9, "2025-01-01T00:00:00Z", "2025-08-01T00:00:00Z"), // beyond 30 days
    ];
    expect(balanceAt(lots, NOW).expiringSoon).toEqual([
      { points: 3, expiresAt: at("2025-06-03T00:00:00Z") },
      { points: 12, expiresAt: at("2025-06-20T00:00:00Z") },
    ]);
    // the horizon edge is inclusive: expiring exactly 2 days from now is within 2 days
    expect(balanceAt(lots, NOW, { expiringWithinMs: 2 * 86_400_000 }).expiringSoon).toEqual([{ points: 3, expiresAt: at("2025-06-03T00:00:00Z") }]);
    expect(balanceAt(lots, NOW, { expiringWithinMs: 2 * 86_400_000 - 1 }).expiringSoon).toEqual([]);
  });
});

describe("nextChangeAt", () => {
  test.each([
    { now: "2025-06-01T00:00:00Z", next: "2025-06-05T00:00:00Z" }, // pending lot matures
    { now: "2025-06-05T00:00:00Z", next: "2025-06-10T00:00:00Z" }, // strictly after now: "soon" expires
    { now: "2025-12-31T00:00:00Z", next: "2026-06-05T00:00:00Z" },
    { now: "2026-06-05T00:00:00Z", next: null }, // only never-expiring points left
  ])("at $now → $next", ({ now, next }) => {
    expect(nextChangeAt(LOTS, at(now))).toEqual(next === null ? null : at(next));
  });

  test("ignores empty lots", () => {
    expect(nextChangeAt([lot("empty", 0, "2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z")], NOW)).toBeNull();
  });
});

describe("allocateDebit property", () => {
  const lotArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    remaining: fc.integer({ min: 0, max: 1000 }),
    availableAt: fc.date({ min: at("2025-01-01T00:00:00Z"), max: at("2025-12-31T00:00:00Z"), noInvalidDate: true }),
    expiresAt: fc.option(fc.date({ min: at("2025-01-01T00:00:00Z"), max: at("2026-12-31T00:00:00Z"), noInvalidDate: true }), { nil: null }),
  });

  test("never over-allocates a lot, uses only usable lots, soonest expiry first, shortfall only when exhausted", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(lotArb, { selector: (l) => l.id, maxLength: 12 }),
        fc.integer({ min: 0, max: 8000 }),
        fc.date({ min: at("2025-01-01T00:00:00Z"), max: at("2026-12-31T00:00:00Z"), noInvalidDate: true }),
        (lots, points, now) => {
          const r = allocateDebit(lots, points, now);
          const byId = new Map(lots.map((l) => [l.id, l]));
          const used = r.allocations.map((a) => byId.get(a.lotId)!);
          r.allocations.forEach((a, i) => {
            const l = used[i]!;
            expect(a.points).toBeGreaterThan(0);
            expect(a.points).toBeLessThanOrEqual(l.remaining);
            expect(l.availableAt.getTime()).toBeLessThanOrEqual(now.getTime());
            expect(l.expiresAt === null || l.expiresAt.getTime() > now.getTime()).toBe(true);
            if (i > 0) expect(compareForSpending(used[i - 1]!, l)).toBeLessThan(0);
            // every lot before the last is drained completely before the next is touched
            if (i < r.allocations.length - 1) expect(a.points).toBe(l.remaining);
          });
          expect(r.allocated + r.shortfall).toBe(points);
          expect(r.shortfall === 0 || r.allocated === balanceAt(lots, now).available).toBe(true);
        },
      ),
    );
  });
});
