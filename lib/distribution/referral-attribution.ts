// A member's arrival through a distributor: recorded at sign-up (and when a signed-in member opens
// a link), bound at once or remembered for the attribution window, per the binding setting.
import { and, desc, eq, gt, lte } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { distributors, referralAttributions, type AttributionSource } from "@/db/schema";
import { DAY_MS, now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { activeDistributorByCode, bindingRefusal, bindReferrer } from "./bind-referrer";

export async function recordAttribution(
  ex: Executor,
  a: { memberId: string; distributorId: string; source: AttributionSource; atSignup: boolean; at: Date; windowDays: number },
): Promise<void> {
  await ex.insert(referralAttributions).values({
    id: newId(),
    memberId: a.memberId,
    distributorId: a.distributorId,
    source: a.source,
    atSignup: a.atSignup,
    createdAt: a.at,
    expiresAt: new Date(a.at.getTime() + a.windowDays * DAY_MS),
  });
}

/**
 * A new member who gave a code (typed, or carried from the link): refused if unknown, disabled or
 * their own; remembered as the funnel's sign-up and for the attribution window; bound now when the
 * setting binds at sign-up (otherwise at their first order, from this attribution). Returns the
 * distributor.
 */
export async function referAtSignup(tx: Tx, memberId: string, code: string, { source, actor }: { source: "link" | "code" | "api"; actor: string }): Promise<{ distributorId: string }> {
  const at = now();
  const dist = await activeDistributorByCode(tx, code);
  if (dist.memberId === memberId) throw bindingRefusal.self();
  const rule = (await loadRuleset(at, tx)).distribution.definition;
  await recordAttribution(tx, { memberId, distributorId: dist.memberId, source: source === "link" ? "link" : "code", atSignup: true, at, windowDays: rule.attributionWindowDays });
  if (rule.binding.mode === "signup") await bindReferrer(tx, memberId, dist.code, { source, actor, rule, at });
  return { distributorId: dist.memberId };
}

/** The code of the distributor whose live attribution (latest first, at `at`) an order goes to, if any. */
export async function liveAttributionCode(ex: Executor, memberId: string, at: Date): Promise<string | null> {
  const [row] = await ex
    .select({ code: distributors.code })
    .from(referralAttributions)
    .innerJoin(distributors, and(eq(distributors.memberId, referralAttributions.distributorId), eq(distributors.status, "active")))
    .where(and(eq(referralAttributions.memberId, memberId), lte(referralAttributions.createdAt, at), gt(referralAttributions.expiresAt, at)))
    .orderBy(desc(referralAttributions.createdAt))
    .limit(1);
  return row?.code ?? null;
}
