import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { distributionRuleSchema, type DistributionRuleInput } from "@/lib/rules/schema";
import {
  calculateCommissions,
  commissionAvailableAt,
  commissionStatus,
  reverseShares,
  withdrawalFee,
  type ChainMember,
  type CommissionLine,
} from "./commission-math";

const rule = (def: DistributionRuleInput = {}) => ({ id: "v:distribution", ruleKey: "distribution", definition: distributionRuleSchema.parse(def) });
const dist = (id: string, levelCode = "junior", active = true): ChainMember => ({ memberId: id, distributor: { levelCode, active } });
const plain = (id: string): ChainMember => ({ memberId: id, distributor: null });
const line = (baseCents: number, extra: Partial<CommissionLine> = {}): CommissionLine => ({ sku: "TEA-01", category: "tea", baseCents, ...extra });
const BUYER = plain("buyer");
const CHAIN = ["d1", "d2", "d3", "d4"].map((id) => dist(id));
const paid = (r: ReturnType<typeof calculateCommissions>) => r.shares.map((s) => [s.distributorId, s.level, s.amountCents]);

const DEPTH3: DistributionRuleInput = { depth: 3, complianceAcknowledged: true, levelRatesBps: [1000, 500, 200] };

describe("the chain: depth 1–4 against settings 1, 2, 3 (the 4th ancestor is never paid)", () => {
  test.each([
    { setting: { depth: 1, levelRatesBps: [1000] }, chainLength: 1, expected: [["d1", 1, 1000]] },
    { setting: { depth: 1, levelRatesBps: [1000] }, chainLength: 4, expected: [["d1", 1, 1000]] },
    { setting: {}, chainLength: 1, expected: [["d1", 1, 1000]] },
    { setting: {}, chainLength: 2, expected: [["d1", 1, 1000], ["d2", 2, 500]] },
    { setting: {}, chainLength: 3, expected: [["d1", 1, 1000], ["d2", 2, 500]] },
    { setting: {}, chainLength: 4, expected: [["d1", 1, 1000], ["d2", 2, 500]] },
    { setting: DEPTH3, chainLength: 2, expected: [["d1", 1, 1000], ["d2", 2, 500]] },
    { setting: DEPTH3, chainLength: 3, expected: [["d1", 1, 1000], ["d2", 2, 500], ["d3", 3, 200]] },
    { setting: DEPTH3, chainLength: 4, expected: [["d1", 1, 1000], ["d2", 2, 500], ["d3", 3, 200]] },
    { setting: {}, chainLength: 0, expected: [] },
  ])("depth $setting.depth, chain of $chainLength", ({ setting, chainLength, expected }) => {
    const r = calculateCommissions({ lines: [line(10_000)], buyer: BUYER, upline: CHAIN.slice(0, chainLength), rule: rule(setting) });
    expect(paid(r)).toEqual(expected);
    if (chainLength === 4) expect(r.skipped).toContainEqual({ memberId: "d4", level: 4, reason: "beyond-depth" });
  });

  test("a rule can never reach a 4th level, even if one slipped past the schema", () => {
    const r = rule(DEPTH3);
    const forged = { ...r, definition: { ...r.definition, depth: 4, levelRatesBps: [1000, 500, 200, 100] } };
    expect(paid(calculateCommissions({ lines: [line(10_000)], buyer: BUYER, upline: CHAIN, rule: forged }))).toHaveLength(3);
  });

  test.each([
    { what: "an inactive distributor is skipped, not compressed", upline: [dist("d1", "junior", false), dist("d2")], expected: [["d2", 2, 500]], reason: "inactive" },
    { what: "a plain member in the chain earns nothing", upline: [plain("m1"), dist("d2")], expected: [["d2", 2, 500]], reason: "not-a-distributor" },
  ])("$what", ({ upline, expected, reason }) => {
    const r = calculateCommissions({ lines: [line(10_000)], buyer: BUYER, upline, rule: rule() });
    expect(paid(r)).toEqual(expected);
    expect(r.skipped[0]).toMatchObject({ level: 1, reason });
  });
});

