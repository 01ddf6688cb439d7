import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { members, tierHistory } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { findTier, qualifyTier, type TiersRule, type Versioned } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { tierMetrics } from "./tier-metrics";
import { endOverride } from "./tier-override";

/**
 * Upgrades a member as soon as they qualify (after an earn). Downgrades only happen at the end of a
 * review period (a separate use case), so a refund never flips a tier back and forth mid-period.
 */
export async function refreshTier(tx: Tx, memberId: string, tiers?: Versioned<TiersRule>): Promise<{ from: string; to: string } | null> {
  const at = now();
  const version = tiers ?? (await loadRuleset(at, tx)).tiers;
  const rule = version.definition;
  const [m] = await tx.select({ tierCode: members.tierCode, overrideUntil: members.tierOverrideUntil }).from(members).where(eq(members.id, memberId)).for("update");
  if (!m) return null;
  // An admin's tier override holds until it expires; after that the tier is decided afresh.
  if (m.overrideUntil && m.overrideUntil > at) return null;
  if (m.overrideUntil) {
    const to = await endOverride(tx, memberId, m.tierCode, "override-expired", version);
    return to === m.tierCode ? null : { from: m.tierCode, to };
  }
  const qualified = qualifyTier(rule, await tierMetrics(memberId, at, rule.qualification.windowMonths, tx));
  const current = findTier(rule, m.tierCode);
  const rank = (code: string) => rule.tiers.findIndex((t) => t.code === code);
  if (current && rank(qualified.code) <= rank(current.code)) return null;
  await tx.update(members).set({ tierCode: qualified.code }).where(eq(members.id, memberId));
  await tx.insert(tierHistory).values({ id: newId(), memberId, fromCode: m.tierCode, toCode: qualified.code, reason: "qualified", ruleVersionId: version.id, createdAt: at });
  return { from: m.tierCode, to: qualified.code };
}
