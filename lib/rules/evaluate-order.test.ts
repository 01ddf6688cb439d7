import { describe, expect, test } from "vitest";
import { DomainError } from "@/lib/errors";
import { evaluateOrder, isCampaignActive, type OrderInput, type OrderItemInput } from "./evaluate-order";
import { formatExplanation } from "./explain";
import type { CampaignRuleInput } from "./schema";
import { campaign, testRuleset } from "./test-helpers";

const RULES = testRuleset();
// Saturday 2025-06-07 12:00 in Shanghai (no campaign is active unless a test adds one)
const PLACED = new Date("2025-06-07T04:00:00Z");

const item = (unitPriceCents: number, extra: Partial<OrderItemInput> = {}): OrderItemInput => ({
  sku: "SKU-1",
  category: "misc",
  quantity: 1,
  unitPriceCents,
  discountCents: 0,
  ...extra,
});
const order = (items: OrderItemInput[], extra: Partial<OrderInput> = {}): OrderInput => ({
  placedAt: PLACED,
  items,
  shippingCents: 0,
  pointsCashCents: 0,
  ...extra,
});
const regular = { tierCode: "regular" };
const silver = { tierCode: "silver" };
const gold = { tierCode: "gold" };

describe("base and rounding (floor once per order)", () => {
  test.each([
    { what: "¥100 regular", items: [item(10_000)], member: regular, points: 100 },
    { what: "¥99.99 regular: 99.99 → 99", items: [item(9_999)], member: regular, points: 99 },
    { what: "¥100 silver", items: [item(10_000)], member: silver, points: 120 },
    { what: "¥100 gold", items: [item(10_000)], member: gold, points: 150 },
    // floor once: 99.99 × 1.2 = 119.988 → 119 (flooring the base first would give 99 × 1.2 = 118)
    { what: "¥99.99 silver floors once at the end", items: [item(9_999)], member: silver, points: 119 },
    // lines are not floored one by one: 0.99 + 0.99 + 0.99 = 2.97 → 2 (per line it would be 0)
    { what: "three ¥0.99 lines", items: [item(99), item(99), item(99)], member: regular, points: 2 },
    { what: "¥0.99 → 0", items: [item(99)], member: regular, points: 0 },
    { what: "no items", items: [], member: regular, points: 0 },
    { what: "a free item", items: [item(0)], member: gold, points: 0 },
    { what: "quantity × price − line discount", items: [item(5_900, { quantity: 2, discountCents: 800 })], member: regular, points: 110 },
    { what: "10^12 cents regular", items: [item(1e12)], member: regular, points: 1e10 },
    { what: "10^12 + 99 cents gold stays exact", items: [item(1e12 + 99)], member: gold, points: 15_000_000_001 }, // 1.5e10 + 1.485
    { what: "10^12 × 9 units gold", items: [item(1e12, { quantity: 9 })], member: gold, points: 135_000_000_000 },
    { what: "unknown tier earns ×1", items: [item(10_000)], member: { tierCode: "platinum" }, points: 100 },
    { what: "no tier earns ×1", items: [item(10_000)], member: { tierCode: null }, points: 100 },
  ])("$what → $points", ({ items, member, points }) => {
    const r = evaluateOrder(RULES, order(items), member);
    expect(r.points).toBe(points);
    expect(r.explanation.total).toBe(points);
    expect(r.explanation.rounding).toBe("floor-once-per-order");
  });

  test.each([
    { what: "default: after discounts, minus points paid, no shipping", earning: {}, base: 10_000, points: 100 },
    { what: "before discounts", earning: { base: { afterDiscounts: false } }, base: 10_800, points: 108 },
    { what: "points paid not subtracted", earning: { base: { minusPointsPaid: false } }, base: 11_000, points: 110 },
    { what: "shipping included", earning: { base: { includeShipping: true } }, base: 11_000, points: 110 },
    { what: "1 point per ¥10", earning: { pointsPerUnit: 1, unitCents: 1000 }, base: 10_000, points: 10 },
    { what: "3 points per ¥2", earning: { pointsPerUnit: 3, unitCents: 200 }, base: 10_000, points: 150 },
  ])("base switches: $what", ({ earning, base, points }) => {
    const rules = testRuleset({ earning });
    // goods 2 × ¥59 − ¥8 = ¥110; ¥10 paid with points; ¥10 shipping
    const r = evaluateOrder(rules, order([item(5_900, { quantity: 2, discountCents: 800 })], { shippingCents: 1_000, pointsCashCents: 1_000 }), regular);
    expect(r.base.baseCents).toBe(base);
    expect(r.points).toBe(points);
    expect(r.base).toMatchObject({ goodsCents: 11_800, discountCents: 800, goodsAfterDiscountCents: 11_000, shippingCents: 1_000, pointsCashCents: 1_000 });
  });

  test("points paid are spread over the lines by largest remainder, excluding shipping", () => {
    // nets 3000 and 1000; 1001 cents of points: exact 750.75 / 250.25 → 751 / 250
    const r = evaluateOrder(RULES, order([item(3_000, { sku: "A" }), item(1_000, { sku: "B" })], { pointsCashCents: 1_001, shippingCents: 500 }), regular);
    expect(r.base.items).toEqual([
      { sku: "A", baseCents: 2_249, pointsCashCents: 751 },
      { sku: "B", baseCents: 750, pointsCashCents: 250 },
    ]);
    expect(r.base.baseCents).toBe(2_999);
    expect(r.points).toBe(29);
  });

  test("the whole order paid with points earns nothing", () => {
    const r = evaluateOrder(RULES, order([item(5_000)], { pointsCashCents: 5_000 }), gold);
    expect(r.base.baseCents).toBe(0);
    expect(r.points).toBe(0);
  });
});

