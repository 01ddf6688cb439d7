import { describe, expect, test } from "vitest";
import { actionRuleSchema, campaignRuleSchema, tierProgress, tiersRuleSchema } from "@/lib/rules";
import { historyHref, parseFilter } from "./history-filter";
import { campaignWindow, checkInView, parseReason, taskState, tierStanding } from "./logic";

const checkIn = actionRuleSchema.parse({
  name: { "zh-CN": "每日签到", en: "Daily check-in" },
  points: 5,
  maxPerMemberPerDay: 1,
  streakBonus: { cycleDays: 7, bonuses: [{ day: 7, points: 20 }] },
});

describe("checkInView", () => {
  test.each([
    // [today, yesterday] → checkedToday, streak, todayPoints, todayBonus, nextBonus, cycle position
    [null, null, false, 0, 5, 0, { inDays: 6, day: 7, points: 20 }, 0],
    [null, 5, false, 5, 5, 0, { inDays: 1, day: 7, points: 20 }, 5],
    [null, 6, false, 6, 25, 20, { inDays: 0, day: 7, points: 20 }, 6],
    [7, 6, true, 7, null, 0, { inDays: 7, day: 7, points: 20 }, 7],
    [1, null, true, 1, null, 0, { inDays: 6, day: 7, points: 20 }, 1],
    // a cycle completed yesterday starts over today
    [null, 7, false, 7, 5, 0, { inDays: 6, day: 7, points: 20 }, 0],
    [null, 13, false, 13, 25, 20, { inDays: 0, day: 7, points: 20 }, 6],
  ] as const)("today %s, yesterday %s", (today, yesterday, checkedToday, streak, todayPoints, todayBonus, nextBonus, position) => {
    const v = checkInView(checkIn, { today, yesterday });
    expect(v).toMatchObject({ checkedToday, streak, todayPoints, todayBonus, nextBonus });
    expect(v.cycle).toEqual({ length: 7, position, bonusDays: { 7: 20 } });
  });

  test("tier multiplier applies when the rule opts in (floor)", () => {
    const rule = { ...checkIn, applyTierMultiplier: true };
    expect(checkInView(rule, { today: null, yesterday: 6 }, 12_000)).toMatchObject({ todayPoints: 30, todayBonus: 24 });
    expect(checkInView(checkIn, { today: null, yesterday: 6 }, 12_000)).toMatchObject({ todayPoints: 25 });
  });

  test("no streak bonus, no cycle strip", () => {
    const plain = actionRuleSchema.parse({ name: checkIn.name, points: 3, maxPerMemberPerDay: 1 });
    expect(checkInView(plain, { today: null, yesterday: 2 })).toMatchObject({ nextBonus: null, cycle: null, todayPoints: 3 });
  });

  test("bonuses without a cycle count the streak length itself", () => {
    const rule = actionRuleSchema.parse({ name: checkIn.name, points: 1, streakBonus: { cycleDays: null, bonuses: [{ day: 30, points: 100 }] } });
    expect(checkInView(rule, { today: 10, yesterday: 9 }).nextBonus).toEqual({ inDays: 20, day: 30, points: 100 });
    expect(checkInView(rule, { today: 30, yesterday: 29 }).nextBonus).toBeNull();
  });
});

describe("taskState", () => {
  const rule = (caps: object) => actionRuleSchema.parse({ name: checkIn.name, points: 2, ...caps });
  test.each([
    [{ maxPerMemberTotal: 1 }, { day: 0, month: 0, total: 0 }, { kind: "open-unlimited" }],
    [{ maxPerMemberTotal: 1 }, { day: 0, month: 0, total: 1 }, { kind: "done" }],
    [{ maxPerMemberPerMonth: 10 }, { day: 1, month: 4, total: 9 }, { kind: "open", used: 4, max: 10, per: "month" }],
    [{ maxPerMemberPerMonth: 10 }, { day: 0, month: 10, total: 30 }, { kind: "done-month" }],
    [{ maxPerMemberPerDay: 3 }, { day: 2, month: 2, total: 2 }, { kind: "open", used: 2, max: 3, per: "day" }],
    [{ maxPerMemberPerDay: 3 }, { day: 3, month: 3, total: 3 }, { kind: "done-today" }],
    [{}, { day: 9, month: 9, total: 9 }, { kind: "open-unlimited" }],
  ])("%o with %o", (caps, usage, expected) => {
    expect(taskState(rule(caps), usage)).toEqual(expected);
  });
});