describe("self-purchase (自购返佣)", () => {
  test.each([
    { what: "off: the distributor buyer earns nothing on their own order", selfPurchase: false, buyer: dist("me"), expected: [["d1", 1, 1000], ["d2", 2, 500]] },
    { what: "on: the buyer is level 1 and the upline shifts up", selfPurchase: true, buyer: dist("me"), expected: [["me", 1, 1000], ["d1", 2, 500]] },
    { what: "on, but the buyer is not a distributor: as if off", selfPurchase: true, buyer: BUYER, expected: [["d1", 1, 1000], ["d2", 2, 500]] },
    { what: "on, but the buyer's distributorship is disabled", selfPurchase: true, buyer: dist("me", "junior", false), expected: [["d1", 1, 1000], ["d2", 2, 500]] },
  ])("$what", ({ selfPurchase, buyer, expected }) => {
    const r = calculateCommissions({ lines: [line(10_000)], buyer, upline: CHAIN.slice(0, 3), rule: rule({ selfPurchase }) });
    expect(paid(r)).toEqual(expected);
    if (selfPurchase && buyer.distributor?.active) expect(r.shares[0]!.explanation).toMatchObject({ selfPurchase: true, depth: 0, level: 1 });
  });
});

describe("rates and overrides (SKU > category > distributor level > rule level)", () => {
  const def: DistributionRuleInput = {
    levelRatesBps: [1000, 500],
    categoryRatesBps: { tea: [2000, 1000] },
    skuRatesBps: { "TEA-GIFT": [300, 0] },
    levels: [
      { code: "junior", name: { "zh-CN": "初级", en: "Junior" } },
      { code: "senior", name: { "zh-CN": "高级", en: "Senior" }, ratesBps: [1500, 800] },
    ],
  };
  test.each([
    { what: "rule level rate", lines: [line(10_000, { category: "cups" })], level: "junior", amounts: [1000, 500], source: "level" },
    { what: "distributor level rate", lines: [line(10_000, { category: "cups" })], level: "senior", amounts: [1500, 800], source: "distributor-level" },
    { what: "category beats distributor level", lines: [line(10_000)], level: "senior", amounts: [2000, 1000], source: "category" },
    { what: "SKU beats category", lines: [line(10_000, { sku: "TEA-GIFT" })], level: "junior", amounts: [300], source: "sku" },
    { what: "an unknown level falls back to the rule", lines: [line(10_000, { category: "cups" })], level: "gone", amounts: [1000, 500], source: "level" },
    { what: "'constructor' as a category is not an override", lines: [line(10_000, { category: "constructor" })], level: "junior", amounts: [1000, 500], source: "level" },
  ])("$what", ({ lines, level, amounts, source }) => {
    const r = calculateCommissions({ lines, buyer: BUYER, upline: [dist("d1", level), dist("d2", level)], rule: rule(def) });
    expect(r.shares.map((s) => s.amountCents)).toEqual(amounts);
    expect(r.shares[0]!.explanation.lines[0]!.source).toBe(source);
    expect(r.shares[0]!.explanation.overridden).toBe(source !== "level");
  });

  test("mixed lines: one commission per distributor over all lines, rateBps null, each line explained", () => {
    const r = calculateCommissions({ lines: [line(10_000), line(5_000, { category: "cups", sku: "CUP" }), line(3_333, { sku: "TEA-GIFT" })], buyer: BUYER, upline: [dist("d1")], rule: rule(def) });
    // 10 000 × 20 % + 5 000 × 10 % + 3 333 × 3 % = 2 000 + 500 + 99.99 = 2 599.99 → 2 599
    expect(r.shares[0]).toMatchObject({ level: 1, baseCents: 18_333, rateBps: null, amountCents: 2599 });
    expect(r.shares[0]!.explanation).toMatchObject({ exactCents: "2599.99", rounding: "floor-per-commission", ruleVersionId: "v:distribution" });
    expect(r.shares[0]!.explanation.lines.map((l) => [l.rateBps, l.source])).toEqual([[2000, "category"], [1000, "level"], [300, "sku"]]);
  });
});