describe("category and SKU multipliers", () => {
  const rules = testRuleset({ earning: { categoryMultipliersBps: { tea: 20_000, constructor: 30_000 }, skuMultipliersBps: { "TEA-GIFT": 0 } } });
  const items = [
    item(5_000, { sku: "TEA-01", category: "tea" }), // ×2 by category → 100
    item(5_000, { sku: "TEA-GIFT", category: "tea" }), // SKU ×0 wins over category ×2 → 0
    item(5_000, { sku: "CUP", category: "ware" }), // no multiplier → 50
  ];

  test.each([
    { member: regular, points: 150, en: "150 = 150 base + 50 category tea ×2 − 50 SKU TEA-GIFT ×0" },
    { member: silver, points: 180, en: "180 = (150 base + 50 category tea ×2 − 50 SKU TEA-GIFT ×0) × 1.2 Silver" },
  ])("$member.tierCode → $points", ({ member, points, en }) => {
    const r = evaluateOrder(rules, order(items), member);
    expect(r.points).toBe(points);
    expect(r.explanation.lineMultipliers).toEqual([
      { source: "category", key: "tea", bps: 20_000, items: [0], points: "50", ruleVersionId: "v:earning" },
      { source: "sku", key: "TEA-GIFT", bps: 0, items: [1], points: "-50", ruleVersionId: "v:earning" },
    ]);
    expect(formatExplanation(r.explanation, "en")).toBe(en);
  });

  test("a category named like an Object.prototype key gets no accidental multiplier", () => {
    const r = evaluateOrder(testRuleset({ earning: { categoryMultipliersBps: { tea: 20_000 } } }), order([item(10_000, { category: "constructor" })]), regular);
    expect(r.points).toBe(100);
    // and an own key of that name does apply
    expect(evaluateOrder(rules, order([item(10_000, { category: "constructor" })]), regular).points).toBe(300);
  });

  test("a line multiplier is applied to a shipping-free line only; shipping earns ×1", () => {
    const r = evaluateOrder(testRuleset({ earning: { base: { includeShipping: true }, categoryMultipliersBps: { tea: 20_000 } } }), order([item(5_000, { category: "tea" })], { shippingCents: 1_000 }), regular);
    expect(r.points).toBe(110);
  });
});