describe("tierStanding", () => {
  const rule = tiersRuleSchema.parse({
    tiers: [
      { code: "regular", name: { "zh-CN": "普通", en: "Regular" }, threshold: 0 },
      { code: "silver", name: { "zh-CN": "白银", en: "Silver" }, threshold: 5_000 },
      { code: "gold", name: { "zh-CN": "黄金", en: "Gold" }, threshold: 20_000 },
    ],
  });
  const at = (points: number) => tierProgress(rule, { pointsEarnedInWindow: points, spendCentsInWindow: 0 });
  test("progress to the next tier", () => {
    expect(tierStanding(rule, "silver", at(12_500))).toMatchObject({ kind: "next", target: { code: "gold" }, remaining: 7_500, progressBps: 5_000 });
  });
  test("top tier", () => {
    expect(tierStanding(rule, "gold", at(25_000))).toEqual({ kind: "top" });
  });
  test("a held tier above what the window qualifies for: what keeps it", () => {
    expect(tierStanding(rule, "gold", at(15_000))).toMatchObject({ kind: "keep", target: { code: "gold" }, remaining: 5_000, progressBps: 7_500 });
  });
  test("an unknown held code falls back to the qualified tier", () => {
    expect(tierStanding(rule, "platinum", at(100))).toMatchObject({ kind: "next", target: { code: "silver" }, remaining: 4_900 });
  });
});

describe("campaignWindow", () => {
  const c = (startsAt: string, endsAt: string | null) =>
    campaignRuleSchema.parse({ name: { "zh-CN": "活动", en: "Campaign" }, startsAt, endsAt, award: { kind: "multiplier", bps: 20_000 } });
  const now = new Date("2026-06-01T04:00:00Z"); // 12:00 in Shanghai
  test.each([
    ["2026-05-01T00:00", null, "running"],
    ["2026-06-01T12:00", "2026-06-02T00:00", "running"], // local wall-clock times: starts exactly now
    ["2026-06-01T12:01", null, "upcoming"],
    ["2026-05-01T00:00:00Z", "2026-06-01T04:00:00Z", "ended"], // endsAt is exclusive
  ] as const)("%s – %s", (startsAt, endsAt, status) => {
    expect(campaignWindow(c(startsAt, endsAt), now, "Asia/Shanghai").status).toBe(status);
  });
});

describe("parseReason", () => {
  test.each([
    ["order:DEMO-00012", { kind: "order", ref: "DEMO-00012" }],
    ["checkout:A:B", { kind: "checkout", ref: "A:B" }],
    ["refund:X1", { kind: "refund", ref: "X1" }],
    ["event:check-in", { kind: "event", ref: "check-in" }],
    ["expired", { kind: "expired" }],
    ["redemption", { kind: "redemption" }],
    ["redemption-cancelled", { kind: "redemption-cancelled" }],
    ["redemption for a friend", { kind: "other", text: "redemption for a friend" }],
    ["goodwill after complaint", { kind: "other", text: "goodwill after complaint" }],
  ])("%s", (reason, expected) => {
    expect(parseReason(reason)).toEqual(expected);
  });
});

describe("history filter", () => {
  test("only known filters", () => {
    expect(parseFilter("spent")).toBe("spent");
    expect(parseFilter("spend")).toBeNull();
    expect(parseFilter(["spent"])).toBeNull();
  });
  test("addresses", () => {
    expect(historyHref(null)).toBe("/history");
    expect(historyHref("earned", "abc")).toBe("/history?filter=earned&before=abc");
  });
});
