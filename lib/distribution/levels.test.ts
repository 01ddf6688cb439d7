import { describe, expect, test } from "vitest";
import { distributionRuleSchema } from "@/lib/rules/schema";
import { nextLevel, progressToNext, qualifies, type LevelMetrics } from "./levels";

const name = { "zh-CN": "x", en: "x" };
const up = (u: { minTeamSize?: number; minTeamSalesCents?: number; minOwnSalesCents?: number; periodDays?: number }) => ({
  minTeamSize: u.minTeamSize ?? null,
  minTeamSalesCents: u.minTeamSalesCents ?? null,
  minOwnSalesCents: u.minOwnSalesCents ?? null,
  periodDays: u.periodDays ?? 30,
});
const levels = [
  { code: "junior", name, ratesBps: null, upgrade: null },
  { code: "middle", name, ratesBps: null, upgrade: up({ minTeamSize: 10, minTeamSalesCents: 100_000 }) },
  { code: "vip", name, ratesBps: null, upgrade: null }, // admin-assigned only
  { code: "senior", name, ratesBps: null, upgrade: up({ minTeamSize: 50, minOwnSalesCents: 500_000, periodDays: 90 }) },
];
const m = (levelCode: string, teamSize: number, s30: [number, number] = [0, 0], s90: [number, number] = [0, 0]): LevelMetrics => ({
  levelCode,
  teamSize,
  sales: { 30: { teamCents: s30[0], ownCents: s30[1] }, 90: { teamCents: s90[0], ownCents: s90[1] } },
});

describe("nextLevel", () => {
  test.each([
    ["nothing yet", m("junior", 0), "junior"],
    ["team big enough but sales short (every set condition must hold)", m("junior", 10, [99_999, 0]), "junior"],
    ["exactly at both thresholds", m("junior", 10, [100_000, 0]), "middle"],
    ["sales over 90 days do not count for a 30-day condition", m("junior", 10, [0, 0], [1_000_000, 0]), "junior"],
    ["skips straight to the highest level met", m("junior", 60, [200_000, 0], [0, 500_000]), "senior"],
    ["senior's own sales are over 90 days", m("middle", 60, [200_000, 500_000], [0, 499_999]), "middle"],
    ["never down: a senior below every threshold stays senior", m("senior", 0), "senior"],
    ["never down: vip (above middle) meeting middle's conditions stays vip", m("vip", 10, [100_000, 0]), "vip"],
    ["vip climbs to senior", m("vip", 50, [0, 0], [0, 500_000]), "senior"],
    ["a level without conditions is never reached automatically", m("middle", 1_000, [9e9, 9e9], [0, 0]), "middle"],
    ["an unknown current code climbs from the first level", m("gone", 10, [100_000, 0]), "middle"],
    ["an unknown current code that qualifies for nothing is kept", m("gone", 0), "gone"],
  ])("%s", (_n, metrics, expected) => {
    expect(nextLevel(metrics, levels)).toBe(expected);
  });

  test("qualifies needs at least one condition and a known period", () => {
    expect(qualifies(null, m("junior", 100))).toBe(false);
    expect(qualifies(up({ minTeamSalesCents: 1, periodDays: 7 }), m("junior", 100, [9e9, 9e9]))).toBe(false); // 7-day sales not read: nothing
  });

  test("progress to the next reachable level skips admin-only levels", () => {
    expect(progressToNext(m("junior", 4, [25_000, 0]), levels)).toEqual({
      level: levels[1],
      conditions: [
        { kind: "teamSize", have: 4, need: 10, periodDays: null },
        { kind: "teamSales", have: 25_000, need: 100_000, periodDays: 30 },
      ],
    });
    expect(progressToNext(m("middle", 4), levels)?.level.code).toBe("senior");
    expect(progressToNext(m("senior", 4), levels)).toBeNull();
  });
});

describe("the rule's level upgrade conditions", () => {
  const base = { levels: [{ code: "junior", name }, { code: "senior", name, upgrade: { minTeamSize: 5 } }] };
  test("defaults: 30 days, unset conditions null", () => {
    expect(distributionRuleSchema.parse(base).levels[1]!.upgrade).toEqual({ minTeamSize: 5, minTeamSalesCents: null, minOwnSalesCents: null, periodDays: 30 });
  });
  test.each([
    ["no condition at all", { levels: [{ code: "junior", name }, { code: "senior", name, upgrade: {} }] }, "upgrade-empty"],
    ["conditions on the first level", { levels: [{ code: "junior", name, upgrade: { minTeamSize: 1 } }] }, "upgrade-first-level"],
  ])("refused: %s", (_n, def, reason) => {
    const r = distributionRuleSchema.safeParse(def);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => (i as { params?: { reason?: string } }).params?.reason)).toContain(reason);
  });
  test.each([
    ["negative sales", { minTeamSalesCents: -1 }],
    ["zero team size", { minTeamSize: 0 }],
    ["period 0 days", { minTeamSize: 1, periodDays: 0 }],
    ["fractional cents", { minOwnSalesCents: 10.5 }],
  ])("refused: %s", (_n, upgrade) => {
    expect(distributionRuleSchema.safeParse({ levels: [{ code: "junior", name }, { code: "senior", name, upgrade }] }).success).toBe(false);
  });
});