// ------------------------------------------------------------------------------ campaigns

const weekend: CampaignRuleInput = {
  name: { "zh-CN": "周末加倍", en: "Weekend" },
  startsAt: "2025-01-01T00:00",
  daysOfWeek: [6, 7],
  award: { kind: "multiplier", bps: 15_000 },
};

describe("campaign windows in Asia/Shanghai", () => {
  const rules = { ...RULES, campaigns: [campaign("weekend", weekend)] };
  test.each([
    { at: "2025-06-06T15:59:59.999Z", local: "Fri 23:59:59.999", points: 100 },
    { at: "2025-06-06T16:00:00.000Z", local: "Sat 00:00", points: 150 },
    { at: "2025-06-08T15:59:59.999Z", local: "Sun 23:59:59.999", points: 150 },
    { at: "2025-06-08T16:00:00.000Z", local: "Mon 00:00", points: 100 },
    // a UTC weekend that is already Monday in Shanghai
    { at: "2025-06-08T20:00:00.000Z", local: "Mon 04:00 (Sun in UTC)", points: 100 },
  ])("$local → $points", ({ at, points }) => {
    expect(evaluateOrder(rules, order([item(10_000)], { placedAt: new Date(at) }), regular).points).toBe(points);
  });

  test("the timeZone parameter decides the weekday", () => {
    const fridayEveningUtc = new Date("2025-06-06T20:00:00Z"); // Saturday 04:00 in Shanghai, Friday in UTC
    expect(evaluateOrder(rules, order([item(10_000)], { placedAt: fridayEveningUtc }), regular).points).toBe(150);
    expect(evaluateOrder(rules, order([item(10_000)], { placedAt: fridayEveningUtc }), regular, { timeZone: "UTC" }).points).toBe(100);
  });

  test.each([
    { at: "2025-05-31T15:59:59.999Z", active: false },
    { at: "2025-05-31T16:00:00.000Z", active: true }, // startsAt inclusive (June 1 00:00 local)
    { at: "2025-06-01T15:59:59.999Z", active: true },
    { at: "2025-06-01T16:00:00.000Z", active: false }, // endsAt exclusive
  ])("window [June 1 00:00, June 2 00:00) local at $at → $active", ({ at, active }) => {
    const def = campaign("day", { ...weekend, daysOfWeek: null, startsAt: "2025-06-01T00:00", endsAt: "2025-06-02T00:00" }).definition;
    expect(isCampaignActive(def, new Date(at))).toBe(active);
    // the same window written with an explicit offset is the same instants
    const abs = campaign("abs", { ...weekend, daysOfWeek: null, startsAt: "2025-06-01T00:00:00+08:00", endsAt: "2025-06-02T00:00:00+08:00" }).definition;
    expect(isCampaignActive(abs, new Date(at), "UTC")).toBe(active);
  });

  test("a disabled campaign is never active", () => {
    expect(isCampaignActive(campaign("off", { ...weekend, enabled: false }).definition, PLACED)).toBe(false);
  });
});

