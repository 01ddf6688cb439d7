import { describe, expect, test } from "vitest";
import { DomainError } from "@/lib/errors";
import { buildRuleset, parseRule } from "./ruleset";
import {
  actionRuleSchema,
  campaignRuleSchema,
  DEFAULT_RULES,
  distributionRuleSchema,
  earningRuleSchema,
  ruleKindOf,
  tiersRuleSchema,
} from "./schema";

const name = { "zh-CN": "名称", en: "Name" };

describe("defaults", () => {
  test("earning: 1 pt per ¥1, after discounts and points paid, no shipping, 7-day window, rolling 365, 100 pts = ¥1 up to 50 %", () => {
    expect(earningRuleSchema.parse({})).toEqual({
      pointsPerUnit: 1,
      unitCents: 100,
      base: { afterDiscounts: true, minusPointsPaid: true, includeShipping: false },
      categoryMultipliersBps: {},
      skuMultipliersBps: {},
      returnWindowDays: 7,
      expiry: { kind: "rolling", days: 365 },
      checkout: { pointsPerCurrencyUnit: 100, maxPercentOfGoods: 50 },
      manualAdjustments: { approvalAbovePoints: 10_000 },
    });
  });

  test("a partial nested object keeps the other nested defaults", () => {
    expect(earningRuleSchema.parse({ base: { includeShipping: true } }).base).toEqual({
      afterDiscounts: true,
      minusPointsPaid: true,
      includeShipping: true,
    });
  });

  test("distribution: depth 2 at 10 % / 5 %, freeze 7 days, withdraw from ¥10", () => {
    const d = distributionRuleSchema.parse({});
    expect(d.depth).toBe(2);
    expect(d.levelRatesBps).toEqual([1000, 500]);
    expect(d.freezeDays).toBe(7);
    expect(d.withdrawal).toEqual({ minCents: 1000, dailyCapCents: null, maxRequestsPerDay: 3, feeBps: 0 });
    expect(d.binding).toEqual({ mode: "signup", expiryDays: null, allowRebind: false });
    expect(d.selfPurchase).toBe(false);
    expect(d.becomeDistributor).toEqual({ mode: "apply" });
  });

  test("DEFAULT_RULES: Regular/Silver/Gold at 0/5 000/20 000 earned in 12 months, ×1/×1.2/×1.5", () => {
    const tiers = DEFAULT_RULES.find((r) => r.ruleKey === "tiers")!.definition;
    expect(tiers).toMatchObject({
      qualification: { basis: "points-earned", windowMonths: 12 },
      tiers: [
        { code: "regular", threshold: 0, earnMultiplierBps: 10_000, name: { "zh-CN": "普通会员", en: "Regular" } },
        { code: "silver", threshold: 5_000, earnMultiplierBps: 12_000, name: { "zh-CN": "白银会员", en: "Silver" } },
        { code: "gold", threshold: 20_000, earnMultiplierBps: 15_000, name: { "zh-CN": "黄金会员", en: "Gold" } },
      ],
    });
  });

  test("DEFAULT_RULES is a complete, valid ruleset that survives a JSON round trip (as jsonb)", () => {
    const keys = DEFAULT_RULES.map((r) => r.ruleKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(["earning", "tiers", "distribution", "action.signup", "action.check-in"]));
    for (const r of DEFAULT_RULES) expect(ruleKindOf(r.ruleKey)).toBe(r.kind);
    const rs = buildRuleset(DEFAULT_RULES.map((r, i) => ({ id: `id-${i}`, ruleKey: r.ruleKey, definition: JSON.parse(JSON.stringify(r.definition)) })));
    expect(rs.earning.definition).toEqual(DEFAULT_RULES[0]!.definition);
    expect(rs.campaigns).toEqual([]);
    expect(rs.actions.map((a) => a.ruleKey)).toEqual([...keys.filter((k) => k.startsWith("action."))].sort());
  });
});

