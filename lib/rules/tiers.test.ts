import { describe, expect, test } from "vitest";
import { DEFAULT_RULES, tiersRuleSchema, type TiersRule } from "./schema";
import { decideTierAtPeriodEnd, qualifyTier, tierProgress } from "./tiers";

const TIERS = DEFAULT_RULES.find((r) => r.ruleKey === "tiers")!.definition as TiersRule;
const withPolicy = (policy: TiersRule["downgrade"]["policy"]): TiersRule => ({ ...TIERS, downgrade: { policy } });
const earned = (pointsEarnedInWindow: number, spendCentsInWindow = 0) => ({ pointsEarnedInWindow, spendCentsInWindow });

describe("qualifyTier", () => {
  test.each([
    [0, "regular"],
    [4_999, "regular"],
    [5_000, "silver"], // thresholds are inclusive
    [19_999, "silver"],
    [20_000, "gold"],
    [1e12, "gold"],
  ])("%i points earned → %s", (points, code) => {
    expect(qualifyTier(TIERS, earned(points)).code).toBe(code);
  });

  test("qualifies on points earned, never on spend, by default", () => {
    expect(qualifyTier(TIERS, earned(0, 10_000_000)).code).toBe("regular");
  });

  test.each([
    [99_999, "regular"],
    [100_000, "vip"],
  ])("spend basis: %i cents → %s", (cents, code) => {
    const bySpend = tiersRuleSchema.parse({
      qualification: { basis: "spend" },
      tiers: [
        { code: "regular", name: { "zh-CN": "普通", en: "Regular" }, threshold: 0 },
        { code: "vip", name: { "zh-CN": "贵宾", en: "VIP" }, threshold: 100_000 },
      ],
    });
    expect(qualifyTier(bySpend, earned(1e9, cents)).code).toBe(code);
  });
});

describe("tierProgress", () => {
  test.each([
    { points: 0, current: "regular", next: "silver", remaining: 5_000, progressBps: 0 },
    { points: 2_500, current: "regular", next: "silver", remaining: 2_500, progressBps: 5_000 },
    { points: 4_999, current: "regular", next: "silver", remaining: 1, progressBps: 9_998 }, // 99.98 % (floor)
    { points: 12_500, current: "silver", next: "gold", remaining: 7_500, progressBps: 5_000 },
    { points: 20_000, current: "gold", next: null, remaining: 0, progressBps: 10_000 },
  ])("$points points: $current → $next, $remaining to go", ({ points, current, next, remaining, progressBps }) => {
    const p = tierProgress(TIERS, earned(points));
    expect(p.current.code).toBe(current);
    expect(p.next?.code ?? null).toBe(next);
    expect(p.remaining).toBe(remaining);
    expect(p.progressBps).toBe(progressBps);
    expect(p.basis).toBe("points-earned");
  });
});

describe("decideTierAtPeriodEnd", () => {
  test.each([
    { policy: "recalculate", current: "gold", points: 100, tier: "regular", change: "downgrade" },
    { policy: "one-level", current: "gold", points: 100, tier: "silver", change: "downgrade" },
    { policy: "never", current: "gold", points: 100, tier: "gold", change: "keep" },
    { policy: "recalculate", current: "gold", points: 20_000, tier: "gold", change: "keep" },
    { policy: "never", current: "regular", points: 6_000, tier: "silver", change: "upgrade" }, // upgrades always
    { policy: "recalculate", current: "silver", points: 4_999, tier: "regular", change: "downgrade" },
    { policy: "recalculate", current: "platinum", points: 6_000, tier: "silver", change: "upgrade" }, // removed tier
    { policy: "recalculate", current: null, points: 0, tier: "regular", change: "upgrade" },
  ] as const)("$policy: $current with $points → $tier ($change)", ({ policy, current, points, tier, change }) => {
    const d = decideTierAtPeriodEnd(withPolicy(policy), current, earned(points));
    expect(d.tier.code).toBe(tier);
    expect(d.change).toBe(change);
    expect(d.qualified.code).toBe(qualifyTier(TIERS, earned(points)).code);
  });
});