describe("campaign awards, filters, tiers", () => {
  const run = (campaigns: ReturnType<typeof campaign>[], items: OrderItemInput[], member = regular, ctx = {}) =>
    evaluateOrder({ ...RULES, campaigns }, order(items), member, ctx);

  test("100 × 1.2 Silver × 1.5 campaign is exactly 180", () => {
    const r = run([campaign("weekend", weekend)], [item(10_000)], silver);
    expect(r.points).toBe(180);
    expect(r.ruleVersionIds).toEqual(["v:earning", "v:tiers", "v:campaign.weekend"]);
    expect(r.campaignAwards).toEqual([{ ruleKey: "campaign.weekend", ruleVersionId: "v:campaign.weekend", points: 60 }]);
    expect(formatExplanation(r.explanation, "en")).toBe("180 = 100 base × 1.2 Silver + 60 Weekend ×1.5");
    expect(formatExplanation(r.explanation, "zh-CN")).toBe("180 = 基础 100 × 1.2 白银会员 + 60 周末加倍 ×1.5");
  });

  test("category filter: only the matching lines get the extra", () => {
    const teaWeek = campaign("tea", { ...weekend, daysOfWeek: null, categories: ["tea"], award: { kind: "multiplier", bps: 20_000 } });
    const r = run([teaWeek], [item(5_000, { category: "tea" }), item(5_000, { category: "ware" })]);
    expect(r.points).toBe(150);
    expect(r.explanation.campaigns[0]).toMatchObject({ items: [0], points: "50" });
  });

  test("SKU filter matches by SKU even outside the categories", () => {
    const promo = campaign("sku", { ...weekend, daysOfWeek: null, categories: ["tea"], skus: ["CUP"], award: { kind: "multiplier", bps: 20_000 } });
    expect(run([promo], [item(5_000, { sku: "CUP", category: "ware" }), item(5_000, { category: "food" })]).points).toBe(150);
  });

  test("a filter that matches no line leaves the campaign out entirely", () => {
    const teaWeek = campaign("tea", { ...weekend, daysOfWeek: null, categories: ["tea"] });
    const r = run([teaWeek], [item(5_000, { category: "ware" })]);
    expect(r.points).toBe(50);
    expect(r.ruleVersionIds).toEqual(["v:earning", "v:tiers"]);
    expect(r.explanation.notApplied).toEqual([]);
  });

  test.each([
    { cents: 19_999, points: 199 },
    { cents: 20_000, points: 300 },
  ])("flat bonus with minimum base: ¥$cents → $points", ({ cents, points }) => {
    const bigSpender = campaign("big", { ...weekend, daysOfWeek: null, award: { kind: "flat", points: 100 }, minBaseCents: 20_000 });
    expect(run([bigSpender], [item(cents)]).points).toBe(points);
  });

  test("a flat bonus is not multiplied by the tier", () => {
    const bonus = campaign("bonus", { ...weekend, daysOfWeek: null, name: { "zh-CN": "新品奖励", en: "New in" }, award: { kind: "flat", points: 50 } });
    const r = run([bonus], [item(10_000)], gold);
    expect(r.points).toBe(200);
    expect(formatExplanation(r.explanation, "en")).toBe("200 = 100 base × 1.5 Gold + 50 New in");
  });

  test("campaign bonus on a fractional value floors once, counters get the floor of each bonus", () => {
    const r = run([campaign("weekend", weekend)], [item(9_999)]);
    // 99.99 + 49.995 = 149.985 → 149
    expect(r.points).toBe(149);
    expect(r.campaignAwards[0]!.points).toBe(49);
    expect(formatExplanation(r.explanation, "en")).toBe("149 = 99.99 base + 49.99 Weekend ×1.5 (rounded down)");
    expect(formatExplanation(r.explanation, "zh-CN")).toBe("149 = 基础 99.99 + 49.99 周末加倍 ×1.5（向下取整）");
  });
});