describe("validation", () => {
  test.each([
    { what: "depth 3 without acknowledgement", input: { depth: 3, levelRatesBps: [1000, 500, 200] }, path: "complianceAcknowledged" },
    { what: "depth 3 acknowledged", input: { depth: 3, complianceAcknowledged: true, levelRatesBps: [1000, 500, 200] }, path: null },
    { what: "depth 4", input: { depth: 4, complianceAcknowledged: true, levelRatesBps: [1, 1, 1] }, path: "depth" },
    { what: "depth 0", input: { depth: 0 }, path: "depth" },
    { what: "depth 1 with two default rates", input: { depth: 1 }, path: "levelRatesBps" },
    { what: "depth 1 with one rate", input: { depth: 1, levelRatesBps: [1500] }, path: null },
    { what: "four rates", input: { levelRatesBps: [1, 1, 1, 1] }, path: "levelRatesBps" },
    { what: "rates above 100 %", input: { levelRatesBps: [6000, 5000] }, path: "levelRatesBps" },
    { what: "a float rate", input: { levelRatesBps: [10.5, 5] }, path: "levelRatesBps.0" },
    { what: "a category override of the wrong depth", input: { categoryRatesBps: { tea: [100] } }, path: "categoryRatesBps.tea" },
    { what: "threshold without cents", input: { becomeDistributor: { mode: "threshold" } }, path: "becomeDistributor.thresholdCents" },
    { what: "threshold with cents", input: { becomeDistributor: { mode: "threshold", thresholdCents: 50_000 } }, path: null },
    { what: "an unknown field (typo)", input: { selfPurchases: true }, path: "" },
    { what: "level rates of the wrong depth", input: { levels: [{ code: "a", name, ratesBps: [100] }] }, path: "levels.0.ratesBps" },
    { what: "level rates of the right depth", input: { levels: [{ code: "a", name, ratesBps: [1200, 600] }] }, path: null },
  ])("distribution: $what", ({ input, path }) => {
    const r = distributionRuleSchema.safeParse(input);
    if (path === null) expect(r.success).toBe(true);
    else expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  const tier = (code: string, threshold: number) => ({ code, name, threshold });
  test.each([
    { what: "first threshold not 0", tiers: [tier("a", 10)], path: "tiers.0.threshold" },
    { what: "equal thresholds", tiers: [tier("a", 0), tier("b", 0)], path: "tiers.1.threshold" },
    { what: "decreasing thresholds", tiers: [tier("a", 0), tier("b", 100), tier("c", 50)], path: "tiers.2.threshold" },
    { what: "duplicate codes", tiers: [tier("a", 0), tier("a", 100)], path: "tiers.1.code" },
    { what: "no tiers", tiers: [], path: "tiers" },
    { what: "a float multiplier", tiers: [{ ...tier("a", 0), earnMultiplierBps: 1.2 }], path: "tiers.0.earnMultiplierBps" },
    { what: "valid", tiers: [tier("a", 0), tier("b", 1)], path: null },
  ])("tiers: $what", ({ tiers, path }) => {
    const r = tiersRuleSchema.safeParse({ tiers });
    if (path === null) expect(r.success).toBe(true);
    else expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  const c = { name, startsAt: "2025-06-01T00:00", award: { kind: "multiplier", bps: 20_000 } };
  test.each([
    { what: "valid local window", input: { ...c, endsAt: "2025-07-01T00:00" }, path: null },
    { what: "valid absolute window", input: { ...c, startsAt: "2025-06-01T00:00:00Z", endsAt: "2025-06-01T00:00:01Z" }, path: null },
    { what: "empty window", input: { ...c, endsAt: "2025-06-01T00:00" }, path: "endsAt" },
    { what: "backwards absolute window", input: { ...c, startsAt: "2025-06-02T00:00:00+08:00", endsAt: "2025-06-01T00:00:00+08:00" }, path: "endsAt" },
    { what: "weekday 0", input: { ...c, daysOfWeek: [0, 6] }, path: "daysOfWeek.0" },
    { what: "multiplier below ×1", input: { ...c, award: { kind: "multiplier", bps: 5_000 } }, path: "award.bps" },
    { what: "flat bonus of 0", input: { ...c, award: { kind: "flat", points: 0 } }, path: "award.points" },
    { what: "not a datetime", input: { ...c, startsAt: "next Saturday" }, path: "startsAt" },
    { what: "unknown stacking", input: { ...c, stacking: "all" }, path: "stacking" },
  ])("campaign: $what", ({ input, path }) => {
    const r = campaignRuleSchema.safeParse(input);
    if (path === null) expect(r.success).toBe(true);
    else expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  test.each([
    { what: "end-of-year 0 years", input: { expiry: { kind: "end-of-year", years: 0 } }, path: "expiry.years" },
    { what: "unknown expiry", input: { expiry: { kind: "monthly" } }, path: "expiry.kind" },
    { what: "float multiplier", input: { categoryMultipliersBps: { tea: 1.5 } }, path: "categoryMultipliersBps.tea" },
    { what: "checkout over 100 %", input: { checkout: { maxPercentOfGoods: 101 } }, path: "checkout.maxPercentOfGoods" },
    { what: "zero unit", input: { unitCents: 0 }, path: "unitCents" },
  ])("earning: $what", ({ input, path }) => {
    expect(earningRuleSchema.safeParse(input).error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  test("action: caps count awards, so 0 is not a cap (use enabled: false)", () => {
    expect(actionRuleSchema.safeParse({ name, points: 5, maxPerMemberPerDay: 0 }).success).toBe(false);
    expect(actionRuleSchema.parse({ name, points: 5 })).toMatchObject({ enabled: true, maxPerMemberPerDay: null, budget: null, streakBonus: null });
  });
});

describe("rule keys", () => {
  test.each([
    ["earning", "earning"],
    ["tiers", "tiers"],
    ["distribution", "distribution"],
    ["campaign.weekend-double", "campaign"],
    ["campaign.Weekend", null],
    ["campaign.", null],
    ["action.check-in", "action"],
    ["action.custom_event.v2", "action"],
    ["action.", null],
    ["earning.base", null],
    ["unknown", null],
  ])("%s → %s", (key, kind) => {
    expect(ruleKindOf(key)).toBe(kind);
  });
});

describe("parseRule / buildRuleset", () => {
  test("a bad definition is an invalid-request with paths under definition", () => {
    try {
      parseRule("distribution", { depth: 3 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("invalid-request");
      expect((e as DomainError).errors.map((x) => x.path)).toContain("definition.complianceAcknowledged");
    }
  });

  test("an unknown key is refused", () => {
    expect(() => parseRule("bonus", {})).toThrow(DomainError);
  });

  test("a ruleset needs earning, tiers and distribution, and one version per key", () => {
    expect(() => buildRuleset([{ id: "1", ruleKey: "earning", definition: {} }])).toThrow(/missing tiers, distribution/);
    expect(() =>
      buildRuleset([
        { id: "1", ruleKey: "earning", definition: {} },
        { id: "2", ruleKey: "earning", definition: {} },
      ]),
    ).toThrow(/two versions/);
  });
});