describe("rounding: floor per commission, never per line, never invented", () => {
  test.each([
    { what: "1-cent order", base: [1], amounts: [] },
    { what: "9-cent order: 0.9 and 0.45 both round to 0", base: [9], amounts: [] },
    { what: "10-cent order: 1 and 0.5", base: [10], amounts: [1] },
    { what: "19-cent order: 1.9 → 1, 0.95 → 0", base: [19], amounts: [1] },
    { what: "three 9-cent lines: 2.7 → 2 (per line it would be 0)", base: [9, 9, 9], amounts: [2, 1] },
    { what: "¥99.99", base: [9_999], amounts: [999, 499] },
    { what: "10^9 cents", base: [1_000_000_000], amounts: [100_000_000, 50_000_000] },
    { what: "10^9 − 1 cents", base: [999_999_999], amounts: [99_999_999, 49_999_999] },
    { what: "a zero base (all paid with points)", base: [0], amounts: [] },
  ])("$what", ({ base, amounts }) => {
    const r = calculateCommissions({ lines: base.map((b) => line(b)), buyer: BUYER, upline: CHAIN.slice(0, 2), rule: rule() });
    expect(r.shares.map((s) => s.amountCents)).toEqual(amounts);
    expect(r.skipped.filter((s) => s.reason === "rounds-to-zero")).toHaveLength(2 - amounts.length);
  });

  test("bad figures are refused (the calculator takes integer cents only)", () => {
    expect(() => calculateCommissions({ lines: [line(10.5)], buyer: BUYER, upline: CHAIN, rule: rule() })).toThrow(RangeError);
    expect(() => calculateCommissions({ lines: [line(-1)], buyer: BUYER, upline: CHAIN, rule: rule() })).toThrow(RangeError);
  });
});

describe("dates and statuses", () => {
  const placed = new Date("2026-11-01T04:00:00Z");
  test.each([
    { returnWindowDays: 7, freezeDays: 7, at: "2026-11-15T04:00:00.000Z" },
    { returnWindowDays: 0, freezeDays: 0, at: "2026-11-01T04:00:00.000Z" },
    { returnWindowDays: 15, freezeDays: 3, at: "2026-11-19T04:00:00.000Z" },
  ])("return window $returnWindowDays + freeze $freezeDays days", ({ returnWindowDays, freezeDays, at }) => {
    expect(commissionAvailableAt(placed, returnWindowDays, freezeDays).toISOString()).toBe(at);
  });

  test.each([
    { c: { amountCents: 100, reversedCents: 0 }, now: "2026-11-14T00:00:00Z", status: "pending" },
    { c: { amountCents: 100, reversedCents: 0 }, now: "2026-11-15T04:00:00Z", status: "available" },
    { c: { amountCents: 100, reversedCents: 40 }, now: "2026-11-20T00:00:00Z", status: "available" },
    { c: { amountCents: 100, reversedCents: 100 }, now: "2026-11-10T00:00:00Z", status: "reversed" },
  ])("status at $now", ({ c, now, status }) => {
    expect(commissionStatus({ ...c, availableAt: new Date("2026-11-15T04:00:00Z") }, new Date(now))).toBe(status);
  });
});

describe("reversals on refunds (cumulative floor; the last refund takes the rest)", () => {
  test.each([
    { what: "full refund at once", amount: 1000, paid: 12_000, steps: [12_000], reversed: [1000] },
    { what: "half", amount: 1000, paid: 12_000, steps: [6_000], reversed: [500] },
    { what: "three thirds of an odd commission", amount: 1001, paid: 300, steps: [100, 100, 100], reversed: [333, 334, 334] },
    { what: "1-cent steps over 3 cents", amount: 2, paid: 3, steps: [1, 1, 1], reversed: [0, 1, 1] },
    { what: "many small steps on a 1-cent commission", amount: 1, paid: 10, steps: [3, 3, 3, 1], reversed: [0, 0, 0, 1] },
    { what: "10^9-cent order refunded in 7 steps", amount: 100_000_000, paid: 1_000_000_000, steps: [1, 2, 3, 5, 8, 13, 999_999_968], reversed: [0, 0, 0, 1, 0, 2, 99_999_997] },
  ])("$what", ({ amount, paid, steps, reversed }) => {
    let refunded = 0;
    let done = 0;
    const got: number[] = [];
    for (const step of steps) {
      refunded += step;
      const [d] = reverseShares([{ amountCents: amount, reversedCents: done }], { refundedCents: refunded, paidCents: paid });
      got.push(d!);
      done += d!;
    }
    expect(got).toEqual(reversed);
    expect(done).toBe(refunded >= paid ? amount : Math.floor((amount * refunded) / paid));
  });

  test("nothing more is reversed once the commission is fully reversed", () => {
    expect(reverseShares([{ amountCents: 500, reversedCents: 500 }], { refundedCents: 100, paidCents: 100 })).toEqual([0]);
  });
});

