// Everything that decides whether a definition may be published: its schema (field paths as
// parseRule reports them) and, for a campaign, that it is not ambiguous with another campaign that is
// in force or scheduled.
import { and, eq, like, ne } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ruleVersions } from "@/db/schema";
import { env } from "@/lib/env";
import { campaignRuleSchema, type CampaignRule } from "../schema";
import { ambiguousOverlaps, type CampaignCandidate } from "./campaign-overlap";
import { checkDefinition, type RuleCheck } from "./rule-issues";
import { versionStatuses } from "./version-status";

export async function validateRule(ruleKey: string, definition: unknown, { at, ex = db }: { at: Date; ex?: Executor }): Promise<RuleCheck> {
  const check = checkDefinition(ruleKey, definition);
  if (!check.ok || check.kind !== "campaign") return check;
  const others = await liveCampaigns(ex, ruleKey, at);
  const overlaps = ambiguousOverlaps({ ruleKey, definition: check.definition as CampaignRule }, others, env.DEPLOYMENT_TZ);
  if (!overlaps.length) return check;
  return {
    ok: false,
    kind: "campaign",
    issues: overlaps.map((o) => ({
      path: "definition.priority",
      code: "custom",
      reason: "campaign-overlap",
      params: { other: o.ruleKey, otherEn: o.name.en, otherZh: o.name["zh-CN"], from: o.from.toISOString(), until: o.until?.toISOString() ?? null, priority: (check.definition as CampaignRule).priority, timeZone: env.DEPLOYMENT_TZ },
      message: `overlaps ${o.ruleKey} (“${o.name.en}”): both best-only with the same priority from ${o.from.toISOString()}; change the priority or the window`,
    })),
  };
}

/** Other campaigns' versions that are in force at `at` or will be (scheduled, not superseded). */
async function liveCampaigns(ex: Executor, exceptKey: string, at: Date): Promise<CampaignCandidate[]> {
  const rows = await ex
    .select({ ruleKey: ruleVersions.ruleKey, version: ruleVersions.version, effectiveAt: ruleVersions.effectiveAt, definition: ruleVersions.definition })
    .from(ruleVersions)
    .where(and(eq(ruleVersions.kind, "campaign"), like(ruleVersions.ruleKey, "campaign.%"), ne(ruleVersions.ruleKey, exceptKey)));
  const byKey = new Map<string, typeof rows>();
  for (const r of rows) byKey.set(r.ruleKey, [...(byKey.get(r.ruleKey) ?? []), r]);
  const out: CampaignCandidate[] = [];
  for (const [ruleKey, versions] of byKey) {
    const status = versionStatuses(versions, at);
    for (const v of versions) {
      const s = status.get(v.version);
      if (s !== "in-force" && s !== "scheduled") continue;
      const parsed = campaignRuleSchema.safeParse(v.definition);
      if (parsed.success) out.push({ ruleKey, definition: parsed.data });
    }
  }
  return out;
}
