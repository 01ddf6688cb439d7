import { describe, expect, test } from "vitest";
import { campaignRuleSchema, DEFAULT_RULES, earningRuleSchema, type CampaignRuleInput } from "../schema";
import { buildRuleset } from "../ruleset";
import { ambiguousOverlaps, sharedTime } from "./campaign-overlap";
import { diffDefinitions, flatten } from "./diff-definitions";
import { checkDefinition } from "./rule-issues";
import { supersededBy, versionStatuses } from "./version-status";
import { withRule } from "./with-rule";
import { pointsValueCents, RulesetTimeline } from "./backtest-math";

const d = (s: string) => new Date(s);

describe("versionStatuses", () => {
  test.each([
    // [versions as [version, effectiveAt], at, expected statuses by version]
    [[[1, "2000-01-01"]], "2026-01-01", { 1: "in-force" }],
    [[[1, "2000-01-01"], [2, "2026-02-01"]], "2026-01-01", { 1: "in-force", 2: "scheduled" }],
    [[[1, "2000-01-01"], [2, "2026-02-01"]], "2026-02-01", { 1: "past", 2: "in-force" }],
    // v3 published "now" over a scheduled v2: v2 never takes effect.
    [[[1, "2000-01-01"], [2, "2026-02-01"], [3, "2026-01-02"]], "2026-01-03", { 1: "past", 2: "superseded", 3: "in-force" }],
    // v3 scheduled after v2: both take effect in turn.
    [[[1, "2000-01-01"], [2, "2026-02-01"], [3, "2026-03-01"]], "2026-01-03", { 1: "in-force", 2: "scheduled", 3: "scheduled" }],
    // Same instant: the higher version wins.
    [[[1, "2000-01-01"], [2, "2026-02-01"], [3, "2026-02-01"]], "2026-03-01", { 1: "past", 2: "superseded", 3: "in-force" }],
  ] as const)("%j at %s", (versions, at, expected) => {
    const statuses = versionStatuses(versions.map(([version, e]) => ({ version, effectiveAt: d(e) })), d(at));
    expect(Object.fromEntries(statuses)).toEqual(expected);
  });

  test("supersededBy lists the scheduled versions a new effective time would cancel", () => {
    const vs = [{ version: 1, effectiveAt: d("2000-01-01") }, { version: 2, effectiveAt: d("2026-02-01") }, { version: 3, effectiveAt: d("2026-03-01") }];
    expect(supersededBy(vs, d("2026-01-05"), d("2026-01-05")).map((v) => v.version)).toEqual([2, 3]);
    expect(supersededBy(vs, d("2026-02-15"), d("2026-01-05")).map((v) => v.version)).toEqual([3]);
    expect(supersededBy(vs, d("2026-04-01"), d("2026-01-05"))).toEqual([]);
  });
});

describe("campaign overlap", () => {
  const c = (o: Partial<CampaignRuleInput>) =>
    campaignRuleSchema.parse({ name: { en: "A", "zh-CN": "甲" }, startsAt: "2026-12-01T00:00", endsAt: "2026-12-08T00:00", award: { kind: "flat", points: 10 }, stacking: "best-only", ...o });
  const tz = "Asia/Shanghai";

  test.each([
    ["same window", {}, {}, true],
    ["touching windows", {}, { startsAt: "2026-12-08T00:00", endsAt: null }, false],
    ["one minute shared", {}, { startsAt: "2026-12-07T23:59", endsAt: null }, true],
    ["open-ended both", { endsAt: null }, { startsAt: "2030-01-01T00:00", endsAt: null }, true],
    ["disjoint weekdays", { daysOfWeek: [1, 2] }, { daysOfWeek: [3] }, false],
    // 1 Dec 2026 is a Tuesday; a Tue-only window against a Wednesday-only campaign sharing only Tuesday
    ["shared weekday outside the shared window", { startsAt: "2026-12-01T00:00", endsAt: "2026-12-02T00:00", daysOfWeek: [2, 3] }, { daysOfWeek: [3] }, false],
    ["shared weekday in the last partial day", { startsAt: "2026-12-01T23:30", endsAt: "2026-12-02T00:10" }, { daysOfWeek: [3] }, true],
    ["absolute vs local instants", { startsAt: "2026-11-30T16:00:00Z", endsAt: "2026-11-30T16:30:00Z" }, { startsAt: "2026-12-01T00:29" }, true],
  ] as [string, Partial<CampaignRuleInput>, Partial<CampaignRuleInput>, boolean][])("%s", (_name, a, b, expected) => {
    expect(sharedTime(c(a), c(b), tz) !== null).toBe(expected);
  });

  test("only best-only, enabled, same priority; names the other campaign", () => {
    const self = { ruleKey: "campaign.a", definition: c({}) };
    const others = [
      { ruleKey: "campaign.b", definition: c({ name: { en: "B", "zh-CN": "乙" } }) },
      { ruleKey: "campaign.c", definition: c({ priority: 1 }) },
      { ruleKey: "campaign.d", definition: c({ stacking: "stack" }) },
      { ruleKey: "campaign.e", definition: c({ enabled: false }) },
      { ruleKey: "campaign.a", definition: c({}) },
    ];
    expect(ambiguousOverlaps(self, others, tz)).toEqual([{ ruleKey: "campaign.b", name: { en: "B", "zh-CN": "乙" }, from: d("2026-11-30T16:00:00Z"), until: d("2026-12-07T16:00:00Z") }]);
    expect(ambiguousOverlaps({ ...self, definition: c({ stacking: "stack" }) }, others, tz)).toEqual([]);
  });
});

