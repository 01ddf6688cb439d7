// An order of a buyer who has no upline yet, with a distributor to attribute it to: the order's
// referral code (API.md: `referralCode` on POST /orders) or the buyer's live link attribution. With
// binding on the first order the buyer is bound then (a binding like any other: never a cycle,
// never oneself, never a re-binding the policy forbids, else the order is attributed only); with
// binding at sign-up the order alone is attributed to the distributor and their upline, and the
// buyer stays unbound. A buyer who already has an upline is never moved by an order: their own
// upline is paid.
import { and, asc, eq, lte } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { referralPaths, type BindingSource } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import type { DistributionRule } from "@/lib/rules/schema";
import { activeDistributorByCode, bindReferrer } from "./bind-referrer";
import { MAX_COMMISSION_DEPTH } from "./commission-math";

/** The upline (nearest first, at most 3) this order pays; [] when the code cannot apply. */
export async function attributeOrder(
  tx: Tx,
  buyerId: string,
  code: string,
  rule: DistributionRule,
  { source = "api", actor = "system", at }: { source?: BindingSource; actor?: string; at?: Date } = {},
): Promise<string[]> {
  const dist = await activeDistributorByCode(tx, code);
  if (dist.memberId === buyerId) return []; // one's own code: self-purchase rules decide, not attribution
  const above = await tx
    .select({ id: referralPaths.ancestorId })
    .from(referralPaths)
    .where(and(eq(referralPaths.descendantId, dist.memberId), lte(referralPaths.depth, MAX_COMMISSION_DEPTH - 1)))
    .orderBy(asc(referralPaths.depth));
  // The buyer above the distributor would pay themselves through the chain: not attributed.
  if (above.some((a) => a.id === buyerId)) return [];
  if (rule.binding.mode === "first-order") {
    try {
      await bindReferrer(tx, buyerId, dist.code, { source, actor, rule, at });
    } catch (e) {
      // The policy refuses the binding (e.g. a lapsed binding and no re-binding): the order is
      // still the distributor's sale, the buyer stays unbound. The savepoint undid any write.
      if (!(isDomainError(e) && (e.code === "conflict" || e.code === "not-eligible"))) throw e;
    }
  }
  return [dist.memberId, ...above.map((a) => a.id)];
}
