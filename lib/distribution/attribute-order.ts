// An order that carries a referral code (API.md: `referralCode` on POST /orders) for a buyer who has
// no upline yet. With binding on the first order the buyer is bound then (a binding like any other:
// never a cycle, never oneself); with binding at sign-up the order alone is attributed to the code's
// distributor and their upline, and the buyer stays unbound. A buyer who already has an upline is
// never moved by an order's code: their own upline is paid.
import { and, asc, eq, lte } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { distributors, referralPaths } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { DistributionRule } from "@/lib/rules/schema";
import { bindReferrer } from "./bind-referrer";
import { MAX_COMMISSION_DEPTH } from "./commission-math";

/** The upline (nearest first, at most 3) this order pays; [] when the code cannot apply. */
export async function attributeOrder(tx: Tx, buyerId: string, code: string, rule: DistributionRule): Promise<string[]> {
  const [dist] = await tx
    .select({ memberId: distributors.memberId, status: distributors.status })
    .from(distributors)
    .where(eq(distributors.code, code.trim().toUpperCase()))
    .limit(1);
  if (!dist || dist.status !== "active") {
    throw new DomainError("invalid-request", "unknown referral code", { errors: [{ path: "referralCode", message: "validation.referralCodeUnknown" }] });
  }
  if (dist.memberId === buyerId) return []; // one's own code: self-purchase rules decide, not attribution
  const above = await tx
    .select({ id: referralPaths.ancestorId })
    .from(referralPaths)
    .where(and(eq(referralPaths.descendantId, dist.memberId), lte(referralPaths.depth, MAX_COMMISSION_DEPTH - 1)))
    .orderBy(asc(referralPaths.depth));
  // The buyer above the distributor would pay themselves through the chain: not attributed.
  if (above.some((a) => a.id === buyerId)) return [];
  if (rule.binding.mode === "first-order") await bindReferrer(tx, buyerId, code);
  return [dist.memberId, ...above.map((a) => a.id)];
}
