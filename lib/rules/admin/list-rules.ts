// The rules overview: every rule key with the version in force, what is scheduled, and whether the
// admin has a draft (including drafts of keys that have no version yet).
import { eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ruleDrafts, ruleVersions } from "@/db/schema";
import { ruleKindOf, type RuleKind } from "../schema";
import { checkDefinition } from "./rule-issues";
import { versionStatuses } from "./version-status";

export interface RuleOverview {
  ruleKey: string;
  kind: RuleKind;
  inForce: { id: string; version: number; effectiveAt: Date; definition: unknown; valid: boolean } | null;
  scheduled: { version: number; effectiveAt: Date }[];
  /** The next scheduled version's definition when nothing is in force yet (to name the rule). */
  upcoming: unknown;
  latestVersion: number | null;
  hasDraft: boolean;
}

const KIND_ORDER: RuleKind[] = ["earning", "tiers", "campaign", "action", "distribution"];

export async function listRules(at: Date, actor: { userId: string }, ex: Executor = db): Promise<RuleOverview[]> {
  const [versions, drafts] = await Promise.all([
    ex.select({ id: ruleVersions.id, ruleKey: ruleVersions.ruleKey, version: ruleVersions.version, effectiveAt: ruleVersions.effectiveAt }).from(ruleVersions),
    ex.select({ ruleKey: ruleDrafts.ruleKey }).from(ruleDrafts).where(eq(ruleDrafts.createdBy, actor.userId)),
  ]);
  const byKey = new Map<string, typeof versions>();
  for (const v of versions) byKey.set(v.ruleKey, [...(byKey.get(v.ruleKey) ?? []), v]);
  const draftKeys = new Set(drafts.map((d) => d.ruleKey));
  const keys = [...new Set([...byKey.keys(), ...draftKeys])].filter((k) => ruleKindOf(k) !== null);

  const inForceIds: string[] = [];
  const upcomingIds: string[] = [];
  const rows = keys.map((ruleKey) => {
    const vs = byKey.get(ruleKey) ?? [];
    const status = versionStatuses(vs, at);
    const current = vs.find((v) => status.get(v.version) === "in-force") ?? null;
    if (current) inForceIds.push(current.id);
    const firstScheduled = vs.filter((v) => status.get(v.version) === "scheduled").sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime())[0];
    if (!current && firstScheduled) upcomingIds.push(firstScheduled.id);
    return {
      ruleKey,
      kind: ruleKindOf(ruleKey)!,
      current,
      firstScheduled,
      scheduled: vs
        .filter((v) => status.get(v.version) === "scheduled")
        .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime())
        .map((v) => ({ version: v.version, effectiveAt: v.effectiveAt })),
      latestVersion: vs.length ? Math.max(...vs.map((v) => v.version)) : null,
      hasDraft: draftKeys.has(ruleKey),
    };
  });
  const wanted = [...inForceIds, ...upcomingIds];
  const defs = wanted.length ? await ex.select({ id: ruleVersions.id, definition: ruleVersions.definition }).from(ruleVersions).where(inArray(ruleVersions.id, wanted)) : [];
  const defById = new Map(defs.map((d) => [d.id, d.definition]));

  return rows
    .map(({ current, firstScheduled, ...r }): RuleOverview => {
      if (!current) return { ...r, inForce: null, upcoming: firstScheduled ? (defById.get(firstScheduled.id) ?? null) : null };
      const raw = defById.get(current.id);
      const check = checkDefinition(r.ruleKey, raw);
      return { ...r, upcoming: null, inForce: { id: current.id, version: current.version, effectiveAt: current.effectiveAt, definition: check.ok ? check.definition : raw, valid: check.ok } };
    })
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.ruleKey < b.ruleKey ? -1 : a.ruleKey > b.ruleKey ? 1 : 0));
}
