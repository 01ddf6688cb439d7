// Bad input is refused with the field that is wrong and why, and writes nothing: depth 4, negative
// rates, rates above 100 %, non-increasing tier thresholds, caps below zero, depth 3 without the
// compliance acknowledgement, and ambiguous overlapping campaigns (naming both).
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, ruleVersions } from "@/db/schema";
import { freezeClock } from "@/lib/clock";
import { parseRule } from "../ruleset";
import { DEFAULT_RULES, type CampaignRuleInput } from "../schema";
import { publishDraft } from "./publish-draft";
import { publishRule } from "./publish-rule";
import { saveDraft } from "./save-draft";
import { newAdmin } from "./testing";
import { validateRule } from "./validate-rule";

const T0 = new Date("2026-11-23T02:00:00Z");
const tiers = DEFAULT_RULES.find((r) => r.ruleKey === "tiers")!.definition as { tiers: { threshold: number }[] };
const campaign = (o: Partial<CampaignRuleInput> = {}): CampaignRuleInput => ({
  name: { en: "Holiday", "zh-CN": "假日" },
  startsAt: "2026-12-20T00:00",
  endsAt: "2027-01-03T00:00",
  award: { kind: "multiplier", bps: 20_000 },
  stacking: "best-only",
  ...o,
});

/** [rule key, definition, field path, issue reason or zod code] */
const BAD: [string, string, unknown, string, string][] = [
  ["depth 4", "distribution", { depth: 4, levelRatesBps: [1000, 500, 100, 50] }, "definition.depth", "too_big"],
  ["a negative rate", "distribution", { depth: 2, levelRatesBps: [1000, -500] }, "definition.levelRatesBps.1", "too_small"],
  ["a rate above 100 %", "distribution", { depth: 1, levelRatesBps: [10_001] }, "definition.levelRatesBps.0", "too_big"],
  ["rates adding up above 100 %", "distribution", { depth: 2, levelRatesBps: [6000, 5000] }, "definition.levelRatesBps", "rates-sum"],
  ["a negative withdrawal fee", "distribution", { withdrawal: { feeBps: -1 } }, "definition.withdrawal.feeBps", "too_small"],
  ["depth 3 without compliance acknowledgement", "distribution", { depth: 3, levelRatesBps: [1000, 500, 200] }, "definition.complianceAcknowledged", "compliance-required"],
  ["a level override with the wrong number of rates", "distribution", { depth: 2, levelRatesBps: [1000, 500], skuRatesBps: { "TEA-01": [1000] } }, "definition.skuRatesBps.TEA-01", "rates-count"],
  [
    "non-increasing tier thresholds",
    "tiers",
    { ...tiers, tiers: tiers.tiers.map((t, i) => (i === 2 ? { ...t, threshold: 5000 } : t)) },
    "definition.tiers.2.threshold",
    "thresholds-increasing",
  ],
  ["a first tier above 0", "tiers", { ...tiers, tiers: tiers.tiers.map((t, i) => (i === 0 ? { ...t, threshold: 1 } : t)) }, "definition.tiers.0.threshold", "first-tier-threshold"],
  ["a negative earn rate", "earning", { pointsPerUnit: -1 }, "definition.pointsPerUnit", "too_small"],
  ["a checkout share above 100 %", "earning", { checkout: { maxPercentOfGoods: 101 } }, "definition.checkout.maxPercentOfGoods", "too_big"],
  ["a negative category multiplier", "earning", { categoryMultipliersBps: { tea: -10_000 } }, "definition.categoryMultipliersBps.tea", "too_small"],
  ["a campaign cap below zero", "campaign.cap", campaign({ caps: { perMemberPerDay: -1 } }), "definition.caps.perMemberPerDay", "too_small"],
  ["a campaign budget below zero", "campaign.cap", campaign({ caps: { budget: -100 } }), "definition.caps.budget", "too_small"],
  ["a campaign ending before it starts", "campaign.cap", campaign({ endsAt: "2026-12-19T00:00" }), "definition.endsAt", "ends-before-starts"],
  ["a campaign multiplier below ×1", "campaign.cap", campaign({ award: { kind: "multiplier", bps: 5000 } }), "definition.award.bps", "too_small"],
  ["an action budget below zero", "action.check-in", { name: { en: "Check-in", "zh-CN": "签到" }, points: 5, budget: -1 }, "definition.budget", "too_small"],
  ["an action without a name", "action.check-in", { name: { en: "", "zh-CN": "签到" }, points: 5 }, "definition.name.en", "too_small"],
];

