import { describe, expect, test } from "vitest";
import { evaluateEvent, NO_USAGE, streakBonusFor, type ActionCounters } from "./evaluate-event";
import { formatExplanation } from "./explain";
import { testRuleset } from "./test-helpers";

const RULES = testRuleset({
  "action.review-photo": { name: { "zh-CN": "晒图评价", en: "Photo review" }, points: 5, applyTierMultiplier: true, budget: 1_000 },
  "action.retired": { name: { "zh-CN": "旧活动", en: "Retired" }, points: 5, enabled: false },
  "action.noop": { name: { "zh-CN": "无", en: "Noop" }, points: 0 },
});
const AT = new Date("2025-06-07T04:00:00Z");
const regular = { tierCode: "regular" };
const used = (c: Partial<ActionCounters>): ActionCounters => ({ ...NO_USAGE, ...c });

describe("evaluateEvent", () => {
  test.each([
    { what: "signup, first time", type: "signup", counters: NO_USAGE, points: 100, reason: "awarded" },
    { what: "signup, second time", type: "signup", counters: used({ memberTotal: 1 }), points: 0, reason: "cap-member-total" },
    { what: "check-in, day 1", type: "check-in", streak: 1, counters: NO_USAGE, points: 5, reason: "awarded" },
    { what: "check-in, day 6", type: "check-in", streak: 6, counters: NO_USAGE, points: 5, reason: "awarded" },
    { what: "check-in, day 7 bonus", type: "check-in", streak: 7, counters: NO_USAGE, points: 25, reason: "awarded" },
    { what: "check-in, day 8: new cycle", type: "check-in", streak: 8, counters: NO_USAGE, points: 5, reason: "awarded" },
    { what: "check-in, day 14 bonus again", type: "check-in", streak: 14, counters: NO_USAGE, points: 25, reason: "awarded" },
    { what: "check-in without a streak", type: "check-in", counters: NO_USAGE, points: 5, reason: "awarded" },
    { what: "check-in twice a day", type: "check-in", streak: 2, counters: used({ memberDay: 1 }), points: 0, reason: "cap-member-day" },
    { what: "share, third today", type: "share", counters: used({ memberDay: 2 }), points: 2, reason: "awarded" },
    { what: "share, fourth today", type: "share", counters: used({ memberDay: 3 }), points: 0, reason: "cap-member-day" },
    { what: "review, 10th this month", type: "review", counters: used({ memberMonth: 9 }), points: 10, reason: "awarded" },
    { what: "review, 11th this month", type: "review", counters: used({ memberMonth: 10 }), points: 0, reason: "cap-member-month" },
    { what: "budget fits exactly", type: "review-photo", counters: used({ budgetUsed: 995 }), points: 5, reason: "awarded" },
    { what: "budget short: all or nothing", type: "review-photo", counters: used({ budgetUsed: 996 }), points: 0, reason: "budget-exhausted" },
    { what: "disabled rule", type: "retired", counters: NO_USAGE, points: 0, reason: "rule-disabled" },
    { what: "a rule worth 0", type: "noop", counters: NO_USAGE, points: 0, reason: "zero-points" },
    { what: "unknown event type", type: "birthday", counters: NO_USAGE, points: 0, reason: "no-rule" },
  ])("$what → $points ($reason)", ({ type, streak, counters, points, reason }) => {
    const r = evaluateEvent(RULES, { type, occurredAt: AT, streak }, regular, counters);
    expect(r.points).toBe(points);
    expect(r.reason).toBe(reason);
    expect(r.explanation.reason).toBe(reason);
    expect(r.explanation.total).toBe(points);
    expect(r.ruleVersionIds).toEqual(reason === "no-rule" ? [] : [`v:action.${type}`, ...(type === "review-photo" ? ["v:tiers"] : [])]);
  });

  test.each([
    { tierCode: "regular", points: 5 },
    { tierCode: "silver", points: 6 },
    { tierCode: "gold", points: 7 }, // 7.5 → 7 (floor once)
    { tierCode: "unknown", points: 5 },
  ])("tier multiplier when the action opts in: $tierCode → $points", ({ tierCode, points }) => {
    expect(evaluateEvent(RULES, { type: "review-photo", occurredAt: AT }, { tierCode }).points).toBe(points);
  });

  test("tier multiplier is ignored by actions that do not opt in", () => {
    expect(evaluateEvent(RULES, { type: "signup", occurredAt: AT }, { tierCode: "gold" }).points).toBe(100);
  });

  test.each([
    { type: "check-in", streak: 7, tier: "regular", en: "25 = 5 Daily check-in + 20 streak day 7", zh: "25 = 5 每日签到 + 20 连续第 7 天" },
    { type: "review-photo", tier: "silver", en: "6 = 5 Photo review × 1.2 Silver", zh: "6 = 5 晒图评价 × 1.2 白银会员" },
    { type: "check-in", streak: 1, tier: "regular", memberDay: 1, en: "0 = Daily check-in: daily limit reached", zh: "0 = 每日签到：已达每日上限" },
    { type: "birthday", tier: "regular", en: "0 = no points rule for “birthday”", zh: "0 = “birthday”没有积分规则" },
  ])("explains: $en", ({ type, streak, tier, memberDay, en, zh }) => {
    const r = evaluateEvent(RULES, { type, occurredAt: AT, streak }, { tierCode: tier }, used({ memberDay: memberDay ?? 0 }));
    expect(formatExplanation(r.explanation, "en")).toBe(en);
    expect(formatExplanation(r.explanation, "zh-CN")).toBe(zh);
    expect(JSON.parse(JSON.stringify(r.explanation))).toEqual(r.explanation);
  });
});

describe("streakBonusFor", () => {
  test.each([
    { cycleDays: 7, length: 7, day: 7, bonus: 20 },
    { cycleDays: 7, length: 21, day: 7, bonus: 20 },
    { cycleDays: 7, length: 22, day: 1, bonus: 0 },
    { cycleDays: null, length: 7, day: 7, bonus: 20 },
    { cycleDays: null, length: 14, day: 14, bonus: 0 }, // without a cycle, day 7 pays once
  ])("cycle $cycleDays, streak $length → day $day, +$bonus", ({ cycleDays, length, day, bonus }) => {
    expect(streakBonusFor({ cycleDays, bonuses: [{ day: 7, points: 20 }] }, length)).toEqual({ day, bonus });
  });

  test("bonuses for the same day add up", () => {
    expect(streakBonusFor({ cycleDays: null, bonuses: [{ day: 3, points: 5 }, { day: 3, points: 7 }] }, 3).bonus).toBe(12);
  });
});