describe("diffDefinitions", () => {
  test("leaf by leaf, arrays by position, added and removed", () => {
    const before = { a: 1, list: [1, 2], o: { x: true }, gone: "y", empty: {} };
    const after = { a: 2, list: [1, 2, 3], o: { x: true }, empty: { k: 1 } };
    expect(diffDefinitions(before, after)).toEqual([
      { path: "a", before: 1, after: 2, status: "changed" },
      { path: "list.0", before: 1, after: 1, status: "same" },
      { path: "list.1", before: 2, after: 2, status: "same" },
      { path: "list.2", before: undefined, after: 3, status: "added" },
      { path: "o.x", before: true, after: true, status: "same" },
      { path: "empty.k", before: undefined, after: 1, status: "added" },
      { path: "gone", before: "y", after: undefined, status: "removed" },
      { path: "empty", before: {}, after: undefined, status: "removed" },
    ]);
    expect([...flatten(null).entries()]).toEqual([["", null]]);
    // Nothing in force yet: every field of the new rule is added, nothing removed.
    expect(diffDefinitions({}, { a: 1 })).toEqual([{ path: "a", before: undefined, after: 1, status: "added" }]);
  });
});

describe("checkDefinition and withRule", () => {
  test("issues keep the zod code and values", () => {
    const check = checkDefinition("distribution", { depth: 4 });
    expect(check.ok).toBe(false);
    expect(check.issues).toContainEqual({ path: "definition.depth", code: "too_big", params: { maximum: 3, inclusive: true, origin: "number" }, message: expect.any(String) });
    expect(checkDefinition("nope", {}).issues[0]).toMatchObject({ path: "ruleKey", reason: "unknown-key" });
  });

  test("a draft replaces its key in the ruleset, or joins it", () => {
    const rules = buildRuleset(DEFAULT_RULES.map((r, i) => ({ id: `v${i}`, ruleKey: r.ruleKey, definition: r.definition })));
    const earning = earningRuleSchema.parse({ pointsPerUnit: 2 });
    expect(withRule(rules, "earning", "earning", earning).earning).toEqual({ id: "draft", ruleKey: "earning", definition: earning });
    const camp = campaignRuleSchema.parse({ name: { en: "A", "zh-CN": "甲" }, startsAt: "2026-12-01T00:00", award: { kind: "flat", points: 1 } });
    const added = withRule(rules, "campaign.a", "campaign", camp);
    expect(added.campaigns.map((c) => c.ruleKey)).toEqual(["campaign.a"]);
    expect(withRule(added, "campaign.a", "campaign", camp, "x").campaigns.map((c) => c.id)).toEqual(["x"]);
    expect(rules.campaigns).toEqual([]);
  });
});

describe("backtest timeline", () => {
  const base = DEFAULT_RULES.map((r, i) => ({ id: `d${i}`, ruleKey: r.ruleKey, version: 1, effectiveAt: d("2000-01-01T00:00:00Z"), definition: r.definition }));
  const v2 = { id: "e2", ruleKey: "earning", version: 2, effectiveAt: d("2026-11-20T00:00:00Z"), definition: earningRuleSchema.parse({ pointsPerUnit: 2 }) };

  test("the version in force at each instant, both edges; the draft replaces its key at every instant", () => {
    const timeline = new RulesetTimeline([...base, v2]);
    expect(timeline.at(d("2026-11-19T23:59:59.999Z")).earning.id).toBe(base[0]!.id);
    expect(timeline.at(d("2026-11-20T00:00:00Z")).earning.id).toBe("e2");
    const withDraft = new RulesetTimeline([...base, v2], { ruleKey: "earning", kind: "earning", definition: earningRuleSchema.parse({ pointsPerUnit: 5 }) });
    for (const t of ["2001-01-01T00:00:00Z", "2026-11-20T00:00:00Z"]) expect(withDraft.at(d(t)).earning).toMatchObject({ id: "draft", definition: { pointsPerUnit: 5 } });
    expect(withDraft.at(d("2026-11-21T00:00:00Z")).tiers.id).toBe(base[1]!.id);
  });

  test.each([
    [150, 100, 150],
    [1, 3, 33],
    [-1, 3, -34],
    [0, 7, 0],
  ])("%i points at %i per ¥1 → %i cents (rounded down)", (points, ppu, cents) => {
    expect(pointsValueCents(points, ppu)).toBe(cents);
  });
});