describe("bad rule input", () => {
  test.each(BAD)("%s is rejected at %s", async (_name, ruleKey, definition, path, why) => {
    freezeClock(T0);
    const admin = await newAdmin();
    const check = await validateRule(ruleKey, definition, { at: T0 });
    expect(check.ok).toBe(false);
    const issue = check.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(check.issues)).toBeDefined();
    expect(issue!.reason ?? issue!.code).toBe(why);
    // The same paths parseRule gives the API.
    expect(() => parseRule(ruleKey, definition)).toThrow();
    try {
      parseRule(ruleKey, definition);
    } catch (e) {
      expect((e as { errors: { path: string }[] }).errors.map((x) => x.path)).toEqual(check.issues.map((i) => i.path));
    }
    // Publishing is refused with the same field, and writes nothing (no version, no audit).
    const count = async () => (await db.select().from(ruleVersions).where(eq(ruleVersions.ruleKey, ruleKey))).length;
    const before = await count();
    await expect(publishRule({ ruleKey, definition, effectiveAt: "now", action: "rule.publish" }, admin)).rejects.toMatchObject({
      code: "invalid-request",
      errors: expect.arrayContaining([expect.objectContaining({ path })]),
    });
    // A draft with the error saves (nothing is lost) but cannot be published.
    const saved = await saveDraft({ ruleKey, definition }, admin);
    expect(saved.issues.map((i) => i.path)).toContain(path);
    await expect(publishDraft({ ruleKey, effectiveAt: "now" }, admin)).rejects.toMatchObject({ code: "invalid-request" });
    expect(await count()).toBe(before);
    expect(await db.select().from(auditLog).where(eq(auditLog.actorId, admin.userId))).toEqual([]);
  });

  test("depth 3 with the acknowledgement is accepted", async () => {
    const check = await validateRule("distribution", { depth: 3, complianceAcknowledged: true, levelRatesBps: [1000, 500, 200] }, { at: T0 });
    expect(check.ok).toBe(true);
  });
});

describe("overlapping campaigns", () => {
  test("two best-only campaigns with the same priority overlapping in time are rejected, naming both", async () => {
    freezeClock(T0);
    const admin = await newAdmin();
    await publishRule({ ruleKey: "campaign.holiday", definition: campaign(), effectiveAt: "now", action: "rule.publish" }, admin);

    const clash = campaign({ name: { en: "New year", "zh-CN": "新年" }, startsAt: "2027-01-01T00:00", endsAt: "2027-01-10T00:00" });
    const check = await validateRule("campaign.new-year", clash, { at: T0 });
    expect(check.ok).toBe(false);
    expect(check.issues).toEqual([
      expect.objectContaining({
        path: "definition.priority",
        reason: "campaign-overlap",
        params: expect.objectContaining({ other: "campaign.holiday", otherEn: "Holiday", otherZh: "假日", priority: 0, from: "2026-12-31T16:00:00.000Z", until: "2027-01-02T16:00:00.000Z" }),
      }),
    ]);
    expect(check.issues[0]!.message).toContain("campaign.holiday");
    await expect(publishRule({ ruleKey: "campaign.new-year", definition: clash, effectiveAt: "now", action: "rule.publish" }, admin)).rejects.toMatchObject({
      code: "invalid-request",
      errors: [{ path: "definition.priority" }],
    });

    // Not ambiguous: a different priority, stacking, windows that only touch, disjoint weekdays, disabled.
    for (const ok of [
      { ...clash, priority: 1 },
      { ...clash, stacking: "stack" as const },
      { ...clash, startsAt: "2027-01-03T00:00" },
      { ...clash, enabled: false },
    ]) {
      expect((await validateRule("campaign.new-year", ok, { at: T0 })).ok, JSON.stringify(ok)).toBe(true);
    }
    await publishRule({ ruleKey: "campaign.weekdays", definition: campaign({ name: { en: "Weekdays", "zh-CN": "工作日" }, priority: 5, daysOfWeek: [1, 2, 3, 4, 5] }), effectiveAt: "now", action: "rule.publish" }, admin);
    expect((await validateRule("campaign.weekends", campaign({ priority: 5, daysOfWeek: [6, 7] }), { at: T0 })).ok).toBe(true);
    // Saturday 2 Jan 2027 is in both windows: weekends + Saturdays-only overlap on that day.
    expect((await validateRule("campaign.sat", campaign({ priority: 5, daysOfWeek: [6], startsAt: "2027-01-02T00:00", endsAt: "2027-01-03T00:00" }), { at: T0 })).ok).toBe(true);
    expect((await validateRule("campaign.sat", campaign({ priority: 0, daysOfWeek: [6], startsAt: "2027-01-02T00:00", endsAt: "2027-01-03T00:00" }), { at: T0 })).ok).toBe(false);
    // Editing the campaign itself is not an overlap with its own earlier version.
    expect((await validateRule("campaign.holiday", campaign({ endsAt: "2027-01-05T00:00" }), { at: T0 })).ok).toBe(true);
  });

  test("a scheduled campaign counts; one that will never be in force does not", async () => {
    const clock = freezeClock(new Date("2026-11-24T00:00:00Z"));
    const admin = await newAdmin();
    const spring = campaign({ name: { en: "Spring", "zh-CN": "春" }, startsAt: "2027-03-01T00:00", endsAt: "2027-03-10T00:00", priority: 9 });
    await publishRule({ ruleKey: "campaign.spring", definition: spring, effectiveAt: new Date("2027-02-01T00:00:00Z"), action: "rule.publish" }, admin);
    expect((await validateRule("campaign.spring-2", spring, { at: new Date("2026-11-24T00:00:00Z") })).issues[0]?.params.other).toBe("campaign.spring");
    // Superseded now by a disabled version: the scheduled one never takes effect.
    clock.advance(1000);
    await publishRule({ ruleKey: "campaign.spring", definition: { ...spring, enabled: false }, effectiveAt: "now", action: "rule.publish" }, admin);
    expect((await validateRule("campaign.spring-2", spring, { at: new Date("2026-11-24T00:00:01Z") })).ok).toBe(true);
  });
});
