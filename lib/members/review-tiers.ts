import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { members, tierHistory } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { decideTierAtPeriodEnd } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { tierMetrics } from "./tier-metrics";

/**
 * The end-of-period tier review (run by `npm run tiers:review`, e.g. monthly from cron): every
 * member's tier is decided again from the rolling window under the downgrade policy in force
 * (recalculate, one level at most, or never). Upgrades normally happened already, at earn time.
 * A manual override that has not expired is left alone. Batches by member id; one transaction each.
 */
export async function reviewTiers({ batchSize = 500, log = (() => {}) as (line: string) => void } = {}): Promise<{ reviewed: number; upgraded: number; downgraded: number }> {
  const at = now();
  const rules = await loadRuleset(at);
  const rule = rules.tiers.definition;
  const totals = { reviewed: 0, upgraded: 0, downgraded: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db
      .select({ id: members.id })
      .from(members)
      .where(gt(members.id, after))
      .orderBy(asc(members.id))
      .limit(batchSize);
    if (!batch.length) break;
    for (const { id } of batch) {
      await db.transaction(async (tx) => {
        const [m] = await tx.select().from(members).where(eq(members.id, id)).for("update");
        if (!m || (m.tierOverrideCode && m.tierOverrideUntil && m.tierOverrideUntil > at)) return;
        const decision = decideTierAtPeriodEnd(rule, m.tierCode, await tierMetrics(id, at, rule.qualification.windowMonths, tx));
        if (decision.tier.code === m.tierCode) return;
        await tx.update(members).set({ tierCode: decision.tier.code, tierOverrideCode: null, tierOverrideUntil: null }).where(and(eq(members.id, id)));
        await tx.insert(tierHistory).values({ id: newId(), memberId: id, fromCode: m.tierCode, toCode: decision.tier.code, reason: `review:${decision.change}`, ruleVersionId: rules.tiers.id, createdAt: at });
        if (decision.change === "upgrade") totals.upgraded++;
        else totals.downgraded++;
      });
      totals.reviewed++;
    }
    after = batch[batch.length - 1]!.id;
    log(`reviewed ${totals.reviewed} members`);
  }
  return totals;
}
