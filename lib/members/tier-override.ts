// The end of an admin's tier override (set in lib/admin-members/member-status.ts): the tier is
// decided again from qualification, which may be lower than the override was.
import { and, eq, isNotNull, lte } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { members, tierHistory } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { qualifyTier } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { tierMetrics } from "./tier-metrics";

/** Ends a member's override: the tier is decided again from qualification. The member row is locked by the caller. */
export async function endOverride(tx: Tx, memberId: string, fromCode: string, why: "override-cleared" | "override-expired", tiers?: Awaited<ReturnType<typeof loadRuleset>>["tiers"]): Promise<string> {
  const at = now();
  const version = tiers ?? (await loadRuleset(at, tx)).tiers;
  const qualified = qualifyTier(version.definition, await tierMetrics(memberId, at, version.definition.qualification.windowMonths, tx));
  await tx.update(members).set({ tierCode: qualified.code, tierOverrideCode: null, tierOverrideUntil: null }).where(eq(members.id, memberId));
  if (qualified.code !== fromCode) await tx.insert(tierHistory).values({ id: newId(), memberId, fromCode, toCode: qualified.code, reason: why, ruleVersionId: version.id, createdAt: at });
  return qualified.code;
}

/** For `npm run maintenance`: ends every override that has expired. One transaction per member. */
export async function expireTierOverrides(): Promise<number> {
  const at = now();
  const due = await db.select({ id: members.id }).from(members).where(and(isNotNull(members.tierOverrideUntil), lte(members.tierOverrideUntil, at))).limit(10_000);
  let n = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [m] = await tx.select().from(members).where(eq(members.id, id)).for("update");
      if (!m?.tierOverrideUntil || m.tierOverrideUntil > at) return;
      await endOverride(tx, id, m.tierCode, "override-expired");
      n++;
    });
  }
  return n;
}