describe("stacking vs best-only", () => {
  const c = (slug: string, bps: number, priority: number, stacking: "stack" | "best-only") =>
    campaign(slug, { ...weekend, name: { "zh-CN": slug, en: slug }, daysOfWeek: null, award: { kind: "multiplier", bps }, priority, stacking });
  const A = c("a", 20_000, 10, "stack"); // extra 100
  const B = c("b", 15_000, 5, "stack"); // extra 50
  const C = c("c", 30_000, 1, "best-only"); // extra 200
  const E = c("e", 20_000, 20, "best-only"); // extra 100
  const F = c("f", 25_000, 0, "best-only"); // extra 150

  test.each([
    { what: "stacking campaigns add their extras (×2 and ×1.5 → ×2.5)", campaigns: [B, A], points: 250, applied: ["a", "b"], skipped: [] },
    { what: "a best-only campaign worth more beats the stack", campaigns: [A, B, C], points: 300, applied: ["c"], skipped: ["a", "b"] },
    { what: "the stack worth more beats a best-only", campaigns: [A, B, E], points: 250, applied: ["a", "b"], skipped: ["e"] },
    { what: "equal worth: higher priority wins (best-only 20 over stack 10)", campaigns: [A, E], points: 200, applied: ["e"], skipped: ["a"] },
    { what: "equal worth: higher priority wins (stack 10 over best-only 0)", campaigns: [A, B, F], points: 250, applied: ["a", "b"], skipped: ["f"] },
    { what: "best-only against best-only: the best", campaigns: [E, C], points: 300, applied: ["c"], skipped: ["e"] },
  ])("$what", ({ campaigns, points, applied, skipped }) => {
    const r = evaluateOrder({ ...RULES, campaigns }, order([item(10_000)]), regular);
    expect(r.points).toBe(points);
    expect(r.explanation.campaigns.map((x) => x.ruleKey)).toEqual(applied.map((s) => `campaign.${s}`));
    expect(r.explanation.notApplied.map((x) => x.ruleKey).sort()).toEqual(skipped.map((s) => `campaign.${s}`));
    expect(r.ruleVersionIds.filter((id) => id.startsWith("v:campaign."))).toEqual(applied.map((s) => `v:campaign.${s}`));
  });

  test("caps count when choosing the best: a capped best-only loses to the stack", () => {
    const capped = campaign("c", { ...weekend, daysOfWeek: null, award: { kind: "multiplier", bps: 30_000 }, stacking: "best-only", caps: { perMemberPerDay: 120 } });
    const r = evaluateOrder({ ...RULES, campaigns: [A, B, capped] }, order([item(10_000)]), regular);
    expect(r.points).toBe(250);
    expect(r.explanation.campaigns.map((x) => x.ruleKey)).toEqual(["campaign.a", "campaign.b"]);
  });
});

describe("caps and budgets (remaining = cap − used so far)", () => {
  const capped = (caps: CampaignRuleInput["caps"]) => campaign("weekend", { ...weekend, award: { kind: "multiplier", bps: 20_000 }, caps });
  test.each([
    { what: "no usage yet, cap above the bonus", caps: { perMemberPerDay: 500 }, usage: undefined, points: 200, cappedBy: null },
    { what: "day cap: 30 − 10 used leaves 20", caps: { perMemberPerDay: 30 }, usage: { memberDay: 10, memberMonth: 10, total: 10 }, points: 120, cappedBy: "member-day" },
    { what: "day cap exactly the bonus is not capped", caps: { perMemberPerDay: 100 }, usage: undefined, points: 200, cappedBy: null },
    { what: "month cap used up", caps: { perMemberPerMonth: 500 }, usage: { memberDay: 0, memberMonth: 500, total: 500 }, points: 100, cappedBy: "member-month" },
    { what: "month cap over-used still gives 0, not negative", caps: { perMemberPerMonth: 500 }, usage: { memberDay: 0, memberMonth: 700, total: 700 }, points: 100, cappedBy: "member-month" },
    { what: "budget nearly spent", caps: { budget: 1_000 }, usage: { memberDay: 0, memberMonth: 0, total: 950 }, points: 150, cappedBy: "budget" },
    { what: "the tightest cap binds", caps: { perMemberPerDay: 50, budget: 1_000 }, usage: { memberDay: 10, memberMonth: 0, total: 970 }, points: 130, cappedBy: "budget" },
  ])("$what → $points", ({ caps, usage, points, cappedBy }) => {
    const r = evaluateOrder({ ...RULES, campaigns: [capped(caps)] }, order([item(10_000)]), regular, { campaignUsage: usage ? { "campaign.weekend": usage } : {} });
    expect(r.points).toBe(points);
    expect(r.explanation.campaigns[0]!.cappedBy).toBe(cappedBy);
    expect(r.campaignAwards[0]!.points).toBe(points - 100);
    expect(r.explanation.campaigns[0]!.uncapped).toBe("100");
    // a capped-to-zero campaign still took part: its version explains the missing bonus
    expect(r.ruleVersionIds).toContain("v:campaign.weekend");
  });

  test("usage of another campaign key does not count", () => {
    const r = evaluateOrder({ ...RULES, campaigns: [capped({ perMemberPerDay: 30 })] }, order([item(10_000)]), regular, {
      campaignUsage: { "campaign.other": { memberDay: 30, memberMonth: 30, total: 30 } },
    });
    expect(r.points).toBe(130);
    expect(formatExplanation(r.explanation, "en")).toBe("130 = 100 base + 30 Weekend ×2 (capped)");
    expect(formatExplanation(r.explanation, "zh-CN")).toBe("130 = 基础 100 + 30 周末加倍 ×2（已达上限）");
  });
});