describe("withdrawal fee: rounded down, the rest is sent", () => {
  test.each([
    { amount: 1000, feeBps: 0, fee: 0, net: 1000 },
    { amount: 1000, feeBps: 60, fee: 6, net: 994 },
    { amount: 1999, feeBps: 60, fee: 11, net: 1988 },
    { amount: 1, feeBps: 9999, fee: 0, net: 1 },
  ])("$amount at $feeBps bps", ({ amount, feeBps, fee, net }) => {
    expect(withdrawalFee(amount, feeBps)).toEqual({ feeCents: fee, netCents: net });
  });
});

describe("properties", () => {
  const rateArb = (depth: number) => fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: depth, maxLength: depth });
  const ruleArb = fc.integer({ min: 1, max: 3 }).chain((depth) =>
    fc.record({
      depth: fc.constant(depth),
      complianceAcknowledged: fc.constant(true),
      levelRatesBps: rateArb(depth),
      categoryRatesBps: fc.dictionary(fc.constantFrom("tea", "cups"), rateArb(depth)),
      skuRatesBps: fc.dictionary(fc.constantFrom("A", "B"), rateArb(depth)),
      selfPurchase: fc.boolean(),
    }),
  );
  const linesArb = fc.array(
    fc.record({ sku: fc.constantFrom("A", "B", "C"), category: fc.constantFrom("tea", "cups", null), baseCents: fc.integer({ min: 0, max: 1_000_000_000 }) }),
    { minLength: 1, maxLength: 6 },
  );
  const memberArb = (id: string) => fc.record({ memberId: fc.constant(id), distributor: fc.option(fc.record({ levelCode: fc.constant("junior"), active: fc.boolean() }), { nil: null }) });
  const uplineArb = fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => memberArb(`u${i + 1}`))));

  test("each commission is the floor of its exact value, levels ≤ depth ≤ 3, the buyer only with self-purchase", () => {
    fc.assert(
      fc.property(ruleArb, linesArb, memberArb("buyer"), uplineArb, (def, lines, buyer, upline) => {
        const rules = rule(def);
        const r = calculateCommissions({ lines, buyer, upline, rule: rules });
        const levels = r.shares.map((s) => s.level);
        expect(new Set(levels).size).toBe(levels.length);
        for (const s of r.shares) {
          expect(s.level).toBeLessThanOrEqual(Math.min(def.depth, 3));
          expect(s.amountCents).toBeGreaterThan(0);
          const exact = s.explanation.lines.reduce((acc, l) => acc + BigInt(l.baseCents) * BigInt(l.rateBps), 0n);
          expect(BigInt(s.amountCents) * 10_000n <= exact && exact < BigInt(s.amountCents + 1) * 10_000n).toBe(true);
          expect(s.amountCents).toBeLessThanOrEqual(s.baseCents); // a share of a sale, never more
          if (s.distributorId === "buyer") expect(def.selfPurchase && s.level === 1).toBe(true);
        }
        // Total never exceeds the exact total at the summed rates (nothing invented).
        const total = r.shares.reduce((acc, s) => acc + BigInt(s.amountCents), 0n);
        const maxRate = BigInt(Math.max(...[def.levelRatesBps, ...Object.values(def.categoryRatesBps), ...Object.values(def.skuRatesBps)].map((rs) => rs.reduce((a, b) => a + b, 0))));
        const base = lines.reduce((acc, l) => acc + BigInt(l.baseCents), 0n);
        expect(total * 10_000n <= base * maxRate).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("any sequence of partial refunds reverses at most the commission, and a full refund exactly it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }), (amount, paid, weights) => {
        const totalWeight = weights.reduce((a, b) => a + b, 0);
        let refunded = 0;
        let reversed = 0;
        let acc = 0;
        for (const w of weights) {
          acc += w;
          const next = Math.floor((paid * acc) / totalWeight); // refunds that add up to the order
          if (next === refunded) continue;
          refunded = next;
          const [d] = reverseShares([{ amountCents: amount, reversedCents: reversed }], { refundedCents: refunded, paidCents: paid });
          expect(d).toBeGreaterThanOrEqual(0);
          reversed += d!;
          expect(reversed).toBeLessThanOrEqual(amount);
          expect(reversed).toBe(refunded >= paid ? amount : Number((BigInt(amount) * BigInt(refunded)) / BigInt(paid)));
        }
        expect(reversed).toBe(amount);
      }),
      { numRuns: 500 },
    );
  });
});