describe("explanation", () => {
  test.each([
    { member: silver, en: "120 = 100 base × 1.2 Silver", zh: "120 = 基础 100 × 1.2 白银会员" },
    { member: regular, en: "100 = 100 base", zh: "100 = 基础 100" },
    { member: silver, cents: 9_999, en: "119 = 99.99 base × 1.2 Silver (rounded down)", zh: "119 = 基础 99.99 × 1.2 白银会员（向下取整）" },
  ])("$en", ({ member, cents, en, zh }) => {
    const r = evaluateOrder(RULES, order([item(cents ?? 10_000)]), member);
    expect(formatExplanation(r.explanation, "en")).toBe(en);
    expect(formatExplanation(r.explanation, "zh-CN")).toBe(zh);
  });

  test("is structured and JSON-safe (stored as jsonb)", () => {
    const r = evaluateOrder({ ...RULES, campaigns: [campaign("weekend", weekend)] }, order([item(10_000)]), silver);
    expect(JSON.parse(JSON.stringify(r.explanation))).toEqual(r.explanation);
    expect(r.explanation).toMatchObject({
      kind: "order",
      baseCents: 10_000,
      rate: { points: 1, perCents: 100, ruleVersionId: "v:earning" },
      basePoints: "100",
      tier: { code: "silver", bps: 12_000, ruleVersionId: "v:tiers", label: { en: "Silver" } },
      subtotal: "120",
      campaigns: [{ ruleVersionId: "v:campaign.weekend", points: "60", uncapped: "60", cappedBy: null, items: null }],
      exact: "180",
      roundedDown: false,
      total: 180,
    });
  });
});

describe("bad input writes nothing: it throws invalid-request", () => {
  test.each([
    { what: "discount above the line", input: order([item(1_000, { discountCents: 1_001 })]), path: "items.0.discountCents" },
    { what: "zero quantity", input: order([item(1_000, { quantity: 0 })]), path: "items.0.quantity" },
    { what: "fractional price", input: order([item(10.5)]), path: "items.0.unitPriceCents" },
    { what: "negative shipping", input: order([item(1_000)], { shippingCents: -1 }), path: "shippingCents" },
    { what: "points paid above the goods", input: order([item(1_000, { discountCents: 100 })], { pointsCashCents: 901 }), path: "pointsCashCents" },
    { what: "a total beyond 2^53 cents", input: order([item(1e15, { quantity: 10 })]), path: "items" },
    { what: "invalid date", input: order([item(1_000)], { placedAt: new Date("nope") }), path: "placedAt" },
  ])("$what", ({ input, path }) => {
    try {
      evaluateOrder(RULES, input, regular);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("invalid-request");
      expect((e as DomainError).errors.map((x) => x.path)).toContain(path);
    }
  });
});
